// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>
#include <QTcpServer>

#include <array>
#include <atomic>
#include <chrono>
#include <memory>

namespace Colleagues::Server {

class GuardConnection;

//! One cap on open connections shared by several HttpGuards (one per HTTP thread), so that a
//! server has one connection budget however many threads it runs. Thread-safe.
class ConnectionBudget
{
public:
    explicit ConnectionBudget(int maxConnections)
        : m_max(maxConnections)
    { }
    int max() const { return m_max; }
    int open() const { return m_open.load(std::memory_order_relaxed); }
    //! Takes one connection from the budget; false (nothing taken) when it is used up.
    bool tryTake()
    {
        int current = m_open.load(std::memory_order_relaxed);
        while (current < m_max) {
            if (m_open.compare_exchange_weak(current, current + 1, std::memory_order_relaxed))
                return true;
        }
        return false;
    }
    void giveBack() { m_open.fetch_sub(1, std::memory_order_relaxed); }

private:
    const int m_max;
    std::atomic<int> m_open {0};
};

/*!
    The listening socket that sits in front of Qt HttpServer 6.4, which enforces no limits of its
    own and buffers whole bodies. Give it to QAbstractHttpServer::bind() after listen():

        auto *guard = new HttpGuard;
        guard->setBodyLimit("PUT", "/api/v1/profiles/me/photo", 8 * 1024 * 1024);
        guard->listen(QHostAddress::LocalHost, 0);
        httpServer.bind(guard);

    Every byte a client sends passes the guard before Qt HttpServer can read it. The guard answers
    a JSON error `{"error":{"code","message"}}` with `Connection: close` and closes the connection
    for: a body over its limit (413, before the body is read: a declared Content-Length is refused
    at the head, a chunked body as soon as a chunk would cross the limit), an oversized head (431)
    or request line (414), malformed HTTP (400), an unknown method or transfer coding (501), an
    HTTP version other than 1.0/1.1 (505), a head or body that arrives too slowly (408), and new
    connections over the cap (503 with Retry-After). Idle keep-alive connections are closed
    silently. A request that Qt HttpServer is answering (a held long-poll) is never timed out:
    deadlines apply only while a request is being received or the connection sits idle.

    Pipelining: only one request per connection is with Qt HttpServer at a time. Bytes of the next
    request wait in the guard (up to Limits::maxPipelinedBytes) until the previous response has
    been written completely and has left the process, so responses always leave in request order
    and a client that does not read cannot make the server pile up answers.

    After an error answer the guard reads and drops what the client still sends (see
    Limits::maxDrainBytes and lingerTimeout) before closing, so that the client can read the answer.
    See server/guard/README.md for the details.

    With setSslConfiguration() the guard serves TLS: it performs the handshake itself and hands the
    encrypted socket to Qt HttpServer only once it is established.
*/
class HttpGuard : public QTcpServer
{
    Q_OBJECT

public:
    //! Why the guard refused a request or closed a connection. reasonCode() names each for metrics.
    enum class Reason {
        PayloadTooLarge, //!< 413 payload_too_large
        HeadersTooLarge, //!< 431 headers_too_large
        UriTooLong, //!< 414 uri_too_long
        Malformed, //!< 400 bad_request
        NotImplemented, //!< 501 not_implemented
        VersionNotSupported, //!< 505 http_version_not_supported
        SlowRequest, //!< 408 request_timeout (head or body deadline missed)
        IdleTimeout, //!< closed without an answer
        ConnectionLimit, //!< 503 too_many_connections (plain HTTP); TLS connections are just closed
        PipelineOverflow, //!< closed without an answer
        TlsHandshake, //!< closed: handshake failed or timed out
        SlowReader, //!< closed: the client stopped reading a response (no write progress for idleTimeout)
        BrokenByHttpServer, //!< 400: Qt HttpServer's own parser dropped the connection
    };
    Q_ENUM(Reason)
    static constexpr int reasonCount = 13;

    struct Limits
    {
        qint64 maxBodyBytes = 1024 * 1024; //!< body limit unless a setBodyLimit() rule matches
        qint64 maxHeadBytes = 16 * 1024; //!< request line + header fields (431 beyond)
        qint64 maxLineBytes = 8 * 1024; //!< one request line (414) or header line (431)
        int maxHeaderCount = 100; //!< header fields per request (431 beyond)
        int maxConnections = 2000; //!< open connections, TLS handshakes included (503 beyond)
        int retryAfterSeconds = 5; //!< Retry-After of the 503
        qint64 maxPipelinedBytes = 64 * 1024; //!< bytes queued behind an unanswered request
        //! After a 413 for a Content-Length up to this size, the body is read and dropped (within
        //! bodyTimeout) before the connection is closed: clients such as QNetworkAccessManager
        //! read the answer only once they have sent the whole body. Larger bodies are cut off
        //! after the answer at once (and lingerTimeout).
        qint64 maxDrainBytes = 16 * 1024 * 1024;
        std::chrono::milliseconds idleTimeout {60'000}; //!< no request in progress and no bytes
        std::chrono::milliseconds headTimeout {30'000}; //!< first byte to end of head; TLS handshake
        std::chrono::milliseconds bodyTimeout {30'000}; //!< end of head to end of body
        std::chrono::milliseconds lingerTimeout {2'000}; //!< after an error answer, how long unread
                                                         //!< input is drained so the client can read it
    };

    explicit HttpGuard(QObject *parent = nullptr);
    ~HttpGuard() override;

    void setLimits(const Limits &limits); //!< applies to connections accepted afterwards
    Limits limits() const { return m_limits; }
    //! Connections also count against \a budget, shared with other guards (over it: as over
    //! Limits::maxConnections). Set it before listening.
    void setConnectionBudget(std::shared_ptr<ConnectionBudget> budget) { m_budget = std::move(budget); }
    //! The Qt HttpServer bind() gave this guard to (bind() does not tell it). Optional; with
    //! thousands of open connections it saves a walk over all of them per connection handed over:
    //! Qt HttpServer 6.4 calls QObject::sender() when it takes one, which walks the server's list
    //! of senders from the newest (two per open connection) to the guard's, made at bind(). Each
    //! hand-over first renews a connection from the guard to \a server, so the walk ends at once.
    void setHttpServer(QObject *server) { m_httpServer = server; }

    //! Requests with \a method (empty: any) whose percent-decoded path equals \a path (or starts
    //! with it when \a path ends with '*'; a "*" segment inside \a path, as in
    //! "/profiles/*/photo", stands for one non-empty segment) may carry up to \a maxBytes of body. The first matching
    //! rule wins; otherwise Limits::maxBodyBytes applies.
    void setBodyLimit(const QByteArray &method, const QByteArray &path, qint64 maxBytes);
    qint64 bodyLimit(const QByteArray &method, const QByteArray &path) const;

    //! Serve HTTPS with \a configuration (certificate and key set); a null one serves plain HTTP.
    void setSslConfiguration(const QSslConfiguration &configuration);
    bool isTls() const { return !m_sslConfiguration.isNull(); }

    // Metrics.
    int openConnections() const { return m_open; } //!< accepted and not yet closed
    quint64 acceptedConnections() const { return m_accepted; } //!< since start
    quint64 rejections(Reason reason) const { return m_rejections.at(static_cast<size_t>(reason)); }
    static QByteArray reasonCode(Reason reason); //!< "payload_too_large", "idle_timeout", ...
    static QList<Reason> reasons();

Q_SIGNALS:
    //! A request was refused (\a httpStatus > 0 was answered) or a connection closed by the guard
    //! (\a httpStatus 0). Never carries request contents.
    void requestRejected(Colleagues::Server::HttpGuard::Reason reason, int httpStatus);
    void openConnectionsChanged(int openConnections);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    friend class GuardConnection;
    void connectionOpened(GuardConnection *connection);
    void connectionClosed(GuardConnection *connection);
    void recordRejection(Reason reason, int httpStatus);
    void handToHttpServer(QTcpSocket *socket);
    void refuseOverCapacity(qintptr socketDescriptor);

    struct BodyRule
    {
        QByteArray method;
        QByteArray path;
        bool prefix = false;
        qint64 maxBytes = 0;
    };

    Limits m_limits;
    std::shared_ptr<ConnectionBudget> m_budget;
    QPointer<QObject> m_httpServer;
    QMetaObject::Connection m_senderMark; // guard -> m_httpServer, the newest (see setHttpServer)
    QList<BodyRule> m_bodyRules;
    QSslConfiguration m_sslConfiguration;
    QSet<GuardConnection *> m_connections;
    int m_open = 0;
    quint64 m_accepted = 0;
    std::array<quint64, reasonCount> m_rejections {};
};

} // namespace Colleagues::Server
