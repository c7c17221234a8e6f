// SPDX-License-Identifier: MIT
#include "server/http/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcDispatcher, "colleagues.server.http.dispatcher", QtWarningMsg)

namespace Colleagues::Server {

namespace {

// What epoll watches for each QSocketNotifier::Type, and what activates it (as Qt's poll()
// dispatcher: a hang-up or an error activates every notifier of the descriptor).
constexpr quint32 Wanted[3] = {EPOLLIN, EPOLLOUT, EPOLLPRI};
constexpr quint32 Activating[3] = {EPOLLIN | EPOLLHUP | EPOLLERR, EPOLLOUT | EPOLLHUP | EPOLLERR,
                                   EPOLLPRI | EPOLLHUP | EPOLLERR};
constexpr int EventBatch = 256;

// Milliseconds to wait for \a span, rounded up so that a timer is never woken for too early.
int ceilMs(std::chrono::steady_clock::duration span)
{
    if (span <= std::chrono::steady_clock::duration::zero())
        return 0;
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(span).count();
    return int(std::min<qint64>(ms, INT_MAX));
}

// A timer's period: very coarse timers keep whole seconds (as Qt's); coarse ones are kept
// exactly, which their allowed slack includes.
std::chrono::milliseconds period(Qt::TimerType type, qint64 interval)
{
    return std::chrono::milliseconds(type == Qt::VeryCoarseTimer ? (interval + 500) / 1000 * 1000 : interval);
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
    , m_eventFd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_epoll < 0 || m_eventFd < 0)
        qFatal("EpollEventDispatcher: cannot create the epoll set or the eventfd (%s)", strerror(errno));
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.fd = m_eventFd;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_eventFd, &event) != 0)
        qFatal("EpollEventDispatcher: cannot watch the eventfd (%s)", strerror(errno));
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_eventFd);
    ::close(m_epoll);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupt.store(false, std::memory_order_relaxed);
    Q_EMIT awake();
    // Events posted meanwhile (from here or from another thread) write to the eventfd, so the
    // wait below returns at once for them.
    QCoreApplication::sendPostedEvents();

    const bool timers = !flags.testFlag(QEventLoop::X11ExcludeTimers);
    const bool notifiers = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    const bool wait = flags.testFlag(QEventLoop::WaitForMoreEvents) && !m_interrupt.load(std::memory_order_relaxed);
    if (wait)
        Q_EMIT aboutToBlock();
    if (m_interrupt.load(std::memory_order_relaxed))
        return false;

    int timeoutMs = 0;
    if (wait) {
        timeoutMs = timers ? msUntilNextTimer() : -1;
        if (notifiers && !m_alwaysReady.empty())
            timeoutMs = 0;
    }
    int events = waitForEvents(notifiers, timeoutMs);
    if (notifiers)
        events += activateSocketNotifiers();
    if (timers)
        events += activateTimers();
    return events > 0;
}

int EpollEventDispatcher::waitForEvents(bool notifiers, int timeoutMs)
{
    if (!notifiers) {
        // Sockets wait for a later pass (level-triggered epoll would report them at once).
        pollfd wake {m_eventFd, POLLIN, 0};
        if (::poll(&wake, 1, timeoutMs) > 0) {
            consumeWakeUps();
            return 1;
        }
        return 0;
    }
    epoll_event events[EventBatch];
    const int ready = ::epoll_wait(m_epoll, events, EventBatch, timeoutMs);
    if (ready < 0) {
        if (errno != EINTR)
            qCWarning(lcDispatcher) << "epoll_wait failed:" << strerror(errno);
        return 0;
    }
    int woken = 0;
    for (int i = 0; i < ready; ++i) {
        if (events[i].data.fd == m_eventFd) {
            consumeWakeUps();
            woken = 1;
        } else {
            markPending(events[i].data.fd, events[i].events);
        }
    }
    for (int fd : m_alwaysReady)
        markPending(fd, EPOLLIN | EPOLLOUT);
    return woken;
}

void EpollEventDispatcher::consumeWakeUps()
{
    eventfd_t value = 0;
    [[maybe_unused]] const int rc = ::eventfd_read(m_eventFd, &value);
    // After the read: a wakeUp() from here on writes again (its event is sent in the next pass).
    m_wakeUps.store(false, std::memory_order_release);
}

void EpollEventDispatcher::markPending(int fd, quint32 events)
{
    const auto it = m_watched.find(fd);
    if (it == m_watched.end())
        return; // unregistered since (or a stale event of a reused descriptor)
    for (int type = 0; type < 3; ++type) {
        QSocketNotifier *notifier = it->notifiers[type];
        const quint8 bit = quint8(1U << type);
        if (notifier && (events & Activating[type]) && !(it->pending & bit)) {
            it->pending |= bit;
            m_pending.push_back(notifier);
        }
    }
}

int EpollEventDispatcher::activateSocketNotifiers()
{
    int activated = 0;
    QEvent event(QEvent::SockAct);
    // By index, and re-reading the size: a handler may unregister (null out) entries, and a
    // nested event loop may activate and clear the rest.
    for (std::size_t i = 0; i < m_pending.size(); ++i) {
        QSocketNotifier *notifier = std::exchange(m_pending[i], nullptr);
        if (!notifier)
            continue;
        const auto it = m_watched.find(int(notifier->socket()));
        if (it != m_watched.end())
            it->pending &= quint8(~(1U << notifier->type()));
        QCoreApplication::sendEvent(notifier, &event);
        ++activated;
    }
    m_pending.clear();
    return activated;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    if (fd < 0 || type < 0 || type > 2)
        return;
    if (notifier->thread() != thread() || thread() != QThread::currentThread()) {
        qCWarning(lcDispatcher) << "socket notifiers cannot be enabled from another thread";
        return;
    }
    auto it = m_watched.find(fd);
    if (it == m_watched.end())
        it = m_watched.insert(fd, Watched {});
    if (it->notifiers[type] && it->notifiers[type] != notifier)
        qCWarning(lcDispatcher) << "several socket notifiers of one type for socket" << fd;
    it->notifiers[type] = notifier;
    updateEpoll(it);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    const auto it = m_watched.find(fd);
    if (it == m_watched.end() || type < 0 || type > 2 || it->notifiers[type] != notifier)
        return;
    it->notifiers[type] = nullptr;
    const quint8 bit = quint8(1U << type);
    if (it->pending & bit) {
        // Not activated after this (it may be being deleted).
        it->pending &= quint8(~bit);
        std::replace(m_pending.begin(), m_pending.end(), notifier, static_cast<QSocketNotifier *>(nullptr));
    }
    updateEpoll(it);
}

void EpollEventDispatcher::updateEpoll(QHash<int, Watched>::iterator it)
{
    const int fd = it.key();
    Watched &watched = *it;
    quint32 wanted = 0;
    for (int type = 0; type < 3; ++type) {
        if (watched.notifiers[type])
            wanted |= Wanted[type];
    }
    if (wanted == 0) {
        if (watched.events != 0)
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr); // fails harmlessly if fd was closed
        if (watched.alwaysReady)
            m_alwaysReady.erase(std::remove(m_alwaysReady.begin(), m_alwaysReady.end(), fd), m_alwaysReady.end());
        m_watched.erase(it);
        return;
    }
    if (watched.alwaysReady || wanted == watched.events)
        return;
    epoll_event event {};
    event.events = wanted;
    event.data.fd = fd;
    int rc = ::epoll_ctl(m_epoll, watched.events ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event);
    // A descriptor closed without unregistering left the set by itself, and its number may be
    // another one's now: whichever the set says, the registration is made anew.
    if (rc != 0 && errno == ENOENT)
        rc = ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
    else if (rc != 0 && errno == EEXIST)
        rc = ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
    if (rc == 0) {
        watched.events = wanted;
    } else if (errno == EPERM) {
        watched.alwaysReady = true; // a regular file: poll() says it is always ready
        m_alwaysReady.push_back(fd);
    } else {
        qCWarning(lcDispatcher) << "cannot watch socket" << fd << strerror(errno);
    }
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (timerId < 1 || interval < 0 || !object) {
        qCWarning(lcDispatcher) << "invalid timer arguments";
        return;
    }
    if (object->thread() != thread() || thread() != QThread::currentThread()) {
        qCWarning(lcDispatcher) << "timers cannot be started from another thread";
        return;
    }
    Timer timer;
    timer.object = object;
    timer.interval = interval;
    timer.type = timerType;
    timer.deadline = Clock::now() + period(timerType, interval);
    timer.serial = m_nextSerial++;
    m_timers.insert(timerId, timer);
    m_timersByObject.insert(object, timerId);
    m_deadlines.emplace(timer.deadline, timerId);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_deadlines.erase({it->deadline, timerId});
    m_timersByObject.remove(it->object, timerId);
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    const QList<int> ids = m_timersByObject.values(object);
    for (int id : ids)
        unregisterTimer(id);
    return !ids.isEmpty();
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> timers;
    for (auto it = m_timersByObject.constFind(object); it != m_timersByObject.cend() && it.key() == object; ++it) {
        const auto timer = m_timers.constFind(it.value());
        timers.append(TimerInfo(it.value(), int(std::min<qint64>(timer->interval, INT_MAX)), timer->type));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.cend())
        return -1;
    return ceilMs(it->deadline - Clock::now());
}

int EpollEventDispatcher::msUntilNextTimer() const
{
    if (m_deadlines.empty())
        return -1;
    return ceilMs(m_deadlines.begin()->first - Clock::now());
}

int EpollEventDispatcher::activateTimers()
{
    if (m_deadlines.empty())
        return 0;
    const Clock::time_point now = Clock::now();
    // The timers due now, fixed before any fires: one a handler starts waits for the next pass.
    std::vector<std::pair<int, quint64>> due;
    for (auto it = m_deadlines.cbegin(); it != m_deadlines.cend() && it->first <= now; ++it)
        due.emplace_back(it->second, m_timers.constFind(it->second)->serial);
    int fired = 0;
    for (const auto &[id, serial] : due) {
        auto it = m_timers.find(id);
        if (it == m_timers.end() || it->serial != serial || it->deadline > now)
            continue; // stopped, restarted, or fired by a nested loop meanwhile
        const auto step = period(it->type, it->interval);
        m_deadlines.erase({it->deadline, id});
        it->deadline += step;
        if (it->deadline < now)
            it->deadline = now + step; // missed intervals are not made up
        m_deadlines.emplace(it->deadline, id);
        if (it->firing)
            continue;
        it->firing = true;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(it->object, &event);
        ++fired;
        const auto again = m_timers.find(id); // the handler may have stopped it, or more
        if (again != m_timers.end() && again->serial == serial)
            again->firing = false;
    }
    return fired;
}

void EpollEventDispatcher::wakeUp()
{
    if (m_wakeUps.exchange(true, std::memory_order_acq_rel))
        return; // already woken, not yet consumed
    [[maybe_unused]] const int rc = ::eventfd_write(m_eventFd, 1);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupt.store(true, std::memory_order_relaxed);
    wakeUp();
}

} // namespace Colleagues::Server
