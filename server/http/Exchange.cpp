// SPDX-License-Identifier: MIT
#include "server/http/Exchange.h"

#include "server/http/ApiServer.h"
#include "server/http/Compression.h"

#include <QHttpServerResponder>
#include <QThread>

namespace Colleagues::Server {

namespace {
std::atomic<quint64> g_nextId {1};
} // namespace

Exchange::Exchange(ApiServer *server, HttpRequest request, QString route)
    : m_server(server)
    , m_request(std::move(request))
    , m_route(std::move(route))
    , m_id(g_nextId.fetch_add(1, std::memory_order_relaxed))
{
    m_timer.start();
}

Exchange::~Exchange() = default;

const QString &Exchange::username() const
{
    static const QString none;
    return m_session ? m_session->username : none;
}

bool Exchange::isAdmin() const
{
    return m_session && m_session->role == Role::Admin;
}

void Exchange::respond(HttpResponse response)
{
    if (m_responded.exchange(true))
        return;
    // On the answering thread (a worker for sync pages), not the HTTP thread.
    Compression::compressIfAccepted(m_request, response);
    ExchangePtr self = shared_from_this();
    if (QThread::currentThread() == m_server->thread()) {
        m_server->complete(self, std::move(response));
        return;
    }
    ApiServer *server = m_server;
    QMetaObject::invokeMethod(
        server,
        [server, self, response = std::move(response)]() mutable { server->complete(self, std::move(response)); },
        Qt::QueuedConnection);
}

} // namespace Colleagues::Server
