// SPDX-License-Identifier: MIT
#pragma once

#include "server/http/ApiError.h"
#include "server/http/SessionCache.h"
#include "server/http/SignInGate.h"
#include "server/storage/Storage.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Colleagues::Server {

class PasswordHasher;

//! What a successful sign-in hands back: the bearer token (shown once, stored only as its hash).
struct SignIn
{
    QByteArray token;
    Session session;
    //! The password was set by an administrator or an import: the client should ask for a new one.
    bool mustChangePassword = false;
};

//! What a company directory says about a username and password (serve --auth ldap).
enum class DirectoryVerdict {
    Accepted,
    Rejected, //!< unknown there, or the wrong password
    Unavailable, //!< the directory cannot be reached: sign-in answers 503, not 401
};
//! Checks a password with the directory; blocking, called on a worker thread, thread-safe.
using DirectoryCheck = std::function<DirectoryVerdict(const QString &username, const QByteArray &password)>;

/*!
 * Sign-in, sign-out and bearer-token checks. Failed sign-ins are counted per account and per
 * address in the database (so every instance sees them); past MaxFailures within the window
 * a sign-in is refused with 429 before any password work. Checks in flight count too
 * (SignInGate), so a parallel burst cannot pass the limit; a full queue of checks answers 503.
 * A disabled account's right password gets the same answer as a wrong one. Unknown users, wrong passwords and
 * accounts without a password get the same answer after the same Argon2 work.
 */
class SessionService
{
public:
    static constexpr int MaxFailures = 10;
    static constexpr int WindowSeconds = 15 * 60;
    static constexpr qint64 LifetimeSeconds = 30LL * 24 * 3600;
    static constexpr int MaxTokenLength = 256;
    static constexpr int MaxPasswordLength = 1024;
    //! Password checks queued per process before sign-in answers 503 with Retry-After.
    static constexpr int MaxQueuedChecks = 64;

    using Executor = std::function<void(std::function<void()>)>;

    //! \a runOnWorker runs blocking work off the HTTP thread; \a context is the QObject in
    //! whose thread password checks report back.
    SessionService(Storage *storage, PasswordHasher *hasher, QObject *context, Executor runOnWorker,
                   SessionCache *cache = nullptr, SignInGate *gate = nullptr);

    /*!
     * Signs accounts without a password hash (those ldap-sync created) and unknown usernames in
     * through \a check; local accounts with a password (admins) still sign in locally. The
     * throttle counts the directory's refusals like wrong passwords; an unreachable directory
     * answers 503 and counts nothing.
     */
    void setDirectoryCheck(DirectoryCheck check) { m_directoryCheck = std::move(check); }

    //! Blocking (worker): the session of a bearer token, or 401.
    ApiResult<Session> authenticate(const QByteArray &token) const;
    //! The same without reading the database (any thread): nothing when the session is not cached.
    std::optional<ApiResult<Session>> authenticateCached(const QByteArray &token) const;

    //! Asynchronous: \a done is called once, on some thread, with the token or the error.
    void signIn(const QString &username, const QByteArray &password, const QHostAddress &peer,
                std::function<void(ApiResult<SignIn>)> done);

    /*!
     * Asynchronous: the signed-in owner of \a session changes their password. A wrong \a current
     * counts as a failed sign-in of the account (and of \a peer's address) and is throttled the
     * same way (401, then 429). On success the must-change flag is cleared and every other
     * session of the account ends; \a session stays. \a newPassword must already be checked
     * (checkNewPassword()). \a done is called once, on some thread.
     */
    void changePassword(const Session &session, const QByteArray &current, const QByteArray &newPassword,
                        const QHostAddress &peer, std::function<void(ApiResult<bool>)> done);

    //! Why \a newPassword cannot replace \a current (422 naming the field "new"), if it cannot:
    //! the rules of `colleagues-server user passwd`, and not the same as the current one.
    static std::optional<ApiError> checkNewPassword(const QByteArray &current, const QByteArray &newPassword);

    //! Blocking (worker): revokes the session of \a token at once.
    ApiResult<bool> signOut(const QByteArray &token);

    static ApiError invalidCredentials();
    static QString addressKey(const QHostAddress &peer);
    static QString accountKey(const QString &username);

private:
    ApiResult<SignIn> finishSignIn(const QString &username, bool passwordOk, bool disabled, const QString &addrKey);
    ApiError throttled(int retryAfter) const;
    //! Enters the throttle for \a keys: an error (429 or 503) when the check must not run.
    std::optional<ApiError> enterThrottle(const QStringList &keys);
    //! Enters the throttle for \a keys, then reads \a username's account; leaves \a keys again
    //! when that fails.
    ApiResult<std::optional<Account>> enterAndFindAccount(const QStringList &keys, const QString &username);
    //! Counts a failed password of \a username from \a addrKey; false when the database failed.
    bool recordFailure(const QString &username, const QString &addrKey);
    void finishPasswordChange(const QString &username, const QByteArray &newPassword, const QByteArray &keepTokenHash,
                              std::function<void(ApiResult<bool>)> done);

    Storage *m_storage;
    PasswordHasher *m_hasher;
    QObject *m_context;
    Executor m_runOnWorker;
    SessionCache *m_cache;
    SignInGate *m_gate;
    SignInGate m_ownGate;
    DirectoryCheck m_directoryCheck;
};

} // namespace Colleagues::Server
