// SPDX-License-Identifier: MIT
// Which address a request counts under: X-Forwarded-For only from trusted proxies, the
// rightmost untrusted hop; IPv6 addresses throttled per /64.

#include "server/http/SessionService.h"
#include "server/http/TrustedProxies.h"

#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Server;

class TestTrustedProxies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void clientAddress_data();
    void clientAddress();
    void addressKey_data();
    void addressKey();
};

void TestTrustedProxies::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addRow("one network") << u"10.0.0.0/8"_qs << true;
    QTest::addRow("several, spaces") << u"10.0.0.0/8, 192.168.1.0/24 ,::1"_qs << true;
    QTest::addRow("bare host") << u"127.0.0.1"_qs << true;
    QTest::addRow("ipv6 network") << u"2001:db8::/32"_qs << true;
    QTest::addRow("empty") << u""_qs << false;
    QTest::addRow("only commas") << u",,"_qs << false;
    QTest::addRow("garbage") << u"proxy.example"_qs << false;
    QTest::addRow("bad bits") << u"10.0.0.0/33"_qs << false;
    QTest::addRow("one bad of two") << u"10.0.0.0/8,nope"_qs << false;
}

void TestTrustedProxies::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const Expected<TrustedProxies> parsed = TrustedProxies::parse(text);
    QCOMPARE(parsed.hasValue(), valid);
    if (!valid)
        QVERIFY(!parsed.error().message.isEmpty());
}

void TestTrustedProxies::clientAddress_data()
{
    QTest::addColumn<QString>("trusted");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QByteArray>("forwardedFor");
    QTest::addColumn<QString>("client");
    const QString proxies = u"10.0.0.0/8,::1"_qs;
    QTest::addRow("untrusted peer: header ignored")
        << proxies << u"192.0.2.7"_qs << QByteArray("203.0.113.5") << u"192.0.2.7"_qs;
    QTest::addRow("trusted peer, one hop")
        << proxies << u"10.1.2.3"_qs << QByteArray("203.0.113.5") << u"203.0.113.5"_qs;
    QTest::addRow("spoofed left hop ignored")
        << proxies << u"10.1.2.3"_qs << QByteArray("198.51.100.9, 203.0.113.5") << u"203.0.113.5"_qs;
    QTest::addRow("chain of trusted proxies")
        << proxies << u"10.1.2.3"_qs << QByteArray("203.0.113.5, 10.9.9.9, 10.8.8.8") << u"203.0.113.5"_qs;
    QTest::addRow("all hops trusted: leftmost")
        << proxies << u"10.1.2.3"_qs << QByteArray("10.7.7.7, 10.8.8.8") << u"10.7.7.7"_qs;
    QTest::addRow("no header") << proxies << u"10.1.2.3"_qs << QByteArray() << u"10.1.2.3"_qs;
    QTest::addRow("garbage hop: last vouched")
        << proxies << u"10.1.2.3"_qs << QByteArray("203.0.113.5, not-an-address") << u"10.1.2.3"_qs;
    QTest::addRow("garbage left of client")
        << proxies << u"10.1.2.3"_qs << QByteArray("junk, 203.0.113.5") << u"203.0.113.5"_qs;
    QTest::addRow("ipv4 with port") << proxies << u"10.1.2.3"_qs << QByteArray("203.0.113.5:4711") << u"203.0.113.5"_qs;
    QTest::addRow("ipv6 bracketed with port")
        << proxies << u"::1"_qs << QByteArray("[2001:db8::7]:443") << u"2001:db8::7"_qs;
    QTest::addRow("ipv4-mapped trusted peer")
        << proxies << u"::ffff:10.0.0.1"_qs << QByteArray("203.0.113.5") << u"203.0.113.5"_qs;
}

void TestTrustedProxies::clientAddress()
{
    QFETCH(QString, trusted);
    QFETCH(QString, peer);
    QFETCH(QByteArray, forwardedFor);
    QFETCH(QString, client);
    const Expected<TrustedProxies> proxies = TrustedProxies::parse(trusted);
    QVERIFY(proxies.hasValue());
    QCOMPARE(proxies->clientAddress(QHostAddress(peer), forwardedFor), QHostAddress(client));
}

void TestTrustedProxies::addressKey_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::addRow("ipv4 hosts differ") << u"192.0.2.1"_qs << u"192.0.2.2"_qs << false;
    QTest::addRow("ipv4 and its mapped form") << u"192.0.2.1"_qs << u"::ffff:192.0.2.1"_qs << true;
    QTest::addRow("same /64") << u"2001:db8:1:2::1"_qs << u"2001:db8:1:2:ffff:ffff:ffff:ffff"_qs << true;
    QTest::addRow("neighbouring /64") << u"2001:db8:1:2::1"_qs << u"2001:db8:1:3::1"_qs << false;
}

void TestTrustedProxies::addressKey()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(SessionService::addressKey(QHostAddress(a)) == SessionService::addressKey(QHostAddress(b)), same);
}

QTEST_GUILESS_MAIN(TestTrustedProxies)
#include "tst_trustedproxies.moc"
