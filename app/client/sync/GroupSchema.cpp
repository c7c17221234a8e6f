// SPDX-License-Identifier: MIT
// The group conversations of the local store (questions and small groups): reading them,
// storing what sync and the server's answers bring, and the outbox's part — each change is
// written here at once (so the conversation is usable offline, before the server has it) and
// queued for the server in the conversation's ordering group, behind its creation.
#include "client/sync/SyncSchema_p.h"

#include "client/Sqlite_p.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Colleagues::SyncSchema {

using namespace Rows;

namespace {

constexpr char GroupColumns[] = "g.id, g.kind, g.title, g.created_by, g.created_at, g.resolution_message, "
                                "g.resolution_by, g.resolution_at, g.sequence";
constexpr int GroupColumnCount = 9;

// The signed-in username, as the session keeps it in sync_state (for the summaries' unread counts).
constexpr char MeSql[] = "COALESCE((SELECT value FROM sync_state WHERE key = 'account.username'), '')";

GroupChat readGroup(const Sql::Statement &s)
{
    GroupChat g;
    Conversation &c = g.conversation;
    c.id = s.text(0);
    c.kind = conversationKindFromName(s.text(1)).value_or(ConversationKind::Group);
    c.title = s.text(2);
    c.createdBy = s.text(3);
    c.createdAt = fromIso(s.text(4));
    if (!s.isNull(5))
        c.resolution = ConversationResolution {s.int64(5), s.text(6), fromIso(s.text(7))};
    g.pending = s.isNull(8);
    c.sequence = s.int64(8);
    return g;
}

QList<ConversationMember> readMembers(sqlite3 *db, const QString &id)
{
    Sql::Statement s(db,
                     "SELECT username, role, read_up_to, left_at, suggested, added_by FROM group_members "
                     "WHERE conversation = ?1 ORDER BY position");
    s.bind(1, id);
    QList<ConversationMember> members;
    while (s.next()) {
        ConversationMember m;
        m.username = s.text(0);
        m.role = conversationRoleFromName(s.text(1)).value_or(ConversationRole::Member);
        m.readUpTo = s.int64(2);
        m.leftAt = fromIso(s.text(3));
        m.suggested = s.text(4);
        m.addedBy = s.text(5);
        members.append(m);
    }
    return members;
}

QList<GroupChat> readGroups(sqlite3 *db, const QString &id)
{
    const QByteArray sql =
        QByteArray("SELECT ") + GroupColumns + " FROM group_conversations g WHERE ?1 = '' OR g.id = ?1";
    Sql::Statement s(db, sql.constData());
    s.bind(1, id);
    QList<GroupChat> groups;
    while (s.next())
        groups.append(readGroup(s));
    for (GroupChat &g : groups)
        g.conversation.members = readMembers(db, g.id());
    return groups;
}

} // namespace

QList<ChatSummary> groupSummaries(sqlite3 *db)
{
    const QByteArray sql = QByteArray("SELECT ") + GroupColumns + ", g.unread_count, g.last_activity, " + MessageColumns
        + " FROM group_conversations g LEFT JOIN messages m ON m.local_id = g.last_message_id";
    Sql::Statement s(db, sql.constData());
    QList<ChatSummary> out;
    while (s.next()) {
        ChatSummary c;
        c.group = readGroup(s);
        c.peer = c.group->id();
        c.unreadCount = s.integer(GroupColumnCount);
        c.lastActivity = fromIso(s.text(GroupColumnCount + 1));
        if (!s.isNull(GroupColumnCount + 2))
            c.lastMessage = readMessage(s, GroupColumnCount + 2);
        out.append(c);
    }
    for (ChatSummary &c : out)
        c.group->conversation.members = readMembers(db, c.peer);
    return out;
}

std::optional<GroupChat> groupChat(sqlite3 *db, const QString &id)
{
    if (id.isEmpty())
        return std::nullopt;
    QList<GroupChat> groups = readGroups(db, id);
    if (groups.isEmpty())
        return std::nullopt;
    return groups.takeFirst();
}

QList<GroupChat> groupChats(sqlite3 *db)
{
    return readGroups(db, QString());
}

// SyncWriter: storing ------------------------------------------------------------------------

bool SyncWriter::isGroup(const QString &id)
{
    Sql::Statement s(m_db, "SELECT 1 FROM group_conversations WHERE id = ?1");
    s.bind(1, id);
    return s.next();
}

bool SyncWriter::upsertGroup(const Conversation &c, bool pending, bool *isNew)
{
    Sql::Statement existing(m_db, "SELECT sequence FROM group_conversations WHERE id = ?1");
    existing.bind(1, c.id);
    const bool known = existing.next();
    const qint64 storedSequence = known ? existing.int64(0) : 0;
    existing.reset();
    if (isNew)
        *isNew = !known;
    // An answer to our own change may have brought a newer state than a sync page still on its way.
    if (known && !pending && storedSequence > c.sequence)
        return true;

    Sql::Statement upsert(
        m_db,
        "INSERT INTO group_conversations(id, kind, title, created_by, created_at, state, resolution_message, "
        "resolution_by, resolution_at, sequence) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
        "ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, title = excluded.title, created_by = excluded.created_by, "
        "created_at = excluded.created_at, state = excluded.state, resolution_message = excluded.resolution_message, "
        "resolution_by = excluded.resolution_by, resolution_at = excluded.resolution_at, sequence = excluded.sequence");
    upsert.bind(1, c.id);
    upsert.bind(2, conversationKindName(c.kind));
    upsert.bind(3, c.title);
    upsert.bind(4, c.createdBy);
    bindOptional(upsert, 5, iso(c.createdAt));
    upsert.bind(6, c.isResolved() ? QStringLiteral("resolved") : QStringLiteral("open"));
    if (c.resolution) {
        upsert.bind(7, c.resolution->message);
        upsert.bind(8, c.resolution->by);
        bindOptional(upsert, 9, iso(c.resolution->at));
    } else {
        upsert.bindNull(7);
        upsert.bindNull(8);
        upsert.bindNull(9);
    }
    if (pending)
        upsert.bindNull(10);
    else
        upsert.bind(10, c.sequence);
    if (!upsert.exec())
        return failStatement(upsert);

    // Read marks never go back: one made here and not yet sent is kept over an older server value.
    Sql::Statement member(m_db,
                          "INSERT INTO group_members(conversation, position, username, role, read_up_to, left_at, "
                          "suggested, added_by) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                          "ON CONFLICT(conversation, username) DO UPDATE SET position = excluded.position, "
                          "role = excluded.role, read_up_to = max(read_up_to, excluded.read_up_to), "
                          "left_at = excluded.left_at, suggested = excluded.suggested, added_by = excluded.added_by");
    QJsonArray names;
    for (qsizetype i = 0; i < c.members.size(); ++i) {
        const ConversationMember &m = c.members.at(i);
        member.bind(1, c.id);
        member.bind(2, qint64(i));
        member.bind(3, m.username);
        member.bind(4, conversationRoleName(m.role));
        member.bind(5, m.readUpTo);
        bindOptional(member, 6, iso(m.leftAt));
        bindOptional(member, 7, m.suggested);
        bindOptional(member, 8, m.addedBy);
        if (!member.exec())
            return failStatement(member);
        names.append(m.username);
    }
    Sql::Statement others(m_db,
                          "DELETE FROM group_members WHERE conversation = ?1 "
                          "AND username NOT IN (SELECT value FROM json_each(?2))");
    others.bind(1, c.id);
    others.bind(2, QString::fromUtf8(QJsonDocument(names).toJson(QJsonDocument::Compact)));
    if (!others.exec())
        return failStatement(others);
    return pending || reapplyPending(c.id);
}

bool SyncWriter::refreshGroup(const QString &id)
{
    static const QByteArray sql =
        QByteArray(
            "UPDATE group_conversations SET "
            "last_message_id = (SELECT m.local_id FROM messages m WHERE m.conversation = ?1 "
            "  ORDER BY m.sequence IS NULL DESC, m.sequence DESC, m.local_id DESC LIMIT 1), "
            "last_activity = COALESCE((SELECT COALESCE(m.sent_at, ?2) FROM messages m WHERE m.conversation = ?1 "
            "  ORDER BY m.sequence IS NULL DESC, m.sequence DESC, m.local_id DESC LIMIT 1), created_at, ?2), "
            "unread_count = (SELECT count(*) FROM messages u WHERE u.conversation = ?1 AND u.server_id IS NOT NULL "
            "  AND u.sender <> ")
        + MeSql
        + " AND u.server_id > COALESCE((SELECT read_up_to FROM group_members "
          "  WHERE conversation = ?1 AND username = "
        + MeSql
        + "), 0)) "
          "WHERE id = ?1";
    Sql::Statement s(m_db, sql.constData());
    s.bind(1, id);
    s.bind(2, iso(QDateTime::currentDateTimeUtc()));
    return s.exec() || failStatement(s);
}

// The local effects of a leave and a resolve: written when they are queued, and again over a
// server state that does not have them yet (reapplyPending()), until the server answered.

bool SyncWriter::applyLeave(const QString &id, const QString &me, const QString &suggest, const QDateTime &at)
{
    Sql::Statement leave(m_db,
                         "UPDATE group_members SET left_at = COALESCE(left_at, ?3), suggested = ?4 "
                         "WHERE conversation = ?1 AND username = ?2");
    leave.bind(1, id);
    leave.bind(2, me);
    leave.bind(3, iso(at));
    bindOptional(leave, 4, suggest);
    if (!leave.exec())
        return failStatement(leave);
    if (suggest.isEmpty())
        return true;
    Sql::Statement add(m_db,
                       "INSERT OR IGNORE INTO group_members(conversation, position, username, role, added_by) "
                       "VALUES(?1, (SELECT COALESCE(max(position), 0) + 1 FROM group_members WHERE conversation = ?1), "
                       "?2, 'member', ?3)");
    add.bind(1, id);
    add.bind(2, suggest);
    add.bind(3, me);
    return add.exec() || failStatement(add);
}

bool SyncWriter::applyResolve(const QString &id, const QString &me, qint64 messageId, const QDateTime &at)
{
    Sql::Statement s(m_db,
                     "UPDATE group_conversations SET state = 'resolved', resolution_message = ?2, resolution_by = ?3, "
                     "resolution_at = ?4 WHERE id = ?1");
    s.bind(1, id);
    s.bind(2, messageId);
    s.bind(3, me);
    s.bind(4, iso(at));
    return s.exec() || failStatement(s);
}

bool SyncWriter::reapplyPending(const QString &id)
{
    Sql::Statement s(m_db,
                     "SELECT kind, payload, created_at FROM outbox WHERE conversation = ?1 "
                     "AND kind IN ('leave', 'resolve') AND state IN ('pending', 'sending') ORDER BY local_id");
    s.bind(1, id);
    struct Pending
    {
        OutboxItem::Kind kind;
        QJsonObject payload;
        QDateTime at;
    };
    QList<Pending> pending;
    while (s.next())
        pending.append(
            {outboxKindFromName(s.text(0)), QJsonDocument::fromJson(s.text(1).toUtf8()).object(), fromIso(s.text(2))});
    s.reset();
    if (pending.isEmpty())
        return true;
    const QString me = syncValue(m_db, Keys::Username);
    for (const Pending &p : std::as_const(pending)) {
        const bool ok = p.kind == OutboxItem::Kind::Leave
            ? applyLeave(id, me, p.payload.value(QStringLiteral("suggest")).toString(), p.at)
            : applyResolve(id, me, p.payload.value(QStringLiteral("message")).toInteger(), p.at);
        if (!ok)
            return false;
    }
    return true;
}

// SyncWriter: the outbox's part ----------------------------------------------------------------

std::optional<OutboxItem> SyncWriter::insertGroupItem(OutboxItem::Kind kind, const QString &key, const QString &id,
                                                      const QJsonObject &payload)
{
    return insertOutbox(kind, key, id, payload, {});
}

std::optional<OutboxItem> SyncWriter::enqueueConversation(const Conversation &conversation, GroupChat *group)
{
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive(&m_error))
        return std::nullopt;
    ConversationRequest request;
    request.id = conversation.id;
    request.kind = conversation.kind;
    request.title = conversation.title;
    for (const ConversationMember &m : conversation.members) {
        if (m.username != conversation.createdBy)
            request.members.append(m.username);
    }
    std::optional<OutboxItem> item;
    if (!upsertGroup(conversation, true)
        || !(item = insertGroupItem(OutboxItem::Kind::Conversation, conversation.id, conversation.id, toJson(request)))
        || !refreshGroup(conversation.id) || !transaction.commit(&m_error))
        return std::nullopt;
    if (std::optional<GroupChat> stored = groupChat(m_db, conversation.id))
        *group = std::move(*stored);
    return item;
}

std::optional<OutboxItem> SyncWriter::enqueueLeave(const QString &id, const QString &me, const QString &suggest,
                                                   const QString &key, GroupChat *group)
{
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive(&m_error))
        return std::nullopt;
    QJsonObject payload;
    if (!suggest.isEmpty())
        payload.insert(QStringLiteral("suggest"), suggest);
    std::optional<OutboxItem> item;
    if (!applyLeave(id, me, suggest, QDateTime::currentDateTimeUtc())
        || !(item = insertGroupItem(OutboxItem::Kind::Leave, key, id, payload)) || !refreshGroup(id)
        || !transaction.commit(&m_error))
        return std::nullopt;
    if (std::optional<GroupChat> stored = groupChat(m_db, id))
        *group = std::move(*stored);
    return item;
}

std::optional<OutboxItem> SyncWriter::enqueueResolve(const QString &id, const QString &me, qint64 messageId,
                                                     const QString &key, GroupChat *group)
{
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive(&m_error))
        return std::nullopt;
    std::optional<OutboxItem> item;
    if (!applyResolve(id, me, messageId, QDateTime::currentDateTimeUtc())
        || !(item = insertGroupItem(OutboxItem::Kind::Resolve, key, id,
                                    QJsonObject {{QStringLiteral("message"), messageId}}))
        || !transaction.commit(&m_error))
        return std::nullopt;
    if (std::optional<GroupChat> stored = groupChat(m_db, id))
        *group = std::move(*stored);
    return item;
}

std::optional<OutboxItem> SyncWriter::enqueueRead(const QString &id, const QString &me, qint64 upToId,
                                                  const QString &key)
{
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive(&m_error))
        return std::nullopt;
    Sql::Statement mark(m_db,
                        "UPDATE group_members SET read_up_to = max(read_up_to, ?3) "
                        "WHERE conversation = ?1 AND username = ?2");
    mark.bind(1, id);
    mark.bind(2, me);
    mark.bind(3, upToId);
    if (!mark.exec() || !refreshGroup(id)) {
        failStatement(mark);
        return std::nullopt;
    }
    // A read mark not on its way yet moves up instead of queueing another one.
    Sql::Statement queued(m_db,
                          "UPDATE outbox SET payload = json_set(payload, '$.up_to', "
                          "max(json_extract(payload, '$.up_to'), ?2)) "
                          "WHERE kind = 'read' AND state = 'pending' AND conversation = ?1 RETURNING local_id");
    queued.bind(1, id);
    queued.bind(2, upToId);
    const qint64 existing = queued.next() ? queued.int64(0) : 0;
    queued.reset();
    if (!queued.ok()) {
        failStatement(queued);
        return std::nullopt;
    }
    std::optional<OutboxItem> item = existing
        ? outboxItem(m_db, existing)
        : insertGroupItem(OutboxItem::Kind::Read, key, id, QJsonObject {{QStringLiteral("up_to"), upToId}});
    if (!item || !transaction.commit(&m_error))
        return std::nullopt;
    return item;
}

bool SyncWriter::markConversationSent(qint64 id, const Conversation &conversation, GroupChat *group)
{
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive(&m_error))
        return false;
    if (!markItemSent(id))
        return false;
    if (!conversation.id.isEmpty()) {
        if (!upsertGroup(conversation, false) || !refreshGroup(conversation.id))
            return false;
        if (std::optional<GroupChat> stored = groupChat(m_db, conversation.id); stored && group)
            *group = std::move(*stored);
    }
    return transaction.commit(&m_error);
}

} // namespace Colleagues::SyncSchema
