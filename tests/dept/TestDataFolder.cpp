// SPDX-License-Identifier: GPL-3.0-or-later
// The Department's data folder: what `hocba-dept init` makes, with which permissions, and what it refuses.
#include "dept/DataFolder.h"
#include "verify/Receipt.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslCertificateExtension>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace hocba;
using namespace hocba::dept;

namespace {

int modeOf(const QString& path)
{
    struct stat st
    { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

} // namespace

class TestDataFolder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initMakesTheFilesWithTheirModes();
    void initRefusesAUsedFolder();
    void openNamesHocbaDeptInit();
    void credentialTokens();
    void storeUrls();
};

void TestDataFolder::initMakesTheFilesWithTheirModes()
{
    QTemporaryDir tmp;
    const QString name = QStringLiteral("Sở Giáo dục và Đào tạo Hà Nội");
    auto folder = DataFolder::init(tmp.filePath(QStringLiteral("data")), name);
    QVERIFY2(folder, folder ? "" : qPrintable(describe(folder.error())));
    QCOMPARE(modeOf(folder->path), 0700);
    QCOMPARE(modeOf(folder->keyPath()), 0600);
    QVERIFY(QFile::exists(folder->databasePath()));
    QCOMPARE(folder->departmentName().value_or(QString()), name);
    const auto certs = QSslCertificate::fromPath(folder->certificatePath());
    QCOMPARE(certs.size(), 1);
    const QSslCertificate cert = certs.first();
    QCOMPARE(cert.subjectInfo(QSslCertificate::CommonName).value(0), name);
    // Self-signed without keyCertSign (a receipt key, not a CA), so QSslCertificate::isSelfSigned() says no.
    QCOMPARE(cert.issuerInfo(QSslCertificate::CommonName).value(0), name);
    bool keyUsage = false;
    bool notCa = false;
    for (const QSslCertificateExtension& e : cert.extensions()) {
        if (e.name() == QLatin1String("keyUsage"))
            keyUsage = e.isCritical()
                && e.value().toStringList()
                    == QStringList {QStringLiteral("Digital Signature"), QStringLiteral("Non Repudiation")};
        if (e.name() == QLatin1String("basicConstraints"))
            notCa = e.isCritical() && e.value().toMap().contains(QStringLiteral("ca"))
                && !e.value().toMap().value(QStringLiteral("ca")).toBool();
    }
    QVERIFY(keyUsage);
    QVERIFY(notCa);
    QVERIFY(cert.expiryDate() > QDateTime::currentDateTimeUtc().addYears(9).addMonths(11));
    QVERIFY(cert.expiryDate() < QDateTime::currentDateTimeUtc().addYears(10).addDays(2));
    const auto opened = DataFolder::open(folder->path);
    QVERIFY(opened);
    // The signer names the Department in the receipt and signs with the certificate schools pin.
    auto sign = opened->receiptSigner();
    QVERIFY(sign);
    signing::Receipt receipt {signing::Receipt::Kind::Upload,
                              QString(32, QLatin1Char('a')),
                              1,
                              QString(43, QLatin1Char('d')),
                              QStringLiteral("79000001"),
                              QStringLiteral("2025-2026-06"),
                              QDateTime(QDate(2026, 6, 1), QTime(1, 2, 3), Qt::UTC),
                              {}};
    auto signedReceipt = (*sign)(receipt);
    QVERIFY(signedReceipt);
    auto checked = signing::verifyReceipt(signedReceipt->canonical, signedReceipt->signature, cert.toDer());
    QVERIFY2(checked, checked ? "" : qPrintable(describe(checked.error())));
    QCOMPARE(checked->department, name);
}

void TestDataFolder::initRefusesAUsedFolder()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("data"));
    auto first = DataFolder::init(path, QStringLiteral("Sở A"));
    QVERIFY(first);
    QFile keyFile(first->keyPath());
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QByteArray key = keyFile.readAll();
    auto second = DataFolder::init(path, QStringLiteral("Sở B"));
    QVERIFY(!second);
    QVERIFY(second.error().message.contains(QLatin1String("never replaced")));
    keyFile.close();
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    QCOMPARE(keyFile.readAll(), key);
    QCOMPARE(first->departmentName().value_or(QString()), QStringLiteral("Sở A"));
    // A folder with only a database is refused too: it may be a Department's whose key was moved away.
    QTemporaryDir other;
    QFile db(other.filePath(QStringLiteral("dept.db")));
    QVERIFY(db.open(QIODevice::WriteOnly));
    db.close();
    QVERIFY(!DataFolder::init(other.path(), QStringLiteral("Sở C")));
    QVERIFY(!QFile::exists(other.filePath(QStringLiteral("department-key.pem"))));
    QVERIFY(!DataFolder::init(tmp.filePath(QStringLiteral("x")), QStringLiteral("  ")));
}

void TestDataFolder::openNamesHocbaDeptInit()
{
    QTemporaryDir tmp;
    for (const QString& path : {tmp.filePath(QStringLiteral("missing")), tmp.path()}) {
        const auto opened = DataFolder::open(path);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::NotFound);
        QVERIFY2(opened.error().message.contains(QLatin1String("hocba-dept init")), qPrintable(opened.error().message));
    }
}

void TestDataFolder::credentialTokens()
{
    const QString a = newCredentialToken();
    const QString b = newCredentialToken();
    QCOMPARE(a.size(), 64);
    QVERIFY(a != b);
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(a).hasMatch());
    QCOMPARE(credentialDigest(a).size(), 32);
    QCOMPARE(credentialDigest(a), QCryptographicHash::hash(a.toUtf8(), QCryptographicHash::Sha256));
}

void TestDataFolder::storeUrls()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("plain.db"));
    for (const QString& url : {path, QStringLiteral("sqlite:") + path}) {
        // Opening again finds the schema at its version and migrates nothing.
        auto store = DeptStore::open(url);
        QVERIFY2(store, store ? "" : qPrintable(describe(store.error())));
        QCOMPARE((*store)->engine(), QStringLiteral("sqlite"));
        QVERIFY((*store)->openSession());
    }
    QCOMPARE(DeptStore::open(QStringLiteral("sqlite:")).error().code, ErrorCode::Usage);
    QFile text(tmp.filePath(QStringLiteral("notes.txt")));
    QVERIFY(text.open(QIODevice::WriteOnly) && text.write(QByteArray(4096, 'x')) == 4096);
    text.close();
    QCOMPARE(DeptStore::open(text.fileName()).error().code, ErrorCode::DbNotADatabase);
    // libpq strings never become SQLite files named after them.
    QVERIFY(QDir::setCurrent(tmp.path()));
    for (const QString& url : {QStringLiteral("host=/nonexistent dbname=hocba"), QStringLiteral("dbname=hocba"),
                               QStringLiteral("postgresql://localhost:1/hocba")}) {
        auto store = DeptStore::open(url);
        QVERIFY(!store || (*store)->engine() == QLatin1String("postgresql"));
    }
    QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).size(), 2);
}

QTEST_GUILESS_MAIN(TestDataFolder)
#include "TestDataFolder.moc"
