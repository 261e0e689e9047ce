// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/XmlVerifier.h"

#include "signing/OpenSsl.h"
#include "signing/XmlDom.h"

#include <QCoreApplication>

#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/keysmngr.h>
#include <xmlsec/openssl/app.h>
#include <xmlsec/openssl/x509.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>

#include <mutex>
#include <vector>

namespace hocba::signing {

using namespace detail;

namespace {

bool initXmlSec()
{
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] {
        xmlInitParser();
        // xmlsec prints its errors to stderr by default; they can quote document content (personal data).
        xmlSecErrorsDefaultCallbackEnableOutput(0);
        ok = xmlSecInit() >= 0 && xmlSecCheckVersion() == 1 && xmlSecOpenSSLAppInit(nullptr) >= 0
            && xmlSecOpenSSLInit() >= 0;
    });
    return ok;
}

struct MngrFree
{
    void operator()(xmlSecKeysMngr* m) const { xmlSecKeysMngrDestroy(m); }
};
using MngrPtr = std::unique_ptr<xmlSecKeysMngr, MngrFree>;
struct CtxFree
{
    void operator()(xmlSecDSigCtx* c) const { xmlSecDSigCtxDestroy(c); }
};
using CtxPtr = std::unique_ptr<xmlSecDSigCtx, CtxFree>;

MngrPtr keysManager(const QList<QByteArray>& anchors)
{
    MngrPtr m(xmlSecKeysMngrCreate());
    if (!m || xmlSecOpenSSLAppDefaultKeysMngrInit(m.get()) < 0)
        return {};
    for (const auto& der : anchors)
        if (xmlSecOpenSSLAppKeysMngrCertLoadMemory(m.get(), reinterpret_cast<const xmlSecByte*>(der.constData()),
                                                   static_cast<xmlSecSize>(der.size()), xmlSecKeyDataFormatDer,
                                                   xmlSecKeyDataTypeTrusted)
            < 0)
            return {};
    return m;
}

/**
 * Building a keys manager (an X509 store plus OpenSSL's default lookups) cost most of a verification's time, and the
 * anchors are the same for a whole batch of files. Managers only hold the trusted certificates: the certificates a
 * document carries go into each DSig context, so one manager per thread can serve every call with the same anchors.
 */
xmlSecKeysMngr* cachedKeysManager(const QList<QByteArray>& anchors)
{
    struct Entry
    {
        QList<QByteArray> anchors;
        MngrPtr manager;
    };
    thread_local std::vector<Entry> cache;
    for (const auto& e : cache)
        if (e.anchors == anchors)
            return e.manager.get();
    MngrPtr m = keysManager(anchors);
    if (!m)
        return nullptr;
    if (cache.size() >= 4)
        cache.erase(cache.begin());
    cache.push_back({anchors, std::move(m)});
    return cache.back().manager.get();
}

/** Runs xmlsec on one Signature; true if the signature value and every reference verified. */
CtxPtr runXmlSec(xmlSecKeysMngr* mngr, xmlNode* sig, bool skipChain, const QDateTime& signingTime = {})
{
    CtxPtr ctx(xmlSecDSigCtxCreate(mngr));
    if (!ctx)
        return {};
    // The certificate must have been valid and trusted when the record was signed (NĐ 23/2025 Art. 16), not now:
    // a principal's certificate that expired since must not turn signed records invalid. The time is the signed
    // SigningTime property; a signature whose properties are not covered is rejected below anyway.
    if (signingTime.isValid())
        ctx->keyInfoReadCtx.certsVerificationTime = time_t(signingTime.toSecsSinceEpoch());
    // Only same-document references: an attacker must not make us fetch files or URLs.
    ctx->enabledReferenceUris = xmlSecTransformUriTypeSameDocument;
    if (skipChain)
        ctx->keyInfoReadCtx.flags |= XMLSEC_KEYINFO_FLAGS_X509DATA_DONT_VERIFY_CERTS;
    if (xmlSecDSigCtxVerify(ctx.get(), sig) < 0)
        ctx->status = xmlSecDSigStatusInvalid;
    return ctx;
}

bool referenceOk(xmlSecDSigCtx* ctx, const QString& uri)
{
    for (xmlSecSize i = 0; i < xmlSecPtrListGetSize(&ctx->signedInfoReferences); ++i) {
        auto* ref = static_cast<xmlSecDSigReferenceCtx*>(xmlSecPtrListGetItem(&ctx->signedInfoReferences, i));
        if (ref && qstr(ref->uri) == uri && ref->status == xmlSecDSigStatusSucceeded)
            return true;
    }
    return false;
}

X509Ptr signerCertificate(xmlSecDSigCtx* ctx, xmlNode* sig)
{
    if (ctx && ctx->signKey)
        if (xmlSecKeyDataPtr data = xmlSecKeyGetData(ctx->signKey, xmlSecOpenSSLKeyDataX509Id))
            if (X509* c = xmlSecOpenSSLKeyDataX509GetKeyCert(data))
                return X509Ptr(X509_dup(c));
    // The signer writes its own certificate first (XmlSigner); good enough to name a signature that failed.
    if (xmlNode* c = findElement(sig, "X509Certificate", kDsigNs))
        return x509FromDer(QByteArray::fromBase64(textOf(c).toLatin1()));
    return {};
}

} // namespace

Result<VerificationReport> XmlVerifier::verify(const QByteArray& xml, const QList<QByteArray>& trustAnchorsDer,
                                               const XmlSignatureLayout& layout)
{
    if (!initXmlSec())
        return fail(ErrorCode::Internal,
                    QCoreApplication::translate("Signing", "The signature library could not be started."),
                    QStringLiteral("xmlsec"));
    DocPtr doc = parseXml(xml);
    if (!doc)
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("Signing", "The packet is not well-formed XML."));
    xmlNode* root = xmlDocGetRootElement(doc.get());
    // Without a DTD nothing is an ID: register every Id attribute so "#data" resolves. A duplicate Id could make a
    // reference point at a different element than the one we read, so it makes the packet invalid.
    bool duplicate = false;
    forEachElement(root, [&](xmlNode* n) {
        if (xmlAttr* a = xmlHasProp(n, X("Id"))) {
            xmlChar* v = xmlNodeListGetString(doc.get(), a->children, 1);
            if (!xmlGetID(doc.get(), v))
                xmlAddID(nullptr, doc.get(), v, a);
            else if (xmlGetID(doc.get(), v)->parent != n)
                duplicate = true;
            xmlFree(v);
        }
        return true;
    });
    if (duplicate)
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("Signing", "The packet contains duplicate Id attributes."));
    xmlNode* container
        = findElement(root, layout.containerName.toUtf8().constData(),
                      layout.containerNamespace.isEmpty() ? nullptr : layout.containerNamespace.toUtf8().constData());
    if (!container || !findById(doc.get(), layout.dataId))
        return fail(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("Signing", "The packet has no data element or no signature container."));

    xmlSecKeysMngr* trusted = cachedKeysManager(trustAnchorsDer);
    xmlSecKeysMngr* untrusted = cachedKeysManager({});
    if (!trusted || !untrusted)
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("Signing", "A trust anchor certificate cannot be read."),
                    opensslErrors());

    QList<xmlNode*> signatures;
    forEachElement(container->children, [&](xmlNode* n) {
        if (xmlStrEqual(n->name, X("Signature")) && n->ns && xmlStrEqual(n->ns->href, X(kDsigNs)))
            signatures << n;
        return true;
    });

    VerificationReport report;
    report.format = VerificationReport::Format::Xml;
    const QByteArray pns = layout.propertiesNamespace.toUtf8();
    for (xmlNode* sig : signatures) {
        SignatureCheck check;
        check.id = attribute(sig, "Id");
        QDateTime claimedTime;
        if (xmlNode* p = findElement(sig, "SignatureProperties", kDsigNs))
            if (xmlNode* t = findElement(p, "SigningTime", pns.constData()))
                claimedTime = QDateTime::fromString(textOf(t).trimmed(), Qt::ISODate).toUTC();
        CtxPtr ctx = runXmlSec(trusted, sig, false, claimedTime);
        bool trustedOk = ctx && ctx->status == xmlSecDSigStatusSucceeded;
        if (!trustedOk)
            ctx = runXmlSec(untrusted, sig, true);
        const bool valueOk = ctx && ctx->status == xmlSecDSigStatusSucceeded;

        xmlNode* props = findElement(sig, "SignatureProperties", kDsigNs);
        const QString propsId = props ? attribute(props, "Id") : QString();
        const bool coversData = valueOk && referenceOk(ctx.get(), QLatin1Char('#') + layout.dataId);
        const bool coversProps = valueOk && !propsId.isEmpty() && referenceOk(ctx.get(), QLatin1Char('#') + propsId);
        check.integrityOk = valueOk && coversData && coversProps;
        check.certificateTrusted = trustedOk && check.integrityOk;

        auto cert = signerCertificate(ctx.get(), sig);
        check.certificate = certificateInfo(cert.get());
        check.signerName = check.certificate.commonName;
        if (props) {
            // Read only from the properties the signature actually covers (checked above).
            if (xmlNode* t = findElement(props, "SigningTime", pns.constData()))
                check.signingTime = QDateTime::fromString(textOf(t).trimmed(), Qt::ISODate).toUTC();
            if (xmlNode* r = findElement(props, "SignerRole", pns.constData()))
                check.role = roleFromCode(textOf(r).trimmed());
        }
        check.validAtSigningTime = check.signingTime.isValid() && cert
            && check.signingTime >= check.certificate.notBefore && check.signingTime <= check.certificate.notAfter;

        if (!valueOk)
            check.problems << QCoreApplication::translate(
                "Signing", "The signature is not valid: the signed data has been changed after signing.");
        else if (!coversData || !coversProps)
            check.problems << QCoreApplication::translate(
                "Signing", "The signature does not cover the record data and its signing time.");
        else if (!check.certificateTrusted)
            check.problems << QCoreApplication::translate(
                "Signing", "The signer's certificate is not issued by a trusted certificate authority.");
        if (!check.validAtSigningTime)
            check.problems << QCoreApplication::translate(
                "Signing", "The signing time lies outside the certificate's validity period.");
        report.signatures << check;
    }
    return report;
}

} // namespace hocba::signing
