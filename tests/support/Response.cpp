// SPDX-License-Identifier: MIT
#include "tests/support/Response.h"

namespace Colleagues::Test {

QByteArray Response::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

} // namespace Colleagues::Test
