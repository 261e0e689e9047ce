// SPDX-License-Identifier: GPL-3.0-or-later
// The packet signer as it was before issue 16 (commit a39da89, core/token/XmlSigner.cpp), kept verbatim but for its
// name: it writes the ds:SignatureProperties form that packets signed until then carry, so tests can check that such
// packets stay verifiable. Only tests use it; the program signs XAdES (core/token/XmlSigner).
#include "LegacyXmlSigner.h"

#include "packet/SafeXml.h"
#include "verify/OpenSsl.h"
#include "verify/SignatureReport.h"
#include "verify/XmlDom.h"

#include <QCoreApplication>
#include <QSet>

#include <openssl/ecdsa.h>

namespace hocba::test {

using namespace hocba::signing;
using namespace hocba::signing::detail;

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

Result<QByteArray> signLegacyXml(const QByteArray& xml, signing::Signer& signer, const signing::XmlSignOptions& options)
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
    QString sigId = base;
    for (int i = 2; ids.contains(sigId) || ids.contains(sigId + QStringLiteral("-props")); ++i)
        sigId = base + QLatin1Char('-') + QString::number(i);
    const QString propsId = sigId + QStringLiteral("-props");

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
    xmlNewProp(ref1, X("URI"), X(("#" + layout.dataId.toUtf8()).constData()));
    xmlNode* tr1 = child(ref1, ds, "Transforms");
    // Enveloped + exclusive C14N on the data reference, as the e-invoice precedent does (DOMAIN.md §5.1).
    addAlgorithm(tr1, ds, "Transform", kEnveloped);
    addAlgorithm(tr1, ds, "Transform", kExcC14n);
    addAlgorithm(ref1, ds, "DigestMethod", kSha256);
    child(ref1, ds, "DigestValue", dataDigest);

    xmlNode* ref2 = child(signedInfo, ds, "Reference");
    xmlNewProp(ref2, X("URI"), X(("#" + propsId.toUtf8()).constData()));
    xmlNewProp(ref2, X("Type"), X("http://www.w3.org/2000/09/xmldsig#SignatureProperties"));
    // No enveloped transform here: it would strip the whole Signature, including the properties themselves.
    addAlgorithm(child(ref2, ds, "Transforms"), ds, "Transform", kExcC14n);
    addAlgorithm(ref2, ds, "DigestMethod", kSha256);
    xmlNode* propsDigest = child(ref2, ds, "DigestValue", QByteArray(""));

    xmlNode* sigValue = child(sig, ds, "SignatureValue", QByteArray(""));
    xmlNode* x509Data = child(child(sig, ds, "KeyInfo"), ds, "X509Data");
    child(x509Data, ds, "X509Certificate", signer.certificate().toBase64());
    for (const auto& c : signer.chain())
        child(x509Data, ds, "X509Certificate", c.toBase64());

    xmlNode* props = child(child(sig, ds, "Object"), ds, "SignatureProperties");
    xmlNewProp(props, X("Id"), X(propsId.toUtf8().constData()));
    xmlNode* prop = child(props, ds, "SignatureProperty");
    xmlNewProp(prop, X("Target"), X(("#" + sigId.toUtf8()).constData()));
    const QByteArray pns = layout.propertiesNamespace.toUtf8();
    QDateTime when = options.signingTime.isValid() ? options.signingTime : QDateTime::currentDateTimeUtc();
    when = when.toUTC();
    when.setTime(QTime(when.time().hour(), when.time().minute(), when.time().second()));
    for (auto [name, value] : {std::pair {"SigningTime", when.toString(Qt::ISODate).toUtf8()},
                               std::pair {"SignerRole", roleCode(options.role).toUtf8()}}) {
        xmlNode* n = xmlNewTextChild(prop, nullptr, X(name), X(value.constData()));
        xmlSetNs(n, xmlNewNs(n, X(pns.constData()), nullptr));
    }

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
    return dump(doc.get());
}

} // namespace hocba::test
