// SPDX-License-Identifier: MIT
// Where the session token is kept: the real Secret Service (inside scripts/with-keyring.sh),
// memory only without a D-Bus session, and the opted-in 0600 file.

#include "client/sync/TokenStore.h"
#include "tests/support/TestFiles.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Colleagues;
using Colleagues::Test::plantFile;

namespace {
TokenStore::Outcome call(TokenStore &store, void (TokenStore::*op)(const QString &, QObject *, TokenStore::Callback),
                         const QString &account)
{
    std::optional<TokenStore::Outcome> out;
    QObject context;
    (store.*op)(account, &context, [&](const TokenStore::Outcome &o) { out = o; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
        qWarning("the token store did not answer");
    return out.value_or(TokenStore::Outcome {});
}

TokenStore::Outcome write(TokenStore &store, const QString &account, const QByteArray &token)
{
    std::optional<TokenStore::Outcome> out;
    QObject context;
    store.write(account, token, &context, [&](const TokenStore::Outcome &o) { out = o; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
        qWarning("the token store did not answer");
    return out.value_or(TokenStore::Outcome {});
}

bool inKeyring()
{
    return qEnvironmentVariable("COLLEAGUES_IN_KEYRING") == QLatin1String("1") && TokenStore::hasSessionBus();
}
} // namespace

class TestTokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realKeychain();
    void noSessionBusMeansMemoryOnly();
    void optedInFileIsPrivate();
    void fileReadableByOthersIsIgnored();
    void linkAtTheTokenPathIsReplaced();
};

void TestTokenStore::realKeychain()
{
    if (!inKeyring()) {
        if (qEnvironmentVariable("CI") == QLatin1String("true"))
            QFAIL("CI runs the tests inside scripts/with-keyring.sh; no Secret Service here");
        QSKIP("needs a Secret Service: run inside scripts/with-keyring.sh");
    }
    TokenStore store;
    const QString account = u"tester-%1@http://127.0.0.1:1"_qs.arg(QUuid::createUuid().toString(QUuid::Id128));
    const QByteArray token = QUuid::createUuid().toByteArray(QUuid::Id128);

    QCOMPARE(call(store, &TokenStore::read, account).token, QByteArray());
    const TokenStore::Outcome written = write(store, account, token);
    QVERIFY2(written.ok, qPrintable(written.message));
    QCOMPARE(written.where, TokenStore::Where::Keychain);
    QVERIFY(written.message.isEmpty());

    // Another process (a later command) finds it: a fresh store has no memory of it.
    TokenStore later;
    const TokenStore::Outcome read = call(later, &TokenStore::read, account);
    QVERIFY(read.ok);
    QCOMPARE(read.where, TokenStore::Where::Keychain);
    QCOMPARE(read.token, token);

    QVERIFY(call(later, &TokenStore::remove, account).ok);
    QCOMPARE(call(store, &TokenStore::read, account).token, QByteArray());
}

void TestTokenStore::noSessionBusMeansMemoryOnly()
{
    const QByteArray saved = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    auto restore = qScopeGuard([&] {
        if (!saved.isEmpty())
            qputenv("DBUS_SESSION_BUS_ADDRESS", saved);
    });
    QVERIFY(!TokenStore::hasSessionBus());
    TokenStore store;
    const TokenStore::Outcome written = write(store, u"ada@http://x"_qs, "t0k3n");
    QVERIFY(written.ok);
    QCOMPARE(written.where, TokenStore::Where::Memory);
    // It says so, in words a user understands.
    QVERIFY2(written.message.contains(u"No keychain"_qs), qPrintable(written.message));
    QVERIFY(written.message.contains(u"--token-file"_qs));
    QCOMPARE(call(store, &TokenStore::read, u"ada@http://x"_qs).token, QByteArray("t0k3n"));
    TokenStore other;
    QCOMPARE(call(other, &TokenStore::read, u"ada@http://x"_qs).token, QByteArray());
}

void TestTokenStore::optedInFileIsPrivate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/token"_qs);
    TokenStore store;
    store.setTokenFile(path);
    const TokenStore::Outcome written = write(store, u"ada@http://x"_qs, "s3cr3t");
    QVERIFY(written.ok);
    QCOMPARE(written.where, TokenStore::Where::File);
    QCOMPARE(QFile::permissions(path) & ~(QFile::ReadUser | QFile::WriteUser | QFile::ReadOwner | QFile::WriteOwner),
             QFile::Permissions());
    TokenStore later;
    later.setTokenFile(path);
    QCOMPARE(call(later, &TokenStore::read, u"ada@http://x"_qs).token, QByteArray("s3cr3t"));
    QVERIFY(call(later, &TokenStore::remove, u"ada@http://x"_qs).ok);
    QVERIFY(!QFile::exists(path));
}

void TestTokenStore::fileReadableByOthersIsIgnored()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"token"_qs);
    QVERIFY(plantFile(path, "leaked\n", QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    TokenStore store;
    store.setTokenFile(path);
    const TokenStore::Outcome read = call(store, &TokenStore::read, u"ada@http://x"_qs);
    QVERIFY(!read.ok);
    QVERIFY(read.token.isEmpty());
    QVERIFY(read.message.contains(u"can be read by others"_qs));
    // Writing narrows it back to 0600.
    QVERIFY(write(store, u"ada@http://x"_qs, "fresh").ok);
    QCOMPARE(QFile::permissions(path) & QFile::ReadOther, QFile::Permissions());
}

void TestTokenStore::linkAtTheTokenPathIsReplaced()
{
    // Someone plants a link where the token goes, pointing at a file they can read.
    QTemporaryDir dir;
    const QString bait = dir.filePath(u"bait"_qs);
    QVERIFY(plantFile(bait, {}, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther | QFile::WriteOther));
    const QString path = dir.filePath(u"token"_qs);
    QVERIFY(QFile::link(bait, path));
    TokenStore store;
    store.setTokenFile(path);
    QVERIFY(write(store, u"ada@http://x"_qs, "s3cr3t").ok);
    QVERIFY(!QFileInfo(path).isSymLink());
    QCOMPARE(QFileInfo(bait).size(), 0); // nothing written through the link
    QCOMPARE(QFile::permissions(path) & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
    TokenStore later;
    later.setTokenFile(path);
    QCOMPARE(call(later, &TokenStore::read, u"ada@http://x"_qs).token, QByteArray("s3cr3t"));
}

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
