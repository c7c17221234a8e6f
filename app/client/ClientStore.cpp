// SPDX-License-Identifier: MIT
#include "client/ClientStore.h"

#include "core/PrivateFiles.h"

#include "client/StoreSchema_p.h"
#include "client/StoreWorker_p.h"

#include <QAtomicInt>
#include <QDir>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QStandardPaths>
#include <QThread>

Q_LOGGING_CATEGORY(lcStore, "colleagues.store")

namespace Colleagues {

namespace {

QString nextConnectionName(const char *prefix)
{
    static QAtomicInt counter;
    return QStringLiteral("colleagues-%1-%2").arg(QLatin1String(prefix)).arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

// StoreWorker -------------------------------------------------------------------------------

StoreWorker::StoreWorker(const QString &filePath)
    : m_filePath(filePath)
    , m_connectionName(nextConnectionName("worker"))
{ }

StoreWorker::~StoreWorker()
{
    m_writer.reset();
    if (m_db)
        StoreSchema::closeConnection(m_connectionName);
}

bool StoreWorker::ensureOpen(QString *error)
{
    if (m_db)
        return true;
    m_db = StoreSchema::openConnection(m_connectionName, m_filePath, error);
    if (!m_db)
        return false;
    m_writer = std::make_unique<StoreSchema::DirectoryWriter>(m_db);
    if (!m_writer->isValid()) {
        *error = m_writer->errorString();
        return false;
    }
    return true;
}

void StoreWorker::apply(int requestId, const DirectoryBatch &batch)
{
    QString error;
    BatchResult result;
    if (ensureOpen(&error) && !m_writer->apply(batch, &result))
        error = m_writer->errorString();
    Q_EMIT finished(requestId, result.upserted, result.removed, error, QPrivateSignal());
}

// ClientStore -------------------------------------------------------------------------------

ClientStore::ClientStore(QObject *parent)
    : QObject(parent)
{ }

ClientStore::~ClientStore()
{
    close();
}

QString ClientStore::defaultDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString ClientStore::databaseFileName()
{
    return QStringLiteral("colleagues.db");
}

int ClientStore::latestSchemaVersion()
{
    return StoreSchema::LatestVersion;
}

bool ClientStore::open(const QString &dataDirectory)
{
    const QString directory = dataDirectory.isEmpty() ? defaultDataDirectory() : dataDirectory;
    if (directory.isEmpty()) {
        m_errorString = QStringLiteral("no data directory: pass --data-dir DIR");
        return false;
    }
    // The store holds the directory and one's messages: the folder is 0700, the database 0600
    // (its journal files take the database's mode).
    QString error;
    const QString path = QDir(directory).filePath(databaseFileName());
    if (!PrivateFiles::makeDirectory(directory, &error) || !PrivateFiles::prepareFile(path, &error)) {
        m_errorString = error;
        return false;
    }
    return openFile(path);
}

bool ClientStore::openFile(const QString &path, int targetVersion)
{
    close();
    m_connectionName = nextConnectionName("store");
    QString error;
    m_db = StoreSchema::openConnection(m_connectionName, path, &error);
    if (m_db && !StoreSchema::migrate(m_db, targetVersion < 0 ? StoreSchema::LatestVersion : targetVersion, &error)) {
        m_db = nullptr;
    }
    if (!m_db) {
        StoreSchema::closeConnection(m_connectionName);
        m_connectionName.clear();
        m_errorString = error;
        qCWarning(lcStore) << error;
        return false;
    }
    m_filePath = path;
    m_schemaVersion = StoreSchema::version(m_db);
    m_errorString.clear();
    return true;
}

void ClientStore::close()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        m_thread.reset();
        m_worker = nullptr; // deleted on its thread's finish
    }
    if (!m_connectionName.isEmpty()) {
        StoreSchema::closeConnection(m_connectionName);
        m_connectionName.clear();
    }
    m_db = nullptr;
    m_filePath.clear();
    m_schemaVersion = 0;
    m_vocabulary.reset();
}

bool ClientStore::isOpen() const
{
    return m_db != nullptr;
}

QString ClientStore::filePath() const
{
    return m_filePath;
}

int ClientStore::schemaVersion() const
{
    return m_schemaVersion;
}

bool ClientStore::applyBatch(const DirectoryBatch &batch, BatchResult *result)
{
    if (!m_db) {
        m_errorString = QStringLiteral("the local store is not open");
        return false;
    }
    StoreSchema::DirectoryWriter writer(m_db);
    BatchResult counts;
    if (!writer.apply(batch, &counts)) {
        m_errorString = writer.errorString();
        return false;
    }
    if (result)
        *result = counts;
    if (counts.upserted || counts.removed) {
        ++m_generation;
        Q_EMIT directoryChanged();
    }
    return true;
}

bool ClientStore::upsertProfiles(const QList<Profile> &profiles, BatchResult *result)
{
    DirectoryBatch batch;
    batch.upserts = profiles;
    return applyBatch(batch, result);
}

bool ClientStore::removeProfiles(const QStringList &ids, BatchResult *result)
{
    DirectoryBatch batch;
    batch.removedIds = ids;
    return applyBatch(batch, result);
}

int ClientStore::applyBatchAsync(DirectoryBatch batch)
{
    const int requestId = m_nextRequestId++;
    if (!m_db) {
        QMetaObject::invokeMethod(
            this,
            [this, requestId] { onWorkerFinished(requestId, 0, 0, QStringLiteral("the local store is not open")); },
            Qt::QueuedConnection);
        return requestId;
    }
    if (!m_thread) {
        m_thread = std::make_unique<QThread>();
        m_thread->setObjectName(QStringLiteral("colleagues-store-writer"));
        m_worker = new StoreWorker(m_filePath);
        m_worker->moveToThread(m_thread.get());
        connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
        connect(m_worker, &StoreWorker::finished, this, &ClientStore::onWorkerFinished, Qt::QueuedConnection);
        m_thread->start();
    }
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, requestId, batch = std::move(batch)] { worker->apply(requestId, batch); },
        Qt::QueuedConnection);
    return requestId;
}

void ClientStore::onWorkerFinished(int requestId, int upserted, int removed, const QString &errorString)
{
    if (errorString.isEmpty() && (upserted || removed)) {
        ++m_generation;
        Q_EMIT directoryChanged();
    }
    Q_EMIT batchApplied(requestId, upserted, removed, errorString);
}

std::optional<Profile> ClientStore::profile(const QString &id) const
{
    if (!m_db)
        return std::nullopt;
    return StoreSchema::ProfileReader(m_db).byId(id);
}

std::optional<Profile> ClientStore::profileByUsername(const QString &username) const
{
    if (!m_db)
        return std::nullopt;
    return StoreSchema::ProfileReader(m_db).byUsername(username);
}

QList<Profile> ClientStore::directReports(const QString &username) const
{
    if (!m_db)
        return {};
    return StoreSchema::ProfileReader(m_db).byManager(username);
}

QList<QPair<QString, QString>> ClientStore::people(int limit) const
{
    QList<QPair<QString, QString>> result;
    if (!m_db)
        return result;
    Sql::Statement statement(m_db, "SELECT username, display_name FROM profiles ORDER BY sort_key, username LIMIT ?1");
    statement.bind(1, qint64(limit));
    while (statement.next())
        result.append({statement.text(0), statement.text(1)});
    return result;
}

qint64 ClientStore::profileCount() const
{
    if (!m_db)
        return 0;
    Sql::Statement statement(m_db, "SELECT count(*) FROM profiles");
    return statement.next() ? statement.int64(0) : 0;
}

QList<SkillUsage> ClientStore::skillUsage(int limit) const
{
    QList<SkillUsage> result;
    if (!m_db)
        return result;
    // One pass over the skills; each key is named by its most common spelling.
    Sql::Statement statement(m_db, "SELECT key, name, count(*) FROM skills GROUP BY key, name ORDER BY key");
    int bestSpelling = 0;
    while (statement.next()) {
        const QString key = statement.text(0);
        const int people = statement.integer(2);
        if (result.isEmpty() || result.last().key != key) {
            result.append(SkillUsage {statement.text(1), key, 0});
            bestSpelling = 0;
        }
        SkillUsage &usage = result.last();
        usage.people += people;
        if (people > bestSpelling) {
            bestSpelling = people;
            usage.name = statement.text(1);
        }
    }
    std::sort(result.begin(), result.end(), [](const SkillUsage &l, const SkillUsage &r) {
        return l.people != r.people ? l.people > r.people : l.key < r.key;
    });
    if (result.size() > limit)
        result.resize(limit);
    return result;
}

QString ClientStore::syncValue(const QString &key) const
{
    if (!m_db)
        return QString();
    Sql::Statement statement(m_db, "SELECT value FROM sync_state WHERE key = ?1");
    statement.bind(1, key);
    return statement.next() ? statement.text(0) : QString();
}

bool ClientStore::setSyncValue(const QString &key, const QString &value)
{
    if (!m_db)
        return false;
    Sql::Statement statement(m_db, "INSERT OR REPLACE INTO sync_state(key, value) VALUES(?1, ?2)");
    statement.bind(1, key);
    statement.bind(2, value);
    if (!statement.exec()) {
        m_errorString = statement.errorMessage();
        return false;
    }
    return true;
}

QString ClientStore::vocabularyVersion() const
{
    if (!m_db)
        return QString();
    Sql::Statement statement(m_db, "SELECT version FROM vocabulary WHERE id = 1");
    return statement.next() ? statement.text(0) : QString();
}

Vocabulary ClientStore::vocabulary() const
{
    if (m_vocabulary)
        return *m_vocabulary;
    Vocabulary vocabulary = Vocabulary::defaults();
    if (m_db) {
        Sql::Statement statement(m_db, "SELECT text FROM vocabulary WHERE id = 1");
        if (statement.next()) {
            Expected<Vocabulary> stored = Vocabulary::parse(statement.text(0));
            // Only setVocabulary() writes it, from a valid vocabulary; anything else is ignored.
            if (stored)
                vocabulary = std::move(stored).value();
        }
    }
    m_vocabulary = vocabulary;
    return vocabulary;
}

bool ClientStore::setVocabulary(const Vocabulary &vocabulary)
{
    if (!m_db)
        return false;
    const QString before = vocabularyVersion();
    if (!StoreSchema::writeVocabulary(m_db, vocabulary, &m_errorString))
        return false;
    m_vocabulary = vocabulary;
    if (before != vocabulary.version())
        Q_EMIT vocabularyChanged();
    return true;
}

void ClientStore::adoptVocabulary(const Vocabulary &vocabulary)
{
    const bool changed = !m_vocabulary || m_vocabulary->version() != vocabulary.version();
    m_vocabulary = vocabulary;
    if (changed)
        Q_EMIT vocabularyChanged();
}

QSqlDatabase ClientStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

sqlite3 *ClientStore::handle() const
{
    return m_db;
}

} // namespace Colleagues
