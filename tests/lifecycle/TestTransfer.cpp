// SPDX-License-Identifier: GPL-3.0-or-later
// Transfers (lifecycle/Transfer.h), first part: the triggers of migration 0012 and the package reader against hostile
// zips (nothing written). The full out→in between two school files with different trust stores is still to come
// (docs: /work/wt/notes/i15/transfer.md).
#include "StoreFixture.h"

#include "lifecycle/Actor.h"
#include "lifecycle/Transfer.h"

#include <QtTest>

#include <zip.h>

using namespace hocba;

namespace {

bool writeZip(const QString& path, const QList<std::pair<QString, QByteArray>>& parts)
{
    int error = 0;
    zip_t* zip = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!zip)
        return false;
    for (const auto& [name, bytes] : parts) {
        zip_source_t* src = zip_source_buffer(zip, bytes.constData(), zip_uint64_t(bytes.size()), 0);
        if (!src || zip_file_add(zip, name.toUtf8().constData(), src, ZIP_FL_ENC_UTF_8) < 0) {
            zip_discard(zip);
            return false;
        }
    }
    return zip_close(zip) == 0;
}

} // namespace

class TestTransfer : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString refusedWithNothingWritten(const QList<std::pair<QString, QByteArray>>& parts, const QString& name)
    {
        const QString dbPath = m_dir.filePath(name + QStringLiteral(".hocba"));
        {
            auto db = test::openTestDatabase(dbPath);
            if (!db)
                return QStringLiteral("no db");
            test::makeMiniSchool(*db);
        }
        const QByteArray before = test::fileBytes(dbPath);
        const QString pkg = m_dir.filePath(name + QLatin1String(lifecycle::kTransferPackageSuffix));
        if (!writeZip(pkg, parts))
            return QStringLiteral("no zip");
        QString message;
        {
            auto db = test::openTestDatabase(dbPath);
            auto r = lifecycle::transferIn(*db, lifecycle::Actor::unrestricted(), pkg);
            if (r)
                return QStringLiteral("accepted");
            message = r.error().message;
        }
        if (test::fileBytes(dbPath) != before)
            return QStringLiteral("written");
        return message;
    }

private Q_SLOTS:
    void transferredRecordIsReadOnly()
    {
        const QString path = m_dir.filePath(QStringLiteral("old.hocba"));
        test::MiniSchool school;
        {
            auto db = test::openTestDatabase(path);
            QVERIFY(db);
            school = test::makeMiniSchool(*db);
        }
        // The marking itself is allowed once…
        QCOMPARE(test::runSqlite3(path,
                                  QStringLiteral("UPDATE record SET transferred_at = '2026-08-20', "
                                                 "transferred_to_code = '0100999901' WHERE id = %1;")
                                      .arg(school.recordId)),
                 0);
        // …then nothing of the record changes, whatever program writes.
        QString out;
        QVERIFY(test::runSqlite3(
                    path,
                    QStringLiteral("UPDATE assessment SET value = '10' WHERE section_id = %1;").arg(school.sectionId),
                    &out)
                != 0);
        QVERIFY(out.contains(QLatin1String("hocba:record_transferred")));
        QVERIFY(test::runSqlite3(path,
                                 QStringLiteral("DELETE FROM assessment WHERE section_id = %1;").arg(school.sectionId))
                != 0);
        QVERIFY(test::runSqlite3(path,
                                 QStringLiteral("UPDATE record SET transferred_at = NULL, transferred_to_code "
                                                "= NULL WHERE id = %1;")
                                     .arg(school.recordId))
                != 0);
        QVERIFY(test::runSqlite3(path, QStringLiteral("DELETE FROM year_section WHERE id = %1;").arg(school.sectionId))
                != 0);
        // The other pupil's section is still editable.
        QCOMPARE(test::runSqlite3(
                     path, QStringLiteral("DELETE FROM assessment WHERE section_id = %1;").arg(school.otherSectionId)),
                 0);
    }

    void hostilePackagesRefusedWithNothingWritten()
    {
        const QString notZip = m_dir.filePath(QStringLiteral("x.hocba-transfer.zip"));
        {
            const QString dbPath = m_dir.filePath(QStringLiteral("nz.hocba"));
            auto db = test::openTestDatabase(dbPath);
            QVERIFY(db);
            test::makeMiniSchool(*db);
            QFile f(notZip);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a zip at all");
            f.close();
            QVERIFY(!lifecycle::transferIn(*db, lifecycle::Actor::unrestricted(), notZip));
        }
        QString why = refusedWithNothingWritten(
            {{QStringLiteral("statement.xml"), "<x/>"}, {QStringLiteral("../evil.sh"), "rm -rf /"}},
            QStringLiteral("unlisted"));
        QVERIFY2(why.contains(QLatin1String("evil")), qPrintable(why));
        why = refusedWithNothingWritten({{QStringLiteral("years/2025-2026/v1/packet.xml"), "<x/>"}},
                                        QStringLiteral("nostatement"));
        QVERIFY2(why.contains(QLatin1String("statement.xml")), qPrintable(why));
        why = refusedWithNothingWritten(
            {{QStringLiteral("statement.xml"), "<x/>"},
             {QStringLiteral("years/2025-2026/v1/record.pdf"), QByteArray(30 * 1024 * 1024, '\0')}},
            QStringLiteral("bomb"));
        QVERIFY2(why.contains(QLatin1String("zip bomb")), qPrintable(why));
        why = refusedWithNothingWritten({{QStringLiteral("statement.xml"), QByteArray(300 * 1024, 'a')}},
                                        QStringLiteral("huge"));
        QVERIFY2(why.contains(QLatin1String("larger")), qPrintable(why));
        why = refusedWithNothingWritten({{QStringLiteral("statement.xml"), "<not a statement/>"}},
                                        QStringLiteral("badstatement"));
        QVERIFY2(!why.isEmpty() && why != QLatin1String("accepted") && why != QLatin1String("written"),
                 qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestTransfer)
#include "TestTransfer.moc"
