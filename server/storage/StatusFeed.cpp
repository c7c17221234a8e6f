// SPDX-License-Identifier: MIT
#include "server/storage/StatusFeed_p.h"

#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"
#include "server/storage/StatusTable_p.h"

#include <QJsonDocument>
#include <QReadLocker>
#include <QWriteLocker>

#include <algorithm>
#include <array>

namespace Colleagues::Server::Internal {

namespace {

/*!
 * What the feed lacks, in one statement (one snapshot, one round trip): the statuses changed
 * after a sequence, in order (kind 0); with \a removals, the tombstones of the people removed
 * since (kind 1: username, sequence); and the latest sequence (kind 2). The sequences of all
 * three are in the last column.
 */
const QString &catchUpSql(bool removals)
{
    static const std::array<QString, 2> sql = [] {
        const int columns = columnCount(StatusColumns);
        const QString nulls = nullColumns(columns - 2);
        const QString statuses = QStringLiteral("SELECT 0, %1 FROM statuses WHERE change_seq > ?").arg(StatusColumns);
        const QString tombstones = QStringLiteral(" UNION ALL SELECT 1, username, %1, change_seq FROM profiles"
                                                  " WHERE change_seq > ? AND deleted = TRUE")
                                       .arg(nulls);
        const QString latest =
            QStringLiteral(" UNION ALL SELECT 2, NULL, %1, value FROM change_counter WHERE id = 1").arg(nulls);
        const QString order = QStringLiteral(" ORDER BY 1, %1").arg(columns + 1);
        return std::array<QString, 2> {statuses + latest + order, statuses + tombstones + latest + order};
    }();
    return sql[removals ? 1 : 0];
}

} // namespace

std::optional<QSqlError> StatusFeed::catchUp(Connection &connection, qint64 needed, qint64 *reached)
{
    const auto done = [this, reached]() -> std::optional<QSqlError> {
        if (reached) {
            const QReadLocker locker(&m_lock);
            *reached = m_complete;
        }
        return std::nullopt;
    };
    if (hasUpTo(needed))
        return done(); // also when a newer snapshot caught up further
    const QMutexLocker catchingUp(&m_catchingUp);
    if (hasUpTo(needed))
        return done();
    qint64 from = 0;
    {
        const QReadLocker locker(&m_lock);
        from = m_complete;
    }
    // In this snapshot: every change up to latest, nothing after it. A removal deletes the
    // person's status and leaves the profile's tombstone (nothing to drop on the first read).
    QList<Entry> entries;
    QList<std::pair<QString, qint64>> removed;
    qint64 latest = 0;
    {
        Query q(connection, catchUpSql(from > 0));
        if (!q.exec(from > 0 ? QVariantList {from, from} : QVariantList {from}))
            return q.error();
        while (q.next()) {
            const qint64 kind = q.int64(0);
            q.setFirstColumn(1);
            if (kind == 0) {
                StatusRow row = statusFromRow(q);
                QByteArray json = QJsonDocument(toJson(row.status)).toJson(QJsonDocument::Compact);
                entries.append(
                    Entry {std::make_shared<const SyncStatus>(SyncStatus {std::move(row.status), std::move(json)}),
                           row.changeSeq});
            } else {
                const qint64 sequence = q.int64(columnCount(StatusColumns) - 1);
                if (kind == 1)
                    removed.append({q.text(0), sequence});
                else
                    latest = sequence;
            }
            q.setFirstColumn(0);
        }
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
    if (reached)
        *reached = m_complete;
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
