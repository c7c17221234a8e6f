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

//! Decodes the array \a key of \a o into \a items, each element an object decoded by \a decode.
template<typename T, typename Decode>
Error readObjects(const QJsonObject &o, const QString &key, QList<T> *items, Decode decode)
{
    const QJsonArray array = o.value(key).toArray();
    items->reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        // The path is only made for an error: a first sync page holds a thousand profiles.
        const auto path = [&key, i] { return QStringLiteral("%1[%2]").arg(key).arg(i); };
        const QJsonValue value = array.at(i);
        if (!value.isObject())
            return fieldError(path(), QStringLiteral("%1 must be an object.").arg(path()));
        Expected<T> item = decode(value.toObject());
        if (!item)
            return nested(path(), item.error());
        items->append(std::move(item).value());
    }
    return {};
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

    if (Error error = readObjects(o, QStringLiteral("profiles"), &batch.profiles,
                                  [](const QJsonObject &item) { return profileFromJson(item); }))
        return error;

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

    // Servers before group conversations do not send the member: none changed.
    if (Error error = readObjects(o, QStringLiteral("conversations"), &batch.conversations, conversationFromJson))
        return error;
    if (Error error = readObjects(o, QStringLiteral("messages"), &batch.messages, messageFromJson))
        return error;
    // Servers before statuses do not send the member: none changed.
    if (Error error = readObjects(o, QStringLiteral("statuses"), &batch.statuses, statusFromJson))
        return error;
    return batch;
}

} // namespace Colleagues
