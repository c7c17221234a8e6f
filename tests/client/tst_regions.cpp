// SPDX-License-Identifier: MIT
// Continents, company regions and countries in queries ("kubernetes experts in europe", "apac
// sales", "wer ist in der schweiz"): which time zones and locations are in each, how queries name
// them, and what the search engine finds for them in a directory spread over the world.

#include "client/search/QueryUnderstanding.h"
#include "client/search/Regions.h"
#include "client/search/SearchEngine.h"
#include "core/TextFold.h"
#include "tests/support/List.h"
#include "tests/support/SearchDirectory.h"
#include "tests/support/TestData.h"

#include <QTest>
#include <QTimeZone>

using namespace Colleagues;
using Colleagues::Test::list;

namespace {

QStringList words(const QString &text)
{
    return foldText(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

const Region *named(const QString &name)
{
    int length = 0;
    const QStringList folded = words(name);
    const Region *region = Region::find(folded, 0, &length);
    return length == folded.size() ? region : nullptr;
}

Profile person(const char *username, const char *location, const char *timeZone, const char *skill = "Excel")
{
    Profile p = Test::orgPerson(QString::fromUtf8(username), {});
    p.location = QString::fromUtf8(location);
    p.timeZone = QString::fromUtf8(timeZone);
    p.skills.append(Skill {QString::fromUtf8(skill), 4});
    return p;
}

QList<Profile> world()
{
    return {
        person("berlin", "Berlin", "Europe/Berlin", "Kubernetes"),
        person("berlin2", "Berlin", "Europe/Berlin"),
        // No time zone in the profile: where the others of Berlin are.
        person("nozone", "Berlin", ""),
        person("zurich", "Zürich", "Europe/Zurich"),
        person("london", "London", "Europe/London"),
        person("canary", "Las Palmas", "Atlantic/Canary"),
        person("lagos", "Lagos", "Africa/Lagos"),
        person("dubai", "Dubai", "Asia/Dubai", "Kubernetes"),
        person("tokyo", "Tokyo", "Asia/Tokyo", "Kubernetes"),
        person("kolkata", "Bengaluru", "Asia/Kolkata"),
        person("sydney", "Sydney", "Australia/Sydney"),
        person("honolulu", "Honolulu", "Pacific/Honolulu"),
        person("toronto", "Toronto", "America/Toronto"),
        person("mexico", "Mexico City", "America/Mexico_City"),
        person("saopaulo", "São Paulo", "America/Sao_Paulo"),
        // The location says where, the time zone does not.
        person("remoteemea", "Remote (EMEA)", "UTC"),
        person("remotejapan", "Remote, Japan", "America/Los_Angeles"),
        person("remotepoland", "Remote, Poland", "UTC"),
    };
}

} // namespace

class TestRegions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void timeZones_data();
    void timeZones();
    void names_data();
    void names();
    void understood_data();
    void understood();
    void search_data();
    void search();
    void leftOut_data();
    void leftOut();
    void sameTimeZone_data();
    void sameTimeZone();
    void typingOnLeavesTheRegion();
    void followsChangedProfiles();

private:
    Test::SearchDirectory m_directory;
};

void TestRegions::initTestCase()
{
    QVERIFY(QTimeZone::isTimeZoneIdAvailable("Europe/Berlin")); // tzdata
    QVERIFY(m_directory.open(world()));
}

void TestRegions::timeZones_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QStringList>("in");
    QTest::addColumn<QStringList>("out");

    auto row = [](const char *zone, const char *in, const char *out) {
        QTest::addRow("%s", zone) << QString::fromLatin1(zone) << QString::fromLatin1(in).split(QLatin1Char(','))
                                  << QString::fromLatin1(out).split(QLatin1Char(','));
    };
    row("Europe/Berlin", "Europe,EMEA,EU,DACH,Germany", "Asia,APAC,Nordics,Switzerland,Africa");
    row("Europe/Zurich", "Europe,EMEA,DACH,Switzerland", "EU,Germany");
    row("Europe/Stockholm", "Europe,EU,Nordics,Sweden", "DACH,Benelux");
    row("Europe/Amsterdam", "Benelux,Netherlands,EU", "Nordics");
    row("Atlantic/Canary", "Europe,EU,Spain,EMEA", "Africa");
    row("Africa/Ceuta", "Europe,Spain", "Africa");
    row("Africa/Lagos", "Africa,EMEA,Nigeria", "Europe,Middle East");
    row("Africa/Cairo", "Africa,Middle East,EMEA,Egypt", "Asia");
    row("Asia/Dubai", "Middle East,EMEA,United Arab Emirates", "Asia,APAC");
    row("Asia/Tokyo", "Asia,APAC,Japan", "EMEA,Oceania");
    row("Asia/Kolkata", "Asia,APAC,India", "Middle East");
    row("Australia/Sydney", "Oceania,APAC,Australia", "Asia,Americas");
    row("Pacific/Auckland", "Oceania,APAC,New Zealand", "Americas");
    row("Pacific/Honolulu", "Americas,North America,United States", "Oceania,APAC,Latin America");
    row("America/Toronto", "Americas,North America,Canada", "Latin America,South America");
    row("America/Mexico_City", "Americas,North America,Latin America,Mexico", "South America");
    row("America/Sao_Paulo", "Americas,South America,Latin America,Brazil", "North America");
    row("Pacific/Easter", "Americas,South America,Latin America,Chile", "Oceania");
    row("UTC", "", "Europe,EMEA,Americas,Asia,Africa,Oceania");
}

void TestRegions::timeZones()
{
    QFETCH(QString, zone);
    QFETCH(QStringList, in);
    QFETCH(QStringList, out);
    const QLocale::Territory territory = QTimeZone(zone.toUtf8()).territory();
    for (const QString &name : std::as_const(in)) {
        if (name.isEmpty())
            continue;
        const Region *region = named(name);
        QVERIFY2(region, qPrintable(name));
        QVERIFY2(region->containsTimeZone(zone, territory), qPrintable(zone + QStringLiteral(" in ") + name));
    }
    for (const QString &name : std::as_const(out)) {
        const Region *region = named(name);
        QVERIFY2(region, qPrintable(name));
        QVERIFY2(!region->containsTimeZone(zone, territory), qPrintable(zone + QStringLiteral(" not in ") + name));
    }
}

void TestRegions::names_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("standalone");
    QTest::addColumn<QString>("region"); // its name; empty: none

    QTest::addRow("emea") << "emea" << true << "EMEA";
    QTest::addRow("apac") << "APAC" << true << "APAC";
    QTest::addRow("asia pacific") << "asia pacific" << true << "APAC";
    QTest::addRow("latam") << "latam" << true << "Latin America";
    QTest::addRow("north america") << "north america" << true << "North America";
    QTest::addRow("dach") << "dach" << true << "DACH";
    QTest::addRow("europe needs in") << "europe" << true << "";
    QTest::addRow("europe after in") << "europe" << false << "Europe";
    QTest::addRow("europa") << "Europa" << false << "Europe";
    QTest::addRow("südamerika") << "Südamerika" << false << "South America";
    QTest::addRow("a country needs in") << "japan" << true << "";
    QTest::addRow("a country after in") << "japan" << false << "Japan";
    QTest::addRow("a country of two words") << "united kingdom" << true << "United Kingdom";
    QTest::addRow("uk") << "uk" << false << "United Kingdom";
    QTest::addRow("usa") << "usa" << false << "United States";
    QTest::addRow("deutschland") << "Deutschland" << false << "Germany";
    QTest::addRow("österreich") << "Österreich" << false << "Austria";
    QTest::addRow("oesterreich") << "oesterreich" << false << "Austria";
    QTest::addRow("schweiz") << "Schweiz" << false << "Switzerland";
    QTest::addRow("eu needs in") << "eu" << true << "";
    QTest::addRow("eu") << "eu" << false << "EU";
    QTest::addRow("no region") << "kubernetes" << false << "";
    QTest::addRow("asian is not asia") << "asian" << false << "";
}

void TestRegions::names()
{
    QFETCH(QString, typed);
    QFETCH(bool, standalone);
    QFETCH(QString, region);
    int length = 0;
    const Region *found = Region::find(words(typed), 0, &length, standalone);
    QCOMPARE(found ? found->name() : QString(), region);
    QCOMPARE(length, region.isEmpty() ? 0 : int(words(typed).size()));
}

void TestRegions::understood_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("terms"); // Term::name(); a region as "@" and its name
    QTest::addColumn<QStringList>("dropped");

    QTest::addRow("in europe") << "kubernetes experts in europe" << list({"kubernetes", "@Europe"}) << QStringList();
    QTest::addRow("emea alone") << "emea designers" << list({"@EMEA", "designers"}) << QStringList();
    QTest::addRow("in the uk") << "who is in the uk" << list({"@United Kingdom"}) << list({"who", "is"});
    QTest::addRow("in der schweiz") << "wer ist in der schweiz" << list({"@Switzerland"}) << list({"wer", "ist"});
    QTest::addRow("aus") << "python aus österreich" << list({"python", "@Austria"}) << QStringList();
    QTest::addRow("a country alone") << "japan" << list({"@Japan"}) << QStringList();
    QTest::addRow("a country beside a topic") << "tax germany" << list({"tax", "@Germany"}) << QStringList();
    QTest::addRow("a continent alone") << "python europe" << list({"python", "@Europe"}) << QStringList();
    QTest::addRow("a country that is a name") << "jordan" << list({"jordan"}) << QStringList();
    QTest::addRow("eu alone is a word") << "eu" << list({"eu"}) << QStringList();
    QTest::addRow("eu before a word is a word") << "eu law" << list({"eu", "law"}) << QStringList();
    QTest::addRow("a region that is a name") << "dach" << list({"dach"}) << QStringList();
    QTest::addRow("a directory place") << "go in lagos" << list({"go", "@lagos"}) << QStringList();
    QTest::addRow("my time zone") << "python in my time zone" << list({"python"}) << QStringList();
    QTest::addRow("same timezone as me") << "same timezone as me" << QStringList() << QStringList();
    QTest::addRow("meiner zeitzone") << "wer in meiner Zeitzone kennt Go" << list({"go"}) << list({"wer", "kennt"});
    QTest::addRow("time alone is a word") << "my time" << list({"time"}) << list({"my"});
    // Alternatives: "+" marks a place that is one.
    QTest::addRow("or between regions") << "designers in europe or asia" << list({"designers", "@Europe", "+@Asia"})
                                        << QStringList();
    QTest::addRow("or between regions, no in") << "emea oder apac" << list({"@EMEA", "+@APAC"}) << QStringList();
    QTest::addRow("or in") << "go in lagos or in zürich" << list({"go", "@lagos", "+@zurich"}) << QStringList();
    QTest::addRow("a list") << "go in lagos sydney or zürich" << list({"go", "@lagos", "+@sydney", "+@zurich"})
                            << QStringList();
    QTest::addRow("no or, no list") << "go in lagos sydney" << list({"go", "@lagos", "sydney"}) << QStringList();
    QTest::addRow("a place or a region") << "go in lagos or europe" << list({"go", "@lagos", "+@Europe"})
                                         << QStringList();
    QTest::addRow("a region or a place") << "emea or in lagos" << list({"@EMEA", "+@lagos"}) << QStringList();
    QTest::addRow("or after a place, then no place")
        << "go in lagos or rust" << list({"go", "@lagos", "rust"}) << QStringList();
}

void TestRegions::understood()
{
    QFETCH(QString, query);
    QFETCH(QStringList, terms);
    QFETCH(QStringList, dropped);
    const QueryUnderstanding understanding(
        nullptr, [](const QString &word) { return word == QLatin1String("dach") || word == QLatin1String("jordan"); },
        [](const QString &word) {
            return word == QLatin1String("lagos") || word == QLatin1String("sydney") || word == QLatin1String("zurich");
        });
    const QueryUnderstanding::Result result = understanding.understand(words(query));
    QStringList names;
    for (const QueryUnderstanding::Term &term : result.terms) {
        if (term.region)
            QVERIFY(term.place);
        const QString name = term.region ? QLatin1Char('@') + term.region->name()
                                         : (term.place ? QStringLiteral("@") : QString()) + term.name();
        names.append(term.orPrevious ? QLatin1Char('+') + name : name);
    }
    QCOMPARE(names, terms);
    QCOMPARE(result.dropped, dropped);
    QCOMPARE(result.asks(QueryUnderstanding::Mine::TimeZone), query.contains(u"zone", Qt::CaseInsensitive));
}

void TestRegions::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("place"); // UnderstoodQuery::place
    QTest::addColumn<QStringList>("found"); // every username, in name order

    QTest::addRow("kubernetes in europe") << "kubernetes experts in europe"
                                          << "Europe" << list({"berlin"});
    QTest::addRow("kubernetes in emea") << "kubernetes in emea"
                                        << "EMEA" << list({"berlin", "dubai"});
    QTest::addRow("apac kubernetes") << "apac kubernetes"
                                     << "APAC" << list({"tokyo"});
    QTest::addRow("in asia") << "people in asia"
                             << "Asia" << list({"kolkata", "tokyo"});
    QTest::addRow("north america") << "who is in north america"
                                   << "North America" << list({"honolulu", "mexico", "remotejapan", "toronto"});
    QTest::addRow("latam") << "latam"
                           << "Latin America" << list({"mexico", "saopaulo"});
    QTest::addRow("japan by time zone or location") << "in japan"
                                                    << "Japan" << list({"remotejapan", "tokyo"});
    QTest::addRow("japan alone") << "japan"
                                 << "Japan" << list({"remotejapan", "tokyo"});
    QTest::addRow("deutschland, and no time zone") << "wer ist in deutschland"
                                                   << "Germany" << list({"berlin", "berlin2", "nozone"});
    QTest::addRow("emea by location") << "excel in emea"
                                      << "EMEA"
                                      << list({"berlin2", "canary", "lagos", "london", "nozone", "remoteemea",
                                               "remotepoland", "zurich"});
    QTest::addRow("europe: by time zone, or a country the location names")
        << "people in europe"
        << "Europe" << list({"berlin", "berlin2", "canary", "london", "nozone", "remotepoland", "zurich"});
    QTest::addRow("eu") << "in the eu"
                        << "EU" << list({"berlin", "berlin2", "canary", "nozone", "remotepoland"});
    QTest::addRow("schweiz") << "aus der schweiz"
                             << "Switzerland" << list({"zurich"});
    QTest::addRow("nobody") << "kubernetes in south america"
                            << "South America" << QStringList();
    // "or": in any of them (one alone ANDs with another: "emea" and "in germany").
    QTest::addRow("japan or latam") << "in japan or latam"
                                    << "Japan / Latin America" << list({"mexico", "remotejapan", "saopaulo", "tokyo"});
    QTest::addRow("kubernetes in asia or europe") << "kubernetes in asia or in europe"
                                                  << "Asia / Europe" << list({"berlin", "tokyo"});
    QTest::addRow("emea and germany") << "emea people in germany"
                                      << "Germany" << list({"berlin", "berlin2", "nozone"});
    QTest::addRow("emea, and japan or switzerland") << "emea people in japan or switzerland"
                                                    << "Japan / Switzerland" << list({"zurich"});
    QTest::addRow("cities") << "in zürich, lagos or sydney" << QString::fromUtf8("Zürich / Lagos / Sydney")
                            << list({"lagos", "sydney", "zurich"});
    // A place by name or a region: people at the one or in the other.
    QTest::addRow("a city or a continent") << "in lagos or asia"
                                           << "Lagos / Asia" << list({"kolkata", "lagos", "tokyo"});
    QTest::addRow("kubernetes in berlin or asia") << "kubernetes in berlin or asia"
                                                  << "Berlin / Asia" << list({"berlin", "tokyo"});
    QTest::addRow("a region or a city") << "latam or in sydney"
                                        << "Latin America / Sydney" << list({"mexico", "saopaulo", "sydney"});
    QTest::addRow("emea, and a city or a country") << "emea people in lagos or japan"
                                                   << "Lagos / Japan" << list({"lagos"});
    QTest::addRow("a place's other name or a region")
        << "in bangalore or latam"
        << "Bengaluru / Latin America" << list({"kolkata", "mexico", "saopaulo"});
    QTest::addRow("a list of both") << "in tokyo, latam or berlin"
                                    << "Tokyo / Latin America / Berlin"
                                    << list({"berlin", "berlin2", "mexico", "nozone", "saopaulo", "tokyo"});
}

void TestRegions::search()
{
    QFETCH(QString, query);
    QFETCH(QString, place);
    QFETCH(QStringList, found);
    const SearchPage page = m_directory.engine->search(query, 0, 100);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.understood.place, place);
    QStringList usernames = Test::usernames(page);
    usernames.sort();
    QCOMPARE(usernames, found);
    QCOMPARE(page.total, found.size());
    QVERIFY(!page.understood.partial); // each of them matches all that was asked
}

void TestRegions::leftOut_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("place"); // UnderstoodQuery::place
    QTest::addColumn<QStringList>("excluded"); // UnderstoodQuery::excludedPlaces
    QTest::addColumn<QStringList>("found"); // every username, in name order

    const QStringList none;
    QTest::addRow("kubernetes not in europe")
        << "kubernetes not in europe" << QString() << list({"Europe"}) << list({"dubai", "tokyo"});
    QTest::addRow("emea without the eu") << "excel in emea but not in the eu"
                                         << "EMEA" << list({"EU"}) << list({"lagos", "london", "remoteemea", "zurich"});
    QTest::addRow("europe, not in germany or switzerland")
        << "people in europe but not in germany or switzerland"
        << "Europe" << list({"Germany", "Switzerland"}) << list({"canary", "london", "remotepoland"});
    QTest::addRow("by location too") << "excel not in japan or the americas" << QString() << list({"Japan", "Americas"})
                                     << list({"berlin2", "canary", "kolkata", "lagos", "london", "nozone", "remoteemea",
                                              "remotepoland", "sydney", "zurich"});
    QTest::addRow("german") << "kubernetes nicht in europa" << QString() << list({"Europe"})
                            << list({"dubai", "tokyo"});
    QTest::addRow("a city and a region") << "excel in emea not in london or asia"
                                         << "EMEA" << list({"London", "Asia"})
                                         << list({"berlin2", "canary", "lagos", "nozone", "remoteemea", "remotepoland",
                                                  "zurich"});
}

void TestRegions::leftOut()
{
    QFETCH(QString, query);
    QFETCH(QString, place);
    QFETCH(QStringList, excluded);
    QFETCH(QStringList, found);
    const SearchPage page = m_directory.engine->search(query, 0, 100);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.understood.place, place);
    QCOMPARE(page.understood.excludedPlaces, excluded);
    QVERIFY2(page.understood.dropped.isEmpty() || page.understood.dropped == list({"people"}),
             qPrintable(page.understood.dropped.join(QLatin1Char(' '))));
    QStringList usernames = Test::usernames(page);
    usernames.sort();
    QCOMPARE(usernames, found);
    QVERIFY(!page.understood.partial);
}

void TestRegions::sameTimeZone_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("zone"); // the asker's
    QTest::addColumn<QString>("offset"); // UnderstoodQuery::sameTimeZone
    QTest::addColumn<QStringList>("found");

    // Zones without daylight saving time, and queries whose answer is the same in summer and winter.
    QTest::addRow("tokyo") << "who is in my time zone" << QByteArray("Asia/Tokyo") << "UTC+09:00" << list({"tokyo"});
    QTest::addRow("half an hour") << "in my timezone" << QByteArray("Asia/Kolkata") << "UTC+05:30" << list({"kolkata"});
    QTest::addRow("with a skill") << "kubernetes in the same time zone" << QByteArray("Asia/Dubai") << "UTC+04:00"
                                  << list({"dubai"});
    QTest::addRow("with a region, and no time zone") << "excel in dach in my time zone" << QByteArray("Europe/Berlin")
                                                     << QString() << list({"berlin2", "nozone", "zurich"});
    QTest::addRow("nobody") << "in meiner zeitzone" << QByteArray("Pacific/Kiritimati") << "UTC+14:00" << QStringList();
}

void TestRegions::sameTimeZone()
{
    QFETCH(QString, query);
    QFETCH(QByteArray, zone);
    QFETCH(QString, offset);
    QFETCH(QStringList, found);
    SearchRequest request;
    request.query = query;
    request.timeZone = zone;
    request.limit = 100;
    const SearchPage page = m_directory.engine->search(request);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    if (!offset.isEmpty())
        QCOMPARE(page.understood.sameTimeZone, offset);
    QVERIFY(!page.understood.sameTimeZone.isEmpty());
    QStringList usernames = Test::usernames(page);
    usernames.sort();
    QCOMPARE(usernames, found);
}

void TestRegions::typingOnLeavesTheRegion()
{
    // The last query's matches were in Europe only; typing on without it must not keep to them.
    QCOMPARE(m_directory.engine->search(QStringLiteral("kube in europe"), 0, 100).total, 1);
    const SearchPage page = m_directory.engine->search(QStringLiteral("kub"), 0, 100);
    QCOMPARE(page.total, 3);
    QVERIFY(page.understood.place.isEmpty());
    SearchRequest mine;
    mine.query = QStringLiteral("kube in my time zone");
    mine.timeZone = "Asia/Tokyo";
    QCOMPARE(m_directory.engine->search(mine).total, 1);
    QCOMPARE(m_directory.engine->search(QStringLiteral("kub"), 0, 100).total, 3);
}

void TestRegions::followsChangedProfiles()
{
    // Tokyo moves to Paris: in Europe now, no longer in Asia.
    Profile moved = world()[8];
    QCOMPARE(moved.username, QStringLiteral("tokyo"));
    moved.location = QStringLiteral("Paris");
    moved.timeZone = QStringLiteral("Europe/Paris");
    QVERIFY(m_directory.store.upsertProfiles({moved}));
    const SearchPage europe = m_directory.engine->search(QStringLiteral("kubernetes in europe"), 0, 100);
    QCOMPARE(europe.total, 2);
    const SearchPage asia = m_directory.engine->search(QStringLiteral("in asia"), 0, 100);
    QCOMPARE(asia.total, 1);
    QCOMPARE(asia.results.first().username, QStringLiteral("kolkata"));
}

QTEST_GUILESS_MAIN(TestRegions)
#include "tst_regions.moc"
