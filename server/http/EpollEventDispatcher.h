// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>
#include <QMultiHash>

#include <atomic>
#include <chrono>
#include <set>
#include <utility>
#include <vector>

namespace Colleagues::Server {

/*!
 * An event dispatcher on Linux epoll for the HTTP threads (HttpThread), which hold thousands of
 * idle connections each: Qt's QEventDispatcherUNIX poll()s every registered socket notifier on
 * every wake, this one asks the kernel only for the ready ones, and keeps its timers ordered by
 * deadline. Same semantics as Qt's: posted events first, then the ready notifiers (QEvent::SockAct;
 * one unregistered or deleted meanwhile is skipped), then the expired timers (QTimerEvent, each at
 * most once a pass, never recursively); QEventLoop's flags are honoured.
 */
class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    using QAbstractEventDispatcher::registerTimer;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override; //!< thread-safe
    void interrupt() override; //!< thread-safe

private:
    using Clock = std::chrono::steady_clock;

    struct Watched
    {
        QSocketNotifier *notifiers[3] = {}; //!< by QSocketNotifier::Type
        quint32 events = 0; //!< what epoll watches for now (0: not in the epoll set)
        quint8 pending = 0; //!< bits by type: in m_pending now
        bool alwaysReady = false; //!< epoll cannot watch it (a regular file): ready, as poll() says
    };
    struct Timer
    {
        QObject *object = nullptr;
        qint64 interval = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        Clock::time_point deadline;
        quint64 serial = 0; //!< which registration this is (timer ids are reused)
        bool firing = false; //!< in its QTimerEvent now: not sent again from a nested loop
    };

    void updateEpoll(QHash<int, Watched>::iterator watched);
    int waitForEvents(bool notifiers, int timeoutMs);
    void markPending(int fd, quint32 events);
    int activateSocketNotifiers();
    int activateTimers();
    int msUntilNextTimer() const; //!< -1: no timer
    void consumeWakeUps();

    int m_epoll = -1;
    int m_eventFd = -1;
    std::atomic<bool> m_wakeUps {false};
    std::atomic<bool> m_interrupt {false};

    QHash<int, Watched> m_watched; // by fd
    std::vector<int> m_alwaysReady; // fds epoll cannot watch
    std::vector<QSocketNotifier *> m_pending; // ready, to be activated in this pass

    QHash<int, Timer> m_timers; // by id
    QMultiHash<QObject *, int> m_timersByObject;
    std::set<std::pair<Clock::time_point, int>> m_deadlines; // (deadline, id), soonest first
    quint64 m_nextSerial = 1;
};

} // namespace Colleagues::Server
