// SPDX-License-Identifier: MIT
#include "client/ClientInfo.h"

namespace Colleagues::ClientInfo {

QString applicationName()
{
    return QStringLiteral("colleagues");
}

QString version()
{
    return QStringLiteral("0.1.0");
}

} // namespace Colleagues::ClientInfo
