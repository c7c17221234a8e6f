// SPDX-License-Identifier: MIT
#include "server/ServerInfo.h"

namespace Colleagues::ServerInfo {

QString applicationName()
{
    return QStringLiteral("colleagues-server");
}

} // namespace Colleagues::ServerInfo
