// SPDX-License-Identifier: MIT
#include "server/http/SessionService.h"

#include "core/Validation.h"
#include "server/accounts/PasswordHasher.h"
#include "server/accounts/Tokens.h"
#include "server/cli/PasswordInput.h"
#include "server/http/TrustedProxies.h"

namespace Colleagues::Server {

SessionService::SessionService(Storage *storage, PasswordHasher *hasher, QObject *context, Executor runOnWorker,
                               SessionCache *cache, SignInGate *gate)
    : m_storage(storage)
    , m_hasher(hasher)
    , m_context(context)
    , m_runOnWorker(std::move(runOnWorker))
    , m_cache(cache)
    , m_gate(gate ? gate : &m_ownGate)
{ }

ApiError SessionService::invalidCredentials()
{
    return ApiError::make(ApiError::Kind::Unauthenticated, QStringLiteral("invalid_credentials"),
                          QStringLiteral("The username or password is wrong."));
}

QString SessionService::addressKey(const QHostAddress &peer)
{
    const QHostAddress a = unmapped(peer);
    if (a.protocol() != QAbstractSocket::IPv6Protocol)
        return QStringLiteral("addr:") + a.toString();
    // One IPv6 host usually holds a whole /64: count failures per /64, or a guesser would
    // simply take a new address for every ten tries.
    Q_IPV6ADDR bytes = a.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QStringLiteral("addr:") + QHostAddress(bytes).toString() + QStringLiteral("/64");
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

std::optional<ApiError> SessionService::enterThrottle(const QStringList &keys)
{
    const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-WindowSeconds);
    if (!m_gate->tryEnter(keys, MaxFailures,
                          [this, since](const QString &key) { return m_storage->failedSignInsSince(key, since); })) {
        return throttled(WindowSeconds);
    }
    if (m_hasher->pending() >= MaxQueuedChecks) {
        m_gate->leave(keys);
        ApiError busy = ApiError::make(ApiError::Kind::Unavailable, QStringLiteral("busy"),
                                       QStringLiteral("Too many sign-ins at once; try again in a moment."));
        busy.retryAfterSeconds = 1;
        return busy;
    }
    return std::nullopt;
}

ApiResult<std::optional<Account>> SessionService::enterAndFindAccount(const QStringList &keys, const QString &username)
{
    if (std::optional<ApiError> refused = enterThrottle(keys))
        return std::move(*refused);
    Expected<std::optional<Account>> found = m_storage->findAccount(username);
    if (!found) {
        m_gate->leave(keys);
        return ApiError::fromStorage(found.error());
    }
    return std::move(found.value());
}

bool SessionService::recordFailure(const QString &username, const QString &addrKey)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Expected<int> a = m_storage->recordFailedSignIn(accountKey(username), now);
    const Expected<int> b = m_storage->recordFailedSignIn(addrKey, now);
    return a && b;
}

namespace {

ApiResult<Session> checkedSession(const std::optional<Session> &session)
{
    if (!session || !session->expiresAt.isValid() || session->expiresAt <= QDateTime::currentDateTimeUtc()) {
        return ApiError::make(ApiError::Kind::Unauthenticated, QStringLiteral("unauthorized"),
                              QStringLiteral("The session has expired or was revoked; sign in again."));
    }
    return *session;
}

bool wellFormedToken(const QByteArray &token)
{
    return !token.isEmpty() && token.size() <= SessionService::MaxTokenLength;
}

ApiError missingToken()
{
    return ApiError::make(ApiError::Kind::Unauthenticated, QStringLiteral("unauthorized"),
                          QStringLiteral("Sign in first: send \"Authorization: Bearer <token>\"."));
}

} // namespace

ApiResult<Session> SessionService::authenticate(const QByteArray &token) const
{
    if (!wellFormedToken(token))
        return missingToken();
    const QByteArray tokenHash = Tokens::hash(token);
    std::optional<Session> session = m_cache ? m_cache->find(tokenHash) : std::nullopt;
    if (!session) {
        const quint64 generation = m_cache ? m_cache->generation() : 0;
        const Expected<std::optional<Session>> found = m_storage->findSession(tokenHash);
        if (!found)
            return ApiError::fromStorage(found.error());
        session = found.value();
        if (session && m_cache)
            m_cache->insert(*session, generation);
    }
    return checkedSession(session);
}

std::optional<ApiResult<Session>> SessionService::authenticateCached(const QByteArray &token) const
{
    if (!wellFormedToken(token))
        return missingToken();
    std::optional<Session> session = m_cache ? m_cache->find(Tokens::hash(token)) : std::nullopt;
    if (!session)
        return std::nullopt;
    return checkedSession(session);
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
    const QStringList keys {userKey, addrKey};
    const ApiResult<std::optional<Account>> found = enterAndFindAccount(keys, username);
    if (!found) {
        done(found.error());
        return;
    }
    const std::optional<Account> &account = found.value();
    if (m_directoryCheck && (!account || account->passwordHash.isEmpty())) {
        // The company directory decides, on a worker: a bind may wait for the network.
        const bool disabled = account && account->disabled;
        m_runOnWorker([this, username, password, disabled, addrKey, keys, done] {
            const DirectoryVerdict verdict = m_directoryCheck(username, password);
            if (verdict == DirectoryVerdict::Unavailable) {
                m_gate->leave(keys);
                ApiError down = ApiError::make(ApiError::Kind::Unavailable, QStringLiteral("directory_unavailable"),
                                               QStringLiteral("The company directory cannot be reached, so passwords "
                                                              "cannot be checked; try again later."));
                down.retryAfterSeconds = 30;
                done(std::move(down));
                return;
            }
            ApiResult<SignIn> result = finishSignIn(username, verdict == DirectoryVerdict::Accepted, disabled, addrKey);
            m_gate->leave(keys); // after the failure is stored
            done(std::move(result));
        });
        return;
    }
    // Unknown accounts and accounts without a password go through the same Argon2 work
    // (verifyBlocking() hashes anyway for an empty hash), so timing tells nothing.
    const QByteArray hash = account ? account->passwordHash : QByteArray();
    const bool disabled = account && account->disabled;
    Executor runOnWorker = m_runOnWorker;
    m_hasher->verify(hash, password, m_context, [this, runOnWorker, username, disabled, addrKey, keys, done](bool ok) {
        runOnWorker([this, username, ok, disabled, addrKey, keys, done] {
            ApiResult<SignIn> result = finishSignIn(username, ok, disabled, addrKey);
            m_gate->leave(keys); // after the failure is stored
            done(std::move(result));
        });
    });
}

ApiResult<SignIn> SessionService::finishSignIn(const QString &username, bool passwordOk, bool disabled,
                                               const QString &addrKey)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!passwordOk || disabled)
        return recordFailure(username, addrKey) ? invalidCredentials() : ApiError::databaseUnavailable();
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
    result.mustChangePassword = account->mustChangePassword;
    const Expected<bool> created = m_storage->createSession(result.session);
    if (!created)
        return ApiError::fromStorage(created.error());
    // A good password resets the account's failures; the address keeps its count, so one
    // valid account cannot be used to keep guessing others from the same place.
    m_storage->clearFailedSignIns(accountKey(username));
    return result;
}

std::optional<ApiError> SessionService::checkNewPassword(const QByteArray &current, const QByteArray &newPassword)
{
    if (const Error bad = Cli::checkPassword(newPassword)) {
        const bool tooLong = bad.code == Error::Code::TooLong;
        return ApiError::make(ApiError::Kind::Invalid,
                              tooLong                                 ? QStringLiteral("too_long")
                                  : bad.code == Error::Code::Required ? QStringLiteral("required")
                                                                      : QStringLiteral("too_short"),
                              bad.message, QStringLiteral("new"));
    }
    if (newPassword == current) {
        return ApiError::make(ApiError::Kind::Invalid, QStringLiteral("unchanged"),
                              QStringLiteral("The new password must differ from the current one."),
                              QStringLiteral("new"));
    }
    return std::nullopt;
}

void SessionService::changePassword(const Session &session, const QByteArray &current, const QByteArray &newPassword,
                                    const QHostAddress &peer, std::function<void(ApiResult<bool>)> done)
{
    const QString username = session.username;
    const QString addrKey = addressKey(peer);
    const QStringList keys {accountKey(username), addrKey};
    const ApiResult<std::optional<Account>> found = enterAndFindAccount(keys, username);
    if (!found) {
        done(found.error());
        return;
    }
    const QByteArray hash = found.value() ? found.value()->passwordHash : QByteArray();
    const QByteArray keep = session.tokenHash;
    Executor runOnWorker = m_runOnWorker;
    m_hasher->verify(
        hash, current, m_context, [this, runOnWorker, username, addrKey, keys, keep, newPassword, done](bool ok) {
            runOnWorker([this, username, addrKey, keys, keep, newPassword, ok, done] {
                if (!ok) {
                    const bool recorded = recordFailure(username, addrKey);
                    m_gate->leave(keys);
                    if (!recorded)
                        return done(ApiError::databaseUnavailable());
                    return done(ApiError::make(ApiError::Kind::Unauthenticated, QStringLiteral("invalid_credentials"),
                                               QStringLiteral("The current password is wrong."),
                                               QStringLiteral("current")));
                }
                m_gate->leave(keys);
                m_storage->clearFailedSignIns(accountKey(username));
                finishPasswordChange(username, newPassword, keep, done);
            });
        });
}

void SessionService::finishPasswordChange(const QString &username, const QByteArray &newPassword,
                                          const QByteArray &keepTokenHash, std::function<void(ApiResult<bool>)> done)
{
    Executor runOnWorker = m_runOnWorker;
    m_hasher->hash(newPassword, m_context, [this, runOnWorker, username, keepTokenHash, done](QByteArray hash) {
        runOnWorker([this, username, keepTokenHash, hash, done] {
            if (hash.isEmpty()) {
                ApiError busy = ApiError::make(ApiError::Kind::Unavailable, QStringLiteral("busy"),
                                               QStringLiteral("The new password could not be hashed; try again."));
                busy.retryAfterSeconds = 1;
                return done(busy);
            }
            const Expected<bool> changed = m_storage->changeOwnPassword(username, hash, keepTokenHash);
            if (!changed)
                return done(ApiError::fromStorage(changed.error()));
            // The other sessions are gone from the database; this server forgets them at once
            // (other instances when they hear of it, or within SessionCache::MaxAgeMs).
            if (m_cache)
                m_cache->clear();
            done(true);
        });
    });
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
