// SPDX-License-Identifier: MIT
#include "tests/support/FixtureDirectory.h"

#include "client/ClientStore.h"
#include "core/ProfileCsv.h"

#include <QDebug>
#include <QFile>

namespace Colleagues::Test {

QString FixtureDirectory::path(const QString &name)
{
    return QStringLiteral(COLLEAGUES_FIXTURES "/") + name;
}

bool FixtureDirectory::load(ClientStore &store, const QString &directory)
{
    if (!store.open(directory)) {
        qWarning() << store.errorString();
        return false;
    }
    QFile file(path());
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
