// SPDX-License-Identifier: GPL-3.0-or-later
#include "token/TokenManager.h"

#include "token/TokenBackend.h"
#include "verify/OpenSsl.h"

#include <QCoreApplication>

#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace hocba::signing {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::signing::Token)
};

} // namespace

QStringList defaultPkcs11Modules()
{
    // HOCBA_PKCS11_MODULES (a CA's vendor module) first, then the usual ones. Vendor modules of Vietnamese CAs
    // (VNPT-CA, Viettel-CA, BKAV, …) are added in the settings once their Linux paths are known; most of their
    // tokens also work with OpenSC.
    QStringList modules
        = QString::fromLocal8Bit(qgetenv("HOCBA_PKCS11_MODULES")).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    for (const QString& standard : {QStringLiteral("/usr/lib/softhsm/libsofthsm2.so"),
                                    QStringLiteral("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so")})
        if (!modules.contains(standard))
            modules << standard;
    return modules;
}

TokenManager::TokenManager(const QStringList& modules)
{
    for (const QString& path : modules)
        m_backends.push_back(makeLibp11Backend(path));
}

TokenManager::TokenManager(std::vector<std::unique_ptr<TokenBackend>> backends)
    : m_backends(std::move(backends))
{ }

TokenManager::~TokenManager() = default;

Result<QList<TokenInfo>> TokenManager::tokens()
{
    QList<TokenInfo> all;
    m_status.clear();
    std::optional<Error> lastError;
    QStringList paths;
    bool anyLoaded = false;
    for (auto& backend : m_backends) {
        ModuleStatus status;
        status.path = backend->module();
        paths << status.path;
        status.present = backend->isPresent();
        QList<TokenInfo> found;
        const CkRv rv = status.present ? backend->tokens(found) : HocbaModuleLoadFailed;
        if (rv == CkrOk) {
            status.loaded = true;
            anyLoaded = true;
            all += found;
        } else if (status.present) {
            const Error e = errorForCkr(rv, status.path);
            status.error = describe(e);
            lastError = e;
        }
        m_status.append(status);
    }
    // One broken vendor module must not hide the tokens of the others; fail only when nothing could be loaded.
    if (!anyLoaded) {
        if (lastError)
            return std::unexpected(*lastError);
        return fail(ErrorCode::TokenError,
                    Text::tr("No USB token driver (PKCS#11 module) is installed. Install the token software from "
                             "your certification service provider."),
                    QStringLiteral("none of: %1").arg(paths.join(QLatin1Char(' '))));
    }
    return all;
}

Result<TokenInfo> TokenManager::findToken(const QString& wanted)
{
    auto list = tokens();
    if (!list)
        return std::unexpected(list.error());
    for (const TokenInfo& t : *list)
        if (t.matches(wanted))
            return t;
    return fail(ErrorCode::TokenNotFound,
                Text::tr("The USB token \"%1\" is not plugged in. Plug it in and try again.").arg(wanted),
                QStringLiteral("%1 token(s) present").arg(list->size()));
}

TokenBackend* TokenManager::backendFor(const TokenInfo& token)
{
    for (auto& b : m_backends)
        if (b->module() == token.module)
            return b.get();
    return nullptr;
}

Result<QList<CertificateInfo>> TokenManager::certificates(const TokenInfo& token)
{
    TokenBackend* backend = backendFor(token);
    if (!backend)
        return std::unexpected(errorForCkr(CkrTokenNotPresent, token.module));
    QList<CertificateInfo> certs;
    if (const CkRv rv = backend->certificates(token, certs); rv != CkrOk)
        return std::unexpected(errorForCkr(rv, token.module));
    return certs;
}

Result<std::unique_ptr<TokenSession>> TokenManager::login(const TokenInfo& wanted, PinProvider& pins,
                                                          const QString& certificateHolder)
{
    TokenBackend* backend = backendFor(wanted);
    if (!backend)
        return std::unexpected(errorForCkr(CkrTokenNotPresent, wanted.module));

    // Fresh flags: the caller's TokenInfo may be minutes old, and a PIN may have been locked meanwhile (by us or
    // by the CA's own tool). A locked PIN is never tried: every attempt on some tokens wears the PUK counter too.
    const auto current = [&]() -> Result<TokenInfo> {
        QList<TokenInfo> list;
        if (const CkRv rv = backend->tokens(list); rv != CkrOk)
            return std::unexpected(errorForCkr(rv, wanted.module));
        for (const TokenInfo& t : list)
            if (t.label == wanted.label && t.serial == wanted.serial)
                return t;
        return std::unexpected(errorForCkr(CkrTokenNotPresent, wanted.module));
    };
    auto token = current();
    if (!token)
        return std::unexpected(token.error());
    if (token->flags.pinLocked)
        return std::unexpected(errorForCkr(CkrPinLocked, token->module));
    if (token->flags.pinToBeChanged)
        return fail(ErrorCode::TokenError,
                    Text::tr("The USB token asks for a new PIN before it can be used. Change the PIN with the token "
                             "software from your certification service provider."),
                    QStringLiteral("CKF_USER_PIN_TO_BE_CHANGED from %1").arg(token->module));

    CkRv rv = CkrOk;
    if (token->flags.protectedAuthPath || !token->flags.loginRequired) {
        // PIN pad readers take the PIN themselves: C_Login with a null PIN, no prompt of ours.
        rv = token->flags.loginRequired ? backend->login(*token, nullptr) : CkrOk;
    } else {
        PinRequest request;
        request.token = *token;
        request.certificateHolder = certificateHolder;
        request.countLow = token->flags.pinCountLow;
        request.finalTry = token->flags.pinFinalTry;
        auto pin = pins.requestPin(request);
        if (!pin)
            return std::unexpected(pin.error());
        rv = backend->login(*token, pin->c_str());
        pin->wipe();
    }
    if (rv == CkrUserAlreadyLoggedIn)
        rv = CkrOk; // another application (or our previous batch) left the token logged in: fine to use
    if (rv == CkrPinIncorrect) {
        // Re-read the flags so the message says how close the PIN now is to being blocked (DigiDoc4): many tokens
        // only report the lock on the *next* call, after the final wrong try.
        auto after = current();
        if (after && after->flags.pinLocked)
            return std::unexpected(errorForCkr(CkrPinLocked, token->module));
        Error e = errorForCkr(CkrPinIncorrect, token->module);
        if (after && after->flags.pinFinalTry)
            e.message = Text::tr("Wrong PIN. One more wrong PIN will lock the USB token.");
        else if (after && after->flags.pinCountLow)
            e.message = Text::tr("Wrong PIN. The USB token has few tries left before the PIN is locked.");
        return std::unexpected(e);
    }
    if (rv != CkrOk)
        return std::unexpected(errorForCkr(rv, token->module));
    return std::make_unique<TokenSession>(*backend, *token);
}

TokenSession::TokenSession(TokenBackend& backend, TokenInfo token)
    : m_backend(backend)
    , m_token(std::move(token))
{ }

TokenSession::~TokenSession()
{
    (void)logout();
}

Status TokenSession::logout()
{
    if (!m_open)
        return {};
    m_open = false;
    const CkRv rv = m_backend.logout(m_token);
    if (rv != CkrOk && rv != CkrUserNotLoggedIn && !isRemoval(rv))
        return std::unexpected(errorForCkr(rv, m_token.module));
    return {};
}

std::unique_ptr<Signer> TokenSession::signer(const CertificateInfo& certificate, const QList<QByteArray>& chain)
{
    return std::make_unique<Pkcs11Signer>(*this, certificate, chain);
}

Pkcs11Signer::Pkcs11Signer(TokenSession& session, CertificateInfo certificate, QList<QByteArray> chain)
    : m_session(session)
    , m_certificate(std::move(certificate))
    , m_chain(std::move(chain))
{ }

Result<QByteArray> Pkcs11Signer::signSha256(const QByteArray& data)
{
    if (!m_session.isOpen())
        return fail(ErrorCode::TokenError, Text::tr("The USB token session has ended. Log in again."),
                    QStringLiteral("session closed"));
    QByteArray signature;
    const CkRv rv = m_session.m_backend.signSha256(m_session.m_token, m_certificate.id, data, signature);
    if (rv != CkrOk) {
        Error e = errorForCkr(rv, m_session.m_token.module);
        // The key was found when the session started; if its handle is invalid now, the token under the session
        // was pulled or swapped (SoftHSM2 answers CKR_OBJECT_HANDLE_INVALID once its token directory is gone).
        if (rv == CkrObjectHandleInvalid || rv == CkrKeyHandleInvalid)
            e = Error {ErrorCode::TokenRemoved, errorForCkr(CkrDeviceRemoved, {}).message, e.detail};
        // After a removal the session handle is dead; logging out later would only produce another error.
        if (e.code == ErrorCode::TokenRemoved)
            m_session.m_open = false;
        return std::unexpected(e);
    }
    return signature;
}

QList<QByteArray> buildChain(const QByteArray& leaf, const QList<QByteArray>& candidates)
{
    QList<QByteArray> chain;
    detail::X509Ptr current = detail::x509FromDer(leaf);
    for (int depth = 0; current && depth < 8; ++depth) {
        if (X509_check_issued(current.get(), current.get()) == X509_V_OK)
            break; // self-signed: the anchor itself, not part of the chain we send
        detail::X509Ptr next;
        for (const QByteArray& der : candidates) {
            if (der == leaf || chain.contains(der))
                continue;
            detail::X509Ptr c = detail::x509FromDer(der);
            if (c && X509_check_issued(c.get(), current.get()) == X509_V_OK) {
                chain.append(der);
                next = std::move(c);
                break;
            }
        }
        current = std::move(next);
    }
    return chain;
}

} // namespace hocba::signing
