// SPDX-License-Identifier: MIT
#include "tests/support/List.h"

namespace Colleagues::Test {

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out.append(QString::fromUtf8(item));
    return out;
}

} // namespace Colleagues::Test
