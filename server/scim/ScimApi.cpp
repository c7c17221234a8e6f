// SPDX-License-Identifier: MIT
#include "server/scim/ScimApi.h"

#include "core/Json.h"
#include "server/http/ApiServer.h"
#include "server/http/ApiShared.h"
#include "server/scim/ScimSchemas.h"

#include <QJsonArray>

namespace Colleagues::Server {

namespace {

const QString Prefix = QStringLiteral("/scim/v2");

//! The body of a POST, PUT or PATCH: a JSON object sent as application/scim+json or
//! application/json.
ScimResult<QJsonObject> scimBody(const HttpRequest &request)
{
    const QByteArray type = request.mediaType();
    if (type != ScimMediaType && type != "application/json") {
        return ScimError::make(415, {}, QStringLiteral("The body must be application/scim+json or application/json."));
    }
    Expected<QJsonObject> parsed = parseJsonObject(request.body);
    if (!parsed) {
        if (parsed.error().code == Error::Code::TooLong)
            return ScimError::make(413, {}, parsed.error().message);
        return ScimError::invalidSyntax(parsed.error().message);
    }
    return parsed.value();
}

//! A whole number from the query (startIndex, count); \a fallback when absent.
ScimResult<int> queryNumber(const HttpRequest &request, const QString &name, int fallback)
{
    if (!request.query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 v = request.query.queryItemValue(name, QUrl::FullyDecoded).trimmed().toLongLong(&ok);
    if (!ok)
        return ScimError::invalidValue(QStringLiteral("%1 must be a whole number.").arg(name));
    return int(qBound(qint64(-1), v, qint64(1000000000)));
}

} // namespace

ScimApi::ScimApi(ApiServer *server, Storage *storage, ApiShared *shared)
    : m_server(server)
    , m_shared(shared)
    , m_service(storage)
{
    registerRoutes();
}

template<typename F>
auto ScimApi::notifying(F &&work) -> decltype(work())
{
    // Profile changes concern every member's sync.
    return m_shared->hintingCommits(std::forward<F>(work),
                                    [](const auto &) { return std::optional<QStringList>(QStringList()); });
}

void ScimApi::registerRoutes()
{
    Router &r = m_server->router();
    // Auth::None: these routes check the provisioning token themselves, and a session token
    // does not open them.
    auto add = [this, &r](const char *method, const QString &pattern, Handler handler) {
        r.add(Route {QByteArray(method), Prefix + pattern, Route::Auth::None, Route::Execution::Worker,
                     [this, handler](const ExchangePtr &ex, const QStringList &parameters) {
                         const ScimResult<QString> token = m_service.authorize(ex->request().bearerToken());
                         if (!token)
                             return ex->respond(token.error().toResponse());
                         (this->*handler)(ex, token.value(), parameters.value(0));
                     }});
    };
    add("GET", QStringLiteral("/Users"), &ScimApi::listUsers);
    add("POST", QStringLiteral("/Users"), &ScimApi::createUser);
    add("GET", QStringLiteral("/Users/{id}"), &ScimApi::getUser);
    add("PUT", QStringLiteral("/Users/{id}"), &ScimApi::replaceUser);
    add("PATCH", QStringLiteral("/Users/{id}"), &ScimApi::patchUser);
    add("DELETE", QStringLiteral("/Users/{id}"), &ScimApi::deleteUser);
    add("GET", QStringLiteral("/ServiceProviderConfig"), &ScimApi::serviceProviderConfig);
    add("GET", QStringLiteral("/Schemas"), &ScimApi::schemas);
    add("GET", QStringLiteral("/Schemas/{id}"), &ScimApi::schema);
    add("GET", QStringLiteral("/ResourceTypes"), &ScimApi::resourceTypes);
    add("GET", QStringLiteral("/ResourceTypes/{id}"), &ScimApi::resourceType);
}

QString ScimApi::base(const HttpRequest &request) const
{
    QString scheme = m_secure ? QStringLiteral("https") : QStringLiteral("http");
    const QByteArray forwarded = request.header("x-forwarded-proto").trimmed().toLower();
    if (forwarded == "https" || forwarded == "http")
        scheme = QString::fromLatin1(forwarded);
    QString host = QString::fromLatin1(request.header("host")).trimmed();
    // Only what a host[:port] may hold reaches the answer.
    for (const QChar c : std::as_const(host)) {
        if (!(c.isLetterOrNumber() || c == u'.' || c == u'-' || c == u':' || c == u'[' || c == u']')) {
            host.clear();
            break;
        }
    }
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    return scheme + QStringLiteral("://") + host + Prefix;
}

HttpResponse ScimApi::userResponse(const HttpRequest &request, int status, const ScimUserRecord &record,
                                   bool location) const
{
    const QJsonObject resource = ScimService::resource(record, base(request));
    HttpResponse r = scimResponse(status, resource);
    r.addHeader("ETag", ScimService::etag(record));
    if (location) {
        r.addHeader(
            "Location",
            resource.value(QStringLiteral("meta")).toObject().value(QStringLiteral("location")).toString().toUtf8());
    }
    return r;
}

void ScimApi::listUsers(const ExchangePtr &ex, const QString &, const QString &)
{
    const HttpRequest &request = ex->request();
    const ScimResult<ScimUserQuery> query =
        ScimService::parseFilter(request.query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded));
    if (!query)
        return ex->respond(query.error().toResponse());
    const ScimResult<int> start = queryNumber(request, QStringLiteral("startIndex"), 1);
    if (!start)
        return ex->respond(start.error().toResponse());
    const ScimResult<int> count = queryNumber(request, QStringLiteral("count"), ScimSchemas::MaxResults);
    if (!count)
        return ex->respond(count.error().toResponse());
    // RFC 7644 3.4.2.4: a startIndex below 1 is 1, a negative count 0.
    const int startIndex = qMax(1, start.value());
    const int limit = qBound(0, count.value(), ScimSchemas::MaxResults);
    const ScimResult<ScimService::Page> page = m_service.list(query.value(), startIndex, limit);
    if (!page)
        return ex->respond(page.error().toResponse());
    const QString b = base(request);
    QJsonArray resources;
    for (const ScimUserRecord &user : page->users)
        resources.append(ScimService::resource(user, b));
    ex->respond(scimResponse(200,
                             QJsonObject {{QStringLiteral("schemas"), QJsonArray {ScimSchemas::ListResponse}},
                                          {QStringLiteral("totalResults"), page->total},
                                          {QStringLiteral("startIndex"), startIndex},
                                          {QStringLiteral("itemsPerPage"), resources.size()},
                                          {QStringLiteral("Resources"), resources}}));
}

void ScimApi::createUser(const ExchangePtr &ex, const QString &, const QString &)
{
    const ScimResult<QJsonObject> body = scimBody(ex->request());
    if (!body)
        return ex->respond(body.error().toResponse());
    const ScimResult<ScimUserRecord> created = notifying([&] { return m_service.create(body.value()); });
    if (!created)
        return ex->respond(created.error().toResponse());
    ex->respond(userResponse(ex->request(), 201, created.value(), true));
}

void ScimApi::getUser(const ExchangePtr &ex, const QString &, const QString &id)
{
    const ScimResult<ScimUserRecord> user = m_service.user(id);
    if (!user)
        return ex->respond(user.error().toResponse());
    ex->respond(userResponse(ex->request(), 200, user.value()));
}

void ScimApi::replaceUser(const ExchangePtr &ex, const QString &, const QString &id)
{
    changeUser(ex, id, &ScimService::replace);
}

void ScimApi::patchUser(const ExchangePtr &ex, const QString &, const QString &id)
{
    changeUser(ex, id, &ScimService::patch);
}

void ScimApi::changeUser(const ExchangePtr &ex, const QString &id, UserChange change)
{
    const ScimResult<QJsonObject> body = scimBody(ex->request());
    if (!body)
        return ex->respond(body.error().toResponse());
    const ScimResult<ScimUserRecord> user =
        notifying([&] { return (m_service.*change)(id, body.value(), ex->request().header("if-match")); });
    if (!user)
        return ex->respond(user.error().toResponse());
    if (!user->active)
        m_shared->sessionCache().clear(); // the account's sessions ended; none may linger here
    ex->respond(userResponse(ex->request(), 200, user.value()));
}

void ScimApi::deleteUser(const ExchangePtr &ex, const QString &, const QString &id)
{
    const ScimResult<bool> removed = notifying([&] { return m_service.remove(id, ex->request().header("if-match")); });
    if (!removed)
        return ex->respond(removed.error().toResponse());
    m_shared->sessionCache().clear();
    ex->respond(HttpResponse::empty(204));
}

void ScimApi::serviceProviderConfig(const ExchangePtr &ex, const QString &, const QString &)
{
    ex->respond(scimResponse(200, ScimSchemas::serviceProviderConfig(base(ex->request()))));
}

void ScimApi::schemas(const ExchangePtr &ex, const QString &, const QString &)
{
    ex->respond(scimResponse(200, ScimSchemas::listOf(ScimSchemas::schemas(base(ex->request())))));
}

void ScimApi::schema(const ExchangePtr &ex, const QString &, const QString &id)
{
    const std::optional<QJsonObject> found = ScimSchemas::schema(base(ex->request()), id);
    if (!found) {
        return ex->respond(
            ScimError::make(404, {}, QStringLiteral("There is no schema \"%1\".").arg(id.left(200))).toResponse());
    }
    ex->respond(scimResponse(200, *found));
}

void ScimApi::resourceTypes(const ExchangePtr &ex, const QString &, const QString &)
{
    ex->respond(scimResponse(200, ScimSchemas::listOf({ScimSchemas::userResourceType(base(ex->request()))})));
}

void ScimApi::resourceType(const ExchangePtr &ex, const QString &, const QString &id)
{
    if (id != u"User") {
        return ex->respond(
            ScimError::make(404, {}, QStringLiteral("There is no resource type \"%1\".").arg(id.left(200)))
                .toResponse());
    }
    ex->respond(scimResponse(200, ScimSchemas::userResourceType(base(ex->request()))));
}

} // namespace Colleagues::Server
