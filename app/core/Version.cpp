// SPDX-License-Identifier: MIT
#include "core/Version.h"

namespace Colleagues {

QString version()
{
    return QStringLiteral(COLLEAGUES_VERSION);
}

} // namespace Colleagues
