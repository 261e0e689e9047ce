// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

class QTcpServer;
class QTcpSocket;

namespace hocba::test {

/**
 * A small stand-in for the Department's server (docs/api.md) on 127.0.0.1, in the test's own thread: the school
 * side's request runs a nested event loop, which serves this server too. It answers HTTP/1.1 (one request per
 * connection), stores what it accepts by digest, signs its receipts with a throw-away key and self-signed certificate
 * (CMS detached, CAdES) and records every request. Answers can be scripted per route, including a dropped connection.
 */
class FakeDepartment : public QObject
{
    Q_OBJECT
public:
    /** A scripted answer; `drop` closes the connection without answering. */
    struct Reply
    {
        int status = 200;
        QByteArray body;
        bool drop = false;
        int retryAfterS = 0; ///< sent as Retry-After when not 0
    };
    struct Received
    {
        QByteArray method;
        QString path; ///< with the query
        QByteArray authorization;
        QByteArray body;
    };

    explicit FakeDepartment(QObject* parent = nullptr);
    ~FakeDepartment() override;
    /** Makes the key and certificate (openssl) and listens; false on failure. */
    bool start();
    QString baseUrl() const;
    QByteArray certDer() const { return m_certDer; }
    QString certPemPath() const;
    /** Writes a credential file for `credential` and returns its path. */
    QString writeCredential(const QString& credential);

    /** The next requests to "METHOD /path" (without the query) get these answers, in order, before the default. */
    void script(const QString& route, const QList<Reply>& replies) { m_script[route].append(replies); }
    /**
     * Every upload from now on loses its connection without an answer: before the record is stored, or after (the
     * server crashed between storing and answering). Qt may send the request again once on its own.
     */
    enum class Drop { None, BeforeStoring, AfterStoring };
    void setDrop(Drop drop) { m_drop = drop; }
    /** Receipts from now on signed by a fresh key whose self-signed certificate copies the real one's subject. */
    bool signWithImpostor();
    /** Upload receipts from now on name this digest instead of the packet's. */
    void setReceiptDigestOverride(const QString& digest) { m_digestOverride = digest; }
    /** Every accepted record gets a lock receipt with effective date `at`. */
    void lockAll(const QDateTime& at);
    /** Lock receipts per page of GET /api/v1/receipts. */
    void setPageSize(int size) { m_pageSize = size; }
    /** The answer to GET /api/v1/lookup/<code>; unknown codes get 404. */
    void setLookup(const QString& code, const QByteArray& json) { m_lookups.insert(code, json); }

    /** Revoke requests and transfer statements for this code from now on get 409 locked. */
    void lockCode(const QString& code) { m_lockedCodes.append(code); }
    /** Revoke requests accepted (POST /api/v1/records/{code}/revoke). */
    int revokes() const { return m_revokes; }
    /** Transfer statements accepted (POST /api/v1/records/{code}/transfer), answered with a transfer receipt. */
    int transfers() const { return m_transfers; }

    const QList<Received>& received() const { return m_received; }
    int count(const QString& route) const;
    /** Records accepted (each digest once). */
    int stored() const { return int(m_records.size()); }

    static constexpr auto kSchoolCode = "01000999";
    /** The one credential this server accepts. */
    static QString credential() { return QString(64, QLatin1Char('a')); }

private:
    struct Stored
    {
        QString lookupCode;
        int version = 0;
        QString digest;
        QByteArray uploadReceipt;
    };
    void onConnection();
    void onReadable(QTcpSocket* socket);
    Reply answer(const Received& request);
    Reply submit(const QByteArray& body);
    Reply revoke(const QString& code, const QByteArray& body);
    Reply transfer(const QString& code, const QByteArray& body);
    Reply receipts(const QString& query) const;
    QByteArray sign(const QByteArray& content) const;
    QByteArray receiptJson(const QByteArray& canonical) const;
    bool makeCertificate(const QString& name, QString* keyPath, QString* certPath);

    QTemporaryDir m_dir;
    QTcpServer* m_server = nullptr;
    QByteArray m_certDer;
    QString m_subject;
    QString m_keyPath;
    QString m_signCertPath;
    QString m_signKeyPath;
    QHash<QString, QList<Reply>> m_script;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<Received> m_received;
    QList<Stored> m_records;
    QList<QPair<QByteArray, QByteArray>> m_locks;
    QHash<QString, QByteArray> m_lookups;
    QString m_digestOverride;
    int m_pageSize = 1000;
    QStringList m_lockedCodes;
    int m_revokes = 0;
    int m_transfers = 0;
    Drop m_drop = Drop::None;
};

} // namespace hocba::test
