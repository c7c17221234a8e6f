// SPDX-License-Identifier: MIT
#pragma once

// Shared by the guard tests: routes of a small QHttpServer and a raw HTTP client that writes
// exactly the bytes a test wants (pipelined, malformed, slow, huge) and reads what comes back.

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace GuardTest {

//! How many requests reached a route handler (a refused request must never get there).
inline int &handlerCalls()
{
    static int calls = 0;
    return calls;
}

inline QHttpServerResponse json(const QJsonObject &object)
{
    return QHttpServerResponse(object);
}

inline void addRoutes(QHttpServer &server)
{
    server.route(QStringLiteral("/hello"), QHttpServerRequest::Method::Get, [] {
        ++handlerCalls();
        return json({{QStringLiteral("hello"), true}});
    });
    const auto echo = [](const QHttpServerRequest &request) {
        ++handlerCalls();
        return json({{QStringLiteral("bytes"), request.body().size()}});
    };
    server.route(QStringLiteral("/echo"), QHttpServerRequest::Method::Post | QHttpServerRequest::Method::Put, echo);
    server.route(QStringLiteral("/api/v1/profiles/me/photo"), QHttpServerRequest::Method::Put, echo);
    server.route(QStringLiteral("/big"), [](const QHttpServerRequest &request) {
        ++handlerCalls();
        const int mib = QUrlQuery(request.url()).queryItemValue(QStringLiteral("mb")).toInt();
        return QHttpServerResponse("application/octet-stream", QByteArray(mib * 1024 * 1024, 'B'));
    });
    // A long-poll: answered after ?ms=N milliseconds through a held responder.
    server.route(QStringLiteral("/held"), [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        ++handlerCalls();
        const int ms = QUrlQuery(request.url()).queryItemValue(QStringLiteral("ms")).toInt();
        auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
        QPointer<QTcpSocket> socket = held->socket();
        QTimer::singleShot(ms, [held, socket, ms] {
            if (socket) // writing to a responder whose client left crashes Qt HttpServer 6.4
                held->write(QJsonDocument(QJsonObject {{QStringLiteral("held"), ms}}));
        });
    });
}

struct Response
{
    int status = 0;
    QByteArray head;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.sliced(colon + 1).trimmed();
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const
    {
        return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
};

//! Takes the first complete response (Content-Length framed) out of \a buffer.
inline bool takeResponseFrom(QByteArray &buffer, Response *out)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    Response r;
    r.head = buffer.first(end);
    const QByteArray statusLine = r.head.first(qMax<qsizetype>(0, r.head.indexOf("\r\n")));
    r.status = statusLine.mid(9, 3).toInt();
    const qint64 length = r.header("Content-Length").toLongLong();
    if (buffer.size() < end + 4 + length)
        return false;
    r.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    *out = r;
    return true;
}

//! Whether \a buffer starts with a complete response (QTRY_* evaluate their expression twice, so
//! they must only look, never take).
inline bool hasResponseIn(const QByteArray &buffer)
{
    QByteArray copy = buffer;
    Response ignored;
    return takeResponseFrom(copy, &ignored);
}

//! A client socket (plain or TLS) that records everything it receives.
class RawClient : public QObject
{
public:
    RawClient(bool tls, quint16 port)
    {
        if (tls) {
            auto *ssl = new QSslSocket(this);
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone); // the test's self-signed certificate
            connect(ssl, &QSslSocket::encrypted, this, [this] { ready = true; });
            ssl->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
            socket = ssl;
        } else {
            socket = new QTcpSocket(this);
            connect(socket, &QAbstractSocket::connected, this, [this] { ready = true; });
            socket->connectToHost(QHostAddress::LocalHost, port);
        }
        connect(socket, &QIODevice::readyRead, this, [this] { received += socket->readAll(); });
        connect(socket, &QAbstractSocket::disconnected, this, [this] {
            received += socket->readAll();
            closed = true;
        });
        connect(socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
            if (error == QAbstractSocket::RemoteHostClosedError || error == QAbstractSocket::NetworkError
                || error == QAbstractSocket::SslInternalError)
                closed = true;
        });
    }

    void send(const QByteArray &bytes)
    {
        if (socket->state() == QAbstractSocket::ConnectedState)
            socket->write(bytes);
    }

    //! Takes the first complete response out of what was received.
    bool takeResponse(Response *out) { return takeResponseFrom(received, out); }
    bool hasResponse() const { return hasResponseIn(received); }

    QAbstractSocket *socket = nullptr;
    QByteArray received;
    bool ready = false;
    bool closed = false;
};

inline QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                          const QByteArray &extraHeaders = {})
{
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders;
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    r += "\r\n";
    r += body;
    return r;
}

} // namespace GuardTest
