// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Colleagues::Server::Directory {

/*!
 * Which directory attributes fill which profile fields, which entries to read and how to tell
 * a disabled account. The default reads inetOrgPerson entries (OpenLDAP); a map file (an INI
 * text, see docs/admin-guide.md and packaging/ldap/) describes any other directory, e.g.
 * Active Directory:
 *
 *     [search]
 *     filter = (&(objectCategory=person)(objectClass=user))
 *     [fields]
 *     username = sAMAccountName
 *     display_name = displayName cn
 *     department = department
 *     location = physicalDeliveryOfficeName
 *     manager = manager
 *     [disabled]
 *     attribute = userAccountControl
 *     bit = 2
 *
 * A field lists attributes by preference: the first one an entry has fills it. Fields not
 * listed are the members' own (edited in the app) and never touched.
 */
struct DirectoryMap
{
    //! Profile field (JSON name) -> the attributes that fill it, by preference.
    QList<std::pair<QString, QStringList>> fields;
    QString filter = QStringLiteral("(objectClass=inetOrgPerson)");
    //! An entry is disabled when this attribute ...
    QString disabledAttribute;
    qint64 disabledBit = 0; //!< ... has this bit set (an integer, e.g. userAccountControl & 2), or
    QString disabledValue; //!< ... equals this text (case-insensitive), e.g. "TRUE"

    //! The map of inetOrgPerson (OpenLDAP's usual schema).
    static DirectoryMap inetOrgPerson();
    //! Reads a map file; the error names the line and what is wrong with it.
    static Expected<DirectoryMap> fromText(const QString &text, const QString &fileName);
    static Expected<DirectoryMap> fromFile(const QString &path);

    //! The attributes that fill \a field; empty when it is not mapped.
    QStringList attributesOf(const QString &field) const;
    //! The profile fields the directory owns (all mapped ones but username).
    QSet<QString> ownedFields() const;
    //! Every attribute a search asks for.
    QStringList attributes() const;
    //! The profile fields a map may name.
    static const QStringList &knownFields();
};

} // namespace Colleagues::Server::Directory
