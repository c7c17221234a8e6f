// SPDX-License-Identifier: MIT
#pragma once

#include "server/http/ApiError.h"
#include "server/http/Exchange.h"
#include "server/http/Metrics.h"
#include "server/http/Router.h"
#include "server/http/TrustedProxies.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QList>
#include <QThread>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>

namespace Colleagues::Server {

/*!
 * The HTTP transport: a QAbstractHttpServer that routes requests itself (Qt 6.4's
 * handleRequest), runs handlers that touch the database on a worker pool, and answers
 * through held responders, in request order per connection, never to a closed socket.
 * It knows nothing of the API itself; Api registers the routes.
 */
class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    //! Checks a request's bearer token; runs on a worker. Returns the session or a 401.
    using Authenticator = std::function<ApiResult<Session>(const HttpRequest &request)>;
    //! The same without reading the database, on the HTTP thread: nothing when it would have
    //! to read (a session not cached).
    using CachedAuthenticator = std::function<std::optional<ApiResult<Session>>(const HttpRequest &request)>;

    //! \a metrics and \a pool may be shared by several servers (one per HTTP thread); when
    //! null, the server makes its own.
    explicit ApiServer(Metrics *metrics = nullptr, QThreadPool *pool = nullptr, QObject *parent = nullptr);
    ~ApiServer() override;

    Router &router() { return m_router; }
    Metrics &metrics() { return *m_metrics; }
    void setAuthenticator(Authenticator authenticator, CachedAuthenticator cached = {})
    {
        m_authenticator = std::move(authenticator);
        m_cachedAuthenticator = std::move(cached);
    }
    void setWorkerCount(int count);
    //! Whether Route::Execution::Read handlers (and token checks) run on the HTTP thread. True
    //! for SQLite, where an indexed read takes microseconds and never waits for a writer (WAL);
    //! false for PostgreSQL, where every read is a network round trip.
    void setInlineReads(bool inlineReads) { m_inlineReads = inlineReads; }
    //! Requests from these proxies count as coming from the client X-Forwarded-For names.
    void setTrustedProxies(TrustedProxies proxies) { m_trustedProxies = std::move(proxies); }

    //! Which of the jobs queued for the worker pool starts first when every worker is busy.
    enum class Urgency {
        Later, //!< answers that may wait a little: a timed-out long-poll's page
        Normal,
        Now, //!< writes, and the reads that deliver what a write changed for its audience
    };
    //! Runs \a work on the worker pool (database work, JSON building).
    void runOnWorker(std::function<void()> work, Urgency urgency = Urgency::Normal);
    //! Runs \a work on the HTTP thread, soon.
    void runOnHttpThread(std::function<void()> work);
    //! Whether the caller runs on this server's HTTP thread (a Route::Execution::Dispatch
    //! handler runs there or on a worker).
    bool onHttpThread() const { return QThread::currentThread() == thread(); }
    //! Runs \a work now when called on a worker, else queues it for one.
    void runOnWorkerFromHere(std::function<void()> work, Urgency urgency = Urgency::Normal)
    {
        if (onHttpThread())
            runOnWorker(std::move(work), urgency);
        else
            work();
    }
    //! Runs \a work now when called on the HTTP thread, else queues it there.
    void runOnHttpThreadFromHere(std::function<void()> work)
    {
        if (onHttpThread())
            work();
        else
            runOnHttpThread(std::move(work));
    }

    //! Stops taking connections and waits (up to \a timeoutMs) for running handlers, writing
    //! their answers, so that a terminating server leaves no request half done.
    void shutdown(int timeoutMs = 10000);
    //! Waits until the worker pool has run every job queued so far (the pool may be shared with
    //! other servers: theirs too). From this server's thread, before what those jobs use goes:
    //! nothing of this thread queues more meanwhile.
    void waitForWorkers() { m_pool->waitForDone(); }

    int openConnections() const { return int(m_connections.size()); }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    friend class Exchange;
    struct Connection
    {
        QList<ExchangePtr> inFlight; //!< in request order; answers leave in this order
    };

    void dispatch(const ExchangePtr &exchange);
    void complete(const ExchangePtr &exchange, HttpResponse response);
    ApiResult<Session> authenticate(const HttpRequest &request) const;
    void flush(QTcpSocket *socket);
    void write(Exchange &exchange, const HttpResponse &response);
    void finish(Exchange &exchange, const HttpResponse &response, bool delivered);
    void connectionClosed(QTcpSocket *socket);

    Router m_router;
    std::unique_ptr<Metrics> m_ownMetrics;
    Metrics *m_metrics;
    Authenticator m_authenticator;
    CachedAuthenticator m_cachedAuthenticator;
    std::unique_ptr<QThreadPool> m_ownPool;
    QThreadPool *m_pool;
    QHash<QTcpSocket *, Connection> m_connections;
    bool m_shuttingDown = false;
    bool m_inlineReads = false;
    TrustedProxies m_trustedProxies;
};

} // namespace Colleagues::Server
