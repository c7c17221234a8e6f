// SPDX-License-Identifier: MIT
#pragma once

#include <QRandomGenerator>

#include <chrono>

namespace Colleagues {

//! Timings of retries: exponential backoff with full jitter (AWS's "full jitter").
//! Injectable so tests can run the same logic in milliseconds.
struct BackoffPolicy
{
    std::chrono::milliseconds base {500}; //!< first retry waits up to this long
    std::chrono::milliseconds cap {60000}; //!< no wait is ever longer, except a server's Retry-After
    bool jitter = true; //!< false: always wait the full exponential delay (deterministic tests)

    static BackoffPolicy fast() { return {std::chrono::milliseconds {5}, std::chrono::milliseconds {50}, true}; }
};

/*!
 * Counts consecutive failures and says how long to wait before the next attempt:
 * a uniformly random delay in [0, min(cap, base * 2^failures)], never less than a
 * server's Retry-After.
 */
class Backoff
{
public:
    explicit Backoff(BackoffPolicy policy = {})
        : m_policy(policy)
    { }

    const BackoffPolicy &policy() const { return m_policy; }
    void setPolicy(const BackoffPolicy &policy) { m_policy = policy; }

    int failures() const { return m_failures; }
    void reset() { m_failures = 0; }

    //! Records a failure and returns the delay before the next attempt.
    std::chrono::milliseconds next(std::chrono::milliseconds retryAfter = std::chrono::milliseconds {0})
    {
        const std::chrono::milliseconds ceiling = ceilingFor(m_failures);
        ++m_failures;
        qint64 ms = ceiling.count();
        if (m_policy.jitter && ms > 0)
            ms = qint64(QRandomGenerator::global()->bounded(quint64(ms) + 1));
        return std::max(std::chrono::milliseconds {ms}, retryAfter);
    }

    //! The upper bound of the delay after \a failures earlier failures.
    std::chrono::milliseconds ceilingFor(int failures) const
    {
        const int shift = std::min(failures, 30);
        const qint64 exp = m_policy.base.count() * (qint64(1) << shift);
        return std::chrono::milliseconds {std::min<qint64>(exp, m_policy.cap.count())};
    }

private:
    BackoffPolicy m_policy;
    int m_failures = 0;
};

} // namespace Colleagues
