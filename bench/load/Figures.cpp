// SPDX-License-Identifier: MIT
#include "bench/load/Figures.h"

#include <algorithm>
#include <cstdio>

namespace Colleagues::Load {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

QByteArray latencyLine(const std::vector<double> &values)
{
    if (values.empty())
        return "none measured";
    return "p50 " + QByteArray::number(percentile(values, 0.5), 'f', 1) + "  p99 "
        + QByteArray::number(percentile(values, 0.99), 'f', 1) + "  max "
        + QByteArray::number(percentile(values, 1.0), 'f', 1) + "  (" + QByteArray::number(qulonglong(values.size()))
        + ")";
}

void say(const QByteArray &line)
{
    std::printf("%s\n", line.constData());
    std::fflush(stdout);
}

} // namespace Colleagues::Load
