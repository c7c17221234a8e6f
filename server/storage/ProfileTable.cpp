// SPDX-License-Identifier: MIT
#include "server/storage/ProfileTable_p.h"

#include "core/Validation.h"
#include "server/storage/Connection_p.h"
#include "server/storage/Database_p.h"
#include "server/storage/Query_p.h"
#include "server/storage/SqlHelpers_p.h"
#include "server/storage/Transaction_p.h"

#include <QUuid>

namespace Colleagues::Server::Internal {

namespace {

//! \a edit's visibility choices over \a current's: an edit names only the fields it changes.
FieldVisibility mergedVisibility(const Profile *current, const Profile &edit)
{
    FieldVisibility merged = current ? current->visibility : FieldVisibility {};
    merged.merge(edit.visibility);
    return merged;
}

} // namespace

void noteManagerChange(const Profile *current, const Profile &edit, QSet<QString> *managers)
{
    const QString before = current ? current->manager : QString();
    if (before == edit.manager)
        return;
    if (!before.isEmpty())
        managers->insert(before);
    if (!edit.manager.isEmpty())
        managers->insert(edit.manager);
}

bool sameContent(const Profile &current, const Profile &edit)
{
    const Profile &a = current;
    const Profile &b = edit;
    return a.displayName == b.displayName && a.email == b.email && a.title == b.title && a.department == b.department
        && a.location == b.location && a.timeZone == b.timeZone && a.manager == b.manager && a.phone == b.phone
        && a.bio == b.bio && a.skills == b.skills && a.interests == b.interests
        && a.visibility == mergedVisibility(&current, edit);
}

std::optional<Error> prepareProfile(Profile &profile)
{
    Validation::normalize(profile);
    const QList<Error> errors = Validation::validate(profile);
    if (!errors.isEmpty())
        return errors.first();
    return std::nullopt;
}

namespace {

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
            interestsToJson(p.interests),
            p.visibility.toText()};
}

} // namespace

Expected<Profile> writeProfile(Transaction &tx, const std::optional<StoredProfile> &existing, const Profile &content)
{
    const auto seq = tx.takeSequence();
    if (!seq)
        return tx.fail(u"taking a sequence value");
    Profile stored = content;
    stored.updatedAt = QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
    stored.visibility = mergedVisibility(liveProfile(existing), content);
    QVariantList values = contentValues(stored);
    QString sql;
    if (existing) {
        stored.id = existing->profile.id;
        stored.photoTag = existing->deleted ? QString() : existing->profile.photoTag;
        stored.revision = existing->profile.revision + 1;
        sql = QStringLiteral("UPDATE profiles SET deleted = FALSE, display_name = ?, email = ?, title = ?,"
                             " department = ?, location = ?, time_zone = ?, manager = ?, phone = ?, bio = ?,"
                             " skills = ?, interests = ?, visibility = ?, photo_tag = ?, revision = ?,"
                             " updated_at = ?, change_seq = ? WHERE id = ?");
        values << stored.photoTag << stored.revision << stored.updatedAt.toMSecsSinceEpoch() << *seq << stored.id;
    } else {
        stored.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        stored.photoTag.clear();
        stored.revision = 1;
        sql = QStringLiteral("INSERT INTO profiles (display_name, email, title, department, location, time_zone,"
                             " manager, phone, bio, skills, interests, visibility, id, username, deleted,"
                             " photo_tag, revision, updated_at, change_seq)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, '', ?, ?, ?)");
        values << stored.id << stored.username << stored.revision << stored.updatedAt.toMSecsSinceEpoch() << *seq;
    }
    Query q(tx.connection(), sql);
    if (!q.exec(values))
        return tx.fail(u"writing a profile", q.error());
    return stored;
}

namespace {

//! The managers above \a username on \a c, nearest first; a cycle or MaxChainDepth ends it.
std::optional<QStringList> chainOf(Connection &c, const QString &username, QSqlError *error)
{
    // One recursive query (SQLite and PostgreSQL alike); the depth bound ends a cycle, and the
    // first repeated name ends the list.
    Query q(c,
            QStringLiteral("WITH RECURSIVE chain (username, depth) AS ("
                           " SELECT manager, 1 FROM profiles WHERE username = ? AND deleted = FALSE"
                           " AND manager <> ''"
                           " UNION ALL SELECT p.manager, chain.depth + 1 FROM profiles p JOIN chain"
                           " ON p.username = chain.username WHERE p.deleted = FALSE AND p.manager <> ''"
                           " AND chain.depth < ?)"
                           " SELECT username FROM chain ORDER BY depth"));
    if (!q.exec({username, Storage::MaxChainDepth})) {
        *error = q.error();
        return std::nullopt;
    }
    QStringList chain;
    QSet<QString> seen;
    while (q.next()) {
        const QString name = q.text(0);
        if (seen.contains(name) || name == username)
            break;
        seen.insert(name);
        chain.append(name);
    }
    return chain;
}

} // namespace

Expected<bool> ProfileTable::resendTeams(Transaction &tx, const QSet<QString> &managers, const QSet<QString> &written)
{
    if (managers.isEmpty())
        return true;
    Connection &c = tx.connection();
    // Nobody keeps a field to the team: nothing to send again.
    if (!m_teamByDefault.load(std::memory_order_relaxed)) {
        Query any(c,
                  QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM profiles WHERE deleted = FALSE"
                                 " AND visibility LIKE '%=team%' LIMIT 1) t"));
        const auto found = any.scalar();
        if (!found)
            return tx.fail(u"looking for team-only fields", any.error());
        if (*found == 0)
            return true;
    }
    // Whose team changes: the reports of each manager a person left or joined (peers lost and
    // gained) and each of those managers with everyone above them (the person and everyone
    // under them are no longer, or now, under them).
    QSet<QString> affected;
    for (const QString &manager : managers) {
        affected.insert(manager);
        QSqlError error;
        const auto chain = chainOf(c, manager, &error);
        if (!chain)
            return tx.fail(u"reading a management chain", error);
        for (const QString &above : *chain)
            affected.insert(above);
        Query peers(c, QStringLiteral("SELECT username FROM profiles WHERE manager = ? AND deleted = FALSE"));
        if (!peers.exec({manager}))
            return tx.fail(u"reading a team", peers.error());
        while (peers.next())
            affected.insert(peers.text(0));
    }
    const bool everyRow = m_teamByDefault.load(std::memory_order_relaxed);
    for (const QString &username : std::as_const(affected)) {
        if (written.contains(username))
            continue; // sent anyway
        const auto seq = tx.takeSequence();
        if (!seq)
            return tx.fail(u"taking a sequence value");
        Query bump(c,
                   QStringLiteral("UPDATE profiles SET change_seq = ? WHERE username = ? AND deleted = FALSE"
                                  " AND (? OR visibility LIKE '%=team%')"));
        if (!bump.exec({*seq, username, everyRow}))
            return tx.fail(u"sending a profile again", bump.error());
    }
    return true;
}

Expected<QStringList> ProfileTable::managementChain(const QString &username)
{
    Connection *c = m_database.connection();
    if (!c)
        return databaseFailure();
    QSqlError error;
    const auto chain = chainOf(*c, username, &error);
    if (!chain)
        return m_database.failure(*c, error, u"reading a management chain");
    return *chain;
}

Expected<std::optional<StoredProfile>> readProfile(Transaction &tx, const QString &username)
{
    Query q(tx.connection(), QStringLiteral("SELECT %1 FROM profiles WHERE username = ?").arg(ProfileColumns));
    if (!q.exec({username}))
        return tx.fail(u"reading a profile", q.error());
    if (!q.next())
        return std::optional<StoredProfile>();
    StoredProfile stored;
    stored.profile = profileFromRow(q, &stored.deleted);
    return std::optional<StoredProfile>(std::move(stored));
}

Expected<std::optional<StoredProfile>> beginProfileChange(Transaction &tx, const QString &username, QStringView what)
{
    if (!tx.begin())
        return tx.fail(what);
    return readProfile(tx, username);
}

Expected<std::optional<Profile>> ProfileTable::findProfile(const QString &username)
{
    Query q(m_database,
            QStringLiteral("SELECT %1 FROM profiles WHERE username = ? AND deleted = FALSE").arg(ProfileColumns));
    if (!q.exec({username}))
        return q.fail(u"reading a profile");
    if (!q.next())
        return std::optional<Profile>();
    return std::optional<Profile>(profileFromRow(q));
}

Expected<QList<Expected<UpsertOutcome>>> ProfileTable::importProfiles(const QList<Profile> &profiles)
{
    QList<Expected<UpsertOutcome>> outcomes;
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
    Transaction tx(m_database, Transaction::Kind::Sequenced);
    if (!tx.begin())
        return tx.fail(u"starting a profile import");
    bool changed = false;
    QSet<QString> managers; // left or joined by someone in this import
    QSet<QString> written;
    for (qsizetype i = 0; i < prepared.size(); ++i) {
        if (!outcomes.at(i))
            continue;
        const Profile &profile = prepared.at(i);
        // Row by row, so that a username twice in one batch updates what the first wrote.
        const auto existing = readProfile(tx, profile.username);
        if (!existing)
            return existing.error();
        const Profile *current = liveProfile(*existing);
        if (current && sameContent(*current, profile)) {
            outcomes[i] = UpsertOutcome {UpsertOutcome::Status::Unchanged, *current};
            continue;
        }
        const auto stored = writeProfile(tx, *existing, profile);
        if (!stored)
            return stored.error();
        noteManagerChange(current, profile, &managers);
        written.insert(profile.username);
        const bool created = !current;
        outcomes[i] =
            UpsertOutcome {created ? UpsertOutcome::Status::Created : UpsertOutcome::Status::Updated, *stored};
        changed = true;
    }
    if (!changed) {
        tx.rollback();
        return outcomes;
    }
    if (const auto resent = resendTeams(tx, managers, written); !resent)
        return resent.error();
    if (!tx.commit())
        return tx.fail(u"committing an import");
    return outcomes;
}

Expected<SaveOutcome> ProfileTable::saveProfile(const Profile &input, qint64 expectedRevision, bool mayRestore)
{
    Profile profile = input;
    if (auto invalid = prepareProfile(profile))
        return *invalid;
    Transaction tx(m_database, Transaction::Kind::Sequenced);
    const auto existing = beginProfileChange(tx, profile.username, u"starting a profile save");
    if (!existing)
        return existing.error();
    const Profile *current = liveProfile(*existing);
    if (!current && expectedRevision != 0) {
        tx.rollback();
        return SaveOutcome {SaveOutcome::Status::NotFound, {}};
    }
    if (existing->has_value() && (*existing)->deleted && !mayRestore) {
        tx.rollback();
        return SaveOutcome {SaveOutcome::Status::Removed, {}};
    }
    if (current && current->revision != expectedRevision) {
        tx.rollback();
        return SaveOutcome {SaveOutcome::Status::Stale, *current};
    }
    if (current && sameContent(*current, profile)) {
        tx.rollback();
        return SaveOutcome {SaveOutcome::Status::Saved, *current};
    }
    const auto stored = writeProfile(tx, *existing, profile);
    if (!stored)
        return stored.error();
    QSet<QString> managers;
    noteManagerChange(current, profile, &managers);
    if (const auto resent = resendTeams(tx, managers, {profile.username}); !resent)
        return resent.error();
    if (!tx.commit())
        return tx.fail(u"committing a profile");
    return SaveOutcome {SaveOutcome::Status::Saved, *stored};
}

Expected<bool> ProfileTable::removeProfile(const QString &username)
{
    Transaction tx(m_database, Transaction::Kind::Sequenced);
    const auto existing = beginProfileChange(tx, username, u"starting a profile removal");
    if (!existing)
        return existing.error();
    const Profile *current = liveProfile(*existing);
    if (!current) {
        tx.rollback();
        return false;
    }
    const auto seq = tx.takeSequence();
    if (!seq)
        return tx.fail(u"taking a sequence value");
    // The tombstone keeps id and username only; the person's data goes.
    Connection &c = tx.connection();
    Query q(c,
            QStringLiteral("UPDATE profiles SET deleted = TRUE, display_name = '', email = '', title = '',"
                           " department = '', location = '', time_zone = '', manager = '', phone = '', bio = '',"
                           " skills = '[]', interests = '[]', visibility = '', photo_tag = '',"
                           " revision = revision + 1, updated_at = ?, change_seq = ? WHERE id = ?"));
    if (!q.exec({nowMs(), *seq, current->id}))
        return tx.fail(u"removing a profile", q.error());
    QSet<QString> managers;
    if (!current->manager.isEmpty())
        managers.insert(current->manager);
    if (const auto resent = resendTeams(tx, managers, {username}); !resent)
        return resent.error();
    Query photo(c, QStringLiteral("DELETE FROM photos WHERE username = ?"));
    if (!photo.exec({username}))
        return tx.fail(u"removing a photo", photo.error());
    // The status goes with the person; clients drop it with the profile (its tombstone).
    Query status(c, QStringLiteral("DELETE FROM statuses WHERE username = ?"));
    if (!status.exec({username}))
        return tx.fail(u"removing a status", status.error());
    if (!tx.commit())
        return tx.fail(u"committing a profile removal");
    return true;
}

qint64 ProfileTable::profileCount()
{
    return m_database.scalar(QStringLiteral("SELECT COUNT(*) FROM profiles WHERE deleted = FALSE")).value_or(0);
}

} // namespace Colleagues::Server::Internal
