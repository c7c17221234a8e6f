// SPDX-License-Identifier: MIT
#pragma once

// The programs under test. Their paths are compile definitions of this library alone
// (tests/support/CMakeLists.txt), so no test spells them.

#include <QString>

namespace Colleagues::Test {

//! The colleagues-server executable (COLLEAGUES_SERVER_BINARY in the environment overrides it).
QString serverBinary();
//! The colleagues desktop and command-line client.
QString clientBinary();

} // namespace Colleagues::Test
