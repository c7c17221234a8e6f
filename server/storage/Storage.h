// SPDX-License-Identifier: MIT
#pragma once

#include "core/Conversation.h"
#include "core/Expected.h"
#include "core/Message.h"
#include "core/Profile.h"
#include "core/Status.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringView>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QSqlDatabase;
QT_END_NAMESPACE

namespace Colleagues::Server {

class ScimStorage;

/*!
 * Failures of the database itself (connection lost, disk full, lock timeout) come back as an
 * Error whose field is "database" and whose code is Required: the operation needs a database
 * that is not available right now. The message is a generic sentence safe to show; the
 * driver's own text goes to the log only. The HTTP layer answers such errors with 503.
 * Errors about the request (unknown recipient, duplicate username, ...) never use this field.
 */
inline bool isDatabaseFailure(const Error &error)
{
    return error.isError() && error.field == QLatin1String("database");
}
Error databaseFailure();

//! Where the server keeps its data: an SQLite file in a directory, or a PostgreSQL URL.
struct StorageConfig
{
    enum class Backend { Sqlite, Postgres };
    Backend backend = Backend::Sqlite;
    QString dataDir; //!< SQLite: the directory holding colleagues.db (and photos, if on disk)
    QString databaseUrl; //!< PostgreSQL: postgresql://user[:password]@host:port/dbname
    // PostgreSQL, parsed from databaseUrl by fromUrl() (percent-decoded):
    QString host = QStringLiteral("localhost"); //!< a host name, or a directory holding the Unix socket
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;
    QString connectOptions; //!< libpq options from the URL's query, "key=value;key=value"

    //! Removed profiles (tombstones) are kept this long so clients can sync the removal;
    //! a cursor older than the oldest purged removal must start over.
    std::chrono::hours tombstoneRetention = std::chrono::hours(24 * 90);
    //! How long SQLite waits for another writer's lock before failing.
    std::chrono::milliseconds busyTimeout = std::chrono::milliseconds(10000);

    //! Parses "postgresql://..." (or "postgres://...") into a config; an Error names what is wrong.
    //! The database name is required; user, password, host (default localhost) and port
    //! (default 5432) are optional. Query items are libpq options, e.g. "?sslmode=require";
    //! "?host=/var/run/postgresql" connects through a Unix socket.
    static Expected<StorageConfig> fromUrl(const QString &url);
    static StorageConfig sqlite(const QString &dataDir);

    //! The SQLite file: dataDir + "/colleagues.db".
    QString sqliteFile() const;
    //! databaseUrl without its password, for logs and messages.
    QString displayName() const;
    //! Adds a Qt SQL connection named \a name to this database, not opened yet: the driver, the
    //! file or the server and account, and the driver's options. On PostgreSQL the connection
    //! shows as \a applicationName (pg_stat_activity).
    QSqlDatabase addConnection(const QString &name, QStringView applicationName = u"colleagues-server") const;
};

enum class Role { Member, Admin };

struct Account
{
    qint64 id = 0;
    QString username;
    QByteArray passwordHash; //!< Argon2id encoded hash; empty: cannot sign in until an admin sets one
    Role role = Role::Member;
    bool disabled = false;
    //! Set by an administrator or an import: the owner should choose a new password (sign-in
    //! says so; the clients ask). Cleared when the owner changes it.
    bool mustChangePassword = false;
    //! Who manages the account: empty for local accounts (user add, import-csv), or the
    //! directory that created it and mirrors it (DirectoryApply::source, e.g. "ldap").
    QString source;
};

//! One person as the company directory knows them, for Storage::applyDirectory().
struct DirectoryPerson
{
    Profile profile; //!< username and the fields the directory owns (DirectoryApply::fields)
    QString externalId; //!< where the directory keeps the person (an LDAP DN), for the record
    bool disabled = false; //!< disabled in the directory: their account here is disabled too
};

//! How Storage::applyDirectory() mirrors a directory.
struct DirectoryApply
{
    QString source = QStringLiteral("ldap"); //!< marks the accounts it creates (Account::source)
    //! The profile fields the directory owns, by their JSON names ("display_name", "email",
    //! "title", "department", "location", "time_zone", "manager", "phone", "bio", "skills",
    //! "interests"); the others keep what members entered.
    QSet<QString> fields;
    //! Usernames the directory has but that could not be read completely: left as they are.
    QSet<QString> keep;
    bool dryRun = false; //!< work out every change, then roll back
    int reportLimit = 20; //!< how many changes DirectoryOutcome::changes lists
    //! false: the people are only those the directory changed since the last sync, and keep
    //! names everyone else it still has (an incremental sync); true: the people are everyone.
    bool complete = true;
    //! Where the directory's sync state is kept (DirectoryState), written with the changes in
    //! the same transaction; empty: nowhere.
    QString stateKey;
    //! The state to keep under stateKey (its fullSyncAt only for a complete sync).
    qint64 watermark = -1;
    qint64 syncedAt = -1;
};

//! What the last directory sync of one source left behind, for the next one to start from.
struct DirectoryState
{
    //! The first second (since the epoch) whose changes the next sync reads; -1: none yet.
    qint64 watermark = -1;
    //! When the last complete sync ran (seconds since the epoch); -1: never.
    qint64 fullSyncAt = -1;
};

//! One change applyDirectory() made (or would make).
struct DirectoryChange
{
    enum class Kind { Created, Updated, Disabled, Enabled };
    Kind kind = Kind::Created;
    QString username;
    QStringList fields; //!< Updated: the fields that changed
};

//! What applyDirectory() did (or, dry, would do).
struct DirectoryOutcome
{
    int created = 0; //!< accounts (and profiles) created
    int updated = 0; //!< profiles whose owned fields changed
    int unchanged = 0;
    int disabled = 0; //!< accounts disabled and profiles removed: gone or disabled in the directory
    int enabled = 0; //!< accounts of the directory enabled again
    int keptLocal = 0; //!< local accounts with a password whose profile the directory updates
    QList<DirectoryChange> changes; //!< the first DirectoryApply::reportLimit changes
    QList<Error> rejected; //!< people whose profile breaks a rule (field names them): skipped
};

//! A sign-in session. session() only returns sessions that have not expired and whose
//! account is not disabled; role is the account's current role.
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

//! A status as sync pages carry it: the status and its wire JSON (compact toJson(); empty when
//! the storage did not encode it). Shared and never changed: at 10,000 clients the same status
//! is on thousands of pages, and a page copies a pointer, not the status.
struct SyncStatus
{
    Status status;
    QByteArray json;
};
using SyncStatusPtr = std::shared_ptr<const SyncStatus>;

//! Whom one change concerns (Storage::audiencesBetween()).
struct SequenceAudience
{
    bool everyone = false;
    QStringList usernames; //!< people, and statuses as statusAudience() names them
};

//! One page of changes after a cursor, as seen by one user.
struct SyncPage
{
    bool startOver = false; //!< the cursor is older than what the server can serve
    QList<Profile> profiles; //!< upserted profiles, in change order
    QList<QString> removedIds; //!< ids of profiles removed (tombstones)
    QList<Message> messages; //!< new messages and messages whose read state changed
    //! statuses changed after the cursor, each person once, as they are now
    QList<SyncStatusPtr> statuses;
    //! the viewer's conversations that changed after the cursor (or that the viewer joined), as
    //! the viewer may see them: as they are now, or as they were when the viewer left
    QList<Conversation> conversations;
    qint64 next = 0; //!< the cursor to pass next time
    bool hasMore = false; //!< more changes wait after next
};

//! What one instance saw of a person's connection, for Storage::reportPresence().
struct PresenceReport
{
    QString username;
    //! The presence this instance sees (online or away); nullopt: only refresh seen_at.
    std::optional<Presence> presence;
    QDateTime seenAt; //!< the last moment this instance saw the person connected
};

//! A status change Storage made by itself or for a report: whose, and its sequence value.
struct StatusChange
{
    QString username;
    qint64 sequence = 0;
};

//! The vocabulary an administrator imported, in the text format of core/Vocabulary.h.
struct StoredVocabulary
{
    QString text;
    QByteArray json; //!< toJson() of the vocabulary, as GET /api/v1/vocabulary answers
    QString version; //!< Vocabulary::version() of text
    QDateTime updatedAt;
};

//! Outcome of an optimistic profile save.
struct SaveOutcome
{
    enum class Status {
        Saved,
        Stale,
        NotFound,
        Removed, //!< the profile was removed (by an admin) and the save may not restore it
    };
    Status status = Status::Saved;
    Profile profile; //!< the saved profile, or the current one when Stale
};

//! Outcome of an import-style upsert.
struct UpsertOutcome
{
    enum class Status { Created, Updated, Unchanged };
    Status status = Status::Created;
    Profile profile; //!< the stored profile
};

//! Outcome of an idempotent send.
struct SendOutcome
{
    Message message;
    bool duplicate = false; //!< the idempotency key was seen before; message is the original
    QStringList audience; //!< a new message to a conversation: its members now (else empty)
};

//! Outcome of starting a conversation or of a change to one.
struct ConversationOutcome
{
    enum class Status {
        Changed, //!< done (created, left, resolved, read further)
        //! nothing to do: a retried creation, leaving again, the same answer, a read mark that
        //! would go back
        Unchanged,
        NotFound, //!< no such conversation, or the caller is not (or no longer) in it
        Forbidden, //!< the caller is in it but may not do this (resolve: not the asker, or a group)
        Conflict, //!< create: the id is another conversation's
    };
    Status status = Status::Changed;
    Conversation conversation; //!< as the caller now sees it (Changed, Unchanged)
    //! whom a change concerns: everyone in the conversation now, and whom it took out
    QStringList audience;
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
 * changesSince() relies on that: it reads the sequence and the rows in one snapshot, so
 * everything up to the sequence it read is visible, and an empty page may safely advance
 * the cursor to it.
 *
 * Failures of the database itself come back as isDatabaseFailure() errors (see there);
 * the std::optional lookups return std::nullopt for them too, their find*() twins tell
 * "not there" from "database down".
 *
 * Usernames are expected normalized (lower case, see Validation); profiles are
 * NFC-normalized and validated again before they are stored.
 */
class Storage : public QObject
{
    Q_OBJECT

public:
    static std::unique_ptr<Storage> create(const StorageConfig &config, QObject *parent = nullptr);
    ~Storage() override;

    //! Opens the database and applies pending schema migrations. Call once at start.
    //! open() must be called in the thread the Storage object lives in: on PostgreSQL that
    //! thread's event loop receives other instances' change notifications.
    virtual Expected<bool> open() = 0;
    virtual StorageConfig::Backend backend() const = 0;
    //! The schema version open() brought the database to.
    virtual int schemaVersion() = 0;

    //! Deletes expired sessions, failed sign-ins older than a day and removed profiles older
    //! than StorageConfig::tombstoneRetention. open() runs it once; a server should run it
    //! periodically (e.g. hourly). Returns how many rows it deleted.
    virtual Expected<int> housekeeping() = 0;
    //! Forgets removed profiles whose removal is older than \a before. Cursors older than the
    //! newest removal forgotten get SyncPage::startOver. Returns how many were forgotten.
    virtual Expected<int> purgeTombstones(const QDateTime &before) = 0;

    // Accounts
    //! Fails with Code::Duplicate (field "username") if the account exists.
    virtual Expected<Account> createAccount(const QString &username, const QByteArray &passwordHash, Role role,
                                            bool mustChangePassword = false) = 0;
    //! Creates, in one transaction, those of \a accounts whose username has no account yet
    //! (id and disabled are ignored); returns the usernames it created. Fails with the
    //! username's error if one is invalid, creating none.
    virtual Expected<QStringList> createAccounts(const QList<Account> &accounts) = 0;
    virtual std::optional<Account> account(const QString &username);
    virtual Expected<std::optional<Account>> findAccount(const QString &username) = 0;
    //! Sets the password (an administrator's doing: \a mustChange asks the owner for a new one).
    //! Fails with Code::OutOfRange (field "username") when there is no such account.
    virtual Expected<bool> setPasswordHash(const QString &username, const QByteArray &passwordHash,
                                           bool mustChange = false) = 0;
    //! The owner's own change, in one transaction: sets the password, clears the must-change
    //! flag and deletes every session of the account but the one of \a keepTokenHash.
    //! Fails with Code::OutOfRange (field "username") when there is no such account.
    virtual Expected<bool> changeOwnPassword(const QString &username, const QByteArray &passwordHash,
                                             const QByteArray &keepTokenHash) = 0;
    //! Disabling also deletes the account's sessions, in the same transaction. Fails with
    //! Code::OutOfRange (field "username") when there is no such account.
    virtual Expected<bool> setDisabled(const QString &username, bool disabled) = 0;
    virtual Expected<bool> setRole(const QString &username, Role role) = 0;
    virtual qint64 accountCount() = 0;

    //! Mirrors a company directory in one transaction: creates an account (source
    //! options.source, no password) and a profile for everyone new in \a people, updates the
    //! owned fields of the others' profiles, enables their accounts again, and disables the
    //! accounts of options.source that are not in \a people (or are disabled there), deleting
    //! their sessions and removing their profiles (tombstones). Local accounts are never
    //! disabled; an existing local account without a password and not an admin is taken over
    //! by the directory. Fails as a whole (nothing changed) when the database fails.
    virtual Expected<DirectoryOutcome> applyDirectory(const QList<DirectoryPerson> &people,
                                                      const DirectoryApply &options) = 0;
    //! The sync state kept under \a key by the last applyDirectory() that named it.
    virtual Expected<DirectoryState> directoryState(const QString &key) = 0;

    // Sessions (tokens are stored as their SHA-256 only)
    //! Fails with Code::OutOfRange (field "username") when there is no such account.
    virtual Expected<bool> createSession(const Session &session) = 0;
    virtual std::optional<Session> session(const QByteArray &tokenHash);
    virtual Expected<std::optional<Session>> findSession(const QByteArray &tokenHash) = 0;
    virtual Expected<bool> deleteSession(const QByteArray &tokenHash) = 0;
    virtual Expected<bool> deleteSessionsOf(const QString &username) = 0;

    // Sign-in throttling, shared by all instances on one database. Keys such as "user:ada"
    // and "addr:127.0.0.1".
    //! Records a failure; returns how many failures \a key has in the 24 hours before \a at.
    virtual Expected<int> recordFailedSignIn(const QString &key, const QDateTime &at) = 0;
    //! 0 when the database fails.
    virtual int failedSignInsSince(const QString &key, const QDateTime &since) = 0;
    virtual Expected<bool> clearFailedSignIns(const QString &key) = 0;

    // Profiles
    //! The profile, if it exists and is not removed.
    virtual std::optional<Profile> profile(const QString &username);
    virtual Expected<std::optional<Profile>> findProfile(const QString &username) = 0;
    //! Creates or replaces a profile by username (admin import); assigns id, revision, updated-at.
    //! Same as importProfile(), returning only the profile.
    virtual Expected<Profile> upsertProfile(const Profile &profile);
    //! Creates or replaces the content of a profile by username. The id, photo and server
    //! fields of \a profile are ignored. A profile whose content is already equal is left
    //! alone (Unchanged: no new revision, no change for clients). A removed profile comes
    //! back with its old id.
    virtual Expected<UpsertOutcome> importProfile(const Profile &profile);
    //! importProfile() for many profiles in one transaction: slot i of the result is the
    //! outcome for profiles[i], or the rule it breaks (invalid profiles are skipped, the others
    //! imported). Fails as a whole only when the database does. Callers split large imports
    //! (say 500 at a time) so that other writers never wait long.
    virtual Expected<QList<Expected<UpsertOutcome>>> importProfiles(const QList<Profile> &profiles) = 0;
    //! Saves the owner's edit only if the stored revision equals expectedRevision. With
    //! expectedRevision 0 and no profile yet (or a removed one), creates it. Stale carries the
    //! current profile; NotFound means there is no profile and expectedRevision was not 0.
    //! An edit that changes nothing is Saved without a new revision. A removed profile is only
    //! brought back when \a mayRestore (Removed otherwise). The stored visibility choices are
    //! kept except for the fields \a profile's visibility names.
    virtual Expected<SaveOutcome> saveProfile(const Profile &profile, qint64 expectedRevision, bool mayRestore) = 0;
    //! Removes a profile, keeping a tombstone (id and username) for sync; its content and
    //! photo are deleted. Returns false when there was no such profile.
    virtual Expected<bool> removeProfile(const QString &username) = 0;
    virtual qint64 profileCount() = 0;
    //! The managers above \a username, nearest first, following existing profiles; a cycle
    //! or a chain deeper than MaxChainDepth ends it (each name appears once).
    virtual Expected<QStringList> managementChain(const QString &username) = 0;
    static constexpr int MaxChainDepth = 1000;
    //! Whether the server keeps some private field to the team by default. Then a change of
    //! someone's manager sends again, to everyone, the profiles whose team it changes (the old
    //! and new manager's reports and chains); otherwise only those whose owners chose "team".
    virtual void setTeamVisibilityByDefault(bool team) = 0;

    // Photos
    //! Stores the photo and sets Profile::photoTag (to photo.tag, or a hash of the data when
    //! photo.tag is empty); empty photo.data removes the photo. Fails with Code::OutOfRange
    //! (field "username") when there is no such profile.
    virtual Expected<Profile> setPhoto(const QString &username, const Photo &photo) = 0;
    virtual std::optional<Photo> photo(const QString &username) = 0;

    // Messages
    //! Stores a message once per (sender, clientId); a repeated key returns the original
    //! (also when two identical sends race). Sets id, sentAt and sequence (the change
    //! sequence value of the send). Fails with Code::OutOfRange, field "to", when the
    //! recipient has no account (field "from" for the sender), and with the field
    //! Validation names when the message is invalid. An empty clientId gets a fresh one.
    virtual Expected<SendOutcome> sendMessage(const Message &message) = 0;
    //! Marks messages from \a other to \a reader with id <= upToId as read; returns how many.
    virtual Expected<int> markRead(const QString &reader, const QString &other, qint64 upToId) = 0;

    // Conversations (docs/api.md "Conversation"). A message to a conversation is sent with
    // sendMessage() and Message::conversation: it fails with Code::OutOfRange, field
    // "conversation", when the sender is not (or no longer) in it, and its outcome's audience
    // names the members. Every change takes a sequence value, and names the members as its
    // ChangeAudience.
    //! Starts \a request's conversation, \a creator its asker (a question) or first member (a
    //! group). The same id again from the same creator with the same kind, title and members is
    //! Unchanged (the conversation as it is now); with anything else it is a Conflict. Fails
    //! with Code::OutOfRange, field "members[i]", when a member is not an active account.
    virtual Expected<ConversationOutcome> createConversation(const QString &creator,
                                                             const ConversationRequest &request) = 0;
    //! \a username leaves; \a suggest (empty: nobody) is added, with added_by \a username.
    //! Leaving again is Unchanged. Fails with field "id" (Code::OutOfRange) when the asker of a
    //! question would leave it, and with field "suggest": Code::OutOfRange, not an active
    //! account; Code::Duplicate, is or was in it; Code::TooMany, the conversation is full.
    virtual Expected<ConversationOutcome> leaveConversation(const QString &id, const QString &username,
                                                            const QString &suggest) = 0;
    //! The asker marks \a messageId as the answer (again: replaces it). Fails with field
    //! "message": Code::OutOfRange, not a message of this conversation; Code::InvalidFormat, the
    //! asker's own.
    virtual Expected<ConversationOutcome> resolveConversation(const QString &id, const QString &username,
                                                              qint64 messageId) = 0;
    //! Sets \a username's read_up_to to \a upToId (at most the conversation's last message); it
    //! never goes back (Unchanged).
    virtual Expected<ConversationOutcome> markConversationRead(const QString &id, const QString &username,
                                                               qint64 upToId) = 0;
    //! The conversation as \a viewer sees it (as it was when they left, if they did); nullopt
    //! when they never were in it, or there is none.
    virtual Expected<std::optional<Conversation>> findConversation(const QString &id, const QString &viewer) = 0;

    // Statuses (docs/api.md "Status")
    //! The person's status as it applies now; the default one when they never had one.
    virtual Expected<Status> findStatus(const QString &username) = 0;
    //! Replaces what \a username chose (validated by statusChoiceFromJson()) and returns the
    //! status as it now applies (window days in the person's profile time zone). Fails with
    //! Code::OutOfRange, field "out_of_office.stand_in", when the stand-in is not another
    //! active member.
    virtual Expected<Status> setStatus(const QString &username, const StatusChoice &choice) = 0;
    //! Records what this instance saw: the presences that differ from the stored ones are
    //! written in one transaction (new sequence values), then seen_at is refreshed for the
    //! others. Returns the changes.
    virtual Expected<QList<StatusChange>> reportPresence(const QList<PresenceReport> &reports) = 0;
    //! Turns offline whoever no instance saw connected since \a offlineBefore (but those
    //! \a connectedHere says this instance has), and applies until expiry and windows that
    //! started or ended by \a now. Returns the changes.
    virtual Expected<QList<StatusChange>> sweepStatuses(const QDateTime &now, const QDateTime &offlineBefore,
                                                        const std::function<bool(const QString &)> &connectedHere) = 0;

    // Sync
    //! What \a viewer may see after \a cursor: every profile change, the viewer's own
    //! messages (sent or received, including read-state changes), every status change (a
    //! full sync leaves out default statuses), the viewer's conversations and their messages, in
    //! sequence order, at most \a limit items (clamped to 1..10000) in all. A conversation the
    //! viewer joined after the cursor comes with all its earlier messages, at the place of the
    //! change that brought them in: then a page may hold more than \a limit items, since those
    //! are never split over two pages. Cursor 0 is a full sync. A cursor older
    //! than the newest purged removal, or newer than the sequence, gets startOver.
    virtual Expected<SyncPage> changesSince(const QString &viewer, qint64 cursor, int limit) = 0;
    //! The page changesSince() would give a viewer whom nothing but statuses in (\a cursor,
    //! \a upTo] concerns (the caller knows that, as a long-poll hub does from the changes'
    //! audiences): those statuses, at most \a limit, and next at \a upTo once they are all in.
    //! Reads the database only when the statuses kept in memory are behind \a upTo.
    virtual Expected<SyncPage> statusesSince(qint64 cursor, qint64 upTo, int limit) = 0;
    //! The latest committed sequence value; 0 for an empty database or when the database fails.
    virtual qint64 latestSequence() = 0;
    //! Whom the changes at sequence values in (\a after, \a upTo] concern, read from the rows
    //! changesSince() reads, for a long-poll hub whose hint of a change did not come (see
    //! LongPollHub): a profile concerns everyone, a status its person (statusAudience()), a
    //! message its sender and recipient or its conversation's members, a change of a
    //! conversation or of who is in it its members. A value missing from the map is in no such
    //! row any more (a later change replaced it and names its own audience): it concerns
    //! nobody. \a upTo must be committed (then every value before it is too).
    virtual Expected<QMap<qint64, SequenceAudience>> audiencesBetween(qint64 after, qint64 upTo) = 0;

    // Vocabulary (skills, places and titles search understands; see core/Vocabulary.h)
    //! The imported vocabulary; std::nullopt when none was imported (the server serves the default).
    virtual Expected<std::optional<StoredVocabulary>> findVocabulary() = 0;
    //! Only its version (read for every sync page); empty when none was imported.
    virtual Expected<QString> vocabularyVersion() = 0;
    //! Replaces the stored vocabulary (updatedAt is set to now).
    virtual Expected<bool> saveVocabulary(const StoredVocabulary &vocabulary) = 0;

    //! Provisioning tokens and users provisioned over SCIM (see ScimStorage).
    virtual ScimStorage &scim() = 0;

    //! Hooks for tests that prove the sequence serialization. Never set them in production.
    struct TestingHooks
    {
        //! Called inside each sequence-taking transaction just before COMMIT.
        std::function<void(qint64 sequence)> beforeCommit;
        //! PostgreSQL only: take sequence values outside the writing transaction (committed
        //! at once, like a database SEQUENCE would), i.e. without the serialization.
        bool unserializedSequence = false;
    };
    void setTestingHooks(TestingHooks hooks) { m_testingHooks = std::move(hooks); }

    //! True when sessionsRevoked() tells of every session that ends and every change of an
    //! account's access, wherever it was made (PostgreSQL: by NOTIFY from the database).
    virtual bool hearsRevocations() const { return false; }

Q_SIGNALS:
    //! Emitted (in the thread that committed) after a change committed, with its sequence
    //! value. On PostgreSQL also emitted (in the Storage's thread) for changes committed by
    //! other instances (NOTIFY). Values only increase: a value committed by one thread may
    //! be skipped when a later one was already emitted, which covers it (everything up to
    //! a sequence value is committed when it is).
    void changed(qint64 sequence);
    //! The change at \a sequence concerns only \a usernames (empty: everyone), as the
    //! committing thread said with a ChangeAudience. Emitted for every change that names its
    //! audience, so that each instance wakes only the long-polls a change concerns, at once:
    //! this instance's in the committing thread, just before changed() (for every value of a
    //! commit that took several); on PostgreSQL also every instance's (this one's again
    //! included) after changed(), in the Storage's thread (NOTIFY).
    void changedFor(qint64 sequence, const QStringList &usernames);
    //! Sessions may have ended that a cache of them holds: emitted (in the Storage's thread)
    //! after any instance or command deleted sessions or changed an account's role or whether
    //! it is disabled, and while the connection that hears of it is down (what it missed is
    //! unknown). Only when hearsRevocations().
    void sessionsRevoked();

protected:
    explicit Storage(QObject *parent = nullptr);
    TestingHooks m_testingHooks;
};

/*!
 * Says whom the changes this thread commits while it lives concern: \a usernames, or everyone
 * when empty. On PostgreSQL each commit's NOTIFY carries it to the other instances
 * (Storage::changedFor), so a message sent through one instance wakes the recipient's
 * long-poll held by another at once, and no one else's. Without one, other instances wake
 * every waiter after a grace time.
 */
class ChangeAudience
{
public:
    explicit ChangeAudience(QStringList usernames);
    ~ChangeAudience();
    Q_DISABLE_COPY_MOVE(ChangeAudience)

    //! The innermost audience of this thread, or nullptr.
    static const QStringList *current();

private:
    QStringList m_usernames;
    const ChangeAudience *m_outer;
};

//! How a ChangeAudience (and a long-poll hint) names a change of \a username's status: it concerns
//! the person and everyone watching them ("~username"; usernames never start with "~").
inline QString statusAudience(const QString &username)
{
    return QLatin1Char('~') + username;
}

//! "member" or "admin".
QString roleName(Role role);
std::optional<Role> roleFromName(QStringView name);

} // namespace Colleagues::Server
