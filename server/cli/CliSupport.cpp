// SPDX-License-Identifier: MIT
#include "server/cli/CliSupport.h"

#include "core/Validation.h"
#include "server/cli/DatabasePassword.h"

#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace Colleagues::Server::Cli {

void printError(const QString &message)
{
    QTextStream(stderr) << "colleagues-server: " << message << '\n';
}

void printWarning(const QString &message)
{
    QTextStream(stderr) << "colleagues-server: warning: " << message << '\n';
}

void printOut(const QString &text)
{
    QTextStream(stdout) << text;
}

int runSubcommand(const QStringList &arguments, const QString &group, const QString &help,
                  std::initializer_list<Subcommand> subcommands)
{
    const QString command = arguments.value(1);
    const QStringList rest = QStringList {arguments.value(0)} + arguments.mid(2);
    for (const Subcommand &subcommand : subcommands) {
        if (command == QLatin1String(subcommand.name))
            return subcommand.run(rest);
    }
    if (command == u"--help" || command == u"-h" || command == u"help") {
        printOut(help);
        return Success;
    }
    printError(command.isEmpty() ? QStringLiteral("%1: missing command.").arg(group)
                                 : QStringLiteral("%1: unknown command \u201c%2\u201d.").arg(group, command));
    QTextStream(stderr) << help;
    return UsageError;
}

void StorageOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOption(dataDir);
    parser.addOption(database);
}

std::unique_ptr<Storage> StorageOptions::open(const QCommandLineParser &parser) const
{
    if (parser.isSet(dataDir) && parser.isSet(database)) {
        printError(QStringLiteral("give either --data-dir DIR (SQLite) or --database URL (PostgreSQL), not both."));
        return nullptr;
    }
    StorageConfig config;
    if (parser.isSet(database)) {
        const auto parsed = StorageConfig::fromUrl(parser.value(database));
        if (!parsed) {
            printError(QStringLiteral("--database: %1").arg(parsed.error().message));
            return nullptr;
        }
        config = *parsed;
        // The password of a URL without one: COLLEAGUES_DATABASE_PASSWORD.
        if (const QString refused = applyDatabasePassword(config, {}); !refused.isEmpty()) {
            printError(refused);
            return nullptr;
        }
    } else if (parser.isSet(dataDir)) {
        config = StorageConfig::sqlite(parser.value(dataDir));
    } else {
        config = StorageConfig::sqlite(QString::fromLatin1(DefaultDataDir));
        // Never create a fresh, empty database where the administrator did not ask for one.
        if (!QFileInfo::exists(config.sqliteFile())) {
            printError(QStringLiteral("there is no database at %1; give --data-dir DIR or --database URL.")
                           .arg(QDir::toNativeSeparators(config.sqliteFile())));
            return nullptr;
        }
    }
    auto storage = Storage::create(config);
    const auto opened = storage->open();
    if (!opened) {
        printError(QStringLiteral("cannot open the database %1: %2").arg(config.displayName(), opened.error().message));
        return nullptr;
    }
    return storage;
}

std::optional<int> parseCommand(QCommandLineParser &parser, const QStringList &arguments, const QString &usage,
                                int positionals)
{
    const QCommandLineOption help = parser.addHelpOption();
    const QString tryHelp =
        QStringLiteral("Try \u201c%1 --help\u201d.").arg(usage.section(QLatin1Char('['), 0, 0).trimmed());
    if (!parser.parse(arguments)) {
        printError(parser.errorText() + QLatin1Char(' ') + tryHelp);
        return UsageError;
    }
    if (parser.isSet(help)) {
        // Qt's first line names the binary's path and no command; ours names both.
        QStringList lines = parser.helpText().split(QLatin1Char('\n'));
        if (!lines.isEmpty())
            lines[0] = QStringLiteral("Usage: ") + usage;
        printOut(lines.join(QLatin1Char('\n')));
        return Success;
    }
    const qsizetype given = parser.positionalArguments().size();
    if (given != positionals) {
        printError((given < positionals ? QStringLiteral("missing argument. ")
                                        : QStringLiteral("unexpected argument \u201c%1\u201d. ")
                                              .arg(parser.positionalArguments().value(positionals)))
                   + tryHelp);
        return UsageError;
    }
    return std::nullopt;
}

std::optional<QString> usernameArgument(const QString &text)
{
    Profile probe;
    probe.username = text;
    Validation::normalize(probe); // NFC, trimmed, lower case, as every other way in
    if (const Error invalid = Validation::checkUsername(probe.username, QStringLiteral("NAME"))) {
        printError(invalid.message);
        return std::nullopt;
    }
    return probe.username;
}

} // namespace Colleagues::Server::Cli
