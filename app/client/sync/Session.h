// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/ApiError.h"
#include "client/sync/TokenStore.h"

#include <QObject>
#include <QUrl>

namespace Colleagues {

class ApiClient;
class SyncDatabase;

/*!
 * The signed-in account: server URL, username and bearer token. Signs in with a password
 * (never stored), keeps the token through TokenStore (keychain, opted-in file, or memory),
 * restores it at start, and turns any 401 into signInRequired() without touching queued work.
 */
class Session : public QObject
{
    Q_OBJECT

public:
    Session(ApiClient *api, SyncDatabase *database, TokenStore *tokens, QObject *parent = nullptr);

    QUrl serverUrl() const;
    QString username() const { return m_username; }
    //! A token is at hand (it may still turn out to be expired).
    bool isSignedIn() const;
    //! Where the token is kept.
    TokenStore::Where tokenStorage() const { return m_where; }
    TokenStore *tokenStore() const { return m_tokens; }
    //! The last sign-in said the password was set by an administrator: ask for a new one.
    bool mustChangePassword() const { return m_mustChangePassword; }
    //! After a successful PUT /api/v1/me/password.
    void setPasswordChanged() { m_mustChangePassword = false; }

    //! Signs in; signedIn() or signInFailed() follows. Switching to another account or server
    //! clears the local data of the previous one.
    void signIn(const QUrl &server, const QString &username, const QString &password);
    //! Loads the account and its token saved by an earlier sign-in; restored() follows.
    void restore();
    //! Revokes the token on the server (best effort), forgets it locally; signedOut() follows.
    void signOut();

    //! The keychain entry name of an account.
    static QString accountKey(const QUrl &server, const QString &username);

Q_SIGNALS:
    void signedIn();
    void signInFailed(const Colleagues::ApiError &error);
    //! \a signedIn: a saved token was found and is in use.
    void restored(bool signedIn);
    void signedOut();
    //! The server refused the token (expired or revoked): ask the user to sign in again.
    //! Queued work is kept and goes out after the next sign-in.
    void signInRequired();
    //! Something the user should know that is not an error, e.g. "no keychain: memory only".
    void notice(const QString &message);

private:
    void onAuthenticationRequired();

    ApiClient *m_api;
    SyncDatabase *m_database;
    TokenStore *m_tokens;
    QString m_username;
    TokenStore::Where m_where = TokenStore::Where::Nowhere;
    bool m_signingIn = false;
    bool m_mustChangePassword = false;
};

} // namespace Colleagues
