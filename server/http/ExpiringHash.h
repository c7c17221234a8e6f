// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QHash>

#include <optional>

namespace Colleagues::Server {

/*!
 * What a small cache keeps: values by key, each good for maxAgeMs after it was inserted, and at
 * most maxEntries of them (when it is full, the expired ones go, and all of them if that is not
 * enough). Not thread-safe: its owner locks (ProfileCache, SessionCache).
 */
template<typename Key, typename Value>
class ExpiringHash
{
public:
    ExpiringHash(qint64 maxAgeMs, qsizetype maxEntries)
        : m_maxAgeMs(maxAgeMs)
        , m_maxEntries(maxEntries)
    {
        m_clock.start();
    }

    std::optional<Value> find(const Key &key) const
    {
        const auto it = m_entries.constFind(key);
        if (it == m_entries.cend() || m_clock.elapsed() - it->at > m_maxAgeMs)
            return std::nullopt;
        return it->value;
    }

    void insert(const Key &key, Value value)
    {
        const qint64 now = m_clock.elapsed();
        if (m_entries.size() >= m_maxEntries) {
            m_entries.removeIf([this, now](const auto &entry) { return now - entry.value().at > m_maxAgeMs; });
            if (m_entries.size() >= m_maxEntries)
                m_entries.clear();
        }
        m_entries.insert(key, Stored {std::move(value), now});
    }

    void remove(const Key &key) { m_entries.remove(key); }
    void clear() { m_entries.clear(); }

private:
    struct Stored
    {
        Value value;
        qint64 at = 0;
    };

    qint64 m_maxAgeMs;
    qsizetype m_maxEntries;
    QHash<Key, Stored> m_entries;
    QElapsedTimer m_clock;
};

} // namespace Colleagues::Server
