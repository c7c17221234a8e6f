// SPDX-License-Identifier: MIT
#include "server/cli/DatabasePassword.h"

#include <QFile>

#include <sys/stat.h>

namespace Colleagues::Server::Cli {

std::optional<QByteArray> readSecretFile(const QString &path, const QString &option, QString *error)
{
    struct stat info = {};
    const QByteArray native = QFile::encodeName(path);
    if (::stat(native.constData(), &info) != 0 || !S_ISREG(info.st_mode)) {
        *error = QStringLiteral("%1: %2 is not a readable file.").arg(option, path);
        return std::nullopt;
    }
    if ((info.st_mode & 077) != 0) {
        *error = QStringLiteral("%1: %2 may be read by others (mode %3); allow only its owner: chmod 600 %2")
                     .arg(option, path)
                     .arg(info.st_mode & 0777, 4, 8, QLatin1Char('0'));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read %2: %3").arg(option, path, file.errorString());
        return std::nullopt;
    }
    QByteArray line = file.readLine(4096);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        *error = QStringLiteral("%1: %2 is empty.").arg(option, path);
        return std::nullopt;
    }
    return line;
}

QString applyDatabasePassword(StorageConfig &config, const QString &passwordFile)
{
    if (config.backend != StorageConfig::Backend::Postgres)
        return passwordFile.isEmpty() ? QString() : QStringLiteral("--database-password-file needs --database URL.");
    if (!passwordFile.isEmpty()) {
        if (!config.password.isEmpty()) {
            return QStringLiteral("--database-password-file: the --database URL has a password already; give it in "
                                  "one place (the file) only.");
        }
        QString error;
        const std::optional<QByteArray> line =
            readSecretFile(passwordFile, QStringLiteral("--database-password-file"), &error);
        if (!line)
            return error;
        config.password = QString::fromUtf8(*line);
        return {};
    }
    if (config.password.isEmpty() && qEnvironmentVariableIsSet(DatabasePasswordVariable))
        config.password = qEnvironmentVariable(DatabasePasswordVariable);
    return {};
}

} // namespace Colleagues::Server::Cli
