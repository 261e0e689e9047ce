// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hocba::signing {

/** What checking a detached CMS against its content found. Trust in the certificate is the caller's check. */
struct DetachedCmsCheck
{
    /** One signer; its signature verifies over the content; signing-certificate-v2 names its certificate. */
    bool intact = false;
    QByteArray signerCertificate; ///< DER; empty when the CMS does not carry it
    QList<QByteArray> otherCertificates; ///< DER: the chain the CMS carries
    QString problem; ///< translated, when not intact
};

DetachedCmsCheck checkDetachedCms(const QByteArray& cmsDer, const QByteArray& content);

} // namespace hocba::signing
