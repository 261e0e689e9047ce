// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: school file → packets → PDF. Every student field the layout shows must be in the packet and in the
// printed text, with Vietnamese diacritics intact; and hocba-cli render writes one book per record.
#include "CliRunner.h"
#include "Command.h"
#include "RenderTestUtil.h"
#include "StoreFixture.h"

#include "demo/DemoSchool.h"
#include "domain/PrintedText.h"
#include "lifecycle/RecordDocuments.h"
#include "packet/PacketWriter.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;

namespace {

int runCli(const QStringList& args, QString* out)
{
    const test::CliRun r = test::runCliInProcess(args);
    *out = r.out + r.err;
    return r.code;
}

/** pdftotext in raw order with white space folded, so values that wrap in a cell still match. */
QString pdfText(const QString& pdf)
{
    return QString::fromUtf8(
               test::runTool(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), pdf, QStringLiteral("-")}).out)
        .simplified();
}

} // namespace

class TestRecordDocument : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("school.hocba"));
        demo::DemoOptions o;
        o.students = 72;
        o.year = SchoolYear {2025};
        QVERIFY(demo::createDemoSchool(m_db, o));
    }

    void everyShownFieldIsInThePacketAndThePdf_data()
    {
        QTest::addColumn<QString>("className");
        QTest::newRow("primary, 5 years") << QStringLiteral("5A1");
        QTest::newRow("THCS, 4 years") << QStringLiteral("9A1");
    }

    void everyShownFieldIsInThePacketAndThePdf()
    {
        QFETCH(QString, className);
        auto db = test::openTestDatabase(m_db);
        const auto cls = store::SchoolRepository(*db).classByName(SchoolYear {2025}, className).value().value();
        const auto roster = store::StudentRepository(*db).roster(cls.id).value();
        QVERIFY(!roster.isEmpty());
        const store::RosterEntry& e = roster.first();
        const Student& s = e.student;

        auto input = lifecycle::renderInputForRecord(*db, e.recordId);
        QVERIFY2(input, qPrintable(input ? QString() : describe(input.error())));
        QCOMPARE(input->years.size(), className.startsWith(QLatin1Char('5')) ? 5 : 4);
        QByteArray packets;
        for (const auto& p : input->years)
            packets += packet::writePacket(p).value();
        const QString packetText = QString::fromUtf8(packets);

        const QString pdfPath = m_dir.filePath(className + QStringLiteral(".pdf"));
        QFile f(pdfPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(render::renderRecordPdf(*input).value());
        f.close();
        const QString text = pdfText(pdfPath);

        QStringList shown {s.fullName, s.ethnicity,          s.nationality,       s.birthplace,
                           s.address,  s.fatherName,         s.motherName,        s.personalId,
                           s.moetCode, s.registrationNumber, e.lookupCode.left(4)};
        if (className.startsWith(QLatin1Char('5')))
            shown << s.hometown; // "Quê quán" is on the primary form only (DOMAIN.md §3.1/§3.2)
        for (const QString& value : shown) {
            if (value.isEmpty())
                continue;
            QVERIFY2(packetText.contains(value.toHtmlEscaped()) || packetText.contains(value), qPrintable(value));
            QVERIFY2(text.contains(value.simplified()), qPrintable(QStringLiteral("PDF lacks: ") + value));
        }
        QVERIFY(text.contains(printedDate(s.birthDate))); // dd/MM/yyyy
        QVERIFY(text.contains(printedGender(s.gender)));
        QVERIFY(text.contains(QStringLiteral("Hoa Sen"))); // the school
        for (const auto& p : input->years) // every year and class of the book
            QVERIFY2(text.contains(p.schoolYear.toString()), qPrintable(p.schoolYear.toString()));
    }

    void renderCommandWritesOneBookPerRecord()
    {
        const QString out = m_dir.filePath(QStringLiteral("pdf"));
        QString log;
        const int code = runCli({QStringLiteral("render"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), out,
                                 QStringLiteral("--class"), QStringLiteral("7A1"), QStringLiteral("--jobs"),
                                 QStringLiteral("2"), QStringLiteral("--json")},
                                &log);
        QVERIFY2(code == int(ExitOk), qPrintable(log));
        const QJsonObject o = QJsonDocument::fromJson(log.toUtf8()).object();
        auto db = test::openTestDatabase(m_db);
        const auto cls = store::SchoolRepository(*db).classByName(SchoolYear {2025}, QStringLiteral("7A1")).value();
        const auto roster = store::StudentRepository(*db).roster(cls->id).value();
        QCOMPARE(o.value(QStringLiteral("written")).toInt(), roster.size());
        QVERIFY(o.value(QStringLiteral("failed")).toArray().isEmpty());
        const QStringList files = QDir(out).entryList({QStringLiteral("*.pdf")});
        QCOMPARE(files.size(), roster.size());
        // Named by lookup code only: no personal names in file names.
        for (const QString& name : files)
            QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{32}\\.pdf$")).match(name).hasMatch(),
                     qPrintable(name));
        QCOMPARE(test::runTool(QStringLiteral("qpdf"), {QStringLiteral("--check"), QDir(out).filePath(files.first())})
                     .exitCode,
                 0);

        QCOMPARE(runCli({QStringLiteral("render"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), out,
                         QStringLiteral("--jobs"), QStringLiteral("0")},
                        &log),
                 int(ExitUsage));
        QCOMPARE(runCli({QStringLiteral("render"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), out,
                         QStringLiteral("--class"), QStringLiteral("7Z9")},
                        &log),
                 int(ExitFailed));
    }
};

QTEST_MAIN(TestRecordDocument)
#include "TestRecordDocument.moc"
