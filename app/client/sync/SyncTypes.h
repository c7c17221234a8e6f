// SPDX-License-Identifier: MIT
#pragma once

#include "core/Conversation.h"
#include "core/Message.h"
#include "core/Profile.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Colleagues {

//! Where the sync engine is, for the status bar.
enum class SyncState {
    SignedOut, //!< no token, or the server refused it (401): the user must sign in
    Offline, //!< the server is not reachable; retrying with backoff
    Syncing, //!< the first sync (or a resync after "start over") is paging through the directory
    Online, //!< up to date and listening for changes (long-poll)
    Error, //!< the server answers, but with errors (5xx, unusable answers); retrying with backoff
};

QString syncStateName(SyncState state);

//! A message as the local store holds it: the server's message plus its local delivery state.
struct MessageRecord
{
    enum class State { Pending, Sent, Failed };
    qint64 localId = 0;
    Message message; //!< id, sequence and sentAt are 0/null while Pending
    QString peer; //!< the other person in the conversation; a group conversation's id (message.conversation)
    State state = State::Sent;
    QString error; //!< why it failed (State::Failed), a sentence for the user

    bool isOutgoing(const QString &me) const { return message.sender == me; }
};

QString messageStateName(MessageRecord::State state);
//! The state named \a name by messageStateName(); Sent for an unknown name.
MessageRecord::State messageStateFromName(QStringView name);

//! A group conversation (a question or a small group) as the local store holds it: the server's
//! conversation, or the one this client created, usable at once, before the server has it.
struct GroupChat
{
    Conversation conversation;
    bool pending = false; //!< created here and still in the outbox: the server does not have it yet

    const QString &id() const { return conversation.id; }
    bool isQuestion() const { return conversation.kind == ConversationKind::Question; }
    //! Who asked the question; empty for a group.
    QString asker() const { return isQuestion() ? conversation.createdBy : QString(); }
    //! The id of the message the asker marked as the answer; 0 while open.
    qint64 answerId() const { return conversation.resolution ? conversation.resolution->message : 0; }
    //! Whether \a username was in it and left (said "not me").
    bool hasLeft(const QString &username) const;
};

/*!
 * One line of the conversation list: a chat with another person, or a group conversation. Either
 * way a chat has one key, peer: the other person's username, or the group conversation's id.
 */
struct ChatSummary
{
    QString peer; //!< the other person's username; a group conversation's id
    std::optional<GroupChat> group; //!< set for a group conversation
    MessageRecord lastMessage;
    int unreadCount = 0;
    QDateTime lastActivity; //!< UTC
};

//! One local change waiting to reach the server (or that did, or failed).
struct OutboxItem
{
    //! Message: to a person or into a group conversation. Conversation: starting one (before the
    //! messages into it). Leave, Resolve, Read: a member leaving, the asker marking the answer,
    //! a member's read mark.
    enum class Kind { Message, Profile, Photo, Conversation, Leave, Resolve, Read };
    enum class State { Pending, Sending, Sent, Failed };

    qint64 id = 0;
    Kind kind = Kind::Message;
    State state = State::Pending;
    QString key; //!< the Idempotency-Key (for messages, the message's client id)
    //! Ordering group: the peer for messages, the conversation's id for everything of a group
    //! conversation (so that it is created before anything goes into it), "profile" or "photo".
    QString conversation;
    QJsonObject payload;
    int attempts = 0;
    QDateTime createdAt;
    QDateTime nextAttemptAt; //!< when the next retry is due (pending items after a failure)
    // Failure (state Failed), or the last temporary failure (state Pending, attempts > 0):
    QString errorKind; //!< ApiError::kindName(), "conflict" for a profile conflict
    QString errorCode; //!< the server's code
    QString errorField;
    QString errorMessage; //!< a sentence for the user
    int httpStatus = 0;

    bool isFailed() const { return state == State::Failed; }
    bool hasConflict() const { return state == State::Failed && errorKind == QLatin1String("conflict"); }
};

QString outboxKindName(OutboxItem::Kind kind);
QString outboxStateName(OutboxItem::State state);
//! The kind or state with that name; Message and Pending for an unknown name.
OutboxItem::Kind outboxKindFromName(QStringView name);
OutboxItem::State outboxStateFromName(QStringView name);

//! A profile save the server refused because the profile changed elsewhere (412).
struct ProfileConflict
{
    qint64 outboxId = 0;
    Profile mine; //!< the user's edit, kept
    Profile theirs; //!< the server's current version
    qint64 baseRevision = 0; //!< the revision the edit was based on
    //! Fields (JSON names) where mine and theirs differ.
    QStringList differingFields() const;
    //! Mine, with each field in \a takeTheirs taken from theirs.
    Profile merged(const QStringList &takeTheirs) const;
};

//! Progress of the first sync (or a resync).
struct SyncProgress
{
    qint64 received = 0; //!< profiles stored so far
    qint64 total = -1; //!< profiles in the directory; -1 while unknown
};

} // namespace Colleagues

Q_DECLARE_METATYPE(Colleagues::SyncState)
Q_DECLARE_METATYPE(Colleagues::MessageRecord)
Q_DECLARE_METATYPE(Colleagues::GroupChat)
Q_DECLARE_METATYPE(Colleagues::OutboxItem)
Q_DECLARE_METATYPE(Colleagues::ProfileConflict)
Q_DECLARE_METATYPE(Colleagues::SyncProgress)
