// SPDX-License-Identifier: MIT
#pragma once

#include "core/Version.h"

#include <QString>

namespace Colleagues {

//! Facts about the client build that the command line and the UI show.
namespace ClientInfo {
QString applicationName();
using Colleagues::version;
} // namespace ClientInfo

} // namespace Colleagues
