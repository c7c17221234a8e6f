// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/ApiError.h"
#include "client/sync/Backoff.h"
#include "client/sync/SyncDatabase.h"
#include "client/sync/SyncTypes.h"
#include "core/Expected.h"
#include "core/Status.h"
#include "core/Vocabulary.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace Colleagues {

class ApiClient;
class SyncJob;
class VocabularyJob;

/*!
 * Keeps the local store in step with the server. First sync: pages through the whole
 * directory (progress n of total), committing the cursor with every page, and resumes where
 * it stopped. Then a long-poll loop on /api/v1/sync, one transaction per answer. A "start
 * over" answer triggers a clean full resync; the outbox is left alone. Failures are retried
 * with backoff; a 401 stops the loop until start() is called again after signing in.
 *
 * The next page is requested while the previous one is still being written (on the store's
 * sync worker), so network and disk overlap during the first sync.
 */
class SyncEngine : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Colleagues::SyncState state READ state NOTIFY stateChanged)

public:
    SyncEngine(ApiClient *api, SyncDatabase *database, QObject *parent = nullptr);
    ~SyncEngine() override;

    //! The signed-in username: decides who the other person in each conversation is.
    void setUsername(const QString &username) { m_username = username; }
    void setBackoffPolicy(const BackoffPolicy &policy) { m_backoff.setPolicy(policy); }
    //! Profiles per page in the first sync (the server may send fewer).
    void setPageSize(int size) { m_pageSize = size; }
    int pageSize() const { return m_pageSize; }
    //! How long the server may hold a long-poll, in seconds.
    void setLongPollTimeout(int seconds) { m_longPollSeconds = seconds; }

    //! Whether the user is away from the computer (no input for a while, a locked screen): sent
    //! with every sync (presence=idle|active). A change ends a held long-poll and asks again.
    void setIdle(bool idle);
    bool isIdle() const { return m_idle; }
    /*!
     * The people whose status the UI shows now (at most Limits::WatchMax are sent): their status
     * changes end a held long-poll at once. A different set ends the held long-poll and asks
     * again with it; the same set in another order does nothing.
     */
    void setWatchList(const QStringList &usernames);
    QStringList watchList() const { return m_watch; }

    SyncState state() const { return m_state; }
    bool isRunning() const { return m_running; }
    SyncProgress progress() const { return m_progress; }
    bool isInitialSyncDone() const { return m_initialDone; }
    //! The last failure (state Offline or Error); Kind::None otherwise.
    ApiError lastError() const { return m_lastError; }
    //! When the server last answered a sync request.
    QDateTime lastSyncedAt() const { return m_lastSyncedAt; }
    //! How long the current wait before the next attempt is (0 when not waiting).
    std::chrono::milliseconds currentRetryDelay() const { return m_retryDelay; }
    //! A vocabulary is being fetched or stored.
    bool isFetchingVocabulary() const { return m_fetchingVocabulary; }

public Q_SLOTS:
    //! Starts (or resumes) syncing: the first sync if it is not done, then long-polling.
    void start();
    //! Syncs until up to date, then stops and emits caughtUp() (no long-poll).
    void syncOnce();
    //! Stops the loop; an answer already on its way is still stored.
    void stop();
    //! Stops and shows SignedOut until start() is called after signing in again.
    void suspendForSignIn();
    //! Skips a backoff wait and asks the server now (e.g. the network came back).
    void syncNow();

Q_SIGNALS:
    void stateChanged(Colleagues::SyncState state);
    void progressChanged(qint64 received, qint64 total);
    //! Profiles created or updated, by id (after the commit).
    void profilesChanged(const QStringList &ids);
    void profilesRemoved(const QStringList &ids);
    //! Group conversations sync stored (new or changed), each as it is now, before the messages
    //! of the same answer; \a newIds: those this client did not have before.
    void conversationsChanged(const QList<Colleagues::GroupChat> &conversations, const QStringList &newIds);
    //! Messages new to this client (incoming, or sent from the account's other devices).
    void messagesReceived(const QList<Colleagues::MessageRecord> &messages);
    //! Messages whose state changed: read receipts, server confirmation of our own sends.
    void messagesUpdated(const QList<Colleagues::MessageRecord> &messages);
    //! People's statuses changed (after the commit), each as it is now.
    void statusesChanged(const QList<Colleagues::Status> &statuses);
    //! The server said "start over": the local directory was cleared and a full resync begins.
    void directoryReset();
    void initialSyncFinished();
    //! Everything the server had was stored (once per catch-up).
    void caughtUp();
    //! The server answered after failing or at first contact: good time to flush the outbox.
    void connected();
    void errorOccurred(const Colleagues::ApiError &error);
    //! A vocabulary was fetched from the server and stored (ClientStore::vocabularyChanged()
    //! tells when its content changed).
    void vocabularyFetched(const QString &version);

private:
    void begin(bool once);
    void fetch(qint64 since, bool longPoll);
    //! Ends a held long-poll to ask again at once (the presence or the watch list changed).
    void repoll();
    void onFetched(SyncJob *job, quint64 generation);
    void onParsed(const SyncDatabase::AnswerHead &head, quint64 generation);
    void restart();
    //! Fetches the server's vocabulary when \a serverVersion is not the one the store has.
    void updateVocabulary(const QString &serverVersion);
    void storeVocabulary(const Expected<Vocabulary> &vocabulary);
    void fail(const ApiError &error);
    void setState(SyncState state);
    void loadPosition();

    ApiClient *m_api;
    SyncDatabase *m_database;
    QString m_username;
    Backoff m_backoff;
    QTimer *m_retryTimer;
    QPointer<SyncJob> m_inFlight;
    bool m_inFlightLongPoll = false;
    bool m_idle = false;
    QStringList m_watch; //!< sorted, without duplicates
    QPointer<VocabularyJob> m_vocabularyJob;
    bool m_fetchingVocabulary = false; //!< from the request until the vocabulary is stored
    SyncState m_state = SyncState::SignedOut;
    SyncProgress m_progress;
    ApiError m_lastError;
    QDateTime m_lastSyncedAt;
    std::chrono::milliseconds m_retryDelay {0};
    quint64 m_generation = 0; //!< bumped on every restart: answers of older runs are ignored
    int m_pageSize = 1000;
    int m_longPollSeconds = 25;
    bool m_running = false;
    bool m_once = false;
    bool m_initialDone = false;
    bool m_caughtUp = false;
    bool m_connected = false;
};

} // namespace Colleagues
