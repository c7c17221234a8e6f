// SPDX-License-Identifier: MIT
// Group conversations under faults: the members of one question send to it and follow it with
// long-polls through a seeded fault-injecting proxy (latency, resets, cut answers, gateway errors
// after the work was done), while the real server is SIGKILLed at seeded moments and started
// again on the same data; one member leaves midway and names another, who is added. Afterwards
// every acknowledged message was seen exactly once, in order, by every member (the one added
// late too, earlier messages included), and the one who left saw none sent after leaving. Runs
// on SQLite and PostgreSQL.

#include "tests/support/BackendEnvironments.h"
#include "tests/support/Client.h"
#include "tests/support/FaultProxy.h"
#include "tests/support/KillSchedule.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabase.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <functional>
#include <memory>

using namespace Colleagues;
using namespace Colleagues::Test;

namespace {

constexpr int Senders = 5; //!< the asker and four members send
constexpr int MessagesEach = 80;
constexpr int Kills = 6;
const QString Leaver = QStringLiteral("leaver");
const QString Late = QStringLiteral("late");

QString memberName(int i)
{
    return QStringLiteral("member%1").arg(i);
}

//! HTTP through the proxy for one member: requests that fail for the network's or the server's
//! sake (no answer, a cut one, 429, 5xx) are tried again after a short, growing pause.
class Member : public QObject
{
public:
    Member(QString username, QByteArray token, std::function<QUrl()> base)
        : m_username(std::move(username))
        , m_token(std::move(token))
        , m_base(std::move(base))
    {
        m_network.setAutoDeleteReplies(true);
    }

    const QString &username() const { return m_username; }
    QString fatal() const { return m_fatal; }
    int retries() const { return m_retries; }

    using Done = std::function<void(int status, const QJsonObject &answer)>;
    //! Sends \a method \a path with \a body until the server answers it; then \a done. With
    //! \a key, the request carries it as its Idempotency-Key every time.
    void request(const QByteArray &method, const QString &path, const QJsonObject &body, const QString &key, Done done,
                 int attempt = 0)
    {
        if (!m_fatal.isEmpty())
            return;
        QUrl url = m_base();
        const qsizetype query = path.indexOf(QLatin1Char('?'));
        url.setPath(path.left(query));
        if (query >= 0)
            url.setQuery(path.mid(query + 1));
        QNetworkRequest r(url);
        r.setTransferTimeout(20000);
        r.setRawHeader("Authorization", "Bearer " + m_token);
        if (!key.isEmpty())
            r.setRawHeader("Idempotency-Key", key.toLatin1());
        QNetworkReply *reply;
        if (method == "GET") {
            reply = m_network.get(r);
        } else {
            r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            reply = m_network.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact));
        }
        connect(reply, &QNetworkReply::finished, this, [=, this] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray bytes = reply->readAll();
            QJsonParseError error;
            const QJsonObject answer = QJsonDocument::fromJson(bytes, &error).object();
            // A cut answer may still carry a status: only a whole JSON body counts.
            const bool whole = reply->error() == QNetworkReply::NoError && error.error == QJsonParseError::NoError;
            if ((status == 200 || status == 201) && whole)
                return done(status, answer);
            if (status == 0 || status == 200 || status == 201 || status == 429 || status >= 500) {
                ++m_retries;
                const int delay = qMin(10 * (1 << qMin(attempt, 5)), 320);
                QTimer::singleShot(delay, this, [=, this] { request(method, path, body, key, done, attempt + 1); });
                return;
            }
            m_fatal = QStringLiteral("%1 %2 answered %3: %4")
                          .arg(QString::fromLatin1(method), path)
                          .arg(status)
                          .arg(QString::fromUtf8(bytes.left(300)));
        });
    }

private:
    QString m_username;
    QByteArray m_token;
    std::function<QUrl()> m_base;
    QNetworkAccessManager m_network;
    int m_retries = 0;
    QString m_fatal;
};

struct Outgoing
{
    QString key;
    QString body;
    int sender = 0;
    qint64 id = -1; //!< acknowledged: the message's id
    qint64 seq = -1;
};

//! One member following the conversation with long-polls: every page it accepted, in order.
struct Follower
{
    Member *member = nullptr;
    qint64 cursor = 0;
    bool stop = false; //!< set: stop once caught up
    bool finished = false;
    QList<QJsonObject> messages;
    QList<QJsonObject> conversations;

    void poll()
    {
        const QString path = QStringLiteral("/api/v1/sync?since=%1&limit=50&timeout=%2").arg(cursor).arg(stop ? 0 : 2);
        member->request("GET", path, {}, {}, [this](int, const QJsonObject &page) {
            for (const QJsonValue &v : page.value(QStringLiteral("messages")).toArray())
                messages.append(v.toObject());
            for (const QJsonValue &v : page.value(QStringLiteral("conversations")).toArray())
                conversations.append(v.toObject());
            cursor = page.value(QStringLiteral("next")).toInteger();
            if (stop && !page.value(QStringLiteral("has_more")).toBool()) {
                finished = true;
                return;
            }
            poll();
        });
    }
};

} // namespace

class TestGroupFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMemberSeesEachMessageOnce_data();
    void everyMemberSeesEachMessageOnce();
};

void TestGroupFaults::everyMemberSeesEachMessageOnce_data()
{
    addBackendRows(17, 4711);
}

void TestGroupFaults::everyMemberSeesEachMessageOnce()
{
    QFETCH(QString, backend);
    QFETCH(quint64, seed);

    const std::unique_ptr<TestDatabase> db = TestDatabase::createOrSkip(backend);
    if (!db)
        return;
    QStringList names;
    for (int i = 0; i < Senders; ++i)
        names.append(memberName(i));
    names << Leaver << Late;
    QHash<QString, QByteArray> tokens;
    for (const QString &name : std::as_const(names)) {
        QVERIFY(addUser(db->storage(), name, {}));
        tokens.insert(name, createSession(db->storage(), name));
    }
    ServerProcess server(*db);
    QVERIFY2(server.start(0, {QStringLiteral("--message-rate"), QStringLiteral("0")}),
             qPrintable(server.errorString()));
    FaultProxy proxy(QHostAddress::LocalHost, server.port(), seed);
    QVERIFY(proxy.listen());
    FaultProxy::Faults faults;
    faults.latencyMs = 1;
    faults.jitterMs = 4;
    faults.resetProbability = 0.03;
    faults.cutResponseProbability = 0.03;
    faults.errorProbability = 0.04;
    faults.errorAfterForwarding = true; // the server did the work; the client is told it failed
    faults.errorStatus = 502;
    proxy.setFaults(faults);
    const auto base = [&proxy] { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())); };

    QHash<QString, std::shared_ptr<Member>> members;
    for (const QString &name : std::as_const(names))
        members.insert(name, std::make_shared<Member>(name, tokens.value(name), base));

    // The asker starts the question, through the faults too (a retry of the same id is a 200).
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QStringList others = names.mid(1, Senders - 1);
    others.append(Leaver);
    bool created = false;
    members.value(memberName(0))
        ->request("POST", QStringLiteral("/api/v1/conversations"),
                  {{QStringLiteral("id"), id},
                   {QStringLiteral("kind"), QStringLiteral("question")},
                   {QStringLiteral("title"), QStringLiteral("Who can fix the build?")},
                   {QStringLiteral("members"), QJsonArray::fromStringList(others)}},
                  {}, [&created](int, const QJsonObject &) { created = true; });
    QTRY_VERIFY_WITH_TIMEOUT(created, 60000);

    // Everyone follows it from the start; the one named later too.
    std::vector<std::unique_ptr<Follower>> followers;
    for (const QString &name : std::as_const(names)) {
        auto f = std::make_unique<Follower>();
        f->member = members.value(name).get();
        f->poll();
        followers.push_back(std::move(f));
    }

    // Each sender's messages, one after the other, each retried with its key until acknowledged.
    std::vector<std::unique_ptr<Outgoing>> messages;
    QList<QList<Outgoing *>> queues(Senders);
    for (int n = 0; n < MessagesEach; ++n) {
        for (int s = 0; s < Senders; ++s) {
            auto m = std::make_unique<Outgoing>();
            m->key = QUuid::createUuid().toString(QUuid::WithoutBraces);
            m->sender = s;
            m->body = QStringLiteral("%1 says %2 (seed %3)").arg(memberName(s)).arg(n).arg(seed);
            queues[s].append(m.get());
            messages.push_back(std::move(m));
        }
    }
    const int total = int(messages.size());
    const int leaveAt = total / 2;
    int acked = 0;
    QString problem;
    QJsonObject leftAs; // the conversation as the leaver left it
    // Kill points over the first 90% of the messages; each kill also drops the proxy's
    // connections, and the proxy follows the server to wherever it restarts.
    KillSchedule kills(server, seed,
                       {.kills = Kills, .window = total - total / 10, .maxDelayMs = 30, .maxDowntimeMs = 200});
    connect(&kills, &KillSchedule::killed, &proxy, &FaultProxy::dropAll);
    connect(&kills, &KillSchedule::restarted, &proxy,
            [&proxy, &server] { proxy.setUpstream(QHostAddress::LocalHost, server.port()); });

    std::function<void(int, qsizetype)> sendNext = [&](int s, qsizetype index) {
        if (index >= queues.at(s).size())
            return;
        Outgoing *m = queues.at(s).at(index);
        members.value(memberName(s))
            ->request("POST", QStringLiteral("/api/v1/messages"),
                      {{QStringLiteral("conversation"), id}, {QStringLiteral("body"), m->body}}, m->key,
                      [&, s, index, m](int, const QJsonObject &answer) {
                          m->id = answer.value(QStringLiteral("id")).toInteger(-1);
                          m->seq = answer.value(QStringLiteral("seq")).toInteger(-1);
                          if (answer.value(QStringLiteral("client_id")).toString() != m->key)
                              problem = QStringLiteral("an acknowledgement of another message");
                          ++acked;
                          // New connections meet the proxy's per-connection faults; kept-alive
                          // ones would dodge them.
                          if (acked % 20 == 0)
                              proxy.dropAll();
                          kills.acknowledged();
                          if (acked == leaveAt) {
                              members.value(Leaver)->request(
                                  "POST", QStringLiteral("/api/v1/conversations/%1/leave").arg(id),
                                  {{QStringLiteral("suggest"), Late}}, {},
                                  [&leftAs](int, const QJsonObject &conversation) { leftAs = conversation; });
                          }
                          sendNext(s, index + 1);
                      });
    };
    QElapsedTimer clock;
    clock.start();
    for (int s = 0; s < Senders; ++s)
        sendNext(s, 0);

    const auto fatal = [&]() -> QString {
        for (const auto &[name, member] : members.asKeyValueRange()) {
            if (!member->fatal().isEmpty())
                return member->fatal();
        }
        return problem.isEmpty() ? kills.error() : problem;
    };
    QVERIFY2(QTest::qWaitFor([&] { return (acked == total && !leftAs.isEmpty()) || !fatal().isEmpty(); }, 600000),
             qPrintable(QStringLiteral("%1 of %2 acknowledged").arg(acked).arg(total)));
    QVERIFY2(fatal().isEmpty(), qPrintable(fatal()));
    QTRY_VERIFY_WITH_TIMEOUT(kills.isIdle() && server.isRunning(), 10000);
    // Caught up: every follower drains what is left, then stops.
    for (auto &f : followers)
        f->stop = true;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return std::all_of(followers.begin(), followers.end(), [](const auto &f) { return f->finished; })
                         || !fatal().isEmpty();
                 },
                 120000),
             "the followers did not catch up");
    QVERIFY2(fatal().isEmpty(), qPrintable(fatal()));
    int retries = 0;
    for (const auto &[name, member] : members.asKeyValueRange())
        retries += member->retries();
    const FaultProxy::Counters counters = proxy.counters();
    qInfo("%s: %d messages, %d kills, %d retried requests, proxy: %d connections, %d resets, %d cuts, %d errors, "
          "%.1f s",
          qPrintable(backend), total, kills.killsDone(), retries, counters.connections, counters.resets, counters.cuts,
          counters.errors, double(clock.elapsed()) / 1000.0);
    QVERIFY2(kills.killsDone() >= Kills / 2, qPrintable(QStringLiteral("only %1 kills").arg(kills.killsDone())));

    // The leaver's leave took effect at the conversation's seq in its answer.
    const qint64 leftAt = leftAs.value(QStringLiteral("seq")).toInteger();
    QVERIFY(leftAt > 0);
    QHash<QString, const Outgoing *> byKey;
    for (const auto &m : messages)
        byKey.insert(m->key, m.get());
    for (const auto &f : followers) {
        const QString &who = f->member->username();
        // What this member must have seen: everything, or (the leaver) what was sent before.
        QList<const Outgoing *> expected;
        for (const auto &m : messages) {
            if (who != Leaver || m->seq < leftAt)
                expected.append(m.get());
        }
        std::sort(expected.begin(), expected.end(),
                  [](const Outgoing *a, const Outgoing *b) { return a->seq < b->seq; });
        QList<const Outgoing *> seen;
        for (const QJsonObject &o : f->messages) {
            const Outgoing *m = byKey.value(o.value(QStringLiteral("client_id")).toString());
            QVERIFY2(m, qPrintable(QStringLiteral("%1 saw a message nobody sent").arg(who)));
            QCOMPARE(o.value(QStringLiteral("id")).toInteger(), m->id);
            QCOMPARE(o.value(QStringLiteral("conversation")).toString(), id);
            QCOMPARE(o.value(QStringLiteral("body")).toString(), m->body);
            seen.append(m);
        }
        // In sequence order, each once: the one named late got the earlier ones all at once, at
        // his coming, and the later ones as they came.
        QVERIFY2(seen == expected,
                 qPrintable(
                     QStringLiteral("%1 saw %2 messages, expected %3").arg(who).arg(seen.size()).arg(expected.size())));
        QVERIFY2(!f->conversations.isEmpty(), qPrintable(who));
        if (who == Leaver)
            QCOMPARE(f->conversations.last(), leftAs);
    }
    // Per sender, the order the server put them in is the order they were sent.
    for (int s = 0; s < Senders; ++s) {
        for (qsizetype i = 1; i < queues.at(s).size(); ++i)
            QVERIFY(queues.at(s).at(i - 1)->seq < queues.at(s).at(i)->seq);
    }
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestGroupFaults)
#include "tst_groupfaults.moc"
