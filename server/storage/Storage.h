#pragma once

#include "Message.h"
#include "Profile.h"
#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace Colleagues::Server {

//! Where the server keeps its data: an SQLite file in a directory, or a PostgreSQL URL.
struct StorageConfig
{
    enum class Backend { Sqlite, Postgres };
    Backend backend = Backend::Sqlite;
    QString dataDir; //!< SQLite: the directory holding colleagues.db (and photos, if on disk)
    QString databaseUrl; //!< PostgreSQL: postgresql://user:password@host:port/dbname

    //! Parses "postgresql://..." (or "postgres://...") into a config; an Error names what is wrong.
    static Result<StorageConfig> fromUrl(const QString &url);
    static StorageConfig sqlite(const QString &dataDir);
};

enum class Role { Member, Admin };

struct Account
{
    qint64 id = 0;
    QString username;
    QByteArray passwordHash; //!< Argon2id encoded hash; empty: cannot sign in until an admin sets one
    Role role = Role::Member;
    bool disabled = false;
};

struct Session
{
    QByteArray tokenHash; //!< SHA-256 of the bearer token; the token itself is never stored
    QString username;
    Role role = Role::Member;
    QDateTime expiresAt;
};

struct Photo
{
    QByteArray data; //!< re-encoded image bytes
    QByteArray mimeType; //!< "image/jpeg" or "image/png"
    QString tag; //!< ETag value (without quotes), equals Profile::photoTag
};

//! One page of changes after a cursor, as seen by one user.
struct SyncPage
{
    bool startOver = false; //!< the cursor is older than what the server can serve
    QList<Profile> profiles; //!< upserted profiles, in change order
    QList<QString> removedIds; //!< ids of profiles removed (tombstones)
    QList<Message> messages; //!< new messages and messages whose read state changed
    qint64 next = 0; //!< the cursor to pass next time
    bool hasMore = false; //!< more changes wait after next
};

//! Outcome of an optimistic profile save.
struct SaveOutcome
{
    enum class Status { Saved, Stale, NotFound };
    Status status = Status::Saved;
    Profile profile; //!< the saved profile, or the current one when Stale
};

//! Outcome of an idempotent send.
struct SendOutcome
{
    Message message;
    bool duplicate = false; //!< the idempotency key was seen before; message is the original
};

/*!
 * The server's storage. One interface, two Qt SQL backends (SQLite, PostgreSQL).
 *
 * Thread safety: every method may be called from any thread; each thread gets its own
 * database connection (Qt SQL connections are per thread). Methods block until the
 * database answered, so callers keep slow work off the HTTP thread where it matters.
 *
 * Change sequence: every change (profile created, updated, removed; message sent; message
 * read) takes the next value of one server-wide, strictly increasing sequence, and writers
 * are serialized on that sequence until they commit, so changes become visible in
 * sequence order and a cursor can never skip a change that commits late.
 *
 * Failures of the database itself come back as Error with code Internal-ish codes
 * (Error::Code::Malformed is never used for that); callers map them to 503.
 */
class Storage : public QObject
{
    Q_OBJECT

public:
    static std::unique_ptr<Storage> create(const StorageConfig &config, QObject *parent = nullptr);
    ~Storage() override;

    //! Opens the database and applies pending schema migrations. Call once at start.
    virtual Result<bool> open() = 0;
    virtual StorageConfig::Backend backend() const = 0;

    // Accounts
    virtual Result<Account> createAccount(const QString &username, const QByteArray &passwordHash, Role role) = 0;
    virtual std::optional<Account> account(const QString &username) = 0;
    virtual Result<bool> setPasswordHash(const QString &username, const QByteArray &passwordHash) = 0;
    virtual Result<bool> setDisabled(const QString &username, bool disabled) = 0;

    // Sessions (tokens are stored as their SHA-256 only)
    virtual Result<bool> createSession(const Session &session) = 0;
    virtual std::optional<Session> session(const QByteArray &tokenHash) = 0;
    virtual Result<bool> deleteSession(const QByteArray &tokenHash) = 0;
    virtual Result<bool> deleteSessionsOf(const QString &username) = 0;

    // Sign-in throttling, shared by all instances on one database
    virtual Result<int> recordFailedSignIn(const QString &key, const QDateTime &at) = 0;
    virtual int failedSignInsSince(const QString &key, const QDateTime &since) = 0;
    virtual Result<bool> clearFailedSignIns(const QString &key) = 0;

    // Profiles
    virtual std::optional<Profile> profile(const QString &username) = 0;
    //! Creates or replaces a profile by username (admin import); assigns id, revision, updated-at.
    virtual Result<Profile> upsertProfile(const Profile &profile) = 0;
    //! Saves the owner's edit only if the stored revision equals expectedRevision.
    virtual Result<SaveOutcome> saveProfile(const Profile &profile, qint64 expectedRevision) = 0;
    virtual Result<bool> removeProfile(const QString &username) = 0;
    virtual qint64 profileCount() = 0;

    // Photos
    virtual Result<Profile> setPhoto(const QString &username, const Photo &photo) = 0;
    virtual std::optional<Photo> photo(const QString &username) = 0;

    // Messages
    //! Stores a message once per (sender, clientId); a repeated key returns the original.
    virtual Result<SendOutcome> sendMessage(const Message &message) = 0;
    //! Marks messages from \a other to \a reader with id <= upToId as read; returns how many.
    virtual Result<int> markRead(const QString &reader, const QString &other, qint64 upToId) = 0;

    // Sync
    virtual Result<SyncPage> changesSince(const QString &viewer, qint64 cursor, int limit) = 0;
    virtual qint64 latestSequence() = 0;

signals:
    //! Emitted (in the thread that committed) after a change committed, with its sequence
    //! value. On PostgreSQL also emitted for changes committed by other instances (NOTIFY).
    void changed(qint64 sequence);

protected:
    explicit Storage(QObject *parent = nullptr);
};

QString roleName(Role role);

} // namespace Colleagues::Server
