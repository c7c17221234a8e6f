// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <vector>

namespace Colleagues::Load {

//! The \a p quantile (0..1) of \a values; 0 when there are none.
double percentile(std::vector<double> values, double p);
//! "p50 A  p99 B  max C  (N)" of latencies in milliseconds, or "none measured".
QByteArray latencyLine(const std::vector<double> &values);
//! Prints \a line to stdout at once.
void say(const QByteArray &line);

} // namespace Colleagues::Load
