// SPDX-License-Identifier: MIT
#include "core/Json.h"
#include "core/Message.h"

#include <QTest>

using namespace Colleagues;

class TestMessageJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void rejects_data();
    void rejects();
};

void TestMessageJson::roundTrip_data()
{
    QTest::addColumn<bool>("read");
    QTest::newRow("unread") << false;
    QTest::newRow("read") << true;
}

void TestMessageJson::roundTrip()
{
    QFETCH(bool, read);
    Message m;
    m.id = 12;
    m.clientId = u"6a8e4d0c-1111-4000-8000-000000000001"_qs;
    m.sender = u"ada"_qs;
    m.recipient = u"zoe"_qs;
    m.body = u"Hi Zoë,\ncan you help with <script>Node.js</script>?"_qs;
    m.sentAt = QDateTime(QDate(2026, 11, 26), QTime(8, 0, 1, 5), Qt::UTC);
    m.sequence = 90001;
    if (read)
        m.readAt = m.sentAt.addSecs(60);
    const auto decoded = messageFromJson(toJson(m));
    QVERIFY2(decoded.hasValue(), decoded.hasValue() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded.value(), m);
}

void TestMessageJson::rejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("no body") << QByteArray(R"({"from":"a1","to":"b1"})") << u"body"_qs;
    QTest::newRow("empty body") << QByteArray(R"({"from":"a1","to":"b1","body":""})") << u"body"_qs;
    QTest::newRow("body number") << QByteArray(R"({"from":"a1","to":"b1","body":42})") << u"body"_qs;
    QTest::newRow("body too long") << QByteArray(R"({"from":"a1","to":"b1","body":")" + QByteArray(10001, 'x') + "\"}")
                                   << u"body"_qs;
    QTest::newRow("no recipient") << QByteArray(R"({"from":"a1","body":"x"})") << u"to"_qs;
    QTest::newRow("unknown field") << QByteArray(R"({"from":"a1","to":"b1","body":"x","cc":"c"})") << u"cc"_qs;
    QTest::newRow("negative seq") << QByteArray(R"({"from":"a1","to":"b1","body":"x","seq":-1})") << u"seq"_qs;
    QTest::newRow("bad read_at") << QByteArray(R"({"from":"a1","to":"b1","body":"x","read_at":"soon"})")
                                 << u"read_at"_qs;
}

void TestMessageJson::rejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const auto object = parseJsonObject(json);
    QVERIFY(object.hasValue());
    const auto decoded = messageFromJson(object.value());
    QVERIFY(!decoded.hasValue());
    QCOMPARE(decoded.error().field, field);
}

QTEST_APPLESS_MAIN(TestMessageJson)
#include "tst_messagejson.moc"
