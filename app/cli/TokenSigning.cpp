// SPDX-License-Identifier: GPL-3.0-or-later
#include "TokenSigning.h"

#include "lifecycle/SigningPlan.h"
#include "store/Database.h"
#include "token/PinProvider.h"
#include "token/TokenManager.h"

#include <QCoreApplication>

namespace hocba::cli {

TokenOptions::TokenOptions()
    : module(QStringLiteral("module"), tr("The PKCS#11 module of the token."), tr("PATH"))
    , token(QStringLiteral("token"), tr("The token's label or serial."), tr("LABEL"))
    , cert(QStringLiteral("cert"),
           tr("The certificate on the token (its id in hex, as \"token list\" shows; default: the first one the "
              "certificate policy accepts)."),
           tr("ID"))
    , pinFile(QStringLiteral("pin-file"),
              tr("Read the PIN from this file (mode 0600); otherwise HOCBA_PIN or a prompt."), tr("FILE"))
{ }

bool TokenOptions::given(const QCommandLineParser& parser) const
{
    return parser.isSet(module) && parser.isSet(token);
}

Error TokenOptions::usageError()
{
    return {ErrorCode::Usage, tr("Give the token with --module PATH --token LABEL."), {}};
}

TokenSigning::~TokenSigning() = default;

Result<std::unique_ptr<TokenSigning>> TokenSigning::open(const QCommandLineParser& parser, const TokenOptions& options,
                                                         store::Database& db, cmdline::Console& console)
{
    if (!options.given(parser))
        return std::unexpected(TokenOptions::usageError());
    std::unique_ptr<TokenSigning> out(new TokenSigning);
    out->m_manager = std::make_unique<signing::TokenManager>(QStringList {parser.value(options.module)});
    auto found = out->m_manager->findToken(parser.value(options.token));
    if (!found)
        return std::unexpected(found.error());
    auto certs = out->m_manager->certificates(*found);
    if (!certs)
        return std::unexpected(certs.error());
    // The policy first: a refused certificate is reported as such before any PIN is asked for.
    auto choice = lifecycle::SigningPlan::chooseCertificate(db, *certs, parser.value(options.cert));
    if (!choice)
        return std::unexpected(choice.error());
    const lifecycle::CertificateCandidate* chosen = choice->choice();
    if (!chosen)
        return std::unexpected(*choice->problem);
    if (choice->acceptedCount > 1)
        console.err << tr("The token holds %1 certificates that the certificate policy accepts; signing with \"%2\" "
                          "(id %3). Choose another with --cert ID.")
                           .arg(choice->acceptedCount)
                           .arg(chosen->certificate.holder, QString::fromLatin1(chosen->certificate.id.toHex()))
                    << '\n';
    printCertificateWarnings(*chosen, console);
    signing::CliPinProvider::Options pinOptions;
    pinOptions.pinFile = parser.value(options.pinFile);
    signing::CliPinProvider pins(pinOptions);
    auto session = out->m_manager->login(*found, pins, chosen->certificate.holder);
    if (!session)
        return std::unexpected(session.error());
    out->m_session = std::move(*session);
    out->m_signer = out->m_session->signer(chosen->certificate, chosen->chain);
    return out;
}

QCommandLineOption principalRoleOption()
{
    return {QStringLiteral("role"), TokenSigning::tr("Who signs: principal (the only role allowed here; the default)."),
            TokenSigning::tr("ROLE")};
}

Status requirePrincipalRole(const QCommandLineParser& parser)
{
    const QString role = parser.value(QStringLiteral("role"));
    if (!role.isEmpty() && role != QLatin1String("principal"))
        return fail(ErrorCode::Usage, TokenSigning::tr("Only the principal signs this: give --role principal."));
    return {};
}

void printCertificateWarnings(const lifecycle::CertificateCandidate& chosen, cmdline::Console& console)
{
    for (const QString& w : chosen.verdict->warnings)
        console.err << TokenSigning::tr("Warning: %1").arg(w) << '\n';
}

} // namespace hocba::cli
