// SPDX-License-Identifier: GPL-3.0-or-later
// bench_verify DIR [N]: verifies up to N (default 1,000) signed PDFs stored by bench_sign in DIR/bench-sign.db
// against DIR/ca.pem: PAdES signature, the embedded packet's XMLDSig and the digest match (signing::verifyDocument).
// Prints PDFs/s; peer: poppler `pdfsig` ~60–110 PDFs/s (measured here on a few files when pdfsig is installed).
#include "store/Database.h"
#include "token/TokenTypes.h"
#include "verify/DocumentVerifier.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace hocba;

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_verify DIR [N]   (DIR kept by: bench_sign N DIR)\n");
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    const int wanted = argc > 2 ? std::max(1, QString::fromLocal8Bit(argv[2]).toInt()) : 1000;
    auto db = store::Database::openOrCreate(dir.filePath(QStringLiteral("bench-sign.db")));
    if (!db)
        return 1;
    QFile ca(dir.filePath(QStringLiteral("ca.pem")));
    if (!ca.open(QIODevice::ReadOnly))
        return 1;
    auto anchor = signing::CertificateInfo::fromPemOrDer(ca.readAll());
    if (!anchor)
        return 1;
    auto st = (*db)->prepare(QStringLiteral("SELECT pdf FROM signed_document WHERE pdf IS NOT NULL LIMIT ?1"));
    if (!st)
        return 1;
    st->bind(1, wanted);
    QList<QByteArray> pdfs;
    while (st->step().value_or(false))
        pdfs << st->blob(0);
    if (pdfs.isEmpty())
        return 1;
    QElapsedTimer t;
    t.start();
    int ok = 0;
    for (const QByteArray& pdf : pdfs)
        if (auto v = signing::verifyDocument(pdf, {anchor->der}); v && v->ok())
            ++ok;
    const double secs = t.nsecsElapsed() / 1e9;
    std::printf("verified %lld PDFs (%d valid) in %.2f s: %.1f PDFs/s (%.2f ms each; PAdES + embedded packet XMLDSig "
                "+ digest)\n",
                qlonglong(pdfs.size()), ok, secs, pdfs.size() / secs, secs * 1000 / pdfs.size());
    if (!QStandardPaths::findExecutable(QStringLiteral("pdfsig")).isEmpty()) {
        QTemporaryDir tmp;
        const int peerN = int(std::min<qsizetype>(20, pdfs.size()));
        for (int i = 0; i < peerN; ++i) {
            QFile f(tmp.filePath(QStringLiteral("%1.pdf").arg(i)));
            if (f.open(QIODevice::WriteOnly))
                f.write(pdfs[i]);
        }
        t.restart();
        for (int i = 0; i < peerN; ++i) {
            QProcess p;
            p.start(QStringLiteral("pdfsig"), {tmp.filePath(QStringLiteral("%1.pdf").arg(i))});
            p.waitForFinished();
        }
        std::printf("peer: pdfsig %.1f PDFs/s on %d files (one process per file, signature only)\n",
                    peerN / (t.nsecsElapsed() / 1e9), peerN);
    }
    return ok == pdfs.size() ? 0 : 1;
}
