// SPDX-License-Identifier: MIT
#pragma once

// Loads the hand-written fixture directory (tests/client/fixtures/directory.csv) into a store.

#include "client/ClientStore.h"
#include "core/ProfileCsv.h"

#include <QFile>
#include <QTest>

namespace Colleagues::Test {

inline QString fixturePath(const char *name)
{
    return QStringLiteral(COLLEAGUES_FIXTURES "/") + QLatin1String(name);
}

//! Opens \a store in \a directory and imports the fixture; returns false (with a warning) on failure.
inline bool loadFixture(ClientStore &store, const QString &directory)
{
    if (!store.open(directory)) {
        qWarning() << store.errorString();
        return false;
    }
    QFile file(fixturePath("directory.csv"));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const ProfileCsvResult csv = readProfileCsv(&file);
    for (const CsvRowError &error : csv.errors)
        qWarning() << "fixture line" << error.line << error.field << error.message;
    if (!csv.fileOk || !csv.errors.isEmpty())
        return false;
    return store.upsertProfiles(csv.profiles);
}

} // namespace Colleagues::Test
