// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/SyncTypes.h"
#include "core/Expected.h"
#include "core/Profile.h"
#include "core/Status.h"

#include <QHash>
#include <QObject>

#include <optional>

namespace Colleagues {

class ClientStore;
class ImageCache;
class SearchService;
class StatusBook;
class SyncClient;

/*!
 * What the windows see of the Client layer: the open store, the sync client (session, sync
 * engine, outbox, photos) and a search service, with their signals turned into the few the
 * UI reacts to. An adapter only: no SQL and no network here, just calls and signals.
 */
class ClientBackend : public QObject
{
    Q_OBJECT

public:
    //! \a store must be open; both must outlive this object.
    ClientBackend(ClientStore *store, SyncClient *sync, QObject *parent = nullptr);
    ~ClientBackend() override;

    ClientStore *store() const { return m_store; }
    SyncClient *sync() const { return m_sync; }
    SearchService *search() const { return m_search; }
    ImageCache *images() const { return m_images; }

    //! The signed-in username; empty when signed out.
    QString me() const;
    std::optional<Profile> profile(const QString &id) const;
    std::optional<Profile> profileByUsername(const QString &username) const;
    QList<Profile> directReports(const QString &username) const;
    //! The name to show for \a username (display name, or the username when unknown).
    QString displayName(const QString &username) const;
    //! \a profile as a vCard 4.0 contact, with the photo when it is cached (see core/VCard.h).
    QByteArray contactCard(const Profile &profile) const;
    //! Skill names in the directory, most used first (for the editor's completion).
    QStringList skillNames() const;
    //! "Display Name (username)" for everyone in the directory, in name order (for completion).
    QStringList personChoices() const;

    //! \a username's status as sync last brought it (the default one when none is known).
    Status status(const QString &username) const;
    StatusBook *statuses() const;

    //! Marks \a peer's messages read (here and on the server) and updates unread counts; \a peer
    //! may be a group conversation's id.
    void markConversationRead(const QString &peer);

    // Group conversations (questions and groups); a chat's key (peer) is then the conversation's id.
    //! The group conversation \a key names, if it is one.
    std::optional<GroupChat> groupChat(const QString &key) const;
    //! Starts a question or a group through the outbox, with \a text as its first message (none
    //! when empty); returns its id (the chat's key), or why it cannot be started.
    Expected<QString> startConversation(ConversationKind kind, const QString &title, const QStringList &members,
                                        const QString &text);
    //! "Not me": leaves the question \a id, suggesting \a suggest (or nobody).
    Expected<QString> leaveConversation(const QString &id, const QString &suggest);
    //! The asker marks message \a messageId as the answer to the question \a id.
    Expected<QString> markAnswer(const QString &id, qint64 messageId);

Q_SIGNALS:
    //! Profiles were added, changed or removed (by sync or by saving one's own).
    void directoryChanged(const QStringList &changedIds);
    //! Conversations changed: a message arrived, was queued, changed state, or was read.
    void conversationsChanged();
    //! Messages with \a peer changed.
    void messagesChanged(const QString &peer);
    //! The group conversation \a id changed: members, read marks, its state (see groupChat()).
    void groupChanged(const QString &id);
    //! A message from someone else arrived (for notifications).
    void incomingMessage(const Colleagues::MessageRecord &message);
    //! These people's statuses changed; empty: anyone's may have (after a resync).
    void statusesChanged(const QStringList &usernames);

private:
    void loadPhoto(const QString &username, QString photoTag);
    void onMessages(const QList<MessageRecord> &messages, bool arrived);

    ClientStore *m_store;
    SyncClient *m_sync;
    SearchService *m_search;
    ImageCache *m_images;
    mutable QHash<QString, QString> m_names;
};

} // namespace Colleagues
