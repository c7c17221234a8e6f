// SPDX-License-Identifier: MIT
#include "client/sync/Session.h"

#include "client/sync/ApiClient.h"
#include "client/sync/SyncDatabase.h"
#include "client/sync/SyncLogging.h"
#include "client/sync/SyncSchema_p.h"

namespace Colleagues {

using namespace SyncSchema;

Session::Session(ApiClient *api, SyncDatabase *database, TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_database(database)
    , m_tokens(tokens)
{
    connect(m_api, &ApiClient::authenticationRequired, this, &Session::onAuthenticationRequired);
}

QUrl Session::serverUrl() const
{
    return m_api->serverUrl();
}

bool Session::isSignedIn() const
{
    return m_api->hasToken();
}

QString Session::accountKey(const QUrl &server, const QString &username)
{
    return username + QLatin1Char('@') + server.toString(QUrl::StripTrailingSlash);
}

void Session::signIn(const QUrl &server, const QString &username, const QString &password)
{
    const QUrl previousServer = m_api->serverUrl();
    const QByteArray previousToken = m_api->token();
    m_api->setServerUrl(server);
    m_api->setToken({});
    m_signingIn = true;
    SignInJob *job = m_api->signIn(username, password);
    connect(job, &ApiJob::finished, this, [this, job, server, previousServer, previousToken] {
        m_signingIn = false;
        if (!job->isSucceeded()) {
            m_api->setServerUrl(previousServer);
            m_api->setToken(previousToken);
            Q_EMIT signInFailed(job->error());
            return;
        }
        const QString user = job->username().toLower();
        const QByteArray token = job->token();
        m_mustChangePassword = job->mustChangePassword();
        const QString oldServer = syncValue(m_database->readHandle(), Keys::Server);
        const QString oldUser = syncValue(m_database->readHandle(), Keys::Username);
        const bool otherAccount =
            (!oldServer.isEmpty() && oldServer != server.toString()) || (!oldUser.isEmpty() && oldUser != user);

        m_tokens->write(accountKey(server, user), token, this,
                        [this, server, user, token, otherAccount](const TokenStore::Outcome &out) {
                            m_where = out.ok ? out.where : TokenStore::Where::Memory;
                            if (!out.message.isEmpty())
                                Q_EMIT notice(out.message);
                            m_username = user;
                            m_api->setToken(token);
                            QString storage = QStringLiteral("memory");
                            if (m_where == TokenStore::Where::Keychain)
                                storage = QStringLiteral("keychain");
                            else if (m_where == TokenStore::Where::File)
                                storage = QStringLiteral("file");
                            const QList<QPair<QString, QString>> values {
                                {QLatin1String(Keys::Server), server.toString()},
                                {QLatin1String(Keys::Username), user},
                                {QLatin1String(Keys::TokenStorage), storage},
                                {QLatin1String(Keys::TokenFile), m_tokens->tokenFile()},
                            };
                            m_database->write<bool>(
                                [values, otherAccount](SyncWriter &w) {
                                    // Another person's messages and queued work must not carry over.
                                    return (!otherAccount || w.resetForAccountChange()) && w.setValues(values);
                                },
                                this,
                                [this](bool ok) {
                                    if (!ok)
                                        qCWarning(lcSync) << "could not save the account in the local store";
                                    Q_EMIT signedIn();
                                });
                        });
    });
}

void Session::restore()
{
    sqlite3 *db = m_database->readHandle();
    const QUrl server(syncValue(db, Keys::Server));
    const QString user = syncValue(db, Keys::Username);
    const QString storage = syncValue(db, Keys::TokenStorage);
    if (!server.isValid() || server.isEmpty() || user.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT restored(false); }, Qt::QueuedConnection);
        return;
    }
    m_api->setServerUrl(server);
    m_username = user;
    if (m_tokens->tokenFile().isEmpty() && storage == QLatin1String("file"))
        m_tokens->setTokenFile(syncValue(db, Keys::TokenFile));
    m_tokens->read(accountKey(server, user), this, [this](const TokenStore::Outcome &out) {
        if (!out.message.isEmpty())
            Q_EMIT notice(out.message);
        m_where = out.token.isEmpty() ? TokenStore::Where::Nowhere : out.where;
        m_api->setToken(out.token);
        Q_EMIT restored(!out.token.isEmpty());
    });
}

void Session::signOut()
{
    const QString key = accountKey(m_api->serverUrl(), m_username);
    auto forget = [this, key] {
        m_api->setToken({});
        m_tokens->remove(key, this, [this](const TokenStore::Outcome &) {
            m_where = TokenStore::Where::Nowhere;
            Q_EMIT signedOut();
        });
    };
    if (!m_api->hasToken()) {
        forget();
        return;
    }
    SignOutJob *job = m_api->signOut();
    connect(job, &ApiJob::finished, this, forget);
}

void Session::onAuthenticationRequired()
{
    if (m_signingIn || !m_api->hasToken())
        return;
    qCInfo(lcSync) << "the server refused the token: sign-in required";
    m_api->setToken({});
    // The stored token is dead; queued work stays in the outbox.
    m_tokens->remove(accountKey(m_api->serverUrl(), m_username), this, [](const TokenStore::Outcome &) {});
    m_where = TokenStore::Where::Nowhere;
    Q_EMIT signInRequired();
}

} // namespace Colleagues
