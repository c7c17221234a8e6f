// SPDX-License-Identifier: MIT
#include "server/storage/SqlStorage_p.h"

#include "core/Validation.h"
#include "server/storage/Migrations_p.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <algorithm>

Q_LOGGING_CATEGORY(lcStorage, "colleagues.server.storage")

namespace Colleagues::Server {

namespace {

const QString NotifyChannel = QStringLiteral("colleagues_changes");
// Any constant: serializes schema migrations of all server processes on one PostgreSQL.
constexpr qint64 MigrationLockKey = 0x436f6c6c65616775; // "Collegu"
constexpr int MaxSyncLimit = 10000;
constexpr qint64 FailedSignInMemoryMs = 24LL * 60 * 60 * 1000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QDateTime fromMs(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString skillsToJson(const SkillList &skills)
{
    QJsonArray array;
    for (const Skill &skill : skills)
        array.append(QJsonObject {{QStringLiteral("name"), skill.name}, {QStringLiteral("level"), skill.level}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// The JSON arrays below are what skillsToJson()/interestsToJson() write; a full sync reads
// 100,000 of them, so the common case (no escapes) is scanned directly and anything else goes
// through QJsonDocument.

//! Reads a JSON string without escapes starting at \a i (at its opening quote).
bool scanPlainString(QStringView text, qsizetype &i, QString *out)
{
    if (i >= text.size() || text[i] != u'"')
        return false;
    const qsizetype end = text.indexOf(u'"', i + 1);
    if (end < 0)
        return false;
    *out = text.sliced(i + 1, end - i - 1).toString();
    i = end + 1;
    return true;
}

bool scanLiteral(QStringView text, qsizetype &i, QStringView literal)
{
    if (!text.sliced(i).startsWith(literal))
        return false;
    i += literal.size();
    return true;
}

bool scanSkills(QStringView text, SkillList *skills)
{
    qsizetype i = 0;
    if (text.contains(u'\\') || !scanLiteral(text, i, u"["))
        return false;
    while (i < text.size() && text[i] != u']') {
        if (!skills->isEmpty() && !scanLiteral(text, i, u","))
            return false;
        if (!scanLiteral(text, i, u"{\"level\":"))
            return false;
        const qsizetype digits = i;
        while (i < text.size() && text[i].isDigit())
            ++i;
        bool ok = false;
        const int level = text.sliced(digits, i - digits).toInt(&ok);
        Skill skill;
        if (!ok || !scanLiteral(text, i, u",\"name\":") || !scanPlainString(text, i, &skill.name)
            || !scanLiteral(text, i, u"}"))
            return false;
        skill.level = level;
        skills->append(std::move(skill));
    }
    return i == text.size() - 1;
}

SkillList skillsFromJson(const QString &text)
{
    SkillList skills;
    if (scanSkills(text, &skills))
        return skills;
    skills.clear();
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        skills.append(
            Skill {object.value(QLatin1String("name")).toString(), object.value(QLatin1String("level")).toInt(3)});
    }
    return skills;
}

QString interestsToJson(const QStringList &interests)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(interests)).toJson(QJsonDocument::Compact));
}

bool scanInterests(QStringView text, QStringList *interests)
{
    qsizetype i = 0;
    if (text.contains(u'\\') || !scanLiteral(text, i, u"["))
        return false;
    while (i < text.size() && text[i] != u']') {
        if (!interests->isEmpty() && !scanLiteral(text, i, u","))
            return false;
        QString interest;
        if (!scanPlainString(text, i, &interest))
            return false;
        interests->append(std::move(interest));
    }
    return i == text.size() - 1;
}

QStringList interestsFromJson(const QString &text)
{
    QStringList interests;
    if (scanInterests(text, &interests))
        return interests;
    interests.clear();
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array)
        interests.append(value.toString());
    return interests;
}

bool sameContent(const Profile &a, const Profile &b)
{
    return a.displayName == b.displayName && a.email == b.email && a.title == b.title && a.department == b.department
        && a.location == b.location && a.timeZone == b.timeZone && a.manager == b.manager && a.phone == b.phone
        && a.bio == b.bio && a.skills == b.skills && a.interests == b.interests;
}

//! Normalizes and validates a profile before it is stored; the first broken rule is the error.
std::optional<Error> prepareProfile(Profile &profile)
{
    Validation::normalize(profile);
    const QList<Error> errors = Validation::validate(profile);
    if (!errors.isEmpty())
        return errors.first();
    return std::nullopt;
}

Error noSuchAccount(const QString &username, const QString &field = QStringLiteral("username"))
{
    return Error {Error::Code::OutOfRange, field,
                  QStringLiteral("There is no account named \u201c%1\u201d.").arg(username)};
}

Error noSuchProfile(const QString &username)
{
    return Error {Error::Code::OutOfRange, QStringLiteral("username"),
                  QStringLiteral("There is no profile for \u201c%1\u201d.").arg(username)};
}

const QString ProfileColumns = QStringLiteral(
    "id, username, deleted, display_name, email, title, department, location, time_zone, manager, phone, bio, "
    "skills, interests, photo_tag, revision, updated_at, change_seq");
const QString MessageColumns =
    QStringLiteral("id, client_id, sender, recipient, body, sent_at, seq, change_seq, read_at");

} // namespace

namespace Internal {

//! One thread's database connection with its prepared statements.
struct Connection
{
    QString name;
    QSqlDatabase db;
    // Prepared once per connection and reused: on PostgreSQL that saves a PREPARE round trip
    // per call. Destroyed before db (declared after it).
    std::map<QString, std::unique_ptr<QSqlQuery>> statements;
    bool broken = false;
    QMetaObject::Connection threadFinished;
    //! Test-only second connection (TestingHooks::unserializedSequence).
    std::unique_ptr<Connection> side;

    bool execDirect(const QString &sql, QSqlError *error = nullptr)
    {
        QSqlQuery query(db);
        if (query.exec(sql))
            return true;
        if (error)
            *error = query.lastError();
        return false;
    }
};

//! A prepared statement of a connection, finished when it goes out of scope (an unfinished
//! SELECT would keep SQLite's read snapshot, and block COMMIT).
class Query
{
public:
    Query(Connection &connection, const QString &sql)
    {
        auto it = connection.statements.find(sql);
        if (it == connection.statements.end()) {
            auto query = std::make_unique<QSqlQuery>(connection.db);
            query->setForwardOnly(true);
            if (!query->prepare(sql)) {
                m_error = query->lastError();
                return;
            }
            it = connection.statements.emplace(sql, std::move(query)).first;
        }
        m_query = it->second.get();
    }
    ~Query() { finish(); }
    Q_DISABLE_COPY_MOVE(Query)

    bool exec(const QVariantList &values = {})
    {
        if (!m_query)
            return false;
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QVariant &value = values.at(i);
            // A null QString is SQL NULL to the drivers; our text columns mean "empty".
            if (value.typeId() == QMetaType::QString && value.toString().isNull())
                m_query->bindValue(static_cast<int>(i), QStringLiteral(""));
            else
                m_query->bindValue(static_cast<int>(i), value);
        }
        if (!m_query->exec()) {
            m_error = m_query->lastError();
            m_query->finish();
            return false;
        }
        return true;
    }
    bool next() { return m_query && m_query->next(); }
    QVariant value(int i) const { return m_query->value(i); }
    qint64 int64(int i) const { return m_query->value(i).toLongLong(); }
    QString text(int i) const { return m_query->value(i).toString(); }
    int rowsAffected() const { return m_query ? m_query->numRowsAffected() : 0; }
    const QSqlError &error() const { return m_error; }
    void finish()
    {
        if (m_query)
            m_query->finish();
    }

    //! Runs the statement and reads the first column of its first row.
    std::optional<qint64> scalar(const QVariantList &values = {})
    {
        if (!exec(values))
            return std::nullopt;
        const qint64 result = next() ? int64(0) : 0;
        finish();
        return result;
    }

private:
    QSqlQuery *m_query = nullptr;
    QSqlError m_error;
};

//! A transaction on one connection; rolled back unless committed.
//!
//! Writers are serialized: on SQLite by BEGIN IMMEDIATE (the database's single write lock),
//! on PostgreSQL by the one change_counter row, which a Sequenced transaction locks at BEGIN
//! (SELECT ... FOR UPDATE) and updates in takeSequence(); the lock is held until COMMIT. So
//! a transaction that took sequence value n commits before any transaction can take n + 1,
//! changes become visible in sequence order, and what a writer read is still current when it
//! commits.
class Transaction
{
public:
    enum class Kind {
        Write, //!< writes without sequence values (accounts, sessions, purges, migrations)
        Sequenced, //!< writes that take sequence values: serialized with each other from BEGIN on
        Read, //!< one consistent snapshot, read only
    };

    Transaction(SqlStorage &storage, Connection &connection, Kind kind = Kind::Write)
        : m_storage(storage)
        , m_connection(connection)
        , m_kind(kind)
    { }
    ~Transaction()
    {
        if (m_active)
            rollback();
    }
    Q_DISABLE_COPY_MOVE(Transaction)

    bool begin()
    {
        QString sql;
        if (m_storage.isPostgres()) {
            sql = m_kind == Kind::Read ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                                       : QStringLiteral("BEGIN");
        } else {
            sql = m_kind == Kind::Read ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
        }
        m_active = m_connection.execDirect(sql, &m_error);
        if (m_active && m_kind == Kind::Sequenced && m_storage.isPostgres()
            && !m_storage.m_testingHooks.unserializedSequence) {
            // Wait for the writer before us to commit before reading anything: what this
            // transaction reads (a revision, unread messages) is then what it writes over.
            // SQLite's BEGIN IMMEDIATE does the same.
            Query lock(m_connection, QStringLiteral("SELECT value FROM change_counter WHERE id = 1 FOR UPDATE"));
            if (!lock.scalar()) {
                m_error = lock.error();
                rollback();
            }
        }
        return m_active;
    }

    //! Takes \a count consecutive sequence values; returns the first. The last is what
    //! commit() announces.
    std::optional<qint64> takeSequence(int count = 1)
    {
        const QString sql = QStringLiteral("UPDATE change_counter SET value = value + ? WHERE id = 1 RETURNING value");
        Connection *target = &m_connection;
        if (m_storage.m_testingHooks.unserializedSequence && m_storage.isPostgres())
            target = sideConnection();
        if (!target)
            return std::nullopt;
        Query query(*target, sql);
        const auto last = query.scalar({count});
        if (!last || *last <= 0) {
            m_error = query.error();
            return std::nullopt;
        }
        m_lastSequence = *last;
        return *last - count + 1;
    }

    bool commit()
    {
        if (m_lastSequence > 0) {
            if (m_storage.isPostgres()) {
                // Delivered to listeners (other server processes) when, and only if, we commit.
                Query notify(m_connection, QStringLiteral("SELECT pg_notify(?, ?)"));
                if (!notify.exec({NotifyChannel, QString::number(m_lastSequence)})) {
                    m_error = notify.error();
                    return false;
                }
            }
            if (m_storage.m_testingHooks.beforeCommit)
                m_storage.m_testingHooks.beforeCommit(m_lastSequence);
        }
        m_active = false;
        if (!m_connection.execDirect(QStringLiteral("COMMIT"), &m_error)) {
            m_connection.execDirect(QStringLiteral("ROLLBACK"));
            return false;
        }
        if (m_lastSequence > 0)
            m_storage.emitChanged(m_lastSequence);
        return true;
    }

    void rollback()
    {
        m_active = false;
        m_connection.execDirect(QStringLiteral("ROLLBACK"));
    }

    //! Rolls back and reports \a error (or the transaction's own last error).
    Error fail(QStringView what, const QSqlError &error = {})
    {
        if (m_active)
            rollback();
        return m_storage.failure(m_connection, error.isValid() ? error : m_error, what);
    }

private:
    Connection *sideConnection()
    {
        if (!m_connection.side) {
            auto side = std::make_unique<Connection>();
            side->name = m_connection.name + QStringLiteral("-side");
            side->db = QSqlDatabase::cloneDatabase(m_connection.db, side->name);
            if (!side->db.open())
                return nullptr;
            m_connection.side = std::move(side);
        }
        return m_connection.side.get();
    }

    SqlStorage &m_storage;
    Connection &m_connection;
    Kind m_kind;
    bool m_active = false;
    qint64 m_lastSequence = 0;
    QSqlError m_error;
};

} // namespace Internal

using Internal::Connection;
using Internal::Query;
using Internal::Transaction;

namespace {

Profile profileFromRow(const Query &q, bool *deleted = nullptr, qint64 *changeSeq = nullptr)
{
    Profile p;
    p.id = q.text(0);
    p.username = q.text(1);
    if (deleted)
        *deleted = q.value(2).toBool();
    p.displayName = q.text(3);
    p.email = q.text(4);
    p.title = q.text(5);
    p.department = q.text(6);
    p.location = q.text(7);
    p.timeZone = q.text(8);
    p.manager = q.text(9);
    p.phone = q.text(10);
    p.bio = q.text(11);
    p.skills = skillsFromJson(q.text(12));
    p.interests = interestsFromJson(q.text(13));
    p.photoTag = q.text(14);
    p.revision = q.int64(15);
    p.updatedAt = fromMs(q.value(16));
    if (changeSeq)
        *changeSeq = q.int64(17);
    return p;
}

Message messageFromRow(const Query &q, qint64 *changeSeq = nullptr)
{
    Message m;
    m.id = q.int64(0);
    m.clientId = q.text(1);
    m.sender = q.text(2);
    m.recipient = q.text(3);
    m.body = q.text(4);
    m.sentAt = fromMs(q.value(5));
    m.sequence = q.int64(6);
    if (changeSeq)
        *changeSeq = q.int64(7);
    m.readAt = fromMs(q.value(8));
    return m;
}

//! A profile row as read inside a transaction, with its server-side state.
struct StoredProfile
{
    Profile profile;
    bool deleted = false;
};

//! Reads a profile by username, removed ones included. nullopt inside: there is none.
Result<std::optional<StoredProfile>> readProfile(Connection &c, const QString &username, QSqlError *error)
{
    Query q(c, QStringLiteral("SELECT %1 FROM profiles WHERE username = ?").arg(ProfileColumns));
    if (!q.exec({username})) {
        *error = q.error();
        return Error {};
    }
    if (!q.next())
        return std::optional<StoredProfile>();
    StoredProfile stored;
    stored.profile = profileFromRow(q, &stored.deleted);
    return std::optional<StoredProfile>(std::move(stored));
}

QVariantList contentValues(const Profile &p)
{
    return {p.displayName,
            p.email,
            p.title,
            p.department,
            p.location,
            p.timeZone,
            p.manager,
            p.phone,
            p.bio,
            skillsToJson(p.skills),
            interestsToJson(p.interests)};
}

} // namespace

SqlStorage::SqlStorage(const StorageConfig &config, QObject *parent)
    : Storage(parent)
    , m_config(config)
    , m_connectionPrefix(QStringLiteral("colleagues-%1").arg(reinterpret_cast<quintptr>(this), 0, 16))
{
    m_listenerCheck.setInterval(std::chrono::seconds(2));
    connect(&m_listenerCheck, &QTimer::timeout, this, &SqlStorage::checkListener);
}

SqlStorage::~SqlStorage()
{
    m_listenerCheck.stop();
    if (!m_listenerName.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_listenerName, false);
            if (db.isValid())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_listenerName);
    }
    std::map<QThread *, std::unique_ptr<Connection>> connections;
    {
        QMutexLocker locker(&m_connectionsMutex);
        connections.swap(m_connections);
    }
    for (auto &[thread, connection] : connections) {
        disconnect(connection->threadFinished);
        QStringList names {connection->name};
        if (connection->side)
            names.append(connection->side->name);
        connection.reset();
        for (const QString &name : std::as_const(names))
            QSqlDatabase::removeDatabase(name);
    }
}

void SqlStorage::configure(QSqlDatabase &db) const
{
    if (isPostgres()) {
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
        db.setDatabaseName(m_config.databaseName);
        QString options = QStringLiteral("connect_timeout=10;application_name=colleagues-server");
        if (!m_config.connectOptions.isEmpty())
            options += QLatin1Char(';') + m_config.connectOptions;
        db.setConnectOptions(options);
    } else {
        db.setDatabaseName(m_config.sqliteFile());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_config.busyTimeout.count()));
    }
}

Connection *SqlStorage::connection()
{
    QThread *thread = QThread::currentThread();
    Connection *c = nullptr;
    {
        QMutexLocker locker(&m_connectionsMutex);
        auto &slot = m_connections[thread];
        if (!slot) {
            slot = std::make_unique<Connection>();
            slot->name = QStringLiteral("%1-%2").arg(m_connectionPrefix).arg(reinterpret_cast<quintptr>(thread), 0, 16);
            slot->db = QSqlDatabase::addDatabase(isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"),
                                                 slot->name);
            configure(slot->db);
            // A pool thread that ends takes its connection with it.
            slot->threadFinished = connect(
                thread, &QThread::finished, this, [this, thread] { dropConnection(thread); }, Qt::DirectConnection);
        }
        c = slot.get();
    }
    return openConnection(c);
}

Connection *SqlStorage::openConnection(Connection *c)
{
    if (c->broken) {
        c->statements.clear();
        c->db.close();
        c->broken = false;
    }
    if (c->db.isOpen())
        return c;
    if (!c->db.isValid() || !c->db.open()) {
        qCWarning(lcStorage).noquote()
            << QStringLiteral("cannot open the database %1: %2").arg(m_config.displayName(), c->db.lastError().text());
        return nullptr;
    }
    if (!isPostgres()) {
        for (const char *pragma : {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"}) {
            QSqlError error;
            if (!c->execDirect(QString::fromLatin1(pragma), &error)) {
                qCWarning(lcStorage).noquote() << pragma << "failed:" << error.text();
                c->db.close();
                return nullptr;
            }
        }
    }
    return c;
}

void SqlStorage::dropConnection(QThread *thread)
{
    std::unique_ptr<Connection> connection;
    {
        QMutexLocker locker(&m_connectionsMutex);
        auto it = m_connections.find(thread);
        if (it == m_connections.end())
            return;
        connection = std::move(it->second);
        m_connections.erase(it);
    }
    disconnect(connection->threadFinished);
    QStringList names {connection->name};
    if (connection->side)
        names.append(connection->side->name);
    connection.reset();
    for (const QString &name : std::as_const(names))
        QSqlDatabase::removeDatabase(name);
}

Error SqlStorage::failure(Connection &c, const QSqlError &error, QStringView what)
{
    qCWarning(lcStorage).noquote() << what << "failed:" << error.text();
    // Find out whether the connection itself is gone; if so, reopen it next time.
    if (error.type() == QSqlError::ConnectionError || !c.db.isOpen() || !c.execDirect(QStringLiteral("SELECT 1")))
        c.broken = true;
    return databaseFailure();
}

QSqlDatabase *SqlStorage::threadDatabase()
{
    Connection *c = connection();
    return c ? &c->db : nullptr;
}

Error SqlStorage::statementFailure(const QSqlError &error, QStringView what)
{
    Connection *c = connection();
    return c ? failure(*c, error, what) : databaseFailure();
}

std::optional<qint64> SqlStorage::scalar(const QString &sql, const QVariantList &values)
{
    Connection *c = connection();
    if (!c)
        return std::nullopt;
    Query q(*c, sql);
    const auto value = q.scalar(values);
    if (!value)
        failure(*c, q.error(), sql);
    return value;
}

void SqlStorage::emitChanged(qint64 sequence)
{
    qint64 previous = m_lastEmitted.load();
    while (sequence > previous) {
        if (m_lastEmitted.compare_exchange_weak(previous, sequence)) {
            Q_EMIT changed(sequence);
            return;
        }
    }
}

// ---- opening and migrations -------------------------------------------------------------

Result<bool> SqlStorage::open()
{
    if (!isPostgres()) {
        const QDir dir(m_config.dataDir);
        if (!dir.exists()) {
            if (!QDir().mkpath(m_config.dataDir)) {
                return Error {Error::Code::InvalidFormat, QStringLiteral("data_dir"),
                              QStringLiteral("Cannot create the data directory %1.")
                                  .arg(QDir::toNativeSeparators(m_config.dataDir))};
            }
            // It holds password hashes and messages: owner only.
            QFile::setPermissions(m_config.dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
    }
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    if (!isPostgres()) {
        QSqlError error;
        // Persistent in the file; set once here rather than by every connection.
        if (!c->execDirect(QStringLiteral("PRAGMA journal_mode = WAL"), &error))
            return failure(*c, error, u"enabling WAL");
    }
    auto migrated = migrate(*c);
    if (!migrated)
        return migrated;
    m_opened = true;
    if (isPostgres())
        startListening();
    m_lastEmitted = latestSequence();
    auto cleaned = housekeeping();
    if (!cleaned)
        return cleaned.error();
    return true;
}

Result<bool> SqlStorage::migrate(Connection &c)
{
    QSqlError error;
    if (isPostgres()) {
        // Another server process may be migrating the same database right now.
        if (!c.execDirect(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(MigrationLockKey), &error))
            return failure(c, error, u"taking the migration lock");
    }
    const auto unlock = qScopeGuard([&] {
        if (isPostgres())
            c.execDirect(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(MigrationLockKey));
    });
    if (!c.execDirect(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                                     " description TEXT NOT NULL, applied_at BIGINT NOT NULL)"),
                      &error)) {
        return failure(c, error, u"creating schema_version");
    }
    const QList<Internal::Migration> &all = Internal::migrations();
    const int known = all.isEmpty() ? 0 : all.constLast().version;
    for (const Internal::Migration &migration : all) {
        Transaction tx(*this, c);
        if (!tx.begin())
            return tx.fail(u"starting a migration");
        Query versionQuery(c, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
        const auto current = versionQuery.scalar();
        if (!current)
            return tx.fail(u"reading the schema version", versionQuery.error());
        if (*current > known) {
            tx.rollback();
            return Error {Error::Code::OutOfRange, QStringLiteral("database"),
                          QStringLiteral("The database has schema version %1, newer than this server knows (%2); "
                                         "use a newer colleagues-server.")
                              .arg(*current)
                              .arg(known)};
        }
        if (*current >= migration.version) {
            tx.rollback();
            continue;
        }
        const QStringList &statements = isPostgres() ? migration.postgres : migration.sqlite;
        for (const QString &statement : statements) {
            if (!c.execDirect(statement, &error))
                return tx.fail(QStringLiteral("migration %1").arg(migration.version), error);
        }
        Query record(c,
                     QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"));
        if (!record.exec({migration.version, migration.description, nowMs()}))
            return tx.fail(u"recording a migration", record.error());
        record.finish();
        if (!tx.commit())
            return tx.fail(u"committing a migration");
        qCInfo(lcStorage).noquote() << "applied schema migration" << migration.version << "-" << migration.description;
    }
    // Statements prepared before the migration may refer to an older schema.
    c.statements.clear();
    return true;
}

int SqlStorage::schemaVersion()
{
    return static_cast<int>(scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")).value_or(0));
}

void SqlStorage::startListening()
{
    m_listenerName = m_connectionPrefix + QStringLiteral("-listen");
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_listenerName);
    configure(db);
    connect(db.driver(), &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                bool ok = false;
                const qint64 sequence = payload.toString().toLongLong(&ok);
                if (name == NotifyChannel && ok)
                    emitChanged(sequence);
            });
    if (!db.open() || !db.driver()->subscribeToNotification(NotifyChannel))
        qCWarning(lcStorage).noquote() << "cannot listen for other instances' changes:" << db.lastError().text();
    m_listenerCheck.start();
}

// Every few seconds: make sure the listening connection is alive (reconnect and subscribe
// again if not), and read the latest sequence, so that a notification lost while the
// connection was down, or consumed by this very query, still wakes the waiters.
void SqlStorage::checkListener()
{
    QSqlDatabase db = QSqlDatabase::database(m_listenerName, false);
    if (!db.isValid())
        return;
    {
        QSqlQuery query(db);
        if (db.isOpen() && query.exec(QStringLiteral("SELECT value FROM change_counter WHERE id = 1"))
            && query.next()) {
            emitChanged(query.value(0).toLongLong());
            return;
        }
    }
    db.close();
    if (!db.open() || !db.driver()->subscribeToNotification(NotifyChannel)) {
        qCWarning(lcStorage).noquote() << "listening connection still down:" << db.lastError().text();
        return;
    }
    qCInfo(lcStorage) << "listening connection restored";
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT value FROM change_counter WHERE id = 1")) && query.next())
        emitChanged(query.value(0).toLongLong());
}

Result<int> SqlStorage::housekeeping()
{
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    const qint64 now = nowMs();
    int removed = 0;
    Query sessions(*c, QStringLiteral("DELETE FROM sessions WHERE expires_at <= ?"));
    if (!sessions.exec({now}))
        return failure(*c, sessions.error(), u"deleting expired sessions");
    removed += sessions.rowsAffected();
    Query failures(*c, QStringLiteral("DELETE FROM failed_sign_ins WHERE at < ?"));
    if (!failures.exec({now - FailedSignInMemoryMs}))
        return failure(*c, failures.error(), u"deleting old failed sign-ins");
    removed += failures.rowsAffected();
    const auto purged = purgeTombstones(QDateTime::currentDateTimeUtc().addSecs(
        -std::chrono::duration_cast<std::chrono::seconds>(m_config.tombstoneRetention).count()));
    if (!purged)
        return purged.error();
    return removed + *purged;
}

Result<int> SqlStorage::purgeTombstones(const QDateTime &before)
{
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    const qint64 limit = before.toMSecsSinceEpoch();
    Transaction tx(*this, *c);
    if (!tx.begin())
        return tx.fail(u"starting a purge");
    Query newest(
        *c,
        QStringLiteral("SELECT COALESCE(MAX(change_seq), 0) FROM profiles WHERE deleted = TRUE AND updated_at < ?"));
    const auto newestPurged = newest.scalar({limit});
    if (!newestPurged)
        return tx.fail(u"finding old removals", newest.error());
    if (*newestPurged == 0) {
        tx.rollback();
        return 0;
    }
    // Cursors before the newest removal we forget would miss it: they must start over.
    Query raise(*c, QStringLiteral("UPDATE sync_state SET value = ? WHERE key = 'min_cursor' AND value < ?"));
    if (!raise.exec({*newestPurged, *newestPurged}))
        return tx.fail(u"raising the oldest usable cursor", raise.error());
    Query purge(*c, QStringLiteral("DELETE FROM profiles WHERE deleted = TRUE AND updated_at < ?"));
    if (!purge.exec({limit}))
        return tx.fail(u"purging old removals", purge.error());
    const int purged = purge.rowsAffected();
    if (!tx.commit())
        return tx.fail(u"committing a purge");
    qCInfo(lcStorage) << "forgot" << purged << "removed profiles; cursors before" << *newestPurged << "start over";
    return purged;
}

// ---- accounts ---------------------------------------------------------------------------

Result<Account> SqlStorage::createAccount(const QString &username, const QByteArray &passwordHash, Role role)
{
    if (const Error invalid = Validation::checkUsername(username))
        return invalid;
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    Query insert(*c,
                 QStringLiteral("INSERT INTO accounts (username, password_hash, role, disabled, created_at)"
                                " VALUES (?, ?, ?, FALSE, ?) RETURNING id"));
    const auto id = insert.scalar({username, QString::fromLatin1(passwordHash), roleName(role), nowMs()});
    if (!id) {
        const QSqlError error = insert.error();
        auto existing = findAccount(username);
        if (existing && existing->has_value()) {
            return Error {Error::Code::Duplicate, QStringLiteral("username"),
                          QStringLiteral("There is already an account named \u201c%1\u201d.").arg(username)};
        }
        return failure(*c, error, u"creating an account");
    }
    return Account {*id, username, passwordHash, role, false};
}

Result<QStringList> SqlStorage::createAccounts(const QList<Account> &accounts)
{
    for (const Account &account : accounts) {
        if (const Error invalid = Validation::checkUsername(account.username))
            return invalid;
    }
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    Transaction tx(*this, *c);
    if (!tx.begin())
        return tx.fail(u"starting to create accounts");
    QStringList created;
    Query insert(*c,
                 QStringLiteral("INSERT INTO accounts (username, password_hash, role, disabled, created_at)"
                                " VALUES (?, ?, ?, FALSE, ?) ON CONFLICT (username) DO NOTHING"));
    const qint64 now = nowMs();
    for (const Account &account : accounts) {
        if (!insert.exec({account.username, QString::fromLatin1(account.passwordHash), roleName(account.role), now}))
            return tx.fail(u"creating an account", insert.error());
        if (insert.rowsAffected() > 0)
            created.append(account.username);
        insert.finish();
    }
    if (!tx.commit())
        return tx.fail(u"committing new accounts");
    return created;
}

Result<std::optional<Account>> SqlStorage::findAccount(const QString &username)
{
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    Query q(*c, QStringLiteral("SELECT id, username, password_hash, role, disabled FROM accounts WHERE username = ?"));
    if (!q.exec({username}))
        return failure(*c, q.error(), u"reading an account");
    if (!q.next())
        return std::optional<Account>();
    Account account;
    account.id = q.int64(0);
    account.username = q.text(1);
    account.passwordHash = q.text(2).toLatin1();
    account.role = roleFromName(q.text(3)).value_or(Role::Member);
    account.disabled = q.value(4).toBool();
    return std::optional<Account>(account);
}

Result<bool> SqlStorage::setPasswordHash(const QString &username, const QByteArray &passwordHash)
{
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    Query q(*c, QStringLiteral("UPDATE accounts SET password_hash = ? WHERE username = ?"));
    if (!q.exec({QString::fromLatin1(passwordHash), username}))
        return failure(*c, q.error(), u"setting a password");
    if (q.rowsAffected() == 0)
        return noSuchAccount(username);
    return true;
}

Result<bool> SqlStorage::setDisabled(const QString &username, bool disabled)
{
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    Transaction tx(*this, *c);
    if (!tx.begin())
        return tx.fail(u"starting to disable an account");
    Query update(*c, QStringLiteral("UPDATE accounts SET disabled = ? WHERE username = ?"));
    if (!update.exec({disabled, username}))
        return tx.fail(u"disabling an account", update.error());
    if (update.rowsAffected() == 0) {
        tx.rollback();
        return noSuchAccount(username);
    }
    update.finish();
    if (disabled) {
        Query revoke(
            *c,
            QStringLiteral("DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE username = ?)"));
        if (!revoke.exec({username}))
            return tx.fail(u"revoking sessions", revoke.error());
    }
    if (!tx.commit())
        return tx.fail(u"committing a disabled account");
    return true;
}

Result<bool> SqlStorage::setRole(const QString &username, Role role)
{
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    Query q(*c, QStringLiteral("UPDATE accounts SET role = ? WHERE username = ?"));
    if (!q.exec({roleName(role), username}))
        return failure(*c, q.error(), u"setting a role");
    if (q.rowsAffected() == 0)
        return noSuchAccount(username);
    return true;
}

qint64 SqlStorage::accountCount()
{
    return scalar(QStringLiteral("SELECT COUNT(*) FROM accounts")).value_or(0);
}

// ---- sessions and throttling ------------------------------------------------------------

Result<bool> SqlStorage::createSession(const Session &session)
{
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    Query q(*c,
            QStringLiteral("INSERT INTO sessions (token_hash, account_id, created_at, expires_at)"
                           " SELECT ?, id, ?, ? FROM accounts WHERE username = ?"));
    if (!q.exec({session.tokenHash, nowMs(), session.expiresAt.toMSecsSinceEpoch(), session.username}))
        return failure(*c, q.error(), u"creating a session");
    if (q.rowsAffected() == 0)
        return noSuchAccount(session.username);
    return true;
}

Result<std::optional<Session>> SqlStorage::findSession(const QByteArray &tokenHash)
{
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    Query q(*c,
            QStringLiteral("SELECT a.username, a.role, s.expires_at FROM sessions s"
                           " JOIN accounts a ON a.id = s.account_id"
                           " WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled = FALSE"));
    if (!q.exec({tokenHash, nowMs()}))
        return failure(*c, q.error(), u"reading a session");
    if (!q.next())
        return std::optional<Session>();
    Session session;
    session.tokenHash = tokenHash;
    session.username = q.text(0);
    session.role = roleFromName(q.text(1)).value_or(Role::Member);
    session.expiresAt = fromMs(q.value(2));
    return std::optional<Session>(session);
}

Result<bool> SqlStorage::deleteSession(const QByteArray &tokenHash)
{
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    Query q(*c, QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"));
    if (!q.exec({tokenHash}))
        return failure(*c, q.error(), u"deleting a session");
    return q.rowsAffected() > 0;
}

Result<bool> SqlStorage::deleteSessionsOf(const QString &username)
{
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    Query q(*c,
            QStringLiteral("DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE username = ?)"));
    if (!q.exec({username}))
        return failure(*c, q.error(), u"deleting sessions");
    return q.rowsAffected() > 0;
}

Result<int> SqlStorage::recordFailedSignIn(const QString &key, const QDateTime &at)
{
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    const qint64 atMs = at.toMSecsSinceEpoch();
    Query insert(*c, QStringLiteral("INSERT INTO failed_sign_ins (key, at) VALUES (?, ?)"));
    if (!insert.exec({key, atMs}))
        return failure(*c, insert.error(), u"recording a failed sign-in");
    Query count(*c, QStringLiteral("SELECT COUNT(*) FROM failed_sign_ins WHERE key = ? AND at > ?"));
    const auto n = count.scalar({key, atMs - FailedSignInMemoryMs});
    if (!n)
        return failure(*c, count.error(), u"counting failed sign-ins");
    return static_cast<int>(*n);
}

int SqlStorage::failedSignInsSince(const QString &key, const QDateTime &since)
{
    return static_cast<int>(scalar(QStringLiteral("SELECT COUNT(*) FROM failed_sign_ins WHERE key = ? AND at >= ?"),
                                   {key, since.toMSecsSinceEpoch()})
                                .value_or(0));
}

Result<bool> SqlStorage::clearFailedSignIns(const QString &key)
{
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    Query q(*c, QStringLiteral("DELETE FROM failed_sign_ins WHERE key = ?"));
    if (!q.exec({key}))
        return failure(*c, q.error(), u"clearing failed sign-ins");
    return true;
}

// ---- profiles ---------------------------------------------------------------------------

Result<std::optional<Profile>> SqlStorage::findProfile(const QString &username)
{
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    Query q(*c, QStringLiteral("SELECT %1 FROM profiles WHERE username = ? AND deleted = FALSE").arg(ProfileColumns));
    if (!q.exec({username}))
        return failure(*c, q.error(), u"reading a profile");
    if (!q.next())
        return std::optional<Profile>();
    return std::optional<Profile>(profileFromRow(q));
}

namespace {

//! Writes \a content as the profile \a existing (or a new one) with sequence value \a seq.
//! Returns the stored profile, or nullopt with \a error set.
std::optional<Profile> writeProfile(Connection &c, const std::optional<StoredProfile> &existing, const Profile &content,
                                    qint64 seq, QSqlError *error)
{
    Profile stored = content;
    stored.updatedAt = QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
    QVariantList values = contentValues(content);
    if (existing) {
        stored.id = existing->profile.id;
        stored.photoTag = existing->deleted ? QString() : existing->profile.photoTag;
        stored.revision = existing->profile.revision + 1;
        Query q(c,
                QStringLiteral("UPDATE profiles SET deleted = FALSE, display_name = ?, email = ?, title = ?,"
                               " department = ?, location = ?, time_zone = ?, manager = ?, phone = ?, bio = ?,"
                               " skills = ?, interests = ?, photo_tag = ?, revision = ?, updated_at = ?,"
                               " change_seq = ? WHERE id = ?"));
        values << stored.photoTag << stored.revision << stored.updatedAt.toMSecsSinceEpoch() << seq << stored.id;
        if (!q.exec(values)) {
            *error = q.error();
            return std::nullopt;
        }
    } else {
        stored.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        stored.photoTag.clear();
        stored.revision = 1;
        Query q(c,
                QStringLiteral("INSERT INTO profiles (display_name, email, title, department, location, time_zone,"
                               " manager, phone, bio, skills, interests, id, username, deleted, photo_tag,"
                               " revision, updated_at, change_seq)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, '', ?, ?, ?)"));
        values << stored.id << stored.username << stored.revision << stored.updatedAt.toMSecsSinceEpoch() << seq;
        if (!q.exec(values)) {
            *error = q.error();
            return std::nullopt;
        }
    }
    return stored;
}

} // namespace

Result<QList<Result<UpsertOutcome>>> SqlStorage::importProfiles(const QList<Profile> &profiles)
{
    QList<Result<UpsertOutcome>> outcomes;
    QList<Profile> prepared;
    outcomes.reserve(profiles.size());
    prepared.reserve(profiles.size());
    for (const Profile &input : profiles) {
        Profile profile = input;
        if (auto invalid = prepareProfile(profile))
            outcomes.append(*invalid);
        else
            outcomes.append(UpsertOutcome {});
        prepared.append(std::move(profile));
    }
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    Transaction tx(*this, *c, Transaction::Kind::Sequenced);
    if (!tx.begin())
        return tx.fail(u"starting a profile import");
    bool changed = false;
    for (qsizetype i = 0; i < prepared.size(); ++i) {
        if (!outcomes.at(i))
            continue;
        const Profile &profile = prepared.at(i);
        // Row by row, so that a username twice in one batch updates what the first wrote.
        QSqlError error;
        const auto existing = readProfile(*c, profile.username, &error);
        if (!existing)
            return tx.fail(u"reading a profile", error);
        if (existing->has_value() && !(*existing)->deleted && sameContent((*existing)->profile, profile)) {
            outcomes[i] = UpsertOutcome {UpsertOutcome::Status::Unchanged, (*existing)->profile};
            continue;
        }
        const auto seq = tx.takeSequence();
        if (!seq)
            return tx.fail(u"taking a sequence value");
        const auto stored = writeProfile(*c, *existing, profile, *seq, &error);
        if (!stored)
            return tx.fail(u"writing a profile", error);
        const bool created = !existing->has_value() || (*existing)->deleted;
        outcomes[i] =
            UpsertOutcome {created ? UpsertOutcome::Status::Created : UpsertOutcome::Status::Updated, *stored};
        changed = true;
    }
    if (!changed) {
        tx.rollback();
        return outcomes;
    }
    if (!tx.commit())
        return tx.fail(u"committing an import");
    return outcomes;
}

Result<SaveOutcome> SqlStorage::saveProfile(const Profile &input, qint64 expectedRevision)
{
    Profile profile = input;
    if (auto invalid = prepareProfile(profile))
        return *invalid;
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    Transaction tx(*this, *c, Transaction::Kind::Sequenced);
    if (!tx.begin())
        return tx.fail(u"starting a profile save");
    QSqlError error;
    const auto existing = readProfile(*c, profile.username, &error);
    if (!existing)
        return tx.fail(u"reading a profile", error);
    const bool exists = existing->has_value() && !(*existing)->deleted;
    if (!exists && expectedRevision != 0) {
        tx.rollback();
        return SaveOutcome {SaveOutcome::Status::NotFound, {}};
    }
    if (exists && (*existing)->profile.revision != expectedRevision) {
        tx.rollback();
        return SaveOutcome {SaveOutcome::Status::Stale, (*existing)->profile};
    }
    if (exists && sameContent((*existing)->profile, profile)) {
        tx.rollback();
        return SaveOutcome {SaveOutcome::Status::Saved, (*existing)->profile};
    }
    const auto seq = tx.takeSequence();
    if (!seq)
        return tx.fail(u"taking a sequence value");
    const auto stored = writeProfile(*c, *existing, profile, *seq, &error);
    if (!stored)
        return tx.fail(u"writing a profile", error);
    if (!tx.commit())
        return tx.fail(u"committing a profile");
    return SaveOutcome {SaveOutcome::Status::Saved, *stored};
}

Result<bool> SqlStorage::removeProfile(const QString &username)
{
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    Transaction tx(*this, *c, Transaction::Kind::Sequenced);
    if (!tx.begin())
        return tx.fail(u"starting a profile removal");
    QSqlError error;
    const auto existing = readProfile(*c, username, &error);
    if (!existing)
        return tx.fail(u"reading a profile", error);
    if (!existing->has_value() || (*existing)->deleted) {
        tx.rollback();
        return false;
    }
    const auto seq = tx.takeSequence();
    if (!seq)
        return tx.fail(u"taking a sequence value");
    // The tombstone keeps id and username only; the person's data goes.
    Query q(*c,
            QStringLiteral("UPDATE profiles SET deleted = TRUE, display_name = '', email = '', title = '',"
                           " department = '', location = '', time_zone = '', manager = '', phone = '', bio = '',"
                           " skills = '[]', interests = '[]', photo_tag = '', revision = revision + 1,"
                           " updated_at = ?, change_seq = ? WHERE id = ?"));
    if (!q.exec({nowMs(), *seq, (*existing)->profile.id}))
        return tx.fail(u"removing a profile", q.error());
    Query photo(*c, QStringLiteral("DELETE FROM photos WHERE username = ?"));
    if (!photo.exec({username}))
        return tx.fail(u"removing a photo", photo.error());
    if (!tx.commit())
        return tx.fail(u"committing a profile removal");
    return true;
}

qint64 SqlStorage::profileCount()
{
    return scalar(QStringLiteral("SELECT COUNT(*) FROM profiles WHERE deleted = FALSE")).value_or(0);
}

// ---- photos -----------------------------------------------------------------------------

Result<Profile> SqlStorage::setPhoto(const QString &username, const Photo &photo)
{
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    QString tag = photo.tag;
    if (tag.isEmpty() && !photo.data.isEmpty())
        tag = QString::fromLatin1(QCryptographicHash::hash(photo.data, QCryptographicHash::Sha256).toHex().left(32));
    if (photo.data.isEmpty())
        tag.clear();

    Transaction tx(*this, *c, Transaction::Kind::Sequenced);
    if (!tx.begin())
        return tx.fail(u"starting a photo change");
    QSqlError error;
    const auto existing = readProfile(*c, username, &error);
    if (!existing)
        return tx.fail(u"reading a profile", error);
    if (!existing->has_value() || (*existing)->deleted) {
        tx.rollback();
        return noSuchProfile(username);
    }
    Profile profile = (*existing)->profile;
    if (profile.photoTag == tag) {
        tx.rollback();
        return profile;
    }
    if (photo.data.isEmpty()) {
        Query remove(*c, QStringLiteral("DELETE FROM photos WHERE username = ?"));
        if (!remove.exec({username}))
            return tx.fail(u"removing a photo", remove.error());
    } else {
        Query store(*c,
                    QStringLiteral("INSERT INTO photos (username, data, mime_type, tag) VALUES (?, ?, ?, ?)"
                                   " ON CONFLICT (username) DO UPDATE SET data = excluded.data,"
                                   " mime_type = excluded.mime_type, tag = excluded.tag"));
        if (!store.exec({username, photo.data, QString::fromLatin1(photo.mimeType), tag}))
            return tx.fail(u"storing a photo", store.error());
    }
    const auto seq = tx.takeSequence();
    if (!seq)
        return tx.fail(u"taking a sequence value");
    profile.photoTag = tag;
    profile.revision += 1;
    profile.updatedAt = QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
    Query update(
        *c,
        QStringLiteral("UPDATE profiles SET photo_tag = ?, revision = ?, updated_at = ?, change_seq = ? WHERE id = ?"));
    if (!update.exec({tag, profile.revision, profile.updatedAt.toMSecsSinceEpoch(), *seq, profile.id}))
        return tx.fail(u"updating a photo tag", update.error());
    if (!tx.commit())
        return tx.fail(u"committing a photo");
    return profile;
}

std::optional<Photo> SqlStorage::photo(const QString &username)
{
    Connection *c = connection();
    if (!c)
        return std::nullopt;
    Query q(*c, QStringLiteral("SELECT data, mime_type, tag FROM photos WHERE username = ?"));
    if (!q.exec({username})) {
        failure(*c, q.error(), u"reading a photo");
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return Photo {q.value(0).toByteArray(), q.text(1).toLatin1(), q.text(2)};
}

// ---- messages ---------------------------------------------------------------------------

Result<SendOutcome> SqlStorage::sendMessage(const Message &input)
{
    Message message = input;
    Validation::normalize(message);
    if (message.clientId.isEmpty())
        message.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (message.sender.isEmpty())
        return Error {Error::Code::Required, QStringLiteral("from"), QStringLiteral("from is required.")};
    if (message.recipient.isEmpty())
        return Error {Error::Code::Required, QStringLiteral("to"), QStringLiteral("to is required.")};
    const QList<Error> errors = Validation::validate(message);
    if (!errors.isEmpty())
        return errors.first();

    Connection *c = connection();
    if (!c)
        return databaseFailure();
    const auto original = [&]() -> Result<std::optional<Message>> {
        Query q(*c, QStringLiteral("SELECT %1 FROM messages WHERE sender = ? AND client_id = ?").arg(MessageColumns));
        if (!q.exec({message.sender, message.clientId}))
            return failure(*c, q.error(), u"reading a message");
        if (!q.next())
            return std::optional<Message>();
        return std::optional<Message>(messageFromRow(q));
    };

    Transaction tx(*this, *c, Transaction::Kind::Sequenced);
    if (!tx.begin())
        return tx.fail(u"starting a send");
    // The transaction waited for any concurrent send to commit, so the duplicate check
    // below sees it.
    const auto seq = tx.takeSequence();
    if (!seq)
        return tx.fail(u"taking a sequence value");
    {
        auto earlier = original();
        if (!earlier) {
            tx.rollback();
            return earlier.error();
        }
        if (earlier->has_value()) {
            tx.rollback();
            return SendOutcome {**earlier, true};
        }
    }
    for (const auto &[username, field] :
         {std::pair {message.recipient, QStringLiteral("to")}, std::pair {message.sender, QStringLiteral("from")}}) {
        Query account(*c, QStringLiteral("SELECT COUNT(*) FROM accounts WHERE username = ?"));
        const auto found = account.scalar({username});
        if (!found)
            return tx.fail(u"checking an account", account.error());
        if (*found == 0) {
            tx.rollback();
            return noSuchAccount(username, field);
        }
    }
    const qint64 sentAt = nowMs();
    Query insert(*c,
                 QStringLiteral("INSERT INTO messages (client_id, sender, recipient, body, sent_at, seq, change_seq)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    const auto id =
        insert.scalar({message.clientId, message.sender, message.recipient, message.body, sentAt, *seq, *seq});
    if (!id) {
        // Most likely the same key committed by someone else just now (unique constraint).
        const QSqlError error = insert.error();
        tx.rollback();
        auto earlier = original();
        if (earlier && earlier->has_value())
            return SendOutcome {**earlier, true};
        return failure(*c, error, u"storing a message");
    }
    if (!tx.commit())
        return tx.fail(u"committing a message");
    message.id = *id;
    message.sentAt = QDateTime::fromMSecsSinceEpoch(sentAt, Qt::UTC);
    message.sequence = *seq;
    message.readAt = {};
    return SendOutcome {message, false};
}

Result<int> SqlStorage::markRead(const QString &reader, const QString &other, qint64 upToId)
{
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    Transaction tx(*this, *c, Transaction::Kind::Sequenced);
    if (!tx.begin())
        return tx.fail(u"starting to mark messages read");
    QList<qint64> ids;
    {
        Query unread(*c,
                     QStringLiteral("SELECT id FROM messages WHERE recipient = ? AND sender = ? AND id <= ?"
                                    " AND read_at IS NULL ORDER BY id"));
        if (!unread.exec({reader, other, upToId}))
            return tx.fail(u"finding unread messages", unread.error());
        while (unread.next())
            ids.append(unread.int64(0));
    }
    if (ids.isEmpty()) {
        tx.rollback();
        return 0;
    }
    // One sequence value per message, so that a sync page may end between any two of them.
    const auto first = tx.takeSequence(static_cast<int>(ids.size()));
    if (!first)
        return tx.fail(u"taking sequence values");
    const qint64 readAt = nowMs();
    Query update(*c, QStringLiteral("UPDATE messages SET read_at = ?, change_seq = ? WHERE id = ?"));
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (!update.exec({readAt, *first + i, ids.at(i)}))
            return tx.fail(u"marking a message read", update.error());
    }
    update.finish();
    if (!tx.commit())
        return tx.fail(u"committing read messages");
    return static_cast<int>(ids.size());
}

// ---- sync -------------------------------------------------------------------------------

Result<SyncPage> SqlStorage::changesSince(const QString &viewer, qint64 cursor, int limit)
{
    limit = std::clamp(limit, 1, MaxSyncLimit);
    Connection *c = connection();
    if (!c)
        return databaseFailure();
    // One snapshot for the sequence and the rows: everything up to the sequence read here
    // is committed (writers are serialized on it) and therefore visible in this snapshot.
    Transaction tx(*this, *c, Transaction::Kind::Read);
    if (!tx.begin())
        return tx.fail(u"starting a sync read");

    Query latestQuery(*c, QStringLiteral("SELECT value FROM change_counter WHERE id = 1"));
    const auto latest = latestQuery.scalar();
    if (!latest)
        return tx.fail(u"reading the sequence", latestQuery.error());
    Query minQuery(*c, QStringLiteral("SELECT value FROM sync_state WHERE key = 'min_cursor'"));
    const auto minCursor = minQuery.scalar();
    if (!minCursor)
        return tx.fail(u"reading the oldest usable cursor", minQuery.error());

    SyncPage page;
    if (cursor < 0 || cursor > *latest || (cursor > 0 && cursor < *minCursor)) {
        tx.rollback();
        page.startOver = true;
        page.next = 0;
        page.hasMore = true;
        return page;
    }

    struct ProfileRow
    {
        qint64 seq = 0;
        bool removed = false;
        Profile profile;
    };
    struct MessageRow
    {
        qint64 seq = 0;
        Message message;
    };
    QList<ProfileRow> profiles;
    QList<MessageRow> messages;
    {
        Query q(*c,
                QStringLiteral("SELECT %1 FROM profiles WHERE change_seq > ? ORDER BY change_seq LIMIT ?")
                    .arg(ProfileColumns));
        if (!q.exec({cursor, limit + 1}))
            return tx.fail(u"reading changed profiles", q.error());
        while (q.next()) {
            ProfileRow &row = profiles.emplace_back();
            row.profile = profileFromRow(q, &row.removed, &row.seq);
        }
    }
    {
        // Two index range scans (sent, received) rather than one OR that indexes serve badly.
        Query q(*c,
                QStringLiteral("SELECT %1 FROM messages WHERE sender = ? AND change_seq > ?"
                               " UNION ALL SELECT %1 FROM messages WHERE recipient = ? AND sender <> ?"
                               " AND change_seq > ? ORDER BY change_seq LIMIT ?")
                    .arg(MessageColumns));
        if (!q.exec({viewer, cursor, viewer, viewer, cursor, limit + 1}))
            return tx.fail(u"reading changed messages", q.error());
        while (q.next()) {
            MessageRow &row = messages.emplace_back();
            row.message = messageFromRow(q, &row.seq);
        }
    }
    tx.rollback(); // read only

    // Merge the two lists in sequence order, up to the limit.
    qsizetype pi = 0;
    qsizetype mi = 0;
    qint64 last = cursor;
    for (int taken = 0; taken < limit && (pi < profiles.size() || mi < messages.size()); ++taken) {
        if (mi >= messages.size() || (pi < profiles.size() && profiles.at(pi).seq < messages.at(mi).seq)) {
            ProfileRow &row = profiles[pi++];
            if (row.removed)
                page.removedIds.append(row.profile.id);
            else
                page.profiles.append(std::move(row.profile));
            last = row.seq;
        } else {
            MessageRow &row = messages[mi++];
            page.messages.append(std::move(row.message));
            last = row.seq;
        }
    }
    page.hasMore = pi < profiles.size() || mi < messages.size();
    // Nothing more is visible to this viewer up to the sequence read in this snapshot, so an
    // exhausted page may skip past other people's messages up to it.
    page.next = page.hasMore ? last : *latest;
    return page;
}

qint64 SqlStorage::latestSequence()
{
    return scalar(QStringLiteral("SELECT value FROM change_counter WHERE id = 1")).value_or(0);
}

} // namespace Colleagues::Server
