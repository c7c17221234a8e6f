// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

#include <optional>

QT_BEGIN_NAMESPACE
class QCommandLineOption;
class QCommandLineParser;
class QTextStream;
QT_END_NAMESPACE

namespace Colleagues {

class ClientStore;

//! The `colleagues` commands that run without a window: `search`, `import-csv`, the sync commands,
//! and the name of `org` (run by the desktop program's ui/org/OrgCommand, which draws with Qt Gui).
//! Each takes the global `--data-dir DIR` (before or after the command) and `--help`.
namespace CommandLine {

//! The command named by \a arguments (program name first), or an empty string when they
//! start the GUI. Options before the command (--data-dir DIR) are skipped.
QString commandName(const QStringList &arguments);

//! True when \a arguments name a command rather than the GUI.
inline bool isCommand(const QStringList &arguments)
{
    return !commandName(arguments).isEmpty();
}

//! Runs the command in \a arguments and returns the process exit code:
//! 0 success, 1 failure, 2 wrong usage, 3 (import-csv) imported with rejected rows.
//! Needs a QCoreApplication; writes results to stdout and problems to stderr.
int run(const QStringList &arguments);

//! The overview printed by `colleagues --help` for the commands.
QString commandsHelp();

//! Where every command writes its results (stdout) and its problems (stderr).
QTextStream &out();
QTextStream &err();

//! A command's name and what runs it with its arguments (program name first, command name
//! removed), returning the exit code.
struct Command
{
    const char *name;
    int (*run)(const QStringList &arguments);
};

//! For a command: adds --data-dir and --help to \a parser and parses \a arguments (the command's
//! name removed). Prints the help, headed "Usage: " and \a usage, or what is wrong and \a usage.
//! Returns -1 to go on, else the exit code (0 after --help, 2 for wrong usage).
int parseCommand(QCommandLineParser &parser, const QStringList &arguments, const QString &usage);
//! The value of \a option as a whole number from \a min to \a max; nothing when it is not one.
std::optional<int> numberValue(const QCommandLineParser &parser, const QCommandLineOption &option, int min, int max);
//! Opens \a store in the folder of --data-dir; false, with the reason on stderr, when it cannot.
bool openStore(ClientStore &store, const QCommandLineParser &parser);

} // namespace CommandLine
} // namespace Colleagues
