// SPDX-License-Identifier: MIT
#pragma once

#include "client/ClientStore.h"
#include "client/sync/SyncClient.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Colleagues::Test {

//! A client as the app builds one, without widgets: its own data directory, store, network and
//! SyncClient (fast backoff; the token in a file, not the keychain).
class AppClient
{
public:
    AppClient();
    ~AppClient();

    bool isValid() const { return m_valid; }
    QString dataDir() const { return m_dir.path(); }
    ClientStore &store() { return *m_store; }
    SyncClient *client() const { return m_client.get(); }
    QNetworkAccessManager *network() { return m_network.get(); }

    //! Signs in (token kept in a file in the data directory); true once signed in.
    bool signIn(const QUrl &server, const QString &user, const QString &password);
    //! Closes the client, its store and its connections and opens them again on the same data
    //! directory, as a restarted app would; the session is restored from the token file.
    bool restart();

private:
    void open();

    QTemporaryDir m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ClientStore> m_store;
    std::unique_ptr<SyncClient> m_client;
    bool m_valid = false;
};

} // namespace Colleagues::Test
