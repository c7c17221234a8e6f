// SPDX-License-Identifier: MIT
// GuardConnection, reading: what the client sends, scanned, stashed and released to Qt HttpServer.
#include "server/guard/GuardConnection_p.h"

#include <QTcpSocket>

#include <cstring>

namespace Colleagues::Server {

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

} // namespace Colleagues::Server
