// SPDX-License-Identifier: MIT
#include "client/sync/SyncEngine.h"

#include "client/ClientStore.h"
#include "client/StoreSchema_p.h"
#include "client/sync/ApiClient.h"
#include "client/sync/SyncBatch.h"
#include "client/sync/SyncDatabase.h"
#include "client/sync/SyncLogging.h"
#include "client/sync/SyncSchema_p.h"

#include <QThreadPool>
#include <QTimer>

namespace Colleagues {

using namespace SyncSchema;

namespace {
//! Where the stored directory is, read on the sync worker after every earlier write.
struct Position
{
    qint64 cursor = 0;
    bool initialDone = false;
    qint64 received = 0;
    qint64 total = -1;
};
} // namespace

SyncEngine::SyncEngine(ApiClient *api, SyncDatabase *database, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_database(database)
    , m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &SyncEngine::restart);
    const Position p {cursor(database->readHandle()),
                      syncValue(database->readHandle(), Keys::InitialDone) == QLatin1String("1"),
                      syncValue(database->readHandle(), Keys::InitialReceived).toLongLong(), -1};
    m_initialDone = p.initialDone;
    m_progress.received = p.received;
    const QString total = syncValue(database->readHandle(), Keys::Total);
    m_progress.total = total.isEmpty() ? -1 : total.toLongLong();
}

SyncEngine::~SyncEngine()
{
    ++m_generation;
    if (m_inFlight)
        m_inFlight->abort();
    if (m_vocabularyJob)
        m_vocabularyJob->abort();
}

void SyncEngine::start()
{
    begin(false);
}

void SyncEngine::syncOnce()
{
    begin(true);
}

void SyncEngine::begin(bool once)
{
    m_once = once;
    if (!m_api->hasToken()) {
        setState(SyncState::SignedOut);
        return;
    }
    m_running = true;
    m_retryTimer->stop();
    restart();
}

void SyncEngine::stop()
{
    m_running = false;
    m_connected = false; // started again, the first answer is a first contact
    ++m_generation;
    m_retryTimer->stop();
    m_retryDelay = std::chrono::milliseconds {0};
    if (m_inFlight)
        m_inFlight->abort();
}

void SyncEngine::suspendForSignIn()
{
    stop();
    setState(SyncState::SignedOut);
}

void SyncEngine::syncNow()
{
    if (!m_running)
        return;
    m_retryTimer->stop();
    m_backoff.reset();
    restart();
}

void SyncEngine::setState(SyncState state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcSync) << "sync state:" << syncStateName(state);
    Q_EMIT stateChanged(state);
}

void SyncEngine::restart()
{
    const quint64 generation = ++m_generation;
    m_retryDelay = std::chrono::milliseconds {0};
    if (m_inFlight)
        m_inFlight->abort();
    if (!m_running)
        return;
    if (!m_api->hasToken()) {
        m_running = false;
        setState(SyncState::SignedOut);
        return;
    }
    // Read the position behind every write already queued, so that it is the committed one.
    m_database->write<Position>(
        [](SyncWriter &w) {
            Position p;
            p.cursor = cursor(w.handle());
            p.initialDone = syncValue(w.handle(), Keys::InitialDone) == QLatin1String("1");
            p.received = syncValue(w.handle(), Keys::InitialReceived).toLongLong();
            const QString total = syncValue(w.handle(), Keys::Total);
            p.total = total.isEmpty() ? -1 : total.toLongLong();
            return p;
        },
        this,
        [this, generation](Position p) {
            if (generation != m_generation || !m_running)
                return;
            m_initialDone = p.initialDone;
            m_progress = {p.received, p.total};
            if (!m_initialDone) {
                setState(SyncState::Syncing);
                Q_EMIT progressChanged(m_progress.received, m_progress.total);
            }
            // After a start or a failure the first question is answered at once: a long-poll
            // would say that the server is back only when something changed, or at its timeout.
            fetch(p.cursor, m_initialDone && !m_once && m_connected);
        });
}

void SyncEngine::setIdle(bool idle)
{
    if (m_idle == idle)
        return;
    m_idle = idle;
    qCDebug(lcSync) << "presence:" << (idle ? "idle" : "active");
    repoll();
}

void SyncEngine::setWatchList(const QStringList &usernames)
{
    QStringList sorted = usernames;
    sorted.removeAll(QString());
    sorted.sort();
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    if (sorted.size() > Limits::WatchMax)
        sorted = sorted.mid(0, Limits::WatchMax);
    if (sorted == m_watch)
        return;
    m_watch = sorted;
    repoll();
}

void SyncEngine::repoll()
{
    // Only a held long-poll waits for something that may not come: a page on its way, or a
    // retry after a failure, asks with the new values anyway.
    if (!m_running || !m_inFlight || !m_inFlightLongPoll)
        return;
    restart();
}

void SyncEngine::fetch(qint64 since, bool longPoll)
{
    SyncJob *job = m_api->sync(since, m_pageSize, longPoll ? m_longPollSeconds : 0, m_idle, m_watch);
    m_inFlight = job;
    m_inFlightLongPoll = longPoll;
    const quint64 generation = m_generation;
    connect(job, &ApiJob::finished, this, [this, job, generation] { onFetched(job, generation); });
}

void SyncEngine::onFetched(SyncJob *job, quint64 generation)
{
    if (m_inFlight == job)
        m_inFlight = nullptr;
    if (generation != m_generation || !m_running)
        return;
    if (!job->isSucceeded()) {
        fail(job->error());
        return;
    }
    m_lastSyncedAt = QDateTime::currentDateTimeUtc();
    m_lastError = {};
    m_backoff.reset();
    if (!m_connected) {
        m_connected = true;
        Q_EMIT connected();
    }
    if (m_initialDone)
        setState(SyncState::Online);

    m_database->applySyncAnswer(
        job->body(), job->since(), m_username, this,
        [this, generation](const SyncDatabase::AnswerHead &head) { onParsed(head, generation); },
        [this, generation](const PageResult &r) {
            const bool current = generation == m_generation && m_running;
            if (r.error.isEmpty() && !r.stale && !r.startOver) {
                // Committed: tell the UI even if the loop moved on meanwhile.
                if (!r.removedProfileIds.isEmpty())
                    Q_EMIT profilesRemoved(r.removedProfileIds);
                if (!r.changedProfileIds.isEmpty())
                    Q_EMIT profilesChanged(r.changedProfileIds);
                if (!r.changedConversations.isEmpty())
                    Q_EMIT conversationsChanged(r.changedConversations, r.newConversationIds);
                if (!r.newMessages.isEmpty())
                    Q_EMIT messagesReceived(r.newMessages);
                if (!r.updatedMessages.isEmpty())
                    Q_EMIT messagesUpdated(r.updatedMessages);
                if (!r.changedStatuses.isEmpty())
                    Q_EMIT statusesChanged(r.changedStatuses);
                if (!m_initialDone) {
                    m_progress.received = r.initialReceived;
                    if (r.total >= 0)
                        m_progress.total = r.total;
                    if (r.initialDone && m_progress.total < m_progress.received)
                        m_progress.total = m_progress.received;
                    Q_EMIT progressChanged(m_progress.received, m_progress.total);
                }
                if (r.initialDone && !m_initialDone) {
                    m_initialDone = true;
                    Q_EMIT initialSyncFinished();
                }
            }
            if (!current)
                return;
            if (!r.error.isEmpty()) {
                qCWarning(lcSync) << "could not store a sync answer:" << r.error;
                fail(ApiError::protocol(r.error));
                return;
            }
            if (r.stale) {
                restart();
                return;
            }
            if (r.startOver) {
                qCInfo(lcSync) << "the server asked to start over: full resync";
                ++m_generation;
                m_database->write<bool>([](SyncWriter &w) { return w.resetForResync(); }, this,
                                        [this](bool ok) {
                                            if (!ok) {
                                                fail(ApiError::protocol(QStringLiteral("could not reset the store")));
                                                return;
                                            }
                                            m_initialDone = false;
                                            m_progress = {};
                                            Q_EMIT directoryReset();
                                            restart();
                                        });
                return;
            }
            setState(m_initialDone ? SyncState::Online : SyncState::Syncing);
            if (!r.hasMore) {
                Q_EMIT caughtUp();
                if (m_once)
                    stop();
            }
        });
}

void SyncEngine::onParsed(const SyncDatabase::AnswerHead &head, quint64 generation)
{
    if (generation != m_generation || !m_running || head.startOver)
        return;
    updateVocabulary(head.vocabularyVersion);
    if (head.hasMore)
        fetch(head.next, false);
    else if (!m_once)
        fetch(head.next, true);
}

void SyncEngine::updateVocabulary(const QString &serverVersion)
{
    ClientStore *store = m_database->store();
    if (serverVersion.isEmpty() || m_fetchingVocabulary || serverVersion == store->vocabulary().version())
        return;
    qCInfo(lcSync) << "fetching the vocabulary, version" << serverVersion;
    m_fetchingVocabulary = true;
    VocabularyJob *job = m_api->fetchVocabulary(store->vocabularyVersion());
    m_vocabularyJob = job;
    connect(job, &ApiJob::finished, this, [this, job] {
        if (!job->isSucceeded() || job->isNotModified()) {
            // Not worth failing the sync for: the next answer tries again.
            if (!job->isSucceeded())
                qCWarning(lcSync) << "could not fetch the vocabulary:" << job->error().kindName()
                                  << job->error().detail;
            m_fetchingVocabulary = false;
            return;
        }
        // Decoded on a pool thread: neither this (GUI) thread nor the writer, whose sync pages
        // must not wait for it. Stored by the writer, like every other sync write.
        QPointer<SyncEngine> self(this);
        QThreadPool::globalInstance()->start([self, body = job->body()] {
            auto decoded = std::make_shared<Expected<Vocabulary>>(VocabularyJob::decode(body));
            QMetaObject::invokeMethod(
                self,
                [self, decoded] {
                    if (self)
                        self->storeVocabulary(*decoded);
                },
                Qt::QueuedConnection);
        });
    });
}

void SyncEngine::storeVocabulary(const Expected<Vocabulary> &vocabulary)
{
    if (!vocabulary) {
        m_fetchingVocabulary = false;
        qCWarning(lcSync) << "the server sent an invalid vocabulary:" << vocabulary.error().message;
        return;
    }
    // Written (and turned into text) on the writer thread: a large vocabulary would stall the
    // thread the UI runs on. The store here then takes it without reading it back.
    m_database->write<QString>(
        [vocabulary = vocabulary.value()](SyncSchema::SyncWriter &writer) {
            QString error;
            StoreSchema::writeVocabulary(writer.handle(), vocabulary, &error);
            return error;
        },
        this,
        [this, vocabulary = vocabulary.value()](const QString &error) {
            m_fetchingVocabulary = false; // only now is the stored version the new one
            if (!error.isEmpty()) {
                qCWarning(lcSync) << "could not store the vocabulary:" << error;
                return;
            }
            m_database->store()->adoptVocabulary(vocabulary);
            Q_EMIT vocabularyFetched(vocabulary.version());
        });
}

void SyncEngine::fail(const ApiError &error)
{
    m_lastError = error;
    m_connected = false;
    Q_EMIT errorOccurred(error);
    if (error.kind == ApiError::Kind::Auth) {
        m_running = false;
        ++m_generation;
        setState(SyncState::SignedOut);
        return;
    }
    const bool unreachable = error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Tls;
    setState(unreachable ? SyncState::Offline : SyncState::Error);
    ++m_generation;
    m_retryDelay = m_backoff.next(error.retryAfter);
    qCInfo(lcSync) << "sync failed:" << error.kindName() << error.detail << "- retrying in" << m_retryDelay.count()
                   << "ms";
    m_retryTimer->start(m_retryDelay);
}

} // namespace Colleagues
