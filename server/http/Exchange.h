// SPDX-License-Identifier: MIT
#pragma once

#include "server/http/HttpRequest.h"
#include "server/http/HttpResponse.h"
#include "server/storage/Storage.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QHttpServerResponder;
class QTcpSocket;
QT_END_NAMESPACE

namespace Colleagues::Server {

class ApiServer;

/*!
 * One request and, eventually, its answer. Shared between the HTTP thread and the workers:
 * the request is an immutable copy, respond() may be called once from any thread, and the
 * held QHttpServerResponder and its socket are touched on the HTTP thread only, after
 * checking that the socket still exists (Qt HttpServer 6.4 crashes when a responder writes
 * to a socket its client already closed).
 */
class Exchange : public std::enable_shared_from_this<Exchange>
{
public:
    Exchange(ApiServer *server, HttpRequest request, QString route);
    ~Exchange();
    Exchange(const Exchange &) = delete;
    Exchange &operator=(const Exchange &) = delete;

    const HttpRequest &request() const { return m_request; }
    const QString &route() const { return m_route; }
    quint64 id() const { return m_id; }

    //! The caller's session, once authenticated (set by the server before the handler runs).
    const std::optional<Session> &session() const { return m_session; }
    const QString &username() const;
    bool isAdmin() const;
    void setSession(Session session) { m_session = std::move(session); }

    //! Sends the answer. Thread-safe; only the first call counts.
    void respond(HttpResponse response);
    bool hasResponded() const { return m_responded.load(); }
    //! True once the client went away; a held request stops waiting then.
    bool isAbandoned() const { return m_abandoned.load(); }
    //! Called on the HTTP thread when the client goes away before the answer (long-polls use it).
    void setAbandonHandler(std::function<void()> handler) { m_onAbandoned = std::move(handler); }

    ApiServer *server() const { return m_server; }

private:
    friend class ApiServer;

    ApiServer *const m_server;
    const HttpRequest m_request;
    const QString m_route;
    const quint64 m_id;
    std::optional<Session> m_session;
    std::atomic<bool> m_responded {false};
    std::atomic<bool> m_abandoned {false};
    QElapsedTimer m_timer;

    // HTTP thread only:
    std::unique_ptr<QHttpServerResponder> m_responder;
    QPointer<QTcpSocket> m_socket;
    std::optional<HttpResponse> m_response; //!< ready, waiting for earlier answers on its connection
    std::function<void()> m_onAbandoned;
};

using ExchangePtr = std::shared_ptr<Exchange>;

} // namespace Colleagues::Server
