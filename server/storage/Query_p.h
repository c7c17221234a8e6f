// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: the prepared-statement wrapper every storage class uses.

#include "server/storage/Connection_p.h"

#include <QVariant>
#include <QVariantList>

#include <optional>

namespace Colleagues::Server::Internal {

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

} // namespace Colleagues::Server::Internal
