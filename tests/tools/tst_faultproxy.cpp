// SPDX-License-Identifier: MIT
#include "tests/support/FaultProxy.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using Colleagues::Test::FaultProxy;

namespace {

constexpr int BodySize = 4000;

// An upstream that answers every request chunk with one fixed HTTP response.
class Upstream : public QObject
{
public:
    Upstream()
    {
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                ++connections;
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    socket->readAll();
                    ++requests;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(BodySize) + "\r\n\r\n"
                                  + QByteArray(BodySize, 'x'));
                });
            }
        });
        server.listen(QHostAddress::LocalHost, 0);
    }
    QTcpServer server;
    int connections = 0;
    int requests = 0;
};

//! An upstream behind a proxy seeded with \a seed that injects \a faults.
struct Rig
{
    explicit Rig(quint64 seed, const FaultProxy::Faults &faults = {})
        : proxy(QHostAddress::LocalHost, upstream.server.serverPort(), seed)
    {
        listening = proxy.listen();
        proxy.setFaults(faults);
    }
    Upstream upstream;
    FaultProxy proxy;
    bool listening = false;
};

struct Exchange
{
    QByteArray received;
    bool closed = false;
    qint64 elapsedMs = 0;
};

// Sends one request through the proxy and collects the answer until the full response
// arrived or the connection closed.
Exchange exchange(quint16 port)
{
    Exchange result;
    QTcpSocket socket;
    QElapsedTimer clock;
    clock.start();
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return result;
    socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    const qsizetype full = BodySize + 40;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { result.received += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [&] { result.closed = true; });
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &socket, [&] { result.closed = true; });
    // A timeout leaves closed false and the body short, which every caller checks.
    if (!QTest::qWaitFor([&] { return result.closed || result.received.size() >= full; }, 10000))
        qWarning("exchange through the proxy timed out");
    result.elapsedMs = clock.elapsed();
    return result;
}

} // namespace

class TestFaultProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesThrough();
    void addsLatency();
    void resets();
    void cutsResponses();
    void blackholes();
    void answersLikeAGateway_data();
    void answersLikeAGateway();
    void sameSeedSameFaults();
};

void TestFaultProxy::passesThrough()
{
    Rig rig(1);
    QVERIFY(rig.listening);
    const Exchange e = exchange(rig.proxy.port());
    QVERIFY(e.received.startsWith("HTTP/1.1 200 OK"));
    QVERIFY(e.received.endsWith(QByteArray(BodySize, 'x')));
    QCOMPARE(rig.upstream.connections, 1);
}

void TestFaultProxy::addsLatency()
{
    Rig rig(2, {.latencyMs = 150, .jitterMs = 50});
    QVERIFY(rig.listening);
    const Exchange e = exchange(rig.proxy.port());
    QVERIFY(e.received.endsWith(QByteArray(BodySize, 'x')));
    // One delay on the way in and one on the way out.
    QVERIFY2(e.elapsedMs >= 300, qPrintable(QString::number(e.elapsedMs)));
}

void TestFaultProxy::resets()
{
    Rig rig(3, {.resetProbability = 1.0});
    QVERIFY(rig.listening);
    const Exchange e = exchange(rig.proxy.port());
    QVERIFY(e.closed);
    QVERIFY(e.received.isEmpty());
    QCOMPARE(rig.proxy.counters().resets, 1);
}

void TestFaultProxy::cutsResponses()
{
    Rig rig(4, {.cutResponseProbability = 1.0});
    QVERIFY(rig.listening);
    const Exchange e = exchange(rig.proxy.port());
    QVERIFY(e.closed);
    QVERIFY(!e.received.isEmpty());
    QVERIFY(e.received.size() < BodySize);
    QCOMPARE(rig.proxy.counters().cuts, 1);
}

void TestFaultProxy::blackholes()
{
    Rig rig(5, {.blackhole = true});
    QVERIFY(rig.listening);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, rig.proxy.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET / HTTP/1.1\r\n\r\n");
    QTRY_COMPARE(rig.proxy.counters().blackholed, 1);
    QVERIFY(!socket.waitForReadyRead(300)); // nothing ever comes back
    QCOMPARE(rig.upstream.connections, 0);
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void TestFaultProxy::answersLikeAGateway_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("afterForwarding");
    QTest::addColumn<int>("retryAfter");
    QTest::addRow("502 before the server") << 502 << false << -1;
    QTest::addRow("503 after the server did the work") << 503 << true << 7;
    QTest::addRow("500 after the server did the work") << 500 << true << -1;
}

void TestFaultProxy::answersLikeAGateway()
{
    QFETCH(int, status);
    QFETCH(bool, afterForwarding);
    QFETCH(int, retryAfter);
    Rig rig(6,
            {.errorProbability = 1.0,
             .errorStatus = status,
             .errorAfterForwarding = afterForwarding,
             .retryAfterSeconds = retryAfter});
    QVERIFY(rig.listening);
    const Exchange e = exchange(rig.proxy.port());
    QVERIFY(e.closed);
    QVERIFY2(e.received.startsWith("HTTP/1.1 " + QByteArray::number(status) + ' '), e.received.constData());
    QVERIFY(e.received.contains("Content-Type: text/html"));
    QCOMPARE(e.received.contains("Retry-After: " + QByteArray::number(retryAfter) + "\r\n"), retryAfter >= 0);
    QVERIFY(!e.received.contains(QByteArray(100, 'x'))); // nothing of the server's own answer
    QCOMPARE(rig.upstream.requests, afterForwarding ? 1 : 0);
    QCOMPARE(rig.proxy.counters().errors, 1);
    QCOMPARE(rig.proxy.counters().cuts, 0);
}

void TestFaultProxy::sameSeedSameFaults()
{
    Upstream upstream;
    auto outcomes = [&](quint64 seed) {
        FaultProxy proxy(QHostAddress::LocalHost, upstream.server.serverPort(), seed);
        proxy.listen();
        proxy.setFaults({.resetProbability = 0.3, .cutResponseProbability = 0.3});
        QString pattern;
        for (int i = 0; i < 20; ++i) {
            const Exchange e = exchange(proxy.port());
            pattern += e.received.isEmpty() ? QLatin1Char('R')
                                            : (e.received.size() < BodySize ? QLatin1Char('C') : QLatin1Char('.'));
        }
        return pattern;
    };
    const QString first = outcomes(42);
    QCOMPARE(outcomes(42), first);
    QVERIFY(first.contains(QLatin1Char('R')) && first.contains(QLatin1Char('C')) && first.contains(QLatin1Char('.')));
    QVERIFY(outcomes(7) != first);
}

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
