// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

#include <chrono>
#include <mutex>

namespace hocba::dept {

/**
 * Token buckets by key (a peer address, a school code): `burst` requests at once, then `ratePerSecond`. Thread-safe.
 * Holds at most `maxKeys` buckets, so a flood of addresses cannot grow it without bound: when full, buckets that have
 * refilled (and so limit nothing) are dropped first, then all of them.
 */
class RateLimiter
{
public:
    using Clock = std::chrono::steady_clock;

    RateLimiter(double ratePerSecond, int burst, qsizetype maxKeys = 100000);

    /** Takes a token for `key`: 0 when the request may go ahead, else the whole seconds to wait (at least 1). */
    int take(const QString& key, Clock::time_point now);
    qsizetype size() const;

private:
    struct Bucket
    {
        double tokens = 0;
        Clock::time_point at;
    };
    void makeRoom(Clock::time_point now);

    const double m_rate;
    const int m_burst;
    const qsizetype m_maxKeys;
    mutable std::mutex m_mutex;
    QHash<QString, Bucket> m_buckets;
};

} // namespace hocba::dept
