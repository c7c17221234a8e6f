// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QTcpServer>

#include <functional>

namespace Colleagues::Server {

/*!
 * `serve --metrics-listen ADDR:PORT`: a tiny HTTP/1.x listener, on the thread that creates it,
 * that answers `GET /metrics` with the Prometheus text and no token, and 404 to anything else.
 * One request per connection (the answer closes it); heads over 8 KiB or slower than 10 s are
 * dropped. Meant for an address only the monitoring system reaches (e.g. 127.0.0.1).
 */
class MetricsListener : public QTcpServer
{
    Q_OBJECT

public:
    //! \a exposition is called on this object's thread and must be thread-safe (Metrics is).
    explicit MetricsListener(std::function<QByteArray()> exposition, QObject *parent = nullptr);

    static constexpr qint64 MaxHeadBytes = 8 * 1024;
    static constexpr int MaxConnections = 16;
    static constexpr int TimeoutMs = 10'000;

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    std::function<QByteArray()> m_exposition;
    int m_open = 0;
};

} // namespace Colleagues::Server
