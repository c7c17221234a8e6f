// SPDX-License-Identifier: MIT
// Client crashes during outbox sends: messages queued while the server was down go out with
// `colleagues sync`, which is SIGKILLed at seeded random moments while it is sending, round
// after round, through a proxy that slows the answers so that kills land between the server's
// commit and the client's record of it. Afterwards every queued message is on the server
// exactly once, in order per conversation, the client's own store has each once and sent, and
// its SQLite file passes PRAGMA integrity_check and FTS5's integrity-check after every kill.
// (Killing the client during the first sync: tests/sync/tst_synccli, killedFirstSyncResumes.)
//
// How we know it would fail: with Outbox::send() given a fresh Idempotency-Key per attempt
// instead of the item's own, the resent messages are stored twice and this test reports the
// duplicates (tried while writing it, not committed); `acknowledgementsLost` shows that the
// kills did land in that window.

#include "tests/support/BackendEnvironments.h"
#include "tests/support/Binaries.h"
#include "tests/support/CliRun.h"
#include "tests/support/Client.h"
#include "tests/support/FaultProxy.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/SharedServerTest.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <map>

using namespace Colleagues;
using namespace Colleagues::Test;

namespace {

const QString Sender = QStringLiteral("ada");
const QStringList Recipients {QStringLiteral("grace"), QStringLiteral("zoe"), QStringLiteral("misaki")};
constexpr int PerRecipient = 8;

using Run = CliRun;

Run colleagues(const QStringList &arguments, const QByteArray &input = {})
{
    return runCli(clientBinary(), arguments, input, 120000);
}

//! "ok", or what SQLite found wrong in the client's store at \a path.
QString integrityOf(const QString &path)
{
    static int n = 0;
    const QString name = QStringLiteral("integrity%1").arg(++n);
    QString verdict;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            verdict = db.lastError().text();
        } else {
            QSqlQuery q(db);
            QStringList rows;
            if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
                rows.append(q.lastError().text());
            while (q.next())
                rows.append(q.value(0).toString());
            // The search index agrees with the profiles it indexes.
            if (!q.exec(QStringLiteral("INSERT INTO profile_fts(profile_fts) VALUES('integrity-check')")))
                rows.append(QStringLiteral("fts5: ") + q.lastError().text());
            if (!q.exec(QStringLiteral("PRAGMA foreign_key_check")))
                rows.append(q.lastError().text());
            while (q.next())
                rows.append(QStringLiteral("foreign key: ") + q.value(0).toString());
            verdict = rows.join(QLatin1Char('\n'));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return verdict;
}

//! The server's view of the sender's messages, read incrementally through GET /api/v1/sync.
class ServerMessages
{
public:
    ServerMessages(const QUrl &server, const QByteArray &token)
        : m_client(server)
    {
        m_client.setToken(token);
    }

    //! Reads what changed since the last call; false on an HTTP error.
    bool update()
    {
        return m_client.readSync(&m_cursor, [this](const QJsonObject &page) {
            for (const QJsonValue &v : page.value(QStringLiteral("messages")).toArray()) {
                const QJsonObject m = v.toObject();
                m_byId[m.value(QStringLiteral("id")).toInteger()] = m;
            }
        });
    }
    //! The sender's messages whose body starts with \a prefix, in id order.
    QList<QJsonObject> sent(const QString &prefix) const
    {
        QList<QJsonObject> list;
        for (const auto &[id, m] : m_byId) {
            if (m.value(QStringLiteral("from")).toString() == Sender
                && m.value(QStringLiteral("body")).toString().startsWith(prefix))
                list.append(m);
        }
        return list;
    }

private:
    Client m_client;
    qint64 m_cursor = 0;
    std::map<qint64, QJsonObject> m_byId;
};

} // namespace

class TestClientCrash : public SharedServerTest
{
    Q_OBJECT

public:
    TestClientCrash()
        : SharedServerTest(60)
    { }

private Q_SLOTS:
    void killedWhileSending_data();
    void killedWhileSending();
};

void TestClientCrash::killedWhileSending_data()
{
    addSeedRows({1, 2026});
}

void TestClientCrash::killedWhileSending()
{
    QFETCH(quint64, seed);
    QRandomGenerator random(seed);
    const QString prefix = QStringLiteral("seed %1: ").arg(seed);
    const QString dataDir = m_dir.filePath(QStringLiteral("ada-%1").arg(seed));
    const QStringList dataArgs {u"--data-dir"_qs, dataDir};

    // The client talks to the server through a proxy that delays every chunk, both ways.
    auto proxy = std::make_unique<FaultProxy>(QHostAddress::LocalHost, m_server->port(), seed);
    QVERIFY(proxy->listen());
    const QString proxyUrl = proxy->url().toString();
    Run r = colleagues(QStringList {u"login"_qs, u"--server"_qs, proxyUrl, u"--user"_qs, Sender, u"--token-file"_qs,
                                    dataDir + u"-token"_qs}
                           + dataArgs,
                       ServerProcess::demoPassword(Sender).toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    // Queued while the server cannot be reached (every connection where the client goes is
    // reset): each send stays in the outbox (exit code 3). The proxy keeps its port, which a
    // proxy made again might find taken by another test's connection.
    FaultProxy::Faults down;
    down.resetProbability = 1.0;
    proxy->setFaults(down);
    QHash<QString, QStringList> queued; // recipient -> bodies, in the order they were written
    for (int i = 0; i < PerRecipient; ++i) {
        for (const QString &to : Recipients) {
            const QString body = prefix + QStringLiteral("to %1, number %2").arg(to).arg(i, 2, 10, QLatin1Char('0'));
            r = colleagues(QStringList {u"send"_qs, u"--to"_qs, to, body} + dataArgs);
            QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
            queued[to].append(body);
        }
    }
    const int total = int(Recipients.size()) * PerRecipient;
    FaultProxy::Faults slow;
    slow.latencyMs = 60;
    slow.jitterMs = 60;
    proxy->setFaults(slow);

    Client sender(m_server->url());
    QCOMPARE(sender.signIn(Sender, ServerProcess::demoPassword(Sender)).status, 200);
    ServerMessages server(m_server->url(), sender.token());
    QVERIFY(server.update());
    QCOMPARE(server.sent(prefix).size(), 0);

    // Rounds: sync, and SIGKILL it once the server has stored 1 to 3 more of the messages
    // (with three conversations sending at once, the others are anywhere in their request).
    int kills = 0;
    int acknowledgementsLost = 0; // kills after the server stored a message the client had not recorded
    bool finished = false;
    while (kills < 12) {
        QProcess sync;
        sync.start(clientBinary(), QStringList {u"sync"_qs, u"--once"_qs} + dataArgs);
        QVERIFY(sync.waitForStarted());
        const qsizetype target = server.sent(prefix).size() + random.bounded(1, 4);
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return !server.update() || server.sent(prefix).size() >= target
                             || sync.state() == QProcess::NotRunning;
                     },
                     60000),
                 "no progress while sending");
        if (sync.state() == QProcess::NotRunning) {
            QVERIFY2(sync.exitStatus() == QProcess::NormalExit && sync.exitCode() == 0,
                     sync.readAllStandardError().constData());
            finished = true;
            break;
        }
        sync.kill(); // as a crash or a power cut would
        QVERIFY(sync.waitForFinished(10000));
        ++kills;

        const QString integrity = integrityOf(dataDir + QStringLiteral("/colleagues.db"));
        QVERIFY2(integrity == QLatin1String("ok"),
                 qPrintable(QStringLiteral("after kill %1: %2").arg(kills).arg(integrity)));
        r = colleagues(QStringList {u"messages"_qs, u"--json"_qs} + dataArgs);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        int recorded = 0;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"messages"_qs).toArray()) {
            const QJsonObject m = v.toObject();
            recorded += m.value(u"body"_qs).toString().startsWith(prefix)
                    && m.value(u"state"_qs).toString() == QLatin1String("sent")
                ? 1
                : 0;
        }
        QVERIFY(server.update());
        if (server.sent(prefix).size() > recorded)
            ++acknowledgementsLost;
        if (server.sent(prefix).size() >= total)
            break;
    }
    qInfo("seed %llu: %d kills, %d of them after the server stored a message the client had not recorded", seed, kills,
          acknowledgementsLost);
    QVERIFY2(kills >= 5, qPrintable(QStringLiteral("only %1 kills").arg(kills)));
    QVERIFY2(acknowledgementsLost >= 1, "no kill landed between the server's commit and the client's record");

    // Then it runs to the end.
    if (!finished) {
        r = colleagues(QStringList {u"sync"_qs, u"--once"_qs} + dataArgs);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    }
    r = colleagues(QStringList {u"sync"_qs, u"--once"_qs} + dataArgs); // and receives its own messages back
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    // On the server: each message exactly once, in order per conversation.
    QVERIFY(server.update());
    const QList<QJsonObject> stored = server.sent(prefix);
    QHash<QString, QStringList> onServer;
    for (const QJsonObject &m : stored)
        onServer[m.value(u"to"_qs).toString()].append(m.value(u"body"_qs).toString());
    for (const QString &to : Recipients)
        QCOMPARE(onServer.value(to), queued.value(to));
    QCOMPARE(stored.size(), total);

    // In the client's store: each once, sent, with the server's id, in the same order.
    r = colleagues(QStringList {u"messages"_qs, u"--json"_qs} + dataArgs);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QHash<QString, QStringList> local;
    QHash<QString, QList<qint64>> localIds;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"messages"_qs).toArray()) {
        const QJsonObject m = v.toObject();
        if (!m.value(u"body"_qs).toString().startsWith(prefix))
            continue; // an earlier row's
        QCOMPARE(m.value(u"state"_qs).toString(), u"sent"_qs);
        QVERIFY(m.value(u"id"_qs).toInteger() > 0);
        local[m.value(u"to"_qs).toString()].append(m.value(u"body"_qs).toString());
        localIds[m.value(u"to"_qs).toString()].append(m.value(u"id"_qs).toInteger());
    }
    for (const QString &to : Recipients) {
        QCOMPARE(local.value(to), queued.value(to));
        QVERIFY(std::is_sorted(localIds.value(to).cbegin(), localIds.value(to).cend()));
    }
    const QString integrity = integrityOf(dataDir + QStringLiteral("/colleagues.db"));
    QVERIFY2(integrity == QLatin1String("ok"), qPrintable(integrity));
}

QTEST_GUILESS_MAIN(TestClientCrash)
#include "tst_clientcrash.moc"
