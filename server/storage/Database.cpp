// SPDX-License-Identifier: MIT
#include "server/storage/Database_p.h"

#include "server/storage/Connection_p.h"
#include "server/storage/Query_p.h"

#include <QThread>

Q_LOGGING_CATEGORY(lcStorage, "colleagues.server.storage")

namespace Colleagues::Server::Internal {

Database::Database(const StorageConfig &config, const Storage::TestingHooks &hooks, QObject *owner,
                   CommitObserver committed)
    : m_config(config)
    , m_hooks(hooks)
    , m_owner(owner)
    , m_committed(std::move(committed))
    , m_connectionPrefix(QStringLiteral("colleagues-%1").arg(reinterpret_cast<quintptr>(owner), 0, 16))
{ }

Database::~Database()
{
    std::map<QThread *, std::unique_ptr<Connection>> connections;
    {
        QMutexLocker locker(&m_connectionsMutex);
        connections.swap(m_connections);
    }
    for (auto &[thread, connection] : connections)
        release(std::move(connection));
}

Connection *Database::connection()
{
    QThread *thread = QThread::currentThread();
    Connection *c = nullptr;
    {
        QMutexLocker locker(&m_connectionsMutex);
        auto &slot = m_connections[thread];
        if (!slot) {
            slot = std::make_unique<Connection>();
            slot->name = QStringLiteral("%1-%2").arg(m_connectionPrefix).arg(reinterpret_cast<quintptr>(thread), 0, 16);
            slot->db = m_config.addConnection(slot->name);
            // A pool thread that ends takes its connection with it.
            slot->threadFinished = QObject::connect(
                thread, &QThread::finished, m_owner, [this, thread] { dropConnection(thread); }, Qt::DirectConnection);
        }
        c = slot.get();
    }
    return openConnection(c);
}

Connection *Database::openConnection(Connection *c)
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

void Database::dropConnection(QThread *thread)
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
    release(std::move(connection));
}

void Database::release(std::unique_ptr<Connection> connection)
{
    QObject::disconnect(connection->threadFinished);
    QStringList names {connection->name};
    if (connection->side)
        names.append(connection->side->name);
    connection.reset();
    for (const QString &name : std::as_const(names))
        QSqlDatabase::removeDatabase(name);
}

Error Database::failure(Connection &c, const QSqlError &error, QStringView what)
{
    qCWarning(lcStorage).noquote() << what << "failed:" << error.text();
    // Find out whether the connection itself is gone; if so, reopen it next time.
    if (error.type() == QSqlError::ConnectionError || !c.db.isOpen() || !c.execDirect(QStringLiteral("SELECT 1")))
        c.broken = true;
    return databaseFailure();
}

std::optional<qint64> Database::scalar(const QString &sql, const QVariantList &values)
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

} // namespace Colleagues::Server::Internal
