// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/TokenRelay.h"

#include <QElapsedTimer>

namespace hocba::lifecycle {

TokenRelay::TokenRelay(signing::Signer& owner)
    : m_owner(owner)
    , m_certificate(owner.certificate())
    , m_chain(owner.chain())
    , m_keyType(owner.keyType())
{ }

Result<QByteArray> TokenRelay::signSha256(const QByteArray& data)
{
    Request request {&data, std::unexpected(Error {}), false};
    QMutexLocker lock(&m_mutex);
    if (m_refusal)
        return std::unexpected(*m_refusal);
    m_requests.push_back(&request);
    m_wake.wakeAll();
    while (!request.answered)
        m_wake.wait(&m_mutex);
    return std::move(request.result);
}

void TokenRelay::finished(const std::function<void()>& publish)
{
    QMutexLocker lock(&m_mutex);
    publish();
    m_wake.wakeAll();
}

void TokenRelay::refuse(const Error& why)
{
    QMutexLocker lock(&m_mutex);
    m_refusal = why;
}

void TokenRelay::serveUntil(const std::function<bool()>& ready)
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        while (!m_requests.empty()) {
            Request* r = m_requests.front();
            m_requests.pop_front();
            Result<QByteArray> signature = std::unexpected(m_refusal.value_or(Error {}));
            if (!m_refusal) {
                lock.unlock();
                QElapsedTimer inToken;
                inToken.start();
                signature = m_owner.signSha256(*r->data);
                m_tokenNs += inToken.nsecsElapsed();
                lock.relock();
            }
            r->result = std::move(signature);
            r->answered = true;
            m_wake.wakeAll();
        }
        if (ready())
            return;
        m_wake.wait(&m_mutex);
    }
}

} // namespace hocba::lifecycle
