// SPDX-License-Identifier: MIT
#pragma once

// The Qt SQL implementation of Storage, for SQLite and PostgreSQL. Private to storage/.

#include "server/storage/AccountTable_p.h"
#include "server/storage/ConversationTable_p.h"
#include "server/storage/Database_p.h"
#include "server/storage/MessageTable_p.h"
#include "server/storage/PhotoTable_p.h"
#include "server/storage/ProfileTable_p.h"
#include "server/storage/ScimTable_p.h"
#include "server/storage/SessionTable_p.h"
#include "server/storage/StatusTable_p.h"
#include "server/storage/Storage.h"
#include "server/storage/SyncReader_p.h"
#include "server/storage/VocabularyTable_p.h"

#include <QTimer>

#include <atomic>

namespace Colleagues::Server {

/*!
 * Opens the database, keeps its schema current, listens for other instances' changes (on
 * PostgreSQL) and cleans up; everything else it hands to one class per part of the data,
 * which all work through the one Internal::Database.
 */
class SqlStorage final : public Storage
{
    Q_OBJECT

public:
    explicit SqlStorage(const StorageConfig &config, QObject *parent = nullptr);
    ~SqlStorage() override;

    Expected<bool> open() override;
    StorageConfig::Backend backend() const override { return m_database.config().backend; }
    int schemaVersion() override;
    bool hearsRevocations() const override { return isPostgres(); }
    Expected<int> housekeeping() override;
    Expected<int> purgeTombstones(const QDateTime &before) override;

    Expected<Account> createAccount(const QString &username, const QByteArray &passwordHash, Role role,
                                    bool mustChangePassword = false) override
    {
        return m_accounts.createAccount(username, passwordHash, role, mustChangePassword);
    }
    Expected<QStringList> createAccounts(const QList<Account> &accounts) override
    {
        return m_accounts.createAccounts(accounts);
    }
    Expected<std::optional<Account>> findAccount(const QString &username) override
    {
        return m_accounts.findAccount(username);
    }
    Expected<bool> setPasswordHash(const QString &username, const QByteArray &passwordHash,
                                   bool mustChange = false) override
    {
        return m_accounts.setPasswordHash(username, passwordHash, mustChange);
    }
    Expected<bool> changeOwnPassword(const QString &username, const QByteArray &passwordHash,
                                     const QByteArray &keepTokenHash) override
    {
        return m_accounts.changeOwnPassword(username, passwordHash, keepTokenHash);
    }
    Expected<bool> setDisabled(const QString &username, bool disabled) override
    {
        return m_accounts.setDisabled(username, disabled);
    }
    Expected<bool> setRole(const QString &username, Role role) override { return m_accounts.setRole(username, role); }
    qint64 accountCount() override { return m_accounts.accountCount(); }
    Expected<DirectoryOutcome> applyDirectory(const QList<DirectoryPerson> &people,
                                              const DirectoryApply &options) override
    {
        return m_profiles.applyDirectory(people, options);
    }
    Expected<DirectoryState> directoryState(const QString &key) override { return m_profiles.directoryState(key); }

    Expected<bool> createSession(const Session &session) override { return m_sessions.createSession(session); }
    Expected<std::optional<Session>> findSession(const QByteArray &tokenHash) override
    {
        return m_sessions.findSession(tokenHash);
    }
    Expected<bool> deleteSession(const QByteArray &tokenHash) override { return m_sessions.deleteSession(tokenHash); }
    Expected<bool> deleteSessionsOf(const QString &username) override { return m_sessions.deleteSessionsOf(username); }

    Expected<int> recordFailedSignIn(const QString &key, const QDateTime &at) override
    {
        return m_sessions.recordFailedSignIn(key, at);
    }
    int failedSignInsSince(const QString &key, const QDateTime &since) override
    {
        return m_sessions.failedSignInsSince(key, since);
    }
    Expected<bool> clearFailedSignIns(const QString &key) override { return m_sessions.clearFailedSignIns(key); }

    Expected<std::optional<Profile>> findProfile(const QString &username) override
    {
        return m_profiles.findProfile(username);
    }
    Expected<QList<Expected<UpsertOutcome>>> importProfiles(const QList<Profile> &profiles) override
    {
        return m_profiles.importProfiles(profiles);
    }
    Expected<SaveOutcome> saveProfile(const Profile &profile, qint64 expectedRevision, bool mayRestore) override
    {
        return m_profiles.saveProfile(profile, expectedRevision, mayRestore);
    }
    Expected<bool> removeProfile(const QString &username) override { return m_profiles.removeProfile(username); }
    qint64 profileCount() override { return m_profiles.profileCount(); }
    Expected<QStringList> managementChain(const QString &username) override
    {
        return m_profiles.managementChain(username);
    }
    void setTeamVisibilityByDefault(bool team) override { m_profiles.setTeamVisibilityByDefault(team); }

    Expected<Profile> setPhoto(const QString &username, const Photo &photo) override
    {
        return m_photos.setPhoto(username, photo);
    }
    std::optional<Photo> photo(const QString &username) override { return m_photos.photo(username); }

    Expected<SendOutcome> sendMessage(const Message &message) override { return m_messages.sendMessage(message); }
    Expected<int> markRead(const QString &reader, const QString &other, qint64 upToId) override
    {
        return m_messages.markRead(reader, other, upToId);
    }

    Expected<ConversationOutcome> createConversation(const QString &creator,
                                                     const ConversationRequest &request) override
    {
        return m_conversations.create(creator, request);
    }
    Expected<ConversationOutcome> leaveConversation(const QString &id, const QString &username,
                                                    const QString &suggest) override
    {
        return m_conversations.leave(id, username, suggest);
    }
    Expected<ConversationOutcome> resolveConversation(const QString &id, const QString &username,
                                                      qint64 messageId) override
    {
        return m_conversations.resolve(id, username, messageId);
    }
    Expected<ConversationOutcome> markConversationRead(const QString &id, const QString &username,
                                                       qint64 upToId) override
    {
        return m_conversations.markRead(id, username, upToId);
    }
    Expected<std::optional<Conversation>> findConversation(const QString &id, const QString &viewer) override
    {
        return m_conversations.find(id, viewer);
    }

    Expected<Status> findStatus(const QString &username) override { return m_statuses.findStatus(username); }
    Expected<Status> setStatus(const QString &username, const StatusChoice &choice) override
    {
        return m_statuses.setStatus(username, choice);
    }
    Expected<QList<StatusChange>> reportPresence(const QList<PresenceReport> &reports) override
    {
        return m_statuses.reportPresence(reports);
    }
    Expected<QList<StatusChange>> sweepStatuses(const QDateTime &now, const QDateTime &offlineBefore,
                                                const std::function<bool(const QString &)> &connectedHere) override
    {
        return m_statuses.sweep(now, offlineBefore, connectedHere);
    }

    Expected<SyncPage> changesSince(const QString &viewer, qint64 cursor, int limit) override
    {
        return m_sync.changesSince(viewer, cursor, limit);
    }
    Expected<SyncPage> statusesSince(qint64 cursor, qint64 upTo, int limit) override
    {
        return m_sync.statusesSince(cursor, upTo, limit);
    }
    qint64 latestSequence() override { return m_sync.latestSequence(); }
    Expected<QMap<qint64, SequenceAudience>> audiencesBetween(qint64 after, qint64 upTo) override
    {
        return m_sync.audiencesBetween(after, upTo);
    }

    Expected<std::optional<StoredVocabulary>> findVocabulary() override { return m_vocabulary.findVocabulary(); }
    Expected<QString> vocabularyVersion() override { return m_vocabulary.vocabularyVersion(); }
    Expected<bool> saveVocabulary(const StoredVocabulary &vocabulary) override
    {
        return m_vocabulary.saveVocabulary(vocabulary);
    }

    ScimStorage &scim() override { return m_scim; }

private:
    bool isPostgres() const { return m_database.isPostgres(); }
    void startListening();
    void checkListener();
    //! Opens the listening connection \a db and subscribes to both channels.
    static bool subscribe(QSqlDatabase &db);
    //! A transaction of this instance that took sequence values \a first to \a last committed.
    void committed(qint64 first, qint64 last);
    void emitChanged(qint64 sequence);

    //! A commit that took more sequence values than this is hinted as its last one only
    //! (which wakes everyone for the rest).
    static constexpr qint64 MaxHintedRange = 1000;

    std::atomic<qint64> m_lastEmitted {0};
    Internal::Database m_database;
    Internal::AccountTable m_accounts {m_database};
    Internal::SessionTable m_sessions {m_database};
    Internal::ProfileTable m_profiles {m_database};
    Internal::PhotoTable m_photos {m_database};
    Internal::MessageTable m_messages {m_database};
    Internal::ConversationTable m_conversations {m_database};
    Internal::StatusTable m_statuses {m_database};
    Internal::SyncReader m_sync {m_database};
    Internal::VocabularyTable m_vocabulary {m_database};
    Internal::ScimTable m_scim {m_database};
    bool m_opened = false;

    // PostgreSQL: a connection in this object's thread that LISTENs for other instances' changes
    QString m_listenerName;
    QTimer m_listenerCheck;
};

} // namespace Colleagues::Server
