// SPDX-License-Identifier: MIT
#pragma once

// The real colleagues-server as a child process that a test may SIGKILL and start again on
// the same data: the reliability tests' view of a server.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace Colleagues::Reliability {

//! `colleagues-server serve` over one database (--data-dir DIR or --database URL), restartable.
class CrashableServer
{
public:
    //! \a databaseArguments: what follows "serve" to name the data (e.g. {"--data-dir", dir});
    //! the server's log (stderr) is appended to \a logFile.
    CrashableServer(QString program, QStringList databaseArguments, QString logFile);
    ~CrashableServer();

    //! Runs a command of the server (e.g. {"user", "add", "ada"}) on the same data.
    bool run(const QStringList &arguments, const QByteArray &input, QString *output = nullptr);

    //! Starts `serve` on 127.0.0.1:port (0: a free one; if \a port is taken, a free one) and
    //! waits for its "listening on" line.
    bool start(quint16 port = 0);
    //! SIGKILL, as a crash or a power cut would; waits until the process is gone.
    void kill();
    //! SIGTERM and wait; false if it did not exit cleanly.
    bool stop();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QUrl url() const;
    qint64 pid() const;
    QString lastError() const { return m_error; }
    int starts() const { return m_starts; }

private:
    bool startOn(quint16 port);

    QString m_program;
    QStringList m_databaseArguments;
    QString m_logFile;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_error;
    int m_starts = 0;
};

} // namespace Colleagues::Reliability
