// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <cstdint>

class QTcpServer;
class QTcpSocket;

namespace Colleagues::Test {

//! A small, seeded, fault-injecting TCP proxy for tests: forwards 127.0.0.1:port() to an
//! upstream address and, by the rules set with setFaults(), adds latency, resets
//! connections, cuts responses in the middle, answers with an HTTP error the way a gateway
//! in front of the server would (5xx), or swallows everything (a blackhole).
//! The same seed and the same traffic give the same faults.
class FaultProxy : public QObject
{
    Q_OBJECT

public:
    struct Faults
    {
        int latencyMs = 0; //!< added to every forwarded chunk, both directions
        int jitterMs = 0; //!< up to this much more, drawn per chunk
        double resetProbability = 0.0; //!< per connection: reset (RST) once the request arrived
        double cutResponseProbability = 0.0; //!< per connection: close after part of the response
        //! per connection: answer errorStatus instead of the server, as a reverse proxy would
        double errorProbability = 0.0;
        int errorStatus = 502; //!< 500, 502, 503 or 504
        //! forward the request first and replace the server's answer (the work was done, the
        //! client is told it failed); otherwise the request never reaches the server
        bool errorAfterForwarding = false;
        int retryAfterSeconds = -1; //!< sends Retry-After with the error when >= 0
        bool blackhole = false; //!< accept, read, never forward, never answer
    };

    struct Counters
    {
        int connections = 0;
        int resets = 0;
        int cuts = 0;
        int errors = 0; //!< error answers sent in place of the server's
        int blackholed = 0;
    };

    FaultProxy(const QHostAddress &upstreamAddress, quint16 upstreamPort, quint64 seed, QObject *parent = nullptr);
    ~FaultProxy() override;

    //! Listens on 127.0.0.1 (port 0 picks a free port). Returns false on failure.
    bool listen(quint16 port = 0);
    quint16 port() const;
    //! Where clients reach the server through the proxy: http://127.0.0.1:port().
    QUrl url() const;

    void setFaults(const Faults &faults);
    Faults faults() const { return m_faults; }
    //! Points the proxy at another upstream (e.g. a restarted server on a new port).
    void setUpstream(const QHostAddress &address, quint16 port);
    //! Drops every open connection at once, as a crashed network path would.
    void dropAll();

    Counters counters() const { return m_counters; }

private:
    struct Chunk;
    struct Direction;
    struct Link;

    void accept();
    void forward(Link *link, QTcpSocket *from, QTcpSocket *to, bool isResponse);
    void scheduleDrain(Link *link, bool isResponse);
    void closeLink(Link *link);
    void answerError(Link *link);
    double uniform();
    int delay();

    QTcpServer *m_server = nullptr;
    QHostAddress m_upstreamAddress;
    quint16 m_upstreamPort = 0;
    Faults m_faults;
    Counters m_counters;
    quint64 m_state;
    QList<Link *> m_links;
    QList<Link *> m_closed;
    QElapsedTimer m_clock;
};

} // namespace Colleagues::Test
