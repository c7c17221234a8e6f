// SPDX-License-Identifier: MIT
#include "tests/support/ServerTest.h"

#include "tests/support/TestData.h"

namespace Colleagues::Test {

bool ServerEnvironment::addMembers(const QStringList &usernames, Server::Role role, bool withProfile)
{
    for (const QString &username : usernames) {
        if (!addUser(storage(), username, QString(), role, withProfile))
            return false;
    }
    addSessions(usernames, role);
    return true;
}

void ServerEnvironment::addSessions(const QStringList &usernames, Server::Role role)
{
    for (const QString &username : usernames)
        tokens.insert(username, createSession(storage(), username, role));
}

std::unique_ptr<Client> ServerTest::client(const QString &username, const ServerProcess *server)
{
    return std::make_unique<Client>((server ? server : env().server.get())->url(),
                                    username.isEmpty() ? QByteArray() : env().tokens.value(username));
}

void ServerTest::initTestCase_data()
{
    addBackendRows();
}

void ServerTest::init()
{
    std::unique_ptr<ServerEnvironment> e = m_envs.enter();
    if (!e)
        return;
    e->server = std::make_unique<ServerProcess>(*e->db);
    setUpBackend(*e);
    if (QTest::currentTestFailed())
        return;
    if (!e->server->start(0, serverOptions()))
        QFAIL(qPrintable(u"the server did not start: "_qs + e->server->errorString()));
    m_envs.ready(std::move(e));
}

void ServerTest::cleanupTestCase()
{
    for (const auto &[backend, env] : m_envs.takeAll())
        QCOMPARE(env->server->stop(), 0);
}

} // namespace Colleagues::Test
