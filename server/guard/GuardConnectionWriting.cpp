// SPDX-License-Identifier: MIT
// GuardConnection, writing: following the responses, back-pressure, and the FIN after the last one.
#include "server/guard/GuardConnection_p.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <sys/socket.h>

namespace Colleagues::Server {

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

} // namespace Colleagues::Server
