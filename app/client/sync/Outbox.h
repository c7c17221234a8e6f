// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/ApiError.h"
#include "client/sync/Backoff.h"
#include "client/sync/SyncTypes.h"
#include "core/Expected.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace Colleagues {

class ApiClient;
class ApiJob;
class SyncDatabase;
namespace SyncSchema {
class SyncWriter;
}

/*!
 * Local changes on their way to the server: messages, profile saves and photo uploads, and
 * what happens in group conversations (starting one, leaving, marking the answer, read marks).
 * Each is first written to the outbox in the local store (it survives a crash or being
 * offline), then sent with an Idempotency-Key, so a retry never makes a second copy.
 * Temporary failures (network, 5xx, 429) are retried with exponential backoff and full
 * jitter, honouring Retry-After; a permanent refusal (validation) fails the item with the
 * server's reason. Items of one conversation go out one at a time, in order: a group
 * conversation started offline is created on the server before anything goes into it, and is
 * usable here at once. A 412 on a profile save keeps the edit and reports a ProfileConflict.
 */
class Outbox : public QObject
{
    Q_OBJECT

public:
    Outbox(ApiClient *api, SyncDatabase *database, QObject *parent = nullptr);
    ~Outbox() override;

    void setUsername(const QString &username) { m_username = username; }
    void setBackoffPolicy(const BackoffPolicy &policy);

    // Queueing (each returns at once; itemQueued() follows when the item is stored) ----------
    //! Queues a message; returns its client id, or the validation error of the body/recipient.
    Expected<QString> sendMessage(const QString &to, const QString &body);
    //! Queues a save of one's own profile, made on top of \a baseRevision.
    Expected<QString> saveProfile(const Profile &edit, qint64 baseRevision);
    //! Queues a new photo (JPEG or PNG bytes).
    Expected<QString> uploadPhoto(const QByteArray &image, const QByteArray &mimeType);

    // Group conversations -------------------------------------------------------------------
    /*!
     * Starts a question or a group with \a members (the others) under a new id, which it returns,
     * and queues \a text (the question; none when empty) as its first message; or the validation
     * error (title, members, text), and then nothing is queued. conversationChanged() follows when
     * it is stored.
     */
    Expected<QString> startConversation(ConversationKind kind, const QString &title, const QStringList &members,
                                        const QString &text = {});
    //! Queues a message into the group conversation \a conversation; returns its client id.
    Expected<QString> sendToConversation(const QString &conversation, const QString &body);
    //! Leaves \a conversation ("not me"), naming \a suggest (or nobody) to be added in one's place.
    Expected<QString> leaveConversation(const QString &conversation, const QString &suggest);
    //! Marks message \a messageId of the question \a conversation as its answer (the asker does).
    Expected<QString> resolveConversation(const QString &conversation, qint64 messageId);
    //! Sets one's read mark in \a conversation to \a upToId (here at once; on the server soon).
    void markConversationRead(const QString &conversation, qint64 upToId);

    // State ------------------------------------------------------------------------------------
    QList<OutboxItem> items(bool includeSent = false) const;
    std::optional<OutboxItem> item(qint64 id) const;
    //! Items not yet sent (pending or sending).
    int pendingCount() const;
    std::optional<ProfileConflict> conflict(qint64 id) const;
    bool isPaused() const { return m_paused; }

    // Control ----------------------------------------------------------------------------------
    //! Starts sending what is queued (items a crash left "sending" go again).
    void start();
    //! Stops sending (e.g. signed out); nothing queued is lost.
    void pause();
    //! Skips backoff waits and tries now (e.g. the server is reachable again).
    void retryNow();
    //! Sends a failed item again.
    void retry(qint64 id);
    //! Drops an item that has not been sent (a failed message disappears from its conversation).
    void discard(qint64 id);

    // Conflicts --------------------------------------------------------------------------------
    //! Sends my version again, on top of the server's current revision.
    void resolveKeepMine(qint64 id);
    //! Drops my edit; the server's version stays.
    void resolveTakeTheirs(qint64 id);
    //! Sends my version with the listed fields (JSON names) taken from theirs.
    void resolveMerge(qint64 id, const QStringList &takeTheirs);

Q_SIGNALS:
    void itemQueued(const Colleagues::OutboxItem &item);
    void itemChanged(const Colleagues::OutboxItem &item);
    void itemRemoved(qint64 id);
    //! A message was written to the local store (pending) / changed state (sent, failed).
    void messageQueued(const Colleagues::MessageRecord &message);
    void messageChanged(const Colleagues::MessageRecord &message);
    //! A group conversation changed here: started, left, resolved, or as the server confirmed it.
    void conversationChanged(const Colleagues::GroupChat &group);
    //! The server saved one's profile (a save or a photo upload).
    void profileSaved(const Colleagues::Profile &profile);
    void conflictDetected(const Colleagues::ProfileConflict &conflict);
    //! Nothing is pending any more.
    void drained();
    void errorOccurred(const Colleagues::ApiError &error);

private:
    using Enqueue = std::function<std::optional<OutboxItem>(SyncSchema::SyncWriter &, const QString &key)>;
    //! Queues the profile save or photo upload \a enqueue writes, with a new idempotency key;
    //! returns the key.
    QString enqueue(Enqueue enqueue);
    void schedule(std::chrono::milliseconds delay = std::chrono::milliseconds {0});
    void pump();
    void send(const OutboxItem &item);
    //! The outcome of a sent item: what the server answered (one of them, by the item's kind).
    struct Answer
    {
        Message message;
        Profile profile;
        Conversation conversation;
    };
    //! Queues a group conversation's item that \a enqueue writes (with its local effect), with a new key.
    using EnqueueGroup =
        std::function<std::optional<OutboxItem>(SyncSchema::SyncWriter &, const QString &key, GroupChat *group)>;
    QString enqueueGroup(EnqueueGroup enqueue);
    //! Queues the direct or group message \a enqueue writes (filling in its record), with a new key;
    //! messageQueued() and itemQueued() follow, or errorOccurred() when it could not be stored.
    using EnqueueMessage =
        std::function<std::optional<OutboxItem>(SyncSchema::SyncWriter &, const QString &key, MessageRecord *record)>;
    QString enqueueMessage(EnqueueMessage enqueue);
    //! Checks \a message as the server would and queues it: to its conversation when it names
    //! one, else to its recipient. The sender is the signed-in member.
    Expected<QString> send(Message message);
    ApiJob *startJob(const OutboxItem &item);
    void onSucceeded(const OutboxItem &item, const Answer &answer);
    void onFailed(const OutboxItem &item, const ApiError &error, const Profile &serverProfile);
    void reportConflict(const OutboxItem &item, const Profile &theirs);
    void finishItem(qint64 id);
    void emitItem(qint64 id);
    void resolve(qint64 id, const std::optional<Profile> &send);

    ApiClient *m_api;
    SyncDatabase *m_database;
    QString m_username;
    Backoff m_connectivity; //!< shared by all items: network, 5xx and 429 mean the server, not the item
    QTimer *m_timer;
    QHash<qint64, QString> m_busy; //!< id -> conversation: in flight, or its outcome not yet committed
    QDateTime m_notBefore; //!< no request before this (after a network failure / 429)
    bool m_started = false;
    bool m_paused = false;
};

} // namespace Colleagues
