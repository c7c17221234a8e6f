// SPDX-License-Identifier: MIT
#include "server/ServerInfo.h"

namespace Colleagues::ServerInfo {

QString applicationName()
{
    return QStringLiteral("colleagues-server");
}

QString version()
{
    return QStringLiteral("0.1.0");
}

} // namespace Colleagues::ServerInfo
