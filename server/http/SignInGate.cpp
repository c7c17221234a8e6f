// SPDX-License-Identifier: MIT
#include "server/http/SignInGate.h"

namespace Colleagues::Server {

bool SignInGate::tryEnter(const QStringList &keys, int limit, const StoredFailures &stored)
{
    const QMutexLocker lock(&m_mutex);
    for (const QString &key : keys) {
        if (stored(key) + m_inFlight.value(key) >= limit)
            return false;
    }
    for (const QString &key : keys)
        ++m_inFlight[key];
    return true;
}

void SignInGate::leave(const QStringList &keys)
{
    const QMutexLocker lock(&m_mutex);
    for (const QString &key : keys) {
        auto it = m_inFlight.find(key);
        if (it != m_inFlight.end() && --*it <= 0)
            m_inFlight.erase(it);
    }
}

int SignInGate::inFlight(const QString &key) const
{
    const QMutexLocker lock(&m_mutex);
    return m_inFlight.value(key);
}

} // namespace Colleagues::Server
