// SPDX-License-Identifier: MIT
#include "server/guard/HttpGuard.h"

#include "server/guard/GuardConnection_p.h"

#include <QMetaEnum>
#include <QSslSocket>

#include <unistd.h>

namespace Colleagues::Server {

static_assert(static_cast<int>(HttpGuard::Reason::BrokenByHttpServer) + 1 == HttpGuard::reasonCount);
static_assert(static_cast<int>(HttpGuard::Reason::BrokenByHttpServer)
              == static_cast<int>(GuardReason::BrokenByHttpServer));

HttpGuard::HttpGuard(QObject *parent)
    : QTcpServer(parent)
{ }

HttpGuard::~HttpGuard()
{
    // Sockets are our children and outlive this destructor body; they must not call back.
    for (GuardConnection *connection : std::as_const(m_connections)) {
        connection->detachFromGuard();
        if (m_budget)
            m_budget->giveBack();
    }
}

void HttpGuard::setLimits(const Limits &limits)
{
    m_limits = limits;
}

void HttpGuard::setBodyLimit(const QByteArray &method, const QByteArray &path, qint64 maxBytes)
{
    BodyRule rule;
    rule.method = method;
    rule.prefix = path.endsWith('*');
    rule.path = rule.prefix ? path.chopped(1) : path;
    rule.maxBytes = maxBytes;
    m_bodyRules.append(rule);
}

namespace {

// Whether \a path matches a rule's path, whose "*" segments stand for one non-empty segment.
bool pathMatches(const QByteArray &rulePath, bool prefix, const QByteArray &path)
{
    if (!rulePath.contains("/*/"))
        return prefix ? path.startsWith(rulePath) : path == rulePath;
    const QList<QByteArray> ruleSegments = rulePath.split('/');
    const QList<QByteArray> segments = path.split('/');
    if (prefix ? segments.size() < ruleSegments.size() : segments.size() != ruleSegments.size())
        return false;
    for (qsizetype i = 0; i < ruleSegments.size(); ++i) {
        const QByteArray &want = ruleSegments.at(i);
        const QByteArray &have = segments.at(i);
        if (prefix && i == ruleSegments.size() - 1) {
            if (!have.startsWith(want))
                return false;
        } else if (want == "*" ? have.isEmpty() : have != want) {
            return false;
        }
    }
    return true;
}

} // namespace

qint64 HttpGuard::bodyLimit(const QByteArray &method, const QByteArray &path) const
{
    for (const BodyRule &rule : m_bodyRules) {
        if (!rule.method.isEmpty() && rule.method != method)
            continue;
        if (pathMatches(rule.path, rule.prefix, path))
            return rule.maxBytes;
    }
    return m_limits.maxBodyBytes;
}

void HttpGuard::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_sslConfiguration = configuration;
}

QByteArray HttpGuard::reasonCode(Reason reason)
{
    switch (reason) {
    case Reason::PayloadTooLarge: return QByteArrayLiteral("payload_too_large");
    case Reason::HeadersTooLarge: return QByteArrayLiteral("headers_too_large");
    case Reason::UriTooLong: return QByteArrayLiteral("uri_too_long");
    case Reason::Malformed: return QByteArrayLiteral("bad_request");
    case Reason::NotImplemented: return QByteArrayLiteral("not_implemented");
    case Reason::VersionNotSupported: return QByteArrayLiteral("http_version_not_supported");
    case Reason::SlowRequest: return QByteArrayLiteral("request_timeout");
    case Reason::IdleTimeout: return QByteArrayLiteral("idle_timeout");
    case Reason::ConnectionLimit: return QByteArrayLiteral("too_many_connections");
    case Reason::PipelineOverflow: return QByteArrayLiteral("pipeline_overflow");
    case Reason::TlsHandshake: return QByteArrayLiteral("tls_handshake");
    case Reason::SlowReader: return QByteArrayLiteral("slow_reader");
    case Reason::BrokenByHttpServer: return QByteArrayLiteral("unparsable");
    }
    return QByteArrayLiteral("unknown");
}

QList<HttpGuard::Reason> HttpGuard::reasons()
{
    QList<Reason> all;
    for (int i = 0; i < reasonCount; ++i)
        all.append(static_cast<Reason>(i));
    return all;
}

void HttpGuard::incomingConnection(qintptr socketDescriptor)
{
    if (m_connections.size() >= m_limits.maxConnections || (m_budget && !m_budget->tryTake())) {
        refuseOverCapacity(socketDescriptor);
        return;
    }
    QTcpSocket *socket = nullptr;
    if (isTls()) {
        auto *ssl = new GuardedSocket<QSslSocket>(this);
        ssl->setSslConfiguration(m_sslConfiguration);
        socket = ssl;
    } else {
        socket = new GuardedSocket<QTcpSocket>(this);
    }
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        qCWarning(lcGuard) << "cannot take an accepted connection:" << socket->errorString();
        ::close(static_cast<int>(socketDescriptor));
        delete socket;
        if (m_budget)
            m_budget->giveBack();
        return;
    }
    auto *connection = new GuardConnection(this, socket, m_limits, isTls());
    if (isTls())
        static_cast<GuardedSocket<QSslSocket> *>(socket)->setGuardConnection(connection);
    else
        static_cast<GuardedSocket<QTcpSocket> *>(socket)->setGuardConnection(connection);
    connectionOpened(connection);
    connection->start();
}

void HttpGuard::refuseOverCapacity(qintptr socketDescriptor)
{
    if (isTls()) {
        // Answering would need a handshake first: over the cap, TLS connections are just closed.
        qCInfo(lcGuard) << "closing a TLS connection over the cap of"
                        << (m_budget ? m_budget->max() : m_limits.maxConnections);
        ::close(static_cast<int>(socketDescriptor));
        recordRejection(Reason::ConnectionLimit, 0);
        return;
    }
    auto *socket = new GuardedSocket<QTcpSocket>(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        ::close(static_cast<int>(socketDescriptor));
        delete socket;
        return;
    }
    // Not counted as open (connectionOpened() is not called) and never handed to Qt HttpServer.
    auto *connection = new GuardConnection(this, socket, m_limits, false);
    socket->setGuardConnection(connection);
    connection->refuseOverCapacity(m_limits.retryAfterSeconds);
}

void HttpGuard::handToHttpServer(QTcpSocket *socket)
{
    if (m_httpServer) {
        disconnect(m_senderMark);
        m_senderMark = connect(this, &QObject::destroyed, m_httpServer.data(), [] {});
    }
    addPendingConnection(socket); // emits pendingConnectionAvailable: Qt HttpServer takes it now
}

void HttpGuard::connectionOpened(GuardConnection *connection)
{
    m_connections.insert(connection);
    m_open = static_cast<int>(m_connections.size());
    ++m_accepted;
    Q_EMIT openConnectionsChanged(m_open);
}

void HttpGuard::connectionClosed(GuardConnection *connection)
{
    if (!m_connections.remove(connection))
        return;
    if (m_budget)
        m_budget->giveBack();
    m_open = static_cast<int>(m_connections.size());
    Q_EMIT openConnectionsChanged(m_open);
}

void HttpGuard::recordRejection(Reason reason, int httpStatus)
{
    ++m_rejections[static_cast<size_t>(reason)];
    Q_EMIT requestRejected(reason, httpStatus);
}

} // namespace Colleagues::Server
