// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Colleagues::Testing {

/*!
 * A real colleagues-server for UI tests, benchmarks and screenshots: its own data directory,
 * its command line for accounts and data (user add, import-csv, seed-demo), and `serve` on a
 * free port of 127.0.0.1 (or a given one, to restart it where clients expect it).
 */
class LocalServer
{
public:
    explicit LocalServer(QString binary = QString());
    ~LocalServer();

    bool isValid() const { return m_dir.isValid(); }
    QString dataDirectory() const { return m_dir.path(); }
    QString errorString() const { return m_error; }

    //! Runs `colleagues-server ARGS --data-dir DIR` with \a input on stdin; true on exit code 0.
    bool command(const QStringList &arguments, const QByteArray &input = {}, QByteArray *output = nullptr);
    bool addUser(const QString &username, const QString &password);
    //! Sets the password of an existing account (`user passwd`).
    bool setPassword(const QString &username, const QString &password);
    bool importCsv(const QString &path);
    bool seedDemo(int people, quint64 seed = 1);

    //! Starts serving on \a port (0: a free one) and waits until it listens; \a extra are more
    //! `serve` options (e.g. --tls-cert F --tls-key F).
    bool start(quint16 port = 0, const QStringList &extra = {});
    //! Stops the server (SIGTERM, then kill) and waits for it.
    void stop();
    bool isRunning() const;
    QUrl url() const { return m_url; }
    quint16 port() const { return quint16(m_url.port()); }

    //! A port on 127.0.0.1 where nothing listens (for "server unreachable").
    static quint16 closedPort();

private:
    QString m_binary;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    QString m_error;
};

} // namespace Colleagues::Testing
