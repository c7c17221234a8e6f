// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/Backoff.h"
#include "client/sync/SyncTypes.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <optional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QTimer;
QT_END_NAMESPACE

namespace Colleagues {

class ApiClient;
class ClientStore;
class Outbox;
class PhotoCache;
class Session;
class StatusBook;
class SyncDatabase;
class SyncEngine;
class TokenStore;

/*!
 * Everything the UI needs to stay in step with the server, wired together around one
 * injected QNetworkAccessManager and one open ClientStore: the session (sign-in, keychain),
 * the sync engine, the outbox and the photo cache, plus queries over messages.
 */
class SyncClient : public QObject
{
    Q_OBJECT

public:
    //! \a store must be open; \a network is shared (give it a parent). Photos are cached in
    //! \a photoDirectory (next to the store when empty).
    SyncClient(ClientStore *store, QNetworkAccessManager *network, QObject *parent = nullptr,
               const QString &photoDirectory = {});
    ~SyncClient() override;

    ApiClient *api() const { return m_api; }
    Session *session() const { return m_session; }
    SyncEngine *engine() const { return m_engine; }
    Outbox *outbox() const { return m_outbox; }
    PhotoCache *photos() const { return m_photos; }
    TokenStore *tokenStore() const { return m_tokens; }
    SyncDatabase *database() const { return m_database; }
    StatusBook *statuses() const { return m_statuses; }

    //! Retry timings of the engine and the outbox (tests make them fast).
    void setBackoffPolicy(const BackoffPolicy &policy);

    //! Restores the saved session and, if it has a token, starts syncing and sending.
    //! With \a once, syncs until up to date and stops (the outbox still sends).
    void start(bool once = false);
    //! Stops syncing and sending; nothing queued is lost.
    void stop();

    // Messages --------------------------------------------------------------------------------
    QList<ChatSummary> conversations() const;
    //! Messages with \a peer, oldest first (the last \a limit ones; all when -1).
    QList<MessageRecord> messages(const QString &peer, int limit = -1) const;
    //! All messages, oldest first.
    QList<MessageRecord> allMessages() const;
    //! Marks what \a peer sent as read, here and on the server; for a group conversation (\a peer
    //! is its id), sets one's read mark in it to its last message.
    void markConversationRead(const QString &peer);
    //! The group conversation \a id (a question or a group), if this client has it.
    std::optional<GroupChat> groupChat(const QString &id) const;
    QList<GroupChat> groupChats() const;

Q_SIGNALS:
    //! The sync engine and outbox are running for the signed-in account.
    void started();

private:
    void begin();
    void sendReadMarks();
    void forgetReadMark(const QString &peer, qint64 upTo);

    SyncDatabase *m_database;
    ApiClient *m_api;
    TokenStore *m_tokens;
    Session *m_session;
    SyncEngine *m_engine;
    Outbox *m_outbox;
    PhotoCache *m_photos;
    StatusBook *m_statuses;
    QHash<QString, qint64> m_unsentReadMarks; //!< peer -> up-to id, not yet acknowledged
    QSet<QString> m_readMarksSending; //!< peers whose mark is on its way
    QString m_readMarksUser; //!< whose marks m_unsentReadMarks holds
    Backoff m_readMarksBackoff; //!< after a failure that may pass (a gateway's 502, a reset)
    QTimer *m_readMarksRetry;
    bool m_once = false;
};

} // namespace Colleagues
