// SPDX-License-Identifier: MIT
#include "server/cli/CommandLine.h"

#include "server/ServerInfo.h"
#include "server/cli/CliSupport.h"
#include "server/cli/ImportCommand.h"
#include "server/cli/LdapSyncCommand.h"
#include "server/cli/ScimTokenCommand.h"
#include "server/cli/SeedDemoCommand.h"
#include "server/cli/UserCommand.h"
#include "server/cli/VocabularyCommand.h"
#include "server/http/ServeCommand.h"

#include <QLoggingCategory>
#include <QTextStream>

namespace Colleagues::Server {

namespace {

const QString Help =
    QStringLiteral("Usage: colleagues-server COMMAND [options]\n"
                   "The Colleagues directory and messaging server.\n"
                   "\n"
                   "Commands:\n"
                   "  serve        Serves the HTTP API.\n"
                   "  user         Manages sign-in accounts: user add|passwd|disable|enable NAME.\n"
                   "  import-csv   Imports or updates people from a CSV file.\n"
                   "  seed-demo    Fills an empty directory with a generated demo company.\n"
                   "  ldap-sync    Mirrors an LDAP directory or Active Directory: accounts and profiles.\n"
                   "  vocabulary   Imports or exports the skills, places and titles search understands.\n"
                   "  scim-token   Manages provisioning tokens for identity providers: create|list|revoke.\n"
                   "\n"
                   "Every command takes --help. Data lives in an SQLite database in --data-dir DIR (default\n"
                   "/var/lib/colleagues) or in PostgreSQL at --database postgresql://user@host:port/db, whose\n"
                   "password comes from --database-password-file FILE or COLLEAGUES_DATABASE_PASSWORD.\n"
                   "\n"
                   "Options:\n"
                   "  -h, --help     Displays this help.\n"
                   "  -v, --version  Displays version information.\n");

} // namespace

int runCommandLine(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    // Each command parses its own options; it sees the program name and what follows it.
    const QStringList rest = QStringList {arguments.value(0)} + arguments.mid(2);
    if (command == u"serve")
        return runServeCommand(QStringList {arguments.value(0)} + arguments.mid(1));
    // The administrative commands say what they did themselves; storage's progress notes
    // (e.g. "applied schema migration") are for the server's log.
    QLoggingCategory::setFilterRules(QStringLiteral("colleagues.*.info=false"));
    const std::initializer_list<Cli::Subcommand> commands {{"user", Cli::runUserCommand},
                                                           {"import-csv", Cli::runImportCommand},
                                                           {"ldap-sync", Cli::runLdapSyncCommand},
                                                           {"seed-demo", Cli::runSeedDemoCommand},
                                                           {"vocabulary", Cli::runVocabularyCommand},
                                                           {"scim-token", Cli::runScimTokenCommand}};
    for (const Cli::Subcommand &c : commands) {
        if (command == QLatin1String(c.name))
            return c.run(rest);
    }
    if (command == u"--help" || command == u"-h" || command == u"help") {
        Cli::printOut(Help);
        return Cli::Success;
    }
    if (command == u"--version" || command == u"-v") {
        Cli::printOut(QStringLiteral("%1 %2\n").arg(ServerInfo::applicationName(), ServerInfo::version()));
        return Cli::Success;
    }
    Cli::printError(command.isEmpty() ? QStringLiteral("missing command.")
                                      : QStringLiteral("unknown command \u201c%1\u201d.").arg(command));
    QTextStream(stderr) << Help;
    return Cli::UsageError;
}

} // namespace Colleagues::Server
