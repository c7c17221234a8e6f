// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QString>

namespace Colleagues::Server {

/*!
 * The per-member message rate limit (`serve --message-rate N`): a token bucket per sender that
 * holds up to N messages and refills at N per minute, so a member may send a burst of N and then
 * N a minute. Only new messages take a token (a retried Idempotency-Key does not), and a send is
 * refused while the bucket is empty. Shared by every HTTP thread of the process; thread-safe.
 */
class MessageRate
{
public:
    static constexpr int DefaultPerMinute = 60;

    //! \a perMinute 0 turns the limit off.
    void setPerMinute(int perMinute);
    int perMinute() const { return m_perMinute; }

    //! 0 when \a sender may send now; else the seconds until a message is allowed.
    int secondsUntilAllowed(const QString &sender);
    //! Takes a token for a message \a sender has sent.
    void take(const QString &sender);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    Bucket &refilled(const QString &sender); // under m_mutex

    int m_perMinute = DefaultPerMinute;
    QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
    QElapsedTimer m_clock;
};

} // namespace Colleagues::Server
