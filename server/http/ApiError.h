// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/Expected.h"
#include "server/http/HttpResponse.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Colleagues::Server {

//! What went wrong with a request, in the API's terms. Services return these; the HTTP
//! status of each kind is decided in one place, ApiError::httpStatus().
struct ApiError
{
    enum class Kind {
        Malformed, //!< 400: the request cannot be parsed (JSON, header or query syntax)
        Unauthenticated, //!< 401: no valid bearer token, or wrong credentials
        Forbidden, //!< 403: authenticated, but not allowed
        NotFound, //!< 404
        MethodNotAllowed, //!< 405, with Allow
        Conflict, //!< 409
        PreconditionFailed, //!< 412: If-Match did not match
        PayloadTooLarge, //!< 413
        UnsupportedMediaType, //!< 415
        Invalid, //!< 422: well-formed but breaks a rule; names the field
        PreconditionRequired, //!< 428: If-Match missing
        TooManyRequests, //!< 429, with Retry-After
        Unavailable, //!< 503: the database failed; never used for bad input
    };

    Kind kind = Kind::Malformed;
    QString code; //!< stable snake_case code, e.g. "too_long", "not_found"
    QString message; //!< one sentence, safe to show to a user
    QString field; //!< the field (or header / parameter) concerned, if any
    int retryAfterSeconds = 0; //!< for TooManyRequests and Unavailable
    QStringList allow; //!< for MethodNotAllowed
    QJsonObject extra; //!< members added next to "error" (e.g. the current profile on 412)

    static ApiError make(Kind kind, QString code, QString message, QString field = {});
    //! A rule broken in a request, from Core's validation or codecs: Malformed -> 400, else 422.
    static ApiError fromValidation(const Colleagues::Error &error);
    //! A storage failure: a field-naming error is a 422, Duplicate a 409, anything else a 503.
    static ApiError fromStorage(const Colleagues::Error &error);
    //! A 503 for a failed database; each one made is counted (databaseFailures()).
    static ApiError databaseUnavailable();
    static quint64 databaseFailures();

    //! The single place that maps a kind to its HTTP status code.
    static int httpStatus(Kind kind);
    int httpStatus() const { return httpStatus(kind); }

    //! `{"error": {"code", "message", "field"?}}` (+ extra members) with the right headers.
    HttpResponse toResponse() const;
};

//! A service's answer: a value or an ApiError.
template<typename T>
using ApiResult = Expected<T, ApiError>;

} // namespace Colleagues::Server
