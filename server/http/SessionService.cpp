// SPDX-License-Identifier: MIT
#include "server/http/SessionService.h"

#include "core/Validation.h"
#include "server/accounts/PasswordHasher.h"
#include "server/accounts/Tokens.h"

namespace Colleagues::Server {

SessionService::SessionService(Storage *storage, PasswordHasher *hasher, QObject *context, Executor runOnWorker,
                               SessionCache *cache)
    : m_storage(storage)
    , m_hasher(hasher)
    , m_context(context)
    , m_runOnWorker(std::move(runOnWorker))
    , m_cache(cache)
{ }

ApiError SessionService::invalidCredentials()
{
    return ApiError::make(ApiError::Kind::Unauthenticated, QStringLiteral("invalid_credentials"),
                          QStringLiteral("The username or password is wrong."));
}

QString SessionService::addressKey(const QHostAddress &peer)
{
    QHostAddress a = peer;
    bool ok = false;
    const quint32 v4 = a.toIPv4Address(&ok);
    if (ok)
        a = QHostAddress(v4);
    return QStringLiteral("addr:") + a.toString();
}

QString SessionService::accountKey(const QString &username)
{
    return QStringLiteral("user:") + username;
}

ApiError SessionService::throttled(int retryAfter) const
{
    ApiError e = ApiError::make(ApiError::Kind::TooManyRequests, QStringLiteral("too_many_requests"),
                                QStringLiteral("Too many failed sign-ins; try again later."));
    e.retryAfterSeconds = qMax(1, retryAfter);
    return e;
}

ApiResult<Session> SessionService::authenticate(const QByteArray &token) const
{
    if (token.isEmpty() || token.size() > MaxTokenLength) {
        return ApiError::make(ApiError::Kind::Unauthenticated, QStringLiteral("unauthorized"),
                              QStringLiteral("Sign in first: send \"Authorization: Bearer <token>\"."));
    }
    const QByteArray tokenHash = Tokens::hash(token);
    std::optional<Session> session = m_cache ? m_cache->find(tokenHash) : std::nullopt;
    if (!session) {
        const Expected<std::optional<Session>> found = m_storage->findSession(tokenHash);
        if (!found)
            return ApiError::fromStorage(found.error());
        session = found.value();
        if (session && m_cache)
            m_cache->insert(*session);
    }
    if (!session || !session->expiresAt.isValid() || session->expiresAt <= QDateTime::currentDateTimeUtc()) {
        return ApiError::make(ApiError::Kind::Unauthenticated, QStringLiteral("unauthorized"),
                              QStringLiteral("The session has expired or was revoked; sign in again."));
    }
    return *session;
}

void SessionService::signIn(const QString &username, const QByteArray &password, const QHostAddress &peer,
                            std::function<void(ApiResult<SignIn>)> done)
{
    if (Validation::checkUsername(username).isError()) {
        // No account can have this name, and the database need not see it.
        done(invalidCredentials());
        return;
    }
    const QString userKey = accountKey(username);
    const QString addrKey = addressKey(peer);
    const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-WindowSeconds);
    if (m_storage->failedSignInsSince(userKey, since) >= MaxFailures
        || m_storage->failedSignInsSince(addrKey, since) >= MaxFailures) {
        done(throttled(WindowSeconds));
        return;
    }

    const Expected<std::optional<Account>> found = m_storage->findAccount(username);
    if (!found) {
        done(ApiError::fromStorage(found.error()));
        return;
    }
    const std::optional<Account> &account = found.value();
    // Unknown accounts and accounts without a password go through the same Argon2 work
    // (verifyBlocking() hashes anyway for an empty hash), so timing tells nothing.
    const QByteArray hash = account ? account->passwordHash : QByteArray();
    const bool disabled = account && account->disabled;
    Executor runOnWorker = m_runOnWorker;
    m_hasher->verify(hash, password, m_context, [this, runOnWorker, username, disabled, addrKey, done](bool ok) {
        runOnWorker(
            [this, username, ok, disabled, addrKey, done] { done(finishSignIn(username, ok, disabled, addrKey)); });
    });
}

ApiResult<SignIn> SessionService::finishSignIn(const QString &username, bool passwordOk, bool disabled,
                                               const QString &addrKey)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!passwordOk) {
        const Expected<int> a = m_storage->recordFailedSignIn(accountKey(username), now);
        const Expected<int> b = m_storage->recordFailedSignIn(addrKey, now);
        if (!a || !b)
            return ApiError::databaseUnavailable();
        return invalidCredentials();
    }
    if (disabled) {
        return ApiError::make(ApiError::Kind::Forbidden, QStringLiteral("account_disabled"),
                              QStringLiteral("This account is disabled; ask an administrator."));
    }
    const Expected<std::optional<Account>> found = m_storage->findAccount(username);
    if (!found)
        return ApiError::fromStorage(found.error());
    const std::optional<Account> &account = found.value();
    if (!account || account->disabled)
        return invalidCredentials();

    SignIn result;
    result.token = Tokens::generate();
    result.session.tokenHash = Tokens::hash(result.token);
    result.session.username = account->username;
    result.session.role = account->role;
    result.session.expiresAt = now.addSecs(LifetimeSeconds);
    const Expected<bool> created = m_storage->createSession(result.session);
    if (!created)
        return ApiError::fromStorage(created.error());
    // A good password resets the account's failures; the address keeps its count, so one
    // valid account cannot be used to keep guessing others from the same place.
    m_storage->clearFailedSignIns(accountKey(username));
    return result;
}

ApiResult<bool> SessionService::signOut(const QByteArray &token)
{
    const QByteArray tokenHash = Tokens::hash(token);
    if (m_cache)
        m_cache->remove(tokenHash);
    const Expected<bool> deleted = m_storage->deleteSession(tokenHash);
    if (!deleted)
        return ApiError::fromStorage(deleted.error());
    return true;
}

} // namespace Colleagues::Server
