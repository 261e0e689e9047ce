// SPDX-License-Identifier: GPL-3.0-or-later
// The only file that sees libp11 types (Pkcs11Signer and TokenManager reach it through TokenBackend).
#include "token/TokenBackend.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <libp11.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

namespace hocba::signing {

namespace {

QString field(const char* s)
{
    // Token labels and serials are blank-padded fixed-width fields in CK_TOKEN_INFO; libp11 already trims them,
    // trimming again costs nothing and protects against modules that pad with NULs.
    return s ? QString::fromUtf8(s).trimmed() : QString();
}

class Libp11Backend final : public TokenBackend
{
public:
    explicit Libp11Backend(QString modulePath)
        : m_module(std::move(modulePath))
    { }
    ~Libp11Backend() override { unload(); }

    QString module() const override { return m_module; }
    bool isPresent() const override { return QFileInfo::exists(m_module); }

    CkRv load() override
    {
        if (m_ctx)
            return CkrOk;
        ERR_clear_error();
        // Check the file first: dlopen of a missing path only says "failed" through libp11.
        if (!QFileInfo::exists(m_module))
            return HocbaModuleLoadFailed;
        m_ctx = PKCS11_CTX_new();
        if (!m_ctx)
            return CkrHostMemory;
        if (PKCS11_CTX_load(m_ctx, QFile::encodeName(m_module).constData()) != 0) {
            const CkRv rv = drainPkcs11Error(HocbaModuleLoadFailed);
            PKCS11_CTX_free(m_ctx);
            m_ctx = nullptr;
            return rv == CkrOk ? HocbaModuleLoadFailed : rv;
        }
        return CkrOk;
    }

    CkRv tokens(QList<TokenInfo>& out) override
    {
        out.clear();
        if (const CkRv rv = load(); rv != CkrOk)
            return rv;
        ERR_clear_error();
        // libp11 caches CK_TOKEN_INFO (with the PIN flags we need before a login) from enumeration time, so the
        // slots are enumerated afresh each time. PKCS11_update_slots would keep them but crashes in libp11 0.4.12
        // on a second call (seen with SoftHSM2). While logged in the slots (and the session and keys hanging off
        // them) must stay: then the cached info is reported, which is enough, the login already succeeded.
        if (!m_loggedIn && m_slots) {
            PKCS11_release_all_slots(m_ctx, m_slots, m_nslots);
            m_slots = nullptr;
            m_nslots = 0;
        }
        if (!m_slots && PKCS11_enumerate_slots(m_ctx, &m_slots, &m_nslots) != 0) {
            m_slots = nullptr;
            m_nslots = 0;
            return drainPkcs11Error(CkrGeneralError);
        }
        for (unsigned i = 0; i < m_nslots; ++i) {
            PKCS11_SLOT* slot = &m_slots[i];
            if (!slot->token || !slot->token->initialized)
                continue;
            const PKCS11_TOKEN* t = slot->token;
            TokenInfo info;
            info.module = m_module;
            info.slotDescription = field(slot->description);
            info.label = field(t->label);
            info.serial = field(t->serialnr);
            info.manufacturer = field(t->manufacturer);
            info.model = field(t->model);
            info.flags.loginRequired = t->loginRequired;
            info.flags.protectedAuthPath = t->secureLogin;
            info.flags.pinCountLow = t->userPinCountLow;
            info.flags.pinFinalTry = t->userPinFinalTry;
            info.flags.pinLocked = t->userPinLocked;
            info.flags.pinToBeChanged = t->userPinToBeChanged;
            out.append(info);
        }
        return CkrOk;
    }

    CkRv certificates(const TokenInfo& token, QList<CertificateInfo>& out) override
    {
        out.clear();
        PKCS11_SLOT* slot = findSlot(token);
        if (!slot)
            return CkrTokenNotPresent;
        PKCS11_CERT* certs = nullptr;
        unsigned n = 0;
        ERR_clear_error();
        if (PKCS11_enumerate_certs(slot->token, &certs, &n) != 0)
            return drainPkcs11Error(CkrGeneralError);
        for (unsigned i = 0; i < n; ++i) {
            if (!certs[i].x509)
                continue;
            unsigned char* buf = nullptr;
            const int len = i2d_X509(certs[i].x509, &buf);
            if (len <= 0)
                continue;
            const QByteArray der(reinterpret_cast<const char*>(buf), len);
            OPENSSL_free(buf);
            auto decoded = CertificateInfo::fromDer(der);
            if (!decoded)
                continue; // a certificate object we cannot parse is not one the principal can sign with
            decoded->id = QByteArray(reinterpret_cast<const char*>(certs[i].id), qsizetype(certs[i].id_len));
            decoded->tokenLabel = token.label;
            out.append(*decoded);
        }
        return CkrOk;
    }

    CkRv login(const TokenInfo& token, const char* pin) override
    {
        PKCS11_SLOT* slot = findSlot(token);
        if (!slot)
            return CkrTokenNotPresent;
        ERR_clear_error();
        if (PKCS11_login(slot, 0, pin) != 0)
            return drainPkcs11Error(CkrGeneralError);
        m_loggedIn = true;
        return CkrOk;
    }

    CkRv logout(const TokenInfo& token) override
    {
        freeKeys();
        PKCS11_SLOT* slot = findSlot(token);
        if (!slot) {
            m_loggedIn = false;
            return CkrTokenNotPresent;
        }
        ERR_clear_error();
        m_loggedIn = false;
        if (PKCS11_logout(slot) != 0)
            return drainPkcs11Error(CkrGeneralError);
        return CkrOk;
    }

    CkRv signSha256(const TokenInfo& token, const QByteArray& keyId, const QByteArray& data,
                    QByteArray& signature) override
    {
        signature.clear();
        EVP_PKEY* pkey = nullptr;
        if (const CkRv rv = privateKey(token, keyId, &pkey); rv != CkrOk)
            return rv;
        ERR_clear_error();
        EVP_MD_CTX* md = EVP_MD_CTX_new();
        if (!md)
            return CkrHostMemory;
        size_t len = 0;
        // The EVP_PKEY carries libp11's RSA/EC method: OpenSSL 3 treats it as a legacy "foreign" key and sends the
        // operation to C_Sign on the token (the private key never leaves it).
        bool ok = EVP_DigestSignInit(md, nullptr, EVP_sha256(), nullptr, pkey) == 1
            && EVP_DigestSign(md, nullptr, &len, reinterpret_cast<const unsigned char*>(data.constData()),
                              size_t(data.size()))
                == 1;
        if (ok) {
            signature.resize(qsizetype(len));
            ok = EVP_DigestSign(md, reinterpret_cast<unsigned char*>(signature.data()), &len,
                                reinterpret_cast<const unsigned char*>(data.constData()), size_t(data.size()))
                == 1;
            signature.resize(qsizetype(len));
        }
        EVP_MD_CTX_free(md);
        if (!ok) {
            signature.clear();
            return drainPkcs11Error(HocbaSignFailed);
        }
        return CkrOk;
    }

private:
    PKCS11_SLOT* findSlot(const TokenInfo& token)
    {
        for (unsigned i = 0; i < m_nslots; ++i) {
            PKCS11_SLOT* slot = &m_slots[i];
            if (slot->token && slot->token->initialized && field(slot->token->label) == token.label
                && field(slot->token->serialnr) == token.serial)
                return slot;
        }
        return nullptr;
    }

    CkRv privateKey(const TokenInfo& token, const QByteArray& keyId, EVP_PKEY** out)
    {
        if (auto it = m_keys.constFind(keyId); it != m_keys.constEnd()) {
            *out = it.value();
            return CkrOk;
        }
        PKCS11_SLOT* slot = findSlot(token);
        if (!slot)
            return CkrTokenNotPresent;
        ERR_clear_error();
        // Look the key up among the private keys by CKA_ID rather than through PKCS11_find_key(cert): the latter
        // only searches keys already enumerated, and some vendor modules hide private keys until after login.
        PKCS11_KEY* keys = nullptr;
        unsigned n = 0;
        if (PKCS11_enumerate_keys(slot->token, &keys, &n) != 0)
            return drainPkcs11Error(CkrGeneralError);
        for (unsigned i = 0; i < n; ++i) {
            if (!keys[i].isPrivate
                || QByteArray(reinterpret_cast<const char*>(keys[i].id), qsizetype(keys[i].id_len)) != keyId)
                continue;
            EVP_PKEY* pkey = PKCS11_get_private_key(&keys[i]);
            if (!pkey)
                return drainPkcs11Error(HocbaKeyNotFound);
            m_keys.insert(keyId, pkey);
            *out = pkey;
            return CkrOk;
        }
        return HocbaKeyNotFound;
    }

    void freeKeys()
    {
        for (EVP_PKEY* k : std::as_const(m_keys))
            EVP_PKEY_free(k);
        m_keys.clear();
    }

    void unload()
    {
        // Order matters (SIGNING.md §3b): keys reference their slot, slots their context.
        freeKeys();
        if (m_slots)
            PKCS11_release_all_slots(m_ctx, m_slots, m_nslots);
        m_slots = nullptr;
        m_nslots = 0;
        if (m_ctx) {
            PKCS11_CTX_unload(m_ctx);
            PKCS11_CTX_free(m_ctx);
        }
        m_ctx = nullptr;
    }

    QString m_module;
    PKCS11_CTX* m_ctx = nullptr;
    PKCS11_SLOT* m_slots = nullptr;
    unsigned m_nslots = 0;
    bool m_loggedIn = false; ///< slots must not be re-enumerated while a session is logged in
    QHash<QByteArray, EVP_PKEY*> m_keys;
};

} // namespace

std::unique_ptr<TokenBackend> makeLibp11Backend(const QString& modulePath)
{
    return std::make_unique<Libp11Backend>(modulePath);
}

} // namespace hocba::signing
