// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Colleagues::Server::Cli {

//! `colleagues-server import-csv FILE [--initial-passwords OUT]`. \a arguments: the program
//! name, then what follows "import-csv".
int runImportCommand(const QStringList &arguments);

} // namespace Colleagues::Server::Cli
