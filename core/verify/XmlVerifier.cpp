// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/XmlVerifier.h"

#include "util/Text.h"
#include "verify/OpenSsl.h"
#include "verify/Revocation.h"
#include "verify/Timestamp.h"
#include "verify/XmlDom.h"

#include <QCoreApplication>

#include <openssl/x509v3.h>

#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/keys.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/transforms.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>

#include <mutex>

namespace hocba::signing {

using namespace detail;

namespace {

QString text(const char* source)
{
    return QCoreApplication::translate("Signing", source);
}

bool initXmlSec()
{
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] {
        xmlInitParser();
        // xmlsec prints its errors to stderr by default; they can quote document content (personal data).
        xmlSecErrorsDefaultCallbackEnableOutput(0);
        ok = xmlSecInit() >= 0 && xmlSecCheckVersion() == 1 && xmlSecOpenSSLInit() >= 0;
    });
    return ok;
}

struct CtxFree
{
    void operator()(xmlSecDSigCtx* c) const { xmlSecDSigCtxDestroy(c); }
};
using CtxPtr = std::unique_ptr<xmlSecDSigCtx, CtxFree>;
struct KeyFree
{
    void operator()(xmlSecKey* k) const { xmlSecKeyDestroy(k); }
};
using KeyPtr = std::unique_ptr<xmlSecKey, KeyFree>;

/** An xmlsec key holding nothing but the certificate's public key. */
KeyPtr publicKeyOf(X509* cert)
{
    EVP_PKEY* pkey = X509_get_pubkey(cert);
    if (!pkey)
        return {};
    xmlSecKeyDataPtr data = xmlSecOpenSSLEvpKeyAdopt(pkey);
    if (!data) {
        EVP_PKEY_free(pkey);
        return {};
    }
    KeyPtr key(xmlSecKeyCreate());
    if (!key || xmlSecKeySetValue(key.get(), data) < 0) {
        xmlSecKeyDataDestroy(data);
        return {};
    }
    return key;
}

/**
 * Runs xmlsec on one Signature with the signer certificate's key set in advance. With signKey set and no keys
 * manager, xmlsec never reads KeyInfo: no KeyValue, KeyName, RetrievalMethod or certificate store can supply a key.
 * The transforms are limited to the ones XmlSigner writes (checked before, too: this is the second lock).
 */
CtxPtr runXmlSec(xmlNode* sig, X509* cert)
{
    CtxPtr ctx(xmlSecDSigCtxCreate(nullptr));
    KeyPtr key = publicKeyOf(cert);
    if (!ctx || !key)
        return {};
    ctx->signKey = key.release();
    ctx->enabledReferenceUris = xmlSecTransformUriTypeSameDocument;
    for (xmlSecTransformId id : {xmlSecTransformEnvelopedId, xmlSecTransformExclC14NId, xmlSecTransformSha256Id})
        if (xmlSecDSigCtxEnableReferenceTransform(ctx.get(), id) < 0)
            return {};
    for (xmlSecTransformId id : {xmlSecTransformExclC14NId, xmlSecTransformRsaSha256Id, xmlSecTransformEcdsaSha256Id})
        if (xmlSecDSigCtxEnableSignatureTransform(ctx.get(), id) < 0)
            return {};
    if (xmlSecDSigCtxVerify(ctx.get(), sig) < 0)
        ctx->status = xmlSecDSigStatusInvalid;
    return ctx;
}

bool allReferencesOk(xmlSecDSigCtx* ctx)
{
    const xmlSecSize n = xmlSecPtrListGetSize(&ctx->signedInfoReferences);
    if (n != 2)
        return false;
    for (xmlSecSize i = 0; i < n; ++i) {
        auto* ref = static_cast<xmlSecDSigReferenceCtx*>(xmlSecPtrListGetItem(&ctx->signedInfoReferences, i));
        if (!ref || ref->status != xmlSecDSigStatusSucceeded)
            return false;
    }
    return true;
}

/** An XMLDSig element holding only text (a value), so no element can hide inside it. */
bool isLeaf(xmlNode* node, const char* localName)
{
    return isDsig(node, localName) && childElements(node).isEmpty();
}

bool hasAlgorithm(xmlNode* node, const char* localName, std::initializer_list<const char*> allowed)
{
    if (!isDsig(node, localName) || !childElements(node).isEmpty())
        return false;
    const QString algorithm = attribute(node, "Algorithm");
    return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return algorithm == QLatin1String(a); });
}

/** A Reference to `uri` with exactly the given transforms and SHA-256, as XmlSigner writes it. */
QString referenceProblem(xmlNode* ref, const QString& uri, std::initializer_list<const char*> transforms)
{
    if (!isDsig(ref, "Reference") || attribute(ref, "URI") != uri)
        return text("The signature must cover exactly the record data and its own signing time, nothing else.");
    const QList<xmlNode*> parts = childElements(ref);
    if (parts.size() != 3 || !isDsig(parts[0], "Transforms") || !hasAlgorithm(parts[1], "DigestMethod", {kSha256})
        || !isLeaf(parts[2], "DigestValue"))
        return text("The signature uses an algorithm or a transform that is not accepted.");
    const QList<xmlNode*> steps = childElements(parts[0]);
    if (steps.size() != qsizetype(transforms.size()))
        return text("The signature uses an algorithm or a transform that is not accepted.");
    auto expected = transforms.begin();
    for (xmlNode* step : steps)
        if (!hasAlgorithm(step, "Transform", {*expected++}))
            return text("The signature uses an algorithm or a transform that is not accepted.");
    return {};
}

/** The parts of one signature that passed structureProblem, for the checks after xmlsec. */
struct Parts
{
    xmlNode* signatureValue = nullptr;
    xmlNode* x509Data = nullptr;
    /** Packets signed before issue 16: ds:SignatureProperties with SigningTime and SignerRole (our namespace). */
    xmlNode* legacyProperties = nullptr;
    /** XAdES: xades:SignedSignatureProperties and its SigningCertificateV2/Cert (both signed). */
    xmlNode* signedSignatureProperties = nullptr;
    xmlNode* signingCertificate = nullptr;
    QList<xmlNode*> timeStamps; ///< xades:SignatureTimeStamp elements (unsigned)
    /** B-LT: xades:CertificateValues and RevocationValues (unsigned), decoded. */
    ValidationData validation;
    bool hasValidationData = false;
};

/** The element children of `node` must be, in order, elements of these XAdES names (each optional when marked). */
bool xadesChildren(xmlNode* node, std::initializer_list<std::pair<const char*, bool>> names, QList<xmlNode*>& out)
{
    const QList<xmlNode*> kids = childElements(node);
    out.clear();
    qsizetype i = 0;
    for (auto [name, required] : names) {
        if (i < kids.size() && isXades(kids[i], name)) {
            out << kids[i++];
        } else {
            if (required)
                return false;
            out << nullptr;
        }
    }
    return i == kids.size();
}

bool xadesLeaf(xmlNode* node, const char* name)
{
    return isXades(node, name) && childElements(node).isEmpty();
}

/** The most values of one kind (certificates, CRLs, OCSP responses) a signature may carry: a chain or two's worth. */
constexpr int kMaxValidationValues = 32;

/** `list`'s children are 1..kMaxValidationValues `name` leaves; their base64 contents go to `out`. */
bool encapsulated(xmlNode* list, const char* name, QList<QByteArray>& out)
{
    const QList<xmlNode*> values = childElements(list);
    if (values.isEmpty() || values.size() > kMaxValidationValues)
        return false;
    for (xmlNode* v : values) {
        if (!xadesLeaf(v, name))
            return false;
        out << QByteArray::fromBase64(textOf(v).trimmed().toLatin1());
    }
    return true;
}

/**
 * XAdES qualifying properties as XmlSigner writes them (EN 319 132-1 baseline B, and B-T with a SignatureTimeStamp):
 * QualifyingProperties Target="#<signature Id>" with SignedProperties (SignedSignatureProperties: SigningTime,
 * SigningCertificateV2 with one Cert — SHA-256 CertDigest and IssuerSerialV2 —, SignerRoleV2/ClaimedRoles with one
 * ClaimedRole; SignedDataObjectProperties: DataObjectFormat with MimeType) and optional UnsignedProperties holding,
 * in this order and each at most once, a SignatureTimeStamp (exclusive C14N, one EncapsulatedTimeStamp),
 * CertificateValues (EncapsulatedX509Certificate) and RevocationValues (CRLValues, OCSPValues). Nothing else.
 */
QString xadesProblem(xmlDoc* doc, xmlNode* sig, xmlNode* qualifying, Parts& parts, QString& signedPropsId)
{
    const QString notOurs = text("The signature is not laid out as this program writes signatures.");
    QList<xmlNode*> k;
    if (attribute(qualifying, "Target") != QLatin1Char('#') + attribute(sig, "Id")
        || !xadesChildren(qualifying, {{"SignedProperties", true}, {"UnsignedProperties", false}}, k))
        return notOurs;
    xmlNode* signedProps = k[0];
    xmlNode* unsignedProps = k[1];
    signedPropsId = attribute(signedProps, "Id");
    if (signedPropsId.isEmpty() || findById(doc, signedPropsId) != signedProps)
        return notOurs;
    if (!xadesChildren(signedProps, {{"SignedSignatureProperties", true}, {"SignedDataObjectProperties", false}}, k))
        return notOurs;
    xmlNode* objectProps = k[1];
    parts.signedSignatureProperties = k[0];
    if (!xadesChildren(parts.signedSignatureProperties,
                       {{"SigningTime", true}, {"SigningCertificateV2", true}, {"SignerRoleV2", false}}, k)
        || !xadesLeaf(k[0], "SigningTime"))
        return notOurs;
    xmlNode* role = k[2];
    QList<xmlNode*> certs;
    if (!xadesChildren(k[1], {{"Cert", true}}, certs)
        || !xadesChildren(certs[0], {{"CertDigest", true}, {"IssuerSerialV2", false}}, k)
        || (k[1] && !xadesLeaf(k[1], "IssuerSerialV2")))
        return notOurs;
    parts.signingCertificate = certs[0];
    const QList<xmlNode*> digest = childElements(k[0]);
    if (digest.size() != 2 || !hasAlgorithm(digest[0], "DigestMethod", {kSha256}) || !isLeaf(digest[1], "DigestValue"))
        return text("The signature uses an algorithm or a transform that is not accepted.");
    if (role
        && (!xadesChildren(role, {{"ClaimedRoles", true}}, k) || !xadesChildren(k[0], {{"ClaimedRole", true}}, k)
            || !xadesLeaf(k[0], "ClaimedRole")))
        return notOurs;
    if (objectProps) {
        for (xmlNode* f : childElements(objectProps)) {
            QList<xmlNode*> mime;
            if (!isXades(f, "DataObjectFormat") || !xadesChildren(f, {{"MimeType", true}}, mime)
                || !xadesLeaf(mime[0], "MimeType"))
                return notOurs;
        }
    }
    if (unsignedProps) {
        // One time-stamp, as XmlSigner writes: each costs a CMS and chain check, so a file must not bring thousands.
        QList<xmlNode*> u;
        if (!xadesChildren(unsignedProps, {{"UnsignedSignatureProperties", true}}, k) || childElements(k[0]).isEmpty()
            || !xadesChildren(
                k[0], {{"SignatureTimeStamp", false}, {"CertificateValues", false}, {"RevocationValues", false}}, u))
            return notOurs;
        if (xmlNode* p = u[0]) {
            const QList<xmlNode*> stamp = childElements(p);
            if (stamp.size() != 2 || !hasAlgorithm(stamp[0], "CanonicalizationMethod", {kExcC14n})
                || !xadesLeaf(stamp[1], "EncapsulatedTimeStamp"))
                return notOurs;
            parts.timeStamps << p;
        }
        if (u[1] && !encapsulated(u[1], "EncapsulatedX509Certificate", parts.validation.certificates))
            return notOurs;
        if (xmlNode* values = u[2]) {
            QList<xmlNode*> r;
            if (!xadesChildren(values, {{"CRLValues", false}, {"OCSPValues", false}}, r) || (!r[0] && !r[1])
                || (r[0] && !encapsulated(r[0], "EncapsulatedCRLValue", parts.validation.crls))
                || (r[1] && !encapsulated(r[1], "EncapsulatedOCSPValue", parts.validation.ocspResponses)))
                return notOurs;
        }
        parts.hasValidationData = u[1] || u[2];
    }
    return {};
}

/**
 * The layout XmlSigner writes, and nothing else: SignedInfo (exclusive C14N, RSA or ECDSA with SHA-256, a reference
 * to the data with enveloped + exclusive C14N, one to this signature's own signed properties), SignatureValue,
 * KeyInfo with only X509Data/X509Certificate, one Object with the properties: XAdES QualifyingProperties (what
 * XmlSigner writes since issue 16) or ds:SignatureProperties (packets signed before). Anything else could make
 * xmlsec run an expensive transform or sign something other than what we read, so it is refused before xmlsec runs.
 */
QString structureProblem(xmlDoc* doc, xmlNode* sig, const XmlSignatureLayout& layout, Parts& out)
{
    const QList<xmlNode*> parts = childElements(sig);
    if (parts.size() != 4 || !isDsig(parts[0], "SignedInfo") || !isLeaf(parts[1], "SignatureValue")
        || !isDsig(parts[2], "KeyInfo") || !isDsig(parts[3], "Object"))
        return text("The signature is not laid out as this program writes signatures.");
    const QList<xmlNode*> info = childElements(parts[0]);
    if (info.size() < 2 || !hasAlgorithm(info[0], "CanonicalizationMethod", {kExcC14n})
        || !hasAlgorithm(info[1], "SignatureMethod", {kRsaSha256, kEcdsaSha256}))
        return text("The signature uses an algorithm or a transform that is not accepted.");
    if (info.size() != 4)
        return text("The signature must cover exactly the record data and its own signing time, nothing else.");
    const QList<xmlNode*> keyInfo = childElements(parts[2]);
    const QList<xmlNode*> certs = keyInfo.size() == 1 ? childElements(keyInfo[0]) : QList<xmlNode*>();
    if (!isDsig(keyInfo.value(0), "X509Data") || certs.isEmpty()
        || !std::all_of(certs.begin(), certs.end(), [](xmlNode* c) { return isLeaf(c, "X509Certificate"); }))
        return text("The signature's key information must hold only X.509 certificates.");
    out.signatureValue = parts[1];
    out.x509Data = keyInfo[0];
    const QList<xmlNode*> object = childElements(parts[3]);
    QString propsId;
    if (object.size() == 1 && isXades(object[0], "QualifyingProperties")) {
        if (QString p = xadesProblem(doc, sig, object[0], out, propsId); !p.isEmpty())
            return p;
        if (attribute(info[3], "Type") != QLatin1String(kXadesSignedPropertiesType))
            return text("The signature must cover exactly the record data and its own signing time, nothing else.");
    } else {
        propsId = object.size() == 1 ? attribute(object[0], "Id") : QString();
        if (!isDsig(object.value(0), "SignatureProperties") || propsId.isEmpty() || findById(doc, propsId) != object[0])
            return text("The signature is not laid out as this program writes signatures.");
        out.legacyProperties = object[0];
    }
    if (QString p = referenceProblem(info[2], QLatin1Char('#') + layout.dataId, {kEnveloped, kExcC14n}); !p.isEmpty())
        return p;
    return referenceProblem(info[3], QLatin1Char('#') + propsId, {kExcC14n});
}

/** The signer's certificate is the first in X509Data (XmlSigner writes it first); the others may complete its chain. */
X509Ptr signerCertificate(xmlNode* x509Data, X509StackPtr& others)
{
    others.reset(sk_X509_new_null());
    const QList<xmlNode*> certs = childElements(x509Data); // shape checked by structureProblem
    for (xmlNode* n : certs.mid(1))
        if (X509Ptr c = x509FromDer(QByteArray::fromBase64(textOf(n).toLatin1())))
            sk_X509_push(others.get(), c.release());
    return x509FromDer(QByteArray::fromBase64(textOf(certs.at(0)).toLatin1()));
}

bool allowsNonRepudiation(X509* cert)
{
    // Like CertificatePolicy for signing: the key usage extension must be there and include nonRepudiation.
    return (X509_get_extension_flags(cert) & EXFLAG_KUSAGE) && (X509_get_key_usage(cert) & KU_NON_REPUDIATION);
}

/** Registers every Id (there is no DTD) so "#data" resolves; false when an Id occurs twice. */
bool registerIds(xmlDoc* doc)
{
    bool duplicate = false;
    forEachElement(xmlDocGetRootElement(doc), [&](xmlNode* n) {
        if (xmlAttr* a = xmlHasProp(n, X("Id"))) {
            xmlChar* v = xmlNodeListGetString(doc, a->children, 1);
            if (xmlAttr* known = xmlGetID(doc, v); !known)
                xmlAddID(nullptr, doc, v, a);
            else if (known != a)
                duplicate = true;
            xmlFree(v);
        }
        return true;
    });
    return !duplicate;
}

struct Context
{
    xmlDoc* doc;
    X509_STORE* anchors;
    const QList<QByteArray>& anchorsDer; ///< for the time-stamps' TSA chains
    const XmlSignatureLayout& layout;
};

/**
 * B-T: each SignatureTimeStamp must hold an RFC 3161 token over SHA-256 of the exclusive C14N of ds:SignatureValue,
 * issued by a TSA that chains to one of the trust anchors at its own time; the earliest such token gives trustedTime
 * (structureProblem lets one through today; the loop is ready for more, e.g. one per TSA).
 * A time-stamp that does not verify makes the signature fail (timestampOk), as in PdfVerifier.
 */
void checkTimestamps(const Context& c, const Parts& parts, SignatureCheck& check)
{
    if (parts.timeStamps.isEmpty())
        return;
    const QByteArray digest = sha256(canonicalize(c.doc, parts.signatureValue));
    QString firstProblem;
    for (xmlNode* stamp : parts.timeStamps) {
        const QByteArray token = QByteArray::fromBase64(textOf(childElements(stamp).at(1)).trimmed().toLatin1());
        auto info = verifyTimestampToken(token, digest, c.anchorsDer, parts.validation.certificates);
        if (!info) {
            if (firstProblem.isEmpty())
                firstProblem = info.error().message;
            continue;
        }
        if (!check.trustedTime || info->genTime < *check.trustedTime) {
            check.trustedTime = info->genTime;
            check.timestampAuthority = info->tsaCertificate.commonName;
            check.timestampCertificates = info->certificates;
        }
    }
    if (check.trustedTime) {
        check.level = BaselineLevel::T;
        return;
    }
    // As for PDFs: a time-stamp that does not verify is a forgery or a mistake, never a quiet fall-back to level B.
    check.timestampOk = false;
    check.problems
        << text("The signature carries a time-stamp that is not valid: %1 The signing time cannot be trusted.")
               .arg(firstProblem);
}

/** The SigningCertificateV2's Cert names `cert`: its SHA-256 digest, and its issuer and serial when present. */
bool signingCertificateMatches(xmlNode* certRef, X509* cert)
{
    const QList<xmlNode*> k = childElements(certRef); // CertDigest, IssuerSerialV2?: checked by xadesProblem
    const QByteArray digest = QByteArray::fromBase64(textOf(childElements(k[0]).at(1)).trimmed().toLatin1());
    if (digest != sha256(x509ToDer(cert)))
        return false;
    return k.size() < 2 || QByteArray::fromBase64(textOf(k[1]).trimmed().toLatin1()) == issuerSerialDer(cert);
}

/** The claimed time and role from the signed properties (xmlsec verified them through the second reference). */
void readSignedProperties(const Context& c, const Parts& parts, SignatureCheck& check)
{
    if (parts.legacyProperties) {
        const QByteArray pns = c.layout.propertiesNamespace.toUtf8();
        if (xmlNode* t = findElement(parts.legacyProperties, "SigningTime", pns.constData()))
            check.signingTime = QDateTime::fromString(textOf(t).trimmed(), Qt::ISODate).toUTC();
        if (xmlNode* r = findElement(parts.legacyProperties, "SignerRole", pns.constData()))
            check.role = roleFromCode(textOf(r).trimmed());
        return;
    }
    const QList<xmlNode*> ssp = childElements(parts.signedSignatureProperties);
    check.signingTime = QDateTime::fromString(textOf(ssp[0]).trimmed(), Qt::ISODate).toUTC();
    if (ssp.size() == 3) // SignerRoleV2/ClaimedRoles/ClaimedRole
        check.role = roleFromCode(textOf(childElements(childElements(ssp[2]).at(0)).at(0)).trimmed());
}

SignatureCheck checkSignature(const Context& c, xmlNode* sig)
{
    SignatureCheck check;
    check.id = attribute(sig, "Id");
    Parts parts;
    if (QString problem = structureProblem(c.doc, sig, c.layout, parts); !problem.isEmpty()) {
        check.problems << problem;
        return check;
    }
    X509StackPtr others;
    X509Ptr cert = signerCertificate(parts.x509Data, others);
    if (!cert) {
        check.problems << text("The signer's certificate cannot be read.");
        return check;
    }
    CtxPtr ctx = runXmlSec(sig, cert.get());
    check.integrityOk = ctx && ctx->status == xmlSecDSigStatusSucceeded && allReferencesOk(ctx.get());
    if (!check.integrityOk) {
        // Not named: a certificate whose key did not verify says nothing about who signed.
        check.problems << text("The signature is not valid: the signed data has been changed after signing.");
        return check;
    }
    readSignedProperties(c, parts, check);
    check.certificate = certificateInfo(cert.get());
    check.signerName = check.certificate.commonName;
    // XAdES binds the signer's certificate into what is signed: another certificate for the same key (say one that is
    // still valid in place of the one that signed) put into KeyInfo does not match it.
    const bool sameCertificate
        = !parts.signingCertificate || signingCertificateMatches(parts.signingCertificate, cert.get());
    if (!sameCertificate)
        check.problems << text("The certificate in the signature is not the one the signer signed with: it has been "
                               "replaced after signing.");
    checkTimestamps(c, parts, check);

    // The certificate must have been valid and trusted when the record was signed (NĐ 23/2025 Art. 16), not now:
    // a principal's certificate that expired since must not turn signed records invalid. "When" is the trusted time
    // of a valid signature time-stamp when there is one, else the time the signer's computer claimed.
    const QDateTime when = check.judgedTime();
    check.validAtSigningTime
        = when.isValid() && when >= check.certificate.notBefore && when <= check.certificate.notAfter;
    // The validation data's certificates may complete the chain (an intermediate CA the signer did not send).
    for (const QByteArray& der : parts.validation.certificates)
        if (X509Ptr extra = x509FromDer(der))
            sk_X509_push(others.get(), extra.release());
    const bool chainOk = when.isValid() && verifyChain(c.anchors, cert.get(), others.get(), when).isEmpty();
    const bool usageOk = allowsNonRepudiation(cert.get());
    check.certificateTrusted = chainOk && usageOk && sameCertificate;
    if (!chainOk)
        check.problems << text("The signer's certificate is not issued by a trusted certificate authority.");
    if (!usageOk)
        check.problems << text("The signer's certificate does not allow signing with non-repudiation.");
    if (parts.hasValidationData && chainOk)
        judgeRevocation(c.anchors, cert.get(), others.get(), parts.validation, check);
    if (!check.validAtSigningTime)
        check.problems << (check.trustedTime
                               ? text("The time of the signature's timestamp lies outside the certificate's validity "
                                      "period.")
                               : text("The signing time lies outside the certificate's validity period."));
    return check;
}

} // namespace

Result<VerificationReport> XmlVerifier::verify(const QByteArray& xml, const QList<QByteArray>& trustAnchorsDer,
                                               const XmlSignatureLayout& layout)
{
    auto doc = packet::SafeXmlDocument::parse(xml);
    if (!doc)
        return std::unexpected(doc.error());
    return verify(*doc, trustAnchorsDer, layout);
}

Result<VerificationReport> XmlVerifier::verify(const packet::SafeXmlDocument& doc,
                                               const QList<QByteArray>& trustAnchorsDer,
                                               const XmlSignatureLayout& layout)
{
    if (!initXmlSec())
        return fail(ErrorCode::Internal, text("The signature library could not be started."), QStringLiteral("xmlsec"));
    // A duplicate Id could make a reference point at a different element than the one we read.
    if (!registerIds(doc.get()))
        return fail(ErrorCode::InvalidInput, text("The packet contains duplicate Id attributes."));
    xmlNode* container
        = findElement(doc.root(), layout.containerName.toUtf8().constData(),
                      layout.containerNamespace.isEmpty() ? nullptr : layout.containerNamespace.toUtf8().constData());
    xmlNode* data = findById(doc.get(), layout.dataId);
    if (!container || !data)
        return fail(ErrorCode::InvalidInput, text("The packet has no data element or no signature container."));
    // The signed data must be the data everyone reads (a child of the root), not a copy of another record's data
    // hidden among the signatures, where the schema lets any XMLDSig element hold anything.
    if (data->parent != doc.root())
        return fail(ErrorCode::InvalidInput, text("The signed data is not the packet's data element."));

    // Only the anchors we were given: no default paths, no SSL_CERT_FILE/SSL_CERT_DIR, no system bundle.
    StorePtr anchors = trustStore(trustAnchorsDer);
    if (!anchors)
        return fail(ErrorCode::Internal, text("A trust anchor certificate cannot be read."), opensslErrors());

    VerificationReport report;
    report.format = VerificationReport::Format::Xml;
    const Context context {doc.get(), anchors.get(), trustAnchorsDer, layout};
    forEachElement(container->children, [&](xmlNode* n) {
        if (isDsig(n, "Signature"))
            report.signatures << checkSignature(context, n);
        return true;
    });
    return report;
}

} // namespace hocba::signing
