// SPDX-License-Identifier: MIT
#pragma once

#include "bench/load/EventLoop.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <deque>
#include <functional>
#include <netinet/in.h>

namespace Colleagues::Load {

//! Where a request failed before a complete HTTP answer came back.
enum class NetFailure {
    None,
    Refused, //!< connect() refused (ECONNREFUSED)
    ConnectError, //!< any other connect() failure (EADDRNOTAVAIL, EMFILE, ETIMEDOUT, ...)
    Reset, //!< the connection was closed or reset before the whole answer arrived
    Timeout, //!< no whole answer within the request's deadline
};
const char *failureName(NetFailure failure);

struct HttpAnswer
{
    NetFailure failure = NetFailure::None;
    int status = 0; //!< 0 on a failure
    QByteArray body; //!< decoded: a gzip body comes inflated
    qsizetype wireBytes = 0; //!< the body's size as it came (compressed or not)
    int retryAfterSeconds = 0;
    //! nowMs() when the last byte arrived (the kernel's receive time stamp), or was read
    double receivedMs = 0;
    double readMs = 0; //!< nowMs() when this load tool read it
};

//! An HTTP/1.1 request as bytes on the wire.
QByteArray httpRequest(const QByteArray &method, const QByteArray &target, const QByteArray &host,
                       const QByteArray &token, const QByteArray &body,
                       const QList<QPair<QByteArray, QByteArray>> &headers = {});

/*!
 * One keep-alive HTTP/1.1 connection on an EventLoop, one request at a time. Connects when a
 * request comes and no socket is open; a request on a reused connection that the server had
 * closed meanwhile (idle keep-alive) is sent once more on a new one. Plain HTTP only.
 */
class HttpConnection : public EventLoop::Handler
{
public:
    using Done = std::function<void(const HttpAnswer &)>;

    HttpConnection(EventLoop *loop, const sockaddr_in &server);
    ~HttpConnection() override;

    bool isBusy() const { return bool(m_done); }
    bool isOpen() const { return m_fd >= 0; }
    //! Sends \a request; \a done gets the answer or the failure (never from within request()).
    void request(QByteArray request, double deadlineMs, Done done);
    //! Closes the connection; the request in progress, if any, is dropped without an answer.
    void abort();

    //! Connections being set up right now, over every HttpConnection (for pacing).
    static int connecting() { return s_connecting; }
    //! Requests sent again after the server had closed an idle keep-alive connection.
    static int staleRetries() { return s_staleRetries; }

    void handleEvents(std::uint32_t events) override;

private:
    void open();
    void closeSocket();
    void fail(NetFailure failure);
    void finish(HttpAnswer answer);
    void writeOut();
    void readIn();
    bool parse();
    void updateInterest();

    EventLoop *m_loop;
    sockaddr_in m_server;
    int m_fd = -1;
    std::uint64_t m_key = 0;
    bool m_connecting = false;
    bool m_reused = false; //!< an answer came on this socket already
    double m_arrivedRealMs = 0; //!< CLOCK_REALTIME of the last data read (SO_TIMESTAMPNS)
    bool m_wantWrite = false;
    QByteArray m_request;
    qsizetype m_written = 0;
    QByteArray m_in;
    Done m_done;
    std::uint64_t m_requestId = 0; // for deadlines
    bool m_retried = false;

    static int s_connecting;
    static int s_staleRetries;
};

/*!
 * Keep-alive connections shared by many simulated clients for their short requests (sign-in,
 * sends, status changes): a real client has its own, but 10,000 clients times two sockets
 * would be beyond the open-file limit of one load process. The pool opens another connection
 * whenever all are busy, up to its maximum, so that a slow server is not hidden behind a
 * queue in the load tool; beyond it requests wait in order.
 */
class RequestPool
{
public:
    RequestPool(EventLoop *loop, const sockaddr_in &server, int maxConnections);
    ~RequestPool();

    void submit(QByteArray request, double deadlineMs, HttpConnection::Done done);
    int queued() const { return int(m_queue.size()); }
    int busy() const;
    //! The most connections that were busy at once.
    int peakBusy() const { return m_peakBusy; }
    //! Requests that had to wait for a connection (all maxConnections busy).
    qint64 waited() const { return m_waited; }
    //! Starts peakBusy() and waited() over.
    void resetCounts()
    {
        m_peakBusy = 0;
        m_waited = 0;
    }

private:
    void pump();

    EventLoop *m_loop;
    sockaddr_in m_server;
    int m_max;
    int m_peakBusy = 0;
    qint64 m_waited = 0;
    std::vector<HttpConnection *> m_connections;
    std::deque<std::tuple<QByteArray, double, HttpConnection::Done>> m_queue;
};

} // namespace Colleagues::Load
