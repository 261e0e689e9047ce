// SPDX-License-Identifier: GPL-3.0-or-later
// hocba-cli print and print-log (issue 14, the clerk's printing): a class printed to PDF logs one row per record with
// who, the version and the reason; a replaced version cannot be reprinted (the message names the current one); a
// draft prints with the watermark and is logged as a draft; a subject teacher may not print.
#include "../signing/TestPki.h"
#include "CliRunner.h"
#include "SigningFixture.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "lifecycle/Corrections.h"
#include "sheets/Workbook.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;

namespace {

/** The text of a PDF's first page (the cover, made from the record's latest year) without any white space: the
 * rotated draft watermark comes out one letter a line. */
QString coverText(const QString& path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-raw"), QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
             QStringLiteral("1"), path, QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput()).remove(QRegularExpression(QStringLiteral("\\s")));
}

QJsonArray printLogJson(const QString& db, const QStringList& more = {})
{
    auto run = test::runCliInProcess(
        QStringList {QStringLiteral("print-log"), QStringLiteral("--db"), db, QStringLiteral("--json")} + more);
    if (run.code != 0)
        qWarning("print-log: %s", qPrintable(run.err));
    return QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("print_log")).toArray();
}

const QString kWatermark = QStringLiteral("BẢNNHÁP");

} // namespace

class TestPrintCli : public QObject
{
    Q_OBJECT
    test::TestPki m_pki;
    test::SchoolTemplate m_template;
    QTemporaryDir m_out;

    struct Signed
    {
        QString db;
        QString section; ///< a signed section
        QString className; ///< its class
    };

    Signed signedCopy()
    {
        Signed s;
        s.db = m_template.copyPath();
        auto db = store::Database::openExisting(s.db);
        if (!db)
            return s;
        s.section = test::scalar(**db, QStringLiteral("SELECT min(id) FROM year_section WHERE state = 'signed'"));
        s.className = test::scalar(
            **db,
            QStringLiteral("SELECT c.name FROM year_section s JOIN class c ON c.id = s.class_id WHERE s.id = %1")
                .arg(s.section));
        return s;
    }

    test::CliRun print(const QString& db, const QStringList& args)
    {
        return test::runCliInProcess(QStringList {QStringLiteral("print"), QStringLiteral("--db"), db,
                                                  QStringLiteral("--by"), QStringLiteral("van.thu")}
                                     + args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        QVERIFY(m_pki.create());
        QVERIFY(m_template.create(12, 7, m_pki.caDer()));
        auto signer = m_pki.signer(false);
        QVERIFY(test::signFirstSections(m_template.path(), m_template.year, *signer, 2));
    }

    void classPrintLogsEveryRecordWithItsVersion()
    {
        const Signed s = signedCopy();
        QVERIFY(!s.section.isEmpty() && !s.className.isEmpty());
        const QString dir = m_out.filePath(QStringLiteral("class"));
        auto run = print(s.db,
                         {QStringLiteral("--year"), m_template.year.toString(), QStringLiteral("--class"), s.className,
                          QStringLiteral("--reason"), QStringLiteral("archive"), QStringLiteral("--out"), dir});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));

        auto db = store::Database::openExisting(s.db);
        QVERIFY(db);
        const int pupils = test::scalar(**db,
                                        QStringLiteral("SELECT count(*) FROM year_section s JOIN class c ON c.id "
                                                       "= s.class_id WHERE c.name = '%1' AND s.school_year = %2")
                                            .arg(s.className)
                                            .arg(m_template.year.startYear))
                               .toInt();
        QVERIFY(pupils > 1);
        const QJsonArray log = printLogJson(s.db, {QStringLiteral("--class"), s.className});
        QCOMPARE(log.size(), pupils);
        int drafts = 0;
        bool sawSigned = false;
        for (const auto& v : log) {
            const QJsonObject e = v.toObject();
            QCOMPARE(e.value(QStringLiteral("printed_by")).toString(), QStringLiteral("van.thu"));
            QCOMPARE(e.value(QStringLiteral("reason")).toString(), QStringLiteral("archive"));
            QCOMPARE(e.value(QStringLiteral("version")).toInt(), 1);
            QCOMPARE(e.value(QStringLiteral("copies")).toInt(), 1);
            QCOMPARE(e.value(QStringLiteral("target")).toString(), QStringLiteral("pdf"));
            QCOMPARE(e.value(QStringLiteral("packet_sha256")).toString().size(), 64);
            const QString file = QDir(dir).filePath(e.value(QStringLiteral("lookup_code")).toString() + ".pdf");
            QVERIFY2(QFile::exists(file), qPrintable(file));
            const bool draft = e.value(QStringLiteral("draft")).toBool();
            drafts += draft ? 1 : 0;
            // A draft is printed with the watermark and logged as such; a signed year without it.
            if (QString::number(e.value(QStringLiteral("section")).toInteger()) == s.section) {
                sawSigned = true;
                QVERIFY(!draft);
                QCOMPARE(e.value(QStringLiteral("state")).toString(), QStringLiteral("signed"));
                QVERIFY(!coverText(file).contains(kWatermark));
            } else if (draft) {
                QCOMPARE(e.value(QStringLiteral("state")).toString(), QStringLiteral("ready"));
                QVERIFY(coverText(file).contains(kWatermark));
            }
        }
        QVERIFY(sawSigned);
        QVERIFY(drafts > 0);
        // One audit entry per copy, in the chain, and the chain still verifies.
        QCOMPARE(
            test::scalar(**db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'record.print'")).toInt(),
            pupils);
        QCOMPARE(test::scalar(**db,
                              QStringLiteral("SELECT count(DISTINCT actor) || actor FROM audit_log WHERE action "
                                             "= 'record.print'")),
                 QStringLiteral("1van.thu"));
        // The log cannot be edited or emptied.
        QVERIFY(!(*db)->exec(QStringLiteral("UPDATE print_log SET reason = 'parent'")));
        QVERIFY(!(*db)->exec(QStringLiteral("DELETE FROM print_log")));
        auto audit
            = test::runCliInProcess({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), s.db});
        QVERIFY2(audit.code == 0, qPrintable(audit.out + audit.err));
    }

    void oneCombinedPdfWithCopiesAndNote()
    {
        const Signed s = signedCopy();
        const QString file = m_out.filePath(QStringLiteral("lop.pdf"));
        auto refused = print(s.db,
                             {QStringLiteral("--class"), s.className, QStringLiteral("--reason"),
                              QStringLiteral("other"), QStringLiteral("--out"), file});
        QCOMPARE(refused.code, int(ExitUsage));
        QVERIFY(!QFile::exists(file));
        auto run = print(s.db,
                         {QStringLiteral("--class"), s.className, QStringLiteral("--reason"), QStringLiteral("other"),
                          QStringLiteral("--note"), QStringLiteral("Phòng GD mượn"), QStringLiteral("--copies"),
                          QStringLiteral("3"), QStringLiteral("--out"), file});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        QVERIFY(QFile::exists(file));
        const QJsonArray log = printLogJson(s.db);
        QVERIFY(log.size() > 1);
        for (const auto& v : log) {
            QCOMPARE(v.toObject().value(QStringLiteral("copies")).toInt(), 3);
            QCOMPARE(v.toObject().value(QStringLiteral("note")).toString(), QStringLiteral("Phòng GD mượn"));
        }
    }

    void replacedVersionIsNotReprinted()
    {
        const Signed s = signedCopy();
        auto reopen = test::runCliInProcess({QStringLiteral("reopen"), QStringLiteral("--db"), s.db,
                                             QStringLiteral("--section"), s.section, QStringLiteral("--reason"),
                                             QStringLiteral("Sai điểm Toán")});
        QVERIFY2(reopen.code == 0, qPrintable(reopen.out + reopen.err));
        const QString file = m_out.filePath(QStringLiteral("v1.pdf"));
        // Reopened: version 1 is not the current version any more; the message names version 2, a draft.
        auto refused = print(s.db,
                             {QStringLiteral("--section"), s.section, QStringLiteral("--reason"),
                              QStringLiteral("parent"), QStringLiteral("--out"), file});
        QCOMPARE(refused.code, int(ExitFailed));
        QVERIFY2(refused.err.contains(QStringLiteral("only the current version is printed, which is version 2 (not "
                                                     "signed yet")),
                 qPrintable(refused.err));
        QVERIFY(!QFile::exists(file));

        // Version 2 signed: version 1 is superseded, still refused; version 2 prints as a signed copy.
        auto signer = m_pki.signer(false);
        QString v2;
        {
            auto db = store::Database::openExisting(s.db);
            QVERIFY(db);
            QVERIFY(test::confirmAcknowledged(**db, m_template.year, s.className));
            v2 = test::scalar(**db,
                              QStringLiteral("SELECT id FROM year_section WHERE replaces_id = %1").arg(s.section));
            auto report = test::signBatch(**db, *signer, {v2.toLongLong()});
            QVERIFY2(report && report->signedItems.size() == 1, "version 2 signed");
            QCOMPARE(test::scalar(**db, QStringLiteral("SELECT state FROM year_section WHERE id = %1").arg(s.section)),
                     QStringLiteral("superseded"));
        }
        refused = print(s.db,
                        {QStringLiteral("--section"), s.section, QStringLiteral("--reason"), QStringLiteral("transfer"),
                         QStringLiteral("--out"), file});
        QCOMPARE(refused.code, int(ExitFailed));
        QVERIFY2(refused.err.contains(QStringLiteral("Version 1 of school year %1").arg(m_template.year.toString()))
                     && refused.err.contains(QStringLiteral("which is version 2.")),
                 qPrintable(refused.err));
        QVERIFY(printLogJson(s.db).isEmpty());

        auto printed = print(s.db,
                             {QStringLiteral("--section"), v2, QStringLiteral("--reason"), QStringLiteral("transfer"),
                              QStringLiteral("--out"), file});
        QVERIFY2(printed.code == 0, qPrintable(printed.out + printed.err));
        const QJsonArray log = printLogJson(s.db);
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.at(0).toObject().value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(log.at(0).toObject().value(QStringLiteral("draft")).toBool(), false);
        QCOMPARE(log.at(0).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("transfer"));
        QVERIFY(!coverText(file).contains(kWatermark));
    }

    void revokedYearIsNotPrinted()
    {
        const Signed s = signedCopy();
        {
            auto db = store::Database::openExisting(s.db);
            QVERIFY(db);
            auto signer = m_pki.signer(false);
            auto revoked = lifecycle::revokeSection(**db, lifecycle::Actor::unrestricted(), s.section.toLongLong(),
                                                    QStringLiteral("Lập nhầm học sinh"), *signer);
            QVERIFY2(revoked, revoked ? "" : qPrintable(describe(revoked.error())));
        }
        const QString file = m_out.filePath(QStringLiteral("revoked.pdf"));
        auto refused = print(s.db,
                             {QStringLiteral("--section"), s.section, QStringLiteral("--reason"),
                              QStringLiteral("archive"), QStringLiteral("--out"), file});
        QCOMPARE(refused.code, int(ExitFailed));
        QVERIFY2(refused.err.contains(QStringLiteral("was revoked")), qPrintable(refused.err));
        // The class prints without it, and says why.
        const QString dir = m_out.filePath(QStringLiteral("revoked-class"));
        auto run = print(s.db,
                         {QStringLiteral("--class"), s.className, QStringLiteral("--reason"), QStringLiteral("archive"),
                          QStringLiteral("--out"), dir, QStringLiteral("--json")});
        QCOMPARE(run.code, int(ExitFailed));
        const QJsonObject out = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(out.value(QStringLiteral("failed")).toArray().size(), 1);
        QVERIFY(out.value(QStringLiteral("printed")).toArray().size() > 0);
        for (const auto& v : printLogJson(s.db))
            QVERIFY(QString::number(v.toObject().value(QStringLiteral("section")).toInteger()) != s.section);
    }

    void exportWorkbooksFromTheCommandLine()
    {
        const Signed s = signedCopy();
        const QString grades = m_out.filePath(QStringLiteral("toan.xlsx"));
        auto run = test::runCliInProcess({QStringLiteral("export"), QStringLiteral("grades"), QStringLiteral("--db"),
                                          s.db, QStringLiteral("--class"), s.className, QStringLiteral("--subject"),
                                          QStringLiteral("toan"), QStringLiteral("--term"), QStringLiteral("hk2"),
                                          QStringLiteral("--out"), grades});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        auto book = sheets::readFile(grades);
        QVERIFY(book && book->size() == 1);
        bool header = false;
        for (const sheets::SheetRow& row : book->first().rows)
            header = header || (row.cell(0) == QLatin1String("STT") && row.cells.contains(QStringLiteral("ĐTBmhk")));
        QVERIFY(header);
        // An existing file is kept unless --force; a missing --class is a usage error.
        run = test::runCliInProcess({QStringLiteral("export"), QStringLiteral("summary"), QStringLiteral("--db"), s.db,
                                     QStringLiteral("--class"), s.className, QStringLiteral("--out"), grades});
        QCOMPARE(run.code, int(ExitFailed));
        run = test::runCliInProcess({QStringLiteral("export"), QStringLiteral("students"), QStringLiteral("--db"), s.db,
                                     QStringLiteral("--out"), m_out.filePath(QStringLiteral("ds.xlsx"))});
        QCOMPARE(run.code, int(ExitUsage));
        run = test::runCliInProcess({QStringLiteral("export"), QStringLiteral("summary"), QStringLiteral("--db"), s.db,
                                     QStringLiteral("--class"), s.className, QStringLiteral("--out"), grades,
                                     QStringLiteral("--force")});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        // The packets' export is unchanged without a workbook word.
        run = test::runCliInProcess({QStringLiteral("export"), QStringLiteral("--db"), s.db, QStringLiteral("--class"),
                                     s.className, QStringLiteral("--out"), m_out.filePath(QStringLiteral("packets"))});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
        QVERIFY(!QDir(m_out.filePath(QStringLiteral("packets"))).entryList({QStringLiteral("*.xml")}).isEmpty());
    }

    void subjectTeacherMayNotPrint()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("school.hocba"));
        const QString adminPw = test::writeSecretFile(dir.filePath(QStringLiteral("a")), "quan-tri-truong-1\n");
        const QString staffPw = test::writeSecretFile(dir.filePath(QStringLiteral("s")), "mat-khau-chung-1\n");
        auto init = test::runCliInProcess(
            {QStringLiteral("init"), QStringLiteral("--db"), db, QStringLiteral("--school-name"),
             QStringLiteral("Trường THCS Nguyễn Du"), QStringLiteral("--school-code"), QStringLiteral("01000123"),
             QStringLiteral("--province"), QStringLiteral("Hà Nội"), QStringLiteral("--levels"), QStringLiteral("thcs"),
             QStringLiteral("--year"), QStringLiteral("2025-2026"), QStringLiteral("--admin"),
             QStringLiteral("hang.it"), QStringLiteral("--password-file"), adminPw});
        QVERIFY2(init.code == 0, qPrintable(init.err));
        for (const auto& [login, role] : {std::pair {QStringLiteral("gv.toan"), QStringLiteral("subject")},
                                          std::pair {QStringLiteral("van.thu"), QStringLiteral("clerk")}}) {
            qputenv("HOCBA_PASSWORD", "quan-tri-truong-1"); // read once, then removed from the environment
            auto add = test::runCliInProcess({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--db"), db,
                                              QStringLiteral("--login"), login, QStringLiteral("--name"), login,
                                              QStringLiteral("--role"), role, QStringLiteral("--password-file"),
                                              staffPw, QStringLiteral("--user"), QStringLiteral("hang.it")});
            QVERIFY2(add.code == 0, qPrintable(add.err));
        }
        qputenv("HOCBA_PASSWORD", "quan-tri-truong-1");
        auto cls = test::runCliInProcess({QStringLiteral("class"), QStringLiteral("add"), QStringLiteral("--db"), db,
                                          QStringLiteral("--name"), QStringLiteral("6A1"), QStringLiteral("--user"),
                                          QStringLiteral("hang.it")});
        QVERIFY2(cls.code == 0, qPrintable(cls.err));
        const QStringList printArgs {QStringLiteral("print"),   QStringLiteral("--db"),  db,
                                     QStringLiteral("--class"), QStringLiteral("6A1"),   QStringLiteral("--reason"),
                                     QStringLiteral("parent"),  QStringLiteral("--out"), dir.filePath("out")};
        const QByteArray before = test::fileDigest(db);
        qputenv("HOCBA_PASSWORD", "mat-khau-chung-1");
        auto refused
            = test::runCliInProcess(printArgs + QStringList {QStringLiteral("--user"), QStringLiteral("gv.toan")});
        QVERIFY2(refused.code == int(ExitFailed), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("print and export records")), qPrintable(refused.err));
        QCOMPARE(test::fileDigest(db), before);
        qputenv("HOCBA_PASSWORD", "mat-khau-chung-1");
        auto log = test::runCliInProcess({QStringLiteral("print-log"), QStringLiteral("--db"), db,
                                          QStringLiteral("--user"), QStringLiteral("gv.toan")});
        QCOMPARE(log.code, int(ExitFailed));
        auto noUser = test::runCliInProcess(printArgs);
        QCOMPARE(noUser.code, int(ExitFailed));
        qputenv("HOCBA_PASSWORD", "mat-khau-chung-1");
        auto clerk
            = test::runCliInProcess(printArgs + QStringList {QStringLiteral("--user"), QStringLiteral("van.thu")});
        QVERIFY2(clerk.code == 0, qPrintable(clerk.out + clerk.err));
        qunsetenv("HOCBA_PASSWORD");
    }
};

QTEST_MAIN(TestPrintCli) // rendering needs fonts: a QGuiApplication
#include "TestPrintCli.moc"
