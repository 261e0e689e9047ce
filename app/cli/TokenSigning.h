// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/CommandLine.h"
#include "util/Error.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>

#include <memory>

namespace hocba::store {
class Database;
}
namespace hocba::lifecycle {
struct CertificateCandidate;
}
namespace hocba::signing {
class Signer;
class TokenManager;
class TokenSession;
} // namespace hocba::signing

namespace hocba::cli {

/** The options of a command that signs with a USB token: --module, --token, --cert and --pin-file. */
struct TokenOptions
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::SignCommand)
public:
    TokenOptions();
    QList<QCommandLineOption> list() const { return {module, token, cert, pinFile}; }
    /** Whether --module and --token are both given; otherwise usageError() says what is missing. */
    bool given(const QCommandLineParser& parser) const;
    static Error usageError();

    QCommandLineOption module;
    QCommandLineOption token;
    QCommandLineOption cert;
    QCommandLineOption pinFile;
};

/**
 * A token logged in once (the PIN from --pin-file, HOCBA_PIN or a prompt) and the signer of the certificate the
 * school's certificate policy accepts (--cert ID, or the first accepted one, named on stderr when there are several).
 * It stays logged in while this object lives, so a batch asks for the PIN once.
 */
class TokenSigning
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::SignCommand)
public:
    ~TokenSigning();
    static Result<std::unique_ptr<TokenSigning>> open(const QCommandLineParser& parser, const TokenOptions& options,
                                                      store::Database& db, cmdline::Console& console);
    signing::Signer& signer() { return *m_signer; }

private:
    TokenSigning() = default;
    // Destroyed in reverse: the signer before the session it uses, the session before its module.
    std::unique_ptr<signing::TokenManager> m_manager;
    std::unique_ptr<signing::TokenSession> m_session;
    std::unique_ptr<signing::Signer> m_signer;
};

/**
 * --role ROLE for the requests only the principal signs (revoke, transfer statement): principal when not given; any
 * other role is a usage error, so that a command line written for `sign --role homeroom` is not misread.
 */
QCommandLineOption principalRoleOption();
Status requirePrincipalRole(const QCommandLineParser& parser);

/** The certificate policy's warnings about the chosen certificate, on stderr. */
void printCertificateWarnings(const lifecycle::CertificateCandidate& chosen, cmdline::Console& console);

} // namespace hocba::cli
