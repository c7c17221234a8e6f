// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Colleagues {

//! Facts about the client build that the command line and the UI show.
namespace ClientInfo {
QString applicationName();
QString version();
} // namespace ClientInfo

} // namespace Colleagues
