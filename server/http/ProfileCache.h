// SPDX-License-Identifier: MIT
#pragma once

#include "core/Profile.h"
#include "server/http/ExpiringHash.h"

#include <QByteArray>
#include <QMutex>
#include <QString>

#include <atomic>
#include <optional>

namespace Colleagues::Server {

/*!
 * Profiles recently served, as stored, so that the hottest read of the API costs no query (each
 * reader's view of one is cut from it and encoded per request: JsonWriter takes microseconds). Every committed change
 * (Storage::changed, including other instances' through NOTIFY) drops the whole cache; a result read before a change
 * can never be stored after it (generations). Entries also expire after MaxAgeMs, which bounds staleness for writers
 * the server cannot hear (another process on the same SQLite file). Thread-safe.
 */
class ProfileCache
{
public:
    static constexpr int MaxEntries = 20000;
    static constexpr qint64 MaxAgeMs = 1000;

    struct Entry
    {
        Profile profile; //!< as stored; each reader's view is made from it (VisibilityPolicy)
    };

    //! Read before fetching what insert() will store.
    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }
    std::optional<Entry> find(const QString &username) const;
    //! Stores \a entry unless a change happened since \a generation was read.
    void insert(const QString &username, quint64 generation, Entry entry);
    void invalidate();

private:
    mutable QMutex m_mutex;
    ExpiringHash<QString, Entry> m_entries {MaxAgeMs, MaxEntries};
    std::atomic<quint64> m_generation {0};
};

} // namespace Colleagues::Server
