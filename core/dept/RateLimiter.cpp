// SPDX-License-Identifier: GPL-3.0-or-later
#include "dept/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace hocba::dept {

RateLimiter::RateLimiter(double ratePerSecond, int burst, qsizetype maxKeys)
    : m_rate(std::max(ratePerSecond, 1e-3))
    , m_burst(std::max(burst, 1))
    , m_maxKeys(std::max<qsizetype>(maxKeys, 1))
{ }

int RateLimiter::take(const QString& key, Clock::time_point now)
{
    const std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_maxKeys)
            makeRoom(now);
        it = m_buckets.insert(key, Bucket {double(m_burst), now});
    }
    Bucket& b = *it;
    const double elapsed = std::chrono::duration<double>(now - b.at).count();
    if (elapsed > 0) {
        b.tokens = std::min(double(m_burst), b.tokens + elapsed * m_rate);
        b.at = now;
    }
    if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
    }
    return std::max(1, int(std::ceil((1 - b.tokens) / m_rate)));
}

qsizetype RateLimiter::size() const
{
    const std::lock_guard lock(m_mutex);
    return m_buckets.size();
}

void RateLimiter::makeRoom(Clock::time_point now)
{
    const double refill = double(m_burst) / m_rate;
    m_buckets.removeIf([&](QHash<QString, Bucket>::iterator it) {
        return std::chrono::duration<double>(now - it->at).count() >= refill;
    });
    if (m_buckets.size() >= m_maxKeys)
        m_buckets.clear();
}

} // namespace hocba::dept
