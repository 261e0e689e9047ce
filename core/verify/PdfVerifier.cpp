// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/PdfVerifier.h"

#include "util/Text.h"
#include "verify/OpenSsl.h"
#include "verify/PdfCommon.h"
#include "verify/Revocation.h"
#include "verify/Timestamp.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <openssl/err.h>
#include <openssl/pkcs7.h>

#include <qpdf/Buffer.hh>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDFEFStreamObjectHelper.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>

#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>

namespace hocba::signing {

using namespace detail;

namespace {

using Pkcs7Ptr = std::unique_ptr<PKCS7, Free<PKCS7_free>>;

/** "D:YYYYMMDDHHmmSS" followed by Z, +HH'mm' or -HH'mm' (PDF 1.7 §7.9.4). */
QDateTime parsePdfDate(const QString& s)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-](\d{2})'?(\d{2})?'?)?)"));
    auto m = re.match(s);
    if (!m.hasMatch())
        return {};
    auto num = [&](int i, int def) { return m.captured(i).isEmpty() ? def : m.captured(i).toInt(); };
    QDateTime t(QDate(num(1, 0), num(2, 1), num(3, 1)), QTime(num(4, 0), num(5, 0), num(6, 0)), Qt::UTC);
    const QString zone = m.captured(7);
    if (!zone.isEmpty() && zone != QLatin1String("Z")) {
        const int offset = (num(8, 0) * 60 + num(9, 0)) * 60;
        t = t.addSecs(zone.startsWith(QLatin1Char('+')) ? -offset : offset);
    }
    return t;
}

struct RawSignature
{
    QString field;
    long long range[4] {};
    QByteArray contents;
    QString m;
    bool documentTimestamp = false; ///< /Type /DocTimeStamp or /SubFilter /ETSI.RFC3161 (PAdES B-LTA)
};

/** A /ByteRange [0 b c d] checked against the file: every offset inside it, so b, c and c + d are safe to use. */
struct ByteRange
{
    qsizetype contentsStart = 0; ///< b: the '<' of the /Contents hex string
    qsizetype contentsEnd = 0; ///< c: just after its '>'
    qsizetype tailLength = 0; ///< d
    qsizetype end() const { return contentsEnd + tailLength; }
};

/**
 * The four values come from the file and may be anything a long long holds: each is compared with the file size
 * before any sum, so nothing overflows. The range must start at 0, skip at least "<>" and stay inside the file.
 */
std::optional<ByteRange> checkedByteRange(const long long (&range)[4], qsizetype fileSize)
{
    const auto [a, b, c, d] = range;
    const long long size = fileSize;
    if (a != 0 || b <= 0 || b >= size || c <= 0 || c > size || d < 0 || d > size - c || c - b < 2)
        return std::nullopt;
    return ByteRange {qsizetype(b), qsizetype(c), qsizetype(d)};
}

/** Where a signature's range ends, for ordering revisions; -1 for a malformed range (reported by checkOne). */
qsizetype rangeEnd(const RawSignature& raw, qsizetype fileSize)
{
    const auto r = checkedByteRange(raw.range, fileSize);
    return r ? r->end() : -1;
}

/**
 * PAdES B-T: the SignerInfo's signature time-stamp (unsigned attribute id-aa-signatureTimeStampToken) verified over
 * SHA-256 of the signature value, its TSA chained to the anchors (with the CMS's certificates as intermediates) at the
 * token's time. Sets trustedTime and level T; a token that does not verify is a problem and fails the signature.
 */
void checkTimestamp(CMS_SignerInfo* si, STACK_OF(X509) * certs, const QList<QByteArray>& anchors, SignatureCheck& check)
{
    const int idx = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
    if (idx < 0)
        return;
    X509_ATTRIBUTE* attr = CMS_unsigned_get_attr(si, idx);
    ASN1_TYPE* value = X509_ATTRIBUTE_count(attr) == 1 ? X509_ATTRIBUTE_get0_type(attr, 0) : nullptr;
    const ASN1_OCTET_STRING* signature = CMS_SignerInfo_get0_signature(si);
    Result<TimestampInfo> info
        = fail(ErrorCode::CertificateInvalid,
               QCoreApplication::translate("Timestamp", "The signature's time-stamp cannot be read."));
    if (value && value->type == V_ASN1_SEQUENCE && signature
        && CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, idx) < 0) {
        QList<QByteArray> extra;
        for (int i = 0; certs && i < sk_X509_num(certs); ++i)
            extra << x509ToDer(sk_X509_value(certs, i));
        const QByteArray token(reinterpret_cast<const char*>(value->value.sequence->data),
                               value->value.sequence->length);
        const QByteArray signed_(reinterpret_cast<const char*>(ASN1_STRING_get0_data(signature)),
                                 ASN1_STRING_length(signature));
        info = verifyTimestampToken(token, sha256(signed_), anchors, extra);
    }
    if (!info) {
        check.timestampOk = false;
        check.problems << QCoreApplication::translate("Signing",
                                                      "The signature carries a time-stamp that is not valid: %1 The "
                                                      "signing time cannot be trusted.")
                              .arg(info.error().message);
        return;
    }
    check.trustedTime = info->genTime;
    check.timestampAuthority = info->tsaCertificate.commonName;
    check.timestampCertificates = info->certificates;
    check.timestampCertificate = info->tsaCertificate;
    check.level = BaselineLevel::T;
}

/**
 * PAdES B-LTA: a document time-stamp's /Contents is an RFC 3161 TimeStampToken (DER, then the zeros of the reserved
 * room) over SHA-256 of its byte range, from a TSA chained to the anchors (the /DSS's certificates may complete the
 * chain). Whether only validation data follows it is decided by the caller.
 */
void checkArchiveTimestamp(const QByteArray& pdf, const RawSignature& raw, const QList<QByteArray>& anchors,
                           const ValidationData& dss, ArchiveTimestampCheck& check)
{
    check.id = raw.field;
    const std::optional<ByteRange> range = checkedByteRange(raw.range, pdf.size());
    if (!range || pdf.at(range->contentsStart) != '<' || pdf.at(range->contentsEnd - 1) != '>'
        || QByteArray::fromHex(pdf.mid(range->contentsStart + 1, range->contentsEnd - range->contentsStart - 2))
            != raw.contents) {
        check.problems << QCoreApplication::translate("Signing", "The archive time-stamp's byte range is malformed.");
        return;
    }
    check.coveredUpTo = range->end();
    // The token is one DER object; the rest of the reserved room must be zeros.
    auto p = reinterpret_cast<const unsigned char*>(raw.contents.constData());
    Pkcs7Ptr parsed(d2i_PKCS7(nullptr, &p, raw.contents.size()));
    const qsizetype used = parsed ? qsizetype(p - reinterpret_cast<const unsigned char*>(raw.contents.constData())) : 0;
    const QByteArray token = raw.contents.left(used);
    if (!parsed || raw.contents.mid(used).count('\0') != raw.contents.size() - used) {
        check.problems << QCoreApplication::translate("Signing", "The archive time-stamp cannot be read.");
        return;
    }
    const QByteArray covered = pdf.left(range->contentsStart) + pdf.mid(range->contentsEnd, range->tailLength);
    auto info = verifyTimestampToken(token, sha256(covered), anchors, dss.certificates);
    if (!info) {
        check.problems << QCoreApplication::translate("Signing", "The archive time-stamp is not valid: %1")
                              .arg(info.error().message);
        return;
    }
    check.ok = true;
    check.time = info->genTime;
    check.authority = info->tsaCertificate.commonName;
    check.authorityCertificate = info->tsaCertificate;
}

void checkRevocations(X509_STORE* store, X509* signerCert, STACK_OF(X509) * cmsCerts, const ValidationData& dss,
                      SignatureCheck& check);

void checkOne(const QByteArray& pdf, const RawSignature& raw, X509_STORE* store, const QList<QByteArray>& anchors,
              const ValidationData& dss, SignatureCheck& check)
{
    check.id = raw.field;
    check.signingTime = parsePdfDate(raw.m);
    const QString rolePart = raw.field.section(QLatin1Char('-'), 1, 1);
    if (raw.field.startsWith(QLatin1String("hocba-")))
        check.role = roleFromCode(rolePart);

    // The range must start at 0, skip exactly the /Contents hex string and stay inside the file.
    const std::optional<ByteRange> range = checkedByteRange(raw.range, pdf.size());
    if (!range || pdf.at(range->contentsStart) != '<' || pdf.at(range->contentsEnd - 1) != '>'
        || QByteArray::fromHex(pdf.mid(range->contentsStart + 1, range->contentsEnd - range->contentsStart - 2))
            != raw.contents) {
        check.problems << QCoreApplication::translate("Signing", "The signature's byte range is malformed.");
        return;
    }
    const QByteArray covered = pdf.left(range->contentsStart) + pdf.mid(range->contentsEnd, range->tailLength);

    auto p = reinterpret_cast<const unsigned char*>(raw.contents.constData());
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, raw.contents.size()));
    auto* infos = cms ? CMS_get0_SignerInfos(cms.get()) : nullptr;
    if (!infos || sk_CMS_SignerInfo_num(infos) != 1) {
        check.problems << QCoreApplication::translate("Signing", "The signature data cannot be read.");
        return;
    }
    // Integrity first, without the chain, so an untrusted issuer and a changed document are told apart.
    check.integrityOk = cmsIntegrityVerifies(cms.get(), covered);
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);
    X509* signerCert = nullptr;
    X509StackPtr certs(CMS_get1_certs(cms.get()));
    for (int i = 0; certs && i < sk_X509_num(certs.get()); ++i)
        if (CMS_SignerInfo_cert_cmp(si, sk_X509_value(certs.get(), i)) == 0)
            signerCert = sk_X509_value(certs.get(), i);
    if (!signerCert) {
        check.integrityOk = false;
        check.problems << QCoreApplication::translate("Signing",
                                                      "The signer's certificate is missing from the signature.");
        return;
    }
    check.certificate = certificateInfo(signerCert);
    check.signerName = check.certificate.commonName;
    for (int i = 0; i < sk_X509_num(certs.get()); ++i)
        check.embeddedCertificates << x509ToDer(sk_X509_value(certs.get(), i));
    if (check.integrityOk && !signingCertificateV2Matches(si, signerCert)) {
        check.integrityOk = false;
        check.problems << QCoreApplication::translate(
            "Signing", "The signature does not name its signing certificate (signing-certificate-v2).");
    }
    // Trust at the judged time: the time-stamp's when there is a valid one, else the claimed /M (covered by the
    // signature); not now: a certificate that expired since must not turn a signed record invalid.
    checkTimestamp(si, certs.get(), anchors, check);
    const QDateTime judged = check.judgedTime();
    const bool chainOk = verifyChain(store, signerCert, certs.get(), judged).isEmpty();
    // Signing demands non-repudiation (CertificatePolicy); a certificate without it is not acceptable for a record.
    const bool forSigning = hasNonRepudiation(signerCert);
    check.certificateTrusted = chainOk && forSigning;
    check.validAtSigningTime
        = judged.isValid() && judged >= check.certificate.notBefore && judged <= check.certificate.notAfter;
    check.coversWholeDocument = range->end() == pdf.size();
    if (!check.integrityOk && check.problems.isEmpty())
        check.problems << QCoreApplication::translate(
            "Signing", "The signature is not valid: the document has been changed after signing.");
    if (!chainOk)
        check.problems << QCoreApplication::translate(
            "Signing", "The signer's certificate is not issued by a trusted certificate authority.");
    if (!forSigning)
        check.problems << QCoreApplication::translate(
            "Signing",
            "The signer's certificate is not meant for signing documents: it lacks the non-repudiation key usage.");
    if (!check.validAtSigningTime && check.trustedTime)
        check.problems << QCoreApplication::translate("Signing",
                                                      "The signer's certificate was not valid at the time proven by "
                                                      "the time-stamp (%1): it is valid from %2 to %3.")
                              .arg(text::shownDateTime(*check.trustedTime),
                                   text::shownDateTime(check.certificate.notBefore),
                                   text::shownDateTime(check.certificate.notAfter));
    else if (!check.validAtSigningTime)
        check.problems << QCoreApplication::translate(
            "Signing", "The signing time lies outside the certificate's validity period.");
    if (chainOk && !dss.isEmpty())
        checkRevocations(store, signerCert, certs.get(), dss, check);
}

/**
 * B-LT: the signer's chain judged against the revocation data embedded in the /DSS, offline, at the judged time (the
 * trusted timestamp's when there is one, else the claimed /M). Every certificate below the trust anchor must be
 * covered; a revocation at or before the judged time makes the signature invalid.
 */
void checkRevocations(X509_STORE* store, X509* signerCert, STACK_OF(X509) * cmsCerts, const ValidationData& dss,
                      SignatureCheck& check)
{
    X509StackPtr untrusted = x509Stack(dss.certificates);
    for (int i = 0; cmsCerts && i < sk_X509_num(cmsCerts); ++i)
        if (X509* c = sk_X509_value(cmsCerts, i); X509_up_ref(c) == 1)
            sk_X509_push(untrusted.get(), c);
    judgeRevocation(store, signerCert, untrusted.get(), dss, check);
}

/**
 * The largest embedded packet accepted. Real packets are tens of KB; the cap is far above that and far below what
 * a compression bomb (1 GB of zeros fits in 1 MB of Flate) would cost in time and memory.
 */
constexpr size_t kMaxEmbeddedPacketBytes = 4 * 1024 * 1024;

/** Collects decoded bytes and stops the decoder (by throwing, qpdf's only way) once they pass the cap. */
class CappedSink final : public Pipeline
{
public:
    explicit CappedSink(size_t cap)
        : Pipeline("hocba capped sink", nullptr)
        , m_cap(cap)
    { }
    void write(unsigned char const* data, size_t len) override
    {
        if (len > m_cap - size_t(m_data.size())) {
            m_exceeded = true;
            throw std::length_error("embedded file larger than the cap");
        }
        m_data.append(reinterpret_cast<const char*>(data), qsizetype(len));
    }
    void finish() override { }
    bool exceeded() const { return m_exceeded; }
    QByteArray take() { return std::move(m_data); }

private:
    size_t m_cap;
    QByteArray m_data;
    bool m_exceeded = false;
};

Error packetTooLarge(const QString& detail)
{
    return Error {ErrorCode::InvalidInput,
                  QCoreApplication::translate("Signing",
                                              "The record packet inside the PDF is too large (over %1 MiB); a real "
                                              "packet is far smaller. The file is refused.")
                      .arg(kMaxEmbeddedPacketBytes / (1024 * 1024)),
                  detail};
}

/** A declared length (/Length, /DL, /Params /Size) above the cap; absent or non-integer values are no verdict. */
bool declaredTooLarge(QPDFObjectHandle value)
{
    return value.isInteger() && value.getIntValue() > 0
        && static_cast<unsigned long long>(value.getIntValue()) > kMaxEmbeddedPacketBytes;
}

/**
 * The embedded file's bytes, decoded with the general filters only (Flate and the like; never image codecs). The
 * declared sizes are checked first, and the decoding itself stops once the output passes the cap, so a file whose
 * declarations lie costs at most the cap.
 */
Result<QByteArray> embeddedFileData(QPDFObjectHandle stream)
{
    QPDFObjectHandle dict = stream.getDict();
    QPDFObjectHandle params = dict.getKey("/Params");
    if (declaredTooLarge(dict.getKey("/Length")) || declaredTooLarge(dict.getKey("/DL"))
        || (params.isDictionary() && declaredTooLarge(params.getKey("/Size"))))
        return std::unexpected(packetTooLarge(QStringLiteral("declared size above %1").arg(kMaxEmbeddedPacketBytes)));
    CappedSink sink(kMaxEmbeddedPacketBytes);
    bool decoded = false;
    try {
        bool filtered = false;
        decoded = stream.pipeStreamData(&sink, &filtered, 0, qpdf_dl_generalized, true);
    } catch (const std::exception&) {
        decoded = false; // qpdf reports our stop as a decoding error; the flag below tells the two apart
    }
    if (sink.exceeded())
        return std::unexpected(
            packetTooLarge(QStringLiteral("decoded data passed %1 bytes").arg(kMaxEmbeddedPacketBytes)));
    if (!decoded)
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("Signing", "The record packet inside the PDF cannot be read."),
                    QStringLiteral("embedded file stream does not decode"));
    return sink.take();
}

/** Caps on what a /DSS may make the verifier decode: far above real use (a few certificates and responses). */
constexpr size_t kMaxValidationItemBytes = 1024 * 1024;
constexpr int kMaxValidationItems = 256;

/** The certificates, OCSP responses and CRLs of the document security store (PAdES B-LT); unreadable items skipped. */
ValidationData readDss(QPDF& q)
{
    ValidationData data;
    QPDFObjectHandle dss = q.getRoot().getKey("/DSS");
    if (!dss.isDictionary())
        return data;
    int total = 0;
    const std::pair<const char*, QList<QByteArray>*> entries[]
        = {{"/Certs", &data.certificates}, {"/OCSPs", &data.ocspResponses}, {"/CRLs", &data.crls}};
    for (const auto& [key, list] : entries) {
        QPDFObjectHandle array = dss.getKey(key);
        if (!array.isArray())
            continue;
        for (auto& item : array.getArrayAsVector()) {
            if (!item.isStream() || ++total > kMaxValidationItems)
                continue;
            CappedSink sink(kMaxValidationItemBytes);
            bool decoded = false;
            try {
                decoded = item.pipeStreamData(&sink, nullptr, 0, qpdf_dl_generalized, true);
            } catch (const std::exception&) {
                decoded = false;
            }
            if (decoded && !sink.exceeded())
                *list << sink.take();
        }
    }
    return data;
}

/**
 * True when the AcroForm of a later revision differs from the signed one only by signature fields added at the end of
 * /Fields (and /SigFlags): new objects (numbers from `firstNew` on), each a signature field whose value is a document
 * time-stamp, without an appearance. Each such time-stamp is itself checked (checkArchiveTimestamp).
 */
bool onlyArchiveFieldsAdded(QPDFObjectHandle oldAcro, QPDFObjectHandle newAcro, long long firstNew)
{
    // Shallow comparisons only (unparse, never unparseResolved): a hostile field tree may be a large graph. Objects
    // that keep their number are checked unchanged by the caller's cross-reference walk.
    if (!oldAcro.isDictionary() || !newAcro.isDictionary())
        return !oldAcro.isDictionary() && !newAcro.isDictionary();
    std::set<std::string> keys;
    for (const auto& k : oldAcro.getKeys())
        keys.insert(k);
    for (const auto& k : newAcro.getKeys())
        keys.insert(k);
    for (const auto& k : keys)
        if (k != "/Fields" && k != "/SigFlags" && oldAcro.getKey(k).unparse() != newAcro.getKey(k).unparse())
            return false;
    QPDFObjectHandle flags = newAcro.getKey("/SigFlags");
    if (flags.unparse() != oldAcro.getKey("/SigFlags").unparse() && !(flags.isInteger() && flags.getIntValue() == 3))
        return false;
    QPDFObjectHandle oldFields = oldAcro.getKey("/Fields");
    QPDFObjectHandle newFields = newAcro.getKey("/Fields");
    if (oldFields.unparse() == newFields.unparse())
        return true;
    if (!oldFields.isArray() || !newFields.isArray() || oldFields.isIndirect() || newFields.isIndirect())
        return false;
    const int n = oldFields.getArrayNItems();
    if (newFields.getArrayNItems() < n)
        return false;
    for (int i = 0; i < n; ++i)
        if (oldFields.getArrayItem(i).unparse() != newFields.getArrayItem(i).unparse())
            return false;
    for (int i = n; i < newFields.getArrayNItems(); ++i) {
        QPDFObjectHandle f = newFields.getArrayItem(i);
        if (!f.isIndirect() || f.getObjectID() < firstNew || !f.isDictionary() || !isSignatureField(f)
            || f.hasKey("/AP") || f.hasKey("/Kids"))
            return false;
        QPDFObjectHandle type = f.getKey("/V").getKey("/Type");
        if (!type.isName() || type.getName() != "/DocTimeStamp")
            return false;
    }
    return true;
}

/**
 * True when everything after the signed revision (`pdf` up to `signedEnd`) only adds validation data and document
 * time-stamps: no object of the signed revision is changed except the catalog, whose only changed keys may be /DSS and
 * /AcroForm (an earlier /DSS object itself, and the AcroForm with document time-stamp fields appended,
 * onlyArchiveFieldsAdded), with the same /Root and /Info. The new objects can then be reached only through /DSS and
 * those fields, so the pages and the embedded packet are exactly what was signed.
 */
bool onlyValidationDataAfter(const QByteArray& pdf, qsizetype signedEnd, QPDF& full)
{
    try {
        const QByteArray signedPart = pdf.left(signedEnd);
        QPDF before;
        before.setSuppressWarnings(true);
        before.setIgnoreXRefStreams(true);
        before.processMemoryFile("signed.pdf", signedPart.constData(), size_t(signedPart.size()));
        QPDFObjectHandle oldRoot = before.getRoot();
        QPDFObjectHandle newRoot = full.getRoot();
        if (oldRoot.getObjGen() != newRoot.getObjGen() || full.getTrailer().hasKey("/Encrypt"))
            return false;
        if (before.getTrailer().getKey("/Info").unparse() != full.getTrailer().getKey("/Info").unparse())
            return false;
        std::set<std::string> keys;
        for (const auto& k : oldRoot.getKeys())
            keys.insert(k);
        for (const auto& k : newRoot.getKeys())
            keys.insert(k);
        QPDFObjectHandle oldSize = before.getTrailer().getKey("/Size");
        const long long firstNew = oldSize.isInteger() ? oldSize.getIntValue() : 0;
        for (const auto& k : keys)
            if (k != "/DSS" && k != "/AcroForm" && oldRoot.getKey(k).unparse() != newRoot.getKey(k).unparse())
                return false;
        QPDFObjectHandle oldAcro = oldRoot.getKey("/AcroForm");
        if (oldAcro.isIndirect() && oldAcro.unparse() != newRoot.getKey("/AcroForm").unparse())
            return false;
        if (!onlyArchiveFieldsAdded(oldAcro, newRoot.getKey("/AcroForm"), firstNew))
            return false;
        QPDFObjectHandle oldDss = oldRoot.getKey("/DSS");
        const QPDFObjGen oldDssGen = oldDss.isIndirect() ? oldDss.getObjGen() : QPDFObjGen();
        // Something must have been added through /DSS (the catalog or the old /DSS rewritten after the signed part),
        // and nothing may follow the last revision's end: bytes that are no revision are a change like any other.
        if (pdf.mid(pdf.lastIndexOf("%%EOF") + 5).trimmed().size() > 0)
            return false;
        const auto newTable = full.getXRefTable();
        const auto rewrittenAfter = [&](QPDFObjGen gen) {
            const auto it = newTable.find(gen);
            return it != newTable.end() && it->second.getType() == 1 && it->second.getOffset() >= signedEnd;
        };
        if (!rewrittenAfter(oldRoot.getObjGen()) && !(oldDss.isIndirect() && rewrittenAfter(oldDss.getObjGen()))
            && !(oldAcro.isIndirect() && rewrittenAfter(oldAcro.getObjGen())))
            return false;
        const auto oldTable = before.getXRefTable();
        for (const auto& [gen, entry] : newTable) {
            if (gen.getObj() >= firstNew)
                continue; // new in the later revisions
            if (gen == oldRoot.getObjGen() || (oldDss.isIndirect() && gen == oldDssGen)
                || (oldAcro.isIndirect() && gen == oldAcro.getObjGen()))
                continue;
            const auto it = oldTable.find(gen);
            if (it == oldTable.end() || it->second.getType() != entry.getType()
                || (entry.getType() == 1 && it->second.getOffset() != entry.getOffset())
                || (entry.getType() == 2
                    && (it->second.getObjStreamNumber() != entry.getObjStreamNumber()
                        || it->second.getObjStreamIndex() != entry.getObjStreamIndex())))
                return false;
        }
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

Result<VerificationReport> verifyImpl(const QByteArray& pdf, const QList<QByteArray>& anchors,
                                      const QString& packetName)
{
    QPDF q;
    q.setSuppressWarnings(true);
    // qpdf would inflate cross-reference and object streams while parsing, with no bound: a 1 MB file can ask for
    // gigabytes. The PDFs we verify have neither (QPdfWriter and PdfSigner write classic xref tables), so they are
    // ignored; a file that needs them does not parse and is reported damaged.
    q.setIgnoreXRefStreams(true);
    q.processMemoryFile("document.pdf", pdf.constData(), size_t(pdf.size()));
    QList<RawSignature> raws;
    QPDFObjectHandle acro = q.getRoot().getKey("/AcroForm");
    if (acro.isDictionary())
        forEachField(acro.getKey("/Fields"), [&](QPDFObjectHandle f) {
            if (!isSignatureField(f))
                return;
            QPDFObjectHandle v = f.getKey("/V");
            RawSignature raw;
            raw.field = f.getKey("/T").isString() ? QString::fromStdString(f.getKey("/T").getUTF8Value()) : QString();
            QPDFObjectHandle br = v.getKey("/ByteRange");
            if (br.isArray() && br.getArrayNItems() == 4)
                for (int i = 0; i < 4; ++i)
                    raw.range[i] = br.getArrayItem(i).isInteger() ? br.getArrayItem(i).getIntValue() : -1;
            if (v.getKey("/Contents").isString())
                raw.contents = QByteArray::fromStdString(v.getKey("/Contents").getStringValue());
            if (v.getKey("/M").isString())
                raw.m = QString::fromStdString(v.getKey("/M").getUTF8Value());
            QPDFObjectHandle type = v.getKey("/Type");
            QPDFObjectHandle subFilter = v.getKey("/SubFilter");
            raw.documentTimestamp = (type.isName() && type.getName() == "/DocTimeStamp")
                || (subFilter.isName() && subFilter.getName() == "/ETSI.RFC3161");
            raws << raw;
        });
    // Revision order: a later signature's range ends further into the file.
    std::stable_sort(raws.begin(), raws.end(), [size = pdf.size()](const RawSignature& x, const RawSignature& y) {
        return rangeEnd(x, size) < rangeEnd(y, size);
    });

    VerificationReport report;
    report.format = VerificationReport::Format::Pdf;
    StorePtr store = trustStore(anchors);
    const ValidationData dss = readDss(q);
    QList<qsizetype> signatureEnds;
    qsizetype lastSignatureEnd = -1;
    for (const auto& raw : raws) {
        if (raw.documentTimestamp)
            continue;
        SignatureCheck check;
        checkOne(pdf, raw, store.get(), anchors, dss, check);
        report.signatures << check;
        signatureEnds << rangeEnd(raw, pdf.size());
        lastSignatureEnd = signatureEnds.last();
    }
    // Bytes after the last signature are allowed when they only add validation data (PAdES B-LT: a /DSS update) and
    // document time-stamps (B-LTA), each of which is checked below.
    if (!report.signatures.isEmpty() && !report.signatures.last().coversWholeDocument
        && !(lastSignatureEnd > 0 && onlyValidationDataAfter(pdf, lastSignatureEnd, q))) {
        // Earlier signatures are followed by later revisions by design; after the last one nothing may follow.
        auto& last = report.signatures.last();
        last.changedAfterSigning = true;
        last.problems << QCoreApplication::translate("Signing", "The document has been changed after signing.");
    }
    for (const auto& raw : raws) {
        if (!raw.documentTimestamp)
            continue;
        ArchiveTimestampCheck check;
        checkArchiveTimestamp(pdf, raw, anchors, dss, check);
        if (check.ok && check.coveredUpTo != pdf.size() && !onlyValidationDataAfter(pdf, check.coveredUpTo, q)) {
            check.ok = false;
            check.problems << QCoreApplication::translate("Signing",
                                                          "The document has been changed after its archive "
                                                          "time-stamp.");
        }
        if (check.ok)
            for (int i = 0; i < report.signatures.size(); ++i) {
                auto& s = report.signatures[i];
                if (signatureEnds[i] <= 0 || signatureEnds[i] > check.coveredUpTo)
                    continue;
                if (!s.archiveTime || check.time < *s.archiveTime)
                    s.archiveTime = check.time;
                // ETSI EN 319 142-1 §6.4: B-LTA is B-LT (time-stamp and validation data) plus a document time-stamp.
                if (s.level == BaselineLevel::LT)
                    s.level = BaselineLevel::LTA;
            }
        report.archiveTimestamps << check;
    }

    QPDFEmbeddedFileDocumentHelper files(q);
    for (const auto& [name, spec] : files.getEmbeddedFiles()) {
        if (QString::fromStdString(name) != packetName)
            continue;
        auto data = embeddedFileData(spec->getEmbeddedFileStream());
        if (!data)
            return std::unexpected(data.error());
        report.embeddedPacket = std::move(*data);
        report.embeddedPacketName = packetName;
    }
    if (QPDFObjectHandle info = q.getTrailer().getKey("/Info"); info.isDictionary()) {
        QPDFObjectHandle digest = info.getKey(kPacketDigestInfoKey);
        if (digest.isString())
            report.renderedPacketDigest = QString::fromStdString(digest.getUTF8Value());
    }
    return report;
}

} // namespace

Result<VerificationReport> PdfVerifier::verify(const QByteArray& pdf, const QList<QByteArray>& trustAnchorsDer,
                                               const QString& packetName)
{
    try {
        return verifyImpl(pdf, trustAnchorsDer, packetName);
    } catch (const std::exception& e) {
        return fail(ErrorCode::InvalidInput, QCoreApplication::translate("Signing", "The PDF file is damaged."),
                    QString::fromUtf8(e.what()));
    }
}

} // namespace hocba::signing
