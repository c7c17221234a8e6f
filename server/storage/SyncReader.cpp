// SPDX-License-Identifier: MIT
#include "server/storage/SyncReader_p.h"

#include "server/storage/Connection_p.h"
#include "server/storage/ConversationTable_p.h"
#include "server/storage/Database_p.h"
#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"
#include "server/storage/Transaction_p.h"

#include <algorithm>
#include <limits>

namespace Colleagues::Server::Internal {

namespace {

SyncPage startOver()
{
    SyncPage page;
    page.startOver = true;
    page.next = 0;
    page.hasMore = true;
    return page;
}

constexpr int MaxSyncLimit = 10000;

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

//! A conversation of the viewer at one of its sequence values.
struct ConversationRow
{
    qint64 seq = 0;
    QString id;
    QString leftState; //!< the viewer left it: what they saw then
    qint64 earlierMessages = 0; //!< the viewer joined at seq: messages sent before, which come along
};

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

    // The sequence and the oldest cursor that can still be served, in one round trip.
    qint64 latest = 0;
    qint64 minCursor = 0;
    {
        Query q(c,
                QStringLiteral("SELECT c.value, s.value FROM change_counter c, sync_state s"
                               " WHERE c.id = 1 AND s.key = 'min_cursor'"));
        if (!q.exec())
            return tx.fail(u"reading the sequence", q.error());
        if (q.next()) {
            latest = q.int64(0);
            minCursor = q.int64(1);
        }
    }

    qint64 known = m_minCursor.load();
    while (minCursor > known && !m_minCursor.compare_exchange_weak(known, minCursor)) { }
    if (cursor < 0 || cursor > latest || (cursor > 0 && cursor < minCursor)) {
        tx.rollback();
        return startOver();
    }
    SyncPage page;

    QList<ProfileRow> profiles;
    QList<MessageRow> messages;
    QList<ConversationRow> conversations;
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
        // Index range scans (sent, received, each conversation's) rather than one OR that
        // indexes serve badly. A conversation's messages come from when the viewer joined (the
        // earlier ones come with the joining, below) up to when they left.
        static const QString sql =
            QStringLiteral("SELECT %1 FROM messages WHERE sender = ? AND change_seq > ? AND recipient IS NOT NULL"
                           " UNION ALL SELECT %1 FROM messages WHERE recipient = ? AND sender <> ?"
                           " AND change_seq > ?"
                           " UNION ALL SELECT %2 FROM conversation_members cm JOIN messages m"
                           " ON m.conversation_id = cm.conversation_id WHERE cm.username = ? AND m.seq > ?"
                           " AND m.seq > cm.joined_seq AND (cm.left_seq IS NULL OR m.seq <= cm.left_seq)"
                           " ORDER BY 8 LIMIT ?")
                .arg(MessageColumns, qualified(MessageColumns, u"m"));
        Query q(c, sql);
        if (!q.exec({viewer, cursor, viewer, viewer, cursor, viewer, cursor, limit + 1}))
            return tx.fail(u"reading changed messages", q.error());
        while (q.next()) {
            MessageRow &row = messages.emplace_back();
            row.message = messageFromRow(q, &row.seq);
        }
    }
    // One status per person, so each person comes at most once; from memory, up to this
    // snapshot. A full sync leaves out the statuses that are the default (clients assume it).
    if (const std::optional<QSqlError> failed = m_statuses.catchUp(c, latest))
        return tx.fail(u"reading changed statuses", *failed);
    QList<StatusFeed::Entry> statuses = m_statuses.since(cursor, latest, limit + 1, cursor == 0);
    {
        // The viewer's conversations: joined after the cursor (with how many earlier messages
        // come along), changed after it (unless the joining brings that state already), or left
        // after it (as they were then). Each at its own sequence value.
        static const QString sql = QStringLiteral(
            "SELECT cm.conversation_id, cm.joined_seq AS at_seq, cm.left_state, (SELECT COUNT(*) FROM messages m"
            " WHERE m.conversation_id = cm.conversation_id AND m.seq < cm.joined_seq)"
            " FROM conversation_members cm WHERE cm.username = ? AND cm.joined_seq > ?"
            " UNION ALL SELECT c.id, c.change_seq, NULL, 0 FROM conversation_members cm JOIN conversations c"
            " ON c.id = cm.conversation_id WHERE cm.username = ? AND cm.left_seq IS NULL AND c.change_seq > ?"
            " AND c.change_seq > cm.joined_seq"
            " UNION ALL SELECT cm.conversation_id, cm.left_seq, cm.left_state, 0 FROM conversation_members cm"
            " WHERE cm.username = ? AND cm.left_seq > ? ORDER BY 2 LIMIT ?");
        Query q(c, sql);
        if (!q.exec({viewer, cursor, viewer, cursor, viewer, cursor, limit + 1}))
            return tx.fail(u"reading changed conversations", q.error());
        while (q.next())
            conversations.append(ConversationRow {q.int64(1), q.text(0), q.text(2), q.int64(3)});
    }

    // Merge the lists in sequence order, up to the limit. Each list holds the first limit + 1
    // of its kind, so no change is taken past one that was not read. A joining counts with the
    // earlier messages that come with it, and is never split from them.
    enum class Kind { Profile, Message, Status, Conversation };
    struct Entry
    {
        qint64 key = 0;
        Kind kind = Kind::Profile;
        qsizetype index = 0;
    };
    QList<Entry> entries;
    entries.reserve(profiles.size() + messages.size() + statuses.size() + conversations.size());
    for (qsizetype i = 0; i < profiles.size(); ++i)
        entries.append(Entry {profiles.at(i).seq, Kind::Profile, i});
    for (qsizetype i = 0; i < messages.size(); ++i)
        entries.append(Entry {messages.at(i).seq, Kind::Message, i});
    for (qsizetype i = 0; i < statuses.size(); ++i)
        entries.append(Entry {statuses.at(i).sequence, Kind::Status, i});
    for (qsizetype i = 0; i < conversations.size(); ++i)
        entries.append(Entry {conversations.at(i).seq, Kind::Conversation, i});
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.key < b.key; });

    qsizetype taken = 0;
    qsizetype end = 0;
    qint64 last = cursor;
    while (end < entries.size()) {
        // Changes that share a sequence value are taken together.
        qsizetype groupEnd = end;
        qsizetype weight = 0;
        while (groupEnd < entries.size() && entries.at(groupEnd).key == entries.at(end).key) {
            const Entry &e = entries.at(groupEnd++);
            weight += 1 + (e.kind == Kind::Conversation ? conversations.at(e.index).earlierMessages : 0);
        }
        if (taken > 0 && taken + weight > limit)
            break;
        taken += weight;
        last = entries.at(end).key;
        end = groupEnd;
        if (taken >= limit)
            break;
    }
    page.hasMore = end < entries.size();

    // The earlier messages of the conversations joined on this page, in one statement.
    QHash<QString, QList<Message>> earlier;
    const bool anyEarlier = std::any_of(entries.cbegin(), entries.cbegin() + end, [&](const Entry &e) {
        return e.kind == Kind::Conversation && conversations.at(e.index).earlierMessages > 0;
    });
    if (anyEarlier) {
        static const QString sql =
            QStringLiteral("SELECT %1 FROM conversation_members cm JOIN messages m"
                           " ON m.conversation_id = cm.conversation_id AND m.seq < cm.joined_seq"
                           " WHERE cm.username = ? AND cm.joined_seq > ? AND cm.joined_seq <= ? ORDER BY m.seq")
                .arg(qualified(MessageColumns, u"m"));
        Query q(c, sql);
        if (!q.exec({viewer, cursor, last}))
            return tx.fail(u"reading a conversation's earlier messages", q.error());
        while (q.next()) {
            Message message = messageFromRow(q);
            earlier[message.conversation].append(std::move(message));
        }
    }
    // The conversations of the page: those the viewer is in as they are now (all in one read),
    // the others as the viewer last saw them.
    QStringList conversationIds;
    QHash<QString, QString> leftStates;
    for (qsizetype i = 0; i < end; ++i) {
        const Entry &e = entries.at(i);
        if (e.kind != Kind::Conversation)
            continue;
        const ConversationRow &row = conversations.at(e.index);
        if (conversationIds.contains(row.id))
            continue;
        conversationIds.append(row.id);
        if (!row.leftState.isEmpty())
            leftStates.insert(row.id, row.leftState);
    }
    QHash<QString, Conversation> current;
    QStringList currentIds;
    for (const QString &id : std::as_const(conversationIds)) {
        if (!leftStates.contains(id))
            currentIds.append(id);
    }
    if (!currentIds.isEmpty()) {
        QSqlError error;
        if (!readConversations(c, currentIds, &current, &error))
            return tx.fail(u"reading conversations", error);
    }
    tx.rollback(); // read only
    page.statuses.reserve(statuses.size());

    for (const QString &id : std::as_const(conversationIds)) {
        std::optional<Conversation> conversation =
            leftStates.contains(id) ? conversationAsLeft(leftStates.value(id)) : std::optional(current.value(id));
        if (conversation && !conversation->id.isEmpty())
            page.conversations.append(std::move(*conversation));
    }
    for (qsizetype i = 0; i < end; ++i) {
        const Entry &e = entries.at(i);
        switch (e.kind) {
        case Kind::Profile: {
            ProfileRow &row = profiles[e.index];
            if (row.removed)
                page.removedIds.append(row.profile.id);
            else
                page.profiles.append(std::move(row.profile));
            break;
        }
        case Kind::Message: page.messages.append(std::move(messages[e.index].message)); break;
        case Kind::Status: page.statuses.append(std::move(statuses[e.index].status)); break;
        case Kind::Conversation: page.messages.append(earlier.take(conversations.at(e.index).id)); break;
        }
    }
    // Nothing more is visible to this viewer up to the sequence read in this snapshot, so an
    // exhausted page may skip past other people's messages up to it.
    page.next = page.hasMore ? last : latest;
    return page;
}

Expected<SyncPage> SyncReader::statusesSince(qint64 cursor, qint64 upTo, int limit)
{
    limit = std::clamp(limit, 1, MaxSyncLimit);
    if (cursor < 0 || (cursor > 0 && cursor < m_minCursor.load()))
        return startOver();
    if (!m_statuses.hasUpTo(upTo)) {
        Transaction tx(m_database, Transaction::Kind::Read);
        if (!tx.begin())
            return tx.fail(u"starting a status read");
        Query latestQuery(tx.connection(), QStringLiteral("SELECT value FROM change_counter WHERE id = 1"));
        const auto latest = latestQuery.scalar();
        if (!latest)
            return tx.fail(u"reading the sequence", latestQuery.error());
        if (const std::optional<QSqlError> failed = m_statuses.catchUp(tx.connection(), *latest))
            return tx.fail(u"reading changed statuses", *failed);
        tx.rollback();
        upTo = qMin(upTo, *latest);
    }
    SyncPage page;
    page.next = qMax(cursor, upTo);
    QList<StatusFeed::Entry> statuses = m_statuses.since(cursor, upTo, limit + 1, cursor == 0);
    qsizetype end = statuses.size();
    if (end > limit) {
        // Changes that share a sequence value come together, as in changesSince().
        end = limit;
        while (end > 1 && statuses.at(end).sequence == statuses.at(end - 1).sequence)
            --end;
        page.hasMore = true;
        page.next = statuses.at(end - 1).sequence;
    }
    page.statuses.reserve(end);
    for (qsizetype i = 0; i < end; ++i)
        page.statuses.append(std::move(statuses[i].status));
    return page;
}

qint64 SyncReader::latestSequence()
{
    return m_database.scalar(QStringLiteral("SELECT value FROM change_counter WHERE id = 1")).value_or(0);
}

} // namespace Colleagues::Server::Internal
