// SPDX-License-Identifier: MIT
#pragma once

#include "core/Profile.h"
#include "tests/support/CliRun.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Colleagues::Test {

class TestDatabase;

/*!
 * The real colleagues-server as a child process, on one database (a data folder, or a
 * TestDatabase on SQLite or PostgreSQL): its commands (user add, import-csv, seed-demo, ...)
 * and `serve` on 127.0.0.1, which a test may stop, SIGKILL and start again on the same data.
 * The one place, with the server's own command-line tests, that runs `serve`.
 */
class ServerProcess
{
public:
    //! A server on a data folder of its own, in a temporary directory.
    ServerProcess();
    //! A server on the data folder \a dataDir (made if missing).
    explicit ServerProcess(const QString &dataDir);
    //! A server on \a database.
    explicit ServerProcess(const TestDatabase &database);
    //! Stops a running server (SIGTERM, then SIGKILL).
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    //! What names the data to every command: --data-dir DIR or --database URL.
    const QStringList &dataArguments() const { return m_dataArguments; }
    //! False if its own data folder could not be made.
    bool isValid() const { return !m_ownDir || m_ownDir->isValid(); }
    //! The data folder; empty on PostgreSQL.
    QString dataDir() const;
    //! What went wrong in the last command or start that failed.
    QString errorString() const { return m_error; }

    //! Runs `colleagues-server ARGUMENTS` on this server's data with \a input on stdin.
    CliRun run(const QStringList &arguments, const QByteArray &input = {}) const;
    //! Like run(); true on exit code 0, otherwise errorString() holds the command and its output.
    bool command(const QStringList &arguments, const QByteArray &input = {});
    bool addUser(const QString &username, const QString &password, bool admin = false);
    //! Sets the password of an existing account (`user passwd`).
    bool setPassword(const QString &username, const QString &password);
    bool importCsv(const QString &path);
    bool importProfiles(const QList<Profile> &profiles);
    //! seed-demo: \a people people and the demo accounts ada, grace, zoe, misaki and admin,
    //! whose passwords demoPassword() gives.
    bool seedDemo(int people, quint64 seed = 1);
    static QString demoPassword(const QString &username) { return username + QStringLiteral("-demo-password"); }

    //! Replaces the storage options (e.g. --database URL without its password, given otherwise).
    void setDataArguments(const QStringList &arguments) { m_dataArguments = arguments; }
    //! Appends the server's log (stderr) to the file \a path, kept after the test; by default
    //! the log goes to a file in a temporary directory of its own. Either survives a SIGKILL
    //! and needs no reading while the server runs.
    void setLogFile(const QString &path) { m_logFile = path; }
    //! Starts `serve` on 127.0.0.1:\a port (0: a free one) with \a extra options (e.g.
    //! --tls-cert F --tls-key F) and waits until it says where it listens.
    bool start(quint16 port = 0, const QStringList &extra = {});
    //! Starts it again on the same data and options after stop() or kill(): on its port if that
    //! is free, otherwise on a free one.
    bool restart();
    //! SIGTERM and wait; the exit code, or -1 if it crashed or hung (then it is killed).
    int stop();
    //! SIGKILL, as a crash or a power cut would; waits until the process is gone.
    void kill();
    bool isRunning() const;
    qint64 pid() const;
    //! How many times it started.
    int starts() const { return m_starts; }

    //! Where it listens, e.g. http://127.0.0.1:43567 (https with --tls-cert).
    QUrl url() const { return m_url; }
    QUrl url(const QString &path) const { return QUrl(m_url.toString() + path); }
    quint16 port() const { return quint16(m_url.port()); }
    //! With `--metrics-listen`: where /metrics is served without a token (else empty).
    QUrl metricsUrl() const { return m_metricsUrl; }
    //! Everything the server wrote to stderr (its log) so far, over all its starts.
    QByteArray log();

    //! A port on 127.0.0.1 where nothing listens (for "server unreachable").
    static quint16 unusedPort();

private:
    bool startOn(quint16 port);

    std::unique_ptr<QTemporaryDir> m_ownDir;
    QStringList m_dataArguments;
    QStringList m_extra;
    QString m_logFile;
    std::unique_ptr<QTemporaryDir> m_logDir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    QUrl m_metricsUrl;
    QString m_error;
    int m_starts = 0;
};

} // namespace Colleagues::Test
