// SPDX-License-Identifier: MIT
#pragma once

#include "server/http/ApiError.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Colleagues::Server {

//! The checks request bodies share: each refusal is a 422 that names its member.
namespace RequestFields {

//! A 422 with \a code about \a field.
ApiError invalid(const QString &code, const QString &field, const QString &message);
//! Refuses members other than \a known, naming the first one (unknown_field).
std::optional<ApiError> rejectUnknown(const QJsonObject &object, const QStringList &known);
//! The string member \a key: required, a string, and not absurdly longer than \a maxLength (the
//! exact length is the validation's to check).
ApiResult<QString> requiredString(const QJsonObject &object, const QString &key, int maxLength);
//! The member \a key as an id: required, a whole number of at least 0 (out_of_range; \a what
//! says what it must be, e.g. "a message id").
ApiResult<qint64> requiredId(const QJsonObject &object, const QString &key, const QString &what);

} // namespace RequestFields

} // namespace Colleagues::Server
