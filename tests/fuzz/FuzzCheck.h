// SPDX-License-Identifier: MIT
#pragma once

// What the fuzz harnesses share.

#include <cstdlib>

namespace Colleagues::Test {

//! A property a harness checks beyond "no crash": a violation aborts, and libFuzzer reports
//! the input that broke it.
inline void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace Colleagues::Test
