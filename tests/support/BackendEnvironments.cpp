// SPDX-License-Identifier: MIT
#include "tests/support/BackendEnvironments.h"

namespace Colleagues::Test {

void addBackendRows()
{
    QTest::addColumn<QString>("backend");
    QTest::addRow("sqlite") << u"sqlite"_qs;
    QTest::addRow("postgres") << u"postgres"_qs;
}

} // namespace Colleagues::Test
