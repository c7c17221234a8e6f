// SPDX-License-Identifier: MIT
#include "server/http/HttpThread.h"

#include "server/guard/HttpGuard.h"
#include "server/http/Api.h"
#include "server/http/ApiServer.h"
#include "server/http/EpollEventDispatcher.h"
#include "server/scim/ScimApi.h"

#include <QThreadPool>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Colleagues::Server {

QByteArray GuardStats::exposition() const
{
    QByteArray text = "# HELP colleagues_http_guard_rejections_total Requests refused or connections closed by "
                      "the guard, by reason.\n"
                      "# TYPE colleagues_http_guard_rejections_total counter\n";
    for (HttpGuard::Reason reason : HttpGuard::reasons()) {
        const auto index = static_cast<std::size_t>(reason);
        if (index < rejections.size()) {
            text += "colleagues_http_guard_rejections_total{reason=\"" + HttpGuard::reasonCode(reason) + "\"} "
                + QByteArray::number(rejections.at(index).load()) + '\n';
        }
    }
    text += "# HELP colleagues_http_guard_connections_open Connections open at the guard.\n"
            "# TYPE colleagues_http_guard_connections_open gauge\n"
            "colleagues_http_guard_connections_open "
        + QByteArray::number(open.load()) + '\n';
    return text;
}

HttpThread::HttpThread()
{
    m_thread.setObjectName(QStringLiteral("http"));
}

HttpThread::~HttpThread()
{
    stop();
}

bool HttpThread::start(const Setup &setup, QString *error)
{
    m_context = std::make_unique<QObject>();
    m_context->moveToThread(&m_thread);
    // Thousands of held connections per thread: Qt's own dispatcher would poll() them all on
    // every wake-up.
    if (!m_thread.eventDispatcher())
        m_thread.setEventDispatcher(new EpollEventDispatcher);
    m_thread.start();
    bool ok = false;
    QMetaObject::invokeMethod(
        m_context.get(),
        [this, &setup, &ok, error] {
            m_server = new ApiServer(setup.metrics, setup.pool, m_context.get());
            m_server->setInlineReads(setup.inlineReads);
            m_server->setTrustedProxies(setup.trustedProxies);
            m_api = new Api(m_server, setup.storage, setup.hasher, setup.shared, m_context.get());
            m_api->scim()->setSecure(setup.tls.has_value());

            auto *guard = new HttpGuard;
            HttpGuard::Limits limits;
            limits.maxBodyBytes = JsonBodyLimit;
            if (setup.connections)
                limits.maxConnections = setup.connections->max();
            guard->setLimits(limits);
            guard->setConnectionBudget(setup.connections);
            guard->setBodyLimit("PUT", "/api/v1/profiles/me/photo", PhotoBodyLimit);
            guard->setBodyLimit("PUT", "/api/v1/profiles/*/photo", PhotoBodyLimit);
            if (setup.tls)
                guard->setSslConfiguration(*setup.tls);
            if (!guard->setSocketDescriptor(setup.listeningSocket)) {
                *error = guard->errorString();
                delete guard;
                return;
            }
            if (GuardStats *stats = setup.guardStats) {
                QObject::connect(
                    guard, &HttpGuard::requestRejected, guard,
                    [stats](HttpGuard::Reason reason, int) {
                        const auto index = static_cast<std::size_t>(reason);
                        if (index < stats->rejections.size())
                            stats->rejections[index].fetch_add(1, std::memory_order_relaxed);
                    },
                    Qt::DirectConnection);
                auto last = std::make_shared<int>(0);
                QObject::connect(
                    guard, &HttpGuard::openConnectionsChanged, guard,
                    [stats, last](int open) {
                        stats->open.fetch_add(open - *last, std::memory_order_relaxed);
                        *last = open;
                    },
                    Qt::DirectConnection);
            }
            m_server->bind(guard);
            guard->setHttpServer(m_server);
            ok = true;
        },
        Qt::BlockingQueuedConnection);
    return ok;
}

void HttpThread::drain()
{
    if (!m_thread.isRunning() || !m_server)
        return;
    QMetaObject::invokeMethod(
        m_context.get(),
        [this] {
            m_api->releaseLongPolls();
            m_server->shutdown();
        },
        Qt::BlockingQueuedConnection);
}

void HttpThread::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        m_context.get(),
        [this] {
            // A job queued since the drain (a hub's audience read, say) uses the server and the
            // API: done before they go. Nothing of this thread queues more meanwhile.
            if (m_server)
                m_server->waitForWorkers();
            delete m_api;
            m_api = nullptr;
            delete m_server;
            m_server = nullptr;
            m_context->moveToThread(nullptr);
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_context.reset();
}

namespace {

// A socket bound to address:port, with SO_REUSEPORT or without; -1 with error set.
int bindSocket(const QHostAddress &address, quint16 *port, bool reusePort, QString *error)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol || address == QHostAddress(QHostAddress::Any);
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
    const int one = 1;
    const int zero = 0;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (reusePort)
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    int rc = -1;
    if (v6) {
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero); // Any: IPv4 too
        sockaddr_in6 a {};
        a.sin6_family = AF_INET6;
        a.sin6_port = htons(*port);
        if (address == QHostAddress(QHostAddress::Any)) {
            a.sin6_addr = in6addr_any;
        } else {
            const Q_IPV6ADDR bytes = address.toIPv6Address();
            std::memcpy(&a.sin6_addr, bytes.c, sizeof a.sin6_addr);
        }
        rc = ::bind(fd, reinterpret_cast<const sockaddr *>(&a), sizeof a);
    } else {
        sockaddr_in a {};
        a.sin_family = AF_INET;
        a.sin_port = htons(*port);
        a.sin_addr.s_addr = htonl(address.toIPv4Address());
        rc = ::bind(fd, reinterpret_cast<const sockaddr *>(&a), sizeof a);
    }
    if (rc != 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return -1;
    }
    sockaddr_storage bound {};
    socklen_t length = sizeof bound;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &length) == 0) {
        *port = bound.ss_family == AF_INET6 ? ntohs(reinterpret_cast<const sockaddr_in6 *>(&bound)->sin6_port)
                                            : ntohs(reinterpret_cast<const sockaddr_in *>(&bound)->sin_port);
    }
    return fd;
}

} // namespace

bool HttpThread::reservePort(const QHostAddress &address, quint16 *port, QString *error)
{
    const int fd = bindSocket(address, port, false, error);
    if (fd < 0)
        return false;
    ::close(fd);
    return true;
}

int HttpThread::openListeningSocket(const QHostAddress &address, quint16 *port, QString *error)
{
    const int fd = bindSocket(address, port, true, error);
    if (fd < 0)
        return -1;
    if (::listen(fd, 1024) != 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace Colleagues::Server
