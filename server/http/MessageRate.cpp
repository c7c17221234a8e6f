// SPDX-License-Identifier: MIT
#include "server/http/MessageRate.h"

#include <cmath>

namespace Colleagues::Server {

void MessageRate::setPerMinute(int perMinute)
{
    const QMutexLocker locker(&m_mutex);
    m_perMinute = qMax(0, perMinute);
    m_buckets.clear();
}

MessageRate::Bucket &MessageRate::refilled(const QString &sender)
{
    if (!m_clock.isValid())
        m_clock.start();
    const qint64 now = m_clock.elapsed();
    auto it = m_buckets.find(sender);
    if (it == m_buckets.end()) {
        // Buckets that are full again carry no information: drop them now and then.
        if (m_buckets.size() > 10'000) {
            for (auto b = m_buckets.begin(); b != m_buckets.end();) {
                if (b->tokens + double(now - b->updatedMs) * m_perMinute / 60'000.0 >= m_perMinute)
                    b = m_buckets.erase(b);
                else
                    ++b;
            }
        }
        it = m_buckets.insert(sender, Bucket {double(m_perMinute), now});
    }
    it->tokens = qMin(double(m_perMinute), it->tokens + double(now - it->updatedMs) * m_perMinute / 60'000.0);
    it->updatedMs = now;
    return *it;
}

int MessageRate::secondsUntilAllowed(const QString &sender)
{
    const QMutexLocker locker(&m_mutex);
    if (m_perMinute <= 0)
        return 0;
    const Bucket &bucket = refilled(sender);
    if (bucket.tokens >= 1.0)
        return 0;
    return qMax(1, int(std::ceil((1.0 - bucket.tokens) * 60.0 / m_perMinute)));
}

void MessageRate::take(const QString &sender)
{
    const QMutexLocker locker(&m_mutex);
    if (m_perMinute <= 0)
        return;
    // Parallel sends may all have passed the check: the bucket may go below zero, which only
    // makes the sender wait longer.
    refilled(sender).tokens -= 1.0;
}

} // namespace Colleagues::Server
