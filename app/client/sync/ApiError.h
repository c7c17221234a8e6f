// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

#include <chrono>

QT_BEGIN_NAMESPACE
class QNetworkReply;
QT_END_NAMESPACE

namespace Colleagues {

/*!
 * What went wrong with a request to the server, as the client sees it: a kind the code
 * can act on, the server's code and field when it sent one, a sentence for the user
 * (translatable) and technical detail for logs.
 */
struct ApiError
{
    enum class Kind {
        None,
        Network, //!< no answer: connection refused, reset, timed out, host not found
        Tls, //!< the TLS handshake failed (certificate, protocol)
        Http, //!< an HTTP error that is none of the kinds below (403, 404, 405, 413, ...)
        Auth, //!< 401: sign-in needed (wrong password, expired or revoked token)
        Validation, //!< 400/422: the server rejected what we sent; permanent
        Conflict, //!< 409/412: the data changed on the server
        RateLimited, //!< 429: try again after retryAfter
        Server, //!< 5xx: the server failed; temporary
        Protocol, //!< the answer could not be understood (malformed JSON, missing fields)
    };

    Kind kind = Kind::None;
    int httpStatus = 0; //!< 0 when no HTTP answer came
    QString code; //!< the server's snake_case code, e.g. "too_long"; empty if none
    QString field; //!< the field concerned, if the server named one
    QString userMessage; //!< one sentence to show to the user
    QString detail; //!< technical detail for logs (never contains secrets)
    std::chrono::milliseconds retryAfter {0}; //!< from Retry-After (429, 503), 0 when absent

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }
    //! True for failures that may go away by themselves: network, 5xx, 429, protocol hiccups.
    bool isTemporary() const;

    static QString kindName(Kind kind);
    QString kindName() const { return kindName(kind); }

    //! Builds the error for a finished reply; Kind::None for a 2xx answer.
    //! \a body is the reply's body, already read.
    static ApiError fromReply(QNetworkReply *reply, const QByteArray &body);
    static ApiError protocol(const QString &detail);
    //! Parses a Retry-After header value (delta seconds or an HTTP date).
    static std::chrono::milliseconds parseRetryAfter(const QByteArray &value);
};

} // namespace Colleagues

Q_DECLARE_METATYPE(Colleagues::ApiError)
