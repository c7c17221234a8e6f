// SPDX-License-Identifier: MIT
#include "server/http/LongPollHub.h"

#include "server/http/ApiServer.h"
#include "server/http/Compression.h"
#include "server/http/PresenceService.h"

#include <QLoggingCategory>
#include <QPointer>

#include <algorithm>
#include <limits>

Q_LOGGING_CATEGORY(lcLongPoll, "colleagues.server.http.longpoll", QtWarningMsg)

namespace Colleagues::Server {

LongPollHub::LongPollHub(ApiServer *server, Query query, EmptyAnswer emptyAnswer, Audiences audiences,
                         PresenceService *presence, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_presence(presence)
    , m_query(std::move(query))
    , m_emptyAnswer(std::move(emptyAnswer))
    , m_audiences(std::move(audiences))
{
    m_clock.start();
    m_processTimer.setSingleShot(true);
    connect(&m_processTimer, &QTimer::timeout, this, [this] { process(); });
    m_deadlineTimer.setSingleShot(true);
    m_deadlineTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &LongPollHub::expire);
}

void LongPollHub::startAfter(qint64 sequence)
{
    if (m_processedUpTo < 0 && m_pending.isEmpty() && sequence > 0) {
        m_processedUpTo = sequence;
        m_forgottenUpTo = sequence;
        m_latest = qMax(m_latest, sequence);
    }
}

LongPollHub::~LongPollHub()
{
    releaseAll();
}

void LongPollHub::wait(const ExchangePtr &exchange, const QString &username, qint64 cursor, int limit, int timeoutMs,
                       const Watch &watch)
{
    if (exchange->isAbandoned() || exchange->hasResponded()) {
        exchange->respond(m_emptyAnswer(cursor));
        return;
    }
    auto waiter = std::make_shared<Waiter>();
    waiter->id = m_nextId++;
    waiter->exchange = exchange;
    waiter->username = username;
    waiter->cursor = cursor;
    waiter->limit = limit;
    waiter->watched = watch.watched;
    waiter->idle = watch.idle;
    waiter->acceptsGzip = Compression::acceptsGzip(exchange->request().header("accept-encoding"));
    waiter->pendingPage = watch.pendingPage;
    m_waiters.insert(waiter->id, waiter);
    m_byUser[username].insert(waiter->id);
    for (const QString &name : std::as_const(waiter->watched))
        m_byWatched[name].insert(waiter->id);
    updateGauge();
    if (m_presence)
        m_presence->holdStarted(username, waiter->idle);

    waiter->deadline = m_clock.elapsed() + timeoutMs;
    m_deadlines.emplace(waiter->deadline, waiter->id);
    armDeadlines();
    std::weak_ptr<Waiter> weak = waiter;
    exchange->setAbandonHandler([this, weak] {
        if (WaiterPtr w = weak.lock()) {
            remove(w);
            w->exchange->respond(m_emptyAnswer(w->cursor));
        }
    });

    // A change for it may have committed between the query that found nothing and now.
    const qint64 seen = qMax(cursor, watch.checkedUpTo);
    if (m_latest > seen && missedSince(seen, username, waiter->watched))
        requery(waiter);
}

bool LongPollHub::holdIfQuiet(const ExchangePtr &exchange, const QString &username, qint64 cursor, int limit,
                              int timeoutMs, Watch watch)
{
    if (m_processedUpTo < 0 || cursor > m_latest || missedSince(cursor, username, watch.watched))
        return false;
    watch.checkedUpTo = cursor;
    watch.pendingPage = m_latest > cursor;
    wait(exchange, username, cursor, limit, timeoutMs, watch);
    return true;
}

bool LongPollHub::missedSince(qint64 sequence, const QString &username, const QSet<QString> &watched) const
{
    if (sequence < m_forgottenUpTo || m_lastEveryone > sequence)
        return true;
    const auto statusAfter = [this, sequence](const QString &name) { return m_lastStatusOf.value(name, 0) > sequence; };
    if (m_lastFor.value(username, 0) > sequence || statusAfter(username))
        return true;
    return std::any_of(watched.cbegin(), watched.cend(), statusAfter);
}

qint64 LongPollHub::statusesOnlyUpTo(qint64 cursor, const QString &username) const
{
    // Not while a change is pending: a status after it may be what woke the waiter.
    if (m_processedUpTo <= cursor || m_processedUpTo < m_latest || !m_pending.isEmpty())
        return -1;
    if (cursor < m_forgottenUpTo || m_lastEveryone > cursor || m_lastFor.value(username, 0) > cursor)
        return -1;
    return m_processedUpTo;
}

void LongPollHub::remember(qint64 sequence, const QStringList &users, bool everyone)
{
    // Bounded by the people who change (a directory's worth at most); past that, start over.
    constexpr qsizetype Kept = 200000;
    if (everyone) {
        m_lastEveryone = qMax(m_lastEveryone, sequence);
        return;
    }
    if (m_lastFor.size() + m_lastStatusOf.size() + users.size() > Kept) {
        m_lastFor.clear();
        m_lastStatusOf.clear();
        m_forgottenUpTo = qMax(m_forgottenUpTo, qMax(m_processedUpTo, sequence));
    }
    for (const QString &user : users) {
        qint64 &last = user.startsWith(QLatin1Char('~')) ? m_lastStatusOf[user.mid(1)] : m_lastFor[user];
        last = qMax(last, sequence);
    }
}

void LongPollHub::armDeadlines()
{
    if (m_deadlines.empty()) {
        m_deadlineTimer.stop();
        m_armedFor = -1;
        return;
    }
    // Set for a deadline that went meanwhile, the timer fires early and finds nothing due.
    const qint64 soonest = m_deadlines.begin()->first;
    if (m_armedFor >= 0 && m_armedFor <= soonest)
        return;
    m_deadlineTimer.start(int(qMax<qint64>(0, soonest - m_clock.elapsed())));
    m_armedFor = soonest;
}

void LongPollHub::expire()
{
    m_armedFor = -1;
    const qint64 now = m_clock.elapsed();
    while (!m_deadlines.empty() && m_deadlines.begin()->first <= now) {
        const quint64 id = m_deadlines.begin()->second;
        m_deadlines.erase(m_deadlines.begin());
        if (const WaiterPtr waiter = m_waiters.value(id)) {
            waiter->deadline = -1;
            timedOut(waiter);
        }
    }
    armDeadlines();
}

void LongPollHub::timedOut(const WaiterPtr &waiter)
{
    // Changes that did not end the wait (other people's statuses) come with this answer; with
    // nothing committed after the cursor the empty page needs no query.
    if (waiter->pendingPage || m_latest > waiter->cursor) {
        waiter->final = true;
        requery(waiter);
        return;
    }
    remove(waiter);
    waiter->exchange->respond(m_emptyAnswer(waiter->cursor));
}

void LongPollHub::recordWait(const Pending &change)
{
    m_server->metrics().recordSequenceWait(double(m_clock.elapsed() - change.seenAt) / 1000.0);
}

LongPollHub::Pending &LongPollHub::pending(qint64 sequence)
{
    auto it = m_pending.find(sequence);
    if (it == m_pending.end()) {
        it = m_pending.insert(sequence, Pending {});
        it->seenAt = m_clock.elapsed();
    }
    return *it;
}

void LongPollHub::hint(qint64 sequence, const QStringList &usernames)
{
    qCDebug(lcLongPoll) << "hint" << sequence << usernames << "processed up to" << m_processedUpTo;
    m_latest = qMax(m_latest, sequence);
    if (sequence <= m_processedUpTo)
        return; // already woke everyone for it
    Pending &p = pending(sequence);
    if (p.woken)
        return; // hinted twice (at commit and by its handler, or by this instance's own NOTIFY)
    p.hinted = true;
    p.everyone = usernames.isEmpty();
    p.users = usernames;
    schedule(0);
}

void LongPollHub::onChanged(qint64 sequence)
{
    qCDebug(lcLongPoll) << "changed" << sequence << "processed up to" << m_processedUpTo;
    m_latest = qMax(m_latest, sequence);
    if (sequence <= m_processedUpTo || m_pending.contains(sequence))
        return;
    pending(sequence);
    schedule(GraceMs);
}

void LongPollHub::schedule(int delayMs)
{
    if (m_processTimer.isActive() && m_processTimer.remainingTime() <= delayMs)
        return;
    m_processTimer.start(delayMs);
}

void LongPollHub::process(bool audiencesUnknown)
{
    bool all = false;
    bool unknown = false; // waking everyone because whom a change concerns is not known
    QSet<QString> users;
    bool any = false;
    if (m_processedUpTo < 0 && !m_pending.isEmpty()) {
        // The first change this hub sees: nothing is known about what came before it.
        all = true;
        unknown = true;
    } else {
        // Hinted changes wake their audiences at once, also after a gap: a change before one
        // is in every snapshot that has it, and wakes its own audience when its hint comes.
        for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
            if (!it->hinted || it->woken)
                continue;
            it->woken = true;
            any = true;
            all = all || it->everyone;
            for (const QString &user : std::as_const(it->users))
                users.insert(user);
            remember(it.key(), it->users, it->everyone);
        }
        // Done with those that directly follow the last processed one.
        for (auto it = m_pending.begin(); it != m_pending.end() && it.key() == m_processedUpTo + 1 && it->woken;) {
            m_processedUpTo = it.key();
            recordWait(*it);
            it = m_pending.erase(it);
        }
        // What remains waits for its hint or for the changes before it, but not for ever:
        // a change nobody here hints (a notification that is late or lost) or a sequence value
        // that never shows up. Then the database says whom they concern.
        if (!m_pending.isEmpty()) {
            qint64 oldest = std::numeric_limits<qint64>::max();
            for (const Pending &p : std::as_const(m_pending))
                oldest = std::min(oldest, p.seenAt);
            const qint64 waited = m_clock.elapsed() - oldest;
            if (waited < GraceMs) {
                schedule(int(GraceMs - waited));
            } else if (audiencesUnknown || !m_audiences || m_pending.lastKey() - m_processedUpTo > MaxAudiencesRead) {
                all = true;
                unknown = true;
            } else {
                readAudiences();
            }
        }
    }
    if (all) {
        any = true;
        if (!m_pending.isEmpty())
            m_processedUpTo = qMax(m_processedUpTo, m_pending.lastKey());
        for (const Pending &p : std::as_const(m_pending))
            recordWait(p);
        m_pending.clear();
        remember(m_processedUpTo, {}, true);
    }
    if (!any)
        return;

    qCDebug(lcLongPoll) << "process" << (all ? "wake all" : "wake") << users << "of" << m_waiters.size();
    QList<WaiterPtr> wake;
    if (unknown && !m_waiters.isEmpty())
        m_server->metrics().countWakeAll();
    if (all) {
        wake.reserve(m_waiters.size());
        for (const WaiterPtr &w : std::as_const(m_waiters))
            wake.append(w);
    } else {
        QSet<quint64> woken;
        const auto add = [&](const QSet<quint64> &ids, bool direct = false) {
            for (quint64 id : ids) {
                WaiterPtr w = m_waiters.value(id);
                if (!w)
                    continue;
                w->direct = w->direct || direct;
                if (woken.contains(id))
                    continue;
                woken.insert(id);
                wake.append(w);
            }
        };
        for (const QString &user : std::as_const(users)) {
            if (user.startsWith(QLatin1Char('~'))) {
                // A status change: the person's own polls and those watching them.
                const QString name = user.mid(1);
                add(m_byUser.value(name));
                add(m_byWatched.value(name));
            } else {
                add(m_byUser.value(user), true);
            }
        }
    }
    for (const WaiterPtr &w : std::as_const(wake))
        requery(w);
}

void LongPollHub::readAudiences()
{
    if (m_readingAudiences)
        return; // its answer processes again
    m_readingAudiences = true;
    m_server->metrics().countAudienceRead();
    const qint64 after = m_processedUpTo;
    const qint64 upTo = m_pending.lastKey(); // seen, so committed with every value before it
    QPointer<LongPollHub> self(this);
    ApiServer *server = m_server;
    Audiences read = m_audiences;
    // Ahead of the waiters' queries: until it is back, the pending changes' audiences wait.
    m_server->runOnWorker(
        [self, server, read, after, upTo] {
            const Expected<QMap<qint64, SequenceAudience>> audiences = read(after, upTo);
            server->runOnHttpThread([self, after, upTo, audiences] {
                if (self)
                    self->audiencesRead(after, upTo, audiences);
            });
        },
        ApiServer::Urgency::Now);
}

void LongPollHub::audiencesRead(qint64 after, qint64 upTo, const Expected<QMap<qint64, SequenceAudience>> &audiences)
{
    m_readingAudiences = false;
    qCDebug(lcLongPoll) << "audiences of" << after << "to" << upTo << (audiences ? "read" : "not read");
    if (!audiences) {
        process(true); // wake everyone rather than miss a change
        return;
    }
    // Hints that came meanwhile stay (they say the same, or more precisely); the values not read
    // about (no change of anyone's at them any more) concern nobody.
    for (qint64 sequence = qMax(after, m_processedUpTo) + 1; sequence <= upTo; ++sequence) {
        Pending &p = pending(sequence);
        if (p.hinted)
            continue;
        p.hinted = true;
        const auto found = audiences->constFind(sequence);
        if (found != audiences->cend()) {
            p.users = found->usernames;
            p.everyone = found->everyone;
        }
    }
    process();
}

void LongPollHub::requery(const WaiterPtr &waiter)
{
    if (waiter->querying) {
        waiter->dirty = true;
        return;
    }
    waiter->querying = true;
    waiter->dirty = false;
    // Held polls are authenticated: the session says who reads (and whether as an admin).
    Session session = waiter->exchange->session().value_or(Session {});
    session.username = waiter->username;
    const qint64 cursor = waiter->cursor;
    const int limit = waiter->limit;
    const quint64 id = waiter->id;
    const QSet<QString> watched = waiter->watched;
    const bool final = waiter->final;
    const bool acceptsGzip = waiter->acceptsGzip;
    const qint64 statusesOnly = statusesOnlyUpTo(cursor, waiter->username);
    Query query = m_query;
    QPointer<LongPollHub> self(this);
    ApiServer *server = m_server;
    // A message's delivery goes before the pages of watched statuses (they may take up to a
    // second), and those before the pages of polls whose time ran out.
    const auto urgency = waiter->direct ? ApiServer::Urgency::Now
        : final                         ? ApiServer::Urgency::Later
                                        : ApiServer::Urgency::Normal;
    waiter->direct = false;
    // Only plain values cross threads: the waiter stays on the HTTP thread.
    m_server->runOnWorker(
        [self, server, id, query, session, cursor, limit, watched, final, statusesOnly, acceptsGzip] {
            Poll poll = query(session, cursor, limit, watched, final, statusesOnly, acceptsGzip);
            poll.final = final;
            qCDebug(lcLongPoll) << "requery" << session.username << cursor << "ready" << poll.ready << "next"
                                << poll.next;
            server->runOnHttpThread([self, id, poll] {
                if (self)
                    self->finished(id, poll);
            });
        },
        urgency);
}

void LongPollHub::finished(quint64 id, const Poll &poll)
{
    const WaiterPtr waiter = m_waiters.value(id);
    if (!waiter)
        return; // answered meanwhile (timeout, client gone)
    waiter->querying = false;
    if (poll.ready || (poll.final && poll.hasPage)) {
        remove(waiter);
        waiter->exchange->respond(poll.response);
        return;
    }
    if (poll.hasPage) {
        // Keep the cursor before the changes found: they come with a later answer.
        waiter->pendingPage = true;
    } else {
        waiter->cursor = qMax(waiter->cursor, poll.next);
    }
    if (waiter->final) {
        if (poll.final || !waiter->pendingPage) {
            remove(waiter);
            waiter->exchange->respond(m_emptyAnswer(waiter->cursor));
        } else {
            requery(waiter); // the time ran out during this query: the answer is the next one's page
        }
        return;
    }
    // Something committed while we looked: look again. Bounded by the number of commits.
    if (waiter->dirty)
        requery(waiter);
}

void LongPollHub::remove(const WaiterPtr &waiter)
{
    if (!m_waiters.remove(waiter->id))
        return;
    if (waiter->deadline >= 0) {
        m_deadlines.erase({waiter->deadline, waiter->id});
        waiter->deadline = -1;
    }
    auto it = m_byUser.find(waiter->username);
    if (it != m_byUser.end()) {
        it->remove(waiter->id);
        if (it->isEmpty())
            m_byUser.erase(it);
    }
    for (const QString &name : std::as_const(waiter->watched)) {
        auto watched = m_byWatched.find(name);
        if (watched != m_byWatched.end()) {
            watched->remove(waiter->id);
            if (watched->isEmpty())
                m_byWatched.erase(watched);
        }
    }
    waiter->exchange->setAbandonHandler({});
    updateGauge();
    if (m_presence)
        m_presence->holdEnded(waiter->username, waiter->idle);
}

void LongPollHub::releaseAll()
{
    const QList<WaiterPtr> all = m_waiters.values();
    for (const WaiterPtr &w : all) {
        remove(w);
        w->exchange->respond(m_emptyAnswer(w->cursor));
    }
}

void LongPollHub::updateGauge()
{
    const int count = int(m_waiters.size());
    m_server->metrics().addWaitingLongPolls(count - m_reported);
    m_reported = count;
}

} // namespace Colleagues::Server
