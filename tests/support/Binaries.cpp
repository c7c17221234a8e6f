// SPDX-License-Identifier: MIT
#include "tests/support/Binaries.h"

namespace Colleagues::Test {

QString serverBinary()
{
    const QString fromEnvironment = qEnvironmentVariable("COLLEAGUES_SERVER_BINARY");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStringLiteral(COLLEAGUES_SERVER_BIN);
}

QString clientBinary()
{
    return QStringLiteral(COLLEAGUES_BIN);
}

} // namespace Colleagues::Test
