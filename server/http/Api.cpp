// SPDX-License-Identifier: MIT
#include "server/http/Api.h"

#include "core/Json.h"
#include "core/Validation.h"
#include "server/accounts/PasswordHasher.h"
#include "server/http/ApiServer.h"
#include "server/http/Compression.h"
#include "server/http/JsonWriter.h"
#include "server/http/LongPollHub.h"
#include "server/http/PhotoCodec.h"
#include "server/http/PresenceService.h"
#include "server/http/RequestFields.h"
#include "server/scim/ScimApi.h"
#include "server/storage/Storage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

#include <functional>

namespace Colleagues::Server {

namespace {

const QString Prefix = QStringLiteral("/api/v1");

ApiError malformed(const QString &message, const QString &field = {})
{
    return ApiError::make(ApiError::Kind::Malformed, QStringLiteral("malformed"), message, field);
}

//! The request body as a JSON object: 415 unless JSON, 400 if malformed, 413 if too big.
ApiResult<QJsonObject> jsonBody(const HttpRequest &request)
{
    if (request.mediaType() != "application/json") {
        return ApiError::make(ApiError::Kind::UnsupportedMediaType, QStringLiteral("unsupported_media_type"),
                              QStringLiteral("The body must be JSON (Content-Type: application/json)."));
    }
    Expected<QJsonObject> parsed = parseJsonObject(request.body);
    if (!parsed) {
        const Error &e = parsed.error();
        if (e.code == Error::Code::TooLong)
            return ApiError::make(ApiError::Kind::PayloadTooLarge, QStringLiteral("payload_too_large"), e.message);
        return malformed(e.message);
    }
    return parsed.value();
}

//! `If-Match: "<revision>"`: 428 when missing, 400 when not a quoted revision.
ApiResult<qint64> ifMatchRevision(const HttpRequest &request)
{
    const QByteArray value = request.header("if-match");
    if (value.isEmpty()) {
        return ApiError::make(ApiError::Kind::PreconditionRequired, QStringLiteral("precondition_required"),
                              QStringLiteral("Send If-Match: \"<revision>\" with the revision you edited."),
                              QStringLiteral("If-Match"));
    }
    bool ok = false;
    qint64 revision = -1;
    if (value.size() >= 3 && value.startsWith('"') && value.endsWith('"'))
        revision = value.mid(1, value.size() - 2).toLongLong(&ok);
    if (!ok || revision < 0)
        return malformed(QStringLiteral("If-Match must be a quoted revision, e.g. \"12\"."),
                         QStringLiteral("If-Match"));
    return revision;
}

QByteArray quoted(const QString &tag)
{
    return '"' + tag.toLatin1() + '"';
}

//! Whether the request's If-None-Match names \a etag (weak comparison, as it asks).
bool noneMatch(const HttpRequest &request, const QByteArray &etag)
{
    const QByteArray header = request.header("if-none-match");
    return !header.isEmpty() && namesEntityTag(header, etag);
}

//! A JSON answer its client may keep: 304 when the request's If-None-Match names \a etag, else
//! \a compactJson to be revalidated before reuse; with the entity tag either way.
HttpResponse cacheableJson(const HttpRequest &request, const QByteArray &etag, const QByteArray &compactJson)
{
    HttpResponse r;
    if (noneMatch(request, etag)) {
        r = HttpResponse::empty(304);
    } else {
        r = HttpResponse::json(200, compactJson);
        r.addHeader("Cache-Control", "private, no-cache");
    }
    r.addHeader("ETag", etag);
    return r;
}

HttpResponse profileResponse(int status, const Profile &profile)
{
    HttpResponse r = HttpResponse::json(status, toJson(profile));
    r.addHeader("ETag", quoted(QString::number(profile.revision)));
    r.addHeader("Cache-Control", "private, no-cache");
    return r;
}

//! A username from the path, normalized; a name that cannot exist is simply not found (and
//! never reaches the database, which may refuse such text).
ApiResult<QString> pathUsername(const QString &segment)
{
    const QString name = segment.trimmed().toLower();
    if (Validation::checkUsername(name).isError()) {
        return ApiError::make(ApiError::Kind::NotFound, QStringLiteral("not_found"),
                              QStringLiteral("There is no user \"%1\".").arg(segment.left(64)));
    }
    return name;
}

//! The username in the path of a request that changes a profile, when \a actor may change it.
ApiResult<QString> changeableUsername(const Session &actor, const QString &segment)
{
    ApiResult<QString> name = pathUsername(segment);
    if (name && !ProfileService::mayChange(actor, name.value()))
        return ProfileService::forbidden();
    return name;
}

//! The values of the fields \a names of the request's JSON body, which holds only those, each a
//! non-empty string: jsonBody()'s errors, or 422 for an unknown, missing or not-string field.
ApiResult<QStringList> stringFields(const HttpRequest &request, const QStringList &names)
{
    const ApiResult<QJsonObject> body = jsonBody(request);
    if (!body)
        return body.error();
    if (std::optional<ApiError> e = RequestFields::rejectUnknown(body.value(), names))
        return *e;
    QStringList values;
    for (const QString &name : names) {
        const QJsonValue value = body->value(name);
        if (!value.isString() || value.toString().isEmpty()) {
            const bool missing = value.isUndefined() || value.isNull() || value.isString();
            return ApiError::make(ApiError::Kind::Invalid,
                                  missing ? QStringLiteral("required") : QStringLiteral("invalid_type"),
                                  missing ? QStringLiteral("%1 is required.").arg(name)
                                          : QStringLiteral("%1 must be a string.").arg(name),
                                  name);
        }
        values.append(value.toString());
    }
    return values;
}

//! What a sign-in or password change calls back with: a refusal is counted in \a metrics by
//! why and answered at once; a success goes to \a succeeded.
template<typename T>
std::function<void(ApiResult<T>)> answerRefusals(const ExchangePtr &ex, Metrics *metrics,
                                                 std::function<void(const T &)> succeeded)
{
    return [ex, metrics, succeeded = std::move(succeeded)](ApiResult<T> result) {
        if (result)
            return succeeded(result.value());
        if (result.error().kind == ApiError::Kind::Unauthenticated)
            metrics->countSignInFailure();
        else if (result.error().kind == ApiError::Kind::TooManyRequests)
            metrics->countThrottledSignIn();
        ex->respond(result.error().toResponse());
    };
}

std::optional<ApiError> queryInteger(const HttpRequest &request, const QString &name, qint64 min, qint64 &value)
{
    if (!request.query.hasQueryItem(name))
        return std::nullopt;
    bool ok = false;
    const qint64 v = request.query.queryItemValue(name).toLongLong(&ok);
    if (!ok || v < min)
        return malformed(QStringLiteral("%1 must be a whole number of at least %2.").arg(name).arg(min), name);
    value = v;
    return std::nullopt;
}

} // namespace

Api::Api(ApiServer *server, Storage *storage, PasswordHasher *hasher, ApiShared *shared, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_storage(storage)
    , m_ownShared(shared ? nullptr : std::make_unique<ApiShared>(storage))
    , m_shared(shared ? shared : m_ownShared.get())
    , m_sessions(
          storage, hasher, server, [server](std::function<void()> work) { server->runOnWorker(std::move(work)); },
          &m_shared->sessionCache(), &m_shared->signInGate())
    , m_profiles(storage, &m_shared->visibilityPolicy())
    , m_messages(storage)
    , m_conversations(storage)
    , m_sync(storage, &m_shared->visibilityPolicy())
    , m_status(storage)
{
    m_sessions.setDirectoryCheck(m_shared->directoryCheck());
    m_hub = std::make_unique<LongPollHub>(
        server,
        [this](const Session &viewer, qint64 cursor, int limit, const QSet<QString> &watched, bool final,
               qint64 statusesOnlyUpTo, bool acceptsGzip) {
            LongPollHub::Poll poll;
            ApiResult<SyncPage> page = syncPage(viewer, cursor, limit, statusesOnlyUpTo);
            if (!page) {
                poll.ready = true;
                poll.response = page.error().toResponse();
                return poll;
            }
            poll.next = page->next;
            if (!SyncService::isEmpty(page.value())) {
                poll.ready = SyncService::concerns(page.value(), viewer.username, watched);
                poll.hasPage = true;
                if (poll.ready || final)
                    poll.response = SyncService::toResponse(page.value(), -1, vocabularyVersion(),
                                                            acceptsGzip ? &m_shared->pageCompressor() : nullptr);
            }
            return poll;
        },
        [this](qint64 cursor) {
            // Answered where storage is not read: the version seen last will do.
            return HttpResponse::json(200, SyncService::emptyJson(cursor, m_shared->vocabulary().lastKnownVersion()));
        },
        [storage](qint64 after, qint64 upTo) { return storage->audiencesBetween(after, upTo); }, m_shared->presence());
    connect(storage, &Storage::changed, m_hub.get(), &LongPollHub::onChanged);
    // Changes that name whom they concern (this instance's at their commit, other instances'
    // by NOTIFY) wake only those users' polls.
    connect(storage, &Storage::changedFor, m_hub.get(), &LongPollHub::hint);
    m_hub->startAfter(storage->latestSequence());
    m_shared->addHub(m_hub.get());

    // Any authenticated request keeps its person connected for a while (presence).
    auto touched = [this](const ApiResult<Session> &session) {
        if (session && m_shared->presence())
            m_shared->presence()->touch(session->username);
    };
    m_server->setAuthenticator(
        [this, touched](const HttpRequest &request) {
            ApiResult<Session> session = m_sessions.authenticate(request.bearerToken());
            touched(session);
            return session;
        },
        [this, touched](const HttpRequest &request) {
            std::optional<ApiResult<Session>> session = m_sessions.authenticateCached(request.bearerToken());
            if (session)
                touched(*session);
            return session;
        });
    registerRoutes();
    m_scim = std::make_unique<ScimApi>(server, storage, m_shared);
}

Api::~Api()
{
    m_shared->removeHub(m_hub.get());
}

QString Api::vocabularyVersion(bool fresh) const
{
    VocabularyService &vocabulary = m_shared->vocabulary();
    const Expected<QString> version = fresh ? vocabulary.version() : vocabulary.recentVersion();
    return version ? version.value() : m_shared->vocabulary().lastKnownVersion();
}

void Api::releaseLongPolls()
{
    m_hub->releaseAll();
}

template<typename F>
auto Api::notifying(const QStringList &audience, F &&work) -> decltype(work())
{
    const ChangeAudience told(audience); // for the other instances (NOTIFY)
    return m_shared->hintingCommits(std::forward<F>(work),
                                    [&audience](const auto &) { return std::optional<QStringList>(audience); });
}

template<typename F>
auto Api::notifyingMembers(F &&work) -> decltype(work())
{
    // Nothing committed without a result to name whom it concerns.
    return m_shared->hintingCommits(std::forward<F>(work), [](const auto &result) -> std::optional<QStringList> {
        if (!result)
            return std::nullopt;
        return result->audience;
    });
}

void Api::registerRoutes()
{
    Router &r = m_server->router();
    using Auth = Route::Auth;
    using Exec = Route::Execution;
    auto add = [&r](const char *method, const QString &pattern, Auth auth, Exec exec, Route::Handler handler) {
        r.add(Route {QByteArray(method), pattern, auth, exec, std::move(handler)});
    };
    auto noParams = [](void (Api::*fn)(const ExchangePtr &), Api *api) {
        return [fn, api](const ExchangePtr &ex, const QStringList &) { (api->*fn)(ex); };
    };
    auto oneParam = [](void (Api::*fn)(const ExchangePtr &, const QString &), Api *api) {
        return [fn, api](const ExchangePtr &ex, const QStringList &p) { (api->*fn)(ex, p.value(0)); };
    };
    auto self = [](void (Api::*fn)(const ExchangePtr &, const QString &), Api *api) {
        return [fn, api](const ExchangePtr &ex, const QStringList &) { (api->*fn)(ex, ex->username()); };
    };

    add("GET", QStringLiteral("/healthz"), Auth::None, Exec::Read, noParams(&Api::healthz, this));
    add("GET", Prefix + QStringLiteral("/healthz"), Auth::None, Exec::Read, noParams(&Api::healthz, this));
    // Admins only on the main port; `serve --metrics-listen` serves them without a token elsewhere.
    add("GET", QStringLiteral("/metrics"), Auth::Required, Exec::Read, noParams(&Api::metrics, this));
    add("GET", Prefix + QStringLiteral("/metrics"), Auth::Required, Exec::Read, noParams(&Api::metrics, this));

    add("POST", Prefix + QStringLiteral("/session"), Auth::None, Exec::Worker, noParams(&Api::signIn, this));
    add("DELETE", Prefix + QStringLiteral("/session"), Auth::Required, Exec::Worker, noParams(&Api::signOut, this));
    add("GET", Prefix + QStringLiteral("/me"), Auth::Required, Exec::Read, noParams(&Api::me, this));
    add("PUT", Prefix + QStringLiteral("/me/password"), Auth::Required, Exec::Worker,
        noParams(&Api::changePassword, this));

    add("GET", Prefix + QStringLiteral("/profiles/me"), Auth::Required, Exec::Read, self(&Api::getProfile, this));
    add("GET", Prefix + QStringLiteral("/profiles/{username}"), Auth::Required, Exec::Read,
        oneParam(&Api::getProfile, this));
    add("PUT", Prefix + QStringLiteral("/profiles/me"), Auth::Required, Exec::Worker, self(&Api::putProfile, this));
    add("PUT", Prefix + QStringLiteral("/profiles/{username}"), Auth::Required, Exec::Worker,
        oneParam(&Api::putProfile, this));
    add("DELETE", Prefix + QStringLiteral("/profiles/{username}"), Auth::Required, Exec::Worker,
        oneParam(&Api::deleteProfile, this));
    add("PUT", Prefix + QStringLiteral("/profiles/me/photo"), Auth::Required, Exec::Worker, self(&Api::putPhoto, this));
    add("PUT", Prefix + QStringLiteral("/profiles/{username}/photo"), Auth::Required, Exec::Worker,
        oneParam(&Api::putPhoto, this));
    add("GET", Prefix + QStringLiteral("/photos/{username}"), Auth::Required, Exec::Read,
        oneParam(&Api::getPhoto, this));

    add("POST", Prefix + QStringLiteral("/messages"), Auth::Required, Exec::Worker, noParams(&Api::sendMessage, this));
    add("POST", Prefix + QStringLiteral("/conversations"), Auth::Required, Exec::Worker,
        noParams(&Api::createConversation, this));
    add("POST", Prefix + QStringLiteral("/conversations/{id}/leave"), Auth::Required, Exec::Worker,
        oneParam(&Api::leaveConversation, this));
    add("POST", Prefix + QStringLiteral("/conversations/{id}/resolve"), Auth::Required, Exec::Worker,
        oneParam(&Api::resolveConversation, this));
    add("POST", Prefix + QStringLiteral("/messages/read"), Auth::Required, Exec::Worker,
        noParams(&Api::markRead, this));
    add("GET", Prefix + QStringLiteral("/sync"), Auth::Required, Exec::Dispatch, noParams(&Api::sync, this));
    add("GET", Prefix + QStringLiteral("/me/status"), Auth::Required, Exec::Read, noParams(&Api::getStatus, this));
    add("PUT", Prefix + QStringLiteral("/me/status"), Auth::Required, Exec::Worker, noParams(&Api::putStatus, this));
    add("GET", Prefix + QStringLiteral("/vocabulary"), Auth::Required, Exec::Read, noParams(&Api::vocabulary, this));
}

// --- sessions ---------------------------------------------------------------------------

void Api::signIn(const ExchangePtr &ex)
{
    const ApiResult<QStringList> fields =
        stringFields(ex->request(), {QStringLiteral("username"), QStringLiteral("password")});
    if (!fields)
        return ex->respond(fields.error().toResponse());
    const QString &username = fields->at(0);
    const QString &password = fields->at(1);
    if (password.size() > SessionService::MaxPasswordLength || username.size() > 256) {
        return ex->respond(ApiError::make(ApiError::Kind::Invalid, QStringLiteral("too_long"),
                                          QStringLiteral("The username or password is too long."))
                               .toResponse());
    }
    m_sessions.signIn(username.trimmed().toLower(), password.toUtf8(), ex->request().peer,
                      answerRefusals<SignIn>(ex, &m_server->metrics(), [ex](const SignIn &result) {
                          const Session &s = result.session;
                          QJsonObject o {
                              {QStringLiteral("token"), QString::fromLatin1(result.token)},
                              {QStringLiteral("expires_at"), s.expiresAt.toUTC().toString(Qt::ISODate)},
                              {QStringLiteral("user"),
                               QJsonObject {{QStringLiteral("username"), s.username},
                                            {QStringLiteral("role"), roleName(s.role)},
                                            {QStringLiteral("must_change_password"), result.mustChangePassword}}},
                          };
                          HttpResponse r = HttpResponse::json(200, o);
                          r.addHeader("Cache-Control", "no-store");
                          ex->respond(r);
                      }));
}

void Api::signOut(const ExchangePtr &ex)
{
    const ApiResult<bool> done = m_sessions.signOut(ex->request().bearerToken());
    if (!done)
        return ex->respond(done.error().toResponse());
    ex->respond(HttpResponse::empty(204));
}

void Api::changePassword(const ExchangePtr &ex)
{
    const ApiResult<QStringList> fields =
        stringFields(ex->request(), {QStringLiteral("current"), QStringLiteral("new")});
    if (!fields)
        return ex->respond(fields.error().toResponse());
    const QString &current = fields->at(0);
    const QString &next = fields->at(1);
    if (current.size() > SessionService::MaxPasswordLength) {
        return ex->respond(ApiError::make(ApiError::Kind::Invalid, QStringLiteral("too_long"),
                                          QStringLiteral("The current password is too long."),
                                          QStringLiteral("current"))
                               .toResponse());
    }
    const QByteArray currentBytes = current.toUtf8();
    const QByteArray nextBytes = next.toUtf8();
    if (std::optional<ApiError> bad = SessionService::checkNewPassword(currentBytes, nextBytes))
        return ex->respond(bad->toResponse());
    m_sessions.changePassword(
        *ex->session(), currentBytes, nextBytes, ex->request().peer,
        answerRefusals<bool>(ex, &m_server->metrics(), [ex](bool) { ex->respond(HttpResponse::empty(204)); }));
}

void Api::me(const ExchangePtr &ex)
{
    const Session &s = *ex->session();
    QJsonObject o {
        {QStringLiteral("user"),
         QJsonObject {{QStringLiteral("username"), s.username}, {QStringLiteral("role"), roleName(s.role)}}}};
    const Expected<std::optional<Profile>> profile = m_storage->findProfile(s.username);
    if (!profile)
        return ex->respond(ApiError::fromStorage(profile.error()).toResponse());
    QJsonValue mine;
    if (profile.value()) {
        const ApiResult<Profile> visible = m_profiles.forReader(s, *profile.value());
        if (!visible)
            return ex->respond(visible.error().toResponse());
        mine = toJson(visible.value());
    }
    o.insert(QStringLiteral("profile"), mine);
    ex->respond(HttpResponse::json(200, o));
}

// --- profiles and photos ------------------------------------------------------------------

void Api::getProfile(const ExchangePtr &ex, const QString &username)
{
    const ApiResult<QString> name = pathUsername(username);
    if (!name)
        return ex->respond(name.error().toResponse());
    const QString &user = name.value();
    std::optional<ProfileCache::Entry> entry = m_shared->profileCache().find(user);
    if (!entry) {
        const quint64 generation = m_shared->profileCache().generation();
        const ApiResult<Profile> profile = m_profiles.profile(user);
        if (!profile)
            return ex->respond(profile.error().toResponse());
        entry = ProfileCache::Entry {profile.value()};
        m_shared->profileCache().insert(user, generation, *entry);
    }
    const ApiResult<Profile> visible = m_profiles.forReader(*ex->session(), entry->profile);
    if (!visible)
        return ex->respond(visible.error().toResponse());
    // A reader who sees less, or the owner who also sees the visibility, gets another ETag.
    QString tag = QString::number(visible->revision);
    if (!visible->withheld.isEmpty())
        tag += QStringLiteral("-w%1").arg(visible->withheld.bits());
    else if (!visible->visibility.isEmpty())
        tag += QStringLiteral("-o");
    ex->respond(cacheableJson(ex->request(), quoted(tag), JsonWriter::toJson(visible.value())));
}

void Api::putProfile(const ExchangePtr &ex, const QString &username)
{
    const ApiResult<QString> name = changeableUsername(*ex->session(), username);
    if (!name)
        return ex->respond(name.error().toResponse());
    const QString &target = name.value();
    const ApiResult<qint64> revision = ifMatchRevision(ex->request());
    if (!revision)
        return ex->respond(revision.error().toResponse());
    const ApiResult<QJsonObject> body = jsonBody(ex->request());
    if (!body)
        return ex->respond(body.error().toResponse());
    const ApiResult<Profile> saved =
        notifying({}, [&] { return m_profiles.save(*ex->session(), target, body.value(), revision.value()); });
    if (!saved) {
        HttpResponse r = saved.error().toResponse();
        if (saved.error().kind == ApiError::Kind::PreconditionFailed) {
            const qint64 current = saved.error()
                                       .extra.value(QStringLiteral("profile"))
                                       .toObject()
                                       .value(QStringLiteral("revision"))
                                       .toInteger();
            r.addHeader("ETag", quoted(QString::number(current)));
        }
        return ex->respond(r);
    }
    ex->respond(profileResponse(200, saved.value()));
}

void Api::deleteProfile(const ExchangePtr &ex, const QString &username)
{
    const ApiResult<QString> name = pathUsername(username);
    if (!name)
        return ex->respond(name.error().toResponse());
    const QString &target = name.value();
    const ApiResult<bool> removed = notifying({}, [&] { return m_profiles.remove(*ex->session(), target); });
    if (!removed)
        return ex->respond(removed.error().toResponse());
    ex->respond(HttpResponse::empty(204));
}

void Api::putPhoto(const ExchangePtr &ex, const QString &username)
{
    const ApiResult<QString> name = changeableUsername(*ex->session(), username);
    if (!name)
        return ex->respond(name.error().toResponse());
    const QString &target = name.value();
    const QByteArray type = ex->request().mediaType();
    if (type != "image/jpeg" && type != "image/png") {
        return ex->respond(ApiError::make(ApiError::Kind::UnsupportedMediaType,
                                          QStringLiteral("unsupported_media_type"),
                                          QStringLiteral("A photo must be sent as image/jpeg or image/png."),
                                          QStringLiteral("Content-Type"))
                               .toResponse());
    }
    const ApiResult<Profile> saved =
        notifying({}, [&] { return m_profiles.setPhoto(*ex->session(), target, ex->request().body); });
    if (!saved)
        return ex->respond(saved.error().toResponse());
    ex->respond(profileResponse(200, saved.value()));
}

void Api::getPhoto(const ExchangePtr &ex, const QString &username)
{
    const ApiResult<QString> name = pathUsername(username);
    if (!name)
        return ex->respond(name.error().toResponse());
    const ApiResult<Photo> photo = m_profiles.photo(*ex->session(), name.value());
    if (!photo)
        return ex->respond(photo.error().toResponse());
    const QByteArray etag = quoted(photo->tag);
    HttpResponse r;
    if (noneMatch(ex->request(), etag)) {
        r = HttpResponse::empty(304);
    } else {
        r.status = 200;
        r.contentType = photo->mimeType;
        r.body = photo->data;
    }
    r.addHeader("ETag", etag);
    r.addHeader("Cache-Control", "private, no-cache");
    ex->respond(r);
}

// --- messages ------------------------------------------------------------------------------

void Api::sendMessage(const ExchangePtr &ex)
{
    const ApiResult<QString> key = MessageService::idempotencyKey(ex->request().header("idempotency-key"));
    if (!key)
        return ex->respond(key.error().toResponse());
    const ApiResult<QJsonObject> body = jsonBody(ex->request());
    if (!body)
        return ex->respond(body.error().toResponse());
    const QString sender = ex->username();
    if (const int wait = m_shared->messageRate().secondsUntilAllowed(sender); wait > 0) {
        ApiError e = ApiError::make(ApiError::Kind::TooManyRequests, QStringLiteral("too_many_requests"),
                                    QStringLiteral("Too many messages: at most %1 a minute. Try again in %2 s.")
                                        .arg(m_shared->messageRate().perMinute())
                                        .arg(wait));
        e.retryAfterSeconds = wait;
        return ex->respond(e.toResponse());
    }
    const QString to = body->value(QStringLiteral("to")).toString().trimmed().toLower();
    const auto send = [&] { return m_messages.send(sender, key.value(), body.value()); };
    // To a conversation, the members it has when the message commits are whom it concerns.
    const bool toConversation = body->contains(QStringLiteral("conversation"));
    const ApiResult<SendOutcome> sent = toConversation ? notifyingMembers(send) : notifying({sender, to}, send);
    if (!sent)
        return ex->respond(sent.error().toResponse());
    if (!sent->duplicate) {
        m_shared->messageRate().take(sender); // a retried Idempotency-Key is not a new message
        // The send's own sequence value, in case its change signal was folded into a later one.
        m_shared->hint(sent->message.sequence, toConversation ? sent->audience : QStringList {sender, to});
    }
    // Answered only now: sendMessage() returns after the commit.
    HttpResponse r = HttpResponse::json(sent->duplicate ? 200 : 201, toJson(sent->message));
    r.addHeader("Location", (Prefix + QStringLiteral("/messages/%1").arg(sent->message.id)).toLatin1());
    ex->respond(r);
}

void Api::markRead(const ExchangePtr &ex)
{
    const ApiResult<QJsonObject> body = jsonBody(ex->request());
    if (!body)
        return ex->respond(body.error().toResponse());
    const QString reader = ex->username();
    if (body->contains(QStringLiteral("conversation"))) {
        const ApiResult<ConversationOutcome> read =
            notifyingMembers([&] { return m_conversations.markRead(reader, body.value()); });
        if (!read)
            return ex->respond(read.error().toResponse());
        hintChange(read.value());
        const ConversationMember *mine = read->conversation.member(reader);
        return ex->respond(HttpResponse::json(200,
                                              QJsonObject {{QStringLiteral("conversation"), read->conversation.id},
                                                           {QStringLiteral("up_to"), mine ? mine->readUpTo : 0}}));
    }
    const QString with = body->value(QStringLiteral("with")).toString().trimmed().toLower();
    const ApiResult<MessageService::ReadReceipt> receipt =
        notifying({reader, with}, [&] { return m_messages.markRead(reader, body.value()); });
    if (!receipt)
        return ex->respond(receipt.error().toResponse());
    ex->respond(HttpResponse::json(200,
                                   QJsonObject {{QStringLiteral("with"), receipt->with},
                                                {QStringLiteral("up_to"), receipt->upTo},
                                                {QStringLiteral("marked"), receipt->marked}}));
}

// --- conversations -------------------------------------------------------------------------

void Api::hintChange(const ConversationOutcome &outcome)
{
    // The change's own sequence value, in case its change signal was folded into a later one.
    if (outcome.status == ConversationOutcome::Status::Changed)
        m_shared->hint(outcome.conversation.sequence, outcome.audience);
}

void Api::respondConversation(const ExchangePtr &ex, const ApiResult<ConversationOutcome> &result)
{
    if (!result)
        return ex->respond(result.error().toResponse());
    hintChange(result.value());
    ex->respond(HttpResponse::json(200, toJson(result->conversation)));
}

void Api::createConversation(const ExchangePtr &ex)
{
    const ApiResult<QJsonObject> body = jsonBody(ex->request());
    if (!body)
        return ex->respond(body.error().toResponse());
    const ApiResult<ConversationOutcome> created =
        notifyingMembers([&] { return m_conversations.create(ex->username(), body.value()); });
    if (!created || created->status != ConversationOutcome::Status::Changed)
        return respondConversation(ex, created);
    hintChange(created.value());
    HttpResponse r = HttpResponse::json(201, toJson(created->conversation));
    r.addHeader("Location", (Prefix + QStringLiteral("/conversations/%1").arg(created->conversation.id)).toLatin1());
    ex->respond(r);
}

void Api::leaveConversation(const ExchangePtr &ex, const QString &id)
{
    // The body is optional: an empty one names nobody.
    ApiResult<QJsonObject> body = QJsonObject();
    if (!ex->request().body.trimmed().isEmpty())
        body = jsonBody(ex->request());
    if (!body)
        return ex->respond(body.error().toResponse());
    respondConversation(ex, notifyingMembers([&] { return m_conversations.leave(ex->username(), id, body.value()); }));
}

void Api::resolveConversation(const ExchangePtr &ex, const QString &id)
{
    const ApiResult<QJsonObject> body = jsonBody(ex->request());
    if (!body)
        return ex->respond(body.error().toResponse());
    respondConversation(ex,
                        notifyingMembers([&] { return m_conversations.resolve(ex->username(), id, body.value()); }));
}

// --- sync ----------------------------------------------------------------------------------

//! What a GET /api/v1/sync asks for, checked.
struct Api::SyncRequest
{
    qint64 since = 0;
    int limit = SyncService::DefaultLimit;
    int timeout = 0; //!< seconds
    bool idle = false;
    QSet<QString> watched;
    //! See LongPollHub::statusesOnlyUpTo(): when after since, the page is read from memory.
    qint64 statusesOnlyUpTo = -1;
};

void Api::sync(const ExchangePtr &ex)
{
    qint64 since = 0;
    qint64 limit = SyncService::DefaultLimit;
    qint64 timeout = 0;
    for (const auto &[name, min, value] : {std::tuple {QStringLiteral("since"), qint64(0), &since},
                                           std::tuple {QStringLiteral("limit"), qint64(1), &limit},
                                           std::tuple {QStringLiteral("timeout"), qint64(0), &timeout}}) {
        if (auto e = queryInteger(ex->request(), name, min, *value))
            return ex->respond(e->toResponse());
    }
    limit = qMin<qint64>(limit, SyncService::MaxLimit);
    timeout = qMin<qint64>(timeout, SyncService::MaxTimeoutSeconds);
    const ApiResult<SyncService::Presence> presence = SyncService::presenceParameter(ex->request().query);
    if (!presence)
        return ex->respond(presence.error().toResponse());
    const bool idle = presence.value() == SyncService::Presence::Idle;
    const ApiResult<QSet<QString>> watched = SyncService::watchParameter(ex->request().query);
    if (!watched)
        return ex->respond(watched.error().toResponse());

    const QString viewer = ex->username();
    if (PresenceService *tracker = m_shared->presence())
        tracker->reportSync(viewer, idle);
    SyncRequest request {since, int(limit), int(timeout), idle, watched.value()};
    // This runs on the HTTP thread when the session was known without a read that may wait
    // (Route::Execution::Dispatch), else on a worker: reads go to (or stay on) a worker.
    if (timeout == 0 || since == 0)
        return m_server->runOnWorkerFromHere([this, ex, request] { syncRead(ex, request); });
    // A long-poll that nothing the hub has seen since its cursor concerns is held without
    // reading: the page would have only other people's statuses, which wait for its answer.
    QPointer<LongPollHub> hub = m_hub.get();
    m_server->runOnHttpThreadFromHere([this, hub, ex, viewer, request]() mutable {
        LongPollHub::Watch watch;
        watch.watched = request.watched;
        watch.idle = request.idle;
        if (hub && hub->holdIfQuiet(ex, viewer, request.since, request.limit, request.timeout * 1000, watch))
            return;
        if (hub)
            request.statusesOnlyUpTo = hub->statusesOnlyUpTo(request.since, viewer);
        m_server->runOnWorker([this, ex, request] { syncRead(ex, request); });
    });
}

ApiResult<SyncPage> Api::syncPage(const Session &viewer, qint64 cursor, int limit, qint64 statusesOnlyUpTo)
{
    // Nothing but statuses is new to the viewer up to there (a long-poll woken by a watched
    // status, or timed out): the page comes from the statuses in memory.
    if (statusesOnlyUpTo <= cursor)
        return m_sync.page(viewer, cursor, limit);
    m_server->metrics().countPageFromMemory();
    return m_sync.statusPage(cursor, statusesOnlyUpTo, limit);
}

void Api::syncRead(const ExchangePtr &ex, const SyncRequest &request)
{
    const QString viewer = ex->username();
    const qint64 since = request.since;
    const ApiResult<SyncPage> page = syncPage(*ex->session(), since, request.limit, request.statusesOnlyUpTo);
    if (!page)
        return ex->respond(page.error().toResponse());
    if (SyncService::concerns(page.value(), viewer, request.watched) || request.timeout == 0) {
        // The first page of a first sync says how large the directory is (progress: n of total).
        const qint64 total = since == 0 && page->hasMore ? m_storage->profileCount() : -1;
        const bool gzip = Compression::acceptsGzip(ex->request().header("accept-encoding"));
        return ex->respond(SyncService::toResponse(page.value(), total,
                                                   vocabularyVersion(since == 0 || request.timeout == 0),
                                                   gzip ? &m_shared->pageCompressor() : nullptr));
    }

    QPointer<LongPollHub> hub = m_hub.get();
    // Other people's status changes do not end the wait: the request is held before them, and
    // they come with its answer.
    LongPollHub::Watch watch;
    watch.watched = request.watched;
    watch.idle = request.idle;
    watch.pendingPage = !SyncService::isEmpty(page.value());
    const qint64 cursor = watch.pendingPage ? since : qMax(since, page->next);
    watch.checkedUpTo = qMax(since, page->next);
    const QString version = vocabularyVersion();
    const int limit = request.limit;
    const int timeoutMs = request.timeout * 1000;
    m_server->runOnHttpThread([hub, ex, viewer, cursor, limit, timeoutMs, version, watch] {
        if (hub)
            hub->wait(ex, viewer, cursor, limit, timeoutMs, watch);
        else
            ex->respond(HttpResponse::json(200, SyncService::emptyJson(cursor, version)));
    });
}

// --- status ----------------------------------------------------------------------------------

void Api::getStatus(const ExchangePtr &ex)
{
    const Expected<Status> status = m_storage->findStatus(ex->username());
    if (!status)
        return ex->respond(ApiError::fromStorage(status.error()).toResponse());
    ex->respond(HttpResponse::json(200, toJson(status.value())));
}

void Api::putStatus(const ExchangePtr &ex)
{
    const ApiResult<QJsonObject> body = jsonBody(ex->request());
    if (!body)
        return ex->respond(body.error().toResponse());
    const QString me = ex->username();
    const ApiResult<Status> saved = notifying({statusAudience(me)}, [&] { return m_status.set(me, body.value()); });
    if (!saved)
        return ex->respond(saved.error().toResponse());
    ex->respond(HttpResponse::json(200, toJson(saved.value())));
}

// --- vocabulary ------------------------------------------------------------------------------

void Api::vocabulary(const ExchangePtr &ex)
{
    const ApiResult<VocabularyService::Document> document = m_shared->vocabulary().document();
    if (!document)
        return ex->respond(document.error().toResponse());
    const QByteArray etag = quoted(document->version);
    ex->respond(cacheableJson(ex->request(), etag, document->json));
}

// --- operations ----------------------------------------------------------------------------

void Api::healthz(const ExchangePtr &ex)
{
    // One indexed read: answers 503 when the database cannot be reached, so that a load
    // balancer takes this instance out. Public, so it tells nothing else (no version, no counts).
    const Expected<std::optional<Account>> probe = m_storage->findAccount(QStringLiteral("healthz.probe"));
    if (!probe) {
        ApiError e = ApiError::fromStorage(probe.error());
        e.extra.insert(QStringLiteral("status"), QStringLiteral("unavailable"));
        return ex->respond(e.toResponse());
    }
    ex->respond(HttpResponse::json(200, QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")}}));
}

void Api::metrics(const ExchangePtr &ex)
{
    if (!ex->isAdmin())
        return ex->respond(ApiError::make(ApiError::Kind::Forbidden, QStringLiteral("forbidden"),
                                          QStringLiteral("Only administrators may read the metrics."))
                               .toResponse());
    HttpResponse r;
    r.contentType = Metrics::contentType();
    r.body = m_server->metrics().exposition();
    ex->respond(r);
}

} // namespace Colleagues::Server
