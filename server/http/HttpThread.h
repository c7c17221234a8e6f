// SPDX-License-Identifier: MIT
#pragma once

#include "server/http/TrustedProxies.h"

#include <QHostAddress>
#include <QSslConfiguration>
#include <QString>
#include <QThread>

#include <array>
#include <atomic>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QThreadPool;
QT_END_NAMESPACE

namespace Colleagues::Server {

class Api;
class ApiServer;
class ConnectionBudget;
class ApiShared;
class Metrics;
class PasswordHasher;
class Storage;

//! Counters of every thread's HttpGuard, for /metrics (updated in the guards' threads).
struct GuardStats
{
    std::array<std::atomic<quint64>, 16> rejections {};
    std::atomic<int> open {0};
    //! The guard metric families in Prometheus text.
    QByteArray exposition() const;
};

/*!
 * One HTTP thread: its own event loop with an HttpGuard listening on the server's port (the
 * kernel spreads connections over the threads' sockets, SO_REUSEPORT), an ApiServer and an
 * Api. Qt HttpServer 6.4 runs every handler on its server's thread; several of these make
 * several such threads. Storage, the worker pool, metrics, the profile cache and long-poll
 * hints are shared.
 */
class HttpThread
{
public:
    //! Request bodies: JSON routes up to JsonBodyLimit, PUT .../photo up to PhotoBodyLimit; the
    //! guard answers 413 at the head (before sign-in, before any body byte is kept).
    static constexpr qint64 JsonBodyLimit = 1024 * 1024;
    static constexpr qint64 PhotoBodyLimit = 2 * 1024 * 1024;
    //! Open connections of the whole server, over all HTTP threads (`serve --max-connections`).
    static constexpr int DefaultMaxConnections = 2000;

    struct Setup
    {
        Storage *storage = nullptr;
        PasswordHasher *hasher = nullptr;
        Metrics *metrics = nullptr;
        QThreadPool *pool = nullptr;
        ApiShared *shared = nullptr;
        GuardStats *guardStats = nullptr;
        std::shared_ptr<ConnectionBudget> connections; //!< shared by every thread's guard
        bool inlineReads = false;
        TrustedProxies trustedProxies; //!< whose X-Forwarded-For names the client
        std::optional<QSslConfiguration> tls;
        int listeningSocket = -1; //!< from openListeningSocket(); the thread's guard takes it over
    };

    HttpThread();
    ~HttpThread(); //!< stop()s
    HttpThread(const HttpThread &) = delete;
    HttpThread &operator=(const HttpThread &) = delete;

    //! Starts the thread and builds its objects there; false with \a error if that failed.
    bool start(const Setup &setup, QString *error);
    //! Answers held long-polls and lets running requests finish (the first phase of stopping).
    void drain();
    //! Destroys the thread's objects and ends the thread.
    void stop();

    //! A listening TCP socket with SO_REUSEPORT on \a address:\a port (0: a free port), for
    //! every HttpThread to share; -1 with \a error set on failure. \a port is set to the bound one.
    static int openListeningSocket(const QHostAddress &address, quint16 *port, QString *error);
    //! Picks the port for openListeningSocket(): checks with an exclusive bind that \a port is
    //! free (SO_REUSEPORT alone would let a second server share a busy port silently), or, for
    //! port 0, finds a free one. False with \a error when the port is taken.
    static bool reservePort(const QHostAddress &address, quint16 *port, QString *error);

private:
    QThread m_thread;
    std::unique_ptr<QObject> m_context; // lives in m_thread; parent of the thread's objects
    ApiServer *m_server = nullptr;
    Api *m_api = nullptr;
};

} // namespace Colleagues::Server
