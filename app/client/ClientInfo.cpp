// SPDX-License-Identifier: MIT
#include "client/ClientInfo.h"

namespace Colleagues::ClientInfo {

QString applicationName()
{
    return QStringLiteral("colleagues");
}

} // namespace Colleagues::ClientInfo
