// SPDX-License-Identifier: MIT
#include "server/http/ApiServer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>

#include <exception>

Q_LOGGING_CATEGORY(lcHttp, "colleagues.server.http")

namespace Colleagues::Server {

namespace {

// The status a request gets in metrics and the access log when its client left first.
constexpr int ClientClosedRequest = 499;

QString peerText(const QHostAddress &address)
{
    QHostAddress a = address;
    bool ok = false;
    const quint32 v4 = a.toIPv4Address(&ok);
    if (ok)
        a = QHostAddress(v4);
    return a.toString();
}

// Only the path and the known, secret-free sync parameters reach the log: a token
// mistakenly put in a URL must not be written anywhere.
QString loggedTarget(const HttpRequest &request)
{
    QString target = request.path;
    QStringList kept;
    for (const char *key : {"since", "limit", "timeout", "presence"}) {
        const QString k = QString::fromLatin1(key);
        if (request.query.hasQueryItem(k))
            kept.append(k + QLatin1Char('=') + request.query.queryItemValue(k).left(24));
    }
    if (!kept.isEmpty())
        target += QLatin1Char('?') + kept.join(QLatin1Char('&'));
    return target;
}

} // namespace

ApiServer::ApiServer(Metrics *metrics, QThreadPool *pool, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_ownMetrics(metrics ? nullptr : std::make_unique<Metrics>())
    , m_metrics(metrics ? metrics : m_ownMetrics.get())
    , m_ownPool(pool ? nullptr : std::make_unique<QThreadPool>())
    , m_pool(pool ? pool : m_ownPool.get())
{
    if (m_ownPool) {
        // Workers keep their database connection for the server's lifetime.
        m_ownPool->setExpiryTimeout(-1);
        m_ownPool->setMaxThreadCount(qMax(4, QThread::idealThreadCount() * 2));
    }
}

ApiServer::~ApiServer()
{
    // A job may still come back to this server (runOnHttpThread); the pool may be shared.
    waitForWorkers();
    m_metrics->addOpenConnections(-int(m_connections.size()));
}

void ApiServer::setWorkerCount(int count)
{
    m_pool->setMaxThreadCount(qMax(1, count));
}

void ApiServer::runOnWorker(std::function<void()> work, Urgency urgency)
{
    m_metrics->addQueuedJobs(1);
    QElapsedTimer queued;
    queued.start();
    m_pool->start(
        [metrics = m_metrics, queued, work = std::move(work)] {
            metrics->addQueuedJobs(-1);
            metrics->recordQueueWait(double(queued.nsecsElapsed()) / 1e9);
            work();
        },
        int(urgency));
}

void ApiServer::runOnHttpThread(std::function<void()> work)
{
    QMetaObject::invokeMethod(this, std::move(work), Qt::QueuedConnection);
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Copy what we need now: Qt reuses its request object for the connection's next request.
    HttpRequest copy = HttpRequest::from(request);
    if (!m_trustedProxies.isEmpty())
        copy.peer = m_trustedProxies.clientAddress(copy.peer, copy.header("x-forwarded-for"));
    const Router::Match match = m_router.match(copy.method, copy.segments);
    QString routeName = match.route ? match.route->pattern : QStringLiteral("unmatched");
    auto exchange = std::make_shared<Exchange>(this, std::move(copy), std::move(routeName));
    exchange->m_responder = std::make_unique<QHttpServerResponder>(makeResponder(request, socket));
    exchange->m_socket = socket;

    auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        it = m_connections.insert(socket, Connection {});
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { connectionClosed(socket); });
        connect(socket, &QObject::destroyed, this, [this, socket] {
            connectionClosed(socket);
            if (m_connections.remove(socket))
                m_metrics->addOpenConnections(-1);
        });
        m_metrics->addOpenConnections(1);
    }
    it->inFlight.append(exchange);

    if (m_shuttingDown) {
        exchange->respond(ApiError::make(ApiError::Kind::Unavailable, QStringLiteral("shutting_down"),
                                         QStringLiteral("The server is shutting down."))
                              .toResponse());
    } else if (!match.route) {
        ApiError error;
        if (match.allowed.isEmpty()) {
            error = ApiError::make(ApiError::Kind::NotFound, QStringLiteral("not_found"),
                                   QStringLiteral("There is no such resource: %1.").arg(exchange->request().path));
        } else {
            error = ApiError::make(
                ApiError::Kind::MethodNotAllowed, QStringLiteral("method_not_allowed"),
                QStringLiteral("%1 is not allowed here; allowed: %2.")
                    .arg(QString::fromLatin1(exchange->request().method), match.allowed.join(QStringLiteral(", "))));
            error.allow = match.allowed;
        }
        exchange->respond(error.toResponse());
    } else {
        const Route *route = match.route;
        const QStringList parameters = match.parameters;
        // known: the session when it was found before (on the HTTP thread, cached)
        auto run = [this, exchange, route, parameters](std::optional<ApiResult<Session>> known) {
            try {
                if (route->auth == Route::Auth::Required) {
                    ApiResult<Session> session = known ? std::move(*known) : authenticate(exchange->request());
                    if (!session) {
                        exchange->respond(session.error().toResponse());
                        return;
                    }
                    exchange->setSession(session.value());
                }
                route->handler(exchange, parameters);
            } catch (const std::exception &e) {
                qCCritical(lcHttp) << "handler for" << route->pattern << "failed:" << e.what();
                HttpResponse r = HttpResponse::json(
                    500, QByteArrayLiteral(R"({"error":{"code":"internal","message":"Internal server error."}})"));
                exchange->respond(r);
            }
        };
        // A dispatching route runs here unless its session needs a read that may wait (not
        // cached, on PostgreSQL).
        const bool dispatch = route->execution == Route::Execution::Dispatch;
        std::optional<ApiResult<Session>> known;
        if (dispatch && !m_inlineReads && route->auth == Route::Auth::Required && m_cachedAuthenticator)
            known = m_cachedAuthenticator(exchange->request());
        const bool inlineRun = route->execution == Route::Execution::Inline
            || ((route->execution == Route::Execution::Read || dispatch) && m_inlineReads)
            || (dispatch && (known || route->auth == Route::Auth::None));
        if (inlineRun)
            run(std::move(known));
        else if (exchange->request().method == "GET")
            runOnWorker([run] { run(std::nullopt); });
        else // a write: what others wait for (a message to deliver) queues before reads
            runOnWorker([run] { run(std::nullopt); }, Urgency::Now);
    }
    return true;
}

ApiResult<Session> ApiServer::authenticate(const HttpRequest &request) const
{
    if (m_authenticator)
        return m_authenticator(request);
    return ApiError::make(ApiError::Kind::Unauthenticated, QStringLiteral("unauthorized"),
                          QStringLiteral("Sign in first."));
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() always answers; this only satisfies the interface.
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(QByteArrayLiteral(R"({"error":{"code":"not_found","message":"Not found."}})"), "application/json",
                    QHttpServerResponder::StatusCode::NotFound);
}

void ApiServer::complete(const ExchangePtr &exchange, HttpResponse response)
{
    exchange->m_response = std::move(response);
    QTcpSocket *socket = exchange->m_socket.data();
    if (!socket || !m_connections.contains(socket)) {
        // The client went away (and Qt deleted its socket): nothing to write to.
        finish(*exchange, *exchange->m_response, false);
        return;
    }
    flush(socket);
}

void ApiServer::flush(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    // Qt 6.4 hands us pipelined requests before earlier ones are answered; answer in order.
    while (!it->inFlight.isEmpty() && it->inFlight.first()->m_response) {
        ExchangePtr head = it->inFlight.takeFirst();
        write(*head, *head->m_response);
        it = m_connections.find(socket); // write() may close the connection
        if (it == m_connections.end())
            return;
    }
}

void ApiServer::write(Exchange &exchange, const HttpResponse &response)
{
    QTcpSocket *socket = exchange.m_socket.data();
    const bool open = socket && socket->state() == QAbstractSocket::ConnectedState && socket->isOpen();
    if (!open || !exchange.m_responder) {
        finish(exchange, response, false);
        return;
    }
    QHttpServerResponder &responder = *exchange.m_responder;
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (!response.contentType.isEmpty())
        responder.writeHeader(QByteArrayLiteral("Content-Type"), response.contentType);
    for (const auto &header : response.headers)
        responder.writeHeader(header.first, header.second);
    if (response.status != 304 && response.status != 204)
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
    const bool close = exchange.request().wantsClose() || m_shuttingDown;
    if (close)
        responder.writeHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    responder.writeBody(response.body);
    exchange.m_responder.reset();
    finish(exchange, response, true);
    if (close)
        socket->disconnectFromHost();
}

void ApiServer::finish(Exchange &exchange, const HttpResponse &response, bool delivered)
{
    exchange.m_responder.reset();
    const int status = delivered ? response.status : ClientClosedRequest;
    const double seconds = double(exchange.m_timer.nsecsElapsed()) / 1e9;
    m_metrics->recordRequest(exchange.route(), exchange.request().method, status, seconds);
    if (delivered)
        m_metrics->addBodyBytes(response.body.size());
    if (lcHttp().isInfoEnabled()) {
        const QString user = exchange.session() ? exchange.session()->username : QStringLiteral("-");
        qCInfo(lcHttp).noquote() << QStringLiteral("%1 %2 \"%3 %4\" %5 %6 %7ms")
                                        .arg(peerText(exchange.request().peer), user,
                                             QString::fromLatin1(exchange.request().method),
                                             loggedTarget(exchange.request()))
                                        .arg(status)
                                        .arg(response.body.size())
                                        .arg(seconds * 1000.0, 0, 'f', 1);
    }
}

void ApiServer::connectionClosed(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    const QList<ExchangePtr> pending = it->inFlight;
    for (const ExchangePtr &exchange : pending) {
        if (exchange->m_abandoned.exchange(true))
            continue;
        // Moved out first: the handler may clear the exchange's handler while it runs.
        const std::function<void()> handler = std::exchange(exchange->m_onAbandoned, {});
        if (handler)
            handler();
    }
}

void ApiServer::shutdown(int timeoutMs)
{
    m_shuttingDown = true;
    const QList<QTcpServer *> listeners = servers();
    for (QTcpServer *listener : listeners)
        listener->close();
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_pool->waitForDone(20) && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    // Let the last answers leave before the sockets go.
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        QTcpSocket *socket = it.key();
        if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() > 0)
            socket->waitForBytesWritten(qMax(qint64(1), deadline.remainingTime()));
    }
}

} // namespace Colleagues::Server
