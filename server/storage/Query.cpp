// SPDX-License-Identifier: MIT
#include "server/storage/Query_p.h"

#include "server/storage/Database_p.h"

namespace Colleagues::Server::Internal {

Query::Query(Database &database, const QString &sql)
    : m_database(&database)
    , m_connection(database.connection())
{
    if (m_connection)
        prepare(*m_connection, sql);
}

void Query::prepare(Connection &connection, const QString &sql)
{
    m_connection = &connection;
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

GenericPlans::GenericPlans(Connection *connection)
{
    // A failed SET leaves the usual planning; the statement reports its own failure.
    if (connection && connection->db.driverName() == QLatin1String("QPSQL")
        && connection->execDirect(QStringLiteral("SET plan_cache_mode = force_generic_plan")))
        m_connection = connection;
}

GenericPlans::~GenericPlans()
{
    // Fails only with the connection or in a failed transaction, whose rollback undoes the SET.
    if (m_connection)
        m_connection->execDirect(QStringLiteral("RESET plan_cache_mode"));
}

Error Query::fail(QStringView what) const
{
    Q_ASSERT(m_database);
    if (!m_connection)
        return databaseFailure();
    return m_database->failure(*m_connection, m_error, what);
}

} // namespace Colleagues::Server::Internal
