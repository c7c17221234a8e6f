// SPDX-License-Identifier: MIT
#include "server/http/RequestFields.h"

#include <QJsonValue>

namespace Colleagues::Server::RequestFields {

ApiError invalid(const QString &code, const QString &field, const QString &message)
{
    return ApiError::make(ApiError::Kind::Invalid, code, message, field);
}

std::optional<ApiError> rejectUnknown(const QJsonObject &object, const QStringList &known)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            return invalid(QStringLiteral("unknown_field"), it.key(),
                           QStringLiteral("%1 is not a known field.").arg(it.key()));
    }
    return std::nullopt;
}

ApiResult<QString> requiredString(const QJsonObject &object, const QString &key, int maxLength)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull())
        return invalid(QStringLiteral("required"), key, QStringLiteral("%1 is required.").arg(key));
    if (!v.isString())
        return invalid(QStringLiteral("invalid_type"), key, QStringLiteral("%1 must be a string.").arg(key));
    const QString s = v.toString();
    if (s.size() > 2 * maxLength + 16)
        return invalid(QStringLiteral("too_long"), key,
                       QStringLiteral("%1 must be at most %2 characters.").arg(key).arg(maxLength));
    return s;
}

ApiResult<qint64> requiredId(const QJsonObject &object, const QString &key, const QString &what)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull())
        return invalid(QStringLiteral("required"), key, QStringLiteral("%1 is required.").arg(key));
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 0 || d > 9007199254740991.0 || d != double(qint64(d))) {
        return invalid(QStringLiteral("out_of_range"), key,
                       QStringLiteral("%1 must be %2 (a whole number, 0 or more).").arg(key, what));
    }
    return qint64(d);
}

} // namespace Colleagues::Server::RequestFields
