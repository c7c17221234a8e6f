// SPDX-License-Identifier: MIT
// bench-instances: message delivery across two colleagues-server instances on one PostgreSQL.
//
// The sender posts through instance A; the recipient's long-poll is held by instance B, beside
// N other members' long-polls that the message does not concern. Reports the delivery time
// (from the send to the recipient's answer) over M messages, the same on one instance for
// comparison, and how often B woke every held poll instead of the recipient's alone.
//
// Usage (PostgreSQL from scripts/postgres-env.sh): bench-instances [--messages M] [--bystanders N]

#include "bench/Report.h"
#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace Colleagues;
using namespace Colleagues::Server;
using namespace Colleagues::Test;

namespace {

using Bench::say;

double metric(const ServerProcess &server, const char *name)
{
    Client monitor(server.metricsUrl());
    return Client::metricValue(monitor.get(u"/metrics"_qs).body, name);
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

struct Delivery
{
    std::vector<double> ms;
    int failed = 0;
};

//! Sends \a messages from \a sender to \a recipient (whose polls \a holder holds) one at a time.
Delivery deliver(Client &sender, Client &recipient, const ServerProcess &holder, int held, int messages)
{
    Delivery d;
    for (int i = 0; i < messages; ++i) {
        const qint64 cursor = recipient.syncEnd();
        QNetworkReply *poll = recipient.start("GET", u"/api/v1/sync?since=%1&timeout=30"_qs.arg(cursor));
        QSignalSpy done(poll, &QNetworkReply::finished);
        QElapsedTimer wait;
        wait.start();
        while (metric(holder, "colleagues_sync_longpolls_waiting") < held + 1 && wait.elapsed() < 10000)
            QTest::qWait(5);
        QElapsedTimer clock;
        clock.start();
        const Response sent =
            sender.postJson(u"/api/v1/messages"_qs, {{u"to"_qs, u"bob"_qs}, {u"body"_qs, u"delivery %1"_qs.arg(i)}},
                            {{"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}});
        if (sent.status != 201 || (done.isEmpty() && !done.wait(5000))) {
            ++d.failed;
            poll->abort();
        } else {
            d.ms.push_back(double(clock.nsecsElapsed()) / 1e6);
        }
        poll->deleteLater();
    }
    return d;
}

QString describe(const Delivery &d)
{
    return u"p50 %1 ms, p99 %2 ms, max %3 ms%4"_qs.arg(percentile(d.ms, 0.5), 0, 'f', 1)
        .arg(percentile(d.ms, 0.99), 0, 'f', 1)
        .arg(d.ms.empty() ? 0.0 : *std::max_element(d.ms.begin(), d.ms.end()), 0, 'f', 1)
        .arg(d.failed ? u" (%1 not delivered within 5 s)"_qs.arg(d.failed) : QString());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Message delivery across two instances on one PostgreSQL."_qs);
    parser.addHelpOption();
    const QCommandLineOption messagesOption(u"messages"_qs, u"Messages per run (default 100)."_qs, u"M"_qs, u"100"_qs);
    const QCommandLineOption bystandersOption(
        u"bystanders"_qs, u"Other members' long-polls held beside (default 200)."_qs, u"N"_qs, u"200"_qs);
    parser.addOptions({messagesOption, bystandersOption});
    parser.process(app);
    const int messages = parser.value(messagesOption).toInt();
    const int bystanders = parser.value(bystandersOption).toInt();

    QString skip;
    QString error;
    std::unique_ptr<TestDatabase> db = TestDatabase::create(u"postgres"_qs, &skip, &error);
    if (!db) {
        say(u"bench-instances: no PostgreSQL (source scripts/postgres-env.sh): "_qs + skip + error);
        return 1;
    }
    for (const QString &user : {u"alice"_qs, u"bob"_qs})
        addUser(db->storage(), user, {});
    ServerProcess a(*db);
    ServerProcess b(*db);
    if (!a.start(0, {u"--metrics-listen"_qs, u"127.0.0.1:0"_qs, u"--message-rate"_qs, u"0"_qs})
        || !b.start(0, {u"--metrics-listen"_qs, u"127.0.0.1:0"_qs, u"--message-rate"_qs, u"0"_qs})) {
        say(u"bench-instances: cannot start the servers: "_qs + a.errorString() + b.errorString());
        return 1;
    }
    Client aliceOnA(a.url());
    aliceOnA.setToken(createSession(db->storage(), u"alice"_qs));
    Client aliceOnB(b.url());
    aliceOnB.setToken(aliceOnA.token());
    Client bobOnB(b.url());
    bobOnB.setToken(createSession(db->storage(), u"bob"_qs));

    // Bystanders: members whose long-polls B holds all the time. Like a client, each polls again
    // from where its answer ends when one comes (its own presence going online answers it).
    struct Bystander
    {
        std::unique_ptr<Client> client;
        QNetworkReply *poll = nullptr;
    };
    std::vector<std::unique_ptr<Bystander>> held;
    bool stopping = false;
    std::function<void(Bystander *, qint64)> hold = [&hold, &stopping](Bystander *bystander, qint64 since) {
        QNetworkReply *poll = bystander->client->start("GET", u"/api/v1/sync?since=%1&timeout=60"_qs.arg(since));
        bystander->poll = poll;
        QObject::connect(poll, &QNetworkReply::finished, poll, [&hold, &stopping, bystander, poll, since] {
            poll->deleteLater();
            bystander->poll = nullptr;
            if (stopping)
                return;
            const Response answer = Client::collect(poll);
            hold(bystander, answer.status == 200 ? answer.json().value(u"next"_qs).toInteger(since) : since);
        });
    };
    for (int i = 0; i < bystanders; ++i) {
        const QString user = u"member%1"_qs.arg(i);
        addUser(db->storage(), user, {}, Role::Member, false);
        auto bystander = std::make_unique<Bystander>();
        bystander->client = std::make_unique<Client>(b.url());
        bystander->client->setToken(createSession(db->storage(), user));
        hold(bystander.get(), db->storage().latestSequence());
        held.push_back(std::move(bystander));
    }
    QElapsedTimer settle;
    settle.start();
    while (metric(b, "colleagues_sync_longpolls_waiting") < bystanders && settle.elapsed() < 30000)
        QTest::qWait(20);
    say(u"two instances on one PostgreSQL; B holds %1 other members' long-polls"_qs.arg(bystanders));

    const double wakeAllsBefore = metric(b, "colleagues_sync_longpoll_wake_all_total");
    const Delivery across = deliver(aliceOnA, bobOnB, b, bystanders, messages);
    const double wakeAlls = metric(b, "colleagues_sync_longpoll_wake_all_total") - wakeAllsBefore;
    const Delivery local = deliver(aliceOnB, bobOnB, b, bystanders, messages);
    say(u"sent through A, held by B, %1 messages: %2 [target p99 <= 50 ms: %3]"_qs.arg(messages).arg(
        describe(across), percentile(across.ms, 0.99) <= 50 && !across.failed ? u"met"_qs : u"MISSED"_qs));
    say(u"  B woke all %1 held polls %2 times for them (a message should wake its recipient's alone)"_qs
            .arg(bystanders + 1)
            .arg(wakeAlls));
    say(u"sent through B, held by B (one instance), %1 messages: %2"_qs.arg(messages).arg(describe(local)));
    stopping = true;
    for (const std::unique_ptr<Bystander> &bystander : held) {
        if (bystander->poll)
            bystander->poll->abort();
    }
    return across.failed || local.failed ? 1 : 0;
}
