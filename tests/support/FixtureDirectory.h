// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Colleagues {
class ClientStore;
}

namespace Colleagues::Test {

//! The hand-written fixture directory of people (tests/client/fixtures/directory.csv).
class FixtureDirectory
{
public:
    //! The path of the fixture file \a name ("directory.csv").
    static QString path(const QString &name = QStringLiteral("directory.csv"));
    //! Opens \a store in \a directory and imports the fixture; false (with a warning) on failure.
    static bool load(ClientStore &store, const QString &directory);
};

} // namespace Colleagues::Test
