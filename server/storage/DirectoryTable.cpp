// SPDX-License-Identifier: MIT
// Storage::applyDirectory(): a company directory (ldap-sync) mirrored in one transaction.
#include "server/storage/Connection_p.h"
#include "server/storage/ProfileTable_p.h"
#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"
#include "server/storage/Transaction_p.h"

#include <QHash>
#include <QUuid>

namespace Colleagues::Server::Internal {

namespace {

struct StoredAccount
{
    QString source;
    QString externalId;
    bool disabled = false;
    bool hasPassword = false;
    bool admin = false;
};

//! \a current with the fields of \a fields taken from \a directory.
Profile mergedContent(const Profile *current, const Profile &directory, const QSet<QString> &fields)
{
    Profile merged;
    if (current)
        merged = *current;
    merged.username = directory.username;
    const auto take = [&fields](const char *name, auto &target, const auto &value) {
        if (fields.contains(QLatin1String(name)))
            target = value;
    };
    take("display_name", merged.displayName, directory.displayName);
    take("email", merged.email, directory.email);
    take("title", merged.title, directory.title);
    take("department", merged.department, directory.department);
    take("location", merged.location, directory.location);
    take("time_zone", merged.timeZone, directory.timeZone);
    take("manager", merged.manager, directory.manager);
    take("phone", merged.phone, directory.phone);
    take("bio", merged.bio, directory.bio);
    take("skills", merged.skills, directory.skills);
    take("interests", merged.interests, directory.interests);
    // Visibility choices are the member's: an import never names any.
    merged.visibility = {};
    return merged;
}

//! Whether \a stored has \a directory's values in every field of \a fields.
bool ownedFieldsEqual(const Profile &stored, const Profile &directory, const QSet<QString> &fields)
{
    const auto same = [&fields](const char *name, bool equal) {
        return equal || !fields.contains(QLatin1String(name));
    };
    const Profile &a = stored;
    const Profile &b = directory;
    return same("display_name", a.displayName == b.displayName) && same("email", a.email == b.email)
        && same("title", a.title == b.title) && same("department", a.department == b.department)
        && same("location", a.location == b.location) && same("time_zone", a.timeZone == b.timeZone)
        && same("manager", a.manager == b.manager) && same("phone", a.phone == b.phone) && same("bio", a.bio == b.bio)
        && same("skills", a.skills == b.skills) && same("interests", a.interests == b.interests);
}

//! The JSON names of the fields that differ between \a a and \a b.
QStringList changedFields(const Profile &a, const Profile &b)
{
    QStringList changed;
    const auto check = [&changed](const char *name, bool same) {
        if (!same)
            changed.append(QLatin1String(name));
    };
    check("display_name", a.displayName == b.displayName);
    check("email", a.email == b.email);
    check("title", a.title == b.title);
    check("department", a.department == b.department);
    check("location", a.location == b.location);
    check("time_zone", a.timeZone == b.timeZone);
    check("manager", a.manager == b.manager);
    check("phone", a.phone == b.phone);
    check("bio", a.bio == b.bio);
    check("skills", a.skills == b.skills);
    check("interests", a.interests == b.interests);
    return changed;
}

//! Rows a multi-row INSERT writes at most (well below SQLite's and PostgreSQL's parameter limits).
constexpr qsizetype InsertBatch = 200;

//! INSERT ... VALUES \a row, \a row, ... (\a count times).
QString multiRow(const QString &head, const QString &row, qsizetype count)
{
    QStringList rows;
    rows.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        rows.append(row);
    return head + rows.join(QLatin1Char(','));
}

//! Creates the directory's new accounts (no password); false leaves the error to \a tx.
bool insertAccounts(Transaction &tx, const QList<std::pair<QString, QString>> &accounts, const QString &source,
                    qint64 now, QSqlError *error)
{
    for (qsizetype first = 0; first < accounts.size(); first += InsertBatch) {
        const qsizetype count = qMin(InsertBatch, accounts.size() - first);
        Query insert(tx.connection(),
                     multiRow(QStringLiteral("INSERT INTO accounts (username, password_hash, role, disabled,"
                                             " must_change_password, created_at, source, external_id) VALUES "),
                              QStringLiteral("(?, '', 'member', FALSE, FALSE, ?, ?, ?)"), count));
        QVariantList values;
        values.reserve(count * 4);
        for (qsizetype i = first; i < first + count; ++i)
            values << accounts.at(i).first << now << source << accounts.at(i).second;
        if (!insert.exec(values)) {
            *error = insert.error();
            return false;
        }
    }
    return true;
}

//! Creates \a profiles (normalized and validated, none stored yet) with the sequence values
//! from \a sequence on; false leaves the error to \a tx.
bool insertProfiles(Transaction &tx, const QList<Profile> &profiles, qint64 sequence, qint64 now, QSqlError *error)
{
    for (qsizetype first = 0; first < profiles.size(); first += InsertBatch) {
        const qsizetype count = qMin(InsertBatch, profiles.size() - first);
        Query insert(tx.connection(),
                     multiRow(QStringLiteral("INSERT INTO profiles (display_name, email, title, department, location,"
                                             " time_zone, manager, phone, bio, skills, interests, visibility, id,"
                                             " username, deleted, photo_tag, revision, updated_at, change_seq)"
                                             " VALUES "),
                              QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, '', 1, ?, ?)"), count));
        QVariantList values;
        values.reserve(count * 16);
        for (qsizetype i = first; i < first + count; ++i) {
            const Profile &p = profiles.at(i);
            values << p.displayName << p.email << p.title << p.department << p.location << p.timeZone << p.manager
                   << p.phone << p.bio << skillsToJson(p.skills) << interestsToJson(p.interests)
                   << p.visibility.toText() << QUuid::createUuid().toString(QUuid::WithoutBraces) << p.username << now
                   << sequence + i;
        }
        if (!insert.exec(values)) {
            *error = insert.error();
            return false;
        }
    }
    return true;
}

} // namespace

namespace {

const QString WatermarkSuffix = QStringLiteral(":watermark");
const QString FullSyncSuffix = QStringLiteral(":full_sync_at");

//! Writes the sync state of \a options (DirectoryApply::stateKey) in \a tx.
Expected<bool> keepDirectoryState(Transaction &tx, const DirectoryApply &options)
{
    Query upsert(tx.connection(),
                 QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?)"
                                " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    const auto keep = [&](const QString &suffix, qint64 value) {
        if (value < 0)
            return true;
        const bool ok = upsert.exec({options.stateKey + suffix, value});
        upsert.finish();
        return ok;
    };
    if (!keep(WatermarkSuffix, options.watermark) || !keep(FullSyncSuffix, options.complete ? options.syncedAt : -1))
        return tx.fail(u"keeping the directory's sync state", upsert.error());
    return true;
}

} // namespace

Expected<DirectoryState> ProfileTable::directoryState(const QString &key)
{
    Query q(m_database, QStringLiteral("SELECT key, value FROM sync_state WHERE key IN (?, ?)"));
    if (!q.exec({key + WatermarkSuffix, key + FullSyncSuffix}))
        return q.fail(u"reading the directory's sync state");
    DirectoryState state;
    while (q.next()) {
        if (q.text(0).endsWith(WatermarkSuffix))
            state.watermark = q.int64(1);
        else
            state.fullSyncAt = q.int64(1);
    }
    return state;
}

Expected<DirectoryOutcome> ProfileTable::applyDirectory(const QList<DirectoryPerson> &people,
                                                        const DirectoryApply &options)
{
    DirectoryOutcome outcome;
    const auto note = [&outcome, &options](DirectoryChange::Kind kind, const QString &username,
                                           const QStringList &fields = {}) {
        if (outcome.changes.size() < options.reportLimit)
            outcome.changes.append(DirectoryChange {kind, username, fields});
    };

    Transaction tx(m_database, Transaction::Kind::Sequenced);
    if (!tx.begin())
        return tx.fail(u"starting a directory sync");
    Connection &c = tx.connection();

    // Everything there is, read once: a directory is mirrored whole.
    QHash<QString, StoredAccount> accounts;
    accounts.reserve(people.size() + 16);
    {
        Query q(c, QStringLiteral("SELECT username, source, external_id, disabled, password_hash, role FROM accounts"));
        if (!q.exec())
            return tx.fail(u"reading the accounts", q.error());
        while (q.next()) {
            accounts.insert(q.text(0),
                            StoredAccount {q.text(1), q.text(2), q.value(3).toBool(), !q.text(4).isEmpty(),
                                           q.text(5) == QLatin1String("admin")});
        }
    }
    QHash<QString, StoredProfile> profiles; // partial rows for a complete sync, see below
    profiles.reserve(options.complete ? people.size() + 16 : people.size() * 2 + 16);
    // An incremental sync reads the profiles of the people it names, and of those who left.
    const auto readWhole = [&tx, &profiles](const QString &username) -> Expected<bool> {
        auto stored = readProfile(tx, username);
        if (!stored)
            return stored.error();
        if (stored.value())
            profiles.insert(username, std::move(*stored.value()));
        return true;
    };
    if (!options.complete) {
        for (const DirectoryPerson &person : people) {
            if (const auto read = readWhole(person.profile.username); !read)
                return read.error();
        }
    } else {
        // Of each profile only what the comparison needs (the owned fields; id and manager for
        // removals): the full row is read for the few that change.
        static const QStringList columns {QStringLiteral("display_name"), QStringLiteral("email"),
                                          QStringLiteral("title"),        QStringLiteral("department"),
                                          QStringLiteral("location"),     QStringLiteral("time_zone"),
                                          QStringLiteral("phone"),        QStringLiteral("bio"),
                                          QStringLiteral("skills"),       QStringLiteral("interests")};
        QStringList owned;
        for (const QString &column : columns) {
            if (options.fields.contains(column))
                owned.append(column);
        }
        {
            Query q(c,
                    QStringLiteral("SELECT id, username, deleted, manager%1 FROM profiles")
                        .arg(owned.isEmpty() ? QString() : QStringLiteral(", ") + owned.join(QStringLiteral(", "))));
            if (!q.exec())
                return tx.fail(u"reading the profiles", q.error());
            while (q.next()) {
                StoredProfile stored;
                Profile &p = stored.profile;
                p.id = q.text(0);
                p.username = q.text(1);
                stored.deleted = q.value(2).toBool();
                p.manager = q.text(3);
                for (int i = 0; i < owned.size(); ++i) {
                    const QString &column = owned.at(i);
                    const QString value = q.text(4 + i);
                    if (column == u"display_name")
                        p.displayName = value;
                    else if (column == u"email")
                        p.email = value;
                    else if (column == u"title")
                        p.title = value;
                    else if (column == u"department")
                        p.department = value;
                    else if (column == u"location")
                        p.location = value;
                    else if (column == u"time_zone")
                        p.timeZone = value;
                    else if (column == u"phone")
                        p.phone = value;
                    else if (column == u"bio")
                        p.bio = value;
                    else if (column == u"skills")
                        p.skills = skillsFromJson(value);
                    else if (column == u"interests")
                        p.interests = interestsFromJson(value);
                }
                const QString username = p.username;
                profiles.emplace(username, std::move(stored));
            }
        }
    }

    const qint64 now = nowMs();
    Query updateAccount(c,
                        QStringLiteral("UPDATE accounts SET disabled = ?, source = ?, external_id = ?"
                                       " WHERE username = ?"));
    Query revoke(
        c, QStringLiteral("DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE username = ?)"));
    Query tombstone(c,
                    QStringLiteral("UPDATE profiles SET deleted = TRUE, display_name = '', email = '', title = '',"
                                   " department = '', location = '', time_zone = '', manager = '', phone = '',"
                                   " bio = '', skills = '[]', interests = '[]', visibility = '', photo_tag = '',"
                                   " revision = revision + 1, updated_at = ?, change_seq = ? WHERE id = ?"));
    Query deletePhoto(c, QStringLiteral("DELETE FROM photos WHERE username = ?"));
    Query deleteStatus(c, QStringLiteral("DELETE FROM statuses WHERE username = ?"));

    QList<std::pair<QString, QString>> newAccounts; // username, external id
    QList<Profile> newProfiles;
    QSet<QString> present = options.keep;
    QSet<QString> managers; // left or joined by someone
    QSet<QString> written;
    bool changed = false;

    for (const DirectoryPerson &person : people) {
        const QString &username = person.profile.username;
        if (person.disabled)
            continue; // handled with those who are gone
        present.insert(username);
        const auto storedProfile = profiles.constFind(username);
        const bool known = storedProfile != profiles.constEnd();
        // What is stored was normalized and validated already: when the directory's values are
        // the stored ones, nothing needs reading, merging or checking.
        const bool same = known && !storedProfile->deleted
            && ownedFieldsEqual(storedProfile->profile, person.profile, options.fields);
        std::optional<StoredProfile> existing;
        if (known && !same) {
            auto full = readProfile(tx, username);
            if (!full)
                return full.error();
            existing = std::move(full.value());
        }
        const Profile *current = liveProfile(existing);
        Profile content = same ? Profile() : mergedContent(current, person.profile, options.fields);
        if (auto invalid = same ? std::nullopt : prepareProfile(content)) {
            Error error = *invalid;
            error.message = QStringLiteral("%1 (%2): %3").arg(username, person.externalId, error.message);
            outcome.rejected.append(error);
            continue;
        }

        // The account first: the profile of a local account with a password is updated, the
        // account stays local.
        bool accountCreated = false;
        bool accountEnabled = false;
        const auto storedAccount = accounts.constFind(username);
        if (storedAccount == accounts.constEnd()) {
            newAccounts.append({username, person.externalId}); // inserted many at a time below
            accountCreated = true;
        } else {
            const StoredAccount &account = *storedAccount;
            const bool ours = account.source == options.source;
            const bool adoptable = account.source.isEmpty() && !account.hasPassword && !account.admin;
            if (ours || adoptable) {
                if (account.disabled || account.externalId != person.externalId || !ours) {
                    if (!updateAccount.exec({false, options.source, person.externalId, username}))
                        return tx.fail(u"updating an account", updateAccount.error());
                    updateAccount.finish();
                    changed = true;
                    accountEnabled = account.disabled;
                }
            } else {
                ++outcome.keptLocal;
            }
        }

        if (same || (current && sameContent(*current, content))) {
            if (accountCreated) {
                ++outcome.created;
                note(DirectoryChange::Kind::Created, username);
                changed = true;
            } else if (accountEnabled) {
                ++outcome.enabled;
                note(DirectoryChange::Kind::Enabled, username);
            } else {
                ++outcome.unchanged;
            }
            continue;
        }
        if (!known) {
            newProfiles.append(content); // inserted many at a time below
        } else {
            const auto stored = writeProfile(tx, existing, content);
            if (!stored)
                return stored.error();
        }
        noteManagerChange(current, content, &managers);
        written.insert(username);
        changed = true;
        if (accountCreated || !current) {
            ++outcome.created;
            note(DirectoryChange::Kind::Created, username);
        } else if (accountEnabled) {
            ++outcome.enabled;
            note(DirectoryChange::Kind::Enabled, username, changedFields(*current, content));
        } else {
            ++outcome.updated;
            note(DirectoryChange::Kind::Updated, username, changedFields(*current, content));
        }
    }

    // A first sync creates everyone: many rows a statement, and one take of sequence values,
    // rather than a round trip per row (which PostgreSQL would make slow).
    QSqlError error;
    if (!insertAccounts(tx, newAccounts, options.source, now, &error))
        return tx.fail(u"creating accounts", error);
    if (!newProfiles.isEmpty()) {
        const auto first = tx.takeSequence(int(newProfiles.size()));
        if (!first)
            return tx.fail(u"taking sequence values");
        if (!insertProfiles(tx, newProfiles, *first, now, &error))
            return tx.fail(u"creating profiles", error);
    }

    // The directory's accounts it no longer has (or has disabled): disabled, signed out, and
    // their profiles removed.
    QStringList usernames = accounts.keys();
    usernames.sort(); // reported in a stable order
    for (const QString &username : std::as_const(usernames)) {
        const auto it = accounts.constFind(username);
        if (it->source != options.source || present.contains(username))
            continue;
        if (!options.complete) {
            if (it->disabled)
                continue; // left before; a complete sync looks at them again
            if (const auto read = readWhole(username); !read)
                return read.error();
        }
        const auto storedProfile = profiles.constFind(username);
        const Profile *live =
            storedProfile != profiles.constEnd() && !storedProfile->deleted ? &storedProfile->profile : nullptr;
        if (it->disabled && !live)
            continue;
        if (!it->disabled) {
            if (!updateAccount.exec({true, it->source, it->externalId, username}))
                return tx.fail(u"disabling an account", updateAccount.error());
            updateAccount.finish();
            if (!revoke.exec({username}))
                return tx.fail(u"revoking sessions", revoke.error());
            revoke.finish();
        }
        if (live) {
            const auto seq = tx.takeSequence();
            if (!seq)
                return tx.fail(u"taking a sequence value");
            if (!tombstone.exec({now, *seq, live->id}))
                return tx.fail(u"removing a profile", tombstone.error());
            tombstone.finish();
            if (!deletePhoto.exec({username}))
                return tx.fail(u"removing a photo", deletePhoto.error());
            deletePhoto.finish();
            if (!deleteStatus.exec({username}))
                return tx.fail(u"removing a status", deleteStatus.error());
            deleteStatus.finish();
            if (!live->manager.isEmpty())
                managers.insert(live->manager);
            written.insert(username);
        }
        ++outcome.disabled;
        note(DirectoryChange::Kind::Disabled, username);
        changed = true;
    }

    if (options.dryRun || (!changed && options.stateKey.isEmpty())) {
        tx.rollback();
        return outcome;
    }
    if (!options.stateKey.isEmpty()) {
        if (const auto kept = keepDirectoryState(tx, options); !kept)
            return kept.error();
    }
    if (const auto resent = resendTeams(tx, managers, written); !resent)
        return resent.error();
    if (!tx.commit())
        return tx.fail(u"committing a directory sync");
    return outcome;
}

} // namespace Colleagues::Server::Internal
