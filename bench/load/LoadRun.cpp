// SPDX-License-Identifier: MIT
#include "bench/load/LoadRun.h"

#include "bench/load/Figures.h"
#include "bench/load/LoadRun_p.h"
#include "bench/load/ProcessStats.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace Colleagues::Load {

namespace {

//! A metric's value in Prometheus text (the sum over its label sets); -1 when absent.
double metricValue(const QByteArray &text, const QByteArray &name)
{
    double sum = -1;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith(name) || line.size() <= name.size())
            continue;
        const char after = line.at(name.size());
        if (after != ' ' && after != '{')
            continue;
        sum = std::max(sum, 0.0) + line.mid(line.lastIndexOf(' ') + 1).toDouble();
    }
    return sum;
}

//! A histogram's cumulative buckets: (le, count), in the exposition's order (+Inf last, as infinity).
std::vector<std::pair<double, double>> histogramBuckets(const QByteArray &text, const QByteArray &name)
{
    std::vector<std::pair<double, double>> buckets;
    const QByteArray prefix = name + "_bucket{le=\"";
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith(prefix))
            continue;
        const qsizetype end = line.indexOf('"', prefix.size());
        const QByteArray le = line.mid(prefix.size(), end - prefix.size());
        buckets.emplace_back(le == "+Inf" ? std::numeric_limits<double>::infinity() : le.toDouble(),
                             line.mid(line.lastIndexOf(' ') + 1).toDouble());
    }
    return buckets;
}

//! The upper bound of the bucket that holds quantile \a q of what \a now counted since \a start.
double histogramQuantile(const std::vector<std::pair<double, double>> &start,
                         const std::vector<std::pair<double, double>> &now, double q)
{
    if (now.empty() || start.size() != now.size())
        return -1;
    const double total = now.back().second - start.back().second;
    if (total <= 0)
        return -1;
    for (std::size_t i = 0; i < now.size(); ++i) {
        if (now[i].second - start[i].second >= q * total)
            return now[i].first;
    }
    return now.back().first;
}

//! The non-zero values of a metric by its one label \a label.
QMap<QByteArray, int> metricByLabel(const QByteArray &text, const QByteArray &name, const QByteArray &label)
{
    QMap<QByteArray, int> values;
    const QByteArray prefix = name + '{' + label + "=\"";
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith(prefix))
            continue;
        const qsizetype end = line.indexOf('"', prefix.size());
        const int value = line.mid(line.lastIndexOf(' ') + 1).toInt();
        if (end > 0 && value > 0)
            values.insert(line.mid(prefix.size(), end - prefix.size()), value);
    }
    return values;
}

} // namespace

LoadRun::LoadRun(LoadOptions options)
    : m_options(std::move(options))
    , m_random(m_options.seed)
{
    for (const LoadOptions::Server &server : m_options.servers) {
        m_pools.push_back(std::make_unique<RequestPool>(&m_loop, server.address, m_options.poolConnections));
        m_metricsConnections.push_back(server.metrics ? std::make_unique<HttpConnection>(&m_loop, *server.metrics)
                                                      : nullptr);
    }
    m_held.assign(m_options.servers.size(), -1);
    m_queued.assign(m_options.servers.size(), -1);
    m_guardRejections.resize(m_options.servers.size());
    m_counters.assign(m_options.servers.size(), ServerCounters {});
}

LoadRun::~LoadRun() = default;

void LoadRun::repeat(double intervalMs, std::function<bool()> tick)
{
    m_loop.after(intervalMs, [this, intervalMs, tick = std::move(tick)]() mutable {
        if (tick())
            repeat(intervalMs, std::move(tick));
    });
}

void LoadRun::countError(const QByteArray &what, const HttpAnswer &answer)
{
    const QByteArray key = what + ": "
        + (answer.failure != NetFailure::None ? QByteArray(failureName(answer.failure))
                                              : "HTTP " + QByteArray::number(answer.status));
    ++(m_measuring ? m_errors : m_setupErrors)[key];
}

int LoadRun::errorTotal() const
{
    int total = 0;
    for (int n : m_errors)
        total += n;
    return total;
}

bool LoadRun::readAccounts()
{
    QFile file(m_options.accountsFile);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(m_options.accountsFile));
        return false;
    }
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (int(m_people.size()) == m_options.clients)
            break;
        const qsizetype comma = line.indexOf(',');
        if (comma <= 0)
            continue;
        Person p;
        p.user = line.left(comma);
        p.password = line.mid(comma + 1).trimmed();
        p.server = int(m_people.size() % m_options.servers.size());
        m_byName.insert(p.user, int(m_people.size()));
        m_people.push_back(std::move(p));
    }
    if (int(m_people.size()) < m_options.clients || m_options.clients < 2) {
        std::fprintf(stderr, "%d accounts for %d clients\n", int(m_people.size()), m_options.clients);
        return false;
    }
    for (Person &p : m_people)
        p.poll = std::make_unique<HttpConnection>(&m_loop, m_options.servers.at(size_t(p.server)).address);
    m_watchers.resize(m_people.size());
    m_changes.resize(m_people.size());
    return true;
}

void LoadRun::readTokens()
{
    if (m_options.tokensFile.isEmpty())
        return;
    QFile file(m_options.tokensFile);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const qsizetype comma = line.indexOf(',');
        const auto it = m_byName.constFind(line.left(comma));
        if (comma > 0 && it != m_byName.constEnd())
            m_people[size_t(*it)].token = line.mid(comma + 1).trimmed();
    }
}

void LoadRun::appendToken(const Person &person)
{
    if (m_options.tokensFile.isEmpty())
        return;
    QFile file(m_options.tokensFile);
    if (file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        file.write(person.user + ',' + person.token + '\n');
    }
}

void LoadRun::chooseRelations()
{
    const int n = int(m_people.size());
    const auto other = [this, n](int i) {
        int j = int(m_random.bounded(quint32(n - 1)));
        return j >= i ? j + 1 : j;
    };
    // Partners go both ways (people write back), capped so that nobody has dozens.
    for (int i = 0; i < n; ++i) {
        for (int k = 0; int(m_people[size_t(i)].partners.size()) < m_options.partners && k < 10; ++k) {
            const int j = other(i);
            auto &mine = m_people[size_t(i)].partners;
            auto &theirs = m_people[size_t(j)].partners;
            if (std::find(mine.begin(), mine.end(), j) != mine.end() || int(theirs.size()) >= m_options.partners * 2)
                continue;
            mine.push_back(j);
            theirs.push_back(i);
        }
    }
    for (int i = 0; i < n; ++i) {
        Person &p = m_people[size_t(i)];
        std::vector<int> watching = p.partners;
        for (int k = 0; k < m_options.watch; ++k) {
            const int j = other(i);
            if (std::find(watching.begin(), watching.end(), j) == watching.end())
                watching.push_back(j);
        }
        if (watching.size() > 200)
            watching.resize(200);
        QByteArray names;
        for (int j : watching) {
            if (!names.isEmpty())
                names += ',';
            names += QUrl::toPercentEncoding(QString::fromUtf8(m_people[size_t(j)].user));
            m_watchers[size_t(j)].push_back(i);
        }
        p.watching = std::move(watching);
        p.watchParam = names;
    }
}

void LoadRun::signInOne(int index, const std::function<void()> &done)
{
    Person &p = m_people[size_t(index)];
    const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("username"), QString::fromUtf8(p.user)},
                                                       {QStringLiteral("password"), QString::fromUtf8(p.password)}})
                                .toJson(QJsonDocument::Compact);
    const QByteArray &host = m_options.servers.at(size_t(p.server)).host;
    m_pools[size_t(p.server)]->submit(
        httpRequest("POST", "/api/v1/session", host, {}, body), 60000, [this, index, done](const HttpAnswer &answer) {
            Person &person = m_people[size_t(index)];
            if (answer.status == 200) {
                person.token =
                    QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("token")).toString().toLatin1();
                appendToken(person);
                ++m_signedInNow;
                return done();
            }
            countError("sign-in", answer);
            if (++person.signInAttempts < 8) {
                const double delay = answer.retryAfterSeconds > 0 ? answer.retryAfterSeconds * 1000.0 : 1000.0;
                m_loop.after(delay, [this, index, done] { signInOne(index, done); });
                return;
            }
            std::fprintf(stderr, "sign-in of %s failed\n", person.user.constData());
            person.failed = true;
            done();
        });
}

bool LoadRun::signIn()
{
    std::vector<std::deque<int>> queues(m_options.servers.size());
    int remaining = 0;
    for (size_t i = 0; i < m_people.size(); ++i) {
        if (m_people[i].token.isEmpty() && !m_people[i].failed) {
            queues[size_t(m_people[i].server)].push_back(int(i));
            ++remaining;
        }
    }
    if (remaining == 0)
        return true;
    std::fprintf(stderr, "signing in %d clients, %d at a time per server...\n", remaining, m_options.signInParallel);
    const double start = nowMs();
    std::vector<int> inFlight(queues.size(), 0);
    std::function<void(size_t)> next = [&](size_t server) {
        while (inFlight[server] < m_options.signInParallel && !queues[server].empty()) {
            const int index = queues[server].front();
            queues[server].pop_front();
            ++inFlight[server];
            signInOne(index, [&, server] {
                --inFlight[server];
                --remaining;
                next(server);
            });
        }
    };
    for (size_t s = 0; s < queues.size(); ++s)
        next(s);
    double lastReport = start;
    m_loop.runUntil([&] {
        if (nowMs() - lastReport > 30000) {
            lastReport = nowMs();
            std::fprintf(stderr, "  %d to go after %.0f s\n", remaining, (lastReport - start) / 1000);
        }
        return remaining == 0;
    });
    m_signInSeconds += (nowMs() - start) / 1000.0;
    return true;
}

bool LoadRun::touchAll()
{
    // Every client's token must work, and every person should be "connected" before the
    // directory's cursor is taken, so that the long-polls start on a quiet page.
    const double start = nowMs();
    int remaining = 0;
    for (size_t i = 0; i < m_people.size(); ++i) {
        Person &p = m_people[i];
        if (p.failed || p.token.isEmpty())
            continue;
        ++remaining;
        const QByteArray &host = m_options.servers.at(size_t(p.server)).host;
        m_pools[size_t(p.server)]->submit(httpRequest("GET", "/api/v1/me", host, p.token, {}), 60000,
                                          [this, i, &remaining](const HttpAnswer &answer) {
                                              Person &person = m_people[i];
                                              --remaining;
                                              if (answer.status == 200) {
                                                  person.ready = true;
                                                  return;
                                              }
                                              if (answer.status == 401)
                                                  person.token.clear(); // signed in again below
                                              else
                                                  countError("token check", answer);
                                          });
    }
    m_loop.runUntil([&] { return remaining == 0; });
    m_touchSeconds += (nowMs() - start) / 1000.0;
    return std::any_of(m_people.begin(), m_people.end(),
                       [](const Person &p) { return p.token.isEmpty() && !p.failed; });
}

void LoadRun::probeStatuses()
{
    const auto first = std::find_if(m_people.begin(), m_people.end(), [](const Person &p) { return p.ready; });
    if (first == m_people.end())
        return;
    bool answered = false;
    m_pools[size_t(first->server)]->submit(
        httpRequest("GET", "/api/v1/me/status", m_options.servers.at(size_t(first->server)).host, first->token, {}),
        60000, [this, &answered](const HttpAnswer &answer) {
            answered = true;
            m_statuses = answer.status == 200;
        });
    m_loop.runUntil([&] { return answered; });
}

bool LoadRun::fullSync()
{
    const auto first = std::find_if(m_people.begin(), m_people.end(), [](const Person &p) { return p.ready; });
    if (first == m_people.end())
        return false;
    const double start = nowMs();
    qint64 cursor = 0;
    bool more = true;
    bool failed = false;
    while (more && !failed) {
        bool answered = false;
        m_pools[size_t(first->server)]->submit(
            httpRequest("GET", "/api/v1/sync?limit=5000&since=" + QByteArray::number(cursor),
                        m_options.servers.at(size_t(first->server)).host, first->token, {}, syncHeaders()),
            120000, [&](const HttpAnswer &answer) {
                answered = true;
                SyncPageScan page;
                if (answer.status != 200 || !page.scan(answer.body, nullptr, nullptr)) {
                    countError("first sync", answer);
                    failed = true;
                    return;
                }
                m_fullSyncBytes += answer.wireBytes;
                m_fullSyncProfiles += page.profileCount;
                cursor = page.next;
                more = page.hasMore;
            });
        m_loop.runUntil([&] { return answered; });
    }
    m_fullSyncSeconds = (nowMs() - start) / 1000.0;
    m_startCursor = cursor;
    return !failed;
}

QList<QPair<QByteArray, QByteArray>> LoadRun::syncHeaders() const
{
    if (!m_options.acceptGzip)
        return {};
    return {{QByteArrayLiteral("Accept-Encoding"), QByteArrayLiteral("gzip")}};
}

QByteArray LoadRun::syncTarget(const Person &person) const
{
    QByteArray target = "/api/v1/sync?limit=1000&timeout=" + QByteArray::number(m_options.pollTimeoutSeconds)
        + "&since=" + QByteArray::number(person.cursor);
    if (m_statuses) {
        target += person.idle ? "&presence=idle" : "&presence=active";
        if (!person.watchParam.isEmpty())
            target += "&watch=" + person.watchParam;
    }
    return target;
}

void LoadRun::poll(int index)
{
    Person &p = m_people[size_t(index)];
    if (!p.polling)
        return;
    p.poll->request(
        httpRequest("GET", syncTarget(p), m_options.servers.at(size_t(p.server)).host, p.token, {}, syncHeaders()),
        (m_options.pollTimeoutSeconds + 30) * 1000.0,
        [this, index](const HttpAnswer &answer) { onPolled(index, answer); });
}

void LoadRun::onPolled(int index, const HttpAnswer &answer)
{
    Person &p = m_people[size_t(index)];
    if (answer.status != 200) {
        countError("long-poll", answer);
        const double delay = answer.retryAfterSeconds > 0 ? answer.retryAfterSeconds * 1000.0 : 1000.0;
        m_loop.after(delay, [this, index] { poll(index); });
        return;
    }
    ++m_pages;
    m_pageBytes += answer.wireBytes;
    m_pageBytesDecoded += answer.body.size();
    SyncPageScan page;
    const bool ok = page.scan(
        answer.body,
        [&](const SyncPageScan::MessageSeen &m) {
            if (!m.conversation.isEmpty())
                return onGroupMessageSeen(index, m.clientId, answer.receivedMs);
            if (m.to != p.user)
                return;
            const auto it = m_messages.find(m.clientId);
            if (it == m_messages.end())
                return;
            if (it->delivered) {
                ++m_duplicates;
                return;
            }
            it->delivered = true;
            m_deliveryLatency.push_back(answer.receivedMs - it->startMs);
            m_deliveryReadLatency.push_back(answer.readMs - it->startMs);
        },
        [&](const SyncPageScan::StatusSeen &status) { onStatusSeen(index, status, answer.receivedMs); });
    m_statusesReceived += page.statusCount;
    if (!ok || page.startOver) {
        ++m_errors[ok ? QByteArray("long-poll: start_over") : QByteArray("long-poll: unreadable page")];
        p.polling = false; // resyncing 100,000 profiles per client is not this benchmark
        return;
    }
    p.cursor = page.next;
    poll(index);
}

void LoadRun::onStatusSeen(int watcher, const SyncPageScan::StatusSeen &status, double atMs)
{
    // A million statuses a second: compared only with the few changes their client waits for.
    Person &w = m_people[size_t(watcher)];
    for (auto it = w.unseen.begin(); it != w.unseen.end(); ++it) {
        const int watched = *it;
        if (m_people[size_t(watched)].user != status.username)
            continue;
        Change &c = m_changes[size_t(watched)];
        if ((c.presence ? status.presence : status.text) != c.expect)
            return;
        std::erase(c.waiting, watcher);
        w.unseen.erase(it);
        m_presenceLatency.push_back(atMs - c.atMs);
        return;
    }
}

void LoadRun::ramp()
{
    m_measuring = true; // from here on every failure counts
    for (Person &p : m_people)
        p.cursor = m_startCursor;
    std::vector<int> ready;
    for (size_t i = 0; i < m_people.size(); ++i) {
        if (m_people[i].ready)
            ready.push_back(int(i));
    }
    const double start = nowMs();
    size_t next = 0;
    bool rampDone = false;
    repeat(5, [&] {
        const auto allowed = size_t((nowMs() - start) / 1000.0 * m_options.connectRate) + 1;
        while (next < ready.size() && next < allowed && HttpConnection::connecting() < m_options.connectInFlight) {
            Person &p = m_people[size_t(ready[next])];
            p.polling = true;
            poll(ready[next]);
            ++next;
        }
        rampDone = next >= ready.size();
        return !rampDone;
    });
    m_loop.runUntil([&] { return rampDone; });
    // Held by the servers: wait (at most a minute) for every long-poll to be in.
    const bool metrics =
        std::all_of(m_metricsConnections.begin(), m_metricsConnections.end(), [](const auto &c) { return bool(c); });
    const double opened = nowMs();
    m_loop.runUntil([&] {
        if (!metrics)
            return nowMs() - opened > 3000;
        int held = 0;
        for (int h : m_held)
            held += std::max(h, 0);
        m_heldAfterRamp = held;
        return held >= int(ready.size()) || nowMs() - opened > 60000;
    });
    m_rampSeconds = (nowMs() - start) / 1000.0;
}

void LoadRun::sendMessage(int from, int to)
{
    const QByteArray key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    Sent &s = m_messages[key];
    s.startMs = nowMs();
    s.recipient = to;
    const QByteArray body =
        QJsonDocument(QJsonObject {{QStringLiteral("to"), QString::fromUtf8(m_people[size_t(to)].user)},
                                   {QStringLiteral("body"), QStringLiteral("load test ") + QString::fromLatin1(key)}})
            .toJson(QJsonDocument::Compact);
    submitSend(from, key, body, 1, [this, key](bool acked, double ackMs) {
        Sent &sent = m_messages[key];
        if (acked)
            m_sendLatency.push_back(ackMs);
        else
            ++m_sendsGivenUp;
        sent.acked = acked;
        sent.settled = true;
    });
}

void LoadRun::submitSend(int from, const QByteArray &key, const QByteArray &body, int attempt, Settled settled)
{
    const Person &p = m_people[size_t(from)];
    const double start = nowMs();
    m_pools[size_t(p.server)]->submit(
        httpRequest("POST", "/api/v1/messages", m_options.servers.at(size_t(p.server)).host, p.token, body,
                    {{"Idempotency-Key", key}}),
        30000, [this, from, key, body, attempt, start, settled](const HttpAnswer &answer) {
            if (answer.status == 200 || answer.status == 201)
                return settled(true, answer.receivedMs - start);
            countError("send", answer);
            if (attempt >= 5)
                return settled(false, 0);
            m_loop.after(100.0 * attempt, [=, this] { submitSend(from, key, body, attempt + 1, settled); });
        });
}

bool LoadRun::changeStatus(int index)
{
    if (m_options.statusPutShare > 0 && m_random.generateDouble() < m_options.statusPutShare)
        putStatus(index);
    else
        togglePresence(index);
    ++m_changesMade;
    return true;
}

void LoadRun::expectWatchers(int index)
{
    forgetWatchers(index);
    Change &c = m_changes[size_t(index)];
    for (int w : m_watchers[size_t(index)]) {
        Person &watcher = m_people[size_t(w)];
        if (watcher.polling) {
            c.waiting.push_back(w);
            watcher.unseen.push_back(index);
        }
    }
    m_watchExpected += qint64(c.waiting.size());
}

void LoadRun::forgetWatchers(int index)
{
    Change &c = m_changes[size_t(index)];
    for (int w : c.waiting)
        std::erase(m_people[size_t(w)].unseen, index);
    c.waiting.clear();
}

void LoadRun::togglePresence(int index)
{
    Person &p = m_people[size_t(index)];
    p.idle = !p.idle;
    Change &c = m_changes[size_t(index)];
    c.atMs = nowMs();
    c.presence = true;
    c.expect = p.idle ? "away" : "online";
    expectWatchers(index);
    ++m_presenceToggles;
    // As the app does when its user goes idle or comes back: end the held request, ask anew.
    p.poll->abort();
    poll(index);
}

void LoadRun::putStatus(int index)
{
    Person &p = m_people[size_t(index)];
    Change &c = m_changes[size_t(index)];
    const QByteArray text = "load " + QByteArray::number(++m_statusSerial);
    c.atMs = nowMs();
    c.presence = false;
    c.expect = text;
    c.inFlight = true;
    expectWatchers(index);
    ++m_statusPuts;
    const QByteArray body = "{\"availability\":\"available\",\"text\":\"" + text + "\"}";
    m_pools[size_t(p.server)]->submit(
        httpRequest("PUT", "/api/v1/me/status", m_options.servers.at(size_t(p.server)).host, p.token, body), 30000,
        [this, index](const HttpAnswer &answer) {
            Change &change = m_changes[size_t(index)];
            change.inFlight = false;
            if (answer.status == 200)
                return;
            countError("status change", answer);
            m_watchExpected -= qint64(change.waiting.size()); // nobody can see a change that was refused
            forgetWatchers(index);
        });
}

void LoadRun::scrapeMetrics(int server)
{
    HttpConnection *c = m_metricsConnections[size_t(server)].get();
    if (!c || c->isBusy())
        return;
    const sockaddr_in &a = *m_options.servers.at(size_t(server)).metrics;
    char host[64];
    std::snprintf(host, sizeof host, "127.0.0.1:%d", int(ntohs(a.sin_port)));
    c->request(httpRequest("GET", "/metrics", host, {}, {}), 10000, [this, server](const HttpAnswer &answer) {
        if (answer.status != 200)
            return;
        m_held[size_t(server)] = int(metricValue(answer.body, "colleagues_sync_longpolls_waiting"));
        m_queued[size_t(server)] = int(metricValue(answer.body, "colleagues_worker_jobs_queued"));
        ServerCounters &counters = m_counters[size_t(server)];
        counters.wakeAlls = metricValue(answer.body, "colleagues_sync_longpoll_wake_all_total");
        counters.audienceReads = metricValue(answer.body, "colleagues_sync_longpoll_audience_reads_total");
        counters.pagesFromMemory = metricValue(answer.body, "colleagues_sync_longpoll_pages_from_memory_total");
        counters.syncAnswers = metricValue(
            answer.body, R"(colleagues_http_requests_total{route="/api/v1/sync",method="GET",status="200"})");
        counters.workerJobs = metricValue(answer.body, "colleagues_worker_jobs_started_total");
        counters.workerWaitSeconds = metricValue(answer.body, "colleagues_worker_queue_wait_seconds_total");
        counters.sequenceWaits = histogramBuckets(answer.body, "colleagues_sync_longpoll_sequence_wait_seconds");
        m_guardRejections[size_t(server)] =
            metricByLabel(answer.body, "colleagues_http_guard_rejections_total", "reason");
    });
}

void LoadRun::sample()
{
    Sample s;
    s.atSeconds = nowMs() / 1000.0;
    for (const LoadOptions::Server &server : m_options.servers)
        s.rssKiB.push_back(server.pid > 0 ? residentKiB(server.pid) : -1);
    s.held = m_held;
    s.queued = m_queued;
    s.load = loadAverage();
    s.measuring = m_measureStartMs > 0 && m_measureSeconds == 0;
    m_samples.push_back(std::move(s));
}

void LoadRun::measure()
{
    std::vector<int> ready;
    for (size_t i = 0; i < m_people.size(); ++i) {
        if (m_people[i].polling)
            ready.push_back(int(i));
    }
    if (ready.size() < 2)
        return;
    m_measureStartMs = nowMs();
    for (const LoadOptions::Server &server : m_options.servers)
        m_cpuAtStart.push_back(server.pid > 0 ? cpuSeconds(server.pid) : -1);
    m_ownCpuAtStart = ownCpuSeconds();
    m_countersAtStart = m_counters;
    for (const auto &pool : m_pools)
        pool->resetCounts();
    const double duration = m_options.durationSeconds;
    double messagesDue = 0;
    double groupDue = 0;
    double changesDue = 0;
    bool sending = true;
    const auto pick = [&](const std::function<bool(int)> &fits) {
        for (int tries = 0; tries < 20; ++tries) {
            const int i = ready[m_random.bounded(quint32(ready.size()))];
            if (fits(i))
                return i;
        }
        return -1;
    };
    repeat(5, [&] {
        const double elapsed = (nowMs() - m_measureStartMs) / 1000.0;
        if (elapsed >= duration) {
            sending = false;
            return false;
        }
        while (messagesDue <= elapsed * m_options.messageRate) {
            messagesDue += 1;
            // Active people write; to one of their partners who is signed in.
            const int from = pick([this](int i) { return !m_people[size_t(i)].idle; });
            if (from < 0)
                continue;
            std::vector<int> partners;
            for (int j : m_people[size_t(from)].partners) {
                if (m_people[size_t(j)].polling)
                    partners.push_back(j);
            }
            if (!partners.empty())
                sendMessage(from, partners[m_random.bounded(quint32(partners.size()))]);
        }
        while (!m_groupId.isEmpty() && groupDue <= elapsed * m_options.groupRate) {
            groupDue += 1;
            sendToGroup();
        }
        while (m_statuses && m_options.presenceRate > 0 && changesDue <= elapsed * m_options.presenceRate) {
            changesDue += 1;
            // Someone whose last change every watcher has seen (so each change is measured alone).
            const int who = pick([this](int i) {
                const Change &c = m_changes[size_t(i)];
                return c.waiting.empty() && !c.inFlight;
            });
            if (who < 0)
                ++m_changesSkipped;
            else
                changeStatus(who);
        }
        return true;
    });
    m_loop.runUntil([&] { return !sending; });
    // Drain: the last sends, deliveries and status changes, for at most 30 s.
    const double drainStart = nowMs();
    m_loop.runUntil([&] {
        if (nowMs() - drainStart > 30000)
            return true;
        for (const Sent &s : std::as_const(m_messages)) {
            if (!s.settled || (s.acked && !s.delivered))
                return false;
        }
        if (!groupDrained())
            return false;
        return std::all_of(m_changes.begin(), m_changes.end(), [](const Change &c) { return c.waiting.empty(); });
    });
    m_measureSeconds = (nowMs() - m_measureStartMs) / 1000.0;
}

int LoadRun::run()
{
    if (!readAccounts())
        return 2;
    readTokens();
    chooseRelations();
    // RSS, load and held long-polls, from the start to the end.
    bool running = true;
    repeat(1000, [&] {
        sample();
        return running;
    });
    repeat(1000, [&] {
        for (size_t s = 0; s < m_options.servers.size(); ++s)
            scrapeMetrics(int(s));
        return running;
    });
    for (const Person &p : m_people)
        m_tokensReused += p.token.isEmpty() ? 0 : 1;
    signIn();
    for (int round = 0; round < 3 && touchAll(); ++round) {
        m_tokensReused -= int(std::count_if(m_people.begin(), m_people.end(),
                                            [](const Person &p) { return p.token.isEmpty() && !p.failed; }));
        signIn();
    }
    probeStatuses();
    if (!fullSync()) {
        std::fprintf(stderr, "the first sync failed\n");
        running = false;
        return 1;
    }
    ramp();
    if (m_options.groupSize > 0 && !createGroup()) {
        std::fprintf(stderr, "the group conversation could not be created\n");
        running = false;
        return 1;
    }
    measure();
    sample();
    running = false;
    return report();
}

int LoadRun::report()
{
    const int ready = int(std::count_if(m_people.begin(), m_people.end(), [](const Person &p) { return p.ready; }));
    const int polling = int(std::count_if(m_people.begin(), m_people.end(), [](const Person &p) { return p.polling; }));
    say("clients: " + QByteArray::number(ready) + " of " + QByteArray::number(qulonglong(m_people.size()))
        + " signed in, over " + QByteArray::number(qulonglong(m_options.servers.size())) + " server(s); each watches "
        + QByteArray::number(m_options.watch) + " random people and its " + QByteArray::number(m_options.partners)
        + "-odd message partners");
    say("sign-in: " + QByteArray::number(m_signedInNow) + " signed in now in "
        + QByteArray::number(m_signInSeconds, 'f', 1) + " s ("
        + QByteArray::number(m_signInSeconds > 0 ? m_signedInNow / m_signInSeconds : 0, 'f', 1) + "/s, "
        + QByteArray::number(m_options.signInParallel) + " at a time per server), " + QByteArray::number(m_tokensReused)
        + " tokens reused; token check of all " + QByteArray::number(m_touchSeconds, 'f', 1) + " s");
    for (auto it = m_setupErrors.cbegin(); it != m_setupErrors.cend(); ++it)
        say("  setup retries: " + QByteArray::number(it.value()) + " x " + it.key());
    say("first sync (one client): " + QByteArray::number(m_fullSyncProfiles) + " profiles, "
        + QByteArray::number(double(m_fullSyncBytes) / 1e6, 'f', 1) + " MB in "
        + QByteArray::number(m_fullSyncSeconds, 'f', 1)
        + " s; statuses on the server: " + (m_statuses ? "yes" : "no (presence not measured)"));
    say("ramp: " + QByteArray::number(polling) + " long-polls opened (at most "
        + QByteArray::number(m_options.connectRate, 'f', 0) + "/s, " + QByteArray::number(m_options.connectInFlight)
        + " connecting at once) and held in " + QByteArray::number(m_rampSeconds, 'f', 1)
        + " s; held by the server(s): "
        + (m_heldAfterRamp >= 0 ? QByteArray::number(m_heldAfterRamp) : QByteArray("unknown (no --metrics)")));

    int acked = 0;
    int undelivered = 0;
    for (const Sent &s : std::as_const(m_messages)) {
        acked += s.acked;
        undelivered += s.acked && !s.delivered;
    }
    const double runSeconds = std::max(1, m_options.durationSeconds);
    m_measureSeconds = std::max(m_measureSeconds, 0.001);
    say("run: " + QByteArray::number(runSeconds, 'f', 0) + " s (" + QByteArray::number(m_measureSeconds, 'f', 1)
        + " s with the drain); messages " + QByteArray::number(qulonglong(m_messages.size())) + " sent ("
        + QByteArray::number(double(m_messages.size()) / runSeconds, 'f', 1) + "/s), " + QByteArray::number(acked)
        + " acknowledged, " + QByteArray::number(undelivered) + " acknowledged but not delivered when the drain ended, "
        + QByteArray::number(m_sendsGivenUp) + " given up, " + QByteArray::number(m_duplicates) + " delivered twice");
    say("send latency ms (POST /messages): " + latencyLine(m_sendLatency));
    say("message delivery ms (send -> recipient's long-poll): " + latencyLine(m_deliveryLatency));
    say("  the same up to when this load tool read it (its own backlog included): "
        + latencyLine(m_deliveryReadLatency));
    const int groupErrors = m_groupId.isEmpty() ? 0 : reportGroup();
    qint64 unseen = 0;
    for (const Change &c : m_changes)
        unseen += qint64(c.waiting.size());
    if (m_statuses) {
        say("status changes: " + QByteArray::number(m_changesMade) + " ("
            + QByteArray::number(m_changesMade / runSeconds, 'f', 1) + "/s: " + QByteArray::number(m_presenceToggles)
            + " presence toggles by re-polling, " + QByteArray::number(m_statusPuts) + " PUT /me/status; "
            + QByteArray::number(m_changesSkipped) + " skipped), " + QByteArray::number(m_watchExpected)
            + " to watchers, " + QByteArray::number(unseen) + " not seen when the drain ended");
        say("presence seen by watchers ms (change -> watcher's long-poll): " + latencyLine(m_presenceLatency));
    }
    say("sync pages: " + QByteArray::number(m_pages) + " ("
        + QByteArray::number(double(m_pages) / m_measureSeconds, 'f', 0) + "/s), "
        + QByteArray::number(double(m_pageBytes) / 1e6, 'f', 1) + " MB on the wire ("
        + (m_options.acceptGzip ? QByteArray::number(double(m_pageBytesDecoded) / 1e6, 'f', 1) + " MB decoded), "
                                : QByteArray("not compressed), "))
        + QByteArray::number(m_statusesReceived) + " statuses in them; request-pool retries on closed keep-alives: "
        + QByteArray::number(HttpConnection::staleRetries()));
    int poolPeak = 0;
    qint64 poolWaited = 0;
    for (const auto &pool : m_pools) {
        poolPeak = std::max(poolPeak, pool->peakBusy());
        poolWaited += pool->waited();
    }
    say("short requests during the run: at most " + QByteArray::number(poolPeak) + " at once per server; "
        + QByteArray::number(poolWaited) + " waited for a free connection (all "
        + QByteArray::number(m_options.poolConnections) + " busy)");
    const int errors = errorTotal() + undelivered + m_duplicates + int(unseen) + groupErrors;
    say("errors from the ramp on: " + QByteArray::number(errorTotal()) + (m_errors.isEmpty() ? "" : ":"));
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        say("  " + QByteArray::number(it.value()) + " x " + it.key());

    // The server(s) and the machine.
    qint64 peakMiB = 0;
    for (size_t s = 0; s < m_options.servers.size(); ++s) {
        const qint64 pid = m_options.servers[s].pid;
        if (pid <= 0)
            continue;
        QByteArray series;
        const size_t step = std::max<size_t>(1, m_samples.size() / 24);
        for (size_t k = 0; k < m_samples.size(); k += step) {
            series += ' ' + QByteArray::number(m_samples[k].atSeconds, 'f', 0)
                + "s:" + QByteArray::number(m_samples[k].rssKiB[s] / 1024) + 'M';
        }
        const qint64 hwm = peakResidentKiB(pid) / 1024;
        peakMiB = std::max(peakMiB, hwm);
        const double cpu = s < m_cpuAtStart.size() ? cpuSeconds(pid) - m_cpuAtStart[s] : 0;
        say("server " + QByteArray::number(s + 1) + " (pid " + QByteArray::number(pid) + "): RSS over time" + series);
        say("  peak RSS (VmHWM) " + QByteArray::number(hwm) + " MiB; CPU during the run "
            + QByteArray::number(100.0 * cpu / m_measureSeconds, 'f', 0) + "% of one core");
        int heldMin = -1;
        int heldMax = -1;
        QByteArray heldSeries; // a congested run shows here: most polls queued rather than held
        for (size_t k = 0; k < m_samples.size(); ++k) {
            const Sample &sample = m_samples[k];
            if (!sample.measuring || sample.held[s] < 0)
                continue;
            heldMin = heldMin < 0 ? sample.held[s] : std::min(heldMin, sample.held[s]);
            heldMax = std::max(heldMax, sample.held[s]);
            if (k % step == 0) {
                heldSeries += ' ' + QByteArray::number(sample.atSeconds, 'f', 0)
                    + "s:" + QByteArray::number(sample.held[s]) + '/' + QByteArray::number(sample.queued[s]);
            }
        }
        if (heldMin >= 0) {
            QByteArray rejections;
            for (auto it = m_guardRejections[s].cbegin(); it != m_guardRejections[s].cend(); ++it)
                rejections += ' ' + it.key() + ' ' + QByteArray::number(it.value());
            say("  long-polls held during the run: " + QByteArray::number(heldMin) + " to "
                + QByteArray::number(heldMax)
                + "; guard rejections since the server started:" + (rejections.isEmpty() ? " none" : rejections)
                + " (idle_timeout: idle keep-alive connections closed, no error)");
            say("  long-polls held / jobs queued for a worker, over time" + heldSeries);
            const ServerCounters &now = m_counters[s];
            const ServerCounters &start = s < m_countersAtStart.size() ? m_countersAtStart[s] : now;
            if (now.wakeAlls >= 0 && start.wakeAlls >= 0) {
                say("  audiences read from the database (hints late or lost, gaps): "
                    + QByteArray::number(now.audienceReads - start.audienceReads)
                    + "; wake-alls (every held poll re-queried because whom changes concern could not be known): "
                    + QByteArray::number(now.wakeAlls - start.wakeAlls));
            }
            if (now.pagesFromMemory >= 0 && start.pagesFromMemory >= 0 && now.syncAnswers >= 0) {
                say("  sync answers during the run: " + QByteArray::number(now.syncAnswers - start.syncAnswers, 'f', 0)
                    + ", of which long-poll pages made from the statuses in memory: "
                    + QByteArray::number(now.pagesFromMemory - start.pagesFromMemory, 'f', 0));
            }
            const double waits = now.sequenceWaits.empty() || start.sequenceWaits.empty()
                ? 0
                : now.sequenceWaits.back().second - start.sequenceWaits.back().second;
            if (waits > 0) {
                const auto bound = [&](double q) {
                    const double le = histogramQuantile(start.sequenceWaits, now.sequenceWaits, q);
                    return std::isinf(le) ? QByteArray("over 60 s")
                                          : "<= " + QByteArray::number(le * 1000, 'g', 4) + " ms";
                };
                say("  changes waiting in a hub for those before them or their hint (a gap): "
                    + QByteArray::number(waits, 'f', 0) + ", p50 " + bound(0.5) + ", p99 " + bound(0.99) + ", p99.9 "
                    + bound(0.999));
            }
            const double jobs = now.workerJobs - start.workerJobs;
            if (now.workerJobs >= 0 && start.workerJobs >= 0 && jobs > 0) {
                say("  worker jobs during the run: " + QByteArray::number(jobs, 'f', 0) + ", mean wait for a worker "
                    + QByteArray::number(1000.0 * (now.workerWaitSeconds - start.workerWaitSeconds) / jobs, 'f', 1)
                    + " ms");
            }
        }
    }
    double loadStart = -1;
    double loadMax = 0;
    double loadEnd = 0;
    for (const Sample &sample : m_samples) {
        if (!sample.measuring)
            continue;
        if (loadStart < 0)
            loadStart = sample.load;
        loadMax = std::max(loadMax, sample.load);
        loadEnd = sample.load;
    }
    say("machine: 2-core load average (1 min) during the run: " + QByteArray::number(loadStart, 'f', 2)
        + " at the start, " + QByteArray::number(loadMax, 'f', 2) + " at most, " + QByteArray::number(loadEnd, 'f', 2)
        + " at the end; this load tool used "
        + QByteArray::number(100.0 * (ownCpuSeconds() - m_ownCpuAtStart) / m_measureSeconds, 'f', 0)
        + "% of one core, at nice " + QByteArray::number(m_options.niceValue));

    // The targets of issue #16.
    bool allMet = true;
    const auto target = [&allMet](bool met, const QByteArray &what) {
        allMet = allMet && met;
        say((met ? "target ok:     " : "target MISSED: ") + what);
    };
    target(polling == int(m_people.size()) && (m_heldAfterRamp < 0 || m_heldAfterRamp >= polling),
           QByteArray::number(qulonglong(m_people.size()))
               + " clients connected and held: " + QByteArray::number(polling) + " polling, "
               + QByteArray::number(m_heldAfterRamp) + " held after the ramp");
    const double deliveryP99 = percentile(m_deliveryLatency, 0.99);
    target(!m_deliveryLatency.empty() && deliveryP99 <= m_options.targetDeliveryP99Ms,
           "message delivery p99 <= " + QByteArray::number(m_options.targetDeliveryP99Ms, 'f', 0)
               + " ms: " + QByteArray::number(deliveryP99, 'f', 1) + " ms");
    if (m_statuses && m_options.presenceRate > 0) {
        const double presenceP99 = percentile(m_presenceLatency, 0.99);
        target(!m_presenceLatency.empty() && presenceP99 <= m_options.targetPresenceP99Ms,
               "presence seen by watchers p99 <= " + QByteArray::number(m_options.targetPresenceP99Ms, 'f', 0)
                   + " ms: " + QByteArray::number(presenceP99, 'f', 1) + " ms");
    } else {
        say("target n/a:    presence seen by watchers (the server has no statuses, or --presence-rate 0)");
    }
    if (!m_groupId.isEmpty()) {
        const double groupP99 = percentile(m_groupAllLatency, 0.99);
        target(!m_groupAllLatency.empty() && groupP99 <= m_options.targetGroupDeliveryP99Ms,
               "group message delivered to all " + QByteArray::number(qulonglong(m_groupMembers.size()))
                   + " members p99 <= " + QByteArray::number(m_options.targetGroupDeliveryP99Ms, 'f', 0)
                   + " ms: " + QByteArray::number(groupP99, 'f', 1) + " ms");
    }
    if (peakMiB > 0) {
        target(peakMiB <= m_options.targetRssMiB,
               "server RSS <= " + QByteArray::number(m_options.targetRssMiB) + " MiB: peak "
                   + QByteArray::number(peakMiB) + " MiB");
    }
    target(errors == 0,
           "no error: " + QByteArray::number(errors)
               + " (failed requests, lost or twice-delivered messages, unseen "
                 "status changes)");
    return allMet ? 0 : 1;
}

} // namespace Colleagues::Load
