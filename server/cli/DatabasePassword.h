// SPDX-License-Identifier: MIT
#pragma once

#include "server/storage/Storage.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Colleagues::Server::Cli {

//! The environment variable that may hold the PostgreSQL password (e.g. from a systemd
//! EnvironmentFile), so that it never appears on a command line.
inline constexpr const char *DatabasePasswordVariable = "COLLEAGUES_DATABASE_PASSWORD";

/*!
 * Completes \a config (parsed from a --database URL) with the password when the URL has none:
 * from \a passwordFile when given (a regular file that only its owner may read: mode 0600 or
 * 0400; its first line is the password), else from COLLEAGUES_DATABASE_PASSWORD when set.
 * Returns an empty string, or why it refused (a file given with a password in the URL too,
 * or a file that cannot be read or that others may read).
 */
QString applyDatabasePassword(StorageConfig &config, const QString &passwordFile);

/*!
 * Reads a secret (a password) from the first line of \a path, a regular file that only its
 * owner may read (mode 0600 or 0400). Returns nullopt and sets \a error, a sentence starting
 * with \a option (e.g. "--bind-password-file"), when the file is missing, empty or readable
 * by others.
 */
std::optional<QByteArray> readSecretFile(const QString &path, const QString &option, QString *error);

} // namespace Colleagues::Server::Cli
