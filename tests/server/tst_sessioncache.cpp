// SPDX-License-Identifier: MIT
// The server's cache of checked sessions: entries expire, removals and clears are immediate,
// and a session read before a clear is not cached after it (it may have been revoked between).

#include "server/http/SessionCache.h"

#include <QTest>

using namespace Colleagues::Server;

namespace {

Session session(const QByteArray &tokenHash, Role role = Role::Member)
{
    Session s;
    s.tokenHash = tokenHash;
    s.username = QString::fromLatin1(tokenHash);
    s.role = role;
    s.expiresAt = QDateTime::currentDateTimeUtc().addDays(1);
    return s;
}

} // namespace

class TestSessionCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsWhatItHolds();
    void readBeforeAClearIsNotCached();
    void entriesExpire();
};

void TestSessionCache::findsWhatItHolds()
{
    SessionCache cache;
    QVERIFY(!cache.find("a"));
    cache.insert(session("a", Role::Admin), cache.generation());
    cache.insert(session("b"), cache.generation());
    QCOMPARE(cache.find("a")->role, Role::Admin);
    QCOMPARE(cache.find("b")->username, u"b"_qs);
    cache.remove("a");
    QVERIFY(!cache.find("a"));
    QVERIFY(cache.find("b"));
    cache.clear();
    QVERIFY(!cache.find("b"));
}

void TestSessionCache::readBeforeAClearIsNotCached()
{
    SessionCache cache;
    const quint64 before = cache.generation();
    // ... the session is read from the database here, and revoked elsewhere meanwhile ...
    cache.clear();
    cache.insert(session("a"), before);
    QVERIFY(!cache.find("a"));
    // Read after the clear: cached.
    cache.insert(session("a"), cache.generation());
    QVERIFY(cache.find("a"));
}

void TestSessionCache::entriesExpire()
{
    SessionCache cache;
    cache.setMaxAgeMs(50);
    cache.insert(session("a"), cache.generation());
    QVERIFY(cache.find("a"));
    QTRY_VERIFY_WITH_TIMEOUT(!cache.find("a"), 5000);
}

QTEST_GUILESS_MAIN(TestSessionCache)
#include "tst_sessioncache.moc"
