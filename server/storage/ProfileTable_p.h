// SPDX-License-Identifier: MIT
#pragma once

// Internal to storage/: part of SqlStorage.

#include "server/storage/Storage.h"

#include <QSet>
#include <QStringView>

#include <atomic>

namespace Colleagues::Server::Internal {

class Database;
class Transaction;

//! A profile row as read inside a transaction, with its server-side state.
struct StoredProfile
{
    Profile profile;
    bool deleted = false;
};

//! The profile of \a row, or nullptr when there is none or it is removed.
inline const Profile *liveProfile(const std::optional<StoredProfile> &row)
{
    return row && !row->deleted ? &row->profile : nullptr;
}

//! Reads a profile by username inside \a tx, removed ones included. nullopt inside: there is
//! none. A failed read has rolled \a tx back.
Expected<std::optional<StoredProfile>> readProfile(Transaction &tx, const QString &username);

//! The first steps of every change to one profile: begins \a tx (\a what names the change if
//! that fails) and reads the profile's current row with readProfile().
Expected<std::optional<StoredProfile>> beginProfileChange(Transaction &tx, const QString &username, QStringView what);

//! Adds to \a managers the managers \a edit leaves and joins, when it changes who \a current
//! (null: a new or restored profile) reports to.
void noteManagerChange(const Profile *current, const Profile &edit, QSet<QString> *managers);
//! True when saving \a edit over \a current would change nothing.
bool sameContent(const Profile &current, const Profile &edit);
//! Normalizes and validates a profile before it is stored; the first broken rule is the error.
std::optional<Error> prepareProfile(Profile &profile);
//! Writes \a content as the profile \a existing (or a new one) with the next sequence value
//! of \a tx. Returns the stored profile; a failure has rolled \a tx back.
Expected<Profile> writeProfile(Transaction &tx, const std::optional<StoredProfile> &existing, const Profile &content);

//! The profiles: imports, optimistic saves and removals (which keep a tombstone), each taking
//! sequence values.
class ProfileTable
{
public:
    explicit ProfileTable(Database &database)
        : m_database(database)
    { }

    Expected<std::optional<Profile>> findProfile(const QString &username);
    Expected<QList<Expected<UpsertOutcome>>> importProfiles(const QList<Profile> &profiles);
    Expected<SaveOutcome> saveProfile(const Profile &profile, qint64 expectedRevision, bool mayRestore);
    Expected<bool> removeProfile(const QString &username);
    qint64 profileCount();
    Expected<QStringList> managementChain(const QString &username);
    void setTeamVisibilityByDefault(bool team) { m_teamByDefault.store(team, std::memory_order_relaxed); }

    //! Gives new sequence values to the profiles whose team changed because someone left or
    //! joined \a managers (see Storage::setTeamVisibilityByDefault()), except \a written ones.
    Expected<bool> resendTeams(Transaction &tx, const QSet<QString> &managers, const QSet<QString> &written);
    //! Storage::applyDirectory() (DirectoryTable.cpp).
    Expected<DirectoryOutcome> applyDirectory(const QList<DirectoryPerson> &people, const DirectoryApply &options);
    Expected<DirectoryState> directoryState(const QString &key);

private:
    Database &m_database;
    std::atomic<bool> m_teamByDefault {false};
};

} // namespace Colleagues::Server::Internal
