// SPDX-License-Identifier: MIT
#include "tests/support/TestFiles.h"

#include <QFile>

namespace Colleagues::Test {

bool plantFile(const QString &path, const QByteArray &data, QFileDevice::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return false;
    file.close();
    return permissions == QFileDevice::Permissions() || file.setPermissions(permissions);
}

} // namespace Colleagues::Test
