// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Colleagues::Server {

//! `colleagues-server serve ...`: parses its options, opens storage and serves HTTP(S)
//! until terminated. \a arguments start with the program name followed by "serve".
int runServeCommand(const QStringList &arguments);

} // namespace Colleagues::Server
