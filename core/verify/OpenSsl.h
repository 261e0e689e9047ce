// SPDX-License-Identifier: GPL-3.0-or-later
// Internal: RAII owners and small helpers around OpenSSL 3.0 for the signature formats. Not part of the public API.
#pragma once

#include "verify/Revocation.h"
#include "verify/SignatureReport.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

namespace hocba::signing::detail {

template <auto F> struct Free
{
    template <class T> void operator()(T* p) const { F(p); }
};
using X509Ptr = std::unique_ptr<X509, Free<X509_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Free<EVP_PKEY_free>>;
using BioPtr = std::unique_ptr<BIO, Free<BIO_free_all>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Free<CMS_ContentInfo_free>>;
using StorePtr = std::unique_ptr<X509_STORE, Free<X509_STORE_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Free<EVP_MD_CTX_free>>;
struct X509StackFree
{
    void operator()(STACK_OF(X509) * s) const { sk_X509_pop_free(s, X509_free); }
};
using X509StackPtr = std::unique_ptr<STACK_OF(X509), X509StackFree>;

/** Drains OpenSSL's error queue into one technical line (for Error::detail). */
QString opensslErrors();

X509Ptr x509FromDer(const QByteArray& der);
QByteArray x509ToDer(const X509* cert);
X509StackPtr x509Stack(const QList<QByteArray>& ders);
QByteArray sha256(const QByteArray& data);
SignerCertificate certificateInfo(const X509* cert);

/** A DER tag-length-value with the definite length form (hand-built ASN.1 the signers and verifiers share). */
QByteArray derTlv(unsigned char tag, const QByteArray& content);
QDateTime fromAsn1Time(const ASN1_TIME* t);
/** A store holding the given DER certificates as trust anchors; purpose "any" (school certificates rarely carry
 *  the S/MIME key usage that CMS_verify would otherwise demand). */
StorePtr trustStore(const QList<QByteArray>& anchorsDer);
/** Empty when `cert` chains to the store's anchors at time `at` (now when invalid); else OpenSSL's reason. */
QString verifyChain(X509_STORE* store, X509* cert, STACK_OF(X509) * untrusted, const QDateTime& at = {});
/**
 * True when `cert` has a key usage extension with non-repudiation (contentCommitment) set: what signing demands
 * (CertificatePolicy) and so what verification demands of every signer, PDF and XML alike. A missing extension is
 * refused too (formally "any usage", but no signing certificate of a Vietnamese CA lacks it).
 */
bool hasNonRepudiation(X509* cert);

/**
 * The detached CMS's one signature verifies over `content` (integrity only: no chain, no key usage; those are checked
 * at the signed time by the caller). The content goes in through a buffering BIO, not a plain memory BIO: OpenSSL 3.0
 * leaks the copy it makes of a memory BIO when the CMS names no digest algorithm (openssl/openssl#30471), and a
 * forged signature could repeat that at will against a verifier that runs for days.
 */
bool cmsIntegrityVerifies(CMS_ContentInfo* cms, const QByteArray& content);

/**
 * The DER IssuerSerial (RFC 5035: issuer as a GeneralNames holding one directoryName, and the serial number) of
 * `cert`: what XAdES's IssuerSerialV2 carries, base64-encoded. Empty on failure.
 */
QByteArray issuerSerialDer(const X509* cert);

/** The CMS signer info's signing-certificate-v2 attribute names `signerCert` (RFC 5035). */
bool signingCertificateV2Matches(CMS_SignerInfo* si, X509* signerCert);

/** The certificate names an OCSP responder (AIA) or a CRL distribution point. */
bool namesRevocationService(X509* cert);

/**
 * B-LT, for PAdES (/DSS) and XAdES (CertificateValues/RevocationValues) alike: the signer's chain judged against the
 * embedded revocation data, offline, at check.judgedTime() (the time-stamp's when there is one, else the claimed
 * time). Every certificate below the trust anchor must be covered; a revocation at or before the judged time makes the
 * signature invalid (revoked, revokedAt, a dated problem), one after it does not. The time-stamping authority's chain
 * (check.timestampCertificates) is judged at the time-stamp's time the same way when it names a revocation service; a
 * TSA certificate revoked by then fails the time-stamp (timestampOk). Sets revocationChecked, revocationNote, and
 * level LT on top of T.
 */
void judgeRevocation(X509_STORE* anchors, X509* signerCert, STACK_OF(X509) * untrusted, const ValidationData& data,
                     SignatureCheck& check);

} // namespace hocba::signing::detail
