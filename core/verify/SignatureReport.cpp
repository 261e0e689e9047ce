// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/SignatureReport.h"

#include "util/Text.h"

#include <QCoreApplication>

namespace hocba::signing {

QString roleCode(SignerRole role)
{
    switch (role) {
    case SignerRole::Principal:
        return QStringLiteral("principal");
    case SignerRole::Homeroom:
        return QStringLiteral("homeroom");
    case SignerRole::Seal:
        return QStringLiteral("seal");
    }
    return {};
}

std::optional<SignerRole> roleFromCode(const QString& code)
{
    for (auto role : {SignerRole::Principal, SignerRole::Homeroom, SignerRole::Seal})
        if (roleCode(role) == code)
            return role;
    return std::nullopt;
}

QString roleLabel(SignerRole role)
{
    switch (role) {
    case SignerRole::Principal:
        return QCoreApplication::translate("Signing", "Principal");
    case SignerRole::Homeroom:
        return QCoreApplication::translate("Signing", "Homeroom teacher");
    case SignerRole::Seal:
        return QCoreApplication::translate("Signing", "School seal");
    }
    return {};
}

QString levelCode(BaselineLevel level)
{
    switch (level) {
    case BaselineLevel::B:
        return QStringLiteral("B");
    case BaselineLevel::T:
        return QStringLiteral("T");
    case BaselineLevel::LT:
        return QStringLiteral("LT");
    case BaselineLevel::LTA:
        return QStringLiteral("LTA");
    }
    return {};
}

QString levelLabel(BaselineLevel level)
{
    switch (level) {
    case BaselineLevel::B:
        return QCoreApplication::translate("Signing", "B (time claimed by the signer's computer)");
    case BaselineLevel::T:
        return QCoreApplication::translate("Signing", "B-T (trusted timestamp)");
    case BaselineLevel::LT:
        return QCoreApplication::translate("Signing", "B-LT (timestamp and revocation data)");
    case BaselineLevel::LTA:
        return QCoreApplication::translate("Signing", "B-LTA (archive timestamp)");
    }
    return {};
}

bool VerificationReport::ok() const
{
    if (signatures.isEmpty())
        return false;
    for (const auto& s : signatures)
        if (!s.ok())
            return false;
    for (const auto& a : archiveTimestamps)
        if (!a.ok)
            return false;
    return true;
}

const ArchiveTimestampCheck* VerificationReport::lastArchiveTimestamp() const
{
    for (auto it = archiveTimestamps.crbegin(); it != archiveTimestamps.crend(); ++it)
        if (it->ok)
            return &*it;
    return nullptr;
}

QString VerificationReport::toText() const
{
    QStringList lines;
    if (signatures.isEmpty())
        lines << QCoreApplication::translate("Signing", "The document has no digital signature.");
    int n = 0;
    for (const auto& s : signatures) {
        ++n;
        lines << QCoreApplication::translate("Signing", "Signature %1: %2")
                     .arg(n)
                     .arg(s.ok() ? QCoreApplication::translate("Signing", "valid")
                                 : QCoreApplication::translate("Signing", "NOT valid"));
        // An XML signature that did not verify names nobody and claims nothing (XmlVerifier): no empty lines then.
        if (!s.signerName.isEmpty())
            lines << QCoreApplication::translate("Signing", "  Signer: %1").arg(s.signerName);
        if (s.role)
            lines << QCoreApplication::translate("Signing", "  Role: %1").arg(roleLabel(*s.role));
        // Shown to people: their own time zone and the dd/MM/yyyy they write (the JSON report keeps ISO 8601 UTC).
        if (s.signingTime.isValid())
            lines
                << QCoreApplication::translate("Signing", "  Signing time: %1").arg(text::shownDateTime(s.signingTime));
        if (s.trustedTime) {
            lines << QCoreApplication::translate("Signing", "  Trusted time: %1 (time-stamp by %2)")
                         .arg(text::shownDateTime(*s.trustedTime), s.timestampAuthority);
            lines << QCoreApplication::translate("Signing",
                                                 "  The certificate is judged at the trusted time, not at the time "
                                                 "claimed by the signer's computer.");
        } else if (s.signingTime.isValid() && s.timestampOk) {
            lines << QCoreApplication::translate("Signing",
                                                 "  No trusted time-stamp: the signing time is only what the signer's "
                                                 "computer claimed.");
        }
        if (s.integrityOk)
            lines << QCoreApplication::translate("Signing", "  Level: %1").arg(levelLabel(s.level));
        if (s.archiveTime && s.level != BaselineLevel::LTA)
            lines << QCoreApplication::translate("Signing",
                                                 "  An archive time-stamp covers it, but the signature lacks the "
                                                 "trusted time-stamp or revocation data that level B-LTA needs.");
        if (!s.certificate.der.isEmpty())
            lines << QCoreApplication::translate("Signing", "  Certificate: %1, serial %2, valid %3 to %4")
                         .arg(s.certificate.subject, s.certificate.serialHex, text::shownDate(s.certificate.notBefore),
                              text::shownDate(s.certificate.notAfter));
        if (!s.revocationNote.isEmpty())
            lines << QCoreApplication::translate("Signing", "  Revocation: %1").arg(s.revocationNote);
        for (const auto& p : s.problems)
            lines << QStringLiteral("  - ") + p;
    }
    int a = 0;
    for (const auto& t : archiveTimestamps) {
        ++a;
        lines << QCoreApplication::translate("Signing", "Archive time-stamp %1: %2")
                     .arg(a)
                     .arg(t.ok ? QCoreApplication::translate("Signing", "valid")
                               : QCoreApplication::translate("Signing", "NOT valid"));
        if (t.ok) {
            lines << QCoreApplication::translate("Signing", "  Archive time: %1 (time-stamp by %2)")
                         .arg(text::shownDateTime(t.time), t.authority);
            lines << QCoreApplication::translate("Signing",
                                                 "  The time-stamping certificate is valid until %1: a new archive "
                                                 "time-stamp is needed before then.")
                         .arg(text::shownDate(t.authorityCertificate.notAfter));
        }
        for (const auto& p : t.problems)
            lines << QStringLiteral("  - ") + p;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace hocba::signing
