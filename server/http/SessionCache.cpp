// SPDX-License-Identifier: MIT
#include "server/http/SessionCache.h"

namespace Colleagues::Server {

std::optional<Session> SessionCache::find(const QByteArray &tokenHash) const
{
    const QMutexLocker locker(&m_mutex);
    return m_entries.find(tokenHash);
}

void SessionCache::insert(const Session &session)
{
    const QMutexLocker locker(&m_mutex);
    m_entries.insert(session.tokenHash, session);
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
}

} // namespace Colleagues::Server
