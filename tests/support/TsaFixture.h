// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/Timestamper.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <atomic>
#include <memory>

class QTcpServer;
class QTcpSocket;
class QThread;

namespace hocba::test {

/**
 * A throw-away time-stamping authority made with openssl at test time (no key is ever committed): a TSA root CA, a TSA
 * certificate under it with the critical extended key usage timeStamping, and an `openssl ts` configuration with two
 * sections: "tsa" (the real TSA) and "untrusted" (a TSA under another, untrusted root). Replies come from
 * `openssl ts -reply`; nothing goes over the network.
 */
class TsaFixture
{
public:
    /** False (with qWarning) if openssl failed. The TSA certificate is valid for `tsaDays` days from now. */
    bool create(int tsaDays = 365);
    /**
     * A new key and certificate for the TSA under the same root, valid for `days` days (the provider renews its TSA
     * certificate); later tokens carry it. False on failure.
     */
    bool renewTsaCertificate(int days);
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QByteArray rootDer() const; ///< the TSA root CA (a trust anchor in the tests)
    QString rootPemPath() const { return path(QStringLiteral("tsa-root.pem")); }
    QByteArray tsaCertDer() const;
    QString tsaCertPemPath() const { return path(QStringLiteral("tsa.pem")); }

    /**
     * Adds a configuration section `name` that signs with another TSA certificate and key (absolute PEM paths, e.g.
     * one an OcspFixture issued, so the TSA's own chain names revocation services); `chainPem` goes into the tokens.
     */
    bool addSection(const QString& name, const QString& certPem, const QString& keyPem, const QString& chainPem);

    /**
     * An attacker's TSA: a fresh key in fake.pem/fake.key with the real TSA certificate's issuer name and serial, under
     * fake-root.pem, a self-made root of the real root's name. False (with the output) when openssl failed.
     */
    bool makeImpostor(QString* output = nullptr) const;

    /** `openssl ts -reply` on a DER TimeStampReq with the configuration section `section`; empty on failure. */
    QByteArray reply(const QByteArray& queryDer, const QString& section = QStringLiteral("tsa")) const;
    /** A Timestamper that asks `section` (makeTimestampRequest → reply → tokenFromTimestampResponse). */
    std::unique_ptr<signing::Timestamper> timestamper(const QString& section = QStringLiteral("tsa")) const;
    /** Timestamps given by timestamper()s so far. */
    int tokensIssued() const { return m_issued; }

    /** Runs openssl with `args` in the fixture's folder; its exit code (-1 if it did not finish), output in `output`.
     */
    int openssl(const QStringList& args, QString* output = nullptr) const;

private:
    friend class FixtureTimestamper;
    QTemporaryDir m_dir;
    mutable std::atomic<int> m_issued {0};
};

/**
 * A loopback RFC 3161 HTTP TSA on 127.0.0.1, served on a thread of its own (the client blocks its caller while it
 * waits): a POST of application/timestamp-query is answered with application/timestamp-reply from `openssl ts -reply`
 * (HTTP/1.1, keep-alive). It can hang (accept, read, never answer) or fail the next N requests with HTTP 500; it counts
 * requests and connections.
 */
class LoopbackTsa
{
public:
    explicit LoopbackTsa(const TsaFixture& tsa);
    ~LoopbackTsa();
    bool start();
    QString url() const;
    void setHang(bool hang) { m_hang = hang; }
    void failNext(int count) { m_failNext = count; }
    int requests() const { return m_requests; }
    int connections() const { return m_connections; }

private:
    void onReadyRead(QTcpSocket* socket);

    const TsaFixture& m_tsa;
    QThread* m_thread = nullptr;
    QObject* m_context = nullptr; ///< lives in m_thread, parent of the server and its sockets
    QTcpServer* m_server = nullptr;
    quint16 m_port = 0;
    std::atomic<bool> m_hang {false};
    std::atomic<int> m_failNext {0};
    std::atomic<int> m_requests {0};
    std::atomic<int> m_connections {0};
};

} // namespace hocba::test
