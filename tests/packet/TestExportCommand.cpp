// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "Command.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "demo/DemoSchool.h"
#include "packet/PacketReader.h"
#include "store/Database.h"
#include "store/StudentRepository.h"

#include <QBuffer>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;

namespace {

using Run = test::CliRun;

Run runCli(const QStringList& args)
{
    return test::runCliInProcess(args);
}

} // namespace

class TestExportCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QStringList m_names; ///< every student's full name, to prove none ends up in a file name

private Q_SLOTS:
    void initTestCase()
    {
        demo::DemoOptions options;
        options.students = 60;
        options.seed = 5;
        options.year = SchoolYear {2025};
        m_db = m_dir.filePath(QStringLiteral("demo.hocba"));
        QVERIFY(demo::createDemoSchool(m_db, options));
        auto db = store::Database::openOrCreate(m_db);
        QVERIFY(db);
        auto st = (*db)->prepare(QStringLiteral("SELECT full_name FROM student"));
        QVERIFY(st);
        while (*st->step())
            m_names << st->text(0);
        QCOMPARE(m_names.size(), 60);
    }

    void exportsTheWholeLatestYear()
    {
        const QString out = m_dir.filePath(QStringLiteral("all"));
        const Run r = runCli({QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), out});
        QVERIFY2(r.code == ExitOk, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QStringLiteral("2025-2026")));
        QVERIFY(r.out.contains(QStringLiteral("60 packets")));
        QVERIFY(r.err.contains(QStringLiteral("60/60")));
        const QStringList files = QDir(out).entryList({QStringLiteral("*.xml")}, QDir::Files);
        QCOMPARE(files.size(), 60);
        const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{32}-2025-2026-v[0-9]+\\.xml$"));
        for (const QString& f : files) {
            QVERIFY2(pattern.match(f).hasMatch(), qPrintable(f));
            for (const QString& name : m_names)
                QVERIFY(!f.contains(name, Qt::CaseInsensitive));
            const QByteArray bytes = test::fileBytes(QDir(out).filePath(f));
            QVERIFY(bytes.contains("status=\"draft\""));
            auto p = packet::readPacket(bytes);
            QVERIFY2(p, qPrintable(p ? QString() : describe(p.error())));
            QVERIFY(p->draft);
            QVERIFY(f.startsWith(p->lookupCode));
        }
        // Nothing personal in the summary either.
        for (const QString& name : m_names)
            QVERIFY(!r.out.contains(name) && !r.err.contains(name));

        const QString xmllint = QStandardPaths::findExecutable(QStringLiteral("xmllint"));
        if (!xmllint.isEmpty()) {
            QProcess proc;
            proc.start(
                xmllint,
                {QStringLiteral("--noout"), QStringLiteral("--nonet"), QStringLiteral("--schema"),
                 qEnvironmentVariable("HOCBA_SOURCE_DIR") + QStringLiteral("/resources/packet/hocba-packet-1.xsd"),
                 QDir(out).filePath(files.first())});
            QVERIFY(proc.waitForFinished(30000));
            QVERIFY2(proc.exitCode() == 0, proc.readAllStandardError().constData());
        }
    }

    // A signed section is exported only as its stored signed packet and PDF, never rebuilt from live tables: a
    // section moved to signed without stored documents is refused, by lookup code, and the rest still exported.
    // (Signed sections with real documents: tests/lifecycle/TestSchoolFileCheck.)
    void exportsOneClassAndRefusesSignedWithoutDocuments()
    {
        const QString path = m_dir.filePath(QStringLiteral("signed-without-documents.hocba"));
        QVERIFY(QFile::copy(m_db, path));
        auto db = store::Database::openOrCreate(path);
        QVERIFY(db);
        // The first class of 2025 and one of its students, moved to signed.
        auto st = (*db)->prepare(QStringLiteral(
            "SELECT c.name, ys.id, r.lookup_code FROM class c JOIN year_section ys ON ys.class_id = c.id "
            "JOIN record r ON r.id = ys.record_id WHERE c.school_year = 2025 ORDER BY c.grade, c.name, ys.id LIMIT 1"));
        QVERIFY(st);
        QVERIFY(*st->step());
        const QString className = st->text(0);
        const Id sectionId = st->int64(1);
        const QString lookupCode = st->text(2);
        st = (*db)->prepare(QStringLiteral("SELECT count(*) FROM year_section ys JOIN class c ON c.id = ys.class_id "
                                           "WHERE c.school_year = 2025 AND c.name = ?1"));
        QVERIFY(st);
        st->bind(1, className);
        QVERIFY(*st->step());
        const int inClass = int(st->int64(0));
        store::StudentRepository students(**db);
        QVERIFY(students.setSectionState(sectionId, SectionState::Ready));
        QVERIFY(students.setSectionState(sectionId, SectionState::Signed));
        db->reset();

        const QString out = m_dir.filePath(QStringLiteral("class"));
        const Run r
            = runCli({QStringLiteral("export"), QStringLiteral("--db"), path, QStringLiteral("--out"), out,
                      QStringLiteral("--class"), className, QStringLiteral("--year"), QStringLiteral("2025-2026")});
        QVERIFY2(r.code == ExitFailed, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("1 failed")) && r.out.contains(lookupCode), qPrintable(r.out));
        const QStringList files = QDir(out).entryList({QStringLiteral("*.xml")}, QDir::Files);
        QCOMPARE(files.size(), inClass - 1);
        for (const QString& f : files) {
            QVERIFY(!f.startsWith(lookupCode));
            QVERIFY(!test::fileBytes(QDir(out).filePath(f)).contains("status=\"final\""));
        }
        QVERIFY(QDir(out).entryList({QStringLiteral("*.pdf")}, QDir::Files).isEmpty());
    }

    void usageAndLookupErrors()
    {
        const QString out = m_dir.filePath(QStringLiteral("x"));
        QCOMPARE(runCli({QStringLiteral("export"), QStringLiteral("--db"), m_db}).code, int(ExitUsage));
        QCOMPARE(runCli({QStringLiteral("export"), QStringLiteral("--out"), out}).code, int(ExitUsage));
        QCOMPARE(runCli({QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), out,
                         QStringLiteral("--class"), QStringLiteral("6A1"), QStringLiteral("--all")})
                     .code,
                 int(ExitUsage));
        QCOMPARE(runCli({QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), out,
                         QStringLiteral("--year"), QStringLiteral("next year")})
                     .code,
                 int(ExitUsage));
        const Run noClass = runCli({QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--out"),
                                    out, QStringLiteral("--class"), QStringLiteral("9Z9")});
        QVERIFY(noClass.code != ExitOk);
        QVERIFY(noClass.err.contains(QStringLiteral("9Z9")));
        const Run noDb = runCli({QStringLiteral("export"), QStringLiteral("--db"),
                                 m_dir.filePath(QStringLiteral("none.hocba")), QStringLiteral("--out"), out});
        QVERIFY(noDb.code != ExitOk);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("none.hocba"))));
    }

    void unwritableFolderFailsWithExitOne()
    {
        // A file where a packet should go: the save fails for that packet only, and the exit code says "some failed".
        const QString out = m_dir.filePath(QStringLiteral("blocked"));
        QVERIFY(QDir().mkpath(out));
        const Run first
            = runCli({QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), out});
        QCOMPARE(first.code, int(ExitOk));
        const QString victim = QDir(out).entryList({QStringLiteral("*.xml")}, QDir::Files).first();
        QVERIFY(QFile::remove(QDir(out).filePath(victim)));
        QVERIFY(QDir(out).mkdir(victim)); // a folder with the packet's name cannot be replaced by a file
        const Run r = runCli({QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), out});
        QCOMPARE(r.code, int(ExitFailed));
        QVERIFY(r.out.contains(QStringLiteral("1 failed")));
        QVERIFY(r.out.contains(victim.left(32)));
    }
};

QTEST_GUILESS_MAIN(TestExportCommand)
#include "TestExportCommand.moc"
