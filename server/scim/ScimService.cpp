// SPDX-License-Identifier: MIT
#include "server/scim/ScimService.h"

#include "core/Validation.h"
#include "server/accounts/Tokens.h"
#include "server/http/HttpRequest.h"
#include "server/scim/ScimPatch.h"
#include "server/scim/ScimSchemas.h"
#include "server/storage/Storage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>

namespace Colleagues::Server {

namespace {

ScimError invalidFilter(const QString &detail)
{
    return ScimError::make(400, QStringLiteral("invalidFilter"), detail);
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// Writes are optimistic: one that lost to another (the row changed since it was read) reads and
// tries again. When many write one user at once (a provisioning burst: seven PATCHes of one user),
// each may lose several times in a row; a short pause, growing and random, lets them pass one by
// one instead of colliding again. Runs on the HTTP worker pool, never on the event loop.
constexpr int WriteAttempts = 20;

void pauseBeforeAttempt(int attempt)
{
    if (attempt == 0)
        return;
    const int ceilingMs = std::min(50, 1 << std::min(attempt, 6));
    QThread::msleep(1 + QRandomGenerator::global()->bounded(ceilingMs));
}

} // namespace

ScimService::ScimService(Storage *storage)
    : m_storage(storage)
{ }

ScimResult<QString> ScimService::authorize(const QByteArray &bearerToken) const
{
    const auto unauthorized = [] {
        return ScimError::make(401, {},
                               QStringLiteral("Send a provisioning token (colleagues-server scim-token create NAME) "
                                              "as Authorization: Bearer TOKEN."));
    };
    if (bearerToken.isEmpty() || bearerToken.size() > 512)
        return unauthorized();
    const Expected<std::optional<QString>> name = m_storage->scim().findScimToken(Tokens::hash(bearerToken));
    if (!name)
        return ScimError::fromStorage(name.error());
    if (!name.value())
        return unauthorized();
    return *name.value();
}

ScimResult<ScimUserQuery> ScimService::parseFilter(const QString &filterText)
{
    ScimUserQuery query;
    QString text = filterText.trimmed();
    if (text.isEmpty())
        return query;
    // attribute, operator, then a JSON string; '+' stands for a space where a client encoded
    // the query as a form.
    const qsizetype quote = text.indexOf(QLatin1Char('"'));
    if (quote < 0)
        return invalidFilter(QStringLiteral("Only filters of the form userName eq \"name\" or externalId eq \"id\" "
                                            "are supported."));
    QString head = text.left(quote);
    head.replace(QLatin1Char('+'), QLatin1Char(' '));
    const QStringList words = head.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString attribute = words.value(0);
    for (const QString &urn : {ScimSchemas::User}) {
        if (attribute.startsWith(urn + QLatin1Char(':'), Qt::CaseInsensitive))
            attribute = attribute.mid(urn.size() + 1);
    }
    if (words.size() != 2 || words.at(1).compare(u"eq", Qt::CaseInsensitive) != 0) {
        return invalidFilter(QStringLiteral("Only filters of the form userName eq \"name\" or externalId eq \"id\" "
                                            "are supported."));
    }
    if (attribute.compare(u"userName", Qt::CaseInsensitive) == 0)
        query.by = ScimUserQuery::By::Username;
    else if (attribute.compare(u"externalId", Qt::CaseInsensitive) == 0)
        query.by = ScimUserQuery::By::ExternalId;
    else
        return invalidFilter(
            QStringLiteral("Filtering by %1 is not supported; use userName or externalId.").arg(attribute.left(100)));
    QJsonParseError error;
    const QJsonDocument literal = QJsonDocument::fromJson(QByteArray('[' + text.mid(quote).toUtf8() + ']'), &error);
    if (error.error != QJsonParseError::NoError || literal.array().size() != 1 || !literal.array().at(0).isString())
        return invalidFilter(QStringLiteral("The filter's value must be one JSON string, e.g. \"ada\"."));
    query.value = literal.array().at(0).toString();
    if (query.by == ScimUserQuery::By::Username) {
        // userName is not case-exact: compare as the server stores usernames.
        const ScimResult<QString> normalized = ScimUser::normalizedUsername(query.value);
        query.value = normalized ? normalized.value() : QString();
    }
    return query;
}

ScimResult<ScimService::Page> ScimService::list(const ScimUserQuery &query, int startIndex, int count) const
{
    Page page;
    if (query.by == ScimUserQuery::By::Username && query.value.isEmpty())
        return page; // a userName that cannot exist
    if (query.by == ScimUserQuery::By::ExternalId
        && Validation::checkSingleLine(query.value, QStringLiteral("externalId"), ScimUser::MaxIdLength))
        return page; // an externalId that cannot be stored
    const Expected<QList<ScimUserRecord>> users =
        m_storage->scim().scimUsers(query, qMax(1, startIndex) - 1, count, &page.total);
    if (!users)
        return ScimError::fromStorage(users.error());
    page.users = users.value();
    return page;
}

ScimResult<ScimUserRecord> ScimService::user(const QString &id) const
{
    if (!ScimUser::isPossibleId(id))
        return ScimError::notFound(id); // never reaches the database, which may refuse such text
    const Expected<std::optional<ScimUserRecord>> found = m_storage->scim().findScimUser(id);
    if (!found)
        return ScimError::fromStorage(found.error());
    if (!found.value())
        return ScimError::notFound(id);
    return *found.value();
}

ScimResult<ScimUserRecord> ScimService::current(const QString &id, const QByteArray &ifMatch) const
{
    ScimResult<ScimUserRecord> record = user(id);
    if (record && !ifMatch.isEmpty() && !namesEntityTag(ifMatch, etag(record.value()))) {
        return ScimError::make(412, {},
                               QStringLiteral("The user changed: it is now at version %1.")
                                   .arg(QString::fromLatin1(etag(record.value()))));
    }
    return record;
}

ScimResult<QString> ScimService::managerUsername(const QString &managerId) const
{
    if (managerId.isEmpty())
        return QString();
    if (ScimUser::isPossibleId(managerId)) {
        const Expected<std::optional<ScimUserRecord>> byId = m_storage->scim().findScimUser(managerId);
        if (!byId)
            return ScimError::fromStorage(byId.error());
        if (byId.value())
            return byId.value()->username;
    }
    QList<ScimUserQuery> others {{ScimUserQuery::By::ExternalId, managerId}};
    if (const ScimResult<QString> name = ScimUser::normalizedUsername(managerId))
        others.append({ScimUserQuery::By::Username, name.value()});
    for (const ScimUserQuery &query : std::as_const(others)) {
        qint64 total = 0;
        const Expected<QList<ScimUserRecord>> found = m_storage->scim().scimUsers(query, 0, 1, &total);
        if (!found)
            return ScimError::fromStorage(found.error());
        if (!found->isEmpty())
            return found->constFirst().username;
    }
    return QString();
}

ScimResult<Profile> ScimService::profileOf(const QString &username, const ScimUser &user) const
{
    const ScimResult<QString> manager = managerUsername(user.managerId);
    if (!manager)
        return manager.error();
    return user.profile(username, manager.value());
}

ScimResult<bool> ScimService::syncProfile(const ScimUserRecord &record, const Profile &profile)
{
    if (!record.active) {
        const Expected<bool> removed = m_storage->removeProfile(record.username);
        if (!removed)
            return ScimError::fromStorage(removed.error());
        return true;
    }
    // Optimistic: what the member edits (bio, skills, interests, time zone, photo, visibility)
    // is read and written back unchanged; a member's save in between makes it read again.
    for (int attempt = 0; attempt < WriteAttempts; ++attempt) {
        pauseBeforeAttempt(attempt);
        const Expected<std::optional<Profile>> stored = m_storage->findProfile(record.username);
        if (!stored)
            return ScimError::fromStorage(stored.error());
        Profile next = profile;
        qint64 expected = 0;
        if (const std::optional<Profile> &live = stored.value()) {
            next.bio = live->bio;
            next.skills = live->skills;
            next.interests = live->interests;
            next.timeZone = live->timeZone;
            expected = live->revision;
        }
        const Expected<SaveOutcome> saved = m_storage->saveProfile(next, expected, true);
        if (!saved)
            return ScimError::fromStorage(saved.error());
        if (saved->status == SaveOutcome::Status::Saved)
            return true;
    }
    return ScimError::make(409, {}, QStringLiteral("The profile kept changing while it was written; try again."));
}

ScimResult<ScimUserRecord> ScimService::create(const QJsonObject &resource)
{
    const ScimResult<ScimUser> user = ScimUser::fromJson(resource);
    if (!user)
        return user.error();
    const ScimResult<QString> username = ScimUser::normalizedUsername(user->userName);
    if (!username)
        return username.error();
    const ScimResult<Profile> profile = profileOf(username.value(), user.value());
    if (!profile)
        return profile.error();

    ScimUserRecord record;
    record.username = username.value();
    record.externalId = user->externalId;
    record.managerId = user->managerId;
    record.attributes = QJsonDocument(user->toJson()).toJson(QJsonDocument::Compact);
    record.active = user->active;
    const Expected<ScimUserRecord> created = m_storage->scim().createScimUser(record);
    if (!created) {
        if (created.error().code == Error::Code::Duplicate) {
            return ScimError::make(409, QStringLiteral("uniqueness"),
                                   QStringLiteral("userName \"%1\" is taken.").arg(record.username));
        }
        return ScimError::fromStorage(created.error());
    }
    if (const ScimResult<bool> synced = syncProfile(created.value(), profile.value()); !synced)
        return synced.error();
    return created.value();
}

ScimResult<ScimUserRecord> ScimService::change(const QString &id, const QByteArray &ifMatch,
                                               const std::function<ScimResult<ScimUser>(const ScimUserRecord &)> &next)
{
    for (int attempt = 0; attempt < WriteAttempts; ++attempt) {
        pauseBeforeAttempt(attempt);
        const ScimResult<ScimUserRecord> record = current(id, ifMatch);
        if (!record)
            return record.error();
        const ScimResult<ScimUser> user = next(record.value());
        if (!user)
            return user.error();
        const ScimResult<std::optional<ScimUserRecord>> stored = update(record.value(), user.value());
        if (!stored)
            return stored.error();
        if (stored.value())
            return *stored.value();
    }
    return ScimError::make(409, {}, QStringLiteral("The user kept changing while it was written; try again."));
}

ScimResult<std::optional<ScimUserRecord>> ScimService::update(const ScimUserRecord &record, const ScimUser &user)
{
    const ScimResult<QString> username = ScimUser::normalizedUsername(user.userName);
    if (!username)
        return username.error();
    if (username.value() != record.username) {
        return ScimError::make(400, QStringLiteral("mutability"),
                               QStringLiteral("userName cannot be changed (from \"%1\" to \"%2\"); provision a new "
                                              "user instead.")
                                   .arg(record.username, username.value()));
    }
    const ScimResult<Profile> profile = profileOf(record.username, user);
    if (!profile)
        return profile.error();
    ScimUserRecord next = record;
    next.externalId = user.externalId;
    next.managerId = user.managerId;
    next.attributes = QJsonDocument(user.toJson()).toJson(QJsonDocument::Compact);
    next.active = user.active;
    const Expected<std::optional<ScimUserRecord>> stored = m_storage->scim().updateScimUser(next);
    if (!stored)
        return ScimError::fromStorage(stored.error());
    if (!stored.value())
        return std::optional<ScimUserRecord>(); // changed or deleted meanwhile
    if (const ScimResult<bool> synced = syncProfile(*stored.value(), profile.value()); !synced)
        return synced.error();
    return stored.value();
}

ScimResult<ScimUserRecord> ScimService::replace(const QString &id, const QJsonObject &resource,
                                                const QByteArray &ifMatch)
{
    return change(id, ifMatch, [&resource](const ScimUserRecord &record) {
        ScimResult<ScimUser> user = ScimUser::fromJson(resource);
        // A PUT that leaves active out neither deactivates nor brings back.
        if (user && !user->activeGiven) {
            ScimUser kept = user.value();
            kept.active = record.active;
            return ScimResult<ScimUser>(kept);
        }
        return user;
    });
}

ScimResult<ScimUserRecord> ScimService::patch(const QString &id, const QJsonObject &request, const QByteArray &ifMatch)
{
    return change(id, ifMatch, [&request](const ScimUserRecord &record) -> ScimResult<ScimUser> {
        QJsonObject before = QJsonDocument::fromJson(record.attributes).object();
        before.insert(QStringLiteral("active"), record.active);
        const ScimResult<QJsonObject> after = ScimPatch::apply(before, request);
        if (!after)
            return after.error();
        return ScimUser::fromJson(after.value());
    });
}

ScimResult<bool> ScimService::remove(const QString &id, const QByteArray &ifMatch)
{
    const ScimResult<ScimUserRecord> record = current(id, ifMatch);
    if (!record)
        return record.error();
    // The profile first: a failure after it leaves a user that a retry deletes.
    const Expected<bool> removedProfile = m_storage->removeProfile(record->username);
    if (!removedProfile)
        return ScimError::fromStorage(removedProfile.error());
    const Expected<bool> deleted = m_storage->scim().deleteScimUser(id);
    if (!deleted)
        return ScimError::fromStorage(deleted.error());
    if (!deleted.value())
        return ScimError::notFound(id);
    return true;
}

QJsonObject ScimService::resource(const ScimUserRecord &record, const QString &base)
{
    QJsonObject o = QJsonDocument::fromJson(record.attributes).object();
    o.insert(QStringLiteral("id"), record.id);
    o.insert(QStringLiteral("active"), record.active);
    const QString location = base + QStringLiteral("/Users/") + record.id;
    o.insert(QStringLiteral("meta"),
             QJsonObject {{QStringLiteral("resourceType"), QStringLiteral("User")},
                          {QStringLiteral("created"), iso(record.created)},
                          {QStringLiteral("lastModified"), iso(record.lastModified)},
                          {QStringLiteral("location"), location},
                          {QStringLiteral("version"), QString::fromLatin1(etag(record))}});
    const QString ext = ScimSchemas::EnterpriseUser;
    if (o.value(ext).isObject()) {
        QJsonObject extension = o.value(ext).toObject();
        QJsonObject manager = extension.value(QStringLiteral("manager")).toObject();
        if (!manager.isEmpty()) {
            manager.insert(QStringLiteral("$ref"), base + QStringLiteral("/Users/") + record.managerId);
            extension.insert(QStringLiteral("manager"), manager);
            o.insert(ext, extension);
        }
    }
    return o;
}

QByteArray ScimService::etag(const ScimUserRecord &record)
{
    return "W/\"" + QByteArray::number(record.version) + '"';
}

} // namespace Colleagues::Server
