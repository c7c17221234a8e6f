// SPDX-License-Identifier: MIT
#include "core/Message.h"
#include "core/Profile.h"
#include "core/Validation.h"

#include <QTest>

using namespace Colleagues;

namespace {

Profile validProfile()
{
    Profile p;
    p.id = u"3f1c2a9e-0000-4000-8000-000000000001"_qs;
    p.username = u"ada"_qs;
    p.displayName = u"Ada Lovelace"_qs;
    p.email = u"ada@example.com"_qs;
    p.title = u"Principal Engineer"_qs;
    p.department = u"Engineering"_qs;
    p.location = u"London"_qs;
    p.timeZone = u"Europe/London"_qs;
    p.manager = u"charles"_qs;
    p.phone = u"+44 20 7946 0958"_qs;
    p.bio = u"Writes programs.\nLikes engines."_qs;
    p.skills = {{u"C++"_qs, 5}, {u"C"_qs, 4}};
    p.interests = {u"Mathematics"_qs, u"Poetry"_qs};
    return p;
}

QString repeated(int n, QChar c = QLatin1Char('a'))
{
    return QString(n, c);
}

// Sets one field of a profile by name; list fields take a count and fill themselves.
void apply(Profile &p, const QString &field, const QString &value)
{
    if (field == u"username")
        p.username = value;
    else if (field == u"display_name")
        p.displayName = value;
    else if (field == u"email")
        p.email = value;
    else if (field == u"title")
        p.title = value;
    else if (field == u"department")
        p.department = value;
    else if (field == u"location")
        p.location = value;
    else if (field == u"time_zone")
        p.timeZone = value;
    else if (field == u"manager")
        p.manager = value;
    else if (field == u"phone")
        p.phone = value;
    else if (field == u"bio")
        p.bio = value;
    else if (field == u"skills[0].name")
        p.skills[0].name = value;
    else if (field == u"skills[0].level")
        p.skills[0].level = value.toInt();
    else if (field == u"skills[1].name")
        p.skills[1].name = value;
    else if (field == u"interests[0]")
        p.interests[0] = value;
    else if (field == u"interests[1]")
        p.interests[1] = value;
    else if (field == u"skills") {
        p.skills.clear();
        for (int i = 0; i < value.toInt(); ++i)
            p.skills.append({u"Skill %1"_qs.arg(i), 3});
    } else if (field == u"interests") {
        p.interests.clear();
        for (int i = 0; i < value.toInt(); ++i)
            p.interests.append(u"Interest %1"_qs.arg(i));
    } else {
        QFAIL(qPrintable(u"unknown test field "_qs + field));
    }
}

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void baselineIsValid();
    void profileRules_data();
    void profileRules();
    void normalizesToNfc();
    void normalizeTrimsAndLowercases();
    void messageRules_data();
    void messageRules();
    void errorsNameFieldAndRule();
};

void TestValidation::baselineIsValid()
{
    const QList<Error> errors = Validation::validate(validProfile());
    QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.first().message));
}

void TestValidation::profileRules_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("code"); // Error::Code; None means valid
    QTest::addColumn<QString>("errorField");

    using C = Error::Code;
    auto ok = [](const char *name, const QString &field, const QString &value) {
        QTest::newRow(name) << field << value << int(C::None) << QString();
    };
    auto bad = [](const char *name, const QString &field, const QString &value, C code,
                  const QString &errorField = {}) {
        QTest::newRow(name) << field << value << int(code) << (errorField.isEmpty() ? field : errorField);
    };

    // display name: required, <= 100, single line
    ok("display_name 100", u"display_name"_qs, repeated(100));
    bad("display_name 101", u"display_name"_qs, repeated(101), C::TooLong);
    bad("display_name empty", u"display_name"_qs, QString(), C::Required);
    ok("display_name astral 100", u"display_name"_qs, QString(u"😀"_qs).repeated(100));
    bad("display_name newline", u"display_name"_qs, u"Ada\nLovelace"_qs, C::ForbiddenCharacter);
    bad("display_name tab", u"display_name"_qs, u"Ada\tLovelace"_qs, C::ForbiddenCharacter);
    bad("display_name RLO", u"display_name"_qs, u"Ada \u202Eecalevol"_qs, C::ForbiddenCharacter);
    bad("display_name LRI", u"display_name"_qs, u"Ada \u2066x\u2069"_qs, C::ForbiddenCharacter);
    bad("display_name NUL", u"display_name"_qs, QString(u"Ada"_qs + QChar(0)), C::ForbiddenCharacter);
    bad("display_name C1", u"display_name"_qs, u"Ada\u0085Byron"_qs, C::ForbiddenCharacter);
    ok("display_name RTL script", u"display_name"_qs, u"مريم"_qs);
    // title, department, location <= 100
    ok("title 100", u"title"_qs, repeated(100));
    bad("title 101", u"title"_qs, repeated(101), C::TooLong);
    bad("title control", u"title"_qs, u"Boss\u0007"_qs, C::ForbiddenCharacter);
    ok("department 100", u"department"_qs, repeated(100));
    bad("department 101", u"department"_qs, repeated(101), C::TooLong);
    ok("location 100", u"location"_qs, repeated(100));
    bad("location 101", u"location"_qs, repeated(101), C::TooLong);
    bad("location bidi", u"location"_qs, u"Berlin\u202D"_qs, C::ForbiddenCharacter);
    // bio <= 2000, multi-line allowed
    ok("bio 2000", u"bio"_qs, repeated(2000));
    bad("bio 2001", u"bio"_qs, repeated(2001), C::TooLong);
    ok("bio newlines and tabs", u"bio"_qs, u"line one\n\tline two"_qs);
    bad("bio control", u"bio"_qs, u"bell\u0007"_qs, C::ForbiddenCharacter);
    bad("bio RLO", u"bio"_qs, u"see \u202Egnp.exe"_qs, C::ForbiddenCharacter);
    bad("bio LRE", u"bio"_qs, u"x\u202Ay"_qs, C::ForbiddenCharacter);
    bad("bio isolate", u"bio"_qs, u"x\u2066y\u2069"_qs, C::ForbiddenCharacter);
    // username
    ok("username dotted", u"username"_qs, u"ada.lovelace-2"_qs);
    bad("username empty", u"username"_qs, QString(), C::Required);
    bad("username space", u"username"_qs, u"ada lovelace"_qs, C::InvalidFormat);
    bad("username leading dot", u"username"_qs, u".ada"_qs, C::InvalidFormat);
    ok("username 64", u"username"_qs, repeated(64));
    bad("username 65", u"username"_qs, repeated(65), C::TooLong);
    // email
    ok("email plus", u"email"_qs, u"ada+work@mail.example.co.uk"_qs);
    ok("email empty", u"email"_qs, QString());
    bad("email no at", u"email"_qs, u"ada.example.com"_qs, C::InvalidFormat);
    bad("email no domain dot", u"email"_qs, u"ada@localhost"_qs, C::InvalidFormat);
    bad("email two ats", u"email"_qs, u"a@b@example.com"_qs, C::InvalidFormat);
    bad("email space", u"email"_qs, u"ada @example.com"_qs, C::InvalidFormat);
    bad("email double dot", u"email"_qs, u"ada..l@example.com"_qs, C::InvalidFormat);
    bad("email too long", u"email"_qs, repeated(250) + u"@x.io"_qs, C::TooLong);
    // time zone known to QTimeZone
    ok("time zone Berlin", u"time_zone"_qs, u"Europe/Berlin"_qs);
    ok("time zone Kolkata", u"time_zone"_qs, u"Asia/Kolkata"_qs);
    ok("time zone UTC", u"time_zone"_qs, u"UTC"_qs);
    ok("time zone empty", u"time_zone"_qs, QString());
    bad("time zone unknown", u"time_zone"_qs, u"Mars/Olympus_Mons"_qs, C::InvalidFormat);
    bad("time zone offset text", u"time_zone"_qs, u"GMT plus two"_qs, C::InvalidFormat);
    // manager
    ok("manager empty", u"manager"_qs, QString());
    bad("manager bad syntax", u"manager"_qs, u"Charles Babbage"_qs, C::InvalidFormat);
    bad("manager self", u"manager"_qs, u"ada"_qs, C::InvalidFormat);
    // phone
    ok("phone us", u"phone"_qs, u"(555) 010-4477 ext 12"_qs);
    bad("phone letters", u"phone"_qs, u"call me"_qs, C::InvalidFormat);
    bad("phone too long", u"phone"_qs, u"+"_qs + repeated(45, QLatin1Char('1')), C::TooLong);
    // skills
    ok("skills 50", u"skills"_qs, u"50"_qs);
    bad("skills 51", u"skills"_qs, u"51"_qs, C::TooMany);
    ok("skill name 64", u"skills[0].name"_qs, repeated(64));
    bad("skill name 65", u"skills[0].name"_qs, repeated(65), C::TooLong);
    bad("skill name empty", u"skills[0].name"_qs, u"  "_qs, C::Required);
    bad("skill name newline", u"skills[0].name"_qs, u"C\n++"_qs, C::ForbiddenCharacter);
    ok("skill level 1", u"skills[0].level"_qs, u"1"_qs);
    ok("skill level 5", u"skills[0].level"_qs, u"5"_qs);
    bad("skill level 0", u"skills[0].level"_qs, u"0"_qs, C::OutOfRange);
    bad("skill level 6", u"skills[0].level"_qs, u"6"_qs, C::OutOfRange);
    bad("skill duplicate by key", u"skills[1].name"_qs, u"c++"_qs, C::Duplicate);
    ok("skill C# beside C++ and C", u"skills[1].name"_qs, u"C#"_qs);
    // interests
    ok("interests 50", u"interests"_qs, u"50"_qs);
    bad("interests 51", u"interests"_qs, u"51"_qs, C::TooMany);
    ok("interest 64", u"interests[0]"_qs, repeated(64));
    bad("interest 65", u"interests[0]"_qs, repeated(65), C::TooLong);
    bad("interest empty", u"interests[0]"_qs, QString(), C::Required);
    bad("interest duplicate", u"interests[1]"_qs, u"MATHEMATICS"_qs, C::Duplicate);
    bad("interest bidi", u"interests[0]"_qs, u"x\u202Ey"_qs, C::ForbiddenCharacter);
}

void TestValidation::profileRules()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(int, code);
    QFETCH(QString, errorField);

    Profile p = validProfile();
    apply(p, field, value);
    Validation::normalize(p);
    const QList<Error> errors = Validation::validate(p);
    if (code == int(Error::Code::None)) {
        QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.first().message));
        return;
    }
    QCOMPARE(errors.size(), 1);
    QCOMPARE(int(errors.first().code), code);
    QCOMPARE(errors.first().field, errorField);
}

void TestValidation::normalizesToNfc()
{
    Profile p = validProfile();
    p.displayName = u"Zoe\u0308"_qs; // e + combining diaeresis
    p.skills[0].name = u"Franc\u0327ais"_qs;
    Validation::normalize(p);
    QCOMPARE(p.displayName, u"Zoë"_qs);
    QCOMPARE(p.displayName.size(), 3);
    QCOMPARE(p.skills[0].name, u"Français"_qs);

    // A limit is measured after normalization: 100 decomposed letters are 100 characters.
    p.displayName = QString(u"e\u0301"_qs).repeated(100);
    Validation::normalize(p);
    QVERIFY(Validation::validate(p).isEmpty());
}

void TestValidation::normalizeTrimsAndLowercases()
{
    Profile p = validProfile();
    p.username = u"  Ada.Lovelace "_qs;
    p.manager = u"Charles"_qs;
    p.title = u"  Principal  "_qs;
    p.bio = u"one\r\ntwo\r\n\r\n  "_qs;
    Validation::normalize(p);
    QCOMPARE(p.username, u"ada.lovelace"_qs);
    QCOMPARE(p.manager, u"charles"_qs);
    QCOMPARE(p.title, u"Principal"_qs);
    QCOMPARE(p.bio, u"one\ntwo"_qs);
}

void TestValidation::messageRules_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("errorField");
    using C = Error::Code;
    QTest::newRow("body 1") << u"x"_qs << u"bob"_qs << int(C::None) << QString();
    QTest::newRow("body 10000") << repeated(10000) << u"bob"_qs << int(C::None) << QString();
    QTest::newRow("body 10001") << repeated(10001) << u"bob"_qs << int(C::TooLong) << u"body"_qs;
    QTest::newRow("body empty") << QString() << u"bob"_qs << int(C::Required) << u"body"_qs;
    QTest::newRow("body blank") << u" \n\t "_qs << u"bob"_qs << int(C::Required) << u"body"_qs;
    QTest::newRow("body multi-line") << u"hi\nthere"_qs << u"bob"_qs << int(C::None) << QString();
    QTest::newRow("body control") << u"hi\u001B[31m"_qs << u"bob"_qs << int(C::ForbiddenCharacter) << u"body"_qs;
    QTest::newRow("body RLO") << u"open \u202Efdp.exe"_qs << u"bob"_qs << int(C::ForbiddenCharacter) << u"body"_qs;
    QTest::newRow("body FSI") << u"a\u2068b"_qs << u"bob"_qs << int(C::ForbiddenCharacter) << u"body"_qs;
    QTest::newRow("recipient bad") << u"hi"_qs << u"Bob Smith"_qs << int(C::InvalidFormat) << u"to"_qs;
}

void TestValidation::messageRules()
{
    QFETCH(QString, body);
    QFETCH(QString, to);
    QFETCH(int, code);
    QFETCH(QString, errorField);
    Message m;
    m.clientId = u"6a8e4d0c-0000-4000-8000-000000000001"_qs;
    m.sender = u"ada"_qs;
    m.recipient = to;
    m.body = body;
    Validation::normalize(m);
    const QList<Error> errors = Validation::validate(m);
    if (code == int(Error::Code::None)) {
        QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.first().message));
        return;
    }
    QCOMPARE(errors.size(), 1);
    QCOMPARE(int(errors.first().code), code);
    QCOMPARE(errors.first().field, errorField);
}

void TestValidation::errorsNameFieldAndRule()
{
    Profile p = validProfile();
    p.title = repeated(150);
    const QList<Error> errors = Validation::validate(p);
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().message.contains(u"title"_qs));
    QVERIFY(errors.first().message.contains(u"100"_qs));
    QCOMPARE(errors.first().codeName(), u"too_long"_qs);
}

QTEST_APPLESS_MAIN(TestValidation)
#include "tst_validation.moc"
