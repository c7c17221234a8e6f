// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Colleagues {

//! The version of this build, the project's version in CMake: the client and the server are
//! released together and report the same one.
QString version();

} // namespace Colleagues
