// SPDX-License-Identifier: MIT
#pragma once

#include "core/Version.h"

#include <QString>

namespace Colleagues::ServerInfo {
QString applicationName();
using Colleagues::version;
} // namespace Colleagues::ServerInfo
