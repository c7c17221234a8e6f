// SPDX-License-Identifier: MIT
#include "server/storage/MessageTable_p.h"

#include "core/Validation.h"
#include "server/storage/Connection_p.h"
#include "server/storage/ConversationTable_p.h"
#include "server/storage/Database_p.h"
#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"
#include "server/storage/Transaction_p.h"

#include <QUuid>

namespace Colleagues::Server::Internal {

Expected<SendOutcome> MessageTable::sendMessage(const Message &input)
{
    Message message = input;
    Validation::normalize(message);
    if (message.clientId.isEmpty())
        message.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (message.sender.isEmpty())
        return Error {Error::Code::Required, QStringLiteral("from"), QStringLiteral("from is required.")};
    if (message.recipient.isEmpty() && !message.isInConversation())
        return Error {Error::Code::Required, QStringLiteral("to"), QStringLiteral("to is required.")};
    const QList<Error> errors = Validation::validate(message);
    if (!errors.isEmpty())
        return errors.first();

    // Serialized with the other writers only from its sequence value on: whom the message is
    // for, and whether it was sent before, are checked first (on PostgreSQL the lock is then
    // held for fewer round trips).
    Transaction tx(m_database, Transaction::Kind::SequencedLate);
    if (!tx.begin())
        return tx.fail(u"starting a send");
    Connection &c = tx.connection();
    const auto original = [&]() -> Expected<std::optional<Message>> {
        Query q(c, QStringLiteral("SELECT %1 FROM messages WHERE sender = ? AND client_id = ?").arg(MessageColumns));
        if (!q.exec({message.sender, message.clientId}))
            return m_database.failure(c, q.error(), u"reading a message");
        if (!q.next())
            return std::optional<Message>();
        return std::optional<Message>(messageFromRow(q));
    };
    QStringList members;
    std::optional<Error> refused; // answered after the duplicate check: a retry gets its message
    std::optional<Message> earlier;
    // Before the other writers are waited for: a send with this key that is still committing
    // is not seen here, but its unique key then refuses the insert below, which reads it after.
    if (message.isInConversation()) {
        // Only its members write to a conversation; they are whom the message concerns.
        QSqlError error;
        if (!currentMembers(c, message.conversation, &members, &error))
            return tx.fail(u"reading a conversation's members", error);
        if (!members.contains(message.sender)) {
            refused = Error {Error::Code::OutOfRange, QStringLiteral("conversation"),
                             QStringLiteral("There is no such conversation, or you are not in it.")};
        }
        auto found = original();
        if (!found) {
            tx.rollback();
            return found.error();
        }
        earlier = std::move(found).value();
    } else {
        // The message sent before with this key (kind 0), and which of the two accounts exist
        // (kind 1, the username where a message has its client id): one round trip.
        static const QString sql =
            QStringLiteral("SELECT 0, %1 FROM messages WHERE sender = ? AND client_id = ?"
                           " UNION ALL SELECT 1, NULL, username, %2 FROM accounts WHERE username IN (?, ?)")
                .arg(MessageColumns, nullColumns(columnCount(MessageColumns) - 2));
        Query q(c, sql);
        if (!q.exec({message.sender, message.clientId, message.recipient, message.sender}))
            return tx.fail(u"checking the accounts", q.error());
        QStringList accounts;
        while (q.next()) {
            if (q.int64(0) == 0) {
                q.setFirstColumn(1);
                earlier = messageFromRow(q);
                q.setFirstColumn(0);
            } else {
                accounts.append(q.text(2));
            }
        }
        q.finish();
        for (const auto &[username, field] : {std::pair {message.recipient, QStringLiteral("to")},
                                              std::pair {message.sender, QStringLiteral("from")}}) {
            if (!accounts.contains(username)) {
                refused = noSuchAccount(username, field);
                break;
            }
        }
    }
    if (earlier) {
        tx.rollback();
        return SendOutcome {*earlier, true, {}};
    }
    if (refused) {
        tx.rollback();
        return *refused;
    }
    // Whom it concerns, before the sequence value: the notification goes with it.
    const ChangeAudience told(message.isInConversation() ? members : QStringList {message.sender, message.recipient});
    const qint64 sentAt = nowMs();
    // A message has a recipient or a conversation, the other NULL.
    const auto orNull = [](const QString &text) { return text.isEmpty() ? QVariant() : QVariant(text); };
    qint64 seq = 0;
    qint64 id = 0;
    const bool inserted = tx.runSequenced(
        QStringLiteral("INSERT INTO messages (client_id, sender, recipient, conversation_id, body, sent_at, seq,"
                       " change_seq) VALUES (?, ?, ?, ?, ?, ?, {seq}, {seq}) RETURNING seq, id"),
        {message.clientId, message.sender, orNull(message.recipient), orNull(message.conversation), message.body,
         sentAt},
        [&](Query &q) {
            seq = q.int64(0);
            id = q.int64(1);
        });
    if (!inserted) {
        // Most likely the same key committed by someone else just now (unique constraint).
        const QSqlError error = tx.lastError();
        tx.rollback();
        const auto raced = original();
        if (raced && raced->has_value())
            return SendOutcome {**raced, true, {}};
        return m_database.failure(c, error, u"storing a message");
    }
    if (!tx.commit())
        return tx.fail(u"committing a message");
    message.id = id;
    message.sentAt = QDateTime::fromMSecsSinceEpoch(sentAt, Qt::UTC);
    message.sequence = seq;
    message.readAt = {};
    return SendOutcome {message, false, members};
}

Expected<int> MessageTable::markRead(const QString &reader, const QString &other, qint64 upToId)
{
    Transaction tx(m_database, Transaction::Kind::Sequenced);
    if (!tx.begin())
        return tx.fail(u"starting to mark messages read");
    Connection &c = tx.connection();
    QList<qint64> ids;
    {
        Query unread(c,
                     QStringLiteral("SELECT id FROM messages WHERE recipient = ? AND sender = ? AND id <= ?"
                                    " AND read_at IS NULL ORDER BY id"));
        if (!unread.exec({reader, other, upToId}))
            return tx.fail(u"finding unread messages", unread.error());
        while (unread.next())
            ids.append(unread.int64(0));
    }
    if (ids.isEmpty()) {
        tx.rollback();
        return 0;
    }
    // One sequence value per message, so that a sync page may end between any two of them.
    const auto first = tx.takeSequence(static_cast<int>(ids.size()));
    if (!first)
        return tx.fail(u"taking sequence values");
    const qint64 readAt = nowMs();
    Query update(c, QStringLiteral("UPDATE messages SET read_at = ?, change_seq = ? WHERE id = ?"));
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (!update.exec({readAt, *first + i, ids.at(i)}))
            return tx.fail(u"marking a message read", update.error());
    }
    update.finish();
    if (!tx.commit())
        return tx.fail(u"committing read messages");
    return static_cast<int>(ids.size());
}

} // namespace Colleagues::Server::Internal
