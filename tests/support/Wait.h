// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

namespace Colleagues::Test {

//! Waits (processing events) until \a condition holds or \a timeoutMs passes; QTest::qWaitFor
//! for code outside a test function (helpers, benchmarks, tools).
bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 20000);

//! Like waitUntil(), but checks \a condition after every event without sleeping in between
//! (QTest::qWaitFor sleeps 10 ms at a time, which would show in a benchmark's latency figures).
//! Only for conditions that events change.
bool waitUntilWithoutSleeping(const std::function<bool()> &condition, int timeoutMs);

} // namespace Colleagues::Test
