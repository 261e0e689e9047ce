// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/RequestVerifier.h"

#include "verify/XmlVerifier.h"

#include <QCoreApplication>

namespace hocba::signing {

namespace {

class RequestVerifierText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::signing::RequestVerifier)
};

template <class T, class Reader>
Result<VerifiedRequest<T>> verifyRequest(const QByteArray& xml, const QList<QByteArray>& trustAnchorsDer, Reader read)
{
    // The reader first: bytes that are not such a document are an error, not a report about signatures.
    auto request = read(xml);
    if (!request)
        return std::unexpected(request.error());
    auto report = XmlVerifier::verify(xml, trustAnchorsDer, requestSignatureLayout());
    if (!report)
        return std::unexpected(report.error());
    VerifiedRequest<T> out {*request, *report, {}};
    const auto& signatures = out.report.signatures;
    if (signatures.size() != 1)
        out.problems << RequestVerifierText::tr(
                            "A request must carry exactly one signature, the principal's; this one has %1.")
                            .arg(signatures.size());
    for (const SignatureCheck& s : signatures)
        if (s.role != SignerRole::Principal)
            out.problems << RequestVerifierText::tr("The request is signed as %1; only the principal may sign it.")
                                .arg(s.role ? roleLabel(*s.role) : RequestVerifierText::tr("no role"));
    return out;
}

} // namespace

XmlSignatureLayout requestSignatureLayout()
{
    XmlSignatureLayout layout;
    layout.dataId = QStringLiteral("data");
    layout.containerName = QStringLiteral("DSCKS");
    layout.containerNamespace = QString::fromLatin1(packet::kRequestNamespace);
    layout.propertiesNamespace = QString::fromLatin1(packet::kRequestNamespace);
    layout.wrapPerRole = false;
    return layout;
}

Result<VerifiedRequest<packet::RevokeRequest>> verifyRevokeRequest(const QByteArray& xml,
                                                                   const QList<QByteArray>& trustAnchorsDer)
{
    return verifyRequest<packet::RevokeRequest>(xml, trustAnchorsDer, packet::readRevokeRequest);
}

Result<VerifiedRequest<packet::TransferStatement>> verifyTransferStatement(const QByteArray& xml,
                                                                           const QList<QByteArray>& trustAnchorsDer)
{
    return verifyRequest<packet::TransferStatement>(xml, trustAnchorsDer, packet::readTransferStatement);
}

} // namespace hocba::signing
