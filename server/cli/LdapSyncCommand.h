// SPDX-License-Identifier: MIT
#pragma once

#include "server/directory/DirectoryMap.h"
#include "server/directory/DirectorySync.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace Colleagues::Server::Cli {

//! The directory options ldap-sync and serve share: --url, --base, --filter, --bind-dn,
//! --bind-password-file, --map, --starttls, --ca-file.
struct LdapOptions
{
    QCommandLineOption url {QStringLiteral("url"),
                            QStringLiteral("The directory: ldap://HOST[:PORT] or ldaps://HOST[:PORT]."),
                            QStringLiteral("URL")};
    QCommandLineOption base {QStringLiteral("base"),
                             QStringLiteral("Where people are, e.g. ou=people,dc=example,dc=com."),
                             QStringLiteral("DN")};
    QCommandLineOption filter {QStringLiteral("filter"),
                               QStringLiteral("Which entries are people (default: the map's, "
                                              "(objectClass=inetOrgPerson) without a map)."),
                               QStringLiteral("FILTER")};
    QCommandLineOption bindDn {QStringLiteral("bind-dn"),
                               QStringLiteral("Bind as DN to read the directory (default: anonymous); needs "
                                              "--bind-password-file."),
                               QStringLiteral("DN")};
    QCommandLineOption bindPasswordFile {QStringLiteral("bind-password-file"),
                                         QStringLiteral("Read the bind password from the first line of FILE, which "
                                                        "only its owner may read (chmod 600)."),
                                         QStringLiteral("FILE")};
    QCommandLineOption map {QStringLiteral("map"),
                            QStringLiteral("Map directory attributes to profile fields as FILE says (default: "
                                           "inetOrgPerson; see the admin guide)."),
                            QStringLiteral("FILE")};
    QCommandLineOption startTls {QStringLiteral("starttls"),
                                 QStringLiteral("Encrypt an ldap:// connection with StartTLS before binding.")};
    QCommandLineOption caFile {QStringLiteral("ca-file"),
                               QStringLiteral("Check the directory's certificate against the CA certificates in "
                                              "FILE (PEM) rather than the system's."),
                               QStringLiteral("FILE")};

    void addTo(QCommandLineParser &parser) const;
    //! Whether any directory option is given.
    bool anySet(const QCommandLineParser &parser) const;
    //! The connection the options name, with the bind password read; nullopt and \a error
    //! when something is missing or wrong (--url and --base are required).
    std::optional<Directory::DirectorySource> source(const QCommandLineParser &parser, QString *error) const;
    //! The map file's map, or the inetOrgPerson default.
    std::optional<Directory::DirectoryMap> readMap(const QCommandLineParser &parser, QString *error) const;
};

//! Prints what a sync did (or would do) in the words ldap-sync and the server's log use.
QString describeSync(const Directory::DirectorySyncReport &report, bool dryRun);

//! `colleagues-server ldap-sync`: mirrors an LDAP directory or Active Directory.
int runLdapSyncCommand(const QStringList &arguments);

} // namespace Colleagues::Server::Cli
