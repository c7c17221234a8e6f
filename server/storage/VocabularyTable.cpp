// SPDX-License-Identifier: MIT
#include "server/storage/VocabularyTable_p.h"

#include "server/storage/Connection_p.h"
#include "server/storage/Database_p.h"
#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"

namespace Colleagues::Server::Internal {

Expected<std::optional<StoredVocabulary>> VocabularyTable::findVocabulary()
{
    Query q(m_database, QStringLiteral("SELECT text, json, version, updated_at FROM vocabulary WHERE id = 1"));
    if (!q.exec())
        return q.fail(u"reading the vocabulary");
    if (!q.next())
        return std::optional<StoredVocabulary>();
    StoredVocabulary v;
    v.text = q.value(0).toString();
    v.json = q.value(1).toString().toUtf8();
    v.version = q.value(2).toString();
    v.updatedAt = QDateTime::fromMSecsSinceEpoch(q.int64(3), Qt::UTC);
    return std::optional<StoredVocabulary>(std::move(v));
}

Expected<QString> VocabularyTable::vocabularyVersion()
{
    Query q(m_database, QStringLiteral("SELECT version FROM vocabulary WHERE id = 1"));
    if (!q.exec())
        return q.fail(u"reading the vocabulary version");
    return q.next() ? q.value(0).toString() : QString();
}

Expected<bool> VocabularyTable::saveVocabulary(const StoredVocabulary &vocabulary)
{
    // One statement, atomic on both backends (SQLite 3.24+ and PostgreSQL 9.5+ upsert).
    Query q(m_database,
            QStringLiteral("INSERT INTO vocabulary (id, text, json, version, updated_at) VALUES (1, ?, ?, ?, ?)"
                           " ON CONFLICT (id) DO UPDATE SET text = excluded.text, json = excluded.json,"
                           " version = excluded.version, updated_at = excluded.updated_at"));
    if (!q.exec({vocabulary.text, QString::fromUtf8(vocabulary.json), vocabulary.version,
                 QDateTime::currentMSecsSinceEpoch()}))
        return q.fail(u"saving the vocabulary");
    return true;
}

} // namespace Colleagues::Server::Internal
