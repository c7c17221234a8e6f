// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Colleagues::ServerInfo {
QString applicationName();
QString version();
} // namespace Colleagues::ServerInfo
