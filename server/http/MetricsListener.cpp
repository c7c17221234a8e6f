// SPDX-License-Identifier: MIT
#include "server/http/MetricsListener.h"

#include "server/http/Metrics.h"

#include <QTcpSocket>
#include <QTimer>

namespace Colleagues::Server {

namespace {

QByteArray answer(int status, const QByteArray &reason, const QByteArray &contentType, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace

MetricsListener::MetricsListener(std::function<QByteArray()> exposition, QObject *parent)
    : QTcpServer(parent)
    , m_exposition(std::move(exposition))
{ }

void MetricsListener::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    if (m_open >= MaxConnections) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(TimeoutMs, socket, [socket] { socket->abort(); });
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
        if (socket->property("answered").toBool()) {
            socket->readAll();
            return;
        }
        QByteArray head = socket->peek(MaxHeadBytes + 1);
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end < 0) {
            if (head.size() > MaxHeadBytes)
                socket->abort();
            return;
        }
        socket->readAll();
        socket->setProperty("answered", true);
        const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
        const QByteArray method = requestLine.value(0);
        QByteArray path = requestLine.value(1);
        path = path.left(path.indexOf('?') < 0 ? path.size() : path.indexOf('?'));
        if (requestLine.size() != 3 || !requestLine.value(2).startsWith("HTTP/1.")) {
            socket->write(answer(400, "Bad Request", "application/json",
                                 R"({"error":{"code":"bad_request","message":"Not an HTTP/1.x request."}})"));
        } else if (method != "GET" || path != "/metrics") {
            socket->write(answer(404, "Not Found", "application/json",
                                 R"({"error":{"code":"not_found","message":"Only GET /metrics is served here."}})"));
        } else {
            socket->write(answer(200, "OK", Metrics::contentType(), m_exposition()));
        }
        socket->disconnectFromHost();
    });
}

} // namespace Colleagues::Server
