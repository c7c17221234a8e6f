// SPDX-License-Identifier: MIT
// SqlStorage: the imported vocabulary (one row of the vocabulary table).
#include "server/storage/SqlStorage_p.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Colleagues::Server {

Result<std::optional<StoredVocabulary>> SqlStorage::findVocabulary()
{
    QSqlDatabase *db = threadDatabase();
    if (!db)
        return databaseFailure();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT text, json, version, updated_at FROM vocabulary WHERE id = 1")))
        return statementFailure(q.lastError(), u"reading the vocabulary");
    if (!q.next())
        return std::optional<StoredVocabulary>();
    StoredVocabulary v;
    v.text = q.value(0).toString();
    v.json = q.value(1).toString().toUtf8();
    v.version = q.value(2).toString();
    v.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
    return std::optional<StoredVocabulary>(std::move(v));
}

Result<QString> SqlStorage::vocabularyVersion()
{
    QSqlDatabase *db = threadDatabase();
    if (!db)
        return databaseFailure();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT version FROM vocabulary WHERE id = 1")))
        return statementFailure(q.lastError(), u"reading the vocabulary version");
    return q.next() ? q.value(0).toString() : QString();
}

Result<bool> SqlStorage::saveVocabulary(const StoredVocabulary &vocabulary)
{
    QSqlDatabase *db = threadDatabase();
    if (!db)
        return databaseFailure();
    // One statement, atomic on both backends (SQLite 3.24+ and PostgreSQL 9.5+ upsert).
    QSqlQuery q(*db);
    if (!q.prepare(QStringLiteral("INSERT INTO vocabulary (id, text, json, version, updated_at) VALUES (1, ?, ?, ?, ?)"
                                  " ON CONFLICT (id) DO UPDATE SET text = excluded.text, json = excluded.json,"
                                  " version = excluded.version, updated_at = excluded.updated_at"))) {
        return statementFailure(q.lastError(), u"preparing to save the vocabulary");
    }
    q.addBindValue(vocabulary.text);
    q.addBindValue(QString::fromUtf8(vocabulary.json));
    q.addBindValue(vocabulary.version);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return statementFailure(q.lastError(), u"saving the vocabulary");
    return true;
}

} // namespace Colleagues::Server
