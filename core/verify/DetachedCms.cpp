// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/DetachedCms.h"

#include "verify/OpenSsl.h"

#include <QCoreApplication>

#include <openssl/cms.h>
#include <openssl/err.h>

namespace hocba::signing {

using namespace detail;

DetachedCmsCheck checkDetachedCms(const QByteArray& cmsDer, const QByteArray& content)
{
    DetachedCmsCheck check;
    auto p = reinterpret_cast<const unsigned char*>(cmsDer.constData());
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, long(cmsDer.size())));
    auto* infos = cms ? CMS_get0_SignerInfos(cms.get()) : nullptr;
    if (!infos || sk_CMS_SignerInfo_num(infos) != 1) {
        ERR_clear_error();
        check.problem = QCoreApplication::translate("Signing", "The signature data cannot be read.");
        return check;
    }
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);
    X509* signerCert = nullptr;
    X509StackPtr certs(CMS_get1_certs(cms.get()));
    for (int i = 0; certs && i < sk_X509_num(certs.get()); ++i) {
        X509* c = sk_X509_value(certs.get(), i);
        if (CMS_SignerInfo_cert_cmp(si, c) == 0)
            signerCert = c;
        else
            check.otherCertificates << x509ToDer(c);
    }
    if (!signerCert) {
        check.problem
            = QCoreApplication::translate("Signing", "The signer's certificate is missing from the signature.");
        return check;
    }
    check.signerCertificate = x509ToDer(signerCert);
    // Integrity only: the chain and the key usage are the certificate policy's to judge, at the signed time.
    const bool verified = cmsIntegrityVerifies(cms.get(), content);
    if (!verified)
        check.problem = QCoreApplication::translate(
            "Signing", "The signature is not valid: the document has been changed after signing.");
    else if (!signingCertificateV2Matches(si, signerCert))
        check.problem = QCoreApplication::translate(
            "Signing", "The signature does not name its signing certificate (signing-certificate-v2).");
    check.intact = check.problem.isEmpty();
    return check;
}

} // namespace hocba::signing
