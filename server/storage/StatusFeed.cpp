// SPDX-License-Identifier: MIT
#include "server/storage/StatusFeed_p.h"

#include "server/storage/Query_p.h"
#include "server/storage/StatusTable_p.h"

#include <QJsonDocument>
#include <QReadLocker>
#include <QWriteLocker>

#include <algorithm>

namespace Colleagues::Server::Internal {

std::optional<QSqlError> StatusFeed::catchUp(Connection &connection, qint64 latest)
{
    if (hasUpTo(latest))
        return std::nullopt; // also when a newer snapshot caught up further
    const QMutexLocker catchingUp(&m_catchingUp);
    if (hasUpTo(latest))
        return std::nullopt;
    qint64 from = 0;
    {
        const QReadLocker locker(&m_lock);
        from = m_complete;
    }
    // In this snapshot: every change up to latest, nothing after it.
    QList<Entry> entries;
    {
        Query q(connection,
                QStringLiteral("SELECT %1 FROM statuses WHERE change_seq > ? ORDER BY change_seq").arg(StatusColumns));
        if (!q.exec({from}))
            return q.error();
        while (q.next()) {
            StatusRow row = statusFromRow(q);
            QByteArray json = QJsonDocument(toJson(row.status)).toJson(QJsonDocument::Compact);
            entries.append(
                Entry {std::make_shared<const SyncStatus>(SyncStatus {std::move(row.status), std::move(json)}),
                       row.changeSeq});
        }
    }
    // A removal deletes the person's status and leaves the profile's tombstone.
    QList<std::pair<QString, qint64>> removed;
    if (from > 0) {
        Query q(connection,
                QStringLiteral("SELECT username, change_seq FROM profiles WHERE change_seq > ?"
                               " AND deleted = TRUE"));
        if (!q.exec({from}))
            return q.error();
        while (q.next())
            removed.append({q.text(0), q.int64(1)});
    }

    const QWriteLocker locker(&m_lock);
    bool sorted = true;
    for (Entry &entry : entries) {
        if (!dropOlder(entry.status->status.username, entry.sequence))
            continue;
        // New changes come after every one the feed has (it has nothing after m_complete).
        sorted = sorted && (m_slots.empty() || m_slots.back().entry.sequence < entry.sequence);
        m_liveSlot.insert(entry.status->status.username, qsizetype(m_slots.size()));
        m_slots.push_back(Slot {std::move(entry), true});
    }
    for (const auto &[username, tombstone] : std::as_const(removed))
        dropOlder(username, tombstone);
    if (!sorted) {
        std::stable_sort(m_slots.begin(), m_slots.end(),
                         [](const Slot &a, const Slot &b) { return a.entry.sequence < b.entry.sequence; });
        compact();
    } else if (m_dead > 1024 && m_dead * 2 > qsizetype(m_slots.size())) {
        compact();
    }
    m_complete = qMax(m_complete, latest);
    return std::nullopt;
}

bool StatusFeed::hasUpTo(qint64 sequence) const
{
    const QReadLocker locker(&m_lock);
    return sequence <= m_complete;
}

bool StatusFeed::dropOlder(const QString &username, qint64 sequence)
{
    const auto it = m_liveSlot.find(username);
    if (it == m_liveSlot.end())
        return true;
    Slot &slot = m_slots[size_t(*it)];
    if (slot.entry.sequence >= sequence)
        return false;
    slot.live = false;
    slot.entry.status.reset(); // the sequence stays: the slots are searched by it
    ++m_dead;
    m_liveSlot.erase(it);
    return true;
}

void StatusFeed::compact()
{
    std::erase_if(m_slots, [](const Slot &slot) { return !slot.live; });
    m_dead = 0;
    m_liveSlot.clear();
    for (size_t i = 0; i < m_slots.size(); ++i)
        m_liveSlot.insert(m_slots[i].entry.status->status.username, qsizetype(i));
}

QList<StatusFeed::Entry> StatusFeed::since(qint64 after, qint64 upTo, qsizetype limit, bool skipDefaults) const
{
    QList<Entry> found;
    const QReadLocker locker(&m_lock);
    auto it = std::upper_bound(m_slots.cbegin(), m_slots.cend(), after,
                               [](qint64 sequence, const Slot &slot) { return sequence < slot.entry.sequence; });
    found.reserve(std::min<qsizetype>(limit, m_slots.cend() - it));
    for (; it != m_slots.cend() && it->entry.sequence <= upTo && found.size() < limit; ++it) {
        if (it->live && (!skipDefaults || !it->entry.status->status.isDefault()))
            found.append(it->entry);
    }
    return found;
}

} // namespace Colleagues::Server::Internal
