// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/SoftwareSigner.h"

#include <QDateTime>
#include <QMap>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>

#include <memory>

namespace hocba::test {

/**
 * A throw-away CA with revocation services on loopback, made at test time (no key is committed):
 * root → intermediate → signer (non-repudiation), plus "responder", the intermediate's delegated OCSP responder
 * (id-kp-OCSPSigning). The signer's certificate names the intermediate's responder (AIA OCSP) and CRL
 * (http://127.0.0.1:<crlPort>/int.crl); the intermediate's names the root's. Two `openssl ocsp -index` processes
 * answer: one for the intermediate's certificates, signed by the delegated responder, one for the root's, signed by
 * the root itself. A small QTcpServer serves the CRLs (generated with the C API) over HTTP; it answers while the
 * caller's thread runs an event loop. The fixture's object lives on the caller's thread.
 */
class OcspFixture
{
public:
    OcspFixture();
    ~OcspFixture();
    OcspFixture(const OcspFixture&) = delete;
    OcspFixture& operator=(const OcspFixture&) = delete;

    /** Makes the PKI, writes the indexes and CRLs and starts the responders. False (with qWarning) on failure. */
    bool create();

    QString path(const QString& name) const { return m_dir.filePath(name); }
    /** DER of "root", "int", "signer", "responder" or any certificate made by issue(). */
    QByteArray der(const QString& name) const;
    QByteArray rootDer() const { return der(QStringLiteral("root")); }
    /** The signer's key with its certificate and the intermediate as chain. */
    std::unique_ptr<signing::SoftwareSigner> signer() const;

    /**
     * Marks `name` ("signer" or "int") revoked at `when` in its issuer's index and CRL and restarts that responder.
     * An invalid `when` makes it valid again.
     */
    bool revoke(const QString& name, const QDateTime& when);
    /** Stops (true) or restarts (false) both responders: a CA whose services do not answer. */
    bool setDown(bool down);
    /** The CRL server answers 503 while down. */
    void setCrlDown(bool down) { m_crlDown = down; }

    /** A certificate issued by `issuer` ("root", "int", or self-signed when empty), with openssl extension lines. */
    bool issue(const QString& name, const QString& subject, const QByteArray& extensions, const QString& issuer);

    /**
     * A time-stamping authority's certificate `name` under "int" (critical extended key usage timeStamping) that names
     * the intermediate's responder, known to that responder, plus `name`-chain.pem (its certificate and "int") for the
     * tokens: for TsaFixture::addSection(name, path(name + ".pem"), path(name + ".key"), path(name + "-chain.pem")).
     */
    bool issueTimestampingAuthority(const QString& name);

    quint16 intOcspPort() const { return m_intPort; }
    quint16 rootOcspPort() const { return m_rootPort; }
    quint16 crlPort() const { return m_crlServer.serverPort(); }
    int crlRequests() const { return m_crlRequests; }

private:
    struct Responder
    {
        QString index; ///< file name
        QString ca; ///< the issuer whose certificates it answers for
        QString signerName; ///< rsigner / rkey base name
        quint16 port = 0;
        std::unique_ptr<QProcess> process;
    };
    bool start(Responder& r);
    void stop(Responder& r);
    bool writeIndex(const QString& ca);
    bool writeCrl(const QString& ca);
    bool run(const QStringList& args);

    QTemporaryDir m_dir;
    quint16 m_intPort = 0;
    quint16 m_rootPort = 0;
    Responder m_int;
    Responder m_root;
    QTcpServer m_crlServer;
    int m_crlRequests = 0;
    bool m_crlDown = false;
    /** certificate name → issuer name, for the indexes and CRLs. */
    QMap<QString, QString> m_issuerOf;
    QMap<QString, QDateTime> m_revokedAt;
};

} // namespace hocba::test
