// SPDX-License-Identifier: MIT
#include "server/storage/StatusFeed_p.h"

#include "server/storage/Query_p.h"
#include "server/storage/StatusTable_p.h"

#include <QJsonDocument>
#include <QReadLocker>
#include <QWriteLocker>

namespace Colleagues::Server::Internal {

std::optional<QSqlError> StatusFeed::catchUp(Connection &connection, qint64 latest)
{
    const auto upToDate = [this, latest] {
        const QReadLocker locker(&m_lock);
        return latest <= m_complete;
    };
    if (upToDate())
        return std::nullopt; // also when a newer snapshot caught up further
    const QMutexLocker catchingUp(&m_catchingUp);
    if (upToDate())
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
            Entry &entry = entries.emplaceBack();
            entry.json = QJsonDocument(toJson(row.status)).toJson(QJsonDocument::Compact);
            entry.status = std::move(row.status);
            entry.sequence = row.changeSeq;
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
    // Drops the entry of username when it is older than the change at sequence.
    const auto drop = [this](const QString &username, qint64 sequence) {
        const auto it = m_sequenceOf.find(username);
        if (it == m_sequenceOf.end())
            return true;
        if (*it >= sequence)
            return false;
        m_bySequence.erase(*it);
        m_sequenceOf.erase(it);
        return true;
    };
    for (Entry &entry : entries) {
        if (!drop(entry.status.username, entry.sequence))
            continue;
        m_sequenceOf.insert(entry.status.username, entry.sequence);
        const qint64 sequence = entry.sequence;
        m_bySequence.insert_or_assign(sequence, std::move(entry));
    }
    for (const auto &[username, tombstone] : std::as_const(removed))
        drop(username, tombstone);
    m_complete = qMax(m_complete, latest);
    return std::nullopt;
}

QList<StatusFeed::Entry> StatusFeed::since(qint64 after, qint64 upTo, qsizetype limit, bool skipDefaults) const
{
    QList<Entry> found;
    const QReadLocker locker(&m_lock);
    for (auto it = m_bySequence.upper_bound(after);
         it != m_bySequence.end() && it->first <= upTo && found.size() < limit; ++it) {
        if (!skipDefaults || !it->second.status.isDefault())
            found.append(it->second);
    }
    return found;
}

} // namespace Colleagues::Server::Internal
