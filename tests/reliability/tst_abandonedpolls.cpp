// SPDX-License-Identifier: MIT
// Abandoned long-polls: a thousand clients hold GET /api/v1/sync?timeout=30 and vanish
// without a word (their sockets aborted, or reset). The server must keep serving, forget
// them (its waiting gauge back to 0 within the long-poll timeout) and stay alive.

#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/SharedServerTest.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <sys/socket.h>

#include <memory>
#include <vector>

using namespace Colleagues::Test;

namespace {

const QString Reader = QStringLiteral("reader");
const QString Writer = QStringLiteral("writer");
const QByteArray Password = QByteArrayLiteral("abandoned-poll-password");

//! colleagues_sync_longpolls_waiting from /metrics on the server's --metrics-listen port, or -1.
int waitingLongPolls(const ServerProcess &server)
{
    Client client(server.metricsUrl());
    const Response r = client.get(QStringLiteral("/metrics"));
    static const QRegularExpression gauge(QStringLiteral("^colleagues_sync_longpolls_waiting (\\d+)$"),
                                          QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = gauge.match(QString::fromUtf8(r.body));
    return r.status == 200 && m.hasMatch() ? m.captured(1).toInt() : -1;
}

} // namespace

class TestAbandonedPolls : public SharedServerTest
{
    Q_OBJECT

public:
    TestAbandonedPolls()
        : SharedServerTest(0, {QStringLiteral("--metrics-listen"), QStringLiteral("127.0.0.1:0")})
    { }

private Q_SLOTS:
    void vanishedClientsAreForgotten_data();
    void vanishedClientsAreForgotten();
    // Last: the server, after all that, still ends cleanly.
    void stopsCleanly();

private:
    void setUpServer(ServerProcess &server) override;
};

void TestAbandonedPolls::setUpServer(ServerProcess &server)
{
    for (const QString &user : {Reader, Writer})
        QVERIFY2(server.addUser(user, QString::fromLatin1(Password)), qPrintable(server.errorString()));
}

void TestAbandonedPolls::stopsCleanly()
{
    QCOMPARE(m_server->stop(), 0);
}

void TestAbandonedPolls::vanishedClientsAreForgotten_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("reset");
    QTest::addRow("1000 aborted") << 1000 << false;
    QTest::addRow("1000 reset") << 1000 << true;
}

void TestAbandonedPolls::vanishedClientsAreForgotten()
{
    QFETCH(int, count);
    QFETCH(bool, reset);

    Client reader(m_server->url());
    QCOMPARE(reader.signIn(Reader, QString::fromLatin1(Password)).status, 200);
    Client writer(m_server->url());
    QCOMPARE(writer.signIn(Writer, QString::fromLatin1(Password)).status, 200);

    // Online first (the reader's own status change would end its held syncs), then up to date,
    // so that a long-poll from here on has nothing to answer with.
    QTRY_COMPARE_WITH_TIMEOUT(
        reader.get(QStringLiteral("/api/v1/me/status")).json().value(QStringLiteral("presence")).toString(),
        QStringLiteral("online"), 10000);
    const qint64 cursor = reader.syncEnd();
    QVERIFY(cursor >= 0);
    QCOMPARE(waitingLongPolls(*m_server), 0);

    const QByteArray request = "GET /api/v1/sync?since=" + QByteArray::number(cursor)
        + "&timeout=30 HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_server->port())
        + "\r\nAuthorization: Bearer " + reader.token() + "\r\nAccept: application/json\r\n\r\n";
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    int connected = 0;
    for (int i = 0; i < count; ++i) {
        auto s = std::make_unique<QTcpSocket>();
        QTcpSocket *raw = s.get();
        connect(raw, &QTcpSocket::connected, this, [raw, &request, &connected] {
            raw->write(request);
            ++connected;
        });
        s->connectToHost(QHostAddress::LocalHost, m_server->port());
        sockets.push_back(std::move(s));
    }
    QTRY_COMPARE_WITH_TIMEOUT(connected, count, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(waitingLongPolls(*m_server), count, 60000);
    for (const auto &s : sockets)
        QCOMPARE(s->bytesAvailable(), 0);

    // They all vanish at once.
    for (const auto &s : sockets) {
        if (reset) {
            const linger hard {1, 0}; // close() then sends RST instead of FIN
            QCOMPARE(::setsockopt(int(s->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard), 0);
        }
        s->abort();
    }
    sockets.clear();

    // The server keeps serving at once.
    QElapsedTimer clock;
    clock.start();
    const Response me = reader.get(QStringLiteral("/api/v1/me"));
    QCOMPARE(me.status, 200);
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QStringLiteral("/me took %1 ms").arg(clock.elapsed())));
    QCOMPARE(writer.get(QStringLiteral("/healthz")).status, 200);

    // The hub forgets them (at the latest when their 30 s would have run out).
    QTRY_COMPARE_WITH_TIMEOUT(waitingLongPolls(*m_server), 0, 35000);
    QVERIFY(m_server->isRunning());

    // And a new long-poll still gets its change.
    QNetworkReply *poll = reader.start("GET", QStringLiteral("/api/v1/sync?since=%1&timeout=30").arg(cursor));
    QTRY_COMPARE_WITH_TIMEOUT(waitingLongPolls(*m_server), 1, 10000);
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const Response sent = writer.postJson(
        QStringLiteral("/api/v1/messages"),
        QJsonObject {{QStringLiteral("to"), Reader}, {QStringLiteral("body"), QStringLiteral("still there?")}},
        {{"Idempotency-Key", key.toLatin1()}});
    QCOMPARE(sent.status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(poll->isFinished(), 10000);
    const Response answer = Client::collect(poll);
    poll->deleteLater();
    QCOMPARE(answer.status, 200);
    const QJsonArray messages = answer.json().value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().toObject().value(QStringLiteral("client_id")).toString(), key);
    QVERIFY(m_server->isRunning());
}

QTEST_GUILESS_MAIN(TestAbandonedPolls)
#include "tst_abandonedpolls.moc"
