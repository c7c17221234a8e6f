// SPDX-License-Identifier: MIT
#pragma once

#include "server/http/Exchange.h"
#include "server/http/HttpResponse.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>
#include <set>
#include <utility>

namespace Colleagues::Server {

class ApiServer;
class PresenceService;

/*!
 * Holds sync requests that found nothing new (long-polls) and answers each within a
 * moment of a change its caller may see, or empty at its timeout. Lives on the HTTP thread;
 * the queries it re-runs go to the worker pool.
 *
 * Wake-ups come from Storage::changed (every commit, including other instances' through
 * PostgreSQL NOTIFY) and from hint(): the local handlers call it after a commit with the
 * users it concerns, and Storage::changedFor brings the same from other instances (the
 * NOTIFY names them), so a message wakes only its sender's and recipient's long-polls, at
 * once, on every instance. A change whose audience stays unknown wakes every waiter after
 * GraceMs.
 */
class LongPollHub : public QObject
{
    Q_OBJECT

public:
    //! What a (re)query of one waiter found: an answer to send, or nothing yet (next: cursor
    //! to continue from). Runs on a worker.
    struct Poll
    {
        bool ready = false; //!< something that ends the wait (response is the page)
        bool hasPage = false; //!< response is a page of changes that do not end the wait
        HttpResponse response;
        qint64 next = 0;
    };
    using Query = std::function<Poll(const Session &session, qint64 cursor, int limit, const QSet<QString> &watched)>;
    //! The answer for a waiter whose time ran out: an empty page at \a cursor.
    using EmptyAnswer = std::function<HttpResponse(qint64 cursor)>;

    LongPollHub(ApiServer *server, Query query, EmptyAnswer emptyAnswer, PresenceService *presence = nullptr,
                QObject *parent = nullptr);
    ~LongPollHub() override;

    //! What a held sync asks for beyond its cursor.
    struct Watch
    {
        QSet<QString> watched; //!< people whose status changes end the wait (as its own do)
        bool idle = false; //!< the client said presence=idle
        //! The sequence the query that found nothing to end the wait had seen: a later change
        //! makes the hub look again at once.
        qint64 checkedUpTo = 0;
        //! Changes after the cursor were found that do not end the wait (others' statuses):
        //! they come with the answer at the timeout.
        bool pendingPage = false;
    };

    //! Holds \a exchange until something for \a username arrives after \a cursor, or \a timeoutMs.
    void wait(const ExchangePtr &exchange, const QString &username, qint64 cursor, int limit, int timeoutMs,
              const Watch &watch);

    //! A change at \a sequence concerns only \a usernames (empty: everyone); a name made by
    //! statusAudience() stands for the person's status: their polls and those watching them.
    void hint(qint64 sequence, const QStringList &usernames);
    //! Everything up to \a sequence was committed before this hub held any poll: the changes
    //! after it follow on from there (without it, the first change seen wakes every waiter).
    void startAfter(qint64 sequence);
    //! Answers every waiter with an empty page (shutdown).
    void releaseAll();

    int waiting() const { return int(m_waiters.size()); }
    qint64 latestSequence() const { return m_latest; }

    /*!
     * How long a change waits for what would let it wake only its audience: its hint (a
     * change of this instance is hinted once its handler returns) and the changes before it
     * (commits of several threads arrive out of order). After that it wakes every waiter,
     * as a change of another instance does. Waking everyone costs one query per waiter, so
     * it must stay rare, also when the machine is busy and hints come late.
     */
    static constexpr int GraceMs = 150;

public Q_SLOTS:
    void onChanged(qint64 sequence);

private:
    struct Waiter
    {
        quint64 id = 0;
        ExchangePtr exchange;
        QString username;
        qint64 cursor = 0;
        int limit = 0;
        QSet<QString> watched;
        bool idle = false;
        bool querying = false;
        bool dirty = false;
        bool final = false; //!< timed out: the next answer ends the wait, whatever it is
        bool pendingPage = false; //!< see Watch::pendingPage
        qint64 deadline = -1; //!< m_clock time its wait ends (-1: not in m_deadlines)
    };
    using WaiterPtr = std::shared_ptr<Waiter>;

    void schedule(int delayMs);
    void process();
    void requery(const WaiterPtr &waiter);
    void finished(quint64 id, const Poll &poll);
    void remove(const WaiterPtr &waiter);
    void timedOut(const WaiterPtr &waiter);
    void expire();
    void armDeadlines();
    void updateGauge();

    ApiServer *m_server;
    PresenceService *m_presence;
    Query m_query;
    EmptyAnswer m_emptyAnswer;
    QHash<quint64, WaiterPtr> m_waiters;
    QHash<QString, QSet<quint64>> m_byUser;
    QHash<QString, QSet<quint64>> m_byWatched; //!< waiters by the people they watch
    quint64 m_nextId = 1;
    int m_reported = 0; //!< waiters counted in the shared gauge
    qint64 m_latest = 0;

    // Changes seen and not processed yet, in sequence order.
    struct Pending
    {
        bool hinted = false; //!< the audience below is known
        bool everyone = false; //!< hinted as concerning everyone
        QStringList users;
        qint64 seenAt = 0; //!< m_clock time it was first seen
    };
    Pending &pending(qint64 sequence);

    QMap<qint64, Pending> m_pending;
    qint64 m_processedUpTo = -1; //!< every sequence up to here was processed (-1: none yet)
    QElapsedTimer m_clock;
    QTimer m_processTimer;

    // The waiters' timeouts, soonest first, and one timer for the soonest (thousands of timers,
    // one per waiter, would cost every wake-up of the thread's event loop).
    std::set<std::pair<qint64, quint64>> m_deadlines; // (deadline, waiter id)
    QTimer m_deadlineTimer;
    qint64 m_armedFor = -1; //!< the deadline m_deadlineTimer is set for (-1: none)
};

} // namespace Colleagues::Server
