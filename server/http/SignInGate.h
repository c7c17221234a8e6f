// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <functional>

namespace Colleagues::Server {

/*!
 * Counts the sign-ins whose password is being checked right now, per throttle key (account,
 * address), for every HTTP thread of the process. A failure is stored only after its Argon2
 * work, so without this a burst of parallel wrong passwords would all pass the stored count;
 * with it, stored failures plus checks in flight never exceed the limit. Thread-safe.
 */
class SignInGate
{
public:
    //! Reads a key's stored failures within the window (called under the gate's lock, so that
    //! a failure is never missed between reading and entering).
    using StoredFailures = std::function<int(const QString &key)>;

    //! Enters every key of \a keys when each one's stored failures plus checks in flight stay
    //! under \a limit; else enters none and returns false.
    bool tryEnter(const QStringList &keys, int limit, const StoredFailures &stored);
    //! Leaves \a keys after their result (a failure) has been stored.
    void leave(const QStringList &keys);

    int inFlight(const QString &key) const;

private:
    mutable QMutex m_mutex;
    QHash<QString, int> m_inFlight;
};

} // namespace Colleagues::Server
