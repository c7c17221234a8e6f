// SPDX-License-Identifier: MIT
// GuardConnection: construction, the TLS handshake and the wiring to the socket. Reading, writing
// and closing are in GuardConnectionReading.cpp, GuardConnectionWriting.cpp and
// GuardConnectionClosing.cpp.
#include "server/guard/GuardConnection_p.h"

#include <QSslSocket>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcGuard, "colleagues.server.guard", QtInfoMsg)

namespace Colleagues::Server {

GuardConnection::GuardConnection(HttpGuard *guard, QTcpSocket *socket, const HttpGuard::Limits &limits, bool tls)
    : QObject(socket)
    , m_guard(guard)
    , m_socket(socket)
    , m_limits(limits)
    , m_tls(tls)
    , m_scanner(RequestScanner::Limits {
          limits.maxHeadBytes, limits.maxLineBytes, limits.maxHeaderCount,
          [guard](const QByteArray &method, const QByteArray &path) { return guard->bodyLimit(method, path); },
          limits.maxBodyBytes})
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &GuardConnection::onTimeout);
    wire();
}

GuardConnection::~GuardConnection()
{
    if (m_guard)
        m_guard->connectionClosed(this);
}

void GuardConnection::wire()
{
    // Connected before Qt HttpServer connects its own: this slot always runs first.
    m_readyReadConnection =
        connect(m_socket, &QIODevice::readyRead, this, &GuardConnection::onReadyRead, Qt::UniqueConnection);
    connect(m_socket, &QAbstractSocket::disconnected, this, &GuardConnection::onDisconnected, Qt::UniqueConnection);
    connect(m_socket, &QIODevice::bytesWritten, this, &GuardConnection::onWriteProgress, Qt::UniqueConnection);
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket)) {
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &GuardConnection::onWriteProgress, Qt::UniqueConnection);
    }
}

void GuardConnection::start()
{
    if (!m_tls) {
        m_state = State::Idle;
        arm(m_limits.idleTimeout);
        m_handedOver = true;
        m_guard->handToHttpServer(m_socket);
        return;
    }
    auto *ssl = qobject_cast<QSslSocket *>(m_socket);
    Q_ASSERT(ssl);
    m_state = State::Handshaking;
    arm(m_limits.headTimeout);
    connect(ssl, &QSslSocket::encrypted, this, &GuardConnection::onEncrypted);
    connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        qCInfo(lcGuard).noquote() << "TLS handshake failed from" << describePeer() << errors.value(0).errorString();
        closeSilently(HttpGuard::Reason::TlsHandshake, true);
    });
    connect(ssl, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_state == State::Handshaking) {
            qCInfo(lcGuard).noquote() << "TLS handshake failed from" << describePeer() << m_socket->errorString();
            closeSilently(HttpGuard::Reason::TlsHandshake, true);
        }
    });
    ssl->startServerEncryption();
}

void GuardConnection::onEncrypted()
{
    if (m_state != State::Handshaking || !m_guard)
        return;
    m_state = State::Idle;
    arm(m_limits.idleTimeout);
    m_handedOver = true;
    // Qt HttpServer connects its readyRead slot in here, after ours; application data that came
    // with the end of the handshake is announced by a readyRead after encrypted().
    m_guard->handToHttpServer(m_socket);
}

void GuardConnection::refuseOverCapacity(int retryAfterSeconds)
{
    refuse(GuardRejection {GuardReason::ConnectionLimit, 503, "too_many_connections",
                           QStringLiteral("The server has too many open connections; retry later.")},
           "Retry-After: " + QByteArray::number(retryAfterSeconds) + "\r\n");
}

void GuardConnection::wiringChanged(const QMetaMethod &signal)
{
    if (m_wiringCheckQueued || m_finished)
        return;
    if (signal.isValid() && signal != QMetaMethod::fromSignal(&QIODevice::readyRead))
        return;
    m_wiringCheckQueued = true;
    QMetaObject::invokeMethod(this, &GuardConnection::checkWiring, Qt::QueuedConnection);
}

void GuardConnection::checkWiring()
{
    m_wiringCheckQueued = false;
    if (m_readyReadConnection || m_finished)
        return;
    qCDebug(lcGuard) << "Qt HttpServer dropped the connection from" << describePeer();
    // Qt HttpServer 6.4 calls socket->disconnect() when its parser fails, which cuts every
    // connection, ours included, and then never reads, answers or deletes the socket again.
    wire();
    if (m_state == State::Closing)
        return;
    refuse(GuardRejection {GuardReason::BrokenByHttpServer, 400, "bad_request",
                           QStringLiteral("The request could not be parsed.")});
    m_handedOver = false; // nobody else will delete it
}

QString GuardConnection::describePeer() const
{
    return m_socket->peerAddress().toString() + u':' + QString::number(m_socket->peerPort());
}

} // namespace Colleagues::Server
