// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Colleagues {

//! The `colleagues` commands of the sync engine, run without a window: `login`, `logout`,
//! `sync`, `send`, `messages` and `status`. Each takes the global `--data-dir DIR` and `--help`.
namespace SyncCommands {

QStringList names();

//! Runs \a command with \a arguments (program name first, command name removed); returns the
//! exit code: 0 success, 1 failure, 2 wrong usage, 3 (send) queued but not delivered yet.
int run(const QString &command, const QStringList &arguments);

//! Lines for `colleagues --help`.
QString help();

} // namespace SyncCommands
} // namespace Colleagues
