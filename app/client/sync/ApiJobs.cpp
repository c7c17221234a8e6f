// SPDX-License-Identifier: MIT
// Answer parsing of the request types declared in SignInJob.h, ProfileJobs.h, MessageJobs.h,
// StatusJob.h and VocabularyJob.h.
#include "client/sync/MessageJobs.h"
#include "client/sync/ProfileJobs.h"
#include "client/sync/SignInJob.h"
#include "client/sync/StatusJob.h"
#include "client/sync/VocabularyJob.h"
#include "core/Json.h"

#include <QJsonObject>

namespace Colleagues {

namespace {

QJsonObject innerObject(const QJsonObject &o, const QString &key)
{
    const QJsonValue inner = o.value(key);
    return inner.isObject() ? inner.toObject() : o;
}

ApiError fromCoreError(const Error &e)
{
    return ApiError::protocol(e.field.isEmpty() ? e.message : e.field + QStringLiteral(": ") + e.message);
}

} // namespace

ApiError SignInJob::parse(const QByteArray &body)
{
    const Expected<QJsonObject> doc = parseJsonObject(body);
    if (!doc)
        return fromCoreError(doc.error());
    const QJsonObject o = *doc;
    m_token = o.value(QStringLiteral("token")).toString().toUtf8();
    if (m_token.isEmpty())
        return ApiError::protocol(QStringLiteral("sign-in answer without a token"));
    // {"token", "expires_at", "user": {"username", "role"}}
    const QJsonObject user = o.value(QStringLiteral("user")).toObject();
    if (const QString name = user.value(QStringLiteral("username")).toString(); !name.isEmpty())
        m_username = name;
    m_mustChangePassword = user.value(QStringLiteral("must_change_password")).toBool();
    m_expiresAt = QDateTime::fromString(o.value(QStringLiteral("expires_at")).toString(), Qt::ISODateWithMs);
    return {};
}

Expected<Profile> profileFromAnswer(const QByteArray &body)
{
    const Expected<QJsonObject> doc = parseJsonObject(body);
    if (!doc)
        return doc.error();
    return profileFromJson(innerObject(*doc, QStringLiteral("profile")));
}

ApiError StatusJob::parse(const QByteArray &body)
{
    const Expected<QJsonObject> doc = parseJsonObject(body);
    if (!doc)
        return fromCoreError(doc.error());
    Expected<Status> status = statusFromJson(*doc);
    if (!status)
        return fromCoreError(status.error());
    m_status = std::move(status).value();
    return {};
}

ApiError ProfileAnswerJob::parse(const QByteArray &body)
{
    Expected<Profile> p = profileFromAnswer(body);
    if (!p)
        return fromCoreError(p.error());
    m_profile = std::move(p).value();
    return {};
}

void SaveProfileJob::parseError(ApiError &error, const QByteArray &body)
{
    if (error.httpStatus != 412)
        return;
    const Expected<QJsonObject> doc = parseJsonObject(body);
    if (!doc || !doc->value(QStringLiteral("profile")).isObject())
        return;
    if (Expected<Profile> p = profileFromJson(doc->value(QStringLiteral("profile")).toObject()); p)
        m_serverProfile = std::move(p).value();
}

ApiError UploadPhotoJob::parse(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return {};
    if (Expected<Profile> p = profileFromAnswer(body); p)
        m_profile = std::move(p).value();
    return {};
}

QString PhotoJob::tag() const
{
    QByteArray etag = rawHeader("ETag").trimmed();
    if (etag.startsWith("W/"))
        etag = etag.mid(2);
    if (etag.size() >= 2 && etag.startsWith('"') && etag.endsWith('"'))
        etag = etag.mid(1, etag.size() - 2);
    return QString::fromLatin1(etag);
}

ApiError SendMessageJob::parse(const QByteArray &body)
{
    const Expected<QJsonObject> doc = parseJsonObject(body);
    if (!doc)
        return fromCoreError(doc.error());
    Expected<Message> m = messageFromJson(innerObject(*doc, QStringLiteral("message")));
    if (!m)
        return fromCoreError(m.error());
    m_message = std::move(m).value();
    return {};
}

ApiError ConversationJob::parse(const QByteArray &body)
{
    const Expected<QJsonObject> doc = parseJsonObject(body);
    if (!doc)
        return fromCoreError(doc.error());
    Expected<Conversation> c = conversationFromJson(innerObject(*doc, QStringLiteral("conversation")));
    if (!c)
        return fromCoreError(c.error());
    m_conversation = std::move(c).value();
    return {};
}

Expected<Vocabulary> VocabularyJob::decode(const QByteArray &body)
{
    // 20,000 entries with many aliases are far over the default document limit.
    const Expected<QJsonObject> doc = parseJsonObject(body, qsizetype(64) * 1024 * 1024);
    if (!doc)
        return doc.error();
    return vocabularyFromJson(*doc);
}

} // namespace Colleagues
