// SPDX-License-Identifier: MIT
#include "core/Json.h"
#include "core/Profile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Colleagues;

namespace {

Profile sampleProfile()
{
    Profile p;
    p.id = u"a1b2c3"_qs;
    p.username = u"zoe"_qs;
    p.displayName = u"Zoë Müller"_qs;
    p.email = u"zoe@example.com"_qs;
    p.title = u"Data Engineer"_qs;
    p.department = u"Data Platform"_qs;
    p.location = u"São Paulo"_qs;
    p.timeZone = u"America/Sao_Paulo"_qs;
    p.manager = u"ana"_qs;
    p.phone = u"+55 11 5555 0100"_qs;
    p.bio = u"Pipelines.\nAlso <b>markup</b> stays text."_qs;
    p.skills = {{u"Node.js"_qs, 4}, {u"C#"_qs, 2}, {u"日本語"_qs, 5}};
    p.interests = {u"Climbing"_qs, u"Jazz"_qs};
    p.photoTag = u"p-42"_qs;
    p.revision = 7;
    p.updatedAt = QDateTime(QDate(2026, 3, 1), QTime(9, 30, 15, 250), Qt::UTC);
    return p;
}

} // namespace

class TestProfileJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void roundTripThroughBytes();
    void rejects_data();
    void rejects();
    void updateModeAllowsMissingIdentity();
    void fullModeRequiresUsername();
    void normalizesOnDecode();
};

void TestProfileJson::roundTrip()
{
    const Profile p = sampleProfile();
    const auto decoded = profileFromJson(toJson(p));
    QVERIFY2(decoded.hasValue(), decoded.hasValue() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded.value(), p);
}

void TestProfileJson::roundTripThroughBytes()
{
    const Profile p = sampleProfile();
    const QByteArray bytes = QJsonDocument(toJson(p)).toJson(QJsonDocument::Compact);
    const auto object = parseJsonObject(bytes);
    QVERIFY(object.hasValue());
    const auto decoded = profileFromJson(object.value());
    QVERIFY(decoded.hasValue());
    QCOMPARE(decoded.value(), p);
}

void TestProfileJson::rejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("field");
    using C = Error::Code;
    const QByteArray base = R"("username":"zoe","display_name":"Zoe")";
    auto row = [&](const char *name, const QByteArray &extra, C code, const QString &field) {
        QTest::newRow(name) << QByteArray("{" + base + extra + "}") << int(code) << field;
    };
    row("unknown field", R"(,"salary":1)", C::UnknownField, u"salary"_qs);
    row("title not string", R"(,"title":5)", C::InvalidType, u"title"_qs);
    row("title array", R"(,"title":["a"])", C::InvalidType, u"title"_qs);
    row("revision string", R"(,"revision":"7")", C::InvalidType, u"revision"_qs);
    row("revision fractional", R"(,"revision":1.5)", C::InvalidType, u"revision"_qs);
    row("skills object", R"(,"skills":{"name":"C"})", C::InvalidType, u"skills"_qs);
    row("skill not object", R"(,"skills":["C++"])", C::InvalidType, u"skills[0]"_qs);
    row("skill unknown field", R"(,"skills":[{"name":"C++","level":3,"years":4}])", C::UnknownField,
        u"skills[0].years"_qs);
    row("skill level string", R"(,"skills":[{"name":"C++","level":"5"}])", C::InvalidType, u"skills[0].level"_qs);
    row("skill level 9", R"(,"skills":[{"name":"C++","level":9}])", C::OutOfRange, u"skills[0].level"_qs);
    row("skill level wraps to 3", R"(,"skills":[{"name":"C++","level":4294967299}])", C::OutOfRange,
        u"skills[0].level"_qs);
    row("revision beyond 2^53", R"(,"revision":1e300)", C::InvalidType, u"revision"_qs);
    row("skill without name", R"(,"skills":[{"level":2}])", C::Required, u"skills[0].name"_qs);
    row("interest number", R"(,"interests":["a",3])", C::InvalidType, u"interests[1]"_qs);
    row("title too long", ",\"title\":\"" + QByteArray(101, 'x') + "\"", C::TooLong, u"title"_qs);
    row("huge bio", ",\"bio\":\"" + QByteArray(100000, 'x') + "\"", C::TooLong, u"bio"_qs);
    row("bad date", R"(,"updated_at":"yesterday")", C::InvalidFormat, u"updated_at"_qs);
    row("bad time zone", R"(,"time_zone":"Europe/Atlantis")", C::InvalidFormat, u"time_zone"_qs);
    row("bad email", R"(,"email":"nope")", C::InvalidFormat, u"email"_qs);
    row("rlo in name", ",\"location\":\"x\\u202Ey\"", C::ForbiddenCharacter, u"location"_qs);

    QByteArray many = ",\"skills\":[";
    for (int i = 0; i < 51; ++i)
        many += (i ? "," : "") + QByteArray(R"({"name":"S)") + QByteArray::number(i) + R"(","level":1})";
    row("51 skills", many + "]", C::TooMany, u"skills"_qs);
    QTest::newRow("display_name missing")
        << QByteArray(R"({"username":"zoe"})") << int(C::Required) << u"display_name"_qs;
}

void TestProfileJson::rejects()
{
    QFETCH(QByteArray, json);
    QFETCH(int, code);
    QFETCH(QString, field);
    const auto object = parseJsonObject(json);
    QVERIFY2(object.hasValue(), object.hasValue() ? "" : qPrintable(object.error().message));
    const auto decoded = profileFromJson(object.value());
    QVERIFY(!decoded.hasValue());
    QCOMPARE(decoded.error().field, field);
    QCOMPARE(int(decoded.error().code), code);
    QVERIFY2(decoded.error().message.contains(field), qPrintable(decoded.error().message));
}

void TestProfileJson::updateModeAllowsMissingIdentity()
{
    const auto object = parseJsonObject(R"({"display_name":"Zoe","skills":[{"name":"Rust","level":4}]})");
    QVERIFY(object.hasValue());
    const auto decoded = profileFromJson(object.value(), ProfileJsonMode::Update);
    QVERIFY(decoded.hasValue());
    QCOMPARE(decoded->skills.size(), 1);
    QCOMPARE(decoded->skills.first().level, 4);
}

void TestProfileJson::fullModeRequiresUsername()
{
    const auto object = parseJsonObject(R"({"display_name":"Zoe"})");
    QVERIFY(object.hasValue());
    const auto decoded = profileFromJson(object.value(), ProfileJsonMode::Full);
    QVERIFY(!decoded.hasValue());
    QCOMPARE(decoded.error().field, u"username"_qs);
}

void TestProfileJson::normalizesOnDecode()
{
    const auto object = parseJsonObject("{\"username\":\" Zoe \",\"display_name\":\"Zoe\\u0308\"}");
    QVERIFY(object.hasValue());
    const auto decoded = profileFromJson(object.value());
    QVERIFY(decoded.hasValue());
    QCOMPARE(decoded->username, u"zoe"_qs);
    QCOMPARE(decoded->displayName, u"Zoë"_qs);
}

QTEST_APPLESS_MAIN(TestProfileJson)
#include "tst_profilejson.moc"
