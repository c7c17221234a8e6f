// SPDX-License-Identifier: MIT
// GuardConnection, deadlines and closing: timeouts, refusals with an answer, lingering close.
#include "server/guard/GuardConnection_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace Colleagues::Server {

namespace {

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

} // namespace Colleagues::Server
