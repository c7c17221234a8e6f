// SPDX-License-Identifier: MIT
#include "server/http/SessionCache.h"

namespace Colleagues::Server {

std::optional<Session> SessionCache::find(const QByteArray &tokenHash) const
{
    const QMutexLocker locker(&m_mutex);
    return m_entries.find(tokenHash);
}

quint64 SessionCache::generation() const
{
    const QMutexLocker locker(&m_mutex);
    return m_generation;
}

void SessionCache::insert(const Session &session, quint64 generation)
{
    const QMutexLocker locker(&m_mutex);
    if (generation == m_generation)
        m_entries.insert(session.tokenHash, session);
}

void SessionCache::setMaxAgeMs(qint64 ms)
{
    const QMutexLocker locker(&m_mutex);
    m_entries = ExpiringHash<QByteArray, Session>(ms, MaxEntries);
}

void SessionCache::remove(const QByteArray &tokenHash)
{
    const QMutexLocker locker(&m_mutex);
    m_entries.remove(tokenHash);
}

void SessionCache::clear()
{
    const QMutexLocker locker(&m_mutex);
    m_entries.clear();
    ++m_generation;
}

} // namespace Colleagues::Server
