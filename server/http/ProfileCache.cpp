// SPDX-License-Identifier: MIT
#include "server/http/ProfileCache.h"

namespace Colleagues::Server {

std::optional<ProfileCache::Entry> ProfileCache::find(const QString &username) const
{
    const QMutexLocker locker(&m_mutex);
    return m_entries.find(username);
}

void ProfileCache::insert(const QString &username, quint64 generation, Entry entry)
{
    const QMutexLocker locker(&m_mutex);
    if (generation != m_generation.load(std::memory_order_acquire))
        return;
    m_entries.insert(username, std::move(entry));
}

void ProfileCache::invalidate()
{
    const QMutexLocker locker(&m_mutex);
    m_generation.fetch_add(1, std::memory_order_acq_rel);
    m_entries.clear();
}

} // namespace Colleagues::Server
