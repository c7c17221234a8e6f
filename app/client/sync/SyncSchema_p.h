// SPDX-License-Identifier: MIT
#pragma once

// Internal: the sync engine's part of the local store — its schema migration, the keys it
// keeps in sync_state, and the reader and writer of messages, conversations and the outbox.
// SyncSchema.cpp holds the directory, messages and the outbox; GroupSchema.cpp the group
// conversations (questions and groups) and what the outbox does for them.

#include "client/sync/SyncBatch.h"
#include "client/sync/SyncTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

struct sqlite3;

namespace Colleagues {

namespace StoreSchema {
class DirectoryWriter;
}
namespace Sql {
class Statement;
}

namespace SyncSchema {

//! Migration 4 of the client store (registered in StoreSchema's list): what the outbox needs
//! beyond version 3 — photo bytes, structured failure reasons and the server's side of a conflict.
extern const char *const Migration4;

//! Keys the sync engine keeps in sync_state.
namespace Keys {
inline constexpr char Cursor[] = "sync.cursor"; //!< the server cursor the directory is at
inline constexpr char InitialDone[] = "sync.initial_done"; //!< "1" once the first sync finished
inline constexpr char InitialReceived[] = "sync.initial_received"; //!< profiles stored by the first sync
inline constexpr char Total[] = "sync.total"; //!< the directory's size as the server last said
inline constexpr char Server[] = "account.server"; //!< server URL of the signed-in account
inline constexpr char Username[] = "account.username";
inline constexpr char TokenStorage[] = "account.token_storage"; //!< keychain | file | memory
inline constexpr char TokenFile[] = "account.token_file"; //!< the opted-in token file, if any
} // namespace Keys

//! Row helpers that SyncSchema.cpp and GroupSchema.cpp share.
namespace Rows {
QString iso(const QDateTime &t);
QDateTime fromIso(const QString &s);
void bindOptional(Sql::Statement &s, int index, const QString &value);
QString jsonText(const QJsonObject &o);
//! The columns readMessage() reads, of messages as m.
inline constexpr char MessageColumns[] =
    "m.local_id, m.server_id, m.client_id, m.peer, m.sender, m.recipient, m.body, m.sent_at, m.sequence, "
    "m.read_at, m.state, (SELECT o.last_error FROM outbox o WHERE o.idempotency_key = m.client_id), m.conversation";
MessageRecord readMessage(const Sql::Statement &s, int firstColumn = 0);
} // namespace Rows

QString syncValue(sqlite3 *db, const char *key);
qint64 cursor(sqlite3 *db);

// Reading (any connection) -------------------------------------------------------------------
QList<MessageRecord> messages(sqlite3 *db, const QString &peer, int limit = -1);
std::optional<MessageRecord> messageByClientId(sqlite3 *db, const QString &clientId);
//! The conversation list: chats with one person and group conversations, most recent first.
QList<ChatSummary> conversations(sqlite3 *db);
//! The group conversations' lines of the list (GroupSchema.cpp).
QList<ChatSummary> groupSummaries(sqlite3 *db);
std::optional<GroupChat> groupChat(sqlite3 *db, const QString &id);
QList<GroupChat> groupChats(sqlite3 *db);
//! Every stored status (people without one have the default).
QList<Status> statuses(sqlite3 *db);
QList<OutboxItem> outboxItems(sqlite3 *db, bool includeSent = true);
std::optional<OutboxItem> outboxItem(sqlite3 *db, qint64 id);
//! The server's profile (JSON) stored with a conflicting save; empty if none.
QByteArray outboxConflict(sqlite3 *db, qint64 id);
//! The bytes of a queued photo.
QByteArray outboxData(sqlite3 *db, qint64 id);

//! An unusable sync answer, as a PageResult error.
QString parseError(const Error &error);

//! What applying one sync answer did.
struct PageResult
{
    QString error; //!< empty on success
    bool stale = false; //!< the page was for another cursor (already applied or reset): ignored
    bool startOver = false;
    qint64 next = 0;
    bool hasMore = false;
    qint64 total = -1;
    bool initialDone = false; //!< the first sync is complete (after this page)
    qint64 initialReceived = 0; //!< profiles stored by the first sync so far
    QStringList changedProfileIds; //!< upserted
    QStringList removedProfileIds;
    QList<GroupChat> changedConversations; //!< group conversations stored (new or changed)
    QStringList newConversationIds; //!< those of them this store did not have before
    QList<MessageRecord> newMessages;
    QList<MessageRecord> updatedMessages; //!< read receipts, confirmations of our own sends
    QList<Status> changedStatuses;
};

/*!
 * Writes the sync engine's changes on one connection (the sync worker's), one transaction
 * per call: sync pages with their cursor, the outbox and its outcomes, messages.
 */
class SyncWriter
{
public:
    SyncWriter(sqlite3 *db);
    ~SyncWriter();
    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }
    sqlite3 *handle() const { return m_db; }

    //! Applies a parsed GET /sync answer for cursor \a since, with the new cursor, in one transaction.
    PageResult applyPage(const SyncBatch &batch, qint64 since, const QString &me);
    //! The same, parsing \a body first.
    PageResult applyPage(const QByteArray &body, qint64 since, const QString &me);
    //! "Start over": removes the directory and server-confirmed messages, resets the cursor;
    //! keeps the outbox and the messages still waiting in it.
    bool resetForResync();
    //! Another account signs in on this store: everything of the previous one goes.
    bool resetForAccountChange();

    bool setValues(const QList<QPair<QString, QString>> &values);
    //! Stores one status (the signed-in person's, as the server answered a change of it).
    bool storeStatus(const Status &status);

    // Outbox
    //! Queues a message: a pending message row and an outbox item, in one transaction.
    std::optional<OutboxItem> enqueueMessage(const QString &me, const QString &to, const QString &body,
                                             const QString &clientId, MessageRecord *record);
    //! Queues a profile save based on \a baseRevision (coalesced with a queued save not yet sent).
    std::optional<OutboxItem> enqueueProfile(const Profile &edit, qint64 baseRevision, const QString &key);
    std::optional<OutboxItem> enqueuePhoto(const QByteArray &image, const QByteArray &mimeType, const QString &key);
    //! Items left "sending" by a crash go back to pending (their idempotency key makes resending safe);
    //! items sent more than a day ago are dropped.
    bool resetSending();
    bool markSending(qint64 id);
    //! A temporary failure: stays pending, with the reason and when it is retried.
    bool markRetry(qint64 id, const OutboxItem &failure);
    //! A permanent failure (or a conflict, with the server's profile as JSON in \a conflict).
    bool markFailed(qint64 id, const OutboxItem &failure, const QByteArray &conflict = {},
                    MessageRecord *record = nullptr);
    //! A message the server stored: the local row gets its server fields.
    bool markMessageSent(qint64 id, const Message &message, MessageRecord *record);
    //! A profile save or photo upload the server applied: the directory gets the new profile,
    //! and queued saves based on the old revision move to the new one.
    bool markProfileSent(qint64 id, const Profile &saved, qint64 oldRevision);
    //! Requeues a failed item (after the user resolved a conflict or asked to retry), with a new payload.
    bool requeue(qint64 id, const QJsonObject &payload);
    bool remove(qint64 id);
    //! Marks messages from \a peer up to \a upToId as read locally.
    bool markConversationRead(const QString &peer, qint64 upToId);

    // Group conversations (GroupSchema.cpp); each writes the local state at once, so that the
    // conversation is usable before the server has it, and queues what the server is to do.
    //! Starts \a conversation here (pending) and queues its creation; \a group: as stored.
    std::optional<OutboxItem> enqueueConversation(const Conversation &conversation, GroupChat *group);
    //! A message into the group conversation \a conversation (queued after its creation).
    std::optional<OutboxItem> enqueueGroupMessage(const QString &me, const QString &conversation, const QString &body,
                                                  const QString &clientId, MessageRecord *record);
    //! \a me leaves (says "not me"), naming \a suggest (or nobody) to be added.
    std::optional<OutboxItem> enqueueLeave(const QString &id, const QString &me, const QString &suggest,
                                           const QString &key, GroupChat *group);
    //! The asker marks message \a messageId as the answer.
    std::optional<OutboxItem> enqueueResolve(const QString &id, const QString &me, qint64 messageId, const QString &key,
                                             GroupChat *group);
    //! \a me read up to message \a upToId (coalesced with a read mark not yet sent).
    std::optional<OutboxItem> enqueueRead(const QString &id, const QString &me, qint64 upToId, const QString &key);
    //! The server answered a creation, leave or resolve with \a conversation: it replaces ours.
    bool markConversationSent(qint64 id, const Conversation &conversation, GroupChat *group);

private:
    bool upsertMessage(const Message &m, const QString &me, bool *inserted, MessageRecord *record);
    //! A pending message to \a to or into \a conversation, and its outbox item.
    std::optional<OutboxItem> enqueuePending(const QString &me, const QString &to, const QString &conversation,
                                             const QString &body, const QString &clientId, MessageRecord *record);
    bool upsertStatus(const Status &status);
    bool refreshConversation(const QString &peer);
    //! The summary of a chat (a person's or a group conversation's, whichever \a key names).
    bool refreshChat(const QString &key);
    // GroupSchema.cpp
    //! Stores \a conversation as the server sent it, unless ours is newer; \a isNew: we did not have it.
    bool upsertGroup(const Conversation &conversation, bool pending, bool *isNew = nullptr);
    bool refreshGroup(const QString &id);
    bool isGroup(const QString &id);
    bool applyLeave(const QString &id, const QString &me, const QString &suggest, const QDateTime &at);
    bool applyResolve(const QString &id, const QString &me, qint64 messageId, const QDateTime &at);
    //! The leaves and resolves still in the outbox, over a conversation the server sent.
    bool reapplyPending(const QString &id);
    //! The outbox item \a id went through.
    bool markItemSent(qint64 id);
    std::optional<OutboxItem> insertGroupItem(OutboxItem::Kind kind, const QString &key, const QString &id,
                                              const QJsonObject &payload);
    bool failStatement(const Sql::Statement &s);
    std::optional<OutboxItem> insertOutbox(OutboxItem::Kind kind, const QString &key, const QString &conversation,
                                           const QJsonObject &payload, const QByteArray &data);

    sqlite3 *m_db;
    bool m_valid = false;
    bool m_bulk = false; //!< a large page cache for the first sync
    QString m_error;
    std::unique_ptr<StoreSchema::DirectoryWriter> m_directory;
    struct Statements;
    std::unique_ptr<Statements> m_s;
};

} // namespace SyncSchema
} // namespace Colleagues
