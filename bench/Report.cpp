// SPDX-License-Identifier: MIT
#include "bench/Report.h"

#include <cstdio>

namespace Colleagues::Bench {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

void say(const QString &line)
{
    out() << line << Qt::endl;
}

} // namespace Colleagues::Bench
