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

StorageOptions::StorageOptions(Fallback fallback)
    : m_fallback(fallback)
    , m_dataDir(QStringLiteral("data-dir"),
                fallback == Fallback::PackagedDataDir
                    ? QStringLiteral("Use the SQLite database in DIR (default: %1; an explicit DIR is created if "
                                     "needed).")
                          .arg(QLatin1String(DefaultDataDir))
                    : QStringLiteral("Use the SQLite database in DIR (created if needed)."),
                QStringLiteral("DIR"))
    , m_database(QStringLiteral("database"),
                 QStringLiteral("Use the PostgreSQL database at URL, postgresql://USER@HOST:PORT/DBNAME; the "
                                "password comes from --database-password-file or the environment variable %1, "
                                "never the command line.")
                     .arg(QLatin1String(DatabasePasswordVariable)),
                 QStringLiteral("URL"))
    , m_passwordFile(QStringLiteral("database-password-file"),
                     QStringLiteral("Read the PostgreSQL password from the first line of FILE, which only its owner "
                                    "may read (chmod 600)."),
                     QStringLiteral("FILE"))
{ }

void StorageOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_dataDir, m_database, m_passwordFile});
}

std::optional<StorageConfig> StorageOptions::config(const QCommandLineParser &parser, QString *error,
                                                    QString *warning) const
{
    const bool sqlite = parser.isSet(m_dataDir);
    const bool postgres = parser.isSet(m_database);
    if (sqlite && postgres) {
        *error = QStringLiteral("give either --data-dir DIR (SQLite) or --database URL (PostgreSQL), not both.");
        return std::nullopt;
    }
    StorageConfig config;
    if (postgres) {
        const Expected<StorageConfig> parsed = StorageConfig::fromUrl(parser.value(m_database));
        if (!parsed) {
            *error = QStringLiteral("--database: %1").arg(parsed.error().message);
            return std::nullopt;
        }
        config = parsed.value();
        if (!config.password.isEmpty()) {
            *warning = QStringLiteral("the --database URL holds a password, which other users can see in the "
                                      "process list; use --database-password-file or %1.")
                           .arg(QLatin1String(DatabasePasswordVariable));
        }
    } else if (sqlite) {
        config = StorageConfig::sqlite(parser.value(m_dataDir));
    } else if (m_fallback == Fallback::PackagedDataDir) {
        config = StorageConfig::sqlite(QString::fromLatin1(DefaultDataDir));
        // Never create a fresh, empty database where the administrator did not ask for one.
        if (!QFileInfo::exists(config.sqliteFile())) {
            *error = QStringLiteral("there is no database at %1; give --data-dir DIR or --database URL.")
                         .arg(QDir::toNativeSeparators(config.sqliteFile()));
            return std::nullopt;
        }
    } else {
        *error = QStringLiteral("give --data-dir DIR (SQLite) or --database URL (PostgreSQL).");
        return std::nullopt;
    }
    if (const QString refused = applyDatabasePassword(config, parser.value(m_passwordFile)); !refused.isEmpty()) {
        *error = refused;
        return std::nullopt;
    }
    return config;
}

std::unique_ptr<Storage> StorageOptions::open(const QCommandLineParser &parser) const
{
    QString error;
    QString warning;
    const std::optional<StorageConfig> config = this->config(parser, &error, &warning);
    if (!warning.isEmpty())
        printWarning(warning);
    if (!config) {
        printError(error);
        return nullptr;
    }
    auto storage = Storage::create(*config);
    const auto opened = storage->open();
    if (!opened) {
        printError(
            QStringLiteral("cannot open the database %1: %2").arg(config->displayName(), opened.error().message));
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
        // The usage names what is missing: its words in capitals outside brackets ("NAME", "FILE").
        QStringList named;
        for (const QString &word : usage.section(QLatin1Char('['), 0, 0).split(QLatin1Char(' '), Qt::SkipEmptyParts)
                 + usage.section(QLatin1Char(']'), -1).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (word == word.toUpper() && word.front().isLetter())
                named.append(word);
        }
        printError((given < positionals
                        ? QStringLiteral("missing %1. ").arg(named.value(given, QStringLiteral("argument")))
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
