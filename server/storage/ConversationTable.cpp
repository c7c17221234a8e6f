// SPDX-License-Identifier: MIT
#include "server/storage/ConversationTable_p.h"

#include "core/Json.h"
#include "core/Validation.h"
#include "server/storage/Connection_p.h"
#include "server/storage/Database_p.h"
#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"
#include "server/storage/Transaction_p.h"

#include <QJsonDocument>

#include <algorithm>

namespace Colleagues::Server::Internal {

namespace {

const QString ConversationColumns = QStringLiteral(
    "id, kind, title, created_by, created_at, resolved_message, resolved_by, resolved_at, change_seq, created_seq");
const QString MemberColumns =
    QStringLiteral("conversation_id, username, role, read_up_to, left_at, suggested, added_by, joined_seq");

//! One person's row in one conversation.
struct Membership
{
    bool found = false;
    ConversationRole role = ConversationRole::Member;
    qint64 joinedSeq = 0;
    qint64 leftSeq = 0; //!< 0: still in
    QString leftState;

    bool isCurrent() const { return found && leftSeq == 0; }
};

std::optional<Membership> membership(Connection &c, const QString &id, const QString &username, QSqlError *error)
{
    Query q(c,
            QStringLiteral("SELECT role, joined_seq, left_seq, left_state FROM conversation_members"
                           " WHERE conversation_id = ? AND username = ?"));
    if (!q.exec({id, username})) {
        *error = q.error();
        return std::nullopt;
    }
    Membership m;
    if (q.next()) {
        m.found = true;
        m.role = conversationRoleFromName(q.text(0)).value_or(ConversationRole::Member);
        m.joinedSeq = q.int64(1);
        m.leftSeq = q.value(2).isNull() ? 0 : q.int64(2);
        m.leftState = q.text(3);
    }
    return m;
}

//! The active accounts among \a usernames.
std::optional<QSet<QString>> activeAccounts(Connection &c, const QStringList &usernames, QSqlError *error)
{
    QSet<QString> active;
    for (qsizetype i = 0; i < usernames.size(); i += InListMax) {
        const QStringList part = usernames.mid(i, InListMax);
        Query q(c,
                QStringLiteral("SELECT username FROM accounts WHERE disabled = FALSE AND username IN (%1)")
                    .arg(placeholders(part.size())));
        if (!q.exec(variants(part))) {
            *error = q.error();
            return std::nullopt;
        }
        while (q.next())
            active.insert(q.text(0));
    }
    return active;
}

QString stateJson(const Conversation &conversation)
{
    return QString::fromUtf8(QJsonDocument(toJson(conversation)).toJson(QJsonDocument::Compact));
}

ConversationOutcome outcome(ConversationOutcome::Status status, Conversation conversation = {},
                            QStringList audience = {})
{
    return ConversationOutcome {status, std::move(conversation), std::move(audience)};
}

//! A field-naming refusal of a change.
Error refusal(Error::Code code, const QString &field, const QString &message)
{
    return Error {code, field, message};
}

//! What to answer at once unless \a username is a current member of conversation \a id (read in
//! \a tx, begun): the failure, or NotFound (rolled back). Nothing when they are; their row in \a mine.
std::optional<Expected<ConversationOutcome>> unlessCurrentMember(Transaction &tx, const QString &id,
                                                                 const QString &username, Membership *mine = nullptr)
{
    QSqlError error;
    const std::optional<Membership> read = membership(tx.connection(), id, username, &error);
    if (!read)
        return tx.fail(u"reading a membership", error);
    if (!read->isCurrent()) {
        tx.rollback();
        return outcome(ConversationOutcome::Status::NotFound);
    }
    if (mine)
        *mine = *read;
    return std::nullopt;
}

} // namespace

bool readConversations(Connection &c, const QStringList &ids, QHash<QString, Conversation> *into, QSqlError *error)
{
    struct Row
    {
        ConversationMember member;
        qint64 joinedSeq = 0;
    };
    for (qsizetype i = 0; i < ids.size(); i += InListMax) {
        const QStringList part = ids.mid(i, InListMax);
        const QString in = placeholders(part.size());
        {
            Query q(c, QStringLiteral("SELECT %1 FROM conversations WHERE id IN (%2)").arg(ConversationColumns, in));
            if (!q.exec(variants(part))) {
                *error = q.error();
                return false;
            }
            while (q.next()) {
                Conversation conversation;
                conversation.id = q.text(0);
                conversation.kind = conversationKindFromName(q.text(1)).value_or(ConversationKind::Group);
                conversation.title = q.text(2);
                conversation.createdBy = q.text(3);
                conversation.createdAt = fromMs(q.value(4));
                if (!q.value(5).isNull())
                    conversation.resolution = ConversationResolution {q.int64(5), q.text(6), fromMs(q.value(7))};
                conversation.sequence = q.int64(8);
                into->insert(conversation.id, std::move(conversation));
            }
        }
        QHash<QString, QList<Row>> rows;
        {
            Query q(c,
                    QStringLiteral("SELECT %1 FROM conversation_members WHERE conversation_id IN (%2)")
                        .arg(MemberColumns, in));
            if (!q.exec(variants(part))) {
                *error = q.error();
                return false;
            }
            while (q.next()) {
                Row row;
                row.member.username = q.text(1);
                row.member.role = conversationRoleFromName(q.text(2)).value_or(ConversationRole::Member);
                row.member.readUpTo = q.int64(3);
                row.member.leftAt = fromMs(q.value(4));
                row.member.suggested = q.text(5);
                row.member.addedBy = q.text(6);
                row.joinedSeq = q.int64(7);
                rows[q.text(0)].append(std::move(row));
            }
        }
        for (auto it = rows.begin(); it != rows.end(); ++it) {
            const auto found = into->find(it.key());
            if (found == into->end())
                continue;
            // In the order they came in; of the first ones, the creator first, then by name.
            const QString &creator = found->createdBy;
            std::sort(it->begin(), it->end(), [&creator](const Row &a, const Row &b) {
                return std::tuple(a.joinedSeq, a.member.username != creator, a.member.username)
                    < std::tuple(b.joinedSeq, b.member.username != creator, b.member.username);
            });
            for (Row &row : *it)
                found->members.append(std::move(row.member));
        }
    }
    return true;
}

std::optional<Conversation> conversationAsLeft(const QString &leftState)
{
    const Expected<QJsonObject> object = parseJsonObject(leftState.toUtf8());
    if (!object)
        return std::nullopt;
    Expected<Conversation> conversation = conversationFromJson(object.value());
    if (!conversation)
        return std::nullopt;
    return std::move(conversation).value();
}

bool currentMembers(Connection &c, const QString &id, QStringList *into, QSqlError *error)
{
    Query q(c,
            QStringLiteral("SELECT username FROM conversation_members WHERE conversation_id = ? AND left_seq IS NULL"));
    if (!q.exec({id})) {
        *error = q.error();
        return false;
    }
    while (q.next())
        into->append(q.text(0));
    return true;
}

namespace {

//! The conversation \a id as it is now, in \a tx; a database failure ends \a tx.
Expected<Conversation> readNow(Transaction &tx, const QString &id)
{
    QHash<QString, Conversation> found;
    QSqlError error;
    if (!readConversations(tx.connection(), {id}, &found, &error))
        return tx.fail(u"reading a conversation", error);
    return found.value(id);
}

//! The conversation \a id as \a viewer, who is or was in it, sees it.
Expected<Conversation> asSeenBy(Transaction &tx, const QString &id, const Membership &viewer)
{
    if (viewer.isCurrent())
        return readNow(tx, id);
    if (std::optional<Conversation> left = conversationAsLeft(viewer.leftState))
        return *left;
    return tx.fail(u"reading what a member saw when leaving");
}

//! Reads conversation \a id as it is after a change, and commits \a tx telling the other
//! instances whom it concerns: the members now in it, and \a others.
Expected<ConversationOutcome> commitChange(Transaction &tx, const QString &id, const QStringList &others,
                                           QStringView what)
{
    Expected<Conversation> now = readNow(tx, id);
    if (!now)
        return now.error();
    QStringList audience = now->currentMembers();
    for (const QString &name : others) {
        if (!audience.contains(name))
            audience.append(name);
    }
    const ChangeAudience told(audience);
    if (!tx.commit())
        return tx.fail(what);
    return outcome(ConversationOutcome::Status::Changed, std::move(now).value(), std::move(audience));
}

} // namespace

Expected<ConversationOutcome> ConversationTable::create(const QString &creator, const ConversationRequest &request)
{
    Transaction tx(m_database, Transaction::Kind::Sequenced);
    if (!tx.begin())
        return tx.fail(u"starting a conversation");
    Connection &c = tx.connection();
    QSqlError error;

    // A retry (the answer was lost) finds what the first attempt stored.
    Expected<Conversation> existing = readNow(tx, request.id);
    if (!existing)
        return existing.error();
    if (!existing->id.isEmpty()) {
        QStringList first;
        const ConversationMember *mine = existing->member(creator);
        for (const ConversationMember &m : existing->members) {
            if (m.addedBy.isEmpty() && m.username != creator)
                first.append(m.username);
        }
        QStringList asked = request.members;
        std::sort(first.begin(), first.end());
        std::sort(asked.begin(), asked.end());
        if (existing->createdBy != creator || existing->kind != request.kind || existing->title != request.title
            || first != asked || !mine) {
            tx.rollback();
            return outcome(ConversationOutcome::Status::Conflict);
        }
        const std::optional<Membership> creatorRow = membership(c, request.id, creator, &error);
        if (!creatorRow)
            return tx.fail(u"reading a membership", error);
        Expected<Conversation> seen = asSeenBy(tx, request.id, *creatorRow);
        if (!seen)
            return seen.error();
        tx.rollback();
        return outcome(ConversationOutcome::Status::Unchanged, std::move(seen).value());
    }

    const std::optional<QSet<QString>> active = activeAccounts(c, request.members, &error);
    if (!active)
        return tx.fail(u"checking the members' accounts", error);
    for (qsizetype i = 0; i < request.members.size(); ++i) {
        if (!active->contains(request.members.at(i))) {
            tx.rollback();
            const QString field = QStringLiteral("members[%1]").arg(i);
            return refusal(
                Error::Code::OutOfRange, field,
                QStringLiteral("%1 is \u201c%2\u201d, who is not an active member.").arg(field, request.members.at(i)));
        }
    }

    const auto seq = tx.takeSequence();
    if (!seq)
        return tx.fail(u"taking a sequence value");
    Query insert(c,
                 QStringLiteral("INSERT INTO conversations (id, kind, title, created_by, created_at, created_seq,"
                                " change_seq) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    if (!insert.exec({request.id, conversationKindName(request.kind), request.title, creator, nowMs(), *seq, *seq}))
        return tx.fail(u"storing a conversation", insert.error());
    insert.finish();
    Query member(c,
                 QStringLiteral("INSERT INTO conversation_members (conversation_id, username, role, joined_seq)"
                                " VALUES (?, ?, ?, ?)"));
    const ConversationRole creatorRole =
        request.kind == ConversationKind::Question ? ConversationRole::Asker : ConversationRole::Member;
    if (!member.exec({request.id, creator, conversationRoleName(creatorRole), *seq}))
        return tx.fail(u"storing a member", member.error());
    for (const QString &name : request.members) {
        if (!member.exec({request.id, name, conversationRoleName(ConversationRole::Member), *seq}))
            return tx.fail(u"storing a member", member.error());
    }
    member.finish();
    return commitChange(tx, request.id, {}, u"committing a conversation");
}

Expected<ConversationOutcome> ConversationTable::leave(const QString &id, const QString &username,
                                                       const QString &suggest)
{
    Transaction tx(m_database, Transaction::Kind::Sequenced);
    if (!tx.begin())
        return tx.fail(u"starting to leave a conversation");
    Connection &c = tx.connection();
    QSqlError error;
    const std::optional<Membership> mine = membership(c, id, username, &error);
    if (!mine)
        return tx.fail(u"reading a membership", error);
    if (!mine->found) {
        tx.rollback();
        return outcome(ConversationOutcome::Status::NotFound);
    }
    if (!mine->isCurrent()) {
        Expected<Conversation> seen = asSeenBy(tx, id, *mine);
        if (!seen)
            return seen.error();
        tx.rollback();
        return outcome(ConversationOutcome::Status::Unchanged, std::move(seen).value());
    }
    Expected<Conversation> before = readNow(tx, id);
    if (!before)
        return before.error();
    if (before->kind == ConversationKind::Question && mine->role == ConversationRole::Asker) {
        tx.rollback();
        return refusal(Error::Code::OutOfRange, QStringLiteral("id"),
                       QStringLiteral("The asker of a question cannot leave it (id)."));
    }
    if (!suggest.isEmpty()) {
        const std::optional<QSet<QString>> active = activeAccounts(c, {suggest}, &error);
        if (!active)
            return tx.fail(u"checking an account", error);
        const auto refuse = [&tx](Error::Code code, const QString &message) {
            tx.rollback();
            return refusal(code, QStringLiteral("suggest"), message);
        };
        if (!active->contains(suggest))
            return refuse(Error::Code::OutOfRange,
                          QStringLiteral("suggest names \u201c%1\u201d, who is not an active member.").arg(suggest));
        if (before->member(suggest))
            return refuse(Error::Code::Duplicate,
                          QStringLiteral("suggest names \u201c%1\u201d, who is or was in this conversation already.")
                              .arg(suggest));
        // The leaver makes room.
        if (before->currentMembers().size() - 1 >= Limits::ConversationMembersMax)
            return refuse(Error::Code::TooMany,
                          QStringLiteral("suggest cannot be added: the conversation has %1 members, the most it may.")
                              .arg(Limits::ConversationMembersMax));
    }

    const auto seq = tx.takeSequence();
    if (!seq)
        return tx.fail(u"taking a sequence value");
    Query left(c,
               QStringLiteral("UPDATE conversation_members SET left_at = ?, left_seq = ?, suggested = ?"
                              " WHERE conversation_id = ? AND username = ?"));
    if (!left.exec({nowMs(), *seq, suggest, id, username}))
        return tx.fail(u"leaving a conversation", left.error());
    left.finish();
    if (!suggest.isEmpty()) {
        Query added(c,
                    QStringLiteral("INSERT INTO conversation_members (conversation_id, username, role, joined_seq,"
                                   " added_by) VALUES (?, ?, ?, ?, ?)"));
        if (!added.exec({id, suggest, conversationRoleName(ConversationRole::Member), *seq, username}))
            return tx.fail(u"adding a member", added.error());
    }
    Query changed(c, QStringLiteral("UPDATE conversations SET change_seq = ? WHERE id = ?"));
    if (!changed.exec({*seq, id}))
        return tx.fail(u"changing a conversation", changed.error());
    changed.finish();
    // What the leaver sees of it from now on: the conversation as it is at this moment.
    Expected<Conversation> now = readNow(tx, id);
    if (!now)
        return now.error();
    Query state(
        c, QStringLiteral("UPDATE conversation_members SET left_state = ? WHERE conversation_id = ? AND username = ?"));
    if (!state.exec({stateJson(now.value()), id, username}))
        return tx.fail(u"keeping what a leaver saw", state.error());
    state.finish();
    Expected<ConversationOutcome> done = commitChange(tx, id, {username}, u"committing a leave");
    if (done)
        done.value().conversation = std::move(now).value();
    return done;
}

Expected<ConversationOutcome> ConversationTable::resolve(const QString &id, const QString &username, qint64 messageId)
{
    Transaction tx(m_database, Transaction::Kind::Sequenced);
    if (!tx.begin())
        return tx.fail(u"starting to resolve a question");
    Membership mine;
    if (std::optional<Expected<ConversationOutcome>> answer = unlessCurrentMember(tx, id, username, &mine))
        return std::move(*answer);
    Connection &c = tx.connection();
    Expected<Conversation> before = readNow(tx, id);
    if (!before)
        return before.error();
    if (before->kind != ConversationKind::Question || mine.role != ConversationRole::Asker) {
        tx.rollback();
        return outcome(ConversationOutcome::Status::Forbidden);
    }
    Query message(c, QStringLiteral("SELECT sender FROM messages WHERE id = ? AND conversation_id = ?"));
    if (!message.exec({messageId, id}))
        return tx.fail(u"reading a message", message.error());
    if (!message.next()) {
        tx.rollback();
        return refusal(Error::Code::OutOfRange, QStringLiteral("message"),
                       QStringLiteral("Message %1 is not a message of this conversation.").arg(messageId));
    }
    const QString sender = message.text(0);
    message.finish();
    if (sender == username) {
        tx.rollback();
        return refusal(Error::Code::InvalidFormat, QStringLiteral("message"),
                       QStringLiteral("The answer that solved a question is someone else's message, not the asker's."));
    }
    if (before->resolution && before->resolution->message == messageId) {
        tx.rollback();
        return outcome(ConversationOutcome::Status::Unchanged, std::move(before).value());
    }
    const auto seq = tx.takeSequence();
    if (!seq)
        return tx.fail(u"taking a sequence value");
    Query update(c,
                 QStringLiteral("UPDATE conversations SET resolved_message = ?, resolved_by = ?, resolved_at = ?,"
                                " change_seq = ? WHERE id = ?"));
    if (!update.exec({messageId, username, nowMs(), *seq, id}))
        return tx.fail(u"resolving a question", update.error());
    update.finish();
    return commitChange(tx, id, {}, u"committing a resolution");
}

Expected<ConversationOutcome> ConversationTable::markRead(const QString &id, const QString &username, qint64 upToId)
{
    Transaction tx(m_database, Transaction::Kind::Sequenced);
    if (!tx.begin())
        return tx.fail(u"starting a read mark");
    if (std::optional<Expected<ConversationOutcome>> answer = unlessCurrentMember(tx, id, username))
        return std::move(*answer);
    Connection &c = tx.connection();
    Query last(c, QStringLiteral("SELECT id FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1"));
    const auto lastId = last.scalar({id});
    if (!lastId)
        return tx.fail(u"reading the last message", last.error());
    Query current(
        c, QStringLiteral("SELECT read_up_to FROM conversation_members WHERE conversation_id = ? AND username = ?"));
    const auto readUpTo = current.scalar({id, username});
    if (!readUpTo)
        return tx.fail(u"reading a read mark", current.error());
    const qint64 target = std::min(upToId, *lastId);
    if (target <= *readUpTo) {
        Expected<Conversation> now = readNow(tx, id);
        if (!now)
            return now.error();
        tx.rollback();
        return outcome(ConversationOutcome::Status::Unchanged, std::move(now).value());
    }
    const auto seq = tx.takeSequence();
    if (!seq)
        return tx.fail(u"taking a sequence value");
    Query update(
        c, QStringLiteral("UPDATE conversation_members SET read_up_to = ? WHERE conversation_id = ? AND username = ?"));
    if (!update.exec({target, id, username}))
        return tx.fail(u"marking a conversation read", update.error());
    update.finish();
    Query changed(c, QStringLiteral("UPDATE conversations SET change_seq = ? WHERE id = ?"));
    if (!changed.exec({*seq, id}))
        return tx.fail(u"changing a conversation", changed.error());
    changed.finish();
    return commitChange(tx, id, {}, u"committing a read mark");
}

Expected<std::optional<Conversation>> ConversationTable::find(const QString &id, const QString &viewer)
{
    Transaction tx(m_database, Transaction::Kind::Read);
    if (!tx.begin())
        return tx.fail(u"starting to read a conversation");
    QSqlError error;
    const std::optional<Membership> mine = membership(tx.connection(), id, viewer, &error);
    if (!mine)
        return tx.fail(u"reading a membership", error);
    if (!mine->found) {
        tx.rollback();
        return std::optional<Conversation>();
    }
    Expected<Conversation> seen = asSeenBy(tx, id, *mine);
    if (!seen)
        return seen.error();
    tx.rollback();
    return std::optional<Conversation>(std::move(seen).value());
}

} // namespace Colleagues::Server::Internal
