// SPDX-License-Identifier: MIT
#include "server/http/ProfileCache.h"

namespace Colleagues::Server {

ProfileCache::ProfileCache()
{
    m_clock.start();
}

std::optional<ProfileCache::Entry> ProfileCache::find(const QString &username) const
{
    const QMutexLocker locker(&m_mutex);
    const auto it = m_entries.constFind(username);
    if (it == m_entries.cend() || m_clock.elapsed() - it->at > MaxAgeMs)
        return std::nullopt;
    return it->entry;
}

void ProfileCache::insert(const QString &username, quint64 generation, Entry entry)
{
    const QMutexLocker locker(&m_mutex);
    if (generation != m_generation.load(std::memory_order_acquire))
        return;
    if (m_entries.size() >= MaxEntries)
        m_entries.clear();
    m_entries.insert(username, Stored {std::move(entry), m_clock.elapsed()});
}

void ProfileCache::invalidate()
{
    const QMutexLocker locker(&m_mutex);
    m_generation.fetch_add(1, std::memory_order_acq_rel);
    m_entries.clear();
}

} // namespace Colleagues::Server
