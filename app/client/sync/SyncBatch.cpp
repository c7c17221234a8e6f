// SPDX-License-Identifier: MIT
#include "client/sync/SyncBatch.h"

#include "core/Json.h"

#include <QJsonArray>

namespace Colleagues {

namespace {

Error fieldError(const QString &field, const QString &message)
{
    return Error {Error::Code::InvalidType, field, message};
}

// Errors from nested codecs name a field inside an element; prefix the element's path.
Error nested(const QString &prefix, Error error)
{
    error.field = error.field.isEmpty() ? prefix : prefix + QLatin1Char('.') + error.field;
    error.message = prefix + QStringLiteral(": ") + error.message;
    return error;
}

} // namespace

Expected<SyncBatch> SyncBatch::fromJson(const QByteArray &body)
{
    // A sync page of a large directory is far over the default document limit.
    Expected<QJsonObject> parsed = parseJsonObject(body, qsizetype(256) * 1024 * 1024);
    if (!parsed)
        return parsed.error();
    const QJsonObject &o = *parsed;
    SyncBatch batch;
    batch.startOver = o.value(QStringLiteral("start_over")).toBool(false);
    if (const QJsonValue version = o.value(QStringLiteral("vocabulary_version")); version.isString())
        batch.vocabularyVersion = version.toString().left(64);
    if (batch.startOver)
        return batch;

    const QJsonValue next = o.value(QStringLiteral("next"));
    if (!next.isDouble())
        return fieldError(QStringLiteral("next"), QStringLiteral("next must be a number."));
    batch.next = next.toInteger();
    batch.hasMore = o.value(QStringLiteral("has_more")).toBool(false);
    if (const QJsonValue total = o.value(QStringLiteral("total")); total.isDouble())
        batch.total = total.toInteger();

    const QJsonArray profiles = o.value(QStringLiteral("profiles")).toArray();
    batch.profiles.reserve(profiles.size());
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        // The path is only made for an error: a first sync page holds a thousand profiles.
        const auto path = [i] { return QStringLiteral("profiles[%1]").arg(i); };
        const QJsonValue value = profiles.at(i);
        if (!value.isObject())
            return fieldError(path(), QStringLiteral("%1 must be an object.").arg(path()));
        Expected<Profile> p = profileFromJson(value.toObject());
        if (!p)
            return nested(path(), p.error());
        batch.profiles.append(std::move(p).value());
    }

    QJsonValue removed = o.value(QStringLiteral("removed"));
    if (removed.isUndefined())
        removed = o.value(QStringLiteral("removed_ids"));
    const QJsonArray removedIds = removed.toArray();
    for (qsizetype i = 0; i < removedIds.size(); ++i) {
        const QJsonValue id = removedIds.at(i);
        if (id.isString())
            batch.removedIds.append(id.toString());
        else if (id.isObject() && id.toObject().value(QStringLiteral("id")).isString())
            batch.removedIds.append(id.toObject().value(QStringLiteral("id")).toString());
        else
            return fieldError(QStringLiteral("removed[%1]").arg(i), QStringLiteral("removed ids must be strings."));
    }

    const QJsonArray messages = o.value(QStringLiteral("messages")).toArray();
    batch.messages.reserve(messages.size());
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const auto path = [i] { return QStringLiteral("messages[%1]").arg(i); };
        const QJsonValue value = messages.at(i);
        if (!value.isObject())
            return fieldError(path(), QStringLiteral("%1 must be an object.").arg(path()));
        Expected<Message> m = messageFromJson(value.toObject());
        if (!m)
            return nested(path(), m.error());
        batch.messages.append(std::move(m).value());
    }
    return batch;
}

} // namespace Colleagues
