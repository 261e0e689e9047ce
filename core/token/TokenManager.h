// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/PinProvider.h"
#include "token/Signer.h"
#include "token/TokenTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace hocba::signing {

class TokenBackend;
class TokenSession;

/**
 * PKCS#11 libraries to probe, in order. Vietnamese CAs ship their own vendor modules; the list is configurable
 * (HOCBA_PKCS11_MODULES, a ':'-separated list, comes first), followed by SoftHSM2 and OpenSC.
 */
QStringList defaultPkcs11Modules();

/** A module on the list and what happened when it was probed (Settings page and `hocba-cli token list`). */
struct ModuleStatus
{
    QString path;
    bool present = false; ///< the file exists (a missing default module is normal, not an error)
    bool loaded = false;
    QString error; ///< describe() of the load error
};

/**
 * All token access: finds tokens across the configured modules, lists certificates, logs in. Not thread-safe and not
 * a QObject: it lives on the TokenService thread (or in a single-threaded CLI), which serialises every PKCS#11 call.
 */
class TokenManager
{
public:
    explicit TokenManager(const QStringList& modules = defaultPkcs11Modules());
    /** Test seam: fake backends (FakeTokenBackend). */
    explicit TokenManager(std::vector<std::unique_ptr<TokenBackend>> backends);
    ~TokenManager();
    TokenManager(const TokenManager&) = delete;
    TokenManager& operator=(const TokenManager&) = delete;

    /** Re-enumerates every module; the status of each module is in modules() afterwards. */
    Result<QList<TokenInfo>> tokens();
    QList<ModuleStatus> modules() const { return m_status; }
    /** A token by label, serial or "label/serial" (never by slot number); TokenNotFound when none is plugged in. */
    Result<TokenInfo> findToken(const QString& wanted);
    /** Certificates on a token: public objects, no PIN needed. */
    Result<QList<CertificateInfo>> certificates(const TokenInfo& token);

    /**
     * Logs in once for a batch (STYLE.md C6): re-reads the token flags first; a locked PIN fails with PinLocked
     * and is never tried, "must change" fails too; otherwise asks `pins` (countLow/finalTry in the request), logs
     * in, wipes the PIN. A wrong PIN returns PinIncorrect with the new flag state in the message and is not
     * retried: asking again is the caller's decision. The session logs out when destroyed.
     */
    Result<std::unique_ptr<TokenSession>> login(const TokenInfo& token, PinProvider& pins,
                                                const QString& certificateHolder = {});

private:
    TokenBackend* backendFor(const TokenInfo& token);

    std::vector<std::unique_ptr<TokenBackend>> m_backends;
    QList<ModuleStatus> m_status;
};

/**
 * A logged-in token for one batch. Signers made from it are valid while it lives. Destroying it logs out (the
 * next batch asks for the PIN again).
 */
class TokenSession
{
public:
    TokenSession(TokenBackend& backend, TokenInfo token);
    ~TokenSession();
    TokenSession(const TokenSession&) = delete;
    TokenSession& operator=(const TokenSession&) = delete;

    const TokenInfo& token() const { return m_token; }
    bool isOpen() const { return m_open; }
    /** A signer for one certificate of this token (its CKA_ID selects the private key). */
    std::unique_ptr<Signer> signer(const CertificateInfo& certificate, const QList<QByteArray>& chain = {});
    Status logout();

private:
    friend class Pkcs11Signer;
    TokenBackend& m_backend;
    TokenInfo m_token;
    bool m_open = true;
};

/**
 * Signer for a key on a token. Signs through the session's backend (libp11 → C_Sign); the key never leaves the
 * token. Used only on the thread that owns the session.
 */
class Pkcs11Signer final : public Signer
{
public:
    Pkcs11Signer(TokenSession& session, CertificateInfo certificate, QList<QByteArray> chain);

    QByteArray certificate() const override { return m_certificate.der; }
    QList<QByteArray> chain() const override { return m_chain; }
    KeyType keyType() const override { return m_certificate.keyType; }
    Result<QByteArray> signSha256(const QByteArray& data) override;

    const CertificateInfo& certificateInfo() const { return m_certificate; }

private:
    TokenSession& m_session;
    CertificateInfo m_certificate;
    QList<QByteArray> m_chain;
};

/** The issuers of `leaf` found among `candidates` (e.g. the other certificates on its token), nearest first. */
QList<QByteArray> buildChain(const QByteArray& leaf, const QList<QByteArray>& candidates);

} // namespace hocba::signing
