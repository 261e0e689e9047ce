// SPDX-License-Identifier: GPL-3.0-or-later
#include "dept/DataFolder.h"

#include "util/Digest.h"
#include "verify/OpenSsl.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hocba::dept {

using namespace signing::detail;

namespace {

constexpr int kCertificateDays = 3653; // ten years, leap days included

QString tr(const char* text)
{
    return QCoreApplication::translate("hocba::dept::DataFolder", text);
}

QString iniPath(const QString& folder)
{
    return folder + QStringLiteral("/department.ini");
}

Error internalError(const QString& what)
{
    return {ErrorCode::Internal,
            tr("The Department's key or certificate could not be made or read. Tell the Department's IT staff."),
            QStringLiteral("%1: %2").arg(what, opensslErrors())};
}

/** Writes a new file with exactly `mode`; never replaces one (O_EXCL): a Department's key is never overwritten. */
Status writeNewFile(const QString& path, const QByteArray& bytes, mode_t mode)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    bool ok = fd >= 0 && ::fchmod(fd, mode) == 0;
    for (qsizetype done = 0; ok && done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        ok = n > 0;
        done += ok ? n : 0;
    }
    ok = ok && ::fsync(fd) == 0;
    if (fd >= 0)
        ok = ::close(fd) == 0 && ok;
    if (!ok)
        return fail(ErrorCode::Io,
                    tr("%1 could not be written. Check that the folder is writable and the disk is not full.")
                        .arg(QDir::toNativeSeparators(path)),
                    QStringLiteral("write %1 failed").arg(QFileInfo(path).fileName()));
    return {};
}

bool addExtension(X509* cert, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    const bool ok = ext && X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

/** Self-signed, CN = the Department's name: what schools pin and `openssl cms -verify -CAfile` accepts. */
Result<X509Ptr> selfSignedCertificate(EVP_PKEY* key, const QString& name)
{
    X509Ptr cert(X509_new());
    unsigned char serial[16];
    if (!cert || RAND_bytes(serial, sizeof serial) != 1)
        return std::unexpected(internalError(QStringLiteral("certificate")));
    serial[0] &= 0x7f; // a positive serial number
    const QByteArray cn = name.toUtf8();
    X509_NAME* subject = X509_get_subject_name(cert.get());
    BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool ok = X509_set_version(cert.get(), X509_VERSION_3) == 1 && bn
        && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()))
        && X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0)
        && X509_time_adj_ex(X509_getm_notAfter(cert.get()), kCertificateDays, 0, nullptr)
        && X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char*>(cn.constData()), int(cn.size()), -1, 0)
        && X509_set_issuer_name(cert.get(), subject) == 1 && X509_set_pubkey(cert.get(), key) == 1
        && addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE")
        && addExtension(cert.get(), NID_key_usage, "critical,digitalSignature,nonRepudiation")
        && addExtension(cert.get(), NID_subject_key_identifier, "hash") && X509_sign(cert.get(), key, EVP_sha256()) > 0;
    BN_free(bn);
    if (!ok)
        return std::unexpected(internalError(QStringLiteral("certificate")));
    return cert;
}

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

Result<std::pair<QByteArray, QByteArray>> newKeyAndCertificatePem(const QString& name)
{
    PkeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return std::unexpected(internalError(QStringLiteral("EVP_EC_gen")));
    auto cert = selfSignedCertificate(key.get(), name);
    if (!cert)
        return std::unexpected(cert.error());
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    BioPtr certBio(BIO_new(BIO_s_mem()));
    if (!keyBio || !certBio
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1
        || PEM_write_bio_X509(certBio.get(), cert->get()) != 1)
        return std::unexpected(internalError(QStringLiteral("PEM")));
    return std::pair {bioBytes(keyBio.get()), bioBytes(certBio.get())};
}

Result<QByteArray> readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io,
                    tr("%1 cannot be read. Check that the program may read the data folder.")
                        .arg(QDir::toNativeSeparators(path)),
                    QStringLiteral("read %1: %2").arg(QFileInfo(path).fileName(), f.errorString()));
    return f.readAll();
}

} // namespace

QString DataFolder::databasePath() const
{
    return path + QStringLiteral("/dept.db");
}

QString DataFolder::keyPath() const
{
    return path + QStringLiteral("/department-key.pem");
}

QString DataFolder::certificatePath() const
{
    return path + QStringLiteral("/department-cert.pem");
}

Result<DataFolder> DataFolder::init(const QString& folderPath, const QString& departmentName)
{
    const QString name = departmentName.trimmed();
    if (name.isEmpty() || name.size() > 200
        || std::any_of(name.begin(), name.end(), [](QChar c) { return c.category() == QChar::Other_Control; }))
        return fail(ErrorCode::InvalidInput,
                    tr("Give the Department's name on one line, for example \"Sở Giáo dục và Đào tạo Hà Nội\"."),
                    QStringLiteral("bad department name"));
    DataFolder folder {QDir(folderPath).absolutePath()};
    const QFileInfo info(folder.path);
    if (info.exists() && !info.isDir())
        return fail(ErrorCode::InvalidInput,
                    tr("%1 is a file, not a folder. Give a new or empty folder for the Department's data.")
                        .arg(QDir::toNativeSeparators(folder.path)),
                    QStringLiteral("data folder is a file"));
    for (const QString& used :
         {folder.keyPath(), folder.certificatePath(), folder.databasePath(), iniPath(folder.path)})
        if (QFileInfo::exists(used))
            return fail(ErrorCode::InvalidInput,
                        tr("%1 already holds a Department's data. Its key is never replaced: schools have pinned its "
                           "certificate. Use this folder as it is, or give a new, empty folder.")
                            .arg(QDir::toNativeSeparators(folder.path)),
                        QStringLiteral("data folder already initialised"));
    if (!QDir().mkpath(folder.path) || ::chmod(QFile::encodeName(folder.path).constData(), 0700) != 0)
        return fail(ErrorCode::Io,
                    tr("The folder %1 could not be made. Check that the program may write there.")
                        .arg(QDir::toNativeSeparators(folder.path)),
                    QStringLiteral("mkpath/chmod data folder failed"));
    auto pems = newKeyAndCertificatePem(name);
    if (!pems)
        return std::unexpected(pems.error());
    const QByteArray ini = "[department]\nname=" + name.toUtf8() + "\n";
    for (auto [file, bytes, mode] : {std::tuple {folder.keyPath(), pems->first, mode_t(0600)},
                                     std::tuple {folder.certificatePath(), pems->second, mode_t(0644)},
                                     std::tuple {iniPath(folder.path), ini, mode_t(0600)}})
        if (auto ok = writeNewFile(file, bytes, mode); !ok)
            return std::unexpected(ok.error());
    auto store = DeptStore::open(QStringLiteral("sqlite:") + folder.databasePath());
    if (!store)
        return std::unexpected(store.error());
    ::chmod(QFile::encodeName(folder.databasePath()).constData(), 0600);
    return folder;
}

Result<DataFolder> DataFolder::open(const QString& folderPath)
{
    DataFolder folder {QDir(folderPath).absolutePath()};
    for (const QString& needed : {folder.keyPath(), folder.certificatePath(), iniPath(folder.path)})
        if (!QFileInfo(needed).isFile())
            return fail(ErrorCode::NotFound,
                        tr("%1 is not a Department data folder. Make one first with: hocba-dept init --data %1")
                            .arg(QDir::toNativeSeparators(folder.path)),
                        QStringLiteral("missing %1").arg(QFileInfo(needed).fileName()));
    return folder;
}

Result<QString> DataFolder::departmentName() const
{
    auto ini = readFile(iniPath(path));
    if (!ini)
        return std::unexpected(ini.error());
    for (const QByteArray& line : ini->split('\n'))
        if (line.startsWith("name="))
            if (QString name = QString::fromUtf8(line.mid(5)).trimmed(); !name.isEmpty())
                return name;
    return fail(ErrorCode::InvalidInput,
                tr("%1 does not name the Department. Write the line name=… (the Department's name) into it.")
                    .arg(QDir::toNativeSeparators(iniPath(path))),
                QStringLiteral("department.ini has no name"));
}

Result<ReceiptSigning> DataFolder::receiptSigner() const
{
    auto name = departmentName();
    auto keyPem = readFile(keyPath());
    auto certPem = readFile(certificatePath());
    if (!name || !keyPem || !certPem)
        return std::unexpected(!name ? name.error() : !keyPem ? keyPem.error() : certPem.error());
    BioPtr keyBio(BIO_new_mem_buf(keyPem->constData(), int(keyPem->size())));
    BioPtr certBio(BIO_new_mem_buf(certPem->constData(), int(certPem->size())));
    std::shared_ptr<EVP_PKEY> key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    std::shared_ptr<X509> cert(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr), X509_free);
    if (!key || !cert || X509_check_private_key(cert.get(), key.get()) != 1)
        return std::unexpected(internalError(QStringLiteral("receipt key")));
    return ReceiptSigning([key, cert, department = *name](const signing::Receipt& receipt) -> Result<SignedReceipt> {
        signing::Receipt named = receipt;
        named.department = department;
        const QByteArray canonical = named.canonicalBytes();
        BioPtr content(BIO_new_mem_buf(canonical.constData(), int(canonical.size())));
        CmsPtr cms(CMS_sign(cert.get(), key.get(), nullptr, content.get(),
                            CMS_DETACHED | CMS_BINARY | CMS_CADES | CMS_NOSMIMECAP));
        unsigned char* der = nullptr;
        const int size = cms ? i2d_CMS_ContentInfo(cms.get(), &der) : 0;
        if (size <= 0)
            return std::unexpected(internalError(QStringLiteral("CMS_sign")));
        QByteArray signature(reinterpret_cast<const char*>(der), size);
        OPENSSL_free(der);
        return SignedReceipt {canonical, signature};
    });
}

QString newCredentialToken()
{
    unsigned char bytes[32];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return {}; // the caller refuses an empty token; OpenSSL's generator does not fail once seeded
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(bytes), sizeof bytes).toHex());
}

QByteArray credentialDigest(const QString& token)
{
    return digest::sha256(token.toUtf8());
}

} // namespace hocba::dept
