// SPDX-License-Identifier: MIT
#include "core/Json.h"

#include <QTest>

using namespace Colleagues;

class TestJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

void TestJson::parse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("code");
    using C = Error::Code;
    QTest::newRow("object") << QByteArray(R"({"a":1})") << true << int(C::None);
    QTest::newRow("empty") << QByteArray() << false << int(C::Malformed);
    QTest::newRow("whitespace") << QByteArray("  \n") << false << int(C::Malformed);
    QTest::newRow("truncated") << QByteArray(R"({"a":)") << false << int(C::Malformed);
    QTest::newRow("array") << QByteArray("[1,2]") << false << int(C::InvalidType);
    QTest::newRow("invalid utf-8") << QByteArray("{\"a\":\"\xff\xfe\"}") << false << int(C::Malformed);
    QTest::newRow("deep 32") << QByteArray("{\"a\":" + QByteArray(31, '[') + QByteArray(31, ']') + "}") << true
                             << int(C::None);
    QTest::newRow("deep 33") << QByteArray("{\"a\":" + QByteArray(32, '[') + QByteArray(32, ']') + "}") << false
                             << int(C::Malformed);
    QTest::newRow("deep 100000") << QByteArray("{\"a\":" + QByteArray(100000, '[')) << false << int(C::Malformed);
    QTest::newRow("brackets in string") << QByteArray("{\"a\":\"" + QByteArray(100, '[') + "\"}") << true
                                        << int(C::None);
    QTest::newRow("too big") << QByteArray("{\"a\":\"" + QByteArray(1024 * 1024, 'x') + "\"}") << false
                             << int(C::TooLong);
}

void TestJson::parse()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, ok);
    QFETCH(int, code);
    const auto result = parseJsonObject(data);
    QCOMPARE(result.hasValue(), ok);
    if (!ok) {
        QCOMPARE(int(result.error().code), code);
        QVERIFY(!result.error().message.isEmpty());
    }
}

QTEST_APPLESS_MAIN(TestJson)
#include "tst_json.moc"
