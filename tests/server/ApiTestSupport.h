// SPDX-License-Identifier: MIT
#pragma once

// Helpers for the HTTP-level API tests: a database per test run (SQLite in a temporary
// directory, or a fresh PostgreSQL database made from COLLEAGUES_TEST_PG), the real
// colleagues-server started as a process on a free port, and a small synchronous client
// over one QNetworkAccessManager.

#include "server/storage/Storage.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QProcess>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>
#include <optional>

namespace ApiTest {

using namespace Colleagues;
using namespace Colleagues::Server;

//! The path of the colleagues-server binary under test.
QString serverBinary();

//! A database for one test run. PostgreSQL ones are created (and dropped) here.
class TestDatabase
{
public:
    ~TestDatabase();

    //! "sqlite" or "postgres". For postgres without COLLEAGUES_TEST_PG: skip (reason set), or
    //! fail when CI=true.
    static std::unique_ptr<TestDatabase> create(const QString &backend, QString *skipReason, QString *error);

    const QString &backend() const { return m_backend; }
    //! Options for `colleagues-server serve`: --data-dir DIR or --database URL.
    QStringList serveArguments() const;
    //! A Storage on the same database, opened (seeding and inspection from the test).
    Storage &storage();
    //! PostgreSQL only: the database's name, and SQL run on the server's maintenance database
    //! (e.g. to cut the database off). %1 in \a sql becomes the database's name.
    const QString &postgresName() const { return m_pgDatabase; }
    bool adminExec(const QString &sql, QString *error);

private:
    QString m_backend;
    std::unique_ptr<QTemporaryDir> m_dir;
    StorageConfig m_config;
    QString m_url;
    QString m_pgDatabase;
    StorageConfig m_admin;
    std::unique_ptr<Storage> m_storage;
};

//! A running `colleagues-server serve` process.
class ServerProcess
{
public:
    ~ServerProcess();

    //! Starts the server with \a arguments after "serve" (plus --listen 127.0.0.1:0 unless given)
    //! and waits for its "listening on" line.
    bool start(const QStringList &arguments, QString *error);
    //! SIGTERM and wait; returns the exit code (-1 if it crashed or hung).
    int stop();

    QUrl baseUrl() const { return m_baseUrl; }
    QUrl url(const QString &path) const;
    //! Everything the server wrote to stderr (its log) so far.
    QByteArray log();
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

private:
    std::unique_ptr<QProcess> m_process;
    QUrl m_baseUrl;
    QByteArray m_log;
};

struct Response
{
    int status = 0; //!< 0: no HTTP answer (network error)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 elapsedMs = 0;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const { return json().value(u"error"_qs).toObject().value(u"code"_qs).toString(); }
    QString errorField() const { return json().value(u"error"_qs).toObject().value(u"field"_qs).toString(); }
};

//! A synchronous-looking client: each call runs the event loop until its reply finished.
class Client
{
public:
    explicit Client(QUrl base);

    void setToken(const QByteArray &token) { m_token = token; }
    const QByteArray &token() const { return m_token; }
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }
    QNetworkAccessManager &network() { return m_network; }

    using Headers = QList<QPair<QByteArray, QByteArray>>;
    Response send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                  const Headers &headers = {}, int timeoutMs = 15000);
    Response get(const QString &path, const Headers &headers = {}) { return send("GET", path, {}, headers); }
    Response putJson(const QString &path, const QJsonObject &body, const Headers &headers = {});
    Response postJson(const QString &path, const QJsonObject &body, const Headers &headers = {});

    //! Starts a request without waiting (long-polls); the caller owns the reply.
    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body = {},
                         const Headers &headers = {});
    static Response collect(QNetworkReply *reply, qint64 elapsedMs = 0);

    //! POST /api/v1/session; on success keeps the token.
    Response signIn(const QString &username, const QString &password);

    QNetworkRequest request(const QString &path, const Headers &headers) const;

private:
    QUrl m_base;
    QByteArray m_token;
    std::optional<QSslConfiguration> m_ssl;
    QNetworkAccessManager m_network;
};

//! Creates an account (Argon2id hash of \a password; empty: no password) and, unless
//! \a withProfile is false, a profile.
bool addUser(Storage &storage, const QString &username, const QString &password, Role role = Role::Member,
             bool withProfile = true);

QJsonObject profileJson(const QString &displayName, const QString &title = {});

//! A baseline JPEG or PNG of \a width x \a height made with libjpeg-turbo / libpng.
QByteArray makeJpeg(int width, int height);
QByteArray makePng(int width, int height, bool alpha);
//! Width and height of an encoded JPEG or PNG, or {-1, -1}.
QPair<int, int> imageSize(const QByteArray &data);

} // namespace ApiTest
