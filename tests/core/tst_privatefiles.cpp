// SPDX-License-Identifier: MIT
// PrivateFiles: the client's store, photo cache and token file and the server's database are
// the owner's alone, whatever the umask, and a link planted at a path is replaced, not followed.

#include "core/PrivateFiles.h"
#include "tests/support/TestFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Colleagues;
using Colleagues::Test::plantFile;

namespace {

int modeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

//! Sets the process umask for one scope.
class Umask
{
public:
    explicit Umask(mode_t mask)
        : m_previous(::umask(mask))
    { }
    ~Umask() { ::umask(m_previous); }
    Umask(const Umask &) = delete;
    Umask &operator=(const Umask &) = delete;

private:
    mode_t m_previous;
};

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestPrivateFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writeFileIs0600WhateverTheUmask();
    void writeFileReplacesAPlantedLink();
    void writeFileNarrowsAnExposedFile();
    void makeDirectoryIs0700();
    void prepareFileNarrowsAndCreates();
    void prepareFileDoesNotFollowALink();
};

void TestPrivateFiles::writeFileIs0600WhateverTheUmask()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"token"_qs);
    const Umask umask(022);
    QString error;
    QVERIFY2(PrivateFiles::writeFile(path, "secret\n", &error), qPrintable(error));
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(contents(path), QByteArray("secret\n"));
    QVERIFY(!PrivateFiles::isExposed(path));
    // No temporary file is left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList {u"token"_qs});
}

void TestPrivateFiles::writeFileReplacesAPlantedLink()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(u"victim"_qs);
    QVERIFY(plantFile(target, "untouched", QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    const QString path = dir.filePath(u"token"_qs);
    QVERIFY(QFile::link(target, path));
    QString error;
    QVERIFY2(PrivateFiles::writeFile(path, "secret", &error), qPrintable(error));
    // The link itself was replaced by a private file; what it pointed at is as it was.
    QVERIFY(!QFileInfo(path).isSymLink());
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(contents(path), QByteArray("secret"));
    QCOMPARE(contents(target), QByteArray("untouched"));
    QCOMPARE(modeOf(target), 0604);
}

void TestPrivateFiles::writeFileNarrowsAnExposedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"token"_qs);
    QVERIFY(plantFile(path, "old", QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    QVERIFY(PrivateFiles::isExposed(path));
    QString error;
    QVERIFY2(PrivateFiles::writeFile(path, "new", &error), qPrintable(error));
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(contents(path), QByteArray("new"));
}

void TestPrivateFiles::makeDirectoryIs0700()
{
    QTemporaryDir dir;
    const Umask umask(022);
    const QString path = dir.filePath(u"a/b"_qs);
    QString error;
    QVERIFY2(PrivateFiles::makeDirectory(path, &error), qPrintable(error));
    QCOMPARE(modeOf(path), 0700);
    // An existing open folder is narrowed too.
    const QString open = dir.filePath(u"open"_qs);
    QVERIFY(QDir().mkdir(open));
    QVERIFY(QFile::setPermissions(
        open, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
    QVERIFY2(PrivateFiles::makeDirectory(open, &error), qPrintable(error));
    QCOMPARE(modeOf(open), 0700);
}

void TestPrivateFiles::prepareFileNarrowsAndCreates()
{
    QTemporaryDir dir;
    const Umask umask(022);
    const QString fresh = dir.filePath(u"fresh.db"_qs);
    QString error;
    QVERIFY2(PrivateFiles::prepareFile(fresh, &error), qPrintable(error));
    QCOMPARE(modeOf(fresh), 0600);
    QCOMPARE(QFileInfo(fresh).size(), 0);

    const QString existing = dir.filePath(u"existing.db"_qs);
    QVERIFY(plantFile(existing, "data"));
    QCOMPARE(modeOf(existing), 0644);
    QVERIFY2(PrivateFiles::prepareFile(existing, &error), qPrintable(error));
    QCOMPARE(modeOf(existing), 0600);
    QCOMPARE(contents(existing), QByteArray("data")); // not truncated
}

void TestPrivateFiles::prepareFileDoesNotFollowALink()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(u"elsewhere"_qs);
    const QString path = dir.filePath(u"colleagues.db"_qs);
    QVERIFY(QFile::link(target, path));
    QString error;
    QVERIFY(!PrivateFiles::prepareFile(path, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(target));
}

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "tst_privatefiles.moc"
