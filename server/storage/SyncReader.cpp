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

// The statements that find what changed for a viewer after a cursor, each with its parameters
// in order (viewer, cursor, limit + 1 as they appear).

//! Profiles: (cursor, limit).
const QString &profilesSql()
{
    static const QString sql =
        QStringLiteral("SELECT %1 FROM profiles WHERE change_seq > ? ORDER BY change_seq LIMIT ?").arg(ProfileColumns);
    return sql;
}

//! Messages: (viewer, cursor, viewer, viewer, cursor, viewer, cursor, limit). Index range scans
//! (sent, received, each conversation's) rather than one OR that indexes serve badly. A
//! conversation's messages come from when the viewer joined (the earlier ones come with the
//! joining) up to when they left.
const QString &messagesSql()
{
    static const QString sql =
        QStringLiteral("SELECT %1 FROM messages WHERE sender = ? AND change_seq > ? AND recipient IS NOT NULL"
                       " UNION ALL SELECT %1 FROM messages WHERE recipient = ? AND sender <> ?"
                       " AND change_seq > ?"
                       " UNION ALL SELECT %2 FROM conversation_members cm JOIN messages m"
                       " ON m.conversation_id = cm.conversation_id WHERE cm.username = ? AND m.seq > ?"
                       " AND m.seq > cm.joined_seq AND (cm.left_seq IS NULL OR m.seq <= cm.left_seq)"
                       " ORDER BY 8 LIMIT ?")
            .arg(MessageColumns, qualified(MessageColumns, u"m"));
    return sql;
}

//! The viewer's conversations: joined after the cursor, changed after it (unless the joining
//! brings that state already), or left after it, each at its own sequence value; \a columns
//! for each of the three. Parameters: (viewer, cursor) three times.
QString conversationsSql(const QString &joined, const QString &changed, const QString &left)
{
    return QStringLiteral("SELECT %1 FROM conversation_members cm WHERE cm.username = ? AND cm.joined_seq > ?"
                          " UNION ALL SELECT %2 FROM conversation_members cm JOIN conversations c"
                          " ON c.id = cm.conversation_id WHERE cm.username = ? AND cm.left_seq IS NULL"
                          " AND c.change_seq > ? AND c.change_seq > cm.joined_seq"
                          " UNION ALL SELECT %3 FROM conversation_members cm"
                          " WHERE cm.username = ? AND cm.left_seq > ?")
        .arg(joined, changed, left);
}

/*!
 * Everything changesSince() reads, in one statement, so in one snapshot without a transaction
 * (one round trip on PostgreSQL instead of seven). Each row starts with its kind; a profile's
 * columns come from column 1, a message's after them, and the one head row has the sequence,
 * the oldest usable cursor and whether any of the viewer's conversations changed (which the
 * transaction reads instead, with what comes along with them). Parameters: the profiles', the
 * messages', the conversations'. The head's numbers are text: PostgreSQL takes the type of a
 * column that the first two parts leave NULL as text.
 */
const QString &oneStatementSql()
{
    static const QString sql = [] {
        const QString profiles =
            QStringLiteral("SELECT 0, %1, %2, NULL, NULL, NULL FROM (%3) p")
                .arg(qualified(ProfileColumns, u"p"), nullColumns(columnCount(MessageColumns)), profilesSql());
        const QString messages =
            QStringLiteral(" UNION ALL SELECT 1, %1, %2, NULL, NULL, NULL FROM (%3) ms")
                .arg(nullColumns(columnCount(ProfileColumns)), qualified(MessageColumns, u"ms"), messagesSql());
        const QString one = QStringLiteral("1");
        const QString head =
            QStringLiteral(" UNION ALL SELECT 2, %1, %2, CAST(counter.value AS TEXT), CAST(state.value AS TEXT),"
                           " CAST((SELECT COUNT(*) FROM (%3 LIMIT 1) conversation) AS TEXT)"
                           " FROM change_counter counter, sync_state state"
                           " WHERE counter.id = 1 AND state.key = 'min_cursor'")
                .arg(nullColumns(columnCount(ProfileColumns)), nullColumns(columnCount(MessageColumns)),
                     conversationsSql(one, one, one));
        return profiles + messages + head;
    }();
    return sql;
}

} // namespace

//! What a sync read found, before it is merged into a page.
struct SyncReader::Rows
{
    qint64 latest = 0; //!< the sequence of the snapshot
    qint64 minCursor = 0; //!< the oldest cursor that can be served
    QList<ProfileRow> profiles;
    QList<MessageRow> messages;
    QList<ConversationRow> conversations;
};

Expected<SyncPage> SyncReader::changesSince(const QString &viewer, qint64 cursor, int limit)
{
    limit = std::clamp(limit, 1, MaxSyncLimit);
    // The profiles', the messages' and the conversations' parameters.
    const QVariantList bound {cursor, limit + 1, viewer, cursor, viewer, viewer, cursor, viewer,
                              cursor, limit + 1, viewer, cursor, viewer, cursor, viewer, cursor};
    Rows rows;
    // Reads the rows of oneStatementSql(); true when a conversation of the viewer changed.
    const auto read = [&rows](Query &q) {
        static const int messageColumn = 1 + columnCount(ProfileColumns);
        static const int headColumn = messageColumn + columnCount(MessageColumns);
        bool conversationsChanged = false;
        while (q.next()) {
            const qint64 kind = q.int64(0);
            if (kind == 0) {
                q.setFirstColumn(1);
                ProfileRow &row = rows.profiles.emplace_back();
                row.profile = profileFromRow(q, &row.removed, &row.seq);
            } else if (kind == 1) {
                q.setFirstColumn(messageColumn);
                MessageRow &row = rows.messages.emplace_back();
                row.message = messageFromRow(q, &row.seq);
            } else {
                q.setFirstColumn(headColumn);
                rows.latest = q.int64(0);
                rows.minCursor = q.int64(1);
                conversationsChanged = q.int64(2) > 0;
            }
            q.setFirstColumn(0);
        }
        q.finish();
        return conversationsChanged;
    };
    bool conversationsChanged = false;
    {
        // Most reads find no change of the viewer's conversations: one statement does.
        const GenericPlans plans(m_database.connection());
        Query q(m_database, oneStatementSql());
        if (!q.exec(bound))
            return q.fail(u"reading the changes");
        conversationsChanged = read(q);
    }
    if (!conversationsChanged) {
        if (std::optional<SyncPage> over = startOverFor(cursor, rows))
            return *over;
        // The statuses from memory, caught up in a later snapshot when behind: a status that
        // changed again since this one was read comes with a later page.
        if (const Expected<qint64> caughtUp = catchUpStatuses(rows.latest); !caughtUp)
            return caughtUp.error();
        return merged(rows, viewer, cursor, limit, nullptr);
    }

    // The same statement and the conversations, in one snapshot: everything up to the sequence
    // read here is committed (writers are serialized on it) and therefore visible in it.
    Transaction tx(m_database, Transaction::Kind::Read);
    if (!tx.begin())
        return tx.fail(u"starting a sync read");
    Connection &c = tx.connection();
    rows = Rows();
    {
        const GenericPlans plans(&c);
        Query q(c, oneStatementSql());
        if (!q.exec(bound))
            return tx.fail(u"reading the changes", q.error());
        read(q);
    }
    if (std::optional<SyncPage> over = startOverFor(cursor, rows)) {
        tx.rollback();
        return *over;
    }
    if (const std::optional<QSqlError> failed = m_statuses.catchUp(c, rows.latest))
        return tx.fail(u"reading changed statuses", *failed);
    {
        // With how many earlier messages a joining brings along; a left conversation as the
        // viewer saw it then.
        static const QString sql =
            conversationsSql(QStringLiteral("cm.conversation_id, cm.joined_seq AS at_seq, cm.left_state,"
                                            " (SELECT COUNT(*) FROM messages m WHERE m.conversation_id"
                                            " = cm.conversation_id AND m.seq < cm.joined_seq)"),
                             QStringLiteral("c.id, c.change_seq, NULL, 0"),
                             QStringLiteral("cm.conversation_id, cm.left_seq, cm.left_state, 0"))
            + QStringLiteral(" ORDER BY 2 LIMIT ?");
        Query q(c, sql);
        if (!q.exec({viewer, cursor, viewer, cursor, viewer, cursor, limit + 1}))
            return tx.fail(u"reading changed conversations", q.error());
        while (q.next())
            rows.conversations.append(ConversationRow {q.int64(1), q.text(0), q.text(2), q.int64(3)});
    }
    Expected<SyncPage> page = merged(rows, viewer, cursor, limit, &tx);
    if (page)
        tx.rollback(); // read only
    return page;
}

std::optional<SyncPage> SyncReader::startOverFor(qint64 cursor, const Rows &rows)
{
    qint64 known = m_minCursor.load();
    while (rows.minCursor > known && !m_minCursor.compare_exchange_weak(known, rows.minCursor)) { }
    if (cursor < 0 || cursor > rows.latest || (cursor > 0 && cursor < rows.minCursor))
        return startOver();
    return std::nullopt;
}

Expected<qint64> SyncReader::catchUpStatuses(qint64 needed)
{
    Connection *c = m_database.connection();
    if (!c)
        return databaseFailure();
    qint64 reached = 0;
    if (const std::optional<QSqlError> failed = m_statuses.catchUp(*c, needed, &reached))
        return m_database.failure(*c, *failed, u"reading changed statuses");
    return reached;
}

Expected<SyncPage> SyncReader::merged(Rows &rows, const QString &viewer, qint64 cursor, int limit, Transaction *tx)
{
    QList<ProfileRow> &profiles = rows.profiles;
    QList<MessageRow> &messages = rows.messages;
    const QList<ConversationRow> &conversations = rows.conversations;
    const qint64 latest = rows.latest;
    SyncPage page;
    // One status per person, so each person comes at most once; from memory, up to this
    // snapshot. A full sync leaves out the statuses that are the default (clients assume it).
    QList<StatusFeed::Entry> statuses = m_statuses.since(cursor, latest, limit + 1, cursor == 0);

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
        Q_ASSERT(tx);
        Query q(tx->connection(), sql);
        if (!q.exec({viewer, cursor, last}))
            return tx->fail(u"reading a conversation's earlier messages", q.error());
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
        Q_ASSERT(tx);
        if (!readConversations(tx->connection(), currentIds, &current, &error))
            return tx->fail(u"reading conversations", error);
    }
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
        const Expected<qint64> caughtUp = catchUpStatuses(upTo);
        if (!caughtUp)
            return caughtUp.error();
        upTo = qMin(upTo, caughtUp.value());
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

Expected<QMap<qint64, SequenceAudience>> SyncReader::audiencesBetween(qint64 after, qint64 upTo)
{
    // Every row changesSince() may read at a sequence value, with whom it concerns (kind 0:
    // everyone, 1: a person's status, 2: a person), under the conditions it reads them with. A
    // conversation's message keeps its seq as change_seq.
    static const QString sql = QStringLiteral(
        "SELECT change_seq, 0, '' FROM profiles WHERE change_seq > ? AND change_seq <= ?"
        " UNION ALL SELECT change_seq, 1, username FROM statuses WHERE change_seq > ? AND change_seq <= ?"
        " UNION ALL SELECT change_seq, 2, sender FROM messages WHERE change_seq > ? AND change_seq <= ?"
        " UNION ALL SELECT change_seq, 2, recipient FROM messages WHERE change_seq > ? AND change_seq <= ?"
        " AND recipient IS NOT NULL"
        " UNION ALL SELECT m.change_seq, 2, cm.username FROM messages m JOIN conversation_members cm"
        " ON cm.conversation_id = m.conversation_id WHERE m.change_seq > ? AND m.change_seq <= ?"
        " AND m.change_seq > cm.joined_seq AND (cm.left_seq IS NULL OR m.change_seq <= cm.left_seq)"
        " UNION ALL SELECT c.change_seq, 2, cm.username FROM conversations c JOIN conversation_members cm"
        " ON cm.conversation_id = c.id WHERE c.change_seq > ? AND c.change_seq <= ?"
        " AND cm.left_seq IS NULL AND c.change_seq > cm.joined_seq"
        " UNION ALL SELECT joined_seq, 2, username FROM conversation_members WHERE joined_seq > ? AND joined_seq <= ?"
        " UNION ALL SELECT left_seq, 2, username FROM conversation_members WHERE left_seq > ? AND left_seq <= ?");
    QVariantList bound;
    for (int i = 0; i < 8; ++i)
        bound << after << upTo;
    Query q(m_database, sql);
    if (!q.exec(bound))
        return q.fail(u"reading whom changes concern");
    QMap<qint64, SequenceAudience> audiences;
    while (q.next()) {
        SequenceAudience &audience = audiences[q.int64(0)];
        const qint64 kind = q.int64(1);
        if (kind == 0)
            audience.everyone = true;
        else if (const QString name = q.text(2); kind == 1)
            audience.usernames.append(statusAudience(name));
        else if (!audience.usernames.contains(name))
            audience.usernames.append(name);
    }
    return audiences;
}

} // namespace Colleagues::Server::Internal
