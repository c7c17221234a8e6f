// SPDX-License-Identifier: MIT
#pragma once

#include "server/guard/HttpGuard.h"
#include "server/guard/RequestScanner_p.h"
#include "server/guard/ResponseTracker_p.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QObject>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcGuard)

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace Colleagues::Server {

/*!
    The guard's view of one connection: scans the bytes the client sends, decides how many of them
    Qt HttpServer may read, follows the responses written back, and runs the connection's deadlines.

    How bytes are kept from Qt HttpServer: the guard's readyRead slot runs before Qt's (it is
    connected first). When every new byte belongs to the request in progress, the guard only
    peek()s and Qt reads them as usual. Otherwise (a refused request, or the start of a pipelined
    request while the previous one is unanswered) it drains the socket's buffer into its own stash;
    Qt's readAll() then finds the buffer empty and calls readData(), which GuardedSocket answers
    from the stash with exactly the bytes released so far.
*/
class GuardConnection : public QObject
{
    Q_OBJECT

public:
    enum class State { Handshaking, Idle, Receiving, Awaiting, Closing };

    GuardConnection(HttpGuard *guard, QTcpSocket *socket, const HttpGuard::Limits &limits, bool tls);
    ~GuardConnection() override;

    void start(); //!< plain: ready for requests; TLS: handshake started
    //! Over the connection cap: answer 503 and close; never handed to Qt HttpServer.
    void refuseOverCapacity(int retryAfterSeconds);
    void detachFromGuard() { m_guard = nullptr; }
    State state() const { return m_state; }

    // Hooks called by GuardedSocket.
    qint64 takeReleased(char *data, qint64 maxSize);
    void observeWritten(const char *data, qint64 size);
    void wiringChanged(const QMetaMethod &signal);

private:
    //! While closing, the socket buffers at most this much of what the client still sends.
    static constexpr qint64 lingerReadBufferBytes = 64 * 1024;

    void wire();
    void onEncrypted();
    void onReadyRead();
    void onDisconnected();
    void onTimeout();
    void onWriteProgress();
    void onResponseComplete();
    void startNextRequest();
    bool hasUnsentOutput() const;
    void checkWiring();

    qint64 scan(const char *data, qint64 size); //!< runs the scanner; returns bytes Qt may read
    QByteArray drainBuffer(qint64 size);
    qint64 discardInput(); //!< returns the bytes dropped
    void appendToStash(const QByteArray &bytes);
    qint64 heldBytes() const { return m_stash.size() - m_stashOffset - m_released; }
    void releaseToHttpServer();
    void checkPipelineOverflow();

    void refuse(const GuardRejection &rejection, const QByteArray &extraHeaders = {}, qint64 drainBytes = 0);
    void closeSilently(HttpGuard::Reason reason, bool abortNow);
    void beginLingeringClose(qint64 drainBytes);
    void sendFin();
    void finish();
    void arm(std::chrono::milliseconds timeout);
    QString describePeer() const;

    HttpGuard *m_guard;
    QTcpSocket *m_socket;
    HttpGuard::Limits m_limits;
    bool m_tls;
    State m_state = State::Idle;
    RequestScanner m_scanner;
    ResponseTracker m_responses;
    QTimer m_timer;
    QMetaObject::Connection m_readyReadConnection;

    // Bytes taken out of the socket's buffer: [m_stashOffset, +m_released) may be read by Qt,
    // the rest waits for the response in flight.
    QByteArray m_stash;
    qint64 m_stashOffset = 0;
    qint64 m_released = 0;
    bool m_draining = false;
    bool m_releaseQueued = false;
    bool m_handedOver = false;
    bool m_wroteShutdown = false;
    bool m_finished = false;
    bool m_wiringCheckQueued = false;
    qint64 m_drainRemaining = 0; // refused body bytes still to read before the FIN
    bool m_flushing = false; // the response is complete but not yet out of the process
};

/*!
    The socket handed to Qt HttpServer: a QTcpSocket or QSslSocket whose readData() serves the bytes
    the guard released and whose writeData() lets the guard follow responses. It adds no signals.
*/
template<class Base>
class GuardedSocket final : public Base
{
public:
    explicit GuardedSocket(QObject *parent)
        : Base(parent)
    { }

    void setGuardConnection(GuardConnection *connection) { m_connection = connection; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_connection) {
            const qint64 n = m_connection->takeReleased(data, maxSize);
            if (n > 0)
                return n;
        }
        return Base::readData(data, maxSize);
    }

    qint64 writeData(const char *data, qint64 size) override
    {
        const qint64 written = Base::writeData(data, size);
        if (m_connection && written > 0)
            m_connection->observeWritten(data, written);
        return written;
    }

    void disconnectNotify(const QMetaMethod &signal) override
    {
        Base::disconnectNotify(signal);
        if (m_connection)
            m_connection->wiringChanged(signal);
    }

private:
    GuardConnection *m_connection = nullptr;
};

} // namespace Colleagues::Server
