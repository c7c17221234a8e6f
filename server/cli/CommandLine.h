// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Colleagues::Server {

//! The whole `colleagues-server` command line: picks the command (serve, user, import-csv,
//! seed-demo) and runs it. \a arguments start with the program name. Returns the exit code.
int runCommandLine(const QStringList &arguments);

} // namespace Colleagues::Server
