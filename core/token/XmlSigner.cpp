// SPDX-License-Identifier: GPL-3.0-or-later
#include "token/XmlSigner.h"

#include "packet/SafeXml.h"
#include "token/Timestamper.h"
#include "verify/OpenSsl.h"
#include "verify/Revocation.h"
#include "verify/SignatureReport.h"
#include "verify/XmlDom.h"

#include <QCoreApplication>
#include <QSet>

#include <openssl/ecdsa.h>

namespace hocba::signing {

using namespace detail;

namespace {

QString wrapperName(SignerRole role)
{
    // DOMAIN.md §5.1: one child of DSCKS per signer, named in Vietnamese like the e-invoice NBan/NMua/CQT.
    switch (role) {
    case SignerRole::Principal:
        return QStringLiteral("HieuTruong");
    case SignerRole::Homeroom:
        return QStringLiteral("GVCN");
    case SignerRole::Seal:
        return QStringLiteral("DonVi");
    }
    return QStringLiteral("ChuKy");
}

/** XMLDSig wants ECDSA as the raw r||s pair (RFC 4050/XMLDSig 1.1), each padded to the group order size;
 *  EVP_DigestSign and tokens return the DER ECDSA-Sig-Value. */
QByteArray ecdsaDerToRaw(const QByteArray& der, int orderBytes)
{
    auto p = reinterpret_cast<const unsigned char*>(der.constData());
    std::unique_ptr<ECDSA_SIG, Free<ECDSA_SIG_free>> sig(d2i_ECDSA_SIG(nullptr, &p, der.size()));
    if (!sig)
        return {};
    QByteArray raw(orderBytes * 2, '\0');
    auto out = reinterpret_cast<unsigned char*>(raw.data());
    if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), out, orderBytes) != orderBytes
        || BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), out + orderBytes, orderBytes) != orderBytes)
        return {};
    return raw;
}

xmlNode* child(xmlNode* parent, xmlNs* ns, const char* name, const QByteArray& text = {})
{
    return xmlNewTextChild(parent, ns, X(name), text.isNull() ? nullptr : X(text.constData()));
}

xmlNode* addAlgorithm(xmlNode* parent, xmlNs* ns, const char* name, const char* algorithm)
{
    xmlNode* n = child(parent, ns, name);
    xmlNewProp(n, X("Algorithm"), X(algorithm));
    return n;
}

} // namespace

Result<QByteArray> XmlSigner::sign(const QByteArray& xml, Signer& signer, const XmlSignOptions& options)
{
    const auto& layout = options.layout;
    auto parsed = packet::SafeXmlDocument::parse(xml);
    if (!parsed)
        return std::unexpected(parsed.error());
    const packet::SafeXmlDocument& doc = *parsed;
    xmlNode* data = findById(doc.get(), layout.dataId);
    xmlNode* container
        = findElement(xmlDocGetRootElement(doc.get()), layout.containerName.toUtf8().constData(),
                      layout.containerNamespace.isEmpty() ? nullptr : layout.containerNamespace.toUtf8().constData());
    if (!data || !container)
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("Signing", "The packet has no data element or no signature container."),
                    QStringLiteral("data Id=%1, container %2").arg(layout.dataId, layout.containerName));
    for (xmlNode* p = container; p; p = p->parent)
        if (p == data) // the data reference must not change when signatures are added
            return fail(ErrorCode::InvalidInput,
                        QCoreApplication::translate("Signing", "The signature container lies inside the signed data."));

    auto cert = x509FromDer(signer.certificate());
    if (!cert)
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("Signing", "The signer's certificate cannot be read."),
                    opensslErrors());

    // Unique Ids: a second signer with the same role gets "-2", …
    QSet<QString> ids;
    forEachElement(xmlDocGetRootElement(doc.get()), [&](xmlNode* n) {
        if (xmlHasProp(n, X("Id")))
            ids.insert(attribute(n, "Id"));
        return true;
    });
    const QString base = QStringLiteral("sig-") + roleCode(options.role);
    const auto taken = [&](const QString& id) {
        for (const char* suffix : {"", "-props", "-signedprops", "-ref-data", "-ts"})
            if (ids.contains(id + QLatin1String(suffix)))
                return true;
        return false;
    };
    QString sigId = base;
    for (int i = 2; taken(sigId); ++i)
        sigId = base + QLatin1Char('-') + QString::number(i);
    const QString propsId = sigId + QStringLiteral("-signedprops");
    const QString dataRefId = sigId + QStringLiteral("-ref-data");

    const QByteArray dataDigest = sha256(canonicalize(doc.get(), data)).toBase64();

    xmlNode* parent = container;
    if (layout.wrapPerRole) {
        xmlNs* cns = container->ns;
        parent = child(container, cns, wrapperName(options.role).toUtf8().constData());
    }
    xmlNode* sig = xmlNewDocNode(doc.get(), nullptr, X("Signature"), nullptr);
    xmlAddChild(parent, sig);
    xmlNs* ds = xmlNewNs(sig, X(kDsigNs), nullptr);
    xmlSetNs(sig, ds);
    xmlNewProp(sig, X("Id"), X(sigId.toUtf8().constData()));

    const bool ec = signer.keyType() == KeyType::Ec;
    xmlNode* signedInfo = child(sig, ds, "SignedInfo");
    addAlgorithm(signedInfo, ds, "CanonicalizationMethod", kExcC14n);
    addAlgorithm(signedInfo, ds, "SignatureMethod", ec ? kEcdsaSha256 : kRsaSha256);

    xmlNode* ref1 = child(signedInfo, ds, "Reference");
    xmlNewProp(ref1, X("Id"), X(dataRefId.toUtf8().constData()));
    xmlNewProp(ref1, X("URI"), X(("#" + layout.dataId.toUtf8()).constData()));
    xmlNode* tr1 = child(ref1, ds, "Transforms");
    // Enveloped + exclusive C14N on the data reference, as the e-invoice precedent does (DOMAIN.md §5.1).
    addAlgorithm(tr1, ds, "Transform", kEnveloped);
    addAlgorithm(tr1, ds, "Transform", kExcC14n);
    addAlgorithm(ref1, ds, "DigestMethod", kSha256);
    child(ref1, ds, "DigestValue", dataDigest);

    xmlNode* ref2 = child(signedInfo, ds, "Reference");
    xmlNewProp(ref2, X("Type"), X(kXadesSignedPropertiesType));
    xmlNewProp(ref2, X("URI"), X(("#" + propsId.toUtf8()).constData()));
    // No enveloped transform here: it would strip the whole Signature, including the properties themselves.
    addAlgorithm(child(ref2, ds, "Transforms"), ds, "Transform", kExcC14n);
    addAlgorithm(ref2, ds, "DigestMethod", kSha256);
    xmlNode* propsDigest = child(ref2, ds, "DigestValue", QByteArray(""));

    xmlNode* sigValue = child(sig, ds, "SignatureValue", QByteArray(""));
    xmlNode* x509Data = child(child(sig, ds, "KeyInfo"), ds, "X509Data");
    child(x509Data, ds, "X509Certificate", signer.certificate().toBase64());
    for (const auto& c : signer.chain())
        child(x509Data, ds, "X509Certificate", c.toBase64());

    // XAdES baseline B (EN 319 132-1): SigningTime, SigningCertificateV2, the claimed role, DataObjectFormat.
    xmlNode* qualifying = xmlNewChild(child(sig, ds, "Object"), nullptr, X("QualifyingProperties"), nullptr);
    xmlNs* xa = xmlNewNs(qualifying, X(kXadesNs), X("xades"));
    xmlSetNs(qualifying, xa);
    xmlNewProp(qualifying, X("Target"), X(("#" + sigId.toUtf8()).constData()));
    xmlNode* props = child(qualifying, xa, "SignedProperties");
    xmlNewProp(props, X("Id"), X(propsId.toUtf8().constData()));
    xmlNode* signatureProps = child(props, xa, "SignedSignatureProperties");
    QDateTime when = options.signingTime.isValid() ? options.signingTime : QDateTime::currentDateTimeUtc();
    when = when.toUTC();
    when.setTime(QTime(when.time().hour(), when.time().minute(), when.time().second()));
    child(signatureProps, xa, "SigningTime", when.toString(Qt::ISODate).toUtf8());
    xmlNode* certRef = child(child(signatureProps, xa, "SigningCertificateV2"), xa, "Cert");
    xmlNode* certDigest = child(certRef, xa, "CertDigest");
    addAlgorithm(certDigest, ds, "DigestMethod", kSha256);
    child(certDigest, ds, "DigestValue", sha256(signer.certificate()).toBase64());
    const QByteArray issuerSerial = issuerSerialDer(cert.get());
    if (issuerSerial.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("Signing", "The signer's certificate cannot be read."),
                    QStringLiteral("IssuerSerial: ") + opensslErrors());
    child(certRef, xa, "IssuerSerialV2", issuerSerial.toBase64());
    child(child(child(signatureProps, xa, "SignerRoleV2"), xa, "ClaimedRoles"), xa, "ClaimedRole",
          roleCode(options.role).toUtf8());
    xmlNode* format = child(child(props, xa, "SignedDataObjectProperties"), xa, "DataObjectFormat");
    xmlNewProp(format, X("ObjectReference"), X(("#" + dataRefId.toUtf8()).constData()));
    child(format, xa, "MimeType", QByteArray("text/xml"));

    xmlNodeSetContent(propsDigest, X(sha256(canonicalize(doc.get(), props)).toBase64().constData()));

    const QByteArray signedBytes = canonicalize(doc.get(), signedInfo);
    if (signedBytes.isEmpty())
        return fail(ErrorCode::Internal,
                    QCoreApplication::translate("Signing", "The packet could not be prepared for signing."),
                    QStringLiteral("C14N"));
    auto value = signer.signSha256(signedBytes);
    if (!value)
        return std::unexpected(value.error());
    QByteArray sigBytes = *value;
    if (ec) {
        sigBytes = ecdsaDerToRaw(sigBytes, (EVP_PKEY_get_bits(X509_get0_pubkey(cert.get())) + 7) / 8);
        if (sigBytes.isEmpty())
            return fail(ErrorCode::TokenError,
                        QCoreApplication::translate("Signing", "The token returned an unusable signature."),
                        QStringLiteral("ECDSA-Sig-Value"));
    }
    xmlNodeSetContent(sigValue, X(sigBytes.toBase64().constData()));

    if (options.timestamper) {
        // XAdES B-T (EN 319 132-1): a time-stamp over the exclusive C14N of ds:SignatureValue.
        const QByteArray stamped = canonicalize(doc.get(), sigValue);
        auto token = options.timestamper->timestamp(sha256(stamped));
        if (!token)
            return std::unexpected(token.error());
        // The unsigned properties are outside SignedInfo, so adding them leaves the signature value valid.
        xmlNode* stamp = child(child(child(qualifying, xa, "UnsignedProperties"), xa, "UnsignedSignatureProperties"),
                               xa, "SignatureTimeStamp");
        xmlNewProp(stamp, X("Id"), X((sigId + QStringLiteral("-ts")).toUtf8().constData()));
        addAlgorithm(stamp, ds, "CanonicalizationMethod", kExcC14n);
        child(stamp, xa, "EncapsulatedTimeStamp", token->toBase64());
    }
    return dump(doc.get());
}

Result<QByteArray> XmlSigner::addValidationData(const QByteArray& xml, const ValidationData& data,
                                                const XmlSignatureLayout& layout)
{
    if (data.isEmpty())
        return xml;
    auto parsed = packet::SafeXmlDocument::parse(xml);
    if (!parsed)
        return std::unexpected(parsed.error());
    const packet::SafeXmlDocument& doc = *parsed;
    xmlNode* container
        = findElement(xmlDocGetRootElement(doc.get()), layout.containerName.toUtf8().constData(),
                      layout.containerNamespace.isEmpty() ? nullptr : layout.containerNamespace.toUtf8().constData());
    xmlNode* sig = nullptr;
    if (container)
        forEachElement(container->children, [&](xmlNode* n) {
            if (isDsig(n, "Signature"))
                sig = n;
            return true;
        });
    xmlNode* object = nullptr;
    for (xmlNode* n : childElements(sig))
        if (isDsig(n, "Object"))
            object = n;
    xmlNode* qualifying = childElements(object).value(0);
    if (!isXades(qualifying, "QualifyingProperties"))
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("Signing",
                                                "The revocation data cannot be added: the packet's last signature is "
                                                "not a XAdES signature."));
    xmlNs* xa = qualifying->ns;
    xmlNode* unsignedProps = nullptr;
    for (xmlNode* n : childElements(qualifying))
        if (isXades(n, "UnsignedProperties"))
            unsignedProps = n;
    if (!unsignedProps)
        unsignedProps = child(qualifying, xa, "UnsignedProperties");
    xmlNode* usp = childElements(unsignedProps).value(0);
    if (!usp)
        usp = child(unsignedProps, xa, "UnsignedSignatureProperties");
    for (xmlNode* n : childElements(usp))
        if (isXades(n, "CertificateValues") || isXades(n, "RevocationValues"))
            return fail(
                ErrorCode::InvalidInput,
                QCoreApplication::translate("Signing", "The packet's last signature already carries revocation data."));
    // XAdES B-LT: the certificates and revocation data a verifier needs offline, years later.
    if (!data.certificates.isEmpty()) {
        xmlNode* values = child(usp, xa, "CertificateValues");
        for (const QByteArray& c : data.certificates)
            child(values, xa, "EncapsulatedX509Certificate", c.toBase64());
    }
    if (!data.crls.isEmpty() || !data.ocspResponses.isEmpty()) {
        xmlNode* values = child(usp, xa, "RevocationValues");
        if (!data.crls.isEmpty()) {
            xmlNode* crls = child(values, xa, "CRLValues");
            for (const QByteArray& c : data.crls)
                child(crls, xa, "EncapsulatedCRLValue", c.toBase64());
        }
        if (!data.ocspResponses.isEmpty()) {
            xmlNode* ocsp = child(values, xa, "OCSPValues");
            for (const QByteArray& r : data.ocspResponses)
                child(ocsp, xa, "EncapsulatedOCSPValue", r.toBase64());
        }
    }
    return dump(doc.get());
}

} // namespace hocba::signing
