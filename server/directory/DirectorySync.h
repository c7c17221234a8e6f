// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"
#include "server/directory/DirectoryMap.h"
#include "server/directory/LdapConnection.h"
#include "server/storage/Storage.h"

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
};

/*!
 * Reads every entry of \a source (paged) and mirrors them into \a storage with
 * Storage::applyDirectory(), in one transaction: nothing changes when anything fails, and the
 * error says why. A search that returns nobody is refused (a wrong base or filter would
 * otherwise disable everyone). Blocking; call it off the HTTP threads.
 */
Expected<DirectorySyncReport> syncDirectory(Storage &storage, const DirectoryMap &map, const DirectorySource &source,
                                            bool dryRun, int reportLimit = 20);

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
