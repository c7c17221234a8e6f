// SPDX-License-Identifier: MIT
#include "tests/support/AppClient.h"

#include "client/sync/Backoff.h"
#include "client/sync/Session.h"
#include "client/sync/TokenStore.h"
#include "tests/support/Wait.h"

#include <QSignalSpy>

namespace Colleagues::Test {

AppClient::AppClient()
{
    if (!m_dir.isValid())
        return;
    open();
}

AppClient::~AppClient()
{
    m_client.reset();
    m_store.reset();
    m_network.reset();
}

bool AppClient::restart()
{
    m_client.reset();
    m_store.reset();
    m_network.reset(); // a new process: no connection of the last one is reused
    m_valid = false;
    open();
    if (!m_valid)
        return false;
    m_client->start();
    return true;
}

void AppClient::open()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_store = std::make_unique<ClientStore>();
    if (!m_store->open(m_dir.path()))
        return;
    m_client = std::make_unique<SyncClient>(m_store.get(), m_network.get());
    m_client->setBackoffPolicy(BackoffPolicy::fast());
    // Tests do not depend on a keychain: the token goes to a private file.
    m_client->tokenStore()->setTokenFile(m_dir.path() + QStringLiteral("/token"));
    m_valid = true;
}

bool AppClient::signIn(const QUrl &server, const QString &user, const QString &password)
{
    QSignalSpy signedIn(m_client->session(), &Session::signedIn);
    QSignalSpy failed(m_client->session(), &Session::signInFailed);
    m_client->session()->signIn(server, user, password);
    waitUntilWithoutSleeping([&] { return !signedIn.isEmpty() || !failed.isEmpty(); }, 30000);
    return !signedIn.isEmpty();
}

} // namespace Colleagues::Test
