// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Colleagues::Server::Cli {

//! `colleagues-server seed-demo [--people N] [--seed S]`: fills an empty directory with a
//! generated demo company. \a arguments: the program name, then what follows "seed-demo".
int runSeedDemoCommand(const QStringList &arguments);

} // namespace Colleagues::Server::Cli
