// SPDX-License-Identifier: MIT
#include "server/http/SessionCache.h"

namespace Colleagues::Server {

SessionCache::SessionCache()
{
    m_clock.start();
}

std::optional<Session> SessionCache::find(const QByteArray &tokenHash) const
{
    const QMutexLocker locker(&m_mutex);
    const auto it = m_entries.constFind(tokenHash);
    if (it == m_entries.cend() || m_clock.elapsed() - it->at > MaxAgeMs)
        return std::nullopt;
    return it->session;
}

void SessionCache::insert(const Session &session)
{
    const QMutexLocker locker(&m_mutex);
    if (m_entries.size() >= MaxEntries) {
        const qint64 now = m_clock.elapsed();
        m_entries.removeIf([now](const auto &entry) { return now - entry.value().at > MaxAgeMs; });
        if (m_entries.size() >= MaxEntries)
            m_entries.clear();
    }
    m_entries.insert(session.tokenHash, Entry {session, m_clock.elapsed()});
}

void SessionCache::remove(const QByteArray &tokenHash)
{
    const QMutexLocker locker(&m_mutex);
    m_entries.remove(tokenHash);
}

} // namespace Colleagues::Server
