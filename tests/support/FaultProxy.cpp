// SPDX-License-Identifier: MIT
#include "tests/support/FaultProxy.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace Colleagues::Test {

// Everything about one client connection and its upstream twin.
struct FaultProxy::Chunk
{
    qint64 releaseAt = 0;
    QByteArray data;
    bool cutAfter = false;
};

struct FaultProxy::Direction
{
    QList<Chunk> queue;
    qint64 lastReleaseAt = 0;
};

struct FaultProxy::Link
{
    Direction toClient;
    Direction toUpstream;
    QPointer<QTcpSocket> client;
    QPointer<QTcpSocket> upstream;
    bool reset = false; // decided at accept time
    bool blackhole = false;
    bool error = false; // answered with m_faults.errorStatus
    bool errorAfterForwarding = false;
    bool errorSent = false;
    qint64 cutAfterBytes = -1; // response bytes to forward before cutting; -1 = never
    qint64 responseBytes = 0;
    bool closing = false;
};

FaultProxy::FaultProxy(const QHostAddress &upstreamAddress, quint16 upstreamPort, quint64 seed, QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_upstreamAddress(upstreamAddress)
    , m_upstreamPort(upstreamPort)
    , m_state(seed ? seed : 0x9E3779B97F4A7C15ULL)
{
    connect(m_server, &QTcpServer::newConnection, this, &FaultProxy::accept);
    m_clock.start();
}

FaultProxy::~FaultProxy()
{
    dropAll();
    qDeleteAll(m_closed);
}

bool FaultProxy::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

quint16 FaultProxy::port() const
{
    return m_server->serverPort();
}

QUrl FaultProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void FaultProxy::setFaults(const Faults &faults)
{
    m_faults = faults;
}

void FaultProxy::setUpstream(const QHostAddress &address, quint16 port)
{
    m_upstreamAddress = address;
    m_upstreamPort = port;
}

void FaultProxy::dropAll()
{
    const QList<Link *> links = m_links;
    for (Link *link : links)
        closeLink(link);
}

// splitmix64: tiny, seedable, identical everywhere.
double FaultProxy::uniform()
{
    quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) / static_cast<double>(1ULL << 53);
}

int FaultProxy::delay()
{
    if (m_faults.latencyMs <= 0 && m_faults.jitterMs <= 0)
        return 0;
    return m_faults.latencyMs + static_cast<int>(uniform() * (m_faults.jitterMs + 1));
}

void FaultProxy::accept()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        auto *link = new Link;
        m_links.append(link);
        ++m_counters.connections;
        link->client = client;
        link->blackhole = m_faults.blackhole;
        link->reset = !link->blackhole && uniform() < m_faults.resetProbability;
        if (!link->blackhole && !link->reset && uniform() < m_faults.cutResponseProbability)
            link->cutAfterBytes = 1 + static_cast<qint64>(uniform() * 200);
        if (!link->blackhole && !link->reset && link->cutAfterBytes < 0 && m_faults.errorProbability > 0
            && uniform() < m_faults.errorProbability) {
            link->error = true;
            link->errorAfterForwarding = m_faults.errorAfterForwarding;
        }

        connect(client, &QTcpSocket::disconnected, this, [this, link] { closeLink(link); });
        if (link->blackhole) {
            ++m_counters.blackholed;
            connect(client, &QTcpSocket::readyRead, this, [link] {
                if (link->client)
                    link->client->readAll(); // swallowed
            });
            continue;
        }

        auto *upstream = new QTcpSocket(this);
        link->upstream = upstream;
        connect(upstream, &QTcpSocket::connected, this, [this, link] {
            scheduleDrain(link, false); // request bytes that arrived while connecting
            forward(link, link->upstream, link->client, true);
        });
        connect(upstream, &QTcpSocket::readyRead, this,
                [this, link] { forward(link, link->upstream, link->client, true); });
        connect(upstream, &QTcpSocket::disconnected, this, [this, link] { closeLink(link); });
        connect(upstream, &QTcpSocket::errorOccurred, this, [this, link] { closeLink(link); });
        connect(client, &QTcpSocket::readyRead, this,
                [this, link] { forward(link, link->client, link->upstream, false); });
        upstream->connectToHost(m_upstreamAddress, m_upstreamPort);
        forward(link, client, upstream, false);
    }
}

void FaultProxy::forward(Link *link, QTcpSocket *from, QTcpSocket *to, bool isResponse)
{
    if (!from || !to || link->closing)
        return;
    QByteArray data = from->readAll();
    if (data.isEmpty())
        return;

    if (!isResponse && link->reset) {
        // The request arrived; reset instead of forwarding it (SO_LINGER 0 makes close send RST).
        ++m_counters.resets;
        if (link->client) {
            const linger hard {1, 0};
            ::setsockopt(static_cast<int>(link->client->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        }
        closeLink(link);
        return;
    }
    if (link->errorSent)
        return;
    if (link->error && (isResponse || !link->errorAfterForwarding)) {
        // The gateway answers in the server's place: before the request reaches it, or once
        // the server has done the work and begun its own answer, which is thrown away.
        answerError(link);
        return;
    }

    bool cutNow = false;
    if (isResponse && link->cutAfterBytes >= 0) {
        const qint64 allowed = link->cutAfterBytes - link->responseBytes;
        if (data.size() >= allowed) {
            data.truncate(qMax<qint64>(0, allowed));
            cutNow = true;
        }
    }
    if (isResponse)
        link->responseBytes += data.size();

    // Chunks keep their order: each is released no earlier than the one before it.
    Direction &direction = isResponse ? link->toClient : link->toUpstream;
    const qint64 now = m_clock.elapsed();
    const qint64 releaseAt = qMax(now + delay(), direction.lastReleaseAt);
    direction.lastReleaseAt = releaseAt;
    direction.queue.append({releaseAt, data, cutNow});
    if (direction.queue.size() == 1)
        scheduleDrain(link, isResponse);
}

void FaultProxy::scheduleDrain(Link *link, bool isResponse)
{
    Direction &direction = isResponse ? link->toClient : link->toUpstream;
    if (direction.queue.isEmpty() || link->closing)
        return;
    const qint64 wait = qMax<qint64>(0, direction.queue.first().releaseAt - m_clock.elapsed());
    QTimer::singleShot(static_cast<int>(wait), Qt::PreciseTimer, this, [this, link, isResponse] {
        if (link->closing)
            return;
        Direction &d = isResponse ? link->toClient : link->toUpstream;
        QTcpSocket *target = isResponse ? link->client.data() : link->upstream.data();
        if (target && target->state() != QAbstractSocket::ConnectedState)
            return; // drained again once connected
        while (!d.queue.isEmpty() && d.queue.first().releaseAt <= m_clock.elapsed()) {
            const Chunk chunk = d.queue.takeFirst();
            if (target)
                target->write(chunk.data);
            if (chunk.cutAfter) {
                if (!link->errorSent)
                    ++m_counters.cuts;
                if (target)
                    target->flush();
                closeLink(link);
                return;
            }
        }
        scheduleDrain(link, isResponse);
    });
}

void FaultProxy::answerError(Link *link)
{
    link->errorSent = true;
    ++m_counters.errors;
    const int status = m_faults.errorStatus;
    const QByteArray reason = status == 500 ? "Internal Server Error"
        : status == 503                     ? "Service Unavailable"
        : status == 504                     ? "Gateway Timeout"
                                            : "Bad Gateway";
    // An HTML page, as nginx sends: the client must not expect JSON from a gateway.
    const QByteArray body = "<html><head><title>" + QByteArray::number(status) + ' ' + reason
        + "</title></head><body><h1>" + reason + "</h1></body></html>\r\n";
    QByteArray answer = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    answer +=
        "Content-Type: text/html\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n";
    if (m_faults.retryAfterSeconds >= 0)
        answer += "Retry-After: " + QByteArray::number(m_faults.retryAfterSeconds) + "\r\n";
    answer += "\r\n" + body;
    link->toClient.queue.append({m_clock.elapsed() + delay(), answer, true});
    if (link->upstream) {
        link->upstream->disconnect(this);
        link->upstream->abort();
    }
    if (link->toClient.queue.size() == 1)
        scheduleDrain(link, true);
}

void FaultProxy::closeLink(Link *link)
{
    if (!m_links.contains(link) || link->closing)
        return;
    link->closing = true;
    m_links.removeOne(link);
    if (link->client) {
        link->client->disconnect(this);
        link->client->abort();
        link->client->deleteLater();
    }
    if (link->upstream) {
        link->upstream->disconnect(this);
        link->upstream->abort();
        link->upstream->deleteLater();
    }
    // Queued timers may still reference the link; it is freed with the proxy.
    m_closed.append(link);
}

} // namespace Colleagues::Test
