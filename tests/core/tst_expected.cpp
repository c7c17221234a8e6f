// SPDX-License-Identifier: MIT
#include "core/Expected.h"

#include <QList>
#include <QTest>

#include <memory>

using namespace Colleagues;

namespace {

//! An error type other than Core's Error, as the server's ApiError is.
struct StatusError
{
    int status = 0;
    QString reason;
};

Expected<int> parsePositive(const QString &text)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok)
        return Error {Error::Code::InvalidFormat, QStringLiteral("n"), QStringLiteral("n is not a number.")};
    if (value <= 0)
        return Error {Error::Code::OutOfRange, QStringLiteral("n"), QStringLiteral("n must be positive.")};
    return value;
}

} // namespace

class TestExpected : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueOrError_data();
    void valueOrError();
    void falseValueIsStillAValue();
    void emptyErrorIsStillAnError();
    void accessors();
    void otherErrorType();
    void moveOnlyValue();
};

void TestExpected::valueOrError_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("hasValue");
    QTest::addColumn<int>("value");
    QTest::addColumn<int>("code");
    using C = Error::Code;
    QTest::addRow("positive") << QStringLiteral("42") << true << 42 << int(C::None);
    QTest::addRow("zero") << QStringLiteral("0") << false << 0 << int(C::OutOfRange);
    QTest::addRow("negative") << QStringLiteral("-7") << false << 0 << int(C::OutOfRange);
    QTest::addRow("not a number") << QStringLiteral("seven") << false << 0 << int(C::InvalidFormat);
}

void TestExpected::valueOrError()
{
    QFETCH(QString, text);
    QFETCH(bool, hasValue);
    QFETCH(int, value);
    QFETCH(int, code);
    const Expected<int> result = parsePositive(text);
    QCOMPARE(result.hasValue(), hasValue);
    QCOMPARE(bool(result), hasValue);
    if (hasValue) {
        QCOMPARE(result.value(), value);
        QCOMPARE(*result, value);
    } else {
        QCOMPARE(int(result.error().code), code);
        QCOMPARE(result.error().field, QStringLiteral("n"));
        QVERIFY(!result.error().message.isEmpty());
    }
}

void TestExpected::falseValueIsStillAValue()
{
    // The bool conversion tells a value from an error; it never looks at the value.
    const Expected<bool> no = false;
    QVERIFY(no.hasValue());
    QVERIFY(bool(no));
    QCOMPARE(*no, false);
}

void TestExpected::emptyErrorIsStillAnError()
{
    // An Error with Code::None converts to false as an Error, but it is still what the result holds.
    const Expected<bool> failed = Error {};
    QVERIFY(!failed.hasValue());
    QVERIFY(!bool(failed));
    QCOMPARE(int(failed.error().code), int(Error::Code::None));
}

void TestExpected::accessors()
{
    Expected<QList<int>> list = QList<int> {1, 2};
    QCOMPARE(list->size(), 2);
    list.value().append(3);
    QCOMPARE(*list, (QList<int> {1, 2, 3}));
    const QList<int> taken = std::move(list).value();
    QCOMPARE(taken, (QList<int> {1, 2, 3}));
}

void TestExpected::otherErrorType()
{
    const Expected<QString, StatusError> found = QStringLiteral("ada");
    QVERIFY(found);
    QCOMPARE(found->size(), 3);

    const Expected<QString, StatusError> missing = StatusError {404, QStringLiteral("no such person")};
    QVERIFY(!missing);
    QCOMPARE(missing.error().status, 404);
    QCOMPARE(missing.error().reason, QStringLiteral("no such person"));
}

void TestExpected::moveOnlyValue()
{
    Expected<std::unique_ptr<int>> owned = std::make_unique<int>(7);
    QVERIFY(owned);
    QCOMPARE(**owned, 7);
    std::unique_ptr<int> taken = std::move(owned).value();
    QVERIFY(taken);
    QCOMPARE(*taken, 7);
}

QTEST_APPLESS_MAIN(TestExpected)
#include "tst_expected.moc"
