// SPDX-License-Identifier: MIT
#include "server/cli/LdapSyncCommand.h"

#include "server/cli/CliSupport.h"
#include "server/cli/DatabasePassword.h"

namespace Colleagues::Server::Cli {

namespace {

const QString Description = QStringLiteral(
    "Makes the server mirror an LDAP directory or Active Directory. Every entry under --base that\n"
    "matches the filter is a person: new people get an account (without a password: they sign in\n"
    "through the directory, `serve --auth ldap`) and a profile; the fields the map owns are updated;\n"
    "people who vanish from the directory or are disabled there are disabled here and their profiles\n"
    "removed. Only accounts ldap-sync created are ever disabled; local accounts (admins) stay. Fields\n"
    "the map does not name (skills, interests, bio, photo, visibility) stay as members edited them.\n"
    "\n"
    "A run less than a day after the last complete one of the same directory, base, filter and map reads\n"
    "whole only the entries changed since the last run (modifyTimestamp) and the others' usernames,\n"
    "to find who left; --full reads everything.\n"
    "\n"
    "Everything is one transaction: a run that fails changes nothing and says why. --dry-run prints\n"
    "the changes it would make and makes none. Entries without a username or display name are\n"
    "reported and skipped.\n"
    "\n"
    "Exit status: 0 when the run succeeded (with or without changes), 1 when it failed, 2 for usage\n"
    "errors.");

QString kindName(DirectoryChange::Kind kind)
{
    switch (kind) {
    case DirectoryChange::Kind::Created: return QStringLiteral("create");
    case DirectoryChange::Kind::Updated: return QStringLiteral("update");
    case DirectoryChange::Kind::Disabled: return QStringLiteral("disable");
    case DirectoryChange::Kind::Enabled: return QStringLiteral("enable");
    }
    return {};
}

} // namespace

void LdapOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({url, base, filter, bindDn, bindPasswordFile, map, startTls, caFile});
}

bool LdapOptions::anySet(const QCommandLineParser &parser) const
{
    for (const QCommandLineOption *option :
         {&url, &base, &filter, &bindDn, &bindPasswordFile, &map, &startTls, &caFile}) {
        if (parser.isSet(*option))
            return true;
    }
    return false;
}

std::optional<Directory::DirectorySource> LdapOptions::source(const QCommandLineParser &parser, QString *error) const
{
    if (!parser.isSet(url)) {
        *error = QStringLiteral("--url ldap[s]://HOST[:PORT] is required.");
        return std::nullopt;
    }
    if (!parser.isSet(base)) {
        *error = QStringLiteral("--base DN is required (where the people are, e.g. ou=people,dc=example,dc=com).");
        return std::nullopt;
    }
    Directory::DirectorySource source;
    source.settings.url = parser.value(url);
    source.settings.startTls = parser.isSet(startTls);
    source.settings.caFile = parser.value(caFile);
    source.settings.bindDn = parser.value(bindDn);
    source.base = parser.value(base);
    source.filter = parser.value(filter);
    if (parser.isSet(bindPasswordFile)) {
        const std::optional<QByteArray> password =
            readSecretFile(parser.value(bindPasswordFile), QStringLiteral("--bind-password-file"), error);
        if (!password)
            return std::nullopt;
        source.settings.bindPassword = *password;
    }
    if (const QString invalid = source.settings.check(); !invalid.isEmpty()) {
        *error = invalid;
        return std::nullopt;
    }
    if (!source.filter.isEmpty()
        && (!source.filter.startsWith(QLatin1Char('(')) || !source.filter.endsWith(QLatin1Char(')')))) {
        *error = QStringLiteral("--filter is an LDAP filter in parentheses, e.g. (objectClass=inetOrgPerson).");
        return std::nullopt;
    }
    return source;
}

std::optional<Directory::DirectoryMap> LdapOptions::readMap(const QCommandLineParser &parser, QString *error) const
{
    if (!parser.isSet(map))
        return Directory::DirectoryMap::inetOrgPerson();
    const Expected<Directory::DirectoryMap> read = Directory::DirectoryMap::fromFile(parser.value(map));
    if (!read) {
        *error = QStringLiteral("--map: %1").arg(read.error().message);
        return std::nullopt;
    }
    return read.value();
}

QString describeSync(const Directory::DirectorySyncReport &report, bool dryRun)
{
    QString text;
    for (const QString &skipped : report.skipped)
        text += QStringLiteral("skipped: %1\n").arg(skipped);
    for (const QString &warning : report.warnings)
        text += QStringLiteral("warning: %1\n").arg(warning);
    for (const Error &rejected : report.outcome.rejected)
        text += QStringLiteral("rejected: %1\n").arg(rejected.message);
    const DirectoryOutcome &o = report.outcome;
    const int skipped = int(report.skipped.size() + o.rejected.size());
    const QString read = report.incremental ? QStringLiteral("Read %1 entries changed since %2 (and the others' names)")
                                                  .arg(report.changedEntries)
                                                  .arg(report.changedSince.toString(Qt::ISODate))
                                            : QStringLiteral("Read %1 entries").arg(report.entries);
    if (report.incremental)
        text += QStringLiteral("%1 entries in the directory.\n").arg(report.entries);
    text += QStringLiteral("%1%2: %3 created, %4 updated, %5 disabled, %6 enabled, %7 unchanged, %8 skipped.\n")
                .arg(dryRun ? QStringLiteral("Dry run, nothing was changed. ") : QString(), read)
                .arg(o.created)
                .arg(o.updated)
                .arg(o.disabled)
                .arg(o.enabled)
                .arg(o.unchanged)
                .arg(skipped);
    text += QStringLiteral("Reading the directory took %1 s, working out and writing the changes %2 s.\n")
                .arg(report.readMs / 1000.0, 0, 'f', 1)
                .arg(report.writeMs / 1000.0, 0, 'f', 1);
    if (o.keptLocal > 0) {
        text +=
            QStringLiteral("%1 of them have a local account with a password, which stays local.\n").arg(o.keptLocal);
    }
    if (!o.changes.isEmpty()) {
        text += dryRun ? QStringLiteral("Would change, first %1:\n").arg(o.changes.size())
                       : QStringLiteral("Changed, first %1:\n").arg(o.changes.size());
        for (const DirectoryChange &change : o.changes) {
            text += QStringLiteral("  %1 %2").arg(kindName(change.kind), change.username);
            if (!change.fields.isEmpty())
                text += QStringLiteral(" (%1)").arg(change.fields.join(QStringLiteral(", ")));
            text += QLatin1Char('\n');
        }
    }
    return text;
}

int runLdapSyncCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Description);
    const LdapOptions ldap;
    ldap.addTo(parser);
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Print what would change (counts and the first changes); change "
                                                   "nothing."));
    parser.addOption(dryRun);
    const QCommandLineOption full(QStringLiteral("full"),
                                  QStringLiteral("Read every entry whole, even when the last sync of the same "
                                                 "directory was less than a day ago (which reads only what changed)."));
    parser.addOption(full);
    const StorageOptions storageOptions;
    storageOptions.addTo(parser);
    if (const auto done = parseCommand(parser, arguments,
                                       QStringLiteral("colleagues-server ldap-sync --url URL --base DN [options]"), 0))
        return *done;

    QString error;
    const auto source = ldap.source(parser, &error);
    if (!source) {
        printError(error);
        return UsageError;
    }
    const auto map = ldap.readMap(parser, &error);
    if (!map) {
        printError(error);
        return UsageError;
    }
    if (!source->settings.encrypted() && !source->settings.bindPassword.isEmpty()) {
        printWarning(QStringLiteral("the bind password goes to %1 unencrypted; use ldaps:// or --starttls.")
                         .arg(source->settings.url));
    }
    const auto storage = storageOptions.open(parser);
    if (!storage)
        return UsageError;
    const bool dry = parser.isSet(dryRun);
    const Expected<Directory::DirectorySyncReport> report = Directory::syncDirectory(
        *storage, *map, *source, dry, parser.isSet(full) ? Directory::SyncMode::Complete : Directory::SyncMode::Auto);
    if (!report) {
        printError(QStringLiteral("ldap-sync failed, nothing was changed: %1").arg(report.error().message));
        return Failed;
    }
    printOut(describeSync(report.value(), dry));
    return Success;
}

} // namespace Colleagues::Server::Cli
