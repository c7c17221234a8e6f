// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Colleagues::Server::Cli {

//! `colleagues-server scim-token create|list|revoke ...`: the provisioning tokens identity
//! providers call /scim/v2 with. \a arguments: the program name, then what follows "scim-token".
int runScimTokenCommand(const QStringList &arguments);

} // namespace Colleagues::Server::Cli
