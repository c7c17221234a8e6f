// SPDX-License-Identifier: MIT
// colleagues-load: N simulated clients against a running colleagues-server. Each client signs
// in, catches up with /api/v1/sync, then holds a long-poll while the clients together send
// messages at a fixed rate for D seconds. Reports errors, lost messages, send latency,
// delivery latency (send -> arrival through the recipient's long-poll) and the server's RSS.
//
//   colleagues-load --server http://127.0.0.1:8080 --accounts passwords.txt
//                   [--clients 500] [--duration 300] [--rate 100] [--server-pid PID]
//
// --accounts is a "username,password" file, as `colleagues-server import-csv
// --initial-passwords FILE` writes it. Plain HTTP/1.1 over QTcpSocket, two keep-alive
// connections per client (one long-poll, one for sends), all on one thread.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace {

QElapsedTimer g_clock;

double nowMs()
{
    return double(g_clock.nsecsElapsed()) / 1e6;
}

//! One keep-alive HTTP/1.1 connection, one request at a time; reconnects as needed.
class HttpConnection : public QObject
{
public:
    using Callback = std::function<void(int status, const QByteArray &body)>;

    HttpConnection(QString host, quint16 port, QObject *parent)
        : QObject(parent)
        , m_host(std::move(host))
        , m_port(port)
    { }

    bool isBusy() const { return bool(m_callback); }

    void request(const QByteArray &method, const QByteArray &target, const QByteArray &token, const QByteArray &body,
                 const QList<QPair<QByteArray, QByteArray>> &headers, Callback done)
    {
        m_callback = std::move(done);
        QByteArray r = method + ' ' + target + " HTTP/1.1\r\nHost: " + m_host.toLatin1() + ':'
            + QByteArray::number(m_port) + "\r\nAccept: application/json\r\n";
        if (!token.isEmpty())
            r += "Authorization: Bearer " + token + "\r\n";
        for (const auto &[name, value] : headers)
            r += name + ": " + value + "\r\n";
        if (!body.isEmpty() || method == "POST")
            r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        r += "\r\n" + body;
        m_pending = r;
        m_buffer.clear();
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
            connectSocket();
        } else {
            m_socket->write(m_pending);
            m_pending.clear();
        }
    }

private:
    void connectSocket()
    {
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
            m_socket->deleteLater();
        }
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, [this] {
            m_socket->write(m_pending);
            m_pending.clear();
        });
        connect(m_socket, &QTcpSocket::readyRead, this, [this] {
            m_buffer += m_socket->readAll();
            parse();
        });
        connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) { fail(); });
        m_socket->connectToHost(m_host, m_port);
    }

    void fail()
    {
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
            m_socket->deleteLater();
            m_socket = nullptr;
        }
        finish(0, {});
    }

    void finish(int status, const QByteArray &body)
    {
        Callback cb = std::move(m_callback);
        m_callback = nullptr;
        if (cb)
            cb(status, body);
    }

    void parse()
    {
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
        const int status = lines.value(0).split(' ').value(1).toInt();
        qint64 length = 0;
        bool close = false;
        for (const QByteArray &line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "connection" && value.toLower() == "close")
                close = true;
        }
        if (m_buffer.size() < headEnd + 4 + length)
            return;
        const QByteArray body = m_buffer.mid(headEnd + 4, length);
        m_buffer.clear();
        if (close) {
            m_socket->disconnect(this);
            m_socket->disconnectFromHost();
            m_socket->deleteLater();
            m_socket = nullptr;
        }
        finish(status, body);
    }

    QString m_host;
    quint16 m_port;
    QTcpSocket *m_socket = nullptr;
    QByteArray m_pending;
    QByteArray m_buffer;
    Callback m_callback;
};

struct Sent
{
    double startMs = 0;
    int recipient = 0;
    bool acked = false;
    bool delivered = false;
};

struct Stats
{
    std::vector<double> sendLatency;
    std::vector<double> deliveryLatency;
    int sendErrors = 0; //!< failed attempts (network or non-2xx), each retried
    int gaveUp = 0; //!< sends that never got a 2xx
    int pollErrors = 0;
    int duplicates = 0; //!< a message delivered twice to its recipient
    int throttled = 0;
    QHash<QString, Sent> messages;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

class Client : public QObject
{
public:
    Client(QString user, QByteArray password, const QUrl &server, Stats *stats, QObject *parent)
        : QObject(parent)
        , m_user(std::move(user))
        , m_password(std::move(password))
        , m_stats(stats)
        , m_poll(new HttpConnection(server.host(), quint16(server.port(80)), this))
        , m_send(new HttpConnection(server.host(), quint16(server.port(80)), this))
    { }

    const QString &user() const { return m_user; }
    bool isReady() const { return m_ready; }
    bool hasFailed() const { return m_failed; }
    bool isIdle() const { return !m_send->isBusy() && m_queue.empty(); }

    void signIn(std::function<void()> done)
    {
        const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("username"), m_user},
                                                           {QStringLiteral("password"), QString::fromUtf8(m_password)}})
                                    .toJson(QJsonDocument::Compact);
        m_send->request("POST", "/api/v1/session", {}, body, {}, [this, done](int status, const QByteArray &answer) {
            if (status != 200) {
                if (++m_signInAttempts < 5)
                    return QTimer::singleShot(500, this, [this, done] { signIn(done); });
                std::fprintf(stderr, "sign-in of %s failed (%d)\n", qPrintable(m_user), status);
                m_failed = true;
                return done();
            }
            m_token = QJsonDocument::fromJson(answer).object().value(QStringLiteral("token")).toString().toLatin1();
            catchUp(done);
        });
    }

    void startPolling()
    {
        m_polling = true;
        poll();
    }
    void stopPolling() { m_polling = false; }

    void send(const QString &to, int recipient)
    {
        m_queue.push_back({QUuid::createUuid().toString(QUuid::WithoutBraces), to, recipient, 0});
        pump();
    }

private:
    struct Outgoing
    {
        QString key;
        QString to;
        int recipient;
        int attempts;
    };

    void catchUp(std::function<void()> done)
    {
        m_poll->request("GET", "/api/v1/sync?limit=5000&since=" + QByteArray::number(m_cursor), m_token, {}, {},
                        [this, done](int status, const QByteArray &answer) {
                            if (status != 200) {
                                ++m_stats->pollErrors;
                                return QTimer::singleShot(500, this, [this, done] { catchUp(done); });
                            }
                            const QJsonObject o = QJsonDocument::fromJson(answer).object();
                            m_cursor = o.value(QStringLiteral("next")).toInteger();
                            if (o.value(QStringLiteral("has_more")).toBool())
                                return catchUp(done);
                            m_ready = true;
                            done();
                        });
    }

    void poll()
    {
        if (!m_polling)
            return;
        m_poll->request("GET", "/api/v1/sync?timeout=30&limit=1000&since=" + QByteArray::number(m_cursor), m_token, {},
                        {}, [this](int status, const QByteArray &answer) {
                            if (status != 200) {
                                ++m_stats->pollErrors;
                                return QTimer::singleShot(200, this, [this] { poll(); });
                            }
                            const double at = nowMs();
                            const QJsonObject o = QJsonDocument::fromJson(answer).object();
                            for (const QJsonValue &v : o.value(QStringLiteral("messages")).toArray()) {
                                const QJsonObject m = v.toObject();
                                if (m.value(QStringLiteral("to")).toString() != m_user)
                                    continue;
                                auto it = m_stats->messages.find(m.value(QStringLiteral("client_id")).toString());
                                if (it == m_stats->messages.end())
                                    continue;
                                if (it->delivered) {
                                    ++m_stats->duplicates;
                                    continue;
                                }
                                it->delivered = true;
                                m_stats->deliveryLatency.push_back(at - it->startMs);
                            }
                            m_cursor = o.value(QStringLiteral("next")).toInteger();
                            poll();
                        });
    }

    void pump()
    {
        if (m_send->isBusy() || m_queue.empty())
            return;
        Outgoing &m = m_queue.front();
        ++m.attempts;
        Sent &record = m_stats->messages[m.key];
        record.recipient = m.recipient;
        const double start = nowMs();
        if (m.attempts == 1)
            record.startMs = start;
        const QByteArray body =
            QJsonDocument(QJsonObject {{QStringLiteral("to"), m.to},
                                       {QStringLiteral("body"), QStringLiteral("load test ") + m.key}})
                .toJson(QJsonDocument::Compact);
        m_send->request("POST", "/api/v1/messages", m_token, body, {{"Idempotency-Key", m.key.toLatin1()}},
                        [this, start](int status, const QByteArray &) {
                            Outgoing &current = m_queue.front();
                            if (status == 200 || status == 201) {
                                m_stats->sendLatency.push_back(nowMs() - start);
                                m_stats->messages[current.key].acked = true;
                                m_queue.pop_front();
                                return pump();
                            }
                            ++m_stats->sendErrors;
                            if (status == 429)
                                ++m_stats->throttled;
                            if (current.attempts >= 5) {
                                ++m_stats->gaveUp;
                                m_queue.pop_front();
                                return pump();
                            }
                            QTimer::singleShot(100 * current.attempts, this, [this] { pump(); });
                        });
    }

    QString m_user;
    QByteArray m_password;
    Stats *m_stats;
    HttpConnection *m_poll;
    HttpConnection *m_send;
    QByteArray m_token;
    qint64 m_cursor = 0;
    bool m_ready = false;
    bool m_failed = false;
    bool m_polling = false;
    int m_signInAttempts = 0;
    std::deque<Outgoing> m_queue;
};

qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("colleagues-load"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Simulated clients against a running colleagues-server."));
    parser.addHelpOption();
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Server URL (http only)."),
                                          QStringLiteral("URL"));
    const QCommandLineOption accountsOption(
        QStringLiteral("accounts"), QStringLiteral("File of \"username,password\" lines."), QStringLiteral("FILE"));
    const QCommandLineOption clientsOption(QStringLiteral("clients"), QStringLiteral("Simulated clients (500)."),
                                           QStringLiteral("N"), QStringLiteral("500"));
    const QCommandLineOption durationOption(QStringLiteral("duration"), QStringLiteral("Seconds of sending (300)."),
                                            QStringLiteral("S"), QStringLiteral("300"));
    const QCommandLineOption rateOption(QStringLiteral("rate"),
                                        QStringLiteral("Messages per second, all clients together (clients / 5)."),
                                        QStringLiteral("R"));
    const QCommandLineOption pidOption(QStringLiteral("server-pid"), QStringLiteral("Sample this process's RSS."),
                                       QStringLiteral("PID"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed (1)."), QStringLiteral("S"),
                                        QStringLiteral("1"));
    parser.addOptions({serverOption, accountsOption, clientsOption, durationOption, rateOption, pidOption, seedOption});
    parser.process(app);

    const QUrl server(parser.value(serverOption));
    if (!server.isValid() || server.scheme() != QStringLiteral("http") || !parser.isSet(accountsOption)) {
        std::fprintf(stderr, "--server http://HOST:PORT and --accounts FILE are required\n");
        return 2;
    }
    const int clients = parser.value(clientsOption).toInt();
    const int duration = parser.value(durationOption).toInt();
    const double rate = parser.isSet(rateOption) ? parser.value(rateOption).toDouble() : clients / 5.0;
    const qint64 serverPid = parser.value(pidOption).toLongLong();
    QRandomGenerator random(parser.value(seedOption).toUInt());

    QFile accountsFile(parser.value(accountsOption));
    if (!accountsFile.open(QIODevice::ReadOnly | QIODevice::Text)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(accountsFile.fileName()));
        return 2;
    }
    QList<QPair<QString, QByteArray>> accounts;
    for (const QByteArray &line : accountsFile.readAll().split('\n')) {
        const qsizetype comma = line.indexOf(',');
        if (comma > 0)
            accounts.append({QString::fromUtf8(line.left(comma)), line.mid(comma + 1).trimmed()});
    }
    if (accounts.size() < clients || clients < 2) {
        std::fprintf(stderr, "%lld accounts for %d clients\n", qlonglong(accounts.size()), clients);
        return 2;
    }

    g_clock.start();
    Stats stats;
    std::vector<Client *> all;
    for (int i = 0; i < clients; ++i) {
        all.push_back(new Client(accounts.at(i).first, accounts.at(i).second, server, &stats, &app));
    }

    // RSS over time.
    std::vector<std::pair<double, qint64>> rss;
    QTimer rssTimer;
    auto sampleRss = [&] {
        if (serverPid > 0)
            rss.emplace_back(nowMs() / 1000.0, rssKiB(serverPid));
    };
    QObject::connect(&rssTimer, &QTimer::timeout, &app, sampleRss);
    sampleRss();
    rssTimer.start(std::max(1000, duration * 1000 / 30));

    // 1. Sign in and catch up, a few at a time (Argon2id is deliberately slow).
    const double signInStart = nowMs();
    int next = 0;
    int finished = 0;
    std::function<void()> signInNext = [&] {
        if (next >= clients)
            return;
        Client *c = all[size_t(next++)];
        c->signIn([&] {
            ++finished;
            if (finished == clients)
                QCoreApplication::exit(0);
            else
                signInNext();
        });
    };
    for (int i = 0; i < std::min(clients, 16); ++i)
        signInNext();
    app.exec();
    const double signInSeconds = (nowMs() - signInStart) / 1000.0;
    const int failedSignIns = int(std::count_if(all.begin(), all.end(), [](Client *c) { return c->hasFailed(); }));
    std::printf("signed in and caught up: %d clients in %.1f s (%d failed)\n", clients - failedSignIns, signInSeconds,
                failedSignIns);
    std::fflush(stdout);
    std::vector<Client *> ready;
    for (Client *c : all) {
        if (c->isReady()) {
            ready.push_back(c);
            c->startPolling();
        }
    }
    if (ready.size() < 2)
        return 1;

    // 2. Send at the rate for the duration; every client holds its long-poll meanwhile.
    const double sendStart = nowMs();
    double due = 0;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        const double elapsed = (nowMs() - sendStart) / 1000.0;
        if (elapsed >= duration) {
            tick.stop();
            return;
        }
        while (due <= elapsed * rate) {
            due += 1;
            const size_t from = random.bounded(quint32(ready.size()));
            size_t to = random.bounded(quint32(ready.size() - 1));
            if (to >= from)
                ++to;
            ready[from]->send(ready[to]->user(), int(to));
        }
    });
    tick.start(10);

    // 3. After the duration: wait for the last sends and deliveries (at most 30 s more).
    QTimer finish;
    QObject::connect(&finish, &QTimer::timeout, &app, [&] {
        const double elapsed = (nowMs() - sendStart) / 1000.0;
        if (elapsed < duration)
            return;
        const bool idle = std::all_of(ready.begin(), ready.end(), [](Client *c) { return c->isIdle(); });
        const bool delivered = std::all_of(stats.messages.cbegin(), stats.messages.cend(),
                                           [](const Sent &s) { return !s.acked || s.delivered; });
        if ((idle && delivered) || elapsed > duration + 30)
            QCoreApplication::exit(0);
    });
    finish.start(100);
    app.exec();
    const double sendSeconds = (nowMs() - sendStart) / 1000.0;
    sampleRss();

    int acked = 0;
    int lost = 0;
    for (const Sent &s : std::as_const(stats.messages)) {
        acked += s.acked;
        lost += s.acked && !s.delivered;
    }
    std::printf("clients %d, duration %d s (%.1f s with the drain), target rate %.1f msg/s\n", int(ready.size()),
                duration, sendSeconds, rate);
    // "Undelivered" counts acknowledged messages whose arrival was not seen before the drain
    // ended (30 s after the last send): lost, or only late on an overloaded server.
    std::printf("messages: %lld sent, %d acknowledged, %d acknowledged but undelivered when the drain ended, %d "
                "delivered twice\n",
                qlonglong(stats.messages.size()), acked, lost, stats.duplicates);
    std::printf("errors: %d failed send attempts (%d throttled), %d sends given up, %d long-poll errors\n",
                stats.sendErrors, stats.throttled, stats.gaveUp, stats.pollErrors);
    std::printf("send latency ms: p50 %.1f  p99 %.1f  max %.1f\n", percentile(stats.sendLatency, 0.5),
                percentile(stats.sendLatency, 0.99), percentile(stats.sendLatency, 1.0));
    std::printf("delivery latency ms (send -> recipient's long-poll): p50 %.1f  p99 %.1f  max %.1f\n",
                percentile(stats.deliveryLatency, 0.5), percentile(stats.deliveryLatency, 0.99),
                percentile(stats.deliveryLatency, 1.0));
    if (!rss.empty()) {
        QByteArray series;
        qint64 peak = 0;
        for (const auto &[t, kib] : rss) {
            series += ' ' + QByteArray::number(t, 'f', 0) + "s:" + QByteArray::number(kib / 1024) + "M";
            peak = std::max(peak, kib);
        }
        std::printf("server RSS over time:%s\n", series.constData());
        std::printf("server RSS peak %lld MiB\n", qlonglong(peak / 1024));
    }
    return lost == 0 && stats.gaveUp == 0 && stats.duplicates == 0 ? 0 : 1;
}
