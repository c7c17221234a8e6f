// SPDX-License-Identifier: MIT
// The HTTP threads' epoll event dispatcher: this test's main thread runs on it (installed before
// the application object), and so does a worker QThread as in HttpThread. Sockets, socket
// notifiers (also unregistered or deleted while the same pass activates them), timers of each
// type, posted events, wake-ups and exits from other threads, and QEventLoop's flags.

#include "server/http/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <array>
#include <memory>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace Colleagues::Server;

namespace {

//! Two connected local stream sockets, closed with the object.
struct SocketPair
{
    SocketPair()
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds.data()) != 0)
            fds = {-1, -1};
    }
    ~SocketPair()
    {
        for (int fd : fds) {
            if (fd >= 0)
                ::close(fd);
        }
    }
    SocketPair(const SocketPair &) = delete;
    SocketPair &operator=(const SocketPair &) = delete;

    bool isValid() const { return fds[0] >= 0; }
    int reader() const { return fds[0]; }
    void send(const char *bytes = "x") const { QVERIFY(::write(fds[1], bytes, strlen(bytes)) > 0); }
    void drain() const
    {
        char buffer[256];
        while (::read(fds[0], buffer, sizeof buffer) > 0) { }
    }

    std::array<int, 2> fds {};
};

//! Counts the timer events it gets, by id; optionally kills timers from inside one.
class TimerTarget : public QObject
{
public:
    QHash<int, int> fired;
    std::function<void(int id)> onTimer;

protected:
    void timerEvent(QTimerEvent *event) override
    {
        ++fired[event->timerId()];
        if (onTimer)
            onTimer(event->timerId());
    }
};

//! Records the events posted to it.
class EventTarget : public QObject
{
public:
    QList<int> received;
    std::function<void()> onEvent;

protected:
    bool event(QEvent *event) override
    {
        if (event->type() >= QEvent::User) {
            received.append(int(event->type()));
            if (onEvent)
                onEvent();
            return true;
        }
        return QObject::event(event);
    }
};

//! A thread that runs on an EpollEventDispatcher, as an HttpThread does.
class EpollThread : public QThread
{
public:
    EpollThread() { setEventDispatcher(new EpollEventDispatcher); }
    ~EpollThread() override
    {
        quit();
        wait();
    }
};

//! Blocks the calling thread until the dispatcher of \a thread is about to block (or has been,
//! since the call): then a wake-up must come through the eventfd.
class BlockWatch
{
public:
    explicit BlockWatch(QThread *thread)
    {
        QObject::connect(
            QAbstractEventDispatcher::instance(thread), &QAbstractEventDispatcher::aboutToBlock, &m_context,
            [this] { m_blocked = true; }, Qt::DirectConnection);
    }
    void waitUntilBlocked() const
    {
        while (!m_blocked)
            std::this_thread::yield();
    }

private:
    QObject m_context;
    std::atomic<bool> m_blocked {false};
};

} // namespace

class TestEpollDispatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void installed();
    void readNotifierFiresWhenReadable();
    void onlyReadySocketsFire();
    void notifierDeletedFromItsOwnActivation();
    void notifierDeletedBeforeItsTurn();
    void tcpEchoThroughAWorkerThread();
    void timerTypes_data();
    void timerTypes();
    void zeroTimerFiresEveryPass();
    void timerKilledByAnotherInTheSamePass();
    void timerDeletesItsObject();
    void remainingTimeAndRegisteredTimers();
    void timersFollowAMovedObject();
    void postedEventsAndDeleteLater();
    void wakeUpFromAnotherThread();
    void exitFromAnotherThread();
    void excludeSocketNotifiers();
    void excludeTimers();
};

void TestEpollDispatcher::installed()
{
    QVERIFY(dynamic_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()));
    EpollThread thread;
    thread.start();
    QVERIFY(dynamic_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance(&thread)));
}

void TestEpollDispatcher::readNotifierFiresWhenReadable()
{
    // A socket pair's bytes are readable as soon as written: every pass below is deterministic.
    SocketPair pair;
    QVERIFY(pair.isValid());
    QSocketNotifier notifier(pair.reader(), QSocketNotifier::Read);
    int activations = 0;
    bool drain = true;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        ++activations;
        if (drain)
            pair.drain();
    });
    QCoreApplication::processEvents();
    QCOMPARE(activations, 0); // nothing to read yet
    pair.send();
    QCoreApplication::processEvents();
    QCOMPARE(activations, 1);
    QCoreApplication::processEvents();
    QCOMPARE(activations, 1); // read: quiet again

    // Level-triggered: what is not read is reported again on the next pass.
    drain = false;
    pair.send();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QCOMPARE(activations, 3);
    drain = true;
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QCOMPARE(activations, 4);

    // Disabled, it says nothing; enabled again, it reports what waits.
    notifier.setEnabled(false);
    pair.send();
    QCoreApplication::processEvents();
    QCOMPARE(activations, 4);
    notifier.setEnabled(true);
    QCoreApplication::processEvents();
    QCOMPARE(activations, 5);

    // A write notifier on the same descriptor: writable at once; gone, the reader still works.
    auto *writable = new QSocketNotifier(pair.reader(), QSocketNotifier::Write, this);
    QSignalSpy writeSpy(writable, &QSocketNotifier::activated);
    QCoreApplication::processEvents();
    QCOMPARE(writeSpy.count(), 1);
    QCOMPARE(activations, 5);
    delete writable;
    pair.send();
    QCoreApplication::processEvents();
    QCOMPARE(activations, 6);
}

void TestEpollDispatcher::onlyReadySocketsFire()
{
    constexpr int Count = 200;
    std::vector<std::unique_ptr<SocketPair>> pairs;
    std::vector<std::unique_ptr<QSocketNotifier>> notifiers;
    std::vector<int> activations(Count, 0);
    for (int i = 0; i < Count; ++i) {
        pairs.push_back(std::make_unique<SocketPair>());
        QVERIFY(pairs.back()->isValid());
        notifiers.push_back(std::make_unique<QSocketNotifier>(pairs.back()->reader(), QSocketNotifier::Read));
        connect(notifiers.back().get(), &QSocketNotifier::activated, this, [&activations, &pairs, i] {
            ++activations[size_t(i)];
            pairs[size_t(i)]->drain();
        });
    }
    pairs[17]->send();
    pairs[150]->send();
    QTRY_VERIFY(activations[17] == 1 && activations[150] == 1);
    QCoreApplication::processEvents();
    int total = 0;
    for (int n : activations)
        total += n;
    QCOMPARE(total, 2);
}

void TestEpollDispatcher::notifierDeletedFromItsOwnActivation()
{
    SocketPair pair;
    QVERIFY(pair.isValid());
    QPointer<QSocketNotifier> notifier = new QSocketNotifier(pair.reader(), QSocketNotifier::Read);
    int activated = 0;
    connect(notifier.data(), &QSocketNotifier::activated, this, [&] {
        ++activated;
        delete notifier.data();
    });
    pair.send();
    QTRY_VERIFY(notifier.isNull());
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(); // still readable: no notifier is left to tell
    QCOMPARE(activated, 1);

    // Another notifier may take the descriptor afterwards.
    QSocketNotifier again(pair.reader(), QSocketNotifier::Read);
    QSignalSpy spy(&again, &QSocketNotifier::activated);
    QTRY_VERIFY(spy.count() > 0);
}

void TestEpollDispatcher::notifierDeletedBeforeItsTurn()
{
    // Both ready in one pass: whichever is activated first deletes (or disables) the other,
    // which must then not be activated in that pass.
    for (const bool deleteIt : {true, false}) {
        SocketPair first;
        SocketPair second;
        QVERIFY(first.isValid() && second.isValid());
        std::array<std::unique_ptr<QSocketNotifier>, 2> notifiers {
            std::make_unique<QSocketNotifier>(first.reader(), QSocketNotifier::Read),
            std::make_unique<QSocketNotifier>(second.reader(), QSocketNotifier::Read)};
        std::array<int, 2> activated {0, 0};
        for (int i = 0; i < 2; ++i) {
            connect(notifiers[size_t(i)].get(), &QSocketNotifier::activated, this, [&, i, deleteIt] {
                ++activated[size_t(i)];
                (i == 0 ? first : second).drain();
                std::unique_ptr<QSocketNotifier> &other = notifiers[size_t(1 - i)];
                if (other && deleteIt)
                    other.reset();
                else if (other)
                    other->setEnabled(false);
            });
        }
        first.send();
        second.send();
        QCoreApplication::processEvents();
        QCOMPARE(activated[0] + activated[1], 1);
        QCoreApplication::processEvents();
        QCOMPARE(activated[0] + activated[1], 1);
    }
}

void TestEpollDispatcher::tcpEchoThroughAWorkerThread()
{
    // The server side on a worker thread with the dispatcher (as an HttpThread), the client on
    // this one: connections, reads, writes large enough to need the write notifier, closes.
    EpollThread thread;
    thread.start();
    auto server = std::make_unique<QTcpServer>();
    QVERIFY(server->listen(QHostAddress::LocalHost));
    server->moveToThread(&thread);
    QObject::connect(server.get(), &QTcpServer::newConnection, server.get(), [s = server.get()] {
        while (QTcpSocket *socket = s->nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->write(socket->readAll()); });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    const quint16 port = server->serverPort();

    QByteArray payload(4 * 1024 * 1024, 'a');
    for (int i = 0; i < payload.size(); i += 997)
        payload[i] = char('a' + i % 26);
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int c = 0; c < 20; ++c) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, port);
    }
    for (auto &client : clients)
        QTRY_COMPARE(client->state(), QAbstractSocket::ConnectedState);
    clients.front()->write(payload);
    for (std::size_t c = 1; c < clients.size(); ++c)
        clients[c]->write("hello " + QByteArray::number(int(c)));
    QTRY_COMPARE_WITH_TIMEOUT(clients.front()->bytesAvailable(), qint64(payload.size()), 20000);
    QCOMPARE(clients.front()->readAll(), payload);
    for (std::size_t c = 1; c < clients.size(); ++c) {
        const QByteArray expected = "hello " + QByteArray::number(int(c));
        QTRY_COMPARE(clients[c]->bytesAvailable(), qint64(expected.size()));
        QCOMPARE(clients[c]->readAll(), expected);
    }
    for (auto &client : clients)
        client->disconnectFromHost();
    QMetaObject::invokeMethod(
        server.get(), [&server] { server.reset(); }, Qt::BlockingQueuedConnection);
}

void TestEpollDispatcher::timerTypes_data()
{
    QTest::addColumn<Qt::TimerType>("type");
    QTest::addColumn<int>("intervalMs");
    QTest::addColumn<int>("earliestMs"); // no earlier than this
    QTest::addRow("precise") << Qt::PreciseTimer << 30 << 30;
    QTest::addRow("coarse") << Qt::CoarseTimer << 30 << 30;
    QTest::addRow("very coarse") << Qt::VeryCoarseTimer << 700 << 1000; // whole seconds
}

void TestEpollDispatcher::timerTypes()
{
    QFETCH(Qt::TimerType, type);
    QFETCH(int, intervalMs);
    QFETCH(int, earliestMs);

    QTimer single;
    single.setTimerType(type);
    single.setSingleShot(true);
    single.setInterval(intervalMs);
    QSignalSpy singleSpy(&single, &QTimer::timeout);
    QTimer repeating;
    repeating.setTimerType(type);
    repeating.setInterval(intervalMs);
    QSignalSpy repeatingSpy(&repeating, &QTimer::timeout);
    QElapsedTimer clock;
    clock.start();
    single.start();
    repeating.start();
    QVERIFY(singleSpy.wait(10000));
    QVERIFY2(clock.elapsed() >= earliestMs, qPrintable(QString::number(clock.elapsed())));

    // The repeating one fires again and again; the single shot never again.
    QTRY_VERIFY_WITH_TIMEOUT(repeatingSpy.count() >= 3, 20000);
    QCOMPARE(singleSpy.count(), 1);
    repeating.stop();
    const qsizetype count = repeatingSpy.count();
    QTimer probe; // two of its intervals later, still stopped
    probe.setSingleShot(true);
    QSignalSpy probeSpy(&probe, &QTimer::timeout);
    probe.start(2 * earliestMs);
    QVERIFY(probeSpy.wait(10000));
    QCOMPARE(repeatingSpy.count(), count);
    QCOMPARE(singleSpy.count(), 1);
}

void TestEpollDispatcher::zeroTimerFiresEveryPass()
{
    TimerTarget target;
    const int id = target.startTimer(0);
    QVERIFY(id > 0);
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    QCOMPARE(target.fired.value(id), 3);
    target.killTimer(id);
    QCoreApplication::processEvents();
    QCOMPARE(target.fired.value(id), 3);
}

void TestEpollDispatcher::timerKilledByAnotherInTheSamePass()
{
    // Zero-interval timers are all due in every pass: the first to fire kills the other.
    TimerTarget target;
    const int first = target.startTimer(0);
    const int second = target.startTimer(0);
    int killed = 0;
    target.onTimer = [&](int id) {
        if (killed == 0) {
            killed = id == first ? second : first;
            target.killTimer(killed);
        }
    };
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QVERIFY(killed != 0);
    QCOMPARE(target.fired.value(killed), 0);
    QCOMPARE(target.fired.value(killed == first ? second : first), 2);
    target.onTimer = {};
    target.killTimer(killed == first ? second : first);
}

void TestEpollDispatcher::timerDeletesItsObject()
{
    // The object goes (with its timers) from inside its own timer event; another object's
    // timer due in the same pass still fires.
    auto *doomed = new TimerTarget;
    TimerTarget survivor;
    doomed->startTimer(0);
    doomed->startTimer(0);
    const int kept = survivor.startTimer(0);
    QPointer<QObject> watch = doomed;
    doomed->onTimer = [doomed](int) { delete doomed; };
    QCoreApplication::processEvents();
    QVERIFY(watch.isNull());
    QCOMPARE(survivor.fired.value(kept), 1);
    survivor.killTimer(kept);
}

void TestEpollDispatcher::remainingTimeAndRegisteredTimers()
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    TimerTarget target;
    const int slow = target.startTimer(60000, Qt::PreciseTimer);
    const int fast = target.startTimer(50, Qt::CoarseTimer);
    const int remaining = dispatcher->remainingTime(slow);
    QVERIFY2(remaining > 59000 && remaining <= 60000, qPrintable(QString::number(remaining)));
    QCOMPARE(dispatcher->remainingTime(123456), -1);

    QList<QAbstractEventDispatcher::TimerInfo> timers = dispatcher->registeredTimers(&target);
    QCOMPARE(timers.size(), 2);
    std::sort(timers.begin(), timers.end(), [](const auto &a, const auto &b) { return a.interval < b.interval; });
    QCOMPARE(timers.at(0).timerId, fast);
    QCOMPARE(timers.at(0).interval, 50);
    QCOMPARE(timers.at(0).timerType, Qt::CoarseTimer);
    QCOMPARE(timers.at(1).timerId, slow);
    QCOMPARE(timers.at(1).timerType, Qt::PreciseTimer);

    QTRY_VERIFY(target.fired.value(fast) >= 1);
    QVERIFY(dispatcher->unregisterTimers(&target));
    QVERIFY(dispatcher->registeredTimers(&target).isEmpty());
    QCOMPARE(dispatcher->remainingTime(slow), -1);
}

void TestEpollDispatcher::timersFollowAMovedObject()
{
    // moveToThread() takes an object's timers from one dispatcher to the other (through
    // registeredTimers() and unregisterTimers()), both ways.
    QThread plain; // Qt's own dispatcher
    plain.start();
    EpollThread epoll;
    epoll.start();
    auto *timer = new QTimer;
    timer->setInterval(5);
    std::atomic<int> fired {0};
    std::atomic<QThread *> firedIn {nullptr};
    connect(timer, &QTimer::timeout, timer, [&fired, &firedIn] {
        ++fired;
        firedIn = QThread::currentThread();
    });
    timer->start();
    QTRY_VERIFY(fired > 0);
    timer->moveToThread(&plain);
    fired = 0;
    QTRY_VERIFY(fired > 0 && firedIn == &plain);
    QMetaObject::invokeMethod(
        timer, [timer, &epoll] { timer->moveToThread(&epoll); }, Qt::BlockingQueuedConnection);
    fired = 0;
    QTRY_VERIFY(fired > 0 && firedIn == &epoll);
    QMetaObject::invokeMethod(
        timer, [timer] { delete timer; }, Qt::BlockingQueuedConnection);
    plain.quit();
    plain.wait();
}

void TestEpollDispatcher::postedEventsAndDeleteLater()
{
    EventTarget target;
    QCoreApplication::postEvent(&target, new QEvent(QEvent::Type(QEvent::User + 1)));
    QCoreApplication::postEvent(&target, new QEvent(QEvent::Type(QEvent::User + 2)), Qt::HighEventPriority);
    QVERIFY(target.received.isEmpty());
    QCoreApplication::processEvents();
    QCOMPARE(target.received, (QList<int> {QEvent::User + 2, QEvent::User + 1}));

    bool called = false;
    QMetaObject::invokeMethod(
        &target, [&called] { called = true; }, Qt::QueuedConnection);
    QTRY_VERIFY(called);

    QPointer<QObject> doomed = new QObject;
    doomed->deleteLater();
    QTRY_VERIFY(doomed.isNull());
}

void TestEpollDispatcher::wakeUpFromAnotherThread()
{
    // This thread blocks in its dispatcher with nothing due (no timer, no socket ready); an
    // event posted from another thread must wake it.
    EventTarget target;
    QEventLoop loop;
    target.onEvent = [&loop] { loop.quit(); };
    BlockWatch watch(QThread::currentThread());
    std::thread poster([&target, &watch] {
        watch.waitUntilBlocked();
        QCoreApplication::postEvent(&target, new QEvent(QEvent::Type(QEvent::User + 7)));
    });
    QTimer guard; // fails the test rather than hanging it
    guard.setSingleShot(true);
    connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(10000);
    loop.exec();
    poster.join();
    QCOMPARE(target.received, QList<int> {QEvent::User + 7});

    // Many wake-ups at once from several threads: every event arrives.
    target.onEvent = {};
    constexpr int Threads = 4;
    constexpr int Each = 500;
    std::vector<std::thread> posters;
    for (int t = 0; t < Threads; ++t) {
        posters.emplace_back([&target] {
            for (int i = 0; i < Each; ++i)
                QCoreApplication::postEvent(&target, new QEvent(QEvent::Type(QEvent::User + 8)));
        });
    }
    QTRY_COMPARE(target.received.size(), 1 + Threads * Each);
    for (std::thread &p : posters)
        p.join();
}

void TestEpollDispatcher::exitFromAnotherThread()
{
    // A worker thread's event loop (its dispatcher blocked) ends on quit() from here (interrupt()).
    EpollThread thread;
    BlockWatch threadWatch(&thread);
    thread.start();
    threadWatch.waitUntilBlocked();
    thread.quit();
    QVERIFY(thread.wait(10000));

    // And this thread's QEventLoop on an exit() a worker queues.
    QEventLoop loop;
    BlockWatch watch(QThread::currentThread());
    std::thread quitter([&loop, &watch] {
        watch.waitUntilBlocked();
        QMetaObject::invokeMethod(
            &loop, [&loop] { loop.exit(3); }, Qt::QueuedConnection);
    });
    QTimer guard; // fails the test rather than hanging it
    guard.setSingleShot(true);
    connect(&guard, &QTimer::timeout, &loop, [&loop] { loop.exit(-1); });
    guard.start(10000);
    const int code = loop.exec();
    quitter.join();
    QCOMPARE(code, 3);
}

void TestEpollDispatcher::excludeSocketNotifiers()
{
    SocketPair pair;
    QVERIFY(pair.isValid());
    QSocketNotifier notifier(pair.reader(), QSocketNotifier::Read);
    QSignalSpy spy(&notifier, &QSocketNotifier::activated);
    pair.send();
    EventTarget target;
    QCoreApplication::postEvent(&target, new QEvent(QEvent::Type(QEvent::User + 3)));
    QCoreApplication::processEvents(QEventLoop::ExcludeSocketNotifiers);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(target.received.size(), 1); // posted events are still sent
    // Waiting without sockets: a timer ends the wait although the socket stays readable.
    TimerTarget timers;
    const int id = timers.startTimer(20);
    QElapsedTimer clock;
    clock.start();
    while (timers.fired.value(id) == 0 && clock.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::ExcludeSocketNotifiers | QEventLoop::WaitForMoreEvents);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(timers.fired.value(id), 1);
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 1);
}

void TestEpollDispatcher::excludeTimers()
{
    TimerTarget target;
    const int id = target.startTimer(0);
    QCoreApplication::processEvents(QEventLoop::X11ExcludeTimers);
    QCOMPARE(target.fired.value(id), 0);
    QCoreApplication::processEvents();
    QCOMPARE(target.fired.value(id), 1);
    target.killTimer(id);
}

int main(int argc, char *argv[])
{
    // Before the application object: the main thread runs on the dispatcher under test.
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolldispatcher.moc"
