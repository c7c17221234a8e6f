// SPDX-License-Identifier: MIT
// HttpGuard in front of a real QHttpServer on 127.0.0.1, every test over plain HTTP and over TLS.

#include "server/guard/HttpGuard.h"
#include "tests/server/GuardTestSupport.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Colleagues::Server;
using namespace GuardTest;
using namespace std::chrono_literals;

class TestHttpGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();

    void normalRequestsPass();
    void chunkedBodyPasses();
    void expectContinueIsAnswered();
    void contentLengthOverLimitIs413();
    void chunkedOverLimitIs413();
    void photoPathAllowsFiveMebibytes();
    void hugeHeaderLineIs431();
    void hugeHeadIs431();
    void longRequestLineIs414();
    void garbageIs400_data();
    void garbageIs400();
    void keepAliveThenOversized();
    void idleConnectionIsClosed();
    void idleKeepAliveIsClosed();
    void slowHeadIsClosed();
    void slowBodyIsClosed();
    void longPollIsNotKilled();
    void connectionCap();
    void sharedConnectionBudget();
    void bodyLimitPatterns();
    void pipelinedRequestsAnswerInOrder();
    void pipelineOverflowCloses();
    void pipelinedWithoutGuardIsOutOfOrder();
    void clientThatDoesNotReadIsClosed();
    void wrongProtocolOnPort();
    void networkAccessManagerSeesTheAnswer();

private:
    void startServer(const HttpGuard::Limits &limits = testLimits());
    static HttpGuard::Limits testLimits();
    std::unique_ptr<RawClient> connectClient();
    Response roundTrip(RawClient &client, const QByteArray &bytes);
    //! Waits until the guard closes \a client's connection; returns the answer it sent first.
    Response closedAnswer(RawClient &client);

    QTemporaryDir m_dir;
    QSslConfiguration m_tlsConfig;
    bool m_tls = false;
    std::unique_ptr<QHttpServer> m_server;
    HttpGuard *m_guard = nullptr;
    quint16 m_port = 0;
};

void TestHttpGuard::initTestCase_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("http") << false;
    QTest::newRow("https") << true;
}

void TestHttpGuard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    QVERIFY2(!openssl.isEmpty(), "the openssl command is needed to make a test certificate");
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess proc;
    proc.start(openssl,
               {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
    QVERIFY(proc.waitForFinished(30000));
    QCOMPARE(proc.exitCode(), 0);
    QFile certFile(cert);
    QFile keyFile(key);
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    m_tlsConfig = QSslConfiguration::defaultConfiguration();
    m_tlsConfig.setLocalCertificate(QSslCertificate(&certFile, QSsl::Pem));
    m_tlsConfig.setPrivateKey(QSslKey(&keyFile, QSsl::Ec, QSsl::Pem));
    m_tlsConfig.setPeerVerifyMode(QSslSocket::VerifyNone);
    QVERIFY(!m_tlsConfig.localCertificate().isNull());
    QVERIFY(!m_tlsConfig.privateKey().isNull());
}

HttpGuard::Limits TestHttpGuard::testLimits()
{
    HttpGuard::Limits limits;
    limits.maxBodyBytes = 1024 * 1024;
    limits.idleTimeout = 10s;
    limits.headTimeout = 10s;
    limits.bodyTimeout = 10s;
    limits.lingerTimeout = 1s;
    return limits;
}

void TestHttpGuard::init()
{
    QFETCH_GLOBAL(bool, tls);
    m_tls = tls;
    handlerCalls() = 0;
    startServer();
}

void TestHttpGuard::cleanup()
{
    m_server.reset(); // deletes the guard (bound servers are its children) and its sockets
    m_guard = nullptr;
}

void TestHttpGuard::startServer(const HttpGuard::Limits &limits)
{
    m_server.reset();
    m_server = std::make_unique<QHttpServer>();
    addRoutes(*m_server);
    m_guard = new HttpGuard;
    m_guard->setLimits(limits);
    m_guard->setBodyLimit("PUT", "/api/v1/profiles/me/photo", 8 * 1024 * 1024);
    if (m_tls)
        m_guard->setSslConfiguration(m_tlsConfig);
    QVERIFY(m_guard->listen(QHostAddress::LocalHost, 0));
    m_port = m_guard->serverPort();
    m_server->bind(m_guard);
}

std::unique_ptr<RawClient> TestHttpGuard::connectClient()
{
    auto client = std::make_unique<RawClient>(m_tls, m_port);
    [&] { QTRY_VERIFY(client->ready); }();
    return client;
}

Response TestHttpGuard::roundTrip(RawClient &client, const QByteArray &bytes)
{
    client.send(bytes);
    Response response;
    [&] { QTRY_VERIFY(client.hasResponse()); }();
    client.takeResponse(&response);
    return response;
}

Response TestHttpGuard::closedAnswer(RawClient &client)
{
    Response response;
    [&] {
        QTRY_VERIFY(client.closed);
        QVERIFY(client.takeResponse(&response));
    }();
    return response;
}

void TestHttpGuard::normalRequestsPass()
{
    auto client = connectClient();
    Response r = roundTrip(*client, request("GET", "/hello"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("hello")).toBool(), true);

    const QByteArray body(900 * 1024, 'x');
    r = roundTrip(*client, request("POST", "/echo", body));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("bytes")).toInt(), body.size());
    QCOMPARE(handlerCalls(), 2);
    QVERIFY(!client->closed);
    QCOMPARE(m_guard->openConnections(), 1);
    for (HttpGuard::Reason reason : HttpGuard::reasons())
        QCOMPARE(m_guard->rejections(reason), 0u);
}

void TestHttpGuard::chunkedBodyPasses()
{
    auto client = connectClient();
    QByteArray chunked = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 10; ++i)
        chunked += "2000\r\n" + QByteArray(0x2000, 'c') + "\r\n";
    chunked += "0\r\n\r\n";
    const Response r = roundTrip(*client, chunked);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("bytes")).toInt(), 10 * 0x2000);
}

void TestHttpGuard::expectContinueIsAnswered()
{
    auto client = connectClient();
    client->send("PUT /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
    QTRY_VERIFY(client->received.startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
    client->received.remove(0, 25);
    client->send("hello");
    Response r;
    QTRY_VERIFY(client->hasResponse());
    QVERIFY(client->takeResponse(&r));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("bytes")).toInt(), 5);
}

void TestHttpGuard::contentLengthOverLimitIs413()
{
    QSignalSpy rejected(m_guard, &HttpGuard::requestRejected);
    auto client = connectClient();
    // The head and the start of a 2 MiB body; the rest is never needed.
    client->send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2097152\r\n\r\n" + QByteArray(64 * 1024, 'x'));
    QTRY_VERIFY(client->hasResponse()); // at once, while the body is still on its way
    QVERIFY(!client->closed);
    // The guard reads and drops the rest of the declared body (QNetworkAccessManager reads the
    // answer only after sending it all), then closes.
    client->send(QByteArray(2097152 - 64 * 1024, 'x'));
    const Response r = closedAnswer(*client);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), QStringLiteral("payload_too_large"));
    QVERIFY(!r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
    QCOMPARE(r.header("Connection"), QByteArray("close"));
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(handlerCalls(), 0);
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.at(0).at(0).value<HttpGuard::Reason>(), HttpGuard::Reason::PayloadTooLarge);
    QCOMPARE(rejected.at(0).at(1).toInt(), 413);
    QCOMPARE(m_guard->rejections(HttpGuard::Reason::PayloadTooLarge), 1u);
    QTRY_COMPARE(m_guard->openConnections(), 0);
}

void TestHttpGuard::chunkedOverLimitIs413()
{
    auto client = connectClient();
    client->send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    // Stream 64 KiB chunks until the guard cuts the body off: it must do so at the first chunk
    // that crosses 1 MiB, long before 4 MiB.
    int sent = 0;
    while (!client->closed && sent < 64) {
        client->send("10000\r\n" + QByteArray(0x10000, 'c') + "\r\n");
        ++sent;
        QTest::qWait(1); // let the event loop run between chunks
    }
    const Response r = closedAnswer(*client);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), QStringLiteral("payload_too_large"));
    QCOMPARE(handlerCalls(), 0);
    QVERIFY2(sent < 64, "the chunked body was not cut off");
}

void TestHttpGuard::photoPathAllowsFiveMebibytes()
{
    const QByteArray body(5 * 1024 * 1024, 'p');
    {
        auto client = connectClient();
        const Response r = roundTrip(*client, request("PUT", "/api/v1/profiles/me/photo", body));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("bytes")).toInt(), body.size());
    }
    {
        auto client = connectClient();
        const Response r = roundTrip(*client, request("PUT", "/echo", body));
        QCOMPARE(r.status, 413);
        QTRY_VERIFY(client->closed);
    }
    {
        // The override is for PUT only.
        auto client = connectClient();
        const Response r = roundTrip(*client, request("POST", "/api/v1/profiles/me/photo", body));
        QCOMPARE(r.status, 413);
    }
    QCOMPARE(handlerCalls(), 1);
    QCOMPARE(m_guard->bodyLimit("PUT", "/api/v1/profiles/me/photo"), 8 * 1024 * 1024);
    QCOMPARE(m_guard->bodyLimit("PUT", "/api/v1/profiles/me"), 1024 * 1024);
}

void TestHttpGuard::hugeHeaderLineIs431()
{
    auto client = connectClient();
    client->send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(9000, 'h') + "\r\n\r\n");
    const Response r = closedAnswer(*client);
    QCOMPARE(r.status, 431);
    QCOMPARE(r.errorCode(), QStringLiteral("headers_too_large"));
    QCOMPARE(handlerCalls(), 0);
}

void TestHttpGuard::hugeHeadIs431()
{
    auto client = connectClient();
    QByteArray head = "GET /hello HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 20; ++i)
        head += "X-Header-" + QByteArray::number(i) + ": " + QByteArray(1000, 'v') + "\r\n";
    client->send(head + "\r\n");
    const Response r = closedAnswer(*client);
    QCOMPARE(r.status, 431);
    QCOMPARE(handlerCalls(), 0);
}

void TestHttpGuard::longRequestLineIs414()
{
    auto client = connectClient();
    client->send("GET /hello?" + QByteArray(10000, 'q') + " HTTP/1.1\r\nHost: x\r\n\r\n");
    const Response r = closedAnswer(*client);
    QCOMPARE(r.status, 414);
    QCOMPARE(r.errorCode(), QStringLiteral("uri_too_long"));
}

void TestHttpGuard::garbageIs400_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::newRow("not http") << QByteArray("HELLO THERE\r\n\r\n") << 400;
    QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15) << 400;
    QTest::newRow("no version") << QByteArray("GET /hello\r\n\r\n") << 400;
    QTest::newRow("no host") << QByteArray("GET /hello HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("space in target") << QByteArray("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("bad header") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n") << 400;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
    QTest::newRow("two lengths") << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n"
                                               "Content-Length: 2\r\n\r\nab")
                                 << 400;
    QTest::newRow("length and chunked") << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n"
                                                      "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                        << 400;
    QTest::newRow("bad chunk size") << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                                                  "\r\nzz\r\n")
                                    << 400;
    QTest::newRow("unknown method") << QByteArray("BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n") << 501;
    QTest::newRow("gzip coding") << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n")
                                 << 501;
    QTest::newRow("http/2") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 505;
}

void TestHttpGuard::garbageIs400()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    auto client = connectClient();
    client->send(bytes);
    const Response r = closedAnswer(*client);
    QCOMPARE(r.status, status);
    QVERIFY(!r.errorCode().isEmpty());
    QCOMPARE(handlerCalls(), 0);
    QTRY_COMPARE(m_guard->openConnections(), 0);
}

void TestHttpGuard::keepAliveThenOversized()
{
    auto client = connectClient();
    Response r = roundTrip(*client, request("GET", "/hello"));
    QCOMPARE(r.status, 200);
    r = roundTrip(*client, request("POST", "/echo", "0123456789"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("bytes")).toInt(), 10);
    client->send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n" + QByteArray(1000, 'z'));
    QTRY_VERIFY(client->hasResponse());
    QVERIFY(client->takeResponse(&r));
    QCOMPARE(r.status, 413);
    QCOMPARE(handlerCalls(), 2);
}

void TestHttpGuard::idleConnectionIsClosed()
{
    HttpGuard::Limits limits = testLimits();
    limits.idleTimeout = 300ms;
    startServer(limits);
    auto client = connectClient();
    QTRY_VERIFY_WITH_TIMEOUT(client->closed, 5000);
    QVERIFY(client->received.isEmpty()); // closed silently
    QCOMPARE(m_guard->rejections(HttpGuard::Reason::IdleTimeout), 1u);
    QTRY_COMPARE(m_guard->openConnections(), 0);
}

void TestHttpGuard::idleKeepAliveIsClosed()
{
    HttpGuard::Limits limits = testLimits();
    limits.idleTimeout = 300ms;
    startServer(limits);
    auto client = connectClient();
    const Response r = roundTrip(*client, request("GET", "/hello"));
    QCOMPARE(r.status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(client->closed, 5000);
    QCOMPARE(m_guard->rejections(HttpGuard::Reason::IdleTimeout), 1u);
}

void TestHttpGuard::slowHeadIsClosed()
{
    HttpGuard::Limits limits = testLimits();
    limits.headTimeout = 500ms;
    limits.idleTimeout = 400ms; // a byte every 50 ms would defeat a mere idle timeout
    startServer(limits);
    auto client = connectClient();
    client->send("GET /hello HTTP/1.1\r\nHost: x\r\n");
    QTimer drip;
    connect(&drip, &QTimer::timeout, client.get(), [&] { client->send("X"); });
    drip.start(50);
    const Response r = closedAnswer(*client);
    drip.stop();
    QCOMPARE(r.status, 408);
    QCOMPARE(r.errorCode(), QStringLiteral("request_timeout"));
    QCOMPARE(m_guard->rejections(HttpGuard::Reason::SlowRequest), 1u);
    QCOMPARE(handlerCalls(), 0);
}

void TestHttpGuard::slowBodyIsClosed()
{
    HttpGuard::Limits limits = testLimits();
    limits.bodyTimeout = 500ms;
    startServer(limits);
    auto client = connectClient();
    client->send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789");
    const Response r = closedAnswer(*client);
    QCOMPARE(r.status, 408);
    QCOMPARE(handlerCalls(), 0);
}

void TestHttpGuard::longPollIsNotKilled()
{
    HttpGuard::Limits limits = testLimits();
    limits.idleTimeout = 200ms;
    limits.headTimeout = 200ms;
    limits.bodyTimeout = 200ms;
    startServer(limits);
    auto client = connectClient();
    client->send(request("GET", "/held?ms=1200"));
    Response r;
    QTRY_VERIFY_WITH_TIMEOUT(client->hasResponse(), 5000);
    QVERIFY(client->takeResponse(&r));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("held")).toInt(), 1200);
    QVERIFY(!client->closed);
    // Once answered, the connection is idle again and the idle deadline applies.
    QTRY_VERIFY_WITH_TIMEOUT(client->closed, 5000);
}

void TestHttpGuard::connectionCap()
{
    HttpGuard::Limits limits = testLimits();
    limits.maxConnections = 3;
    limits.retryAfterSeconds = 7;
    startServer(limits);
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(connectClient());
        QCOMPARE(roundTrip(*clients.back(), request("GET", "/hello")).status, 200);
    }
    QCOMPARE(m_guard->openConnections(), 3);

    RawClient extra(m_tls, m_port);
    QTRY_VERIFY(extra.closed);
    if (!m_tls) {
        Response r;
        QVERIFY(extra.takeResponse(&r));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.errorCode(), QStringLiteral("too_many_connections"));
        QCOMPARE(r.header("Retry-After"), QByteArray("7"));
    }
    QCOMPARE(m_guard->rejections(HttpGuard::Reason::ConnectionLimit), 1u);
    QCOMPARE(m_guard->openConnections(), 3);

    clients.front()->socket->disconnectFromHost();
    QTRY_COMPARE(m_guard->openConnections(), 2);
    auto again = connectClient();
    QCOMPARE(roundTrip(*again, request("GET", "/hello")).status, 200);
}

void TestHttpGuard::sharedConnectionBudget()
{
    // Two guards (as two HTTP threads have) share one budget of three connections.
    const auto budget = std::make_shared<ConnectionBudget>(3);
    m_guard->setConnectionBudget(budget);
    auto *second = new HttpGuard;
    second->setLimits(testLimits());
    second->setConnectionBudget(budget);
    if (m_tls)
        second->setSslConfiguration(m_tlsConfig);
    QVERIFY(second->listen(QHostAddress::LocalHost, 0));
    m_server->bind(second);

    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < 2; ++i) {
        clients.push_back(connectClient());
        QCOMPARE(roundTrip(*clients.back(), request("GET", "/hello")).status, 200);
    }
    clients.push_back(std::make_unique<RawClient>(m_tls, second->serverPort()));
    QTRY_VERIFY(clients.back()->ready);
    QCOMPARE(roundTrip(*clients.back(), request("GET", "/hello")).status, 200);
    QCOMPARE(budget->open(), 3);

    // The second guard has one connection of its own, far under its own cap, yet refuses.
    RawClient extra(m_tls, second->serverPort());
    QTRY_VERIFY(extra.closed);
    if (!m_tls) {
        Response r;
        QVERIFY(extra.takeResponse(&r));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.errorCode(), QStringLiteral("too_many_connections"));
    }
    QCOMPARE(second->rejections(HttpGuard::Reason::ConnectionLimit), 1u);
    QCOMPARE(budget->open(), 3);

    // A connection closed at the first guard makes room at the second.
    clients.front()->socket->disconnectFromHost();
    QTRY_COMPARE(budget->open(), 2);
    RawClient again(m_tls, second->serverPort());
    QTRY_VERIFY(again.ready);
    QCOMPARE(roundTrip(again, request("GET", "/hello")).status, 200);
}

void TestHttpGuard::bodyLimitPatterns()
{
    HttpGuard guard;
    guard.setBodyLimit("PUT", "/api/v1/profiles/me/photo", 7);
    guard.setBodyLimit("PUT", "/api/v1/profiles/*/photo", 5);
    guard.setBodyLimit("POST", "/upload/*", 9);
    const qint64 fallback = guard.limits().maxBodyBytes;
    QCOMPARE(guard.bodyLimit("PUT", "/api/v1/profiles/me/photo"), 7);
    QCOMPARE(guard.bodyLimit("PUT", "/api/v1/profiles/alice/photo"), 5);
    QCOMPARE(guard.bodyLimit("PUT", "/api/v1/profiles/alice"), fallback);
    QCOMPARE(guard.bodyLimit("PUT", "/api/v1/profiles//photo"), fallback);
    QCOMPARE(guard.bodyLimit("PUT", "/api/v1/profiles/a/b/photo"), fallback);
    QCOMPARE(guard.bodyLimit("PUT", "/api/v1/profiles/alice/photo/x"), fallback);
    QCOMPARE(guard.bodyLimit("GET", "/api/v1/profiles/alice/photo"), fallback);
    QCOMPARE(guard.bodyLimit("POST", "/upload/a/b"), 9);
}

void TestHttpGuard::pipelinedRequestsAnswerInOrder()
{
    auto client = connectClient();
    // A long-poll, then two quick requests, in one write: Qt HttpServer 6.4 alone would answer the
    // quick ones first (or lose them); through the guard they are answered in order.
    client->send(request("GET", "/held?ms=300") + request("GET", "/hello") + request("POST", "/echo", "abc"));
    Response first, second, third;
    QTRY_VERIFY_WITH_TIMEOUT(client->hasResponse(), 5000);
    QVERIFY(client->takeResponse(&first));
    QTRY_VERIFY(client->hasResponse());
    QVERIFY(client->takeResponse(&second));
    QTRY_VERIFY(client->hasResponse());
    QVERIFY(client->takeResponse(&third));
    QCOMPARE(first.json().value(QStringLiteral("held")).toInt(), 300);
    QCOMPARE(second.json().value(QStringLiteral("hello")).toBool(), true);
    QCOMPARE(third.json().value(QStringLiteral("bytes")).toInt(), 3);
    QCOMPARE(handlerCalls(), 3);
    QVERIFY(!client->closed);
    // A pipelined request behind an answered one that is over the limit is still refused.
    client->send(request("GET", "/hello") + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n");
    Response fourth, fifth;
    QTRY_VERIFY(client->hasResponse());
    QVERIFY(client->takeResponse(&fourth));
    QCOMPARE(fourth.status, 200);
    QTRY_VERIFY(client->closed); // 99999999 is over maxDrainBytes: closed at once
    QVERIFY(client->takeResponse(&fifth));
    QCOMPARE(fifth.status, 413);
}

void TestHttpGuard::pipelineOverflowCloses()
{
    HttpGuard::Limits limits = testLimits();
    limits.maxPipelinedBytes = 4096;
    startServer(limits);
    auto client = connectClient();
    client->send(request("GET", "/held?ms=2000") + request("POST", "/echo", QByteArray(200 * 1024, 'q')));
    QTRY_VERIFY_WITH_TIMEOUT(client->closed, 5000);
    QCOMPARE(m_guard->rejections(HttpGuard::Reason::PipelineOverflow), 1u);
}

void TestHttpGuard::pipelinedWithoutGuardIsOutOfOrder()
{
    // Why the guard serializes: Qt HttpServer 6.4 bound directly answers the quick request first.
    QHttpServer server;
    addRoutes(server);
    QTcpServer *listener = nullptr;
    if (m_tls) {
        auto *ssl = new QSslServer;
        ssl->setSslConfiguration(m_tlsConfig);
        listener = ssl;
    } else {
        listener = new QTcpServer;
    }
    QVERIFY(listener->listen(QHostAddress::LocalHost, 0));
    server.bind(listener);
    RawClient client(m_tls, listener->serverPort());
    QTRY_VERIFY(client.ready);
    client.send(request("GET", "/held?ms=300") + request("GET", "/hello"));
    QTRY_VERIFY_WITH_TIMEOUT(client.hasResponse(), 5000);
    Response first;
    QVERIFY(client.takeResponse(&first));
    QCOMPARE(first.json().value(QStringLiteral("hello")).toBool(), true); // the answer to the second request
}

void TestHttpGuard::clientThatDoesNotReadIsClosed()
{
    HttpGuard::Limits limits = testLimits();
    limits.idleTimeout = 500ms;
    startServer(limits);
    auto client = connectClient();
    client->socket->setReadBufferSize(64 * 1024); // and never read: the kernel buffers fill up
    disconnect(client->socket, &QIODevice::readyRead, client.get(), nullptr);
    // More than loopback's socket buffers hold, and a pipelined request behind it.
    client->send(request("GET", "/big?mb=48") + request("GET", "/hello"));
    QTRY_COMPARE_WITH_TIMEOUT(m_guard->rejections(HttpGuard::Reason::SlowReader), 1u, 10000);
    QTRY_COMPARE(m_guard->openConnections(), 0);
    QCOMPARE(handlerCalls(), 1); // the pipelined request never reached the application
}

void TestHttpGuard::wrongProtocolOnPort()
{
    HttpGuard::Limits limits = testLimits();
    limits.headTimeout = 400ms;
    startServer(limits);
    // Plain HTTP to the port: answered on the plain server, a failed handshake on the TLS one.
    RawClient plain(false, m_port);
    QTRY_VERIFY(plain.ready);
    plain.send(request("GET", "/hello"));
    if (m_tls) {
        QTRY_VERIFY(plain.closed);
        QVERIFY(!plain.hasResponse());
        QCOMPARE(m_guard->rejections(HttpGuard::Reason::TlsHandshake), 1u);
        // A connection that never starts its handshake is closed after headTimeout.
        RawClient silent(false, m_port);
        QTRY_VERIFY_WITH_TIMEOUT(silent.closed, 5000);
        QCOMPARE(m_guard->rejections(HttpGuard::Reason::TlsHandshake), 2u);
        QTRY_COMPARE(m_guard->openConnections(), 0);
    } else {
        QTRY_VERIFY(plain.hasResponse());
        Response r;
        QVERIFY(plain.takeResponse(&r));
        QCOMPARE(r.status, 200);
    }
}

void TestHttpGuard::networkAccessManagerSeesTheAnswer()
{
    // What the Colleagues client will see: QNetworkAccessManager gets the 413 and its JSON, not a
    // reset, even though it is still sending the body when the guard answers.
    QNetworkAccessManager nam;
    const QString scheme = m_tls ? QStringLiteral("https") : QStringLiteral("http");
    const QByteArray body(5 * 1024 * 1024, 'n');
    struct Case
    {
        const char *path;
        int status;
    };
    for (const Case &c : {Case {"/echo", 413}, Case {"/api/v1/profiles/me/photo", 200}}) {
        QNetworkRequest request(QUrl(scheme + QStringLiteral("://127.0.0.1:%1").arg(m_port) + QLatin1String(c.path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
        QNetworkReply *reply = nam.put(request, body);
        if (m_tls)
            reply->ignoreSslErrors();
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);
        const QByteArray answer = reply->readAll();
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), c.status);
        if (c.status == 413) {
            QCOMPARE(QJsonDocument::fromJson(answer)[QStringLiteral("error")][QStringLiteral("code")].toString(),
                     QStringLiteral("payload_too_large"));
        }
        reply->deleteLater();
    }
}

QTEST_GUILESS_MAIN(TestHttpGuard)
#include "tst_httpguard.moc"
