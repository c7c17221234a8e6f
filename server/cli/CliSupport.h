// SPDX-License-Identifier: MIT
#pragma once

#include "server/storage/Storage.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>

namespace Colleagues::Server::Cli {

//! Exit codes shared by the commands.
enum ExitCode {
    Success = 0,
    Failed = 1, //!< the command ran but was refused or failed (import: some rows were rejected)
    UsageError = 2, //!< bad command line, unusable input file, or storage that cannot be opened
};

//! Where a command's data lives when neither --data-dir nor --database is given: the
//! packaged server's data directory.
inline constexpr const char *DefaultDataDir = "/var/lib/colleagues";

void printError(const QString &message); //!< "colleagues-server: message" on stderr
void printWarning(const QString &message); //!< "colleagues-server: warning: message" on stderr
void printOut(const QString &text); //!< text as is on stdout

//! --data-dir DIR | --database URL, added to a command's parser.
struct StorageOptions
{
    QCommandLineOption dataDir {QStringLiteral("data-dir"),
                                QStringLiteral("Use the SQLite database in DIR (default: %1; an explicit DIR is "
                                               "created if needed).")
                                    .arg(QLatin1String(DefaultDataDir)),
                                QStringLiteral("DIR")};
    QCommandLineOption database {QStringLiteral("database"),
                                 QStringLiteral("Use the PostgreSQL database at URL, "
                                                "postgresql://user:password@host:port/dbname."),
                                 QStringLiteral("URL")};

    void addTo(QCommandLineParser &parser) const;
    //! The storage the options name, opened (migrated); nullptr after printing why not.
    std::unique_ptr<Storage> open(const QCommandLineParser &parser) const;
};

/*!
 * Parses \a arguments (program name first) for one command. Returns an exit code when the
 * command is done already: 0 after printing --help (with \a usage as its first line), 2 after
 * reporting a parse error or a wrong number of positional arguments (\a positionals).
 */
std::optional<int> parseCommand(QCommandLineParser &parser, const QStringList &arguments, const QString &usage,
                                int positionals);

//! One command of a group such as `user` or `vocabulary`: its name, and what runs it with the
//! arguments after it (program name first).
struct Subcommand
{
    const char *name;
    std::function<int(const QStringList &arguments)> run;
};

/*!
 * Runs the command of group \a group that \a arguments name (program name first, then the
 * command): one of \a subcommands, or --help (prints \a help). A missing or unknown command is
 * a usage error.
 */
int runSubcommand(const QStringList &arguments, const QString &group, const QString &help,
                  std::initializer_list<Subcommand> subcommands);

//! A username as typed, normalized (NFC, trimmed, lower case), or nullopt after printing why
//! it is not a valid username.
std::optional<QString> usernameArgument(const QString &text);

} // namespace Colleagues::Server::Cli
