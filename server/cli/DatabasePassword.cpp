// SPDX-License-Identifier: MIT
#include "server/cli/DatabasePassword.h"

#include <QFile>

#include <sys/stat.h>

namespace Colleagues::Server::Cli {

QString applyDatabasePassword(StorageConfig &config, const QString &passwordFile)
{
    if (config.backend != StorageConfig::Backend::Postgres)
        return passwordFile.isEmpty() ? QString() : QStringLiteral("--database-password-file needs --database URL.");
    if (!passwordFile.isEmpty()) {
        if (!config.password.isEmpty()) {
            return QStringLiteral("--database-password-file: the --database URL has a password already; give it in "
                                  "one place (the file) only.");
        }
        struct stat info = {};
        const QByteArray path = QFile::encodeName(passwordFile);
        if (::stat(path.constData(), &info) != 0 || !S_ISREG(info.st_mode))
            return QStringLiteral("--database-password-file: %1 is not a readable file.").arg(passwordFile);
        if ((info.st_mode & 077) != 0) {
            return QStringLiteral("--database-password-file: %1 may be read by others (mode %2); allow only its "
                                  "owner: chmod 600 %1")
                .arg(passwordFile)
                .arg(info.st_mode & 0777, 4, 8, QLatin1Char('0'));
        }
        QFile file(passwordFile);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("--database-password-file: cannot read %1: %2").arg(passwordFile, file.errorString());
        QByteArray line = file.readLine(4096);
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            return QStringLiteral("--database-password-file: %1 is empty.").arg(passwordFile);
        config.password = QString::fromUtf8(line);
        return {};
    }
    if (config.password.isEmpty() && qEnvironmentVariableIsSet(DatabasePasswordVariable))
        config.password = qEnvironmentVariable(DatabasePasswordVariable);
    return {};
}

} // namespace Colleagues::Server::Cli
