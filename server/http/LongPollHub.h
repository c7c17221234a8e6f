#pragma once

#include "Exchange.h"
#include "HttpResponse.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

namespace Colleagues::Server {

class ApiServer;

/*!
 * Holds sync requests that found nothing new (long-polls) and answers each within a
 * moment of a change its caller may see, or empty at its timeout. Lives on the HTTP thread;
 * the queries it re-runs go to the worker pool.
 *
 * Wake-ups come from Storage::changed (every commit, including other instances' through
 * PostgreSQL NOTIFY: those wake every waiter after a short coalescing delay) and from
 * hint(), which the local handlers call after a commit with the users it concerns, so a
 * message wakes only its sender's and recipient's long-polls, at once.
 */
class LongPollHub : public QObject
{
    Q_OBJECT

public:
    //! What a (re)query of one waiter found: an answer to send, or nothing yet (next: cursor
    //! to continue from). Runs on a worker.
    struct Poll
    {
        bool ready = false;
        HttpResponse response;
        qint64 next = 0;
    };
    using Query = std::function<Poll(const QString &username, qint64 cursor, int limit)>;
    //! The answer for a waiter whose time ran out: an empty page at \a cursor.
    using EmptyAnswer = std::function<HttpResponse(qint64 cursor)>;

    LongPollHub(ApiServer *server, Query query, EmptyAnswer emptyAnswer, QObject *parent = nullptr);
    ~LongPollHub() override;

    //! Holds \a exchange until something for \a username arrives after \a cursor, or \a timeoutMs.
    void wait(const ExchangePtr &exchange, const QString &username, qint64 cursor, int limit, int timeoutMs);

    //! A change at \a sequence concerns only \a usernames (empty: everyone).
    void hint(qint64 sequence, const QStringList &usernames);
    //! Answers every waiter with an empty page (shutdown).
    void releaseAll();

    int waiting() const { return int(m_waiters.size()); }
    qint64 latestSequence() const { return m_latest; }

    //! Delay before a change nobody hinted (another instance's) wakes every waiter.
    static constexpr int CoalesceMs = 15;

public slots:
    void onChanged(qint64 sequence);

private:
    struct Waiter
    {
        quint64 id = 0;
        ExchangePtr exchange;
        QString username;
        qint64 cursor = 0;
        int limit = 0;
        bool querying = false;
        bool dirty = false;
        QTimer timer;
    };
    using WaiterPtr = std::shared_ptr<Waiter>;

    void schedule(int delayMs);
    void process();
    void requery(const WaiterPtr &waiter);
    void finished(quint64 id, const Poll &poll);
    void remove(const WaiterPtr &waiter);
    void updateGauge();

    ApiServer *m_server;
    Query m_query;
    EmptyAnswer m_emptyAnswer;
    QHash<quint64, WaiterPtr> m_waiters;
    QHash<QString, QSet<quint64>> m_byUser;
    quint64 m_nextId = 1;
    int m_reported = 0; //!< waiters counted in the shared gauge
    qint64 m_latest = 0;

    // Changes seen since the last process(): sequence -> hinted with an audience?
    QHash<qint64, bool> m_pending;
    qint64 m_processedUpTo = -1; //!< every sequence up to here was processed (-1: none yet)
    bool m_wakeAll = false;
    QSet<QString> m_wakeUsers;
    QTimer m_processTimer;
};

} // namespace Colleagues::Server
