// SPDX-License-Identifier: MIT
#include "server/storage/SyncReader_p.h"

#include "server/storage/Connection_p.h"
#include "server/storage/Database_p.h"
#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"
#include "server/storage/Transaction_p.h"

#include <algorithm>
#include <limits>

namespace Colleagues::Server::Internal {

namespace {

constexpr int MaxSyncLimit = 10000;

} // namespace

Expected<SyncPage> SyncReader::changesSince(const QString &viewer, qint64 cursor, int limit)
{
    limit = std::clamp(limit, 1, MaxSyncLimit);
    // One snapshot for the sequence and the rows: everything up to the sequence read here
    // is committed (writers are serialized on it) and therefore visible in this snapshot.
    Transaction tx(m_database, Transaction::Kind::Read);
    if (!tx.begin())
        return tx.fail(u"starting a sync read");
    Connection &c = tx.connection();

    Query latestQuery(c, QStringLiteral("SELECT value FROM change_counter WHERE id = 1"));
    const auto latest = latestQuery.scalar();
    if (!latest)
        return tx.fail(u"reading the sequence", latestQuery.error());
    Query minQuery(c, QStringLiteral("SELECT value FROM sync_state WHERE key = 'min_cursor'"));
    const auto minCursor = minQuery.scalar();
    if (!minCursor)
        return tx.fail(u"reading the oldest usable cursor", minQuery.error());

    SyncPage page;
    if (cursor < 0 || cursor > *latest || (cursor > 0 && cursor < *minCursor)) {
        tx.rollback();
        page.startOver = true;
        page.next = 0;
        page.hasMore = true;
        return page;
    }

    struct ProfileRow
    {
        qint64 seq = 0;
        bool removed = false;
        Profile profile;
    };
    struct MessageRow
    {
        qint64 seq = 0;
        Message message;
    };
    QList<ProfileRow> profiles;
    QList<MessageRow> messages;
    {
        Query q(c,
                QStringLiteral("SELECT %1 FROM profiles WHERE change_seq > ? ORDER BY change_seq LIMIT ?")
                    .arg(ProfileColumns));
        if (!q.exec({cursor, limit + 1}))
            return tx.fail(u"reading changed profiles", q.error());
        while (q.next()) {
            ProfileRow &row = profiles.emplace_back();
            row.profile = profileFromRow(q, &row.removed, &row.seq);
        }
    }
    {
        // Two index range scans (sent, received) rather than one OR that indexes serve badly.
        Query q(c,
                QStringLiteral("SELECT %1 FROM messages WHERE sender = ? AND change_seq > ?"
                               " UNION ALL SELECT %1 FROM messages WHERE recipient = ? AND sender <> ?"
                               " AND change_seq > ? ORDER BY change_seq LIMIT ?")
                    .arg(MessageColumns));
        if (!q.exec({viewer, cursor, viewer, viewer, cursor, limit + 1}))
            return tx.fail(u"reading changed messages", q.error());
        while (q.next()) {
            MessageRow &row = messages.emplace_back();
            row.message = messageFromRow(q, &row.seq);
        }
    }
    // One status per person, so each person comes at most once; from memory, up to this
    // snapshot. A full sync leaves out the statuses that are the default (clients assume it).
    if (const std::optional<QSqlError> failed = m_statuses.catchUp(c, *latest))
        return tx.fail(u"reading changed statuses", *failed);
    QList<StatusFeed::Entry> statuses = m_statuses.since(cursor, *latest, limit + 1, cursor == 0);
    tx.rollback(); // read only
    page.statuses.reserve(statuses.size());
    page.statusJson.reserve(statuses.size());

    // Merge the three lists in sequence order, up to the limit.
    qsizetype pi = 0;
    qsizetype mi = 0;
    qsizetype si = 0;
    qint64 last = cursor;
    constexpr qint64 None = std::numeric_limits<qint64>::max();
    for (int taken = 0; taken < limit; ++taken) {
        const qint64 p = pi < profiles.size() ? profiles.at(pi).seq : None;
        const qint64 m = mi < messages.size() ? messages.at(mi).seq : None;
        const qint64 st = si < statuses.size() ? statuses.at(si).sequence : None;
        if (p == None && m == None && st == None)
            break;
        if (p <= m && p <= st) {
            ProfileRow &row = profiles[pi++];
            if (row.removed)
                page.removedIds.append(row.profile.id);
            else
                page.profiles.append(std::move(row.profile));
            last = row.seq;
        } else if (m <= st) {
            MessageRow &row = messages[mi++];
            page.messages.append(std::move(row.message));
            last = row.seq;
        } else {
            StatusFeed::Entry &entry = statuses[si++];
            page.statuses.append(std::move(entry.status));
            page.statusJson.append(std::move(entry.json));
            last = entry.sequence;
        }
    }
    page.hasMore = pi < profiles.size() || mi < messages.size() || si < statuses.size();
    // Nothing more is visible to this viewer up to the sequence read in this snapshot, so an
    // exhausted page may skip past other people's messages up to it.
    page.next = page.hasMore ? last : *latest;
    return page;
}

qint64 SyncReader::latestSequence()
{
    return m_database.scalar(QStringLiteral("SELECT value FROM change_counter WHERE id = 1")).value_or(0);
}

} // namespace Colleagues::Server::Internal
