// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Colleagues::Server::Cli {

//! `colleagues-server user add|passwd|disable|enable ...`. \a arguments: the program name,
//! then what follows "user".
int runUserCommand(const QStringList &arguments);

} // namespace Colleagues::Server::Cli
