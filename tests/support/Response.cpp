// SPDX-License-Identifier: MIT
#include "tests/support/Response.h"

#include <QTest>

namespace Colleagues::Test {

QByteArray Response::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

void verifyRefusal(const Response &r, int status, const QString &code, const QString &field)
{
    QVERIFY2(r.status == status, r.body.constData());
    QCOMPARE(r.errorCode(), code);
    QCOMPARE(r.errorField(), field);
}

void addRefusalColumns()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
}

void addRefusalRow(const char *name, const QByteArray &body, int status, const char *code, const char *field)
{
    QTest::addRow("%s", name) << body << status << QString::fromLatin1(code) << QString::fromLatin1(field);
}

} // namespace Colleagues::Test
