// SPDX-License-Identifier: GPL-3.0-or-later
// The school file, tampered with as an attacker holding it would: the sqlite3 shell, triggers dropped first. Every
// tampering of a signed section must be found by `audit verify` (exit 1, naming the section's lookup code), and
// `render` and `export` must refuse that section instead of printing or writing what the file now says.
#include "../signing/TestPki.h"
#include "CliRunner.h"
#include "SigningFixture.h"
#include "StoreFixture.h"

#include "lifecycle/RecordDocuments.h"
#include "lifecycle/SchoolFileCheck.h"
#include "lifecycle/SignPolicy.h"
#include "lifecycle/SignedDocuments.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace hocba;

namespace {

using test::scalar;

/** A signed section of the template school, as the tests need to name and find it. */
struct Target
{
    Id sectionId = 0;
    Id recordId = 0;
    QString lookupCode;
    QString className;
};

} // namespace

class TestSchoolFileCheck : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TestPki m_pki;
    test::SchoolTemplate m_school;
    SchoolYear m_year;
    Target m_a; ///< the section that gets tampered with
    Target m_b; ///< another student's signed section, the source of copied documents
    int m_copies = 0; ///< numbers the output folders of each copy

    QString freshCopy()
    {
        ++m_copies;
        return m_school.copyPath();
    }

    Target target(store::Database& db, int offset)
    {
        Target t;
        t.sectionId = scalar(db,
                             QStringLiteral("SELECT id FROM year_section WHERE state = 'signed' ORDER BY id "
                                            "LIMIT 1 OFFSET %1")
                                 .arg(offset))
                          .toLongLong();
        t.recordId = scalar(db, QStringLiteral("SELECT record_id FROM year_section WHERE id = %1").arg(t.sectionId))
                         .toLongLong();
        t.lookupCode = scalar(db, QStringLiteral("SELECT lookup_code FROM record WHERE id = %1").arg(t.recordId));
        t.className = scalar(
            db,
            QStringLiteral("SELECT c.name FROM class c JOIN year_section s ON s.class_id = c.id WHERE s.id = %1")
                .arg(t.sectionId));
        return t;
    }

    test::CliRun cli(const QStringList& args)
    {
        test::CliRun r = test::runCliInProcess(args);
        r.out += r.err;
        return r;
    }
    test::CliRun auditVerify(const QString& path)
    {
        return cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), path,
                    QStringLiteral("--json")});
    }
    test::CliRun renderClass(const QString& path, const QString& out)
    {
        return cli({QStringLiteral("render"), QStringLiteral("--db"), path, QStringLiteral("--out"), out,
                    QStringLiteral("--class"), m_a.className, QStringLiteral("--year"), m_year.toString(),
                    QStringLiteral("--jobs"), QStringLiteral("1")});
    }
    test::CliRun exportClass(const QString& path, const QString& out)
    {
        return cli({QStringLiteral("export"), QStringLiteral("--db"), path, QStringLiteral("--out"), out,
                    QStringLiteral("--class"), m_a.className, QStringLiteral("--year"), m_year.toString()});
    }
    QString exportedBase(const Target& t) const
    {
        return QStringLiteral("%1-%2-v1").arg(t.lookupCode, m_year.toString());
    }

    /** Signs every ready section of the year in `role`. */
    void signAll(store::Database& db, signing::Signer& signer, signing::SignerRole role)
    {
        const QList<Id> ready = test::readySections(db, m_year);
        QVERIFY(ready.size() >= 4);
        auto report = test::signBatch(db, signer, ready, role);
        QVERIFY2(report, report ? "" : qPrintable(describe(report.error())));
        QCOMPARE(report->signedItems.size(), ready.size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_pki.create());
        QVERIFY(m_school.create(16, 11, m_pki.caDer()));
        m_year = m_school.year;
        auto db = test::openTestDatabase(m_school.path());
        QVERIFY(db);
        QVERIFY(test::confirmAcknowledged(*db, m_year));
        // Two signers per section, so the chain of signature rows is checked too.
        QVERIFY(lifecycle::SignPolicy::setRequired(*db, lifecycle::Actor::unrestricted(), signing::SignerRole::Homeroom,
                                                   true));
        signAll(*db, *m_pki.signer(true), signing::SignerRole::Homeroom);
        signAll(*db, *m_pki.signer(false), signing::SignerRole::Principal);
        m_a = target(*db, 0);
        // Another student's section of the same class, so one class export holds both.
        for (int i = 1; i < 20 && (m_b.className != m_a.className); ++i)
            m_b = target(*db, i);
        QVERIFY(m_a.sectionId != 0 && m_b.sectionId != 0 && m_a.recordId != m_b.recordId);
        QCOMPARE(m_b.className, m_a.className);
    }

    void cleanSignedSchoolPasses()
    {
        const QString path = freshCopy();
        const test::CliRun audit = auditVerify(path);
        QVERIFY2(audit.code == ExitOk, qPrintable(audit.out));
        QVERIFY2(audit.out.contains(QStringLiteral("\"ok\": true")), qPrintable(audit.out));

        const QString rendered = m_dir.filePath(QStringLiteral("clean-render"));
        const test::CliRun render = renderClass(path, rendered);
        QVERIFY2(render.code == ExitOk, qPrintable(render.out));
        QVERIFY(QFile::exists(QDir(rendered).filePath(m_a.lookupCode + QStringLiteral(".pdf"))));

        const QString exported = m_dir.filePath(QStringLiteral("clean-export"));
        const test::CliRun exp = exportClass(path, exported);
        QVERIFY2(exp.code == ExitOk, qPrintable(exp.out));
        // Export writes the stored bytes.
        auto db = test::openTestDatabase(path);
        auto doc = lifecycle::SignedDocuments(*db).completed(m_a.sectionId, 1);
        QVERIFY(doc && *doc);
        QCOMPARE(test::fileBytes(QDir(exported).filePath(exportedBase(m_a) + QStringLiteral(".pdf"))), (*doc)->pdf);
        QCOMPARE(test::fileBytes(QDir(exported).filePath(exportedBase(m_a) + QStringLiteral(".xml"))),
                 (*doc)->packetXml);

        QElapsedTimer timer;
        timer.start();
        auto report = lifecycle::checkSignedSections(*db);
        QVERIFY(report && report->ok());
        qInfo("school file check: %d signed sections in %lld ms", report->sectionsChecked, qlonglong(timer.elapsed()));
        QVERIFY(report->sectionsChecked >= 4);

        // The book of a signed year is the signed packet itself, with its digest.
        auto input = lifecycle::renderInputForRecord(*db, m_a.recordId);
        QVERIFY2(input, input ? "" : qPrintable(describe(input.error())));
        QVERIFY(input->packetSha256.contains(QCryptographicHash::hash((*doc)->packetXml, QCryptographicHash::Sha256)));
    }

    void tamperingIsFoundAndRefused_data()
    {
        QTest::addColumn<QString>("sql");
        const QString a = QString::number(m_a.sectionId);
        const QString b = QString::number(m_b.sectionId);
        const QString docColumns = QStringLiteral("version, seq, role, packet_xml, packet_digest, pdf, certificate, "
                                                  "certificate_sha256, signer_name, signed_at");
        // (a) A mark of the signed section: the first numeric score, raised or lowered by one point.
        QTest::newRow("mark changed") << QStringLiteral(
                                             "DROP TRIGGER assessment_fixed_update; "
                                             "UPDATE assessment SET value = CASE WHEN CAST(value AS REAL) >= 9 THEN "
                                             "'5' ELSE '9' END WHERE section_id = %1 AND (subject, term, item, seq) "
                                             "= (SELECT subject, term, item, seq FROM assessment WHERE section_id = "
                                             "%1 AND value GLOB '[0-9]*' ORDER BY subject, term, item, seq LIMIT 1);")
                                             .arg(a);
        // (a') Only the cached result, which the program never recomputes for a signed section.
        QTest::newRow("cached result changed")
            << QStringLiteral("DROP TRIGGER computed_result_fixed_update; "
                              "UPDATE computed_result SET value = CASE value WHEN 'T' THEN 'K' ELSE 'T' END WHERE "
                              "section_id = %1 AND key = (SELECT key FROM computed_result WHERE section_id = %1 AND "
                              "value <> '' ORDER BY key LIMIT 1);")
                   .arg(a);
        // (b) The signed PDF: one byte inside a stream (bytes written by the test, then read in by the shell).
        QTest::newRow("pdf byte altered") << QStringLiteral("DROP TRIGGER signed_document_no_update; UPDATE "
                                                            "signed_document SET pdf = readfile('%2') WHERE "
                                                            "section_id = %1 AND pdf IS NOT NULL;")
                                                 .arg(a, QStringLiteral("@ALTERED@"));
        // (b') Another student's PDF, itself validly signed by the same principal.
        QTest::newRow("pdf of another student")
            << QStringLiteral("DROP TRIGGER signed_document_no_update; UPDATE signed_document SET pdf = (SELECT pdf "
                              "FROM signed_document WHERE section_id = %2 AND pdf IS NOT NULL) WHERE section_id = %1 "
                              "AND pdf IS NOT NULL;")
                   .arg(a, b);
        // (c) Another student's signature rows copied into the section in place of its own.
        QTest::newRow("documents of another student")
            << QStringLiteral("DROP TRIGGER signed_document_no_delete; DROP TRIGGER signed_document_insert_ready; "
                              "DELETE FROM signed_document WHERE section_id = %1; "
                              "INSERT INTO signed_document (section_id, %3) SELECT %1, %3 FROM signed_document WHERE "
                              "section_id = %2 ORDER BY seq;")
                   .arg(a, b, docColumns);
        // (d) Another student's packet, with the digest column made to match.
        QTest::newRow("packet of another student")
            << QStringLiteral("DROP TRIGGER signed_document_no_update; UPDATE signed_document SET "
                              "packet_xml = (SELECT d.packet_xml FROM signed_document d WHERE d.section_id = %2 AND "
                              "d.seq = signed_document.seq), packet_digest = (SELECT d.packet_digest FROM "
                              "signed_document d WHERE d.section_id = %2 AND d.seq = signed_document.seq) "
                              "WHERE section_id = %1;")
                   .arg(a, b);
    }

    void tamperingIsFoundAndRefused()
    {
        QFETCH(QString, sql);
        const QString path = freshCopy();
        if (sql.contains(QStringLiteral("@ALTERED@"))) {
            auto db = test::openTestDatabase(path);
            auto doc = lifecycle::SignedDocuments(*db).completed(m_a.sectionId, 1);
            QVERIFY(doc && *doc);
            QByteArray pdf = (*doc)->pdf;
            const qsizetype stream = pdf.indexOf("stream\n");
            QVERIFY(stream > 0);
            pdf[stream + 7 + 20] = char(pdf[stream + 7 + 20] ^ 0x01);
            const QString altered = m_dir.filePath(QStringLiteral("altered.pdf"));
            QFile f(altered);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(pdf) == pdf.size());
            f.close();
            sql.replace(QStringLiteral("@ALTERED@"), altered);
        }
        QString shell;
        QVERIFY2(test::runSqlite3(path, sql, &shell) == 0, qPrintable(shell));

        const test::CliRun audit = auditVerify(path);
        QVERIFY2(audit.code == ExitFailed, qPrintable(audit.out));
        QVERIFY2(audit.out.contains(QStringLiteral("\"ok\": false")), qPrintable(audit.out));
        QVERIFY2(audit.out.contains(QStringLiteral("\"lookupCode\": \"%1\"").arg(m_a.lookupCode)),
                 qPrintable(audit.out));
        QVERIFY2(!audit.out.contains(QStringLiteral("\"lookupCode\": \"%1\"").arg(m_b.lookupCode)),
                 qPrintable(audit.out));
        {
            auto db = test::openTestDatabase(path);
            auto report = lifecycle::checkSignedSections(*db);
            QVERIFY(report);
            QCOMPARE(report->findings.size(), 1);
            QCOMPARE(report->findings.first().section.lookupCode, m_a.lookupCode);
            QVERIFY(!report->findings.first().problems.isEmpty());
            qInfo("found: %s", qPrintable(report->findings.first().problems.join(u' ')));
        }

        const QString rendered = m_dir.filePath(QStringLiteral("render-%1").arg(m_copies));
        const test::CliRun render = renderClass(path, rendered);
        QVERIFY2(render.code == ExitFailed, qPrintable(render.out));
        QVERIFY2(render.out.contains(m_a.lookupCode), qPrintable(render.out));
        QVERIFY(!QFile::exists(QDir(rendered).filePath(m_a.lookupCode + QStringLiteral(".pdf"))));
        QVERIFY(QFile::exists(QDir(rendered).filePath(m_b.lookupCode + QStringLiteral(".pdf"))));

        const QString exported = m_dir.filePath(QStringLiteral("export-%1").arg(m_copies));
        const test::CliRun exp = exportClass(path, exported);
        QVERIFY2(exp.code == ExitFailed, qPrintable(exp.out));
        QVERIFY2(exp.out.contains(m_a.lookupCode), qPrintable(exp.out));
        QVERIFY(!QFile::exists(QDir(exported).filePath(exportedBase(m_a) + QStringLiteral(".pdf"))));
        QVERIFY(!QFile::exists(QDir(exported).filePath(exportedBase(m_a) + QStringLiteral(".xml"))));
        QVERIFY(QFile::exists(QDir(exported).filePath(exportedBase(m_b) + QStringLiteral(".pdf"))));
    }
};

QTEST_MAIN(TestSchoolFileCheck) // rendering needs a QGuiApplication (fonts)
#include "TestSchoolFileCheck.moc"
