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

/*!
 * --data-dir DIR | --database URL [--database-password-file FILE], added to a command's parser:
 * the same storage options, help and checks for `serve` and every other command. The PostgreSQL
 * password never needs the command line: it comes from the file (only its owner may read it) or
 * from COLLEAGUES_DATABASE_PASSWORD; a password in the URL still works, with a warning.
 */
class StorageOptions
{
public:
    //! What a command given neither --data-dir nor --database uses.
    enum class Fallback {
        PackagedDataDir, //!< DefaultDataDir, if a database is there already
        None, //!< nothing: the command must be told (serve)
    };

    explicit StorageOptions(Fallback fallback = Fallback::PackagedDataDir);

    void addTo(QCommandLineParser &parser) const;
    //! The storage the options name, with the PostgreSQL password filled in; nullopt with \a error
    //! (a sentence) when they name none, or both, or cannot be read. \a warning is set when the
    //! URL holds the password itself.
    std::optional<StorageConfig> config(const QCommandLineParser &parser, QString *error, QString *warning) const;
    //! The storage the options name, opened (migrated); nullptr after printing why not.
    std::unique_ptr<Storage> open(const QCommandLineParser &parser) const;

private:
    Fallback m_fallback;
    QCommandLineOption m_dataDir;
    QCommandLineOption m_database;
    QCommandLineOption m_passwordFile;
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
