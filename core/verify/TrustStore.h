// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "verify/Certificate.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace hocba::signing {

/**
 * A CA certificate the school trusts. Chains must reach a self-signed root among the anchors (the verifiers accept
 * nothing shorter); intermediates stored next to their root only help complete chains.
 */
struct TrustAnchor
{
    enum class Source { BuiltIn, School };
    qint64 id = 0; ///< trust_anchor.id for School anchors
    Source source = Source::School;
    CertificateInfo certificate;
    QDateTime addedAt; ///< UTC; null for built-in anchors
    QString addedBy;
};

/**
 * The trust anchors, in memory: PEM files built into the program (the PEM files in resources/trust, a Qt resource)
 * plus the certificates it is given (the school's anchors come from its data file through lifecycle::TrustAnchors).
 * The roots of Vietnamese CAs (NEAC, VGCA) are not in the OS stores (DOMAIN.md §5.3), so the OS store is not used.
 */
class TrustStore
{
public:
    TrustStore() = default;

    /** Only the built-in anchors. */
    static TrustStore builtIn();
    /**
     * The anchor a CA certificate (PEM or DER) makes; refuses a certificate that is not a CA (basicConstraints
     * CA:TRUE), whose anchor would trust anything it signs.
     */
    static Result<TrustAnchor> anchorFor(const QByteArray& pemOrDer, TrustAnchor::Source source);

    void add(const TrustAnchor& anchor) { m_anchors.append(anchor); }
    /** Adds a CA certificate (PEM or DER) in memory only (`verify --trust`, tests); refuses one that is not a CA. */
    Status addCertificate(const QByteArray& pemOrDer, TrustAnchor::Source source = TrustAnchor::Source::School);
    const QList<TrustAnchor>& anchors() const { return m_anchors; }
    QList<QByteArray> anchorsDer() const;
    bool isEmpty() const { return m_anchors.isEmpty(); }

private:
    QList<TrustAnchor> m_anchors;
};

} // namespace hocba::signing
