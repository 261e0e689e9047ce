// SPDX-License-Identifier: GPL-3.0-or-later
// hocba-cli init and class add: a real school's empty file, and the classes of its first year.
#include "CliRunner.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "store/Database.h"
#include "util/Digest.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;

namespace {

/** A password file only its owner can read, as hocba-cli demands. */
QString passwordFile(const QString& dir, const QByteArray& password)
{
    const QString path = dir + QStringLiteral("/admin-password");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(password + '\n');
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

QStringList initArgs(const QString& db, const QString& levels = QStringLiteral("thcs"),
                     const QByteArray& password = "mat-khau-truong")
{
    const QString file = passwordFile(QFileInfo(db).absolutePath(), password);
    return {QStringLiteral("init"),
            QStringLiteral("--db"),
            db,
            QStringLiteral("--school-name"),
            QStringLiteral("Trường THCS Nguyễn Du"),
            QStringLiteral("--school-code"),
            QStringLiteral("01000123"),
            QStringLiteral("--province"),
            QStringLiteral("Hà Nội"),
            QStringLiteral("--commune"),
            QStringLiteral("Phường Hoàn Kiếm"),
            QStringLiteral("--levels"),
            levels,
            QStringLiteral("--year"),
            QStringLiteral("2025-2026"),
            QStringLiteral("--by"),
            QStringLiteral("Cô Hằng (IT)"),
            QStringLiteral("--admin"),
            QStringLiteral("hang.it"),
            QStringLiteral("--admin-name"),
            QStringLiteral("Nguyễn Thu Hằng"),
            QStringLiteral("--password-file"),
            file};
}

QStringList classAdd(const QString& db, const QString& name, const QString& year = QStringLiteral("2025-2026"))
{
    // The file has the administrator's account from init, so changes are made logged in as that account.
    return {QStringLiteral("class"),
            QStringLiteral("add"),
            QStringLiteral("--db"),
            db,
            QStringLiteral("--year"),
            year,
            QStringLiteral("--name"),
            name,
            QStringLiteral("--user"),
            QStringLiteral("hang.it"),
            QStringLiteral("--password-file"),
            QFileInfo(db).absolutePath() + QStringLiteral("/admin-password")};
}

} // namespace

class TestSchoolSetup : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initCreatesTheSchoolAndItsFirstYear()
    {
        const QString db = path(QStringLiteral("nguyen-du.hocba"));
        const auto run = test::runCliInProcess(initArgs(db));
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(!QFile::exists(db + QStringLiteral(".part")));
        auto opened = store::Database::openExisting(db);
        QVERIFY(opened);
        store::Database& d = **opened;
        QCOMPARE(test::scalar(d, QStringLiteral("SELECT name FROM school")), QStringLiteral("Trường THCS Nguyễn Du"));
        QCOMPARE(test::scalar(d, QStringLiteral("SELECT province FROM school")), QStringLiteral("Hà Nội"));
        QCOMPARE(test::scalar(d, QStringLiteral("SELECT has_thcs || has_primary FROM school")), QStringLiteral("10"));
        QCOMPARE(test::scalar(d, QStringLiteral("SELECT count(*) FROM school_year WHERE start_year = 2025")),
                 QStringLiteral("1"));
        QVERIFY(test::scalar(d, QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = 'Cô Hằng (IT)'")).toInt()
                > 0);
        QCOMPARE(test::scalar(d, QStringLiteral("SELECT login || '|' || full_name || '|' || role FROM app_user")),
                 QStringLiteral("hang.it|Nguyễn Thu Hằng|admin"));
        QVERIFY(test::scalar(d, QStringLiteral("SELECT password_hash FROM app_user"))
                    .startsWith(QStringLiteral("$argon2id$")));
        QCOMPARE(test::runCliInProcess({QStringLiteral("info"), QStringLiteral("--db"), db}).code, 0);
    }

    // The administrator is created with the file: a refused password leaves no file at all, not a school nobody
    // can administer.
    void aRefusedAdministratorLeavesNoFile()
    {
        const QString db = path(QStringLiteral("weak.hocba"));
        const auto run = test::runCliInProcess(initArgs(db, QStringLiteral("thcs"), "short"));
        QCOMPARE(run.code, 1);
        QVERIFY(!QFile::exists(db));
        QVERIFY(!QFile::exists(db + QStringLiteral(".part")));
        QStringList noAdmin = initArgs(db);
        noAdmin.remove(noAdmin.indexOf(QStringLiteral("--admin")), 2);
        QCOMPARE(test::runCliInProcess(noAdmin).code, 2);
        QVERIFY(!QFile::exists(db));
    }

    void initNeverOverwritesAFile()
    {
        const QString db = path(QStringLiteral("existing.hocba"));
        QCOMPARE(test::runCliInProcess(initArgs(db)).code, 0);
        const QByteArray before = test::fileDigest(db);
        const auto again = test::runCliInProcess(initArgs(db, QStringLiteral("primary")));
        QCOMPARE(again.code, 1);
        QVERIFY2(again.err.contains(QStringLiteral("already exists")), qPrintable(again.err));
        QCOMPARE(test::fileDigest(db), before);
    }

    void initRefusesIncompleteOrWrongOptions()
    {
        const QString db = path(QStringLiteral("never.hocba"));
        QCOMPARE(test::runCliInProcess(initArgs(db, QStringLiteral("university"))).code, 2);
        QStringList noCode = initArgs(db);
        noCode.remove(noCode.indexOf(QStringLiteral("--school-code")), 2);
        QCOMPARE(test::runCliInProcess(noCode).code, 2);
        QStringList badYear = initArgs(db);
        badYear[badYear.indexOf(QStringLiteral("--year")) + 1] = QStringLiteral("2025");
        QCOMPARE(test::runCliInProcess(badYear).code, 2);
        QVERIFY(!QFile::exists(db));
        QVERIFY(!QFile::exists(db + QStringLiteral(".part")));
    }

    void classesFollowTheSchoolsLevelsAndYears()
    {
        const QString db = path(QStringLiteral("classes.hocba"));
        QCOMPARE(test::runCliInProcess(initArgs(db)).code, 0);
        const auto added = test::runCliInProcess(classAdd(db, QStringLiteral("6A1")));
        QVERIFY2(added.code == 0, qPrintable(added.err));
        QCOMPARE(test::runCliInProcess(classAdd(db, QStringLiteral("9A3"))).code, 0);

        const QByteArray before = test::fileDigest(db);
        const auto duplicate = test::runCliInProcess(classAdd(db, QStringLiteral("6A1")));
        QCOMPARE(duplicate.code, 1);
        QVERIFY2(duplicate.err.contains(QStringLiteral("already a class")), qPrintable(duplicate.err));
        const auto primary = test::runCliInProcess(classAdd(db, QStringLiteral("3A1")));
        QCOMPARE(primary.code, 1);
        QVERIFY2(primary.err.contains(QStringLiteral("grade 3")), qPrintable(primary.err));
        QCOMPARE(test::runCliInProcess(classAdd(db, QStringLiteral("A1"))).code, 1);
        QCOMPARE(test::runCliInProcess(classAdd(db, QStringLiteral("7A1"), QStringLiteral("2030-2031"))).code, 1);
        QCOMPARE(test::runCliInProcess({QStringLiteral("class"), QStringLiteral("remove"), QStringLiteral("--db"), db,
                                        QStringLiteral("--name"), QStringLiteral("6A1")})
                     .code,
                 2);
        QCOMPARE(test::fileDigest(db), before); // refusals write nothing

        auto opened = store::Database::openExisting(db);
        QVERIFY(opened);
        QCOMPARE(test::scalar(**opened,
                              QStringLiteral("SELECT group_concat(name || ':' || grade, ',') FROM "
                                             "(SELECT name, grade FROM class ORDER BY name)")),
                 QStringLiteral("6A1:6,9A3:9"));
    }
};

QTEST_GUILESS_MAIN(TestSchoolSetup)
#include "TestSchoolSetup.moc"
