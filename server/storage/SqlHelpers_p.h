// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: what the storage classes share about rows and columns.

#include "core/Error.h"
#include "core/Message.h"
#include "core/Profile.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Colleagues::Server::Internal {

class Query;

//! The PostgreSQL channel a commit NOTIFYs with its sequence value.
extern const QString NotifyChannel;
//! Where the triggers of migration 9 tell that sessions ended or an account's access changed.
extern const QString SessionsChannel;
//! The columns profileFromRow() reads, in its order.
extern const QString ProfileColumns;
//! The columns messageFromRow() reads, in its order.
extern const QString MessageColumns;

//! \a columns ("a, b, c") each qualified by \a table ("m.a, m.b, m.c"), for joins.
QString qualified(const QString &columns, QStringView table);

//! Times are stored as milliseconds since the epoch (UTC).
qint64 nowMs();
QDateTime fromMs(const QVariant &value);

//! Skills and interests are stored as compact JSON arrays.
QString skillsToJson(const SkillList &skills);
SkillList skillsFromJson(const QString &text);
QString interestsToJson(const QStringList &interests);
QStringList interestsFromJson(const QString &text);

//! A row of ProfileColumns; \a deleted and \a changeSeq receive the server-side state.
Profile profileFromRow(const Query &q, bool *deleted = nullptr, qint64 *changeSeq = nullptr);
//! A row of MessageColumns; \a changeSeq receives the row's change sequence value.
Message messageFromRow(const Query &q, qint64 *changeSeq = nullptr);

//! Names per statement of an IN list: few prepared variants, well under any driver's limit.
constexpr qsizetype InListMax = 50;
//! "?, ?, ?" for an IN list of \a count values.
QString placeholders(qsizetype count);
//! "NULL, NULL, …", \a count times: the columns a row of one kind leaves empty in a UNION ALL
//! of several kinds of row.
QString nullColumns(int count);
//! How many columns a list such as ProfileColumns names.
int columnCount(const QString &columns);
//! \a values as bound values.
QVariantList variants(const QStringList &values);

Error noSuchAccount(const QString &username, const QString &field = QStringLiteral("username"));

} // namespace Colleagues::Server::Internal
