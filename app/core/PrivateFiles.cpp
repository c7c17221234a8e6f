// SPDX-License-Identifier: MIT
#include "core/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Colleagues::PrivateFiles {

namespace {

QString lastError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool writeAll(int fd, const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace

bool makeDirectory(const QString &path, QString *error)
{
    if (!QDir().mkpath(path)) {
        *error = QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(path));
        return false;
    }
    if (::chmod(QFile::encodeName(path).constData(), 0700) != 0) {
        *error =
            QStringLiteral("cannot make the folder %1 private: %2").arg(QDir::toNativeSeparators(path), lastError());
        return false;
    }
    return true;
}

bool prepareFile(const QString &path, QString *error)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QStringLiteral("cannot open %1: %2").arg(QDir::toNativeSeparators(path), lastError());
        return false;
    }
    const bool ok = ::fchmod(fd, 0600) == 0;
    if (!ok)
        *error = QStringLiteral("cannot make %1 private: %2").arg(QDir::toNativeSeparators(path), lastError());
    ::close(fd);
    return ok;
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    const QFileInfo info(path);
    const QString directory = info.absolutePath();
    QString temporary;
    int fd = -1;
    for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
        temporary =
            QDir(directory).filePath(QStringLiteral(".%1.%2.tmp")
                                         .arg(info.fileName())
                                         .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0')));
        fd = ::open(QFile::encodeName(temporary).constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                    0600);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        *error = QStringLiteral("cannot create a file in %1: %2").arg(QDir::toNativeSeparators(directory), lastError());
        return false;
    }
    const bool written = writeAll(fd, data) && ::fsync(fd) == 0;
    const QString writeError = lastError();
    ::close(fd);
    if (!written) {
        ::unlink(QFile::encodeName(temporary).constData());
        *error = QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), writeError);
        return false;
    }
    // rename() replaces a link at path rather than following it.
    if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
        const QString renameError = lastError();
        ::unlink(QFile::encodeName(temporary).constData());
        *error = QStringLiteral("cannot replace %1: %2").arg(QDir::toNativeSeparators(path), renameError);
        return false;
    }
    return true;
}

bool isExposed(const QString &path)
{
    struct stat st
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    return (st.st_mode & (S_IRWXG | S_IRWXO)) != 0;
}

} // namespace Colleagues::PrivateFiles
