#include "LongPollHub.h"

#include "ApiServer.h"

#include <QLoggingCategory>
#include <QPointer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcLongPoll, "colleagues.server.http.longpoll", QtWarningMsg)

namespace Colleagues::Server {

LongPollHub::LongPollHub(ApiServer *server, Query query, EmptyAnswer emptyAnswer, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_query(std::move(query))
    , m_emptyAnswer(std::move(emptyAnswer))
{
    m_processTimer.setSingleShot(true);
    connect(&m_processTimer, &QTimer::timeout, this, &LongPollHub::process);
}

LongPollHub::~LongPollHub()
{
    releaseAll();
}

void LongPollHub::wait(const ExchangePtr &exchange, const QString &username, qint64 cursor, int limit, int timeoutMs)
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
    m_waiters.insert(waiter->id, waiter);
    m_byUser[username].insert(waiter->id);
    updateGauge();

    std::weak_ptr<Waiter> weak = waiter;
    waiter->timer.setSingleShot(true);
    connect(&waiter->timer, &QTimer::timeout, this, [this, weak] {
        if (WaiterPtr w = weak.lock()) {
            remove(w);
            w->exchange->respond(m_emptyAnswer(w->cursor));
        }
    });
    waiter->timer.start(timeoutMs);
    exchange->setAbandonHandler([this, weak] {
        if (WaiterPtr w = weak.lock()) {
            remove(w);
            w->exchange->respond(m_emptyAnswer(w->cursor));
        }
    });

    // A change may have committed between the query that found nothing and now.
    if (m_latest > cursor)
        requery(waiter);
}

void LongPollHub::hint(qint64 sequence, const QStringList &usernames)
{
    qCDebug(lcLongPoll) << "hint" << sequence << usernames << "processed up to" << m_processedUpTo;
    m_latest = qMax(m_latest, sequence);
    if (sequence <= m_processedUpTo)
        return; // already woke everyone for it
    m_pending.insert(sequence, true);
    if (usernames.isEmpty())
        m_wakeAll = true;
    for (const QString &user : usernames)
        m_wakeUsers.insert(user);
    schedule(0);
}

void LongPollHub::onChanged(qint64 sequence)
{
    qCDebug(lcLongPoll) << "changed" << sequence << "processed up to" << m_processedUpTo;
    m_latest = qMax(m_latest, sequence);
    if (sequence <= m_processedUpTo || m_pending.contains(sequence))
        return;
    m_pending.insert(sequence, false);
    // Give the local handler a moment to say whom its commit concerns.
    schedule(CoalesceMs);
}

void LongPollHub::schedule(int delayMs)
{
    if (m_processTimer.isActive() && m_processTimer.remainingTime() <= delayMs)
        return;
    m_processTimer.start(delayMs);
}

void LongPollHub::process()
{
    // Only a contiguous run of hinted sequences right after the last processed one may wake
    // just their audiences. Anything else (a change from another instance, a NOTIFY that was
    // folded into a later value, a gap) wakes every waiter: a query too many costs little,
    // a missed wake-up costs a long-poll's full timeout.
    bool all = m_wakeAll || m_processedUpTo < 0;
    QList<qint64> sequences = m_pending.keys();
    std::sort(sequences.begin(), sequences.end());
    qint64 expected = m_processedUpTo + 1;
    for (qint64 s : std::as_const(sequences)) {
        if (!m_pending.value(s) || s != expected)
            all = true;
        expected = s + 1;
    }
    if (!sequences.isEmpty())
        m_processedUpTo = qMax(m_processedUpTo, sequences.last());
    m_pending.clear();
    const QSet<QString> users = std::exchange(m_wakeUsers, {});
    m_wakeAll = false;

    qCDebug(lcLongPoll) << "process" << sequences << (all ? "wake all" : "wake") << users << "of" << m_waiters.size();
    QList<WaiterPtr> wake;
    if (all) {
        wake.reserve(m_waiters.size());
        for (const WaiterPtr &w : std::as_const(m_waiters))
            wake.append(w);
    } else {
        for (const QString &user : users) {
            const QSet<quint64> ids = m_byUser.value(user);
            for (quint64 id : ids) {
                if (WaiterPtr w = m_waiters.value(id))
                    wake.append(w);
            }
        }
    }
    for (const WaiterPtr &w : std::as_const(wake))
        requery(w);
}

void LongPollHub::requery(const WaiterPtr &waiter)
{
    if (waiter->querying) {
        waiter->dirty = true;
        return;
    }
    waiter->querying = true;
    waiter->dirty = false;
    const QString username = waiter->username;
    const qint64 cursor = waiter->cursor;
    const int limit = waiter->limit;
    const quint64 id = waiter->id;
    Query query = m_query;
    QPointer<LongPollHub> self(this);
    ApiServer *server = m_server;
    // Only plain values cross threads: the waiter (and its timer) stays on the HTTP thread.
    m_server->runOnWorker([self, server, id, query, username, cursor, limit] {
        const Poll poll = query(username, cursor, limit);
        qCDebug(lcLongPoll) << "requery" << username << cursor << "ready" << poll.ready << "next" << poll.next;
        server->runOnHttpThread([self, id, poll] {
            if (self)
                self->finished(id, poll);
        });
    });
}

void LongPollHub::finished(quint64 id, const Poll &poll)
{
    const WaiterPtr waiter = m_waiters.value(id);
    if (!waiter)
        return; // answered meanwhile (timeout, client gone)
    waiter->querying = false;
    if (poll.ready) {
        remove(waiter);
        waiter->exchange->respond(poll.response);
        return;
    }
    waiter->cursor = qMax(waiter->cursor, poll.next);
    // Something committed while we looked: look again. Bounded by the number of commits.
    if (waiter->dirty)
        requery(waiter);
}

void LongPollHub::remove(const WaiterPtr &waiter)
{
    if (!m_waiters.remove(waiter->id))
        return;
    waiter->timer.stop();
    auto it = m_byUser.find(waiter->username);
    if (it != m_byUser.end()) {
        it->remove(waiter->id);
        if (it->isEmpty())
            m_byUser.erase(it);
    }
    waiter->exchange->setAbandonHandler({});
    updateGauge();
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
