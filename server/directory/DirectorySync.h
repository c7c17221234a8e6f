// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"
#include "server/directory/DirectoryMap.h"
#include "server/directory/LdapConnection.h"
#include "server/storage/Storage.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace Colleagues::Server::Directory {

//! Where ldap-sync reads: the connection, the subtree and the filter (empty: the map's).
struct DirectorySource
{
    LdapSettings settings;
    QString base;
    QString filter;
};

//! What one ldap-sync run read and did.
struct DirectorySyncReport
{
    int entries = 0; //!< entries the search returned
    QStringList skipped; //!< entries left out, each a sentence naming the entry and the reason
    QStringList warnings; //!< e.g. a manager outside the search
    DirectoryOutcome outcome; //!< what storage did (or, dry, would do)
    qint64 readMs = 0; //!< reading the directory
    qint64 writeMs = 0; //!< working out and writing the changes
    //! Only the entries changed since changedSince were read whole; the others by name only.
    bool incremental = false;
    int changedEntries = 0; //!< incremental: the entries read whole
    QDateTime changedSince; //!< incremental: the previous sync's newest change
};

//! Whether ldap-sync may read only what changed since its last run.
enum class SyncMode {
    //! Incremental when the last sync of the same source and map left a watermark and the last
    //! complete one is less than a day old; complete otherwise.
    Auto,
    Complete, //!< read every entry whole
};

/*!
 * Reads the entries of \a source (paged) and mirrors them into \a storage with
 * Storage::applyDirectory(), in one transaction: nothing changes when anything fails, and the
 * error says why. A search that returns nobody is refused (a wrong base or filter would
 * otherwise disable everyone). Blocking; call it off the HTTP threads.
 *
 * An incremental sync (SyncMode::Auto, see there) reads whole only the entries changed since the
 * last sync (by modifyTimestamp: from the newest change it read, or from the second after once
 * that second is over on any clock within 5 minutes of ours), and every other entry by its
 * username only, to find who left. A change that reaches this directory server with an older
 * time stamp (replication from another one) waits for the next complete sync.
 */
Expected<DirectorySyncReport> syncDirectory(Storage &storage, const DirectoryMap &map, const DirectorySource &source,
                                            bool dryRun, SyncMode mode = SyncMode::Auto, int reportLimit = 20);

//! A generalized time (RFC 4517: "20261204112233Z", "20261204112233.0Z", "2026120411Z",
//! "20261204112233+0100") as seconds since the epoch; -1 when it is not one.
qint64 parseGeneralizedTime(QStringView text);

/*!
 * Turns entries into people as they arrive (a search of 100,000 entries is never held whole):
 * add() each entry, then finish() resolves the managers' DNs into usernames. Entries that
 * cannot be used go to the report's skipped list; people still in the directory but incomplete
 * to keep.
 */
class PeopleReader
{
public:
    PeopleReader(const DirectoryMap &map, DirectorySyncReport *report, QSet<QString> *keep);
    void add(const LdapEntry &entry);
    //! Another entry's DN and username, for managers: an incremental sync reads the people who
    //! did not change by name only.
    void addKnown(const QString &dn, const QString &username);
    //! The username of \a entry as this server spells it; empty (and \a problem says why) when
    //! it has none that can be one.
    QString usernameOf(const LdapEntry &entry, QString *problem) const;
    QList<DirectoryPerson> finish();

private:
    const DirectoryMap &m_map;
    DirectorySyncReport *m_report;
    QSet<QString> *m_keep;
    QStringList m_usernameAttributes;
    QStringList m_displayAttributes;
    QStringList m_managerAttributes;
    QList<DirectoryPerson> m_people;
    QHash<QString, QString> m_usernameOfDn; // normalized DN -> username
    QHash<QString, QString> m_dnOfUsername;
    QStringList m_managerDns; // per person, the manager as the directory has it
};

} // namespace Colleagues::Server::Directory
