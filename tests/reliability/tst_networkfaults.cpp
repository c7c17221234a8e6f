// SPDX-License-Identifier: MIT
// Network faults: two sync clients message each other through seeded fault-injecting proxies
// (latency, resets, cut answers, 5xx pages from a gateway, then a blackhole). Once the network
// is healthy again the engines recover by themselves within 60 s, and nothing is lost,
// duplicated or reordered.

#include "client/sync/ApiClient.h"
#include "client/sync/Outbox.h"
#include "client/sync/SyncEngine.h"
#include "tests/support/AppClient.h"
#include "tests/support/BackendEnvironments.h"
#include "tests/support/FaultProxy.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/SharedServerTest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Colleagues;
using namespace Colleagues::Test;

namespace {

const QString Ada = QStringLiteral("ada");
const QString Grace = QStringLiteral("grace");

} // namespace

class TestNetworkFaults : public SharedServerTest
{
    Q_OBJECT

public:
    TestNetworkFaults()
        : SharedServerTest(200,
                           // Each side sends well over a minute's message budget; the limit would turn the
                           // healing phase into a wait for the rate, which is not what this test measures.
                           {QStringLiteral("--message-rate"), QStringLiteral("0")})
    { }

private Q_SLOTS:
    void enginesRecoverFromFaults_data();
    void enginesRecoverFromFaults();
};

void TestNetworkFaults::enginesRecoverFromFaults_data()
{
    addSeedRows({1, 4242});
}

void TestNetworkFaults::enginesRecoverFromFaults()
{
    QFETCH(quint64, seed);

    struct Side
    {
        QString user;
        QString peer;
        std::unique_ptr<FaultProxy> proxy;
        std::unique_ptr<AppClient> client;
        QStringList sentKeys; //!< in the order they were sent
        QStringList sentBodies;
    };
    Side sides[2] = {{Ada, Grace, nullptr, nullptr, {}, {}}, {Grace, Ada, nullptr, nullptr, {}, {}}};
    for (int i = 0; i < 2; ++i) {
        Side &s = sides[i];
        s.proxy = std::make_unique<FaultProxy>(QHostAddress::LocalHost, m_server->port(), seed * 2 + quint64(i));
        QVERIFY(s.proxy->listen());
        s.client = std::make_unique<AppClient>();
        QVERIFY(s.client->isValid());
        // Short long-polls and request timeouts, so a blackholed request is given up on quickly;
        // the backoff stays the engine's own shape, made fast.
        s.client->client()->engine()->setLongPollTimeout(2);
        s.client->client()->api()->setTransferTimeout(3000);
        QSignalSpy done(s.client->client()->engine(), &SyncEngine::initialSyncFinished);
        QVERIFY(s.client->signIn(s.proxy->url(), s.user, ServerProcess::demoPassword(s.user)));
        QVERIFY(done.wait(60000));
    }

    int counter = 0;
    auto sendSome = [&](const QString &label, int each) {
        for (int n = 0; n < each; ++n) {
            for (Side &s : sides) {
                const QString body =
                    QStringLiteral("%1 #%2 (%3, seed %4)").arg(label).arg(++counter).arg(s.user).arg(seed);
                const Expected<QString> key = s.client->client()->outbox()->sendMessage(s.peer, body);
                QVERIFY(key);
                s.sentKeys.append(*key);
                s.sentBodies.append(body);
            }
        }
    };
    auto setFaults = [&](const FaultProxy::Faults &f) {
        for (Side &s : sides)
            s.proxy->setFaults(f);
    };

    // While a phase lasts, both sides keep sending, and open connections are dropped now and
    // then so that new ones meet the proxy's per-connection faults (keep-alive would dodge them).
    QTimer traffic;
    int tick = 0;
    QString phase;
    connect(&traffic, &QTimer::timeout, this, [&] {
        sendSome(phase, 1);
        if (++tick % 3 == 0) {
            for (Side &s : sides)
                s.proxy->dropAll();
        }
    });
    auto runPhase = [&](const QString &name, const FaultProxy::Faults &faults) {
        phase = name;
        setFaults(faults);
        traffic.start(150);
    };

    // 1. Slow and jittery.
    FaultProxy::Faults slow;
    slow.latencyMs = 40;
    slow.jitterMs = 60;
    runPhase(QStringLiteral("latency"), slow);
    QTRY_VERIFY_WITH_TIMEOUT(counter >= 20, 20000);

    // 2. Connections reset once the request arrived.
    FaultProxy::Faults resets;
    resets.latencyMs = 5;
    resets.jitterMs = 10;
    resets.resetProbability = 0.35;
    runPhase(QStringLiteral("resets"), resets);
    QTRY_VERIFY_WITH_TIMEOUT(sides[0].proxy->counters().resets >= 3 && sides[1].proxy->counters().resets >= 3, 30000);

    // 3. Answers cut in the middle (sends that were committed but not acknowledged).
    FaultProxy::Faults cuts;
    cuts.latencyMs = 5;
    cuts.cutResponseProbability = 0.35;
    runPhase(QStringLiteral("cuts"), cuts);
    QTRY_VERIFY_WITH_TIMEOUT(sides[0].proxy->counters().cuts >= 3 && sides[1].proxy->counters().cuts >= 3, 30000);

    // 4. A gateway in front of the server answers 5xx pages: first without passing the
    //    request on, then after the server did the work (the client must retry with the same
    //    idempotency key and get no duplicate), with Retry-After.
    auto errorsAtLeast = [&](int n) {
        return sides[0].proxy->counters().errors >= n && sides[1].proxy->counters().errors >= n;
    };
    runPhase(QStringLiteral("bad gateway"),
             {.latencyMs = 5, .errorProbability = 0.35, .errorStatus = 502, .errorAfterForwarding = false});
    QTRY_VERIFY_WITH_TIMEOUT(errorsAtLeast(3), 30000);
    runPhase(QStringLiteral("unavailable"),
             {.latencyMs = 5,
              .errorProbability = 0.35,
              .errorStatus = 503,
              .errorAfterForwarding = true,
              .retryAfterSeconds = 1});
    QTRY_VERIFY_WITH_TIMEOUT(errorsAtLeast(6), 30000);
    traffic.stop();

    // 5. A blackhole: everything accepted, nothing answered. Connections already open die too.
    FaultProxy::Faults blackhole;
    blackhole.blackhole = true;
    setFaults(blackhole);
    for (Side &s : sides)
        s.proxy->dropAll();
    sendSome(QStringLiteral("blackhole"), 10);
    QTRY_VERIFY_WITH_TIMEOUT(sides[0].proxy->counters().blackholed >= 3 && sides[1].proxy->counters().blackholed >= 3,
                             30000);
    // The engines notice: nobody answers.
    for (Side &s : sides)
        QTRY_VERIFY_WITH_TIMEOUT(s.client->client()->engine()->state() == SyncState::Offline
                                     || s.client->client()->outbox()->pendingCount() > 0,
                                 30000);

    // 6. Healthy again: everything arrives by itself within 60 s, nothing twice, in order.
    setFaults({});
    for (Side &s : sides)
        s.proxy->dropAll();
    auto arrived = [&](const Side &from, const Side &to) {
        int count = 0;
        for (const MessageRecord &m : to.client->client()->messages(from.user))
            count += from.sentKeys.contains(m.message.clientId) ? 1 : 0;
        return count;
    };
    auto recovered = [&] {
        for (int i = 0; i < 2; ++i) {
            const Side &s = sides[i];
            if (s.client->client()->outbox()->pendingCount() != 0
                || s.client->client()->engine()->state() != SyncState::Online
                || arrived(s, sides[1 - i]) < s.sentKeys.size())
                return false;
        }
        return true;
    };
    QElapsedTimer healing;
    healing.start();
    QTRY_VERIFY_WITH_TIMEOUT(recovered(), 60000);
    const qint64 recoveryMs = healing.elapsed();
    for (int i = 0; i < 2; ++i) {
        const Side &from = sides[i];
        const Side &to = sides[1 - i];
        for (const Side *view : {&from, &to}) {
            const QList<MessageRecord> records = view->client->client()->messages(view == &from ? to.user : from.user);
            QHash<QString, int> copies;
            QStringList order;
            for (const MessageRecord &m : records) {
                // Earlier rows used the same accounts: only this row's messages count.
                if (m.message.sender != from.user || !from.sentKeys.contains(m.message.clientId))
                    continue;
                ++copies[m.message.clientId];
                order.append(m.message.clientId);
                QCOMPARE(m.state, MessageRecord::State::Sent);
                QVERIFY(m.message.id > 0);
            }
            for (qsizetype k = 0; k < from.sentKeys.size(); ++k)
                QVERIFY2(copies.value(from.sentKeys.at(k)) == 1,
                         qPrintable(QStringLiteral("%1 seen %2 times by %3")
                                        .arg(from.sentBodies.at(k))
                                        .arg(copies.value(from.sentKeys.at(k)))
                                        .arg(view->user)));
            QCOMPARE(order.size(), from.sentKeys.size());
            // The outbox keeps each conversation's order.
            QCOMPARE(order, from.sentKeys);
        }
    }
    for (const Side &s : sides) {
        const FaultProxy::Counters c = s.proxy->counters();
        qInfo("seed %llu, %s: recovered in %lld ms; %d connections, %d resets, %d cuts, %d 5xx, %d blackholed", seed,
              qPrintable(s.user), recoveryMs, c.connections, c.resets, c.cuts, c.errors, c.blackholed);
    }
}

QTEST_GUILESS_MAIN(TestNetworkFaults)
#include "tst_networkfaults.moc"
