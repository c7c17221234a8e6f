// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

QT_BEGIN_NAMESPACE
class QTextStream;
QT_END_NAMESPACE

namespace Colleagues {

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

} // namespace CommandLine
} // namespace Colleagues
