// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

//! Files that only their owner may read: the client's store, photo cache and token file, and the
//! server's SQLite database. POSIX permissions; where there are none, these do what they can.
namespace Colleagues::PrivateFiles {

//! Creates \a path (and its parents) if needed and makes it 0700. False with \a error on failure.
bool makeDirectory(const QString &path, QString *error);

//! Makes \a path 0600, creating it empty (0600 from the start, never following a link) when it
//! does not exist: a database opened after this inherits the mode for its journal files.
bool prepareFile(const QString &path, QString *error);

//! Writes \a data to \a path as a 0600 file: a new temporary file beside it, made with
//! O_EXCL|O_NOFOLLOW, flushed, then renamed into place, so that no one sees a partial file and a
//! link planted at \a path is replaced, not written through.
bool writeFile(const QString &path, const QByteArray &data, QString *error);

//! True when \a path can be read or written by anyone but its owner.
bool isExposed(const QString &path);

} // namespace Colleagues::PrivateFiles
