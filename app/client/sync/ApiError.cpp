// SPDX-License-Identifier: MIT
#include "client/sync/ApiError.h"

#include "core/Json.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkReply>

namespace Colleagues {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Colleagues::ApiError", text);
}

ApiError::Kind kindForStatus(int status)
{
    if (status == 401)
        return ApiError::Kind::Auth;
    if (status == 400 || status == 422)
        return ApiError::Kind::Validation;
    if (status == 409 || status == 412)
        return ApiError::Kind::Conflict;
    if (status == 429)
        return ApiError::Kind::RateLimited;
    if (status >= 500)
        return ApiError::Kind::Server;
    return ApiError::Kind::Http;
}

bool isTlsError(QNetworkReply::NetworkError e)
{
    return e == QNetworkReply::SslHandshakeFailedError;
}

} // namespace

bool ApiError::isTemporary() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Server:
    case Kind::RateLimited:
    case Kind::Protocol: return true;
    case Kind::Http:
        // 408 Request Timeout is the only other HTTP answer worth repeating.
        return httpStatus == 408;
    default: return false;
    }
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::Network: return QStringLiteral("network");
    case Kind::Tls: return QStringLiteral("tls");
    case Kind::Http: return QStringLiteral("http");
    case Kind::Auth: return QStringLiteral("auth");
    case Kind::Validation: return QStringLiteral("validation");
    case Kind::Conflict: return QStringLiteral("conflict");
    case Kind::RateLimited: return QStringLiteral("rate_limited");
    case Kind::Server: return QStringLiteral("server");
    case Kind::Protocol: return QStringLiteral("protocol");
    }
    return {};
}

std::chrono::milliseconds ApiError::parseRetryAfter(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::chrono::milliseconds {0};
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok)
        return std::chrono::seconds {std::max<qint64>(0, std::min<qint64>(seconds, 24 * 3600))};
    // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT".
    const QDateTime at =
        QLocale::c().toDateTime(QString::fromLatin1(v), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!at.isValid())
        return std::chrono::milliseconds {0};
    QDateTime utc = at;
    utc.setTimeSpec(Qt::UTC);
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(utc);
    return std::chrono::milliseconds {std::clamp<qint64>(ms, 0, qint64(24) * 3600 * 1000)};
}

ApiError ApiError::protocol(const QString &detail)
{
    ApiError e;
    e.kind = Kind::Protocol;
    e.userMessage = tr("The server sent an answer Colleagues does not understand.");
    e.detail = detail;
    return e;
}

ApiError ApiError::fromReply(QNetworkReply *reply, const QByteArray &body)
{
    ApiError e;
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttr.isValid() ? statusAttr.toInt() : 0;
    const QNetworkReply::NetworkError netError = reply->error();

    if (status == 0) {
        if (netError == QNetworkReply::NoError)
            return protocol(QStringLiteral("no HTTP status in the answer"));
        e.detail = reply->errorString();
        if (isTlsError(netError)) {
            e.kind = Kind::Tls;
            e.userMessage = tr("A secure connection to the server could not be established. "
                               "Check the server address and its certificate.");
        } else {
            e.kind = Kind::Network;
            switch (netError) {
            case QNetworkReply::HostNotFoundError:
                e.userMessage = tr("The server could not be found. Check the server address.");
                break;
            case QNetworkReply::ConnectionRefusedError:
                e.userMessage = tr("The server is not reachable: the connection was refused.");
                break;
            case QNetworkReply::TimeoutError:
            case QNetworkReply::OperationCanceledError: e.userMessage = tr("The server did not answer in time."); break;
            default: e.userMessage = tr("The server is not reachable. Check your network connection."); break;
            }
        }
        return e;
    }
    if (status >= 200 && status < 300)
        return e;

    e.httpStatus = status;
    e.kind = kindForStatus(status);
    e.retryAfter = parseRetryAfter(reply->rawHeader("Retry-After"));

    // The server's error body: {"error": {"code", "message", "field"?}}
    QString serverMessage;
    if (const Expected<QJsonObject> doc = parseJsonObject(body); doc) {
        const QJsonObject err = doc->value(QStringLiteral("error")).toObject();
        e.code = err.value(QStringLiteral("code")).toString();
        e.field = err.value(QStringLiteral("field")).toString();
        serverMessage = err.value(QStringLiteral("message")).toString().left(500);
    }
    e.detail = QStringLiteral("HTTP %1 %2 %3").arg(status).arg(e.code, serverMessage).trimmed();

    switch (e.kind) {
    case Kind::Auth:
        e.userMessage = e.code == QLatin1String("invalid_credentials") || e.code == QLatin1String("wrong_password")
            ? tr("The username or password is wrong.")
            : tr("Please sign in again.");
        break;
    case Kind::Validation:
        // The server's sentence names the field and the rule; it is the most useful text.
        e.userMessage = serverMessage.isEmpty() ? tr("The server rejected the request as invalid.") : serverMessage;
        break;
    case Kind::Conflict: e.userMessage = tr("This was changed elsewhere in the meantime."); break;
    case Kind::RateLimited: e.userMessage = tr("Too many attempts. Please wait a moment and try again."); break;
    case Kind::Server: e.userMessage = tr("The server has a problem right now. Colleagues will try again."); break;
    default:
        if (status == 403)
            e.userMessage = tr("You are not allowed to do this.");
        else if (status == 404)
            e.userMessage = serverMessage.isEmpty() ? tr("Not found on the server.") : serverMessage;
        else if (status == 413)
            e.userMessage = tr("This is too large for the server.");
        else
            e.userMessage =
                serverMessage.isEmpty() ? tr("The server refused the request (HTTP %1).").arg(status) : serverMessage;
        break;
    }
    return e;
}

} // namespace Colleagues
