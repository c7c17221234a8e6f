// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace Colleagues::Server {

class Exchange;
using ExchangePtr = std::shared_ptr<Exchange>;

//! One route: a method and a path pattern whose "{name}" segments capture parameters.
struct Route
{
    enum class Auth { None, Required };
    enum class Execution {
        Inline, //!< cheap and never blocking: runs on the HTTP thread
        Read, //!< one or two indexed reads: inline when reads are cheap (SQLite), else a worker
        Worker, //!< writes or heavy reads: runs on the worker pool
        //! Cheap itself, and sends its own database work to the worker pool: runs on the HTTP
        //! thread when its session is known without a read that may wait (cached, or on SQLite),
        //! else on a worker.
        Dispatch,
    };
    using Handler = std::function<void(const ExchangePtr &exchange, const QStringList &parameters)>;

    QByteArray method;
    QString pattern; //!< e.g. "/api/v1/profiles/{username}"; also the route's name in metrics and logs
    Auth auth = Auth::Required;
    Execution execution = Execution::Worker;
    Handler handler;
};

//! Matches a request to a route. A path that matches no pattern is a 404; a path that
//! matches only with other methods is a 405 listing them. Literal segments beat parameters.
class Router
{
public:
    struct Match
    {
        const Route *route = nullptr; //!< null: no route for this method (see allowed)
        QStringList parameters;
        QStringList allowed; //!< methods accepted on this path, when route is null
    };

    void add(Route route);
    Match match(const QByteArray &method, const QStringList &segments) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    struct Compiled
    {
        QStringList segments; //!< empty string marks a parameter
    };
    QList<Route> m_routes;
    QList<Compiled> m_compiled;
};

} // namespace Colleagues::Server
