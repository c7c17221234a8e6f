// SPDX-License-Identifier: MIT
// Crash safety: concurrent clients send messages with Idempotency-Keys while the real server
// is SIGKILLed at seeded random moments and started again on the same data. Every
// acknowledged message must exist exactly once, retries must not duplicate, and the database
// must pass its integrity check afterwards. Runs on SQLite and PostgreSQL.

#include "tests/support/BackendEnvironments.h"
#include "tests/support/Client.h"
#include "tests/support/KillSchedule.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestDatabase.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <functional>
#include <memory>

using namespace Colleagues::Test;

namespace {

constexpr int Users = 4;
constexpr int ClientsPerUser = 2;

QString userName(int i)
{
    return QStringLiteral("crash%1").arg(i);
}

QByteArray password(int i)
{
    return QByteArrayLiteral("crash-safety-password-") + QByteArray::number(i);
}

bool longRun()
{
    return qEnvironmentVariableIntValue("COLLEAGUES_LONG_TESTS") > 0;
}

struct Outgoing
{
    QString key;
    QString body;
    int sender = 0;
    int recipient = 0;
    qint64 ackedId = -1; //!< the id the server acknowledged; -1 while unacknowledged
    int attempts = 0;
    bool answeredAsDuplicate = false;
};

//! One signed-in client sending its messages one after the other, retrying each with the
//! same Idempotency-Key until the server acknowledges it.
class Sender : public QObject
{
public:
    Sender(int user, QList<Outgoing *> queue, std::function<QUrl()> base, std::function<void()> acked)
        : m_user(user)
        , m_queue(std::move(queue))
        , m_base(std::move(base))
        , m_acked(std::move(acked))
    {
        m_network.setAutoDeleteReplies(true);
    }

    void begin() { next(); }
    bool isDone() const { return m_index >= m_queue.size(); }
    int networkFailures() const { return m_networkFailures; }
    int signIns() const { return m_signIns; }
    QString fatal() const { return m_fatal; }

private:
    QNetworkRequest request(const QString &path) const
    {
        QUrl url = m_base();
        url.setPath(path);
        QNetworkRequest r(url);
        r.setTransferTimeout(10000);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!m_token.isEmpty())
            r.setRawHeader("Authorization", "Bearer " + m_token);
        return r;
    }

    void retryLater()
    {
        ++m_networkFailures;
        // A short, growing pause while the server restarts; a timer, not a sleep.
        const int delay = qMin(20 * (1 << qMin(m_failuresInRow++, 4)), 320);
        QTimer::singleShot(delay, this, [this] { next(); });
    }

    void next()
    {
        if (isDone() || !m_fatal.isEmpty())
            return;
        if (m_token.isEmpty())
            return signIn();
        Outgoing *m = m_queue.at(m_index);
        ++m->attempts;
        QNetworkRequest r = request(QStringLiteral("/api/v1/messages"));
        r.setRawHeader("Idempotency-Key", m->key.toLatin1());
        const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("to"), userName(m->recipient)},
                                                           {QStringLiteral("body"), m->body}})
                                    .toJson(QJsonDocument::Compact);
        QNetworkReply *reply = m_network.post(r, body);
        connect(reply, &QNetworkReply::finished, this, [this, reply, m] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 201 || status == 200) {
                const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
                m->ackedId = o.value(QStringLiteral("id")).toInteger(-1);
                m->answeredAsDuplicate = status == 200;
                if (m->ackedId < 0 || o.value(QStringLiteral("client_id")).toString() != m->key) {
                    m_fatal = QStringLiteral("an acknowledgement without the message: %1")
                                  .arg(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
                    return;
                }
                m_failuresInRow = 0;
                ++m_index;
                m_acked();
                return next();
            }
            if (status == 401) {
                m_token.clear();
                return retryLater();
            }
            if (status == 0 || status == 429 || status >= 500)
                return retryLater();
            m_fatal = QStringLiteral("unexpected answer %1 to a send: %2")
                          .arg(status)
                          .arg(QString::fromUtf8(reply->readAll()));
        });
    }

    void signIn()
    {
        ++m_signIns;
        const QByteArray body =
            QJsonDocument(QJsonObject {{QStringLiteral("username"), userName(m_user)},
                                       {QStringLiteral("password"), QString::fromLatin1(password(m_user))}})
                .toJson(QJsonDocument::Compact);
        QNetworkReply *reply = m_network.post(request(QStringLiteral("/api/v1/session")), body);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 200) {
                m_token = QJsonDocument::fromJson(reply->readAll())
                              .object()
                              .value(QStringLiteral("token"))
                              .toString()
                              .toLatin1();
                return next();
            }
            if (status == 0 || status == 429 || status >= 500)
                return retryLater();
            m_fatal = QStringLiteral("sign-in answered %1").arg(status);
        });
    }

    int m_user;
    QList<Outgoing *> m_queue;
    std::function<QUrl()> m_base;
    std::function<void()> m_acked;
    QNetworkAccessManager m_network;
    QByteArray m_token;
    qsizetype m_index = 0;
    int m_failuresInRow = 0;
    int m_networkFailures = 0;
    int m_signIns = 0;
    QString m_fatal;
};

//! Every message \a user sees through GET /api/v1/sync from the start, paged.
QList<QJsonObject> messagesSeenBy(Client &client, bool *ok)
{
    QList<QJsonObject> all;
    qint64 since = 0;
    *ok = client.readSync(
        &since,
        [&all](const QJsonObject &page) {
            for (const QJsonValue &v : page.value(QStringLiteral("messages")).toArray())
                all.append(v.toObject());
        },
        5000);
    return all;
}

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedServerLosesNothing_data();
    void killedServerLosesNothing();
};

void TestCrashSafety::killedServerLosesNothing_data()
{
    addBackendRows(20261126, 8080);
}

void TestCrashSafety::killedServerLosesNothing()
{
    QFETCH(QString, backend);
    QFETCH(quint64, seed);

    const std::unique_ptr<TestDatabase> db = TestDatabase::createOrSkip(backend);
    if (!db)
        return;
    ServerProcess server(*db);
    for (int u = 0; u < Users; ++u)
        QVERIFY2(server.addUser(userName(u), QString::fromLatin1(password(u))), qPrintable(server.errorString()));
    // Thousands of messages from four members: no per-member rate limit in this test.
    QVERIFY2(server.start(0, {QStringLiteral("--message-rate"), QStringLiteral("0")}),
             qPrintable(server.errorString()));

    const int total = longRun() ? 50000 : 10000;
    const int killCount = longRun() ? 100 : 24;

    // The messages, spread over the clients; each client's recipients rotate over the others.
    std::vector<std::unique_ptr<Outgoing>> messages;
    const int clients = Users * ClientsPerUser;
    QList<QList<Outgoing *>> queues(clients);
    for (int i = 0; i < total; ++i) {
        const int c = i % clients;
        const int sender = c / ClientsPerUser;
        auto m = std::make_unique<Outgoing>();
        m->key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m->sender = sender;
        m->recipient = (sender + 1 + (i / clients) % (Users - 1)) % Users;
        m->body = QStringLiteral("message %1 from client %2").arg(i).arg(c);
        queues[c].append(m.get());
        messages.push_back(std::move(m));
    }

    // Kill points over the first 95% of the run; the server stays down for up to 250 ms after
    // each kill.
    KillSchedule kills(server, seed,
                       {.kills = killCount, .window = total - total / 20, .maxDelayMs = 40, .maxDowntimeMs = 250});
    auto onAcked = [&kills] { kills.acknowledged(); };

    std::vector<std::unique_ptr<Sender>> senders;
    for (int c = 0; c < clients; ++c)
        senders.push_back(std::make_unique<Sender>(
            c / ClientsPerUser, queues.at(c), [&server] { return server.url(); }, onAcked));
    QElapsedTimer clock;
    clock.start();
    for (auto &s : senders)
        s->begin();

    auto allDone = [&] {
        return std::all_of(senders.begin(), senders.end(),
                           [](const auto &s) { return s->isDone() || !s->fatal().isEmpty(); })
            || !kills.error().isEmpty();
    };
    QVERIFY2(QTest::qWaitFor(allDone, longRun() ? 1800000 : 600000),
             qPrintable(QStringLiteral("%1 of %2 acknowledged").arg(kills.acknowledgements()).arg(total)));
    QVERIFY2(kills.error().isEmpty(), qPrintable(kills.error()));
    for (const auto &s : senders)
        QVERIFY2(s->fatal().isEmpty(), qPrintable(s->fatal()));
    QCOMPARE(kills.acknowledgements(), total);
    QVERIFY2(kills.killsDone() >= 20, qPrintable(QStringLiteral("only %1 kills").arg(kills.killsDone())));

    int retried = 0;
    int duplicatesAnswered = 0;
    int failures = 0;
    for (const auto &m : messages) {
        retried += m->attempts > 1;
        duplicatesAnswered += m->answeredAsDuplicate;
    }
    for (const auto &s : senders)
        failures += s->networkFailures();
    qInfo("%s: %d messages, %d kills, %d server starts, %d sends retried (%d answered as already stored), "
          "%d failed attempts, %.1f s",
          qPrintable(backend), total, kills.killsDone(), server.starts(), retried, duplicatesAnswered, failures,
          double(clock.elapsed()) / 1000.0);

    // Every acknowledged message exactly once, as its sender and as its recipient see it.
    QHash<QString, const Outgoing *> byKey;
    for (const auto &m : messages)
        byKey.insert(m->key, m.get());
    for (int u = 0; u < Users; ++u) {
        Client client(server.url());
        const Response signedIn = client.signIn(userName(u), QString::fromLatin1(password(u)));
        QCOMPARE(signedIn.status, 200);
        bool ok = false;
        const QList<QJsonObject> seen = messagesSeenBy(client, &ok);
        QVERIFY(ok);
        QHash<QString, int> asSender;
        QHash<QString, int> asRecipient;
        for (const QJsonObject &o : seen) {
            const QString key = o.value(QStringLiteral("client_id")).toString();
            const Outgoing *m = byKey.value(key);
            QVERIFY2(m, qPrintable(QStringLiteral("a message nobody sent: %1").arg(key)));
            QCOMPARE(o.value(QStringLiteral("id")).toInteger(), m->ackedId);
            QCOMPARE(o.value(QStringLiteral("body")).toString(), m->body);
            QCOMPARE(o.value(QStringLiteral("from")).toString(), userName(m->sender));
            QCOMPARE(o.value(QStringLiteral("to")).toString(), userName(m->recipient));
            if (m->sender == u)
                ++asSender[key];
            if (m->recipient == u)
                ++asRecipient[key];
        }
        for (const auto &m : messages) {
            if (m->sender == u)
                QVERIFY2(asSender.value(m->key) == 1,
                         qPrintable(
                             QStringLiteral("%1 seen %2 times by its sender").arg(m->key).arg(asSender.value(m->key))));
            if (m->recipient == u)
                QVERIFY2(asRecipient.value(m->key) == 1,
                         qPrintable(QStringLiteral("%1 seen %2 times by its recipient")
                                        .arg(m->key)
                                        .arg(asRecipient.value(m->key))));
        }
    }
    QCOMPARE(server.stop(), 0);

    // The database itself, with the server stopped.
    const QString connection = QStringLiteral("crashsafety-check-%1").arg(backend);
    {
        QSqlDatabase sql = db->config().addConnection(connection, u"tst_crashsafety");
        QVERIFY2(sql.open(), qPrintable(sql.lastError().text()));
        QSqlQuery q(sql);
        if (backend == QStringLiteral("sqlite")) {
            QVERIFY2(q.exec(QStringLiteral("PRAGMA integrity_check")), qPrintable(q.lastError().text()));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
            QVERIFY(!q.next());
            QVERIFY2(q.exec(QStringLiteral("PRAGMA foreign_key_check")), qPrintable(q.lastError().text()));
            QVERIFY(!q.next());
        } else {
            // Every index must still be valid (none left half-built).
            QVERIFY2(q.exec(QStringLiteral("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
                                           " JOIN pg_namespace n ON n.oid = c.relnamespace"
                                           " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"
                                           " AND NOT (i.indisvalid AND i.indisready)")),
                     qPrintable(q.lastError().text()));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        QVERIFY2(q.exec(QStringLiteral("SELECT sender, client_id, count(*) FROM messages"
                                       " GROUP BY sender, client_id HAVING count(*) > 1")),
                 qPrintable(q.lastError().text()));
        QVERIFY2(!q.next(), "a (sender, client_id) pair is stored twice");
        QVERIFY2(q.exec(QStringLiteral("SELECT count(*), count(DISTINCT id) FROM messages")),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), total);
        QCOMPARE(q.value(1).toInt(), total);
        // The change sequence never went backwards: no message carries a change beyond the counter.
        QVERIFY2(
            q.exec(QStringLiteral(
                "SELECT (SELECT max(change_seq) FROM messages) <= (SELECT value FROM change_counter WHERE id = 1)")),
            qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toBool());
    }
    QSqlDatabase::removeDatabase(connection);
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
