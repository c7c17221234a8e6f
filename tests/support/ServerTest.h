// SPDX-License-Identifier: MIT
#pragma once

#include "server/storage/Storage.h"
#include "tests/support/BackendEnvironments.h"
#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace Colleagues::Test {

//! One backend's environment of a ServerTest: its database, the colleagues-server running on
//! it, and the bearer tokens of sessions made in storage, by username.
struct ServerEnvironment
{
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<ServerProcess> server;
    QHash<QString, QByteArray> tokens; // username -> bearer token

    Server::Storage &storage() const { return db->storage(); }
    //! Adds \a usernames with \a role and no password (with a profile unless \a withProfile is
    //! false), each with a session (addSessions()). False when one cannot be added.
    bool addMembers(const QStringList &usernames, Server::Role role = Server::Role::Member, bool withProfile = true);
    //! Makes a session in storage (no Argon2 work) for each of \a usernames, who have \a role;
    //! its token goes into tokens.
    void addSessions(const QStringList &usernames, Server::Role role = Server::Role::Member);
};

/*!
 * Base of a test of the running colleagues-server whose every row runs on each backend (SQLite,
 * PostgreSQL; addBackendRows()), the rows of a backend sharing one ServerEnvironment. The first
 * row of each backend makes its database, lets the test fill it (setUpBackend()) and starts a
 * server on it (with serverOptions()); cleanupTestCase() stops every server, which must end
 * cleanly.
 */
class ServerTest : public QObject
{
    Q_OBJECT

protected:
    //! Fills \a e's new database (and may run server commands on it) before its server starts.
    virtual void setUpBackend(ServerEnvironment &e) = 0;
    //! What the servers start with besides their database and port.
    virtual QStringList serverOptions() const { return {}; }

    //! The current row's environment.
    ServerEnvironment &env() { return m_envs.current(); }
    //! A client of the current row's server (or of \a server) with \a username's token from
    //! ServerEnvironment::tokens; no token when \a username is empty.
    std::unique_ptr<Client> client(const QString &username = {}, const ServerProcess *server = nullptr);

private Q_SLOTS:
    void initTestCase_data();
    void init();
    void cleanupTestCase();

private:
    BackendEnvironments<ServerEnvironment> m_envs;
};

} // namespace Colleagues::Test
