// SPDX-License-Identifier: MIT
#pragma once

#include "server/http/Exchange.h"
#include "server/http/HttpResponse.h"
#include "server/storage/Storage.h"

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
 * PostgreSQL NOTIFY) and from hint(): the local handlers' commits name the users they concern
 * (ApiShared hints at the commit and once the handler returns), and Storage::changedFor brings the same from other
 * instances (the NOTIFY names them), so a message wakes only its sender's and recipient's long-polls, at once, on every
 * instance. Whom a change concerns that stays unknown for GraceMs (no hint came, or a sequence value never showed up)
 * is read from the database, once for all such changes; only if that read fails are all waiters woken. Timeouts are
 * one deadline queue with one timer.
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
        //! A page of changes that do not end the wait was found; response is that page only
        //! for a final query (the others need not write what is not sent).
        bool hasPage = false;
        bool final = false; //!< the query was asked for the answer at the timeout
        HttpResponse response;
        qint64 next = 0;
    };
    //! Reads what the waiter may see after \a cursor; with \a final (its time is up) the page
    //! found is the answer even if it would not end the wait. \a statusesOnlyUpTo, when after
    //! \a cursor: nothing but statuses up to there concerns the waiter (the hub knows whom every
    //! change up to there concerns), so the page needs no read of profiles and messages.
    //! \a acceptsGzip: the waiter's request accepts a gzip answer.
    using Query = std::function<Poll(const Session &session, qint64 cursor, int limit, const QSet<QString> &watched,
                                     bool final, qint64 statusesOnlyUpTo, bool acceptsGzip)>;
    //! The answer for a waiter whose time ran out: an empty page at \a cursor.
    using EmptyAnswer = std::function<HttpResponse(qint64 cursor)>;
    //! Whom each change at a sequence value in (after, upTo] concerns; a value left out concerns
    //! nobody. Runs on a worker (Storage::audiencesBetween()).
    using Audiences = std::function<Expected<QMap<qint64, SequenceAudience>>(qint64 after, qint64 upTo)>;

    LongPollHub(ApiServer *server, Query query, EmptyAnswer emptyAnswer, Audiences audiences,
                PresenceService *presence = nullptr, QObject *parent = nullptr);
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
    //! Holds \a exchange as wait() does, without a query first, when no change this hub
    //! processed after \a cursor may concern it (those it has not processed yet wake it when they
    //! are): what came meanwhile can only be other people's statuses, which do not end the wait.
    //! False (nothing done) when a query must decide: an unknown cursor, or a change that may
    //! concern the caller. \a watch's checkedUpTo and pendingPage are set here.
    bool holdIfQuiet(const ExchangePtr &exchange, const QString &username, qint64 cursor, int limit, int timeoutMs,
                     Watch watch);

    //! A change at \a sequence concerns only \a usernames (empty: everyone); a name made by
    //! statusAudience() stands for the person's status: their polls and those watching them.
    void hint(qint64 sequence, const QStringList &usernames);
    //! Everything up to \a sequence was committed before this hub held any poll: the changes
    //! after it follow on from there (without it, the first change seen wakes every waiter).
    void startAfter(qint64 sequence);
    //! Answers every waiter with an empty page (shutdown).
    void releaseAll();

    int waiting() const { return int(m_waiters.size()); }
    //! Up to where nothing but statuses after \a cursor concerns \a username: every change up
    //! to there was processed, none for everyone or for them. -1 when that is not known.
    qint64 statusesOnlyUpTo(qint64 cursor, const QString &username) const;
    qint64 latestSequence() const { return m_latest; }

    /*!
     * How long a change whose audience is not known waits for its hint (a change of this
     * instance is hinted at its commit, another's by its NOTIFY), and a gap in the sequence for
     * the change that fills it (commits of several threads and instances arrive out of order).
     * After that the hub reads whom the changes up to the newest it has seen concern (one query
     * for all of them, however many). Hinted changes wake their audience at once, gap or not;
     * until a gap closes, no page is made from the statuses in memory (statusesOnlyUpTo()).
     */
    static constexpr int GraceMs = 50;
    //! At most this many sequence values are read at once; a longer run of unknown changes (a
    //! directory import by another process) wakes every waiter instead.
    static constexpr qint64 MaxAudiencesRead = 5000;

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
        bool acceptsGzip = false;
        bool querying = false;
        bool dirty = false;
        bool final = false; //!< timed out: the next answer ends the wait, whatever it is
        bool direct = false; //!< woken by a change for it (a message), not a status it watches
        bool pendingPage = false; //!< see Watch::pendingPage
        qint64 deadline = -1; //!< m_clock time its wait ends (-1: not in m_deadlines)
    };
    using WaiterPtr = std::shared_ptr<Waiter>;

    void schedule(int delayMs);
    //! Wakes the waiters of what is known; with \a audiencesUnknown (their read failed),
    //! everyone for what is pending past the grace.
    void process(bool audiencesUnknown = false);
    //! Reads whom the changes after m_processedUpTo, up to the newest pending, concern.
    void readAudiences();
    void audiencesRead(qint64 after, qint64 upTo, const Expected<QMap<qint64, SequenceAudience>> &audiences);
    void requery(const WaiterPtr &waiter);
    void finished(quint64 id, const Poll &poll);
    void remove(const WaiterPtr &waiter);
    void timedOut(const WaiterPtr &waiter);
    void expire();
    void armDeadlines();
    //! Whether a change processed after \a sequence may concern \a username watching \a watched.
    bool missedSince(qint64 sequence, const QString &username, const QSet<QString> &watched) const;
    void remember(qint64 sequence, const QStringList &users, bool everyone);
    void updateGauge();

    ApiServer *m_server;
    PresenceService *m_presence;
    Query m_query;
    EmptyAnswer m_emptyAnswer;
    Audiences m_audiences;
    bool m_readingAudiences = false;
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
        bool woken = false; //!< its audience was woken (it waits for the changes before it)
        QStringList users;
        qint64 seenAt = 0; //!< m_clock time it was first seen
    };
    Pending &pending(qint64 sequence);
    //! Counts how long \a change waited here (Metrics::recordSequenceWait()).
    void recordWait(const Pending &change);

    QMap<qint64, Pending> m_pending;
    qint64 m_processedUpTo = -1; //!< every sequence up to here was processed (-1: none yet)

    // Whom the changes processed concerned, so that a sync held after its query ran looks again
    // only if one of those concerns it (at 100 changes a second nearly every held sync saw
    // some: other people's, mostly): the latest sequence that named a user ("ada"), or a
    // person's status ("~ada"); changes up to m_forgottenUpTo are not kept (may concern anyone).
    QHash<QString, qint64> m_lastFor;
    QHash<QString, qint64> m_lastStatusOf;
    qint64 m_lastEveryone = 0;
    qint64 m_forgottenUpTo = 0;
    QElapsedTimer m_clock;
    QTimer m_processTimer;

    // The waiters' timeouts, soonest first, and one timer for the soonest (thousands of timers,
    // one per waiter, would cost every wake-up of the thread's event loop).
    std::set<std::pair<qint64, quint64>> m_deadlines; // (deadline, waiter id)
    QTimer m_deadlineTimer;
    qint64 m_armedFor = -1; //!< the deadline m_deadlineTimer is set for (-1: none)
};

} // namespace Colleagues::Server
