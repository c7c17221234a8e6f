// SPDX-License-Identifier: MIT
#pragma once

// Shared by the sync tests and benchmarks: a real colleagues-server process on a free port
// with its own data directory, and a client (store + SyncClient) in a temporary directory.

#include "client/ClientStore.h"
#include "client/sync/SyncClient.h"
#include "core/Profile.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Colleagues::Testing {

//! What a run of a command-line program left behind.
struct CliRun
{
    int exitCode = -1; //!< -1: it crashed, was killed, or did not start
    QString out;
    QString err;

    QString describe() const;
};

//! Runs \a program to its end with \a input on its stdin, processing events meanwhile (a proxy
//! or server may live in this process); it is killed after \a timeoutMs.
CliRun runCli(const QString &program, const QStringList &arguments, const QByteArray &input = {},
              int timeoutMs = 300000);

//! One colleagues-server: its command-line tools and `serve` as a child process.
class SyncTestServer
{
public:
    //! \a program is the colleagues-server executable; data goes to \a dataDir.
    SyncTestServer(const QString &program, const QString &dataDir);
    ~SyncTestServer();

    QString dataDir() const { return m_dataDir; }

    //! Runs a command of the server to completion; false (with its output in \a output) on failure.
    bool run(const QStringList &arguments, const QByteArray &input = {}, QString *output = nullptr);
    bool addUser(const QString &name, const QString &password, bool admin = false);
    //! seed-demo: N people, demo accounts ada, grace, zoe, misaki and admin (passwords NAME-demo-password).
    bool seedDemo(int people);
    bool importProfiles(const QList<Profile> &profiles);

    //! Starts `serve` on 127.0.0.1:port (0: a free one) and waits for its "listening on" line.
    bool start(quint16 port = 0);
    //! SIGTERM, and waits until it exited.
    void stop();
    //! Kills it at once (as a crash would).
    void kill();
    bool isRunning() const;
    quint16 port() const { return m_port; }
    QUrl url() const;
    QString lastError() const { return m_error; }

    static QString demoPassword(const QString &user) { return user + QStringLiteral("-demo-password"); }

private:
    QString m_program;
    QString m_dataDir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_error;
};

//! Blocking HTTP for test setup only (admin edits, token revocation): runs a local event loop.
struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const;
};
HttpAnswer httpRequest(QNetworkAccessManager *network, const QByteArray &method, const QUrl &url,
                       const QByteArray &token = {}, const QByteArray &body = {},
                       const QList<QPair<QByteArray, QByteArray>> &headers = {});
//! Signs in and returns the token (empty on failure).
QByteArray signInToken(QNetworkAccessManager *network, const QUrl &server, const QString &user,
                       const QString &password);

//! A client as the app builds one: its own data directory, store, network and SyncClient.
class TestClient
{
public:
    TestClient();
    ~TestClient();

    bool isValid() const { return m_valid; }
    QString dataDir() const { return m_dir.path(); }
    ClientStore &store() { return *m_store; }
    SyncClient *client() const { return m_client.get(); }
    QNetworkAccessManager *network() { return &m_network; }

    //! Signs in (token kept in a file in the data directory); true once signed in.
    bool signIn(const QUrl &server, const QString &user, const QString &password);
    //! Closes the client and its store and opens them again on the same data directory, as a
    //! restarted app would; the session is restored from the token file.
    bool restart();

private:
    void open();

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<ClientStore> m_store;
    std::unique_ptr<SyncClient> m_client;
    bool m_valid = false;
};

} // namespace Colleagues::Testing
