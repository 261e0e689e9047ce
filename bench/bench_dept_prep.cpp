// SPDX-License-Identifier: GPL-3.0-or-later
// bench_dept_prep DIR [N]: for bench_dept.sh. Reads up to N (default 200) signed records that bench_sign kept in
// DIR/bench-sign.db and writes what wrk sends: DIR/bodies.txt (one upload body {"packet","pdf"} a line), DIR/codes.txt
// (their lookup codes) and DIR/school.txt (school code, school year). Then measures the in-process verification bound
// the server cannot beat: signing::verifyDocument of the PDF with the packet it carries (what the server checks; the
// packet sent beside it is compared by digest, not verified again), one record after another, one thread,
// against DIR/ca.pem, for at least 3 s; prints it as "bound <records/s> <ms each>".
#include "packet/PacketDigest.h"
#include "packet/PacketReader.h"
#include "store/Database.h"
#include "token/TokenTypes.h"
#include "verify/DocumentVerifier.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace hocba;

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_dept_prep DIR [N]   (DIR kept by: bench_sign N DIR)\n");
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    const int wanted = argc > 2 ? std::max(1, QString::fromLocal8Bit(argv[2]).toInt()) : 200;
    auto db = store::Database::openExisting(dir.filePath(QStringLiteral("bench-sign.db")));
    QFile ca(dir.filePath(QStringLiteral("ca.pem")));
    if (!db || !ca.open(QIODevice::ReadOnly))
        return 1;
    auto anchor = signing::CertificateInfo::fromPemOrDer(ca.readAll());
    auto st = (*db)->prepare(
        QStringLiteral("SELECT packet_xml, pdf FROM signed_document WHERE pdf IS NOT NULL ORDER BY id LIMIT ?1"));
    if (!anchor || !st)
        return 1;
    st->bind(1, wanted);
    QList<QPair<QByteArray, QByteArray>> records;
    while (st->step().value_or(false))
        records.append({st->blob(0), st->blob(1)});

    QFile bodies(dir.filePath(QStringLiteral("bodies.txt"))), codes(dir.filePath(QStringLiteral("codes.txt"))),
        school(dir.filePath(QStringLiteral("school.txt")));
    if (records.isEmpty() || !bodies.open(QIODevice::WriteOnly) || !codes.open(QIODevice::WriteOnly)
        || !school.open(QIODevice::WriteOnly))
        return 1;
    for (const auto& [packetXml, pdf] : records) {
        auto parsed = packet::readPacket(packetXml);
        if (!parsed)
            return 1;
        bodies.write(QJsonDocument(QJsonObject {{QStringLiteral("packet"), QString::fromLatin1(packetXml.toBase64())},
                                                {QStringLiteral("pdf"), QString::fromLatin1(pdf.toBase64())}})
                         .toJson(QJsonDocument::Compact)
                     + '\n');
        codes.write(parsed->lookupCode.toLatin1() + '\n');
        if (school.size() == 0)
            school.write(parsed->school.moetCode.toLatin1() + ' ' + parsed->schoolYear.toString().toLatin1() + '\n');
    }

    // Passes over the records for at least 3 s, so that one busy moment of a shared machine weighs little.
    QElapsedTimer t;
    t.start();
    qint64 done = 0, ok = 0;
    while (done == 0 || t.elapsed() < 3000)
        for (const auto& [packetXml, pdf] : records) {
            auto p = signing::verifyDocument(pdf, {anchor->der});
            ok += p && p->ok() && p->packetDigest == packet::packetDigest(packetXml);
            ++done;
        }
    const double secs = t.nsecsElapsed() / 1e9;
    std::printf("records %lld valid %lld of %lld\nbound %.1f %.2f\n", qlonglong(records.size()), ok, done, done / secs,
                secs * 1000 / done);
    return ok == done ? 0 : 1;
}
