// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/Appearance.h"

#include "verify/OpenSsl.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>
#include <mutex>

namespace hocba::signing {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::signing::Appearance)
};

QString nfc(const QString& s)
{
    return s.normalized(QString::NormalizationForm_C);
}

QString collapsed(const QString& s)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    return nfc(s).replace(ws, QStringLiteral(" ")).trimmed();
}

QDateTime wholeSecondsUtc(const QDateTime& t)
{
    return QDateTime::fromSecsSinceEpoch(t.toSecsSinceEpoch(), QTimeZone::utc());
}

/** Vietnam keeps UTC+7 all year; a fixed offset, so the result does not depend on the machine's zone database. */
QDateTime vietnamTime(const QDateTime& utc)
{
    return utc.toTimeZone(QTimeZone(7 * 3600));
}

/** The lines of `text` from just after each occurrence of `label`: the rest of that line, then the following lines. */
QList<QStringList> afterLabel(const QString& text, const QString& label)
{
    QList<QStringList> out;
    for (qsizetype at = text.indexOf(label); at >= 0; at = text.indexOf(label, at + label.size())) {
        const qsizetype from = at + label.size();
        qsizetype next = text.indexOf(label, from);
        const QString rest = text.mid(from, next < 0 ? -1 : next - from);
        out << rest.split(QRegularExpression(QStringLiteral("[\\n\\r\\f]")));
    }
    return out;
}

/**
 * The name shown after one "Ký số bởi:", matched against the candidates on line boundaries: the rest of the line
 * (and, for a name wrapped over lines, the lines after it) must equal a candidate exactly, so "Nguyễn Văn An" does
 * not pass for "Nguyễn Văn A". Returns the matched candidate, or empty; `shown` gets the first line for messages.
 */
QString matchHolder(const QStringList& lines, const QStringList& candidates, QString& shown)
{
    shown = collapsed(lines.value(0));
    if (shown.isEmpty() && lines.size() > 1)
        shown = collapsed(lines.value(1));
    for (const QString& candidate : candidates) {
        const QString want = collapsed(candidate);
        if (want.isEmpty())
            continue;
        QString acc;
        for (const QString& line : lines) {
            const QString part = collapsed(line);
            if (part.isEmpty() && acc.isEmpty())
                continue;
            acc = acc.isEmpty() ? part : acc + QLatin1Char(' ') + part;
            if (acc.size() >= want.size())
                break;
        }
        if (acc == want)
            return candidate;
    }
    return {};
}

constexpr int kMaxTextPages = 300;

void silencePoppler()
{
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

} // namespace

QString appearanceRoleTitle(SignerRole role)
{
    switch (role) {
    case SignerRole::Principal:
        return QStringLiteral("Hiệu trưởng");
    case SignerRole::Homeroom:
        return QStringLiteral("Giáo viên chủ nhiệm");
    case SignerRole::Seal:
        return QStringLiteral("Con dấu nhà trường");
    }
    return {};
}

QString appearanceIssuer(const SignerCertificate& certificate)
{
    const detail::X509Ptr x = detail::x509FromDer(certificate.der);
    if (!x)
        return certificate.issuer;
    const X509_NAME* issuer = X509_get_issuer_name(x.get());
    for (int nid : {NID_commonName, NID_organizationName}) {
        const int idx = X509_NAME_get_index_by_NID(issuer, nid, -1);
        if (idx < 0)
            continue;
        unsigned char* utf8 = nullptr;
        const int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(issuer, idx)));
        if (len < 0)
            continue;
        const QString s = QString::fromUtf8(reinterpret_cast<const char*>(utf8), len);
        OPENSSL_free(utf8);
        if (!s.trimmed().isEmpty())
            return nfc(s);
    }
    return certificate.issuer;
}

QString appearanceTime(const QDateTime& utc)
{
    return utc.isValid() ? vietnamTime(utc).toString(QStringLiteral("dd/MM/yyyy HH:mm")) : QString();
}

Result<packet::SignatureAppearance> appearanceFor(const QByteArray& certificateDer, SignerRole role,
                                                  const QDateTime& signedAt)
{
    const detail::X509Ptr x = detail::x509FromDer(certificateDer);
    if (!x)
        return fail(ErrorCode::InvalidInput, Text::tr("The signing certificate cannot be read."),
                    QStringLiteral("d2i_X509 failed"));
    const SignerCertificate c = detail::certificateInfo(x.get());
    if (c.commonName.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The signing certificate names no holder (no CN); the signature cannot show who signed."),
                    c.subject);
    packet::SignatureAppearance a;
    a.holderName = nfc(c.commonName.trimmed());
    a.role = appearanceRoleTitle(role);
    a.issuer = appearanceIssuer(c);
    a.signedAt = wholeSecondsUtc(signedAt);
    return a;
}

QStringList appearanceMismatches(const packet::Packet& packet, const VerificationReport& packetSignatures)
{
    QStringList problems;
    if (!packet.principalSignature)
        return problems;
    const packet::SignatureAppearance& shown = *packet.principalSignature;
    const SignatureCheck* principal = nullptr;
    for (const auto& s : packetSignatures.signatures)
        if (s.role == SignerRole::Principal)
            principal = &s;
    if (!principal) {
        problems << Text::tr("The record shows a principal's digital signature by %1, but no principal signed it.")
                        .arg(shown.holderName);
        return problems;
    }
    const QString holder = nfc(principal->certificate.commonName.trimmed());
    if (nfc(shown.holderName) != holder)
        problems << Text::tr("The record shows the signature as made by \"%1\", but the principal's certificate "
                             "belongs to \"%2\".")
                        .arg(shown.holderName, holder);
    const QString issuer = appearanceIssuer(principal->certificate);
    if (nfc(shown.issuer) != issuer)
        problems << Text::tr("The record names \"%1\" as the certificate's issuer, but the principal's certificate "
                             "was issued by \"%2\".")
                        .arg(shown.issuer, issuer);
    if (!shown.signedAt.isValid() || !principal->signingTime.isValid()
        || shown.signedAt.toSecsSinceEpoch() != principal->signingTime.toSecsSinceEpoch())
        problems << Text::tr("The record shows the signing time %1, but the principal's signature was made at %2.")
                        .arg(appearanceTime(shown.signedAt), appearanceTime(principal->signingTime));
    if (shown.role != appearanceRoleTitle(SignerRole::Principal))
        problems << Text::tr("The record shows the signer's role as \"%1\", but the signature is the principal's.")
                        .arg(shown.role);
    return problems;
}

QStringList pageAppearanceMismatches(const QString& pageText, const QList<SignatureCheck>& signatures,
                                     const std::optional<packet::SignatureAppearance>& expected)
{
    QStringList problems;
    const QString text = nfc(pageText);
    QStringList holders;
    QStringList times;
    for (const auto& s : signatures) {
        if (!s.certificate.commonName.isEmpty())
            holders << s.certificate.commonName.trimmed();
        if (s.signingTime.isValid())
            times << appearanceTime(s.signingTime);
    }
    const QString holderLabel = QString::fromUtf8(kAppearanceHolderLabel);
    const QString timeLabel = QString::fromUtf8(kAppearanceTimeLabel);

    QStringList shownHolders;
    for (const QStringList& lines : afterLabel(text, holderLabel)) {
        QString shown;
        const QString matched = matchHolder(lines, holders, shown);
        if (matched.isEmpty())
            problems << Text::tr("The page shows the document as digitally signed by \"%1\", but no signature of "
                                 "the document is by that person (signed by: %2).")
                            .arg(shown, holders.isEmpty() ? QStringLiteral("–") : holders.join(QStringLiteral(", ")));
        else
            shownHolders << matched;
    }
    static const QRegularExpression timeRe(QStringLiteral("^\\s*(\\d{2}/\\d{2}/\\d{4}\\s+\\d{2}:\\d{2})"));
    QStringList shownTimes;
    for (const QStringList& lines : afterLabel(text, timeLabel)) {
        const QString rest = lines.join(QLatin1Char('\n'));
        const auto m = timeRe.match(rest);
        const QString shown = m.hasMatch() ? collapsed(m.captured(1)) : collapsed(lines.value(0));
        if (!m.hasMatch() || !times.contains(shown))
            problems << Text::tr("The page shows the signing time \"%1\", but no signature of the document was made "
                                 "then (signed at: %2, Vietnam time).")
                            .arg(shown, times.isEmpty() ? QStringLiteral("–") : times.join(QStringLiteral(", ")));
        else
            shownTimes << shown;
    }
    if (expected) {
        QString unused;
        bool holderShown = false;
        for (const QStringList& lines : afterLabel(text, holderLabel))
            if (!matchHolder(lines, {expected->holderName}, unused).isEmpty())
                holderShown = true;
        if (!holderShown)
            problems << Text::tr("The record says it was signed by %1, but the page does not show \"%2 %1\".")
                            .arg(expected->holderName, holderLabel);
        const QString when = appearanceTime(expected->signedAt);
        if (!shownTimes.contains(when))
            problems << Text::tr("The record says it was signed at %1, but the page does not show \"%2 %1\".")
                            .arg(when, timeLabel);
    }
    return problems;
}

Result<QString> pdfText(const QByteArray& pdf)
{
    silencePoppler();
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(pdf.constData(), int(pdf.size())));
    if (!doc || doc->is_locked())
        return fail(ErrorCode::InvalidInput, Text::tr("The text of the PDF's pages cannot be read."),
                    QStringLiteral("poppler: load_from_raw_data failed"));
    QStringList pages;
    const int n = doc->pages();
    // A record's book has a few pages a year; a file with hundreds is not one, and reading it would only cost time
    // (the Department endpoint verifies what anyone submits).
    if (n > kMaxTextPages)
        return fail(ErrorCode::InvalidInput, Text::tr("The text of the PDF's pages cannot be read."),
                    QStringLiteral("poppler: %1 pages, more than %2").arg(n).arg(kMaxTextPages));
    for (int i = 0; i < n; ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page)
            return fail(ErrorCode::InvalidInput, Text::tr("The text of the PDF's pages cannot be read."),
                        QStringLiteral("poppler: page %1").arg(i + 1));
        // Raw order: the order the renderer drew the text in, so the two signature blocks side by side do not
        // interleave their lines.
        const poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::raw_order_layout).to_utf8();
        pages << QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    }
    return pages.join(QLatin1Char('\f'));
}

} // namespace hocba::signing
