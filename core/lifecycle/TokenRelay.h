// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/Signer.h"
#include "util/Error.h"

#include <QMutex>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <optional>

namespace hocba::lifecycle {

/**
 * Signer for a batch's workers: every token call is carried out by the thread that runs the batch, which owns the
 * token session (TokenService: session objects are used on their own thread only), one call at a time, in arrival
 * order. The relay's mutex also guards what the workers publish through finished().
 */
class TokenRelay final : public signing::Signer
{
public:
    explicit TokenRelay(signing::Signer& owner);

    QByteArray certificate() const override { return m_certificate; }
    QList<QByteArray> chain() const override { return m_chain; }
    signing::KeyType keyType() const override { return m_keyType; }

    /** Worker side: waits until the owner thread has made the call. */
    Result<QByteArray> signSha256(const QByteArray& data) override;

    /** Worker side: publishes a result (under the lock) and wakes the owner. */
    void finished(const std::function<void()>& publish);

    /** Owner side: the time spent inside the token's calls so far. */
    qint64 tokenNs() const { return m_tokenNs; }

    /** From now on, calls are answered with `why` without reaching the token (the batch is stopping). */
    void refuse(const Error& why);

    /** Owner side: makes the workers' token calls until `ready` holds (checked under the lock). */
    void serveUntil(const std::function<bool()>& ready);

private:
    struct Request
    {
        const QByteArray* data;
        Result<QByteArray> result;
        bool answered;
    };
    signing::Signer& m_owner;
    const QByteArray m_certificate;
    const QList<QByteArray> m_chain;
    const signing::KeyType m_keyType;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Request*> m_requests;
    std::optional<Error> m_refusal;
    qint64 m_tokenNs = 0; ///< written on the owner thread only
};

} // namespace hocba::lifecycle
