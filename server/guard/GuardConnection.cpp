// SPDX-License-Identifier: MIT
#include "server/guard/GuardConnection_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QTcpSocket>

#include <cstring>

#include <sys/socket.h>

Q_LOGGING_CATEGORY(lcGuard, "colleagues.server.guard", QtInfoMsg)

namespace Colleagues::Server {

namespace {

constexpr qint64 lingerReadBufferBytes = 64 * 1024;

const char *reasonPhrase(int status)
{
    switch (status) {
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
    }
}

QByteArray errorResponse(int status, const QByteArray &code, const QString &message, const QByteArray &extraHeaders)
{
    const QJsonObject error {{QStringLiteral("code"), QString::fromLatin1(code)}, {QStringLiteral("message"), message}};
    const QByteArray body =
        QJsonDocument(QJsonObject {{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
    QByteArray response;
    response.reserve(200 + body.size());
    response += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    response += "Content-Type: application/json\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    response += "Connection: close\r\n";
    response += extraHeaders;
    response += "\r\n";
    response += body;
    return response;
}

} // namespace

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

// ---- reading -------------------------------------------------------------------------------

qint64 GuardConnection::takeReleased(char *data, qint64 maxSize)
{
    if (m_draining || m_released <= 0 || maxSize <= 0)
        return 0;
    const qint64 n = qMin(maxSize, m_released);
    std::memcpy(data, m_stash.constData() + m_stashOffset, static_cast<size_t>(n));
    m_stashOffset += n;
    m_released -= n;
    if (m_stashOffset == m_stash.size()) {
        m_stash.clear();
        m_stashOffset = 0;
    } else if (m_stashOffset > 64 * 1024 && m_stashOffset * 2 > m_stash.size()) {
        m_stash.remove(0, m_stashOffset);
        m_stashOffset = 0;
    }
    return n;
}

QByteArray GuardConnection::drainBuffer(qint64 size)
{
    m_draining = true;
    QByteArray bytes = m_socket->read(size);
    m_draining = false;
    return bytes;
}

void GuardConnection::appendToStash(const QByteArray &bytes)
{
    if (m_stash.isEmpty()) {
        m_stash = bytes;
        m_stashOffset = 0;
    } else {
        m_stash += bytes;
    }
}

qint64 GuardConnection::discardInput()
{
    // Qt HttpServer keeps what it read in a transaction until a request completes; a refused
    // request never completes, so end the transaction here or the drained bytes would stay buffered.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    static char sink[lingerReadBufferBytes];
    qint64 dropped = 0;
    m_draining = true;
    // Read until read() returns 0: that last call reaches QAbstractSocket::readData(), which turns
    // reading from the kernel back on after the socket's (64 KiB) read buffer was full.
    for (;;) {
        const qint64 n = m_socket->read(sink, sizeof sink);
        if (n <= 0)
            break;
        dropped += n;
    }
    m_draining = false;
    return dropped;
}

void GuardConnection::onReadyRead()
{
    if (m_state == State::Closing) {
        const qint64 dropped = discardInput();
        if (m_drainRemaining > 0) {
            m_drainRemaining -= dropped;
            if (m_drainRemaining <= 0) {
                m_drainRemaining = 0;
                qCDebug(lcGuard) << "refused body drained from" << describePeer();
                sendFin();
            }
        }
        return;
    }
    if (m_state == State::Handshaking)
        return; // no application data before the handshake ends
    const qint64 fresh = m_socket->bytesAvailable();
    if (fresh <= 0)
        return;

    if (m_stash.size() > m_stashOffset || m_scanner.phase() == RequestScanner::Phase::Complete) {
        // Bytes are waiting in the stash, or a request is unanswered: queue behind them.
        const qint64 unscannedFrom = m_stash.size();
        appendToStash(drainBuffer(fresh));
        if (m_scanner.phase() != RequestScanner::Phase::Complete && heldBytes() > 0) {
            // Not awaiting a response: everything held so far was scanned, only the new tail is not.
            const qint64 tail = m_stash.size() - unscannedFrom;
            const qint64 accepted = scan(m_stash.constData() + unscannedFrom, tail);
            if (m_state == State::Closing)
                return;
            m_released += accepted;
        }
        checkPipelineOverflow();
        return; // Qt HttpServer's slot runs next and reads what was released
    }

    // The common case: peek, and let Qt read the bytes in place when they all belong to the
    // request in progress.
    const QByteArray peeked = m_socket->peek(fresh);
    const qint64 accepted = scan(peeked.constData(), peeked.size());
    if (m_state == State::Closing || accepted == peeked.size())
        return;
    // The rest starts the next request: take everything out of Qt's reach, release what is allowed.
    appendToStash(drainBuffer(fresh));
    m_released = accepted;
    checkPipelineOverflow();
}

qint64 GuardConnection::scan(const char *data, qint64 size)
{
    qint64 pos = 0;
    for (;;) {
        if (m_scanner.phase() == RequestScanner::Phase::Complete)
            return pos; // the rest waits until the response is written
        const RequestScanner::Step step = m_scanner.feed(data + pos, size - pos);
        pos += step.consumed;
        switch (step.event) {
        case RequestScanner::Event::None: return pos;
        case RequestScanner::Event::HeadStarted:
            m_state = State::Receiving;
            arm(m_limits.headTimeout);
            break;
        case RequestScanner::Event::HeadComplete:
            arm(m_limits.bodyTimeout);
            if (m_scanner.expectsContinue() && pos == size) {
                // Qt HttpServer 6.4 never answers Expect: 100-continue; clients would wait for it.
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            break;
        case RequestScanner::Event::RequestComplete:
            m_state = State::Awaiting;
            m_timer.stop();
            m_responses.setNextIsHeadResponse(m_scanner.method() == "HEAD");
            return pos;
        case RequestScanner::Event::Rejected: {
            // A body refused by its Content-Length may be read and dropped first (see
            // Limits::maxDrainBytes); the bytes after the head given here are already its start.
            qint64 drain = 0;
            const qint64 declared = m_scanner.declaredLength();
            if (m_scanner.rejection().reason == GuardReason::PayloadTooLarge && declared > 0
                && declared <= m_limits.maxDrainBytes)
                drain = qMax<qint64>(0, declared - (size - pos));
            refuse(m_scanner.rejection(), {}, drain);
            return pos;
        }
        }
    }
}

void GuardConnection::releaseToHttpServer()
{
    if (m_released <= 0 || m_releaseQueued)
        return;
    m_releaseQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_releaseQueued = false;
            if (m_released > 0 && m_state != State::Closing && m_socket->isOpen())
                Q_EMIT m_socket->readyRead(); // our slot finds no new bytes; Qt's reads the released ones
        },
        Qt::QueuedConnection);
}

void GuardConnection::checkPipelineOverflow()
{
    if (heldBytes() > m_limits.maxPipelinedBytes) {
        qCInfo(lcGuard).noquote() << "closing" << describePeer() << "- more than" << m_limits.maxPipelinedBytes
                                  << "bytes pipelined behind an unanswered request";
        closeSilently(HttpGuard::Reason::PipelineOverflow, true);
    }
}

// ---- writing -------------------------------------------------------------------------------

void GuardConnection::observeWritten(const char *data, qint64 size)
{
    if (m_state == State::Closing || m_state == State::Handshaking)
        return;
    if (m_responses.feed(data, size) > 0 && m_state == State::Awaiting) {
        // Never act inside the writer (often Qt HttpServer's own request handler).
        QMetaObject::invokeMethod(this, &GuardConnection::onResponseComplete, Qt::QueuedConnection);
    }
}

void GuardConnection::onResponseComplete()
{
    if (m_state != State::Awaiting || m_flushing || !m_responses.isIdle())
        return;
    if (hasUnsentOutput()) {
        // Back-pressure: the next request waits until this response has left the process, so a
        // client that pipelines but never reads cannot make the server buffer answer after answer.
        m_flushing = true;
        arm(m_limits.idleTimeout); // re-armed on every write progress
        return;
    }
    startNextRequest();
}

void GuardConnection::startNextRequest()
{
    m_scanner.startNextRequest();
    m_state = State::Idle;
    arm(m_limits.idleTimeout);
    if (heldBytes() > 0) {
        const qint64 from = m_stashOffset + m_released;
        const qint64 accepted = scan(m_stash.constData() + from, m_stash.size() - from);
        if (m_state == State::Closing)
            return;
        m_released += accepted;
        releaseToHttpServer();
    }
}

bool GuardConnection::hasUnsentOutput() const
{
    const auto *ssl = qobject_cast<const QSslSocket *>(m_socket);
    return m_socket->bytesToWrite() > 0 || (ssl && ssl->encryptedBytesToWrite() > 0);
}

void GuardConnection::onWriteProgress()
{
    if (m_state == State::Awaiting && m_flushing) {
        if (hasUnsentOutput()) {
            arm(m_limits.idleTimeout);
            return;
        }
        m_flushing = false;
        startNextRequest();
        return;
    }
    if (m_state != State::Closing || m_wroteShutdown || m_drainRemaining > 0)
        return;
    m_socket->flush();
    if (hasUnsentOutput())
        return;
    // Everything we answered is with the kernel: send FIN, keep reading (and dropping) what the
    // client still sends so that our answer is not destroyed by a reset, until it closes or the
    // linger time ends.
    m_wroteShutdown = true;
    qCDebug(lcGuard) << "answer sent, FIN to" << describePeer();
    if (m_socket->socketDescriptor() >= 0)
        ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
}

// ---- deadlines and closing ----------------------------------------------------------------

void GuardConnection::arm(std::chrono::milliseconds timeout)
{
    m_timer.start(timeout);
}

void GuardConnection::onTimeout()
{
    switch (m_state) {
    case State::Handshaking:
        qCInfo(lcGuard).noquote() << "TLS handshake timed out from" << describePeer();
        closeSilently(HttpGuard::Reason::TlsHandshake, true);
        break;
    case State::Idle:
        qCDebug(lcGuard) << "closing idle connection from" << describePeer();
        closeSilently(HttpGuard::Reason::IdleTimeout, false);
        break;
    case State::Receiving:
        refuse(GuardRejection {GuardReason::SlowRequest, 408, "request_timeout",
                               QStringLiteral("The request was not received in time.")});
        break;
    case State::Awaiting:
        // While the application prepares its answer no deadline applies (long-polls); once the
        // answer is written, the client has to read it.
        if (m_flushing) {
            qCInfo(lcGuard).noquote() << "closing" << describePeer() << "- it does not read its responses";
            closeSilently(HttpGuard::Reason::SlowReader, true);
        }
        break;
    case State::Closing: finish(); break;
    }
}

void GuardConnection::refuse(const GuardRejection &rejection, const QByteArray &extraHeaders, qint64 drainBytes)
{
    const auto reason = static_cast<HttpGuard::Reason>(rejection.reason);
    if (m_scanner.method().isEmpty()) {
        qCInfo(lcGuard).noquote() << rejection.status << rejection.code << "for" << describePeer();
    } else {
        // The path only: the query string and the headers may carry secrets. The path is
        // percent-decoded: control characters are masked so that it cannot forge log lines.
        QString path = QString::fromUtf8(m_scanner.path()).left(200);
        for (QChar &c : path) {
            if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
                c = u'?';
        }
        qCInfo(lcGuard).noquote() << rejection.status << rejection.code << "for" << describePeer()
                                  << QString::fromLatin1(m_scanner.method()) << path;
    }
    if (m_guard)
        m_guard->recordRejection(reason, rejection.status);
    // The answer goes out at once, for clients that read while they send (curl, browsers, and
    // everyone after Expect: 100-continue). The FIN waits for a drained body (see
    // Limits::maxDrainBytes): QNetworkAccessManager reads the answer only after sending it all.
    if (rejection.status > 0 && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(errorResponse(rejection.status, rejection.code, rejection.message, extraHeaders));
    beginLingeringClose(drainBytes);
}

void GuardConnection::sendFin()
{
    arm(m_limits.lingerTimeout);
    m_socket->flush();
    // Not from here: inside QSslSocket's readyRead the answer is not encrypted and sent yet even
    // though bytesToWrite() and encryptedBytesToWrite() already say 0.
    QMetaObject::invokeMethod(this, &GuardConnection::onWriteProgress, Qt::QueuedConnection);
}

void GuardConnection::closeSilently(HttpGuard::Reason reason, bool abortNow)
{
    if (m_state == State::Closing)
        return;
    if (m_guard)
        m_guard->recordRejection(reason, 0);
    if (abortNow) {
        m_state = State::Closing;
        finish();
        return;
    }
    beginLingeringClose(0);
}

void GuardConnection::beginLingeringClose(qint64 drainBytes)
{
    m_state = State::Closing;
    m_stash.clear();
    m_stashOffset = 0;
    m_released = 0;
    m_socket->setReadBufferSize(lingerReadBufferBytes);
    // drainBytes counts from the end of what was scanned, which is all the socket had buffered.
    discardInput();
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        finish();
        return;
    }
    m_drainRemaining = drainBytes;
    if (m_drainRemaining > 0) {
        m_socket->flush();
        arm(m_limits.bodyTimeout); // a client too slow to send the refused body is just cut off
        return;
    }
    sendFin();
}

void GuardConnection::onDisconnected()
{
    if (m_state == State::Closing || !m_handedOver)
        finish();
}

void GuardConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    qCDebug(lcGuard) << "finishing connection from" << describePeer();
    m_state = State::Closing;
    m_timer.stop();
    m_stash.clear();
    m_stashOffset = 0;
    m_released = 0;
    // Not inside the current signal: Qt HttpServer's readyRead slot may still be about to run and
    // must find an open (if empty) socket. Qt HttpServer deletes its sockets on disconnected();
    // sockets it never got (handshakes, over the cap) or whose wiring it dropped are ours to
    // delete. deleteLater() twice is harmless.
    QMetaObject::invokeMethod(
        this,
        [socket = m_socket] {
            socket->abort();
            socket->deleteLater();
        },
        Qt::QueuedConnection);
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
