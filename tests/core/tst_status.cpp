// SPDX-License-Identifier: MIT
// The status rules shared by client and server: reading a PUT body, and what a choice means
// at a given moment (until, out-of-office windows in a time zone, DST, inclusive days).

#include "core/Status.h"

#include <QJsonDocument>
#include <QTest>

using namespace Colleagues;

namespace {

QDateTime utc(const char *text)
{
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs);
    Q_ASSERT(t.isValid());
    return t.toUTC();
}

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

StatusChoice window(const char *from, const char *to, Availability availability = Availability::OutOfOffice)
{
    StatusChoice c;
    c.availability = availability;
    c.outOfOffice = OutOfOffice {QDate::fromString(QString::fromLatin1(from), Qt::ISODate),
                                 QDate::fromString(QString::fromLatin1(to), Qt::ISODate), QString(), QString()};
    return c;
}

} // namespace

class TestStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAValidChoice()
    {
        const QDateTime now = utc("2026-12-04T10:00:00Z");
        const auto c = statusChoiceFromJson(
            object(R"({"availability":"dnd","text":"  Heads down  ","until":"2026-12-04T17:00:00+01:00",
                       "out_of_office":{"from":"2026-12-21","to":"2027-01-04","note":"Back on 5 January.",
                                        "stand_in":" Ada "}})"),
            now);
        QVERIFY2(c, qPrintable(c ? QString() : c.error().message));
        QCOMPARE(c->availability, Availability::Dnd);
        QCOMPARE(c->text, QStringLiteral("Heads down"));
        QCOMPARE(c->until, utc("2026-12-04T16:00:00Z"));
        QVERIFY(c->outOfOffice);
        QCOMPARE(c->outOfOffice->from, QDate(2026, 12, 21));
        QCOMPARE(c->outOfOffice->to, QDate(2027, 1, 4));
        QCOMPARE(c->outOfOffice->note, QStringLiteral("Back on 5 January."));
        QCOMPARE(c->outOfOffice->standIn, QStringLiteral("ada"));

        const auto minimal = statusChoiceFromJson(object(R"({"availability":"available"})"), now);
        QVERIFY(minimal);
        QCOMPARE(minimal.value(), StatusChoice {});
        // What toJson() writes reads back the same.
        const auto again = statusChoiceFromJson(toJson(c.value()), now);
        QVERIFY(again);
        QCOMPARE(again.value(), c.value());
    }

    void rejectsBrokenRules_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<Error::Code>("code");
        const auto row = [](const char *name, const char *json, const char *field, Error::Code code) {
            QTest::addRow("%s", name) << QString::fromUtf8(json) << QString::fromLatin1(field) << code;
        };
        row("no availability", R"({"text":"x"})", "availability", Error::Code::Required);
        row("unknown availability", R"({"availability":"busy"})", "availability", Error::Code::InvalidFormat);
        row("availability a number", R"({"availability":3})", "availability", Error::Code::InvalidType);
        row("text a number", R"({"availability":"dnd","text":5})", "text", Error::Code::InvalidType);
        row("text too long",
            qPrintable(QStringLiteral(R"({"availability":"dnd","text":"%1"})").arg(QString(101, QLatin1Char('x')))),
            "text", Error::Code::TooLong);
        row("text with a control", "{\"availability\":\"dnd\",\"text\":\"a\\u0007b\"}", "text",
            Error::Code::ForbiddenCharacter);
        row("text with an override", "{\"availability\":\"dnd\",\"text\":\"a\\u202Eb\"}", "text",
            Error::Code::ForbiddenCharacter);
        row("until in the past", R"({"availability":"dnd","until":"2026-12-04T09:59:59Z"})", "until",
            Error::Code::OutOfRange);
        row("until now", R"({"availability":"dnd","until":"2026-12-04T10:00:00Z"})", "until", Error::Code::OutOfRange);
        row("until beyond a year", R"({"availability":"dnd","until":"2027-12-06T10:00:00Z"})", "until",
            Error::Code::OutOfRange);
        row("until without offset", R"({"availability":"dnd","until":"2026-12-04T16:00:00"})", "until",
            Error::Code::InvalidFormat);
        row("until not a time", R"({"availability":"dnd","until":"tomorrow"})", "until", Error::Code::InvalidFormat);
        row("until a number", R"({"availability":"dnd","until":17})", "until", Error::Code::InvalidType);
        row("out of office without window", R"({"availability":"out_of_office"})", "out_of_office",
            Error::Code::Required);
        row("window not an object", R"({"availability":"available","out_of_office":"soon"})", "out_of_office",
            Error::Code::InvalidType);
        row("window without from", R"({"availability":"available","out_of_office":{"to":"2026-12-24"}})",
            "out_of_office.from", Error::Code::Required);
        row("window empty", R"({"availability":"available","out_of_office":{}})", "out_of_office.from",
            Error::Code::Required);
        row("from not a date",
            R"({"availability":"available","out_of_office":{"from":"21.12.2026","to":"2026-12-24"}})",
            "out_of_office.from", Error::Code::InvalidFormat);
        row("to not a day", R"({"availability":"available","out_of_office":{"from":"2026-12-21","to":"2026-02-30"}})",
            "out_of_office.to", Error::Code::InvalidFormat);
        row("backwards", R"({"availability":"available","out_of_office":{"from":"2026-12-21","to":"2026-12-20"}})",
            "out_of_office.to", Error::Code::OutOfRange);
        row("367 days", R"({"availability":"available","out_of_office":{"from":"2026-12-21","to":"2027-12-22"}})",
            "out_of_office.to", Error::Code::OutOfRange);
        row("ended", R"({"availability":"available","out_of_office":{"from":"2026-11-21","to":"2026-12-03"}})",
            "out_of_office.to", Error::Code::OutOfRange);
        row("note too long",
            qPrintable(QStringLiteral(R"({"availability":"available","out_of_office":)"
                                      R"({"from":"2026-12-21","to":"2026-12-24","note":"%1"}})")
                           .arg(QString(501, QLatin1Char('n')))),
            "out_of_office.note", Error::Code::TooLong);
        row("stand-in not a username",
            R"({"availability":"available","out_of_office":{"from":"2026-12-21","to":"2026-12-24","stand_in":"a b"}})",
            "out_of_office.stand_in", Error::Code::InvalidFormat);
        row("unknown member", R"({"availability":"available","presence":"online"})", "presence",
            Error::Code::UnknownField);
        row("unknown window member",
            R"({"availability":"available","out_of_office":{"from":"2026-12-21","to":"2026-12-24","why":"x"}})",
            "out_of_office.why", Error::Code::UnknownField);
    }

    void rejectsBrokenRules()
    {
        QFETCH(QString, json);
        QFETCH(QString, field);
        QFETCH(Error::Code, code);
        const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
        QVERIFY2(doc.isObject(), qPrintable(json));
        const auto c = statusChoiceFromJson(doc.object(), utc("2026-12-04T10:00:00Z"));
        QVERIFY2(!c, qPrintable(json));
        QCOMPARE(c.error().field, field);
        QCOMPARE(c.error().codeName(), Error::codeName(code));
    }

    void aWindowLastDayCountsInThePersonsZone()
    {
        // 23:30 UTC on the 3rd is already the 4th in Berlin: a window ending on the 3rd is over there.
        const QJsonObject body =
            object(R"({"availability":"available","out_of_office":{"from":"2026-12-01","to":"2026-12-03"}})");
        const QDateTime lateOnTheThirdUtc = utc("2026-12-03T23:30:00Z");
        QVERIFY(statusChoiceFromJson(body, lateOnTheThirdUtc, QTimeZone::utc()));
        const auto inBerlin =
            statusChoiceFromJson(body, lateOnTheThirdUtc, StatusRules::zone(QStringLiteral("Europe/Berlin")));
        QVERIFY(!inBerlin);
        QCOMPARE(inBerlin.error().field, QStringLiteral("out_of_office.to"));
    }

    void untilEndsDndAndText()
    {
        StatusChoice c;
        c.availability = Availability::Dnd;
        c.text = QStringLiteral("Release");
        c.until = utc("2026-12-04T16:00:00Z");
        const QTimeZone zone = QTimeZone::utc();

        const Status before = StatusRules::apply(c, utc("2026-12-04T15:59:59.999Z"), zone);
        QCOMPARE(before.availability, Availability::Dnd);
        QCOMPARE(before.text, QStringLiteral("Release"));
        QCOMPARE(before.until, c.until);
        QCOMPARE(StatusRules::nextChange(c, utc("2026-12-04T10:00:00Z"), zone), c.until);

        const Status after = StatusRules::apply(c, c.until, zone);
        QCOMPARE(after.availability, Availability::Available);
        QVERIFY(after.text.isEmpty());
        QVERIFY(!after.until.isValid());
        QVERIFY(after.isDefault());
        QVERIFY(!StatusRules::nextChange(c, c.until, zone).isValid());

        // dnd without until stays.
        c.until = {};
        QCOMPARE(StatusRules::apply(c, utc("2030-01-01T00:00:00Z"), zone).availability, Availability::Dnd);
        QVERIFY(!StatusRules::nextChange(c, utc("2026-12-04T10:00:00Z"), zone).isValid());
    }

    void windowAppliesOnItsDaysInTheZone_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<Availability>("availability");
        QTest::addColumn<bool>("windowShown");
        const auto row = [](const char *name, const char *zone, const char *now, Availability a, bool shown) {
            QTest::addRow("%s", name) << QString::fromLatin1(zone) << utc(now) << a << shown;
        };
        // Window 2026-12-21 .. 2027-01-04, days in the person's zone.
        row("utc, day before", "", "2026-12-20T23:30:00Z", Availability::Available, true);
        row("berlin, first minutes of the first day", "Europe/Berlin", "2026-12-20T23:30:00Z",
            Availability::OutOfOffice, true);
        row("utc, first day", "", "2026-12-21T00:00:00Z", Availability::OutOfOffice, true);
        row("utc, last moment of the last day", "", "2027-01-04T23:59:59.999Z", Availability::OutOfOffice, true);
        row("utc, after the last day", "", "2027-01-05T00:00:00Z", Availability::Available, false);
        row("berlin, after the last day there", "Europe/Berlin", "2027-01-04T23:30:00Z", Availability::Available,
            false);
        row("new york, still the last day there", "America/New_York", "2027-01-05T04:59:00Z", Availability::OutOfOffice,
            true);
        row("new york, over there too", "America/New_York", "2027-01-05T05:00:00Z", Availability::Available, false);
        row("tokyo, first day early", "Asia/Tokyo", "2026-12-20T15:00:00Z", Availability::OutOfOffice, true);
        row("unknown zone counts as utc", "Mars/Olympus", "2026-12-20T23:30:00Z", Availability::Available, true);
    }

    void windowAppliesOnItsDaysInTheZone()
    {
        QFETCH(QString, zone);
        QFETCH(QDateTime, now);
        QFETCH(Availability, availability);
        QFETCH(bool, windowShown);
        const StatusChoice c = window("2026-12-21", "2027-01-04", Availability::Available);
        const Status s = StatusRules::apply(c, now, StatusRules::zone(zone));
        QCOMPARE(s.availability, availability);
        QCOMPARE(bool(s.outOfOffice), windowShown);
    }

    void dndOutsideAWindowAndAfterIt()
    {
        StatusChoice c = window("2026-12-21", "2026-12-22", Availability::Dnd);
        const QTimeZone zone = QTimeZone::utc();
        QCOMPARE(StatusRules::apply(c, utc("2026-12-20T12:00:00Z"), zone).availability, Availability::Dnd);
        QCOMPARE(StatusRules::apply(c, utc("2026-12-21T12:00:00Z"), zone).availability, Availability::OutOfOffice);
        const Status after = StatusRules::apply(c, utc("2026-12-23T12:00:00Z"), zone);
        QCOMPARE(after.availability, Availability::Dnd);
        QVERIFY(!after.outOfOffice);
        // A chosen out_of_office outside its window is available.
        c.availability = Availability::OutOfOffice;
        QCOMPARE(StatusRules::apply(c, utc("2026-12-20T12:00:00Z"), zone).availability, Availability::Available);
        QCOMPARE(StatusRules::apply(c, utc("2026-12-23T12:00:00Z"), zone).availability, Availability::Available);
    }

    void nextChangeFollowsDaylightSaving()
    {
        // New York moves to daylight time at 2:00 on 8 March 2026: the window's start is midnight
        // of standard time (05:00 UTC), its end midnight of daylight time (04:00 UTC).
        const QTimeZone ny = StatusRules::zone(QStringLiteral("America/New_York"));
        const StatusChoice c = window("2026-03-08", "2026-03-08");
        const QDateTime start = StatusRules::nextChange(c, utc("2026-03-07T12:00:00Z"), ny);
        QCOMPARE(start, utc("2026-03-08T05:00:00Z"));
        const QDateTime end = StatusRules::nextChange(c, start, ny);
        QCOMPARE(end, utc("2026-03-09T04:00:00Z"));
        QCOMPARE(StatusRules::apply(c, end.addMSecs(-1), ny).availability, Availability::OutOfOffice);
        QCOMPARE(StatusRules::apply(c, end, ny).availability, Availability::Available);
        QVERIFY(!StatusRules::nextChange(c, end, ny).isValid());

        // Berlin leaves daylight time on 25 October 2026: that day has 25 hours.
        const QTimeZone berlin = StatusRules::zone(QStringLiteral("Europe/Berlin"));
        const StatusChoice autumn = window("2026-10-25", "2026-10-25");
        QCOMPARE(StatusRules::nextChange(autumn, utc("2026-10-24T12:00:00Z"), berlin), utc("2026-10-24T22:00:00Z"));
        QCOMPARE(StatusRules::nextChange(autumn, utc("2026-10-24T22:00:00Z"), berlin), utc("2026-10-25T23:00:00Z"));
    }

    void nextChangeTakesTheEarliest()
    {
        StatusChoice c = window("2026-12-21", "2026-12-22", Availability::Dnd);
        c.until = utc("2026-12-21T09:00:00Z");
        const QTimeZone zone = QTimeZone::utc();
        QCOMPARE(StatusRules::nextChange(c, utc("2026-12-20T12:00:00Z"), zone), utc("2026-12-21T00:00:00Z"));
        QCOMPARE(StatusRules::nextChange(c, utc("2026-12-21T00:00:00Z"), zone), c.until);
        QCOMPARE(StatusRules::nextChange(c, c.until, zone), utc("2026-12-23T00:00:00Z"));
    }

    void statusJsonRoundTrip()
    {
        Status s;
        s.username = QStringLiteral("grace");
        s.presence = Presence::Away;
        s.availability = Availability::OutOfOffice;
        s.until = utc("2026-12-04T16:00:00Z");
        s.text = QStringLiteral("Migrating billing");
        s.outOfOffice =
            OutOfOffice {QDate(2026, 12, 21), QDate(2027, 1, 4), QStringLiteral("Back\nsoon"), QStringLiteral("ada")};
        s.updatedAt = utc("2026-12-04T11:02:13.402Z");
        const QJsonObject json = toJson(s);
        QCOMPARE(json.value(QStringLiteral("presence")).toString(), QStringLiteral("away"));
        QCOMPARE(json.value(QStringLiteral("out_of_office")).toObject().value(QStringLiteral("from")).toString(),
                 QStringLiteral("2026-12-21"));
        const auto back = statusFromJson(json);
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back.value(), s);

        Status none;
        none.username = QStringLiteral("ada");
        QVERIFY(none.isDefault());
        const QJsonObject noneJson = toJson(none);
        QVERIFY(noneJson.value(QStringLiteral("until")).isNull());
        QVERIFY(noneJson.value(QStringLiteral("out_of_office")).isNull());
        QCOMPARE(statusFromJson(noneJson).value(), none);

        QJsonObject bad = json;
        bad.insert(QStringLiteral("presence"), QStringLiteral("busy"));
        QCOMPARE(statusFromJson(bad).error().field, QStringLiteral("presence"));
    }
};

QTEST_GUILESS_MAIN(TestStatus)
#include "tst_status.moc"
