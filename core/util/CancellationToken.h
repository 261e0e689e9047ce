// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>

namespace hocba {

/**
 * A cancel request shared between the thread that asks (GUI, signal handler) and the worker that honours it. The
 * worker checks it only between items, never in the middle of a token call or a transaction (STYLE.md C7).
 */
class CancellationToken
{
public:
    void cancel() noexcept { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const noexcept { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled {false};
};

} // namespace hocba
