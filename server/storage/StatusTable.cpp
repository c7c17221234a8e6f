// SPDX-License-Identifier: MIT
#include "server/storage/StatusTable_p.h"

#include "server/storage/Connection_p.h"
#include "server/storage/Database_p.h"
#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"
#include "server/storage/Transaction_p.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace Colleagues::Server::Internal {

const QString StatusColumns =
    QStringLiteral("username, presence, seen_at, chosen, chosen_text, chosen_until, ooo_from, ooo_to, ooo_note,"
                   " ooo_stand_in, availability, text, until_at, ooo_shown, next_check, updated_at, change_seq");

namespace {

QVariant nullableMs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDate day(const QString &text)
{
    return QDate::fromString(text, Qt::ISODate);
}

//! A person without a row: the default status.
StatusRow defaultRow(const QString &username)
{
    StatusRow row;
    row.status.username = username;
    return row;
}

//! Writes \a row as it is (insert or replace), with \a sequence.
//! Writes \a rows, the first with sequence value \a first and each next one with the next, in
//! one statement per InListMax rows (each statement is a round trip on PostgreSQL, made while
//! the other writers wait).
bool writeRows(Connection &c, const QList<StatusRow> &rows, qint64 first, QSqlError *error)
{
    static const QString Columns =
        QStringLiteral("username, presence, seen_at, chosen, chosen_text, chosen_until, ooo_from, ooo_to, ooo_note,"
                       " ooo_stand_in, availability, text, until_at, ooo_shown, is_default, next_check, updated_at,"
                       " change_seq");
    constexpr qsizetype ColumnCount = 18;
    for (qsizetype i = 0; i < rows.size(); i += InListMax) {
        const qsizetype count = qMin(InListMax, rows.size() - i);
        QStringList values;
        for (qsizetype n = 0; n < count; ++n)
            values.append(u'(' + placeholders(ColumnCount) + u')');
        Query q(c,
                QStringLiteral("INSERT INTO statuses (%1) VALUES %2"
                               " ON CONFLICT (username) DO UPDATE SET presence = excluded.presence,"
                               " seen_at = excluded.seen_at, chosen = excluded.chosen,"
                               " chosen_text = excluded.chosen_text, chosen_until = excluded.chosen_until,"
                               " ooo_from = excluded.ooo_from, ooo_to = excluded.ooo_to, ooo_note = excluded.ooo_note,"
                               " ooo_stand_in = excluded.ooo_stand_in, availability = excluded.availability,"
                               " text = excluded.text, until_at = excluded.until_at, ooo_shown = excluded.ooo_shown,"
                               " is_default = excluded.is_default, next_check = excluded.next_check,"
                               " updated_at = excluded.updated_at, change_seq = excluded.change_seq")
                    .arg(Columns, values.join(QStringLiteral(", "))));
        QVariantList bound;
        bound.reserve(count * ColumnCount);
        for (qsizetype n = 0; n < count; ++n) {
            const StatusRow &row = rows.at(i + n);
            const Status &s = row.status;
            const StatusChoice &chosen = row.choice;
            const std::optional<OutOfOffice> &w = chosen.outOfOffice;
            bound << s.username << presenceName(s.presence) << row.seenAt << availabilityName(chosen.availability)
                  << chosen.text << nullableMs(chosen.until) << (w ? w->from.toString(Qt::ISODate) : QString())
                  << (w ? w->to.toString(Qt::ISODate) : QString()) << (w ? w->note : QString())
                  << (w ? w->standIn : QString()) << availabilityName(s.availability) << s.text << nullableMs(s.until)
                  << bool(s.outOfOffice) << s.isDefault()
                  << (row.nextCheck > 0 ? QVariant(row.nextCheck) : QVariant(QMetaType::fromType<qint64>()))
                  << s.updatedAt.toMSecsSinceEpoch() << first + i + n;
        }
        if (!q.exec(bound)) {
            *error = q.error();
            return false;
        }
    }
    return true;
}

//! Writes \a row, changed at \a now, with the next sequence value of \a tx: that value, or the
//! failure of \a tx.
Expected<qint64> writeChange(Transaction &tx, StatusRow &row, const QDateTime &now)
{
    row.status.updatedAt = now;
    const auto seq = tx.takeSequence();
    if (!seq)
        return tx.fail(u"taking a sequence value");
    QSqlError error;
    if (!writeRows(tx.connection(), {row}, *seq, &error))
        return tx.fail(u"writing a status", error);
    return *seq;
}

//! The row of \a username read in \a c, or the default one; nullopt when the read failed.
std::optional<StatusRow> readRow(Connection &c, const QString &username, QSqlError *error)
{
    Query q(c, QStringLiteral("SELECT %1 FROM statuses WHERE username = ?").arg(StatusColumns));
    if (!q.exec({username})) {
        *error = q.error();
        return std::nullopt;
    }
    return q.next() ? statusFromRow(q) : defaultRow(username);
}

//! The time zone of \a username's profile (UTC without one); nullopt when the read failed.
std::optional<QTimeZone> zoneOf(Connection &c, const QString &username, QSqlError *error)
{
    Query q(c, QStringLiteral("SELECT time_zone FROM profiles WHERE username = ? AND deleted = FALSE"));
    if (!q.exec({username})) {
        *error = q.error();
        return std::nullopt;
    }
    return StatusRules::zone(q.next() ? q.text(0) : QString());
}

//! Applies \a row's choice at \a now in \a zone: the status, and when to look again.
void applyChoice(StatusRow &row, const QDateTime &now, const QTimeZone &zone)
{
    const Status applied = StatusRules::apply(row.choice, now, zone);
    row.status.availability = applied.availability;
    row.status.text = applied.text;
    row.status.until = applied.until;
    row.status.outOfOffice = applied.outOfOffice;
    const QDateTime next = StatusRules::nextChange(row.choice, now, zone);
    row.nextCheck = next.isValid() ? next.toMSecsSinceEpoch() : 0;
}

QStringList audienceOf(const QList<StatusChange> &changes)
{
    QStringList names;
    names.reserve(changes.size());
    for (const StatusChange &change : changes)
        names.append(statusAudience(change.username));
    return names;
}

bool sameApplied(const Status &a, const Status &b)
{
    return a.presence == b.presence && a.availability == b.availability && a.text == b.text && a.until == b.until
        && a.outOfOffice == b.outOfOffice;
}

//! Commits \a tx, telling the other instances whom \a changes concern.
Expected<QList<StatusChange>> commitChanges(Transaction &tx, const QList<StatusChange> &changes, QStringView what)
{
    std::optional<ChangeAudience> audience;
    if (!changes.isEmpty())
        audience.emplace(audienceOf(changes));
    if (!tx.commit())
        return tx.fail(what);
    return changes;
}

} // namespace

StatusRow statusFromRow(const Query &q)
{
    StatusRow row;
    Status &s = row.status;
    s.username = q.text(0);
    s.presence = presenceFromName(q.text(1)).value_or(Presence::Offline);
    row.seenAt = q.int64(2);
    StatusChoice &c = row.choice;
    c.availability = availabilityFromName(q.text(3)).value_or(Availability::Available);
    c.text = q.text(4);
    c.until = fromMs(q.value(5));
    const QDate from = day(q.text(6));
    const QDate to = day(q.text(7));
    if (from.isValid() && to.isValid())
        c.outOfOffice = OutOfOffice {from, to, q.text(8), q.text(9)};
    s.availability = availabilityFromName(q.text(10)).value_or(Availability::Available);
    s.text = q.text(11);
    s.until = fromMs(q.value(12));
    if (q.value(13).toBool())
        s.outOfOffice = c.outOfOffice;
    row.nextCheck = q.value(14).isNull() ? 0 : q.int64(14);
    s.updatedAt = fromMs(q.value(15));
    row.changeSeq = q.int64(16);
    return row;
}

Expected<Status> StatusTable::findStatus(const QString &username)
{
    Query q(m_database, QStringLiteral("SELECT %1 FROM statuses WHERE username = ?").arg(StatusColumns));
    if (!q.exec({username}))
        return q.fail(u"reading a status");
    return q.next() ? statusFromRow(q).status : defaultRow(username).status;
}

Expected<Status> StatusTable::setStatus(const QString &username, const StatusChoice &choice)
{
    // The stand-in and the time zone are read before the write, which alone waits for the
    // other writers.
    Transaction tx(m_database, Transaction::Kind::SequencedLate);
    if (!tx.begin())
        return tx.fail(u"starting a status change");
    Connection &c = tx.connection();
    if (choice.outOfOffice && !choice.outOfOffice->standIn.isEmpty()) {
        const QString &standIn = choice.outOfOffice->standIn;
        Query q(c, QStringLiteral("SELECT COUNT(*) FROM accounts WHERE username = ? AND disabled = FALSE"));
        const auto active = q.scalar({standIn});
        if (!active)
            return tx.fail(u"checking a stand-in", q.error());
        if (*active == 0 || standIn == username) {
            tx.rollback();
            return Error {Error::Code::OutOfRange, QStringLiteral("out_of_office.stand_in"),
                          standIn == username
                              ? QStringLiteral("The stand-in must be someone else.")
                              : QStringLiteral("There is no active member \"%1\" to stand in.").arg(standIn)};
        }
    }
    QSqlError error;
    const std::optional<QTimeZone> zone = zoneOf(c, username, &error);
    if (!zone)
        return tx.fail(u"reading a time zone", error);
    StatusRow row = defaultRow(username);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    row.choice = choice;
    applyChoice(row, now, *zone);
    row.status.updatedAt = now;
    Status offline = row.status; // is_default also needs the presence, which the row keeps
    offline.presence = Presence::Offline;
    const std::optional<OutOfOffice> &w = choice.outOfOffice;
    // What the person chose replaces what they chose before; the presence the servers saw stays.
    // One statement, independent of the row before it: on PostgreSQL it takes the sequence
    // value and commits at once (Transaction::runSequenced()).
    const ChangeAudience audience({statusAudience(username)});
    const bool written = tx.runSequenced(
        QStringLiteral(
            "INSERT INTO statuses (username, chosen, chosen_text, chosen_until, ooo_from, ooo_to, ooo_note,"
            " ooo_stand_in, availability, text, until_at, ooo_shown, is_default, next_check, updated_at, change_seq)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {seq}) ON CONFLICT (username) DO UPDATE SET"
            " chosen = excluded.chosen, chosen_text = excluded.chosen_text, chosen_until = excluded.chosen_until,"
            " ooo_from = excluded.ooo_from, ooo_to = excluded.ooo_to, ooo_note = excluded.ooo_note,"
            " ooo_stand_in = excluded.ooo_stand_in, availability = excluded.availability, text = excluded.text,"
            " until_at = excluded.until_at, ooo_shown = excluded.ooo_shown,"
            " is_default = (statuses.presence = 'offline' AND excluded.is_default),"
            " next_check = excluded.next_check, updated_at = excluded.updated_at, change_seq = excluded.change_seq"
            " RETURNING change_seq, presence"),
        {username, availabilityName(choice.availability), choice.text, nullableMs(choice.until),
         w ? w->from.toString(Qt::ISODate) : QString(), w ? w->to.toString(Qt::ISODate) : QString(),
         w ? w->note : QString(), w ? w->standIn : QString(), availabilityName(row.status.availability),
         row.status.text, nullableMs(row.status.until), bool(row.status.outOfOffice), offline.isDefault(),
         row.nextCheck > 0 ? QVariant(row.nextCheck) : QVariant(QMetaType::fromType<qint64>()),
         now.toMSecsSinceEpoch()},
        [&](Query &q) { row.status.presence = presenceFromName(q.text(1)).value_or(Presence::Offline); });
    if (!written)
        return tx.fail(u"writing a status");
    if (!tx.commit())
        return tx.fail(u"committing a status");
    return row.status;
}

Expected<QList<StatusChange>> StatusTable::reportPresence(const QList<PresenceReport> &reports)
{
    QList<StatusChange> changes;
    QMap<qint64, QStringList> refresh; // seen_at -> usernames
    QStringList named;
    for (const PresenceReport &report : reports) {
        if (report.presence)
            named.append(report.username);
        else
            refresh[report.seenAt.toMSecsSinceEpoch()].append(report.username);
    }
    if (!named.isEmpty()) {
        const Expected<QList<StatusChange>> written = writePresence(reports, named, &refresh);
        if (!written)
            return written.error();
        changes = *written;
    }
    // The moments seen are not changes: refreshed outside the transaction, in one statement per
    // moment (the held syncs of a flush share one), not while the other writers wait.
    for (auto it = refresh.cbegin(); it != refresh.cend(); ++it) {
        for (qsizetype i = 0; i < it->size(); i += InListMax) {
            const QStringList part = it->mid(i, InListMax);
            Query q(m_database,
                    QStringLiteral("UPDATE statuses SET seen_at = ? WHERE seen_at < ? AND username IN (%1)")
                        .arg(placeholders(part.size())));
            if (!q.exec(QVariantList {it.key(), it.key()} + variants(part)))
                return q.fail(u"refreshing presence");
        }
    }
    return changes;
}

Expected<QList<StatusChange>> StatusTable::writePresence(const QList<PresenceReport> &reports, const QStringList &named,
                                                         QMap<qint64, QStringList> *refresh)
{
    // Few round trips (they are what costs on PostgreSQL): the rows of everyone whose presence
    // is reported in one read, their sequence values in one update with the notification, and
    // the rows in one statement per 50.
    Transaction tx(m_database, Transaction::Kind::Sequenced);
    if (!tx.begin())
        return tx.fail(u"starting to record presence");
    Connection &c = tx.connection();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QHash<QString, StatusRow> rows;
    for (qsizetype i = 0; i < named.size(); i += InListMax) {
        const QStringList part = named.mid(i, InListMax);
        Query q(c,
                QStringLiteral("SELECT %1 FROM statuses WHERE username IN (%2)")
                    .arg(StatusColumns, placeholders(part.size())));
        if (!q.exec(variants(part)))
            return tx.fail(u"reading statuses", q.error());
        while (q.next()) {
            StatusRow row = statusFromRow(q);
            rows.insert(row.status.username, std::move(row));
        }
    }
    QList<StatusRow> changed;
    QList<StatusChange> changes;
    for (const PresenceReport &report : reports) {
        if (!report.presence)
            continue;
        const qint64 seen = report.seenAt.toMSecsSinceEpoch();
        StatusRow row = rows.value(report.username, defaultRow(report.username));
        if (*report.presence == row.status.presence) {
            (*refresh)[seen].append(report.username);
            continue;
        }
        row.status.presence = *report.presence;
        row.seenAt = qMax(row.seenAt, seen);
        row.status.updatedAt = now;
        changes.append(StatusChange {row.status.username, 0});
        changed.append(std::move(row));
    }
    if (changed.isEmpty()) {
        tx.rollback();
        return changes;
    }
    const ChangeAudience audience(audienceOf(changes));
    const auto first = tx.takeSequence(int(changed.size()));
    if (!first)
        return tx.fail(u"taking sequence values");
    QSqlError error;
    if (!writeRows(c, changed, *first, &error))
        return tx.fail(u"writing presences", error);
    for (qsizetype i = 0; i < changes.size(); ++i)
        changes[i].sequence = *first + i;
    if (!tx.commit())
        return tx.fail(u"committing presence");
    return changes;
}

Expected<QList<StatusChange>> StatusTable::sweep(const QDateTime &now, const QDateTime &offlineBefore,
                                                 const std::function<bool(const QString &)> &connectedHere)
{
    QList<StatusChange> changes;
    QStringList due;
    QSet<QString> seen;
    {
        Query q(m_database,
                QStringLiteral("SELECT username FROM statuses WHERE presence <> 'offline' AND seen_at < ?"
                               " UNION SELECT username FROM statuses WHERE next_check <= ?"));
        if (!q.exec({offlineBefore.toMSecsSinceEpoch(), now.toMSecsSinceEpoch()}))
            return q.fail(u"finding statuses to update");
        while (q.next()) {
            const QString name = q.text(0);
            if (!seen.contains(name)) {
                seen.insert(name);
                due.append(name);
            }
        }
    }
    if (due.isEmpty())
        return changes;
    Transaction tx(m_database, Transaction::Kind::Sequenced);
    if (!tx.begin())
        return tx.fail(u"starting a status sweep");
    Connection &c = tx.connection();
    QSqlError error;
    for (const QString &username : std::as_const(due)) {
        // Read again inside the transaction: another instance may have swept it, or the
        // person came back, since the look above.
        std::optional<StatusRow> row = readRow(c, username, &error);
        if (!row)
            return tx.fail(u"reading a status", error);
        if (row->changeSeq == 0)
            continue; // removed meanwhile
        const Status before = row->status;
        const qint64 nextCheckBefore = row->nextCheck;
        if (row->status.presence != Presence::Offline && row->seenAt < offlineBefore.toMSecsSinceEpoch()
            && !(connectedHere && connectedHere(username))) {
            row->status.presence = Presence::Offline;
        }
        if (row->nextCheck > 0 && row->nextCheck <= now.toMSecsSinceEpoch()) {
            const std::optional<QTimeZone> zone = zoneOf(c, username, &error);
            if (!zone)
                return tx.fail(u"reading a time zone", error);
            applyChoice(*row, now, *zone);
        }
        if (!sameApplied(before, row->status)) {
            const Expected<qint64> written = writeChange(tx, *row, now);
            if (!written)
                return written.error();
            changes.append(StatusChange {username, *written});
        } else if (row->nextCheck != nextCheckBefore) {
            Query q(c, QStringLiteral("UPDATE statuses SET next_check = ? WHERE username = ?"));
            if (!q.exec({row->nextCheck > 0 ? QVariant(row->nextCheck) : QVariant(QMetaType::fromType<qint64>()),
                         username}))
                return tx.fail(u"rescheduling a status", q.error());
        }
    }
    return commitChanges(tx, changes, u"committing a status sweep");
}

} // namespace Colleagues::Server::Internal
