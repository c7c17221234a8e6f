// SPDX-License-Identifier: MIT
// Queries about the asker's own people: "who in my team knows kubernetes", "my reports", "python in
// my department", "wer in meinem Team kennt Go", "who is my manager", "my peers". The asker is SearchRequest::asker, or
// else the account signed in to the store; the org chart says who their team is.

#include "client/search/SearchEngine.h"
#include "tests/support/List.h"
#include "tests/support/SearchDirectory.h"
#include "tests/support/TestData.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Colleagues;
using Colleagues::Test::list;

namespace {

Profile person(const char *username, const char *manager, const char *department, const char *skill,
               const char *name = nullptr)
{
    Profile p = Test::orgPerson(QString::fromUtf8(username), QString::fromUtf8(manager));
    p.department = QString::fromUtf8(department);
    p.skills.append(Skill {QString::fromUtf8(skill), 4});
    if (name)
        p.displayName = QString::fromUtf8(name);
    return p;
}

//! boss ─┬─ lead1 ─┬─ dev1, dev2
//!       ├─ lead2 ─── dev3
//!       └─ sam (Sales), who has no reports
//! ada.king ─┬─ ada.byron
//!           ├─ max.power ─── kit
//!           └─ max.planck ── lise     (Research: two Adas, two Maxes who manage)
//! orphan ─── stray                 (Legal: orphan's manager, gone, is not in the directory)
QList<Profile> company()
{
    return {
        person("boss", "", "Engineering", "Kubernetes"), person("lead1", "boss", "Engineering", "Python"),
        person("lead2", "boss", "Engineering", "Kubernetes"), person("dev1", "lead1", "Engineering", "Kubernetes"),
        person("dev2", "lead1", "Engineering", "Python"), person("dev3", "lead2", "Platform", "Kubernetes"),
        person("sam", "boss", "Sales", "Python"), person("sue", "", "Sales", "Python"),
        person("ada.king", "", "Research", "Rust", "Ada King"),
        person("ada.byron", "ada.king", "Research", "Rust", "Ada Byron"),
        person("max.power", "ada.king", "Research", "Rust", "Max Power"),
        person("max.planck", "ada.king", "Research", "Go", "Max Planck"),
        person("kit", "max.power", "Research", "Rust", "Kit Carson"),
        person("lise", "max.planck", "Research", "Rust", "Lise Meitner"),
        // A manager who is not in the directory (yet).
        person("orphan", "gone", "Legal", "Law"),
        person("stray", "orphan", "Legal", "Law", "Can Stray"), // "can" is a name word too
    };
}

} // namespace

class TestMine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mine_data();
    void mine();
    void reportsToWhom();
    void someonesPeople();
    void byTitle();
    void leadersFirst();
    void nearMe_data();
    void nearMe();
    void theSignedInAccountAsks();
    void withoutAnAsker();

private:
    SearchPage search(const QString &query, const QString &asker)
    {
        SearchRequest request;
        request.query = query;
        request.asker = asker;
        request.limit = 100;
        return m_directory.engine->search(request);
    }
    static QStringList usernames(const SearchPage &page)
    {
        QStringList out = Test::usernames(page);
        out.sort();
        return out;
    }

    Test::SearchDirectory m_directory;
};

void TestMine::initTestCase()
{
    QVERIFY(m_directory.open(company()));
}

void TestMine::mine_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("asker");
    QTest::addColumn<int>("team"); // UnderstoodQuery::Team
    QTest::addColumn<QString>("manager"); // UnderstoodQuery::manager
    QTest::addColumn<QString>("department"); // UnderstoodQuery::department
    QTest::addColumn<QStringList>("found");

    const int none = int(UnderstoodQuery::Team::None);
    const int yours = int(UnderstoodQuery::Team::Yours);
    const int reports = int(UnderstoodQuery::Team::YourReports);
    const int managers = int(UnderstoodQuery::Team::YourManagers);
    const int manager = int(UnderstoodQuery::Team::YourManager);
    const int peers = int(UnderstoodQuery::Team::YourPeers);
    const int managersManager = int(UnderstoodQuery::Team::YourManagersManager);
    const int reportsOf = int(UnderstoodQuery::Team::ReportsOf);
    // A manager's team: everyone under them, every level.
    QTest::addRow("boss's team") << "who in my team knows kubernetes"
                                 << "boss" << yours << ""
                                 << "" << list({"dev1", "dev3", "lead2"});
    QTest::addRow("lead's team") << "my team"
                                 << "lead1" << yours << ""
                                 << "" << list({"dev1", "dev2"});
    // Someone without reports: the people beside them, under their manager (themselves too).
    QTest::addRow("a developer's team") << "wer in meinem Team kennt Python"
                                        << "dev1" << managers << "Person lead1"
                                        << "" << list({"dev2"});
    QTest::addRow("our team") << "kubernetes in our team"
                              << "dev2" << managers << "Person lead1"
                              << "" << list({"dev1"});
    QTest::addRow("no manager, no reports") << "my team"
                                            << "sue" << yours << ""
                                            << "" << QStringList();
    // Direct reports only.
    QTest::addRow("boss's reports") << "my direct reports"
                                    << "boss" << reports << ""
                                    << "" << list({"lead1", "lead2", "sam"});
    QTest::addRow("meine mitarbeiter") << "python bei meinen mitarbeitern"
                                       << "boss" << reports << ""
                                       << "" << list({"lead1", "sam"});
    // The department, as the profile names it (not a department that contains its words).
    QTest::addRow("department") << "kubernetes in my department"
                                << "dev3" << none << ""
                                << "Platform" << list({"dev3"});
    QTest::addRow("abteilung") << "python in meiner abteilung"
                               << "sue" << none << ""
                               << "Sales" << list({"sam", "sue"});
    QTest::addRow("team and department") << "my team in my department"
                                         << "boss" << yours << ""
                                         << "Engineering" << list({"dev1", "dev2", "lead1", "lead2"});
    QTest::addRow("asker in any case") << "my reports"
                                       << "LEAD2" << reports << ""
                                       << "" << list({"dev3"});
    // The manager alone, and the people beside the asker under them.
    QTest::addRow("my manager") << "who is my manager"
                                << "dev1" << manager << "Person lead1"
                                << "" << list({"lead1"});
    QTest::addRow("i report to") << "who do i report to"
                                 << "lead2" << manager << "Person boss"
                                 << "" << list({"boss"});
    QTest::addRow("mein chef") << "wer ist mein chef"
                               << "sam" << manager << "Person boss"
                               << "" << list({"boss"});
    // Who approves the asker's own requests: their manager (no one named Can).
    QTest::addRow("approve my vacation") << "who can approve my vacation"
                                         << "dev1" << manager << "Person lead1"
                                         << "" << list({"lead1"});
    QTest::addRow("signs off my expenses") << "who signs off on my expense reports"
                                           << "lead2" << manager << "Person boss"
                                           << "" << list({"boss"});
    QTest::addRow("genehmigt meinen urlaub") << "wer genehmigt meinen Urlaub"
                                             << "sam" << manager << "Person boss"
                                             << "" << list({"boss"});
    // The others under the asker's manager: not the asker.
    QTest::addRow("my peers") << "my peers"
                              << "dev1" << peers << "Person lead1"
                              << "" << list({"dev2"});
    QTest::addRow("python among my teammates") << "python among my teammates"
                                               << "sam" << peers << "Person boss"
                                               << "" << list({"lead1"});
    QTest::addRow("meine kollegen") << "meine kollegen"
                                    << "lead2" << peers << "Person boss"
                                    << "" << list({"lead1", "sam"});
    QTest::addRow("no one beside") << "my peers"
                                   << "dev3" << peers << "Person lead2"
                                   << "" << QStringList();
    // The manager's manager alone.
    QTest::addRow("my manager's manager") << "who is my manager's manager"
                                          << "dev1" << managersManager << "Person boss"
                                          << "" << list({"boss"});
    QTest::addRow("skip level") << "my skip-level"
                                << "kit" << managersManager << "Ada King"
                                << "" << list({"ada.king"});
    QTest::addRow("chef meines chefs") << "wer ist der chef meines chefs"
                                       << "dev3" << managersManager << "Person boss"
                                       << "" << list({"boss"});
    // Someone's direct reports, by name; "me" is the asker.
    QTest::addRow("reports to me") << "who reports to me"
                                   << "lead1" << reports << ""
                                   << "" << list({"dev1", "dev2"});
    QTest::addRow("reports to a name") << "who reports to max planck"
                                       << "" << reportsOf << "Max Planck"
                                       << "" << list({"lise"});
    QTest::addRow("works for, and a skill") << "rust people working for ada king"
                                            << "" << reportsOf << "Ada King"
                                            << "" << list({"ada.byron", "max.power"});
    QTest::addRow("the one who manages") << "who reports to ada"
                                         << "" << reportsOf << "Ada King"
                                         << "" << list({"ada.byron", "max.planck", "max.power"});
    QTest::addRow("no reports") << "works for ada byron"
                                << "" << reportsOf << "Ada Byron"
                                << "" << QStringList();
    QTest::addRow("berichtet an") << "wer berichtet an max power"
                                  << "" << reportsOf << "Max Power"
                                  << "" << list({"kit"});
    QTest::addRow("by username") << "managed by lead2"
                                 << "" << reportsOf << "Person lead2"
                                 << "" << list({"dev3"});
    // Someone's people, by their name as a possessive: a team is everyone under them, and when no
    // one is, the people beside them.
    const int teamOf = int(UnderstoodQuery::Team::TeamOf);
    const int managerOf = int(UnderstoodQuery::Team::ManagerOf);
    const int peersOf = int(UnderstoodQuery::Team::PeersOf);
    QTest::addRow("someone's team") << "ada king's team"
                                    << "" << teamOf << "Ada King"
                                    << "" << list({"ada.byron", "kit", "lise", "max.planck", "max.power"});
    QTest::addRow("in someone's team, and a skill") << "who knows rust in max power's team"
                                                    << "" << teamOf << "Max Power"
                                                    << "" << list({"kit"});
    QTest::addRow("the one whose team") << "ada's team"
                                        << "" << teamOf << "Ada King"
                                        << "" << list({"ada.byron", "kit", "lise", "max.planck", "max.power"});
    QTest::addRow("the team of someone with no reports") << "kit's team"
                                                         << "" << reportsOf << "Max Power"
                                                         << "" << list({"kit"});
    QTest::addRow("someone's reports") << "max planck's direct reports"
                                       << "" << reportsOf << "Max Planck"
                                       << "" << list({"lise"});
    QTest::addRow("someone's manager") << "who is dev1's manager"
                                       << "" << managerOf << "Person lead1"
                                       << "" << list({"lead1"});
    QTest::addRow("a curly apostrophe") << "max power\u2019s boss"
                                        << "" << managerOf << "Ada King"
                                        << "" << list({"ada.king"});
    QTest::addRow("someone's peers") << "kubernetes among sam's colleagues"
                                     << "" << peersOf << "Person boss"
                                     << "" << list({"lead2"});
    // Under someone's manager: they and their peers.
    QTest::addRow("who reports to someone's manager") << "who reports to dev1's manager"
                                                      << "" << reportsOf << "Person lead1"
                                                      << "" << list({"dev1", "dev2"});
    QTest::addRow("a skill, under someone's boss") << "rust people working for lise's boss"
                                                   << "" << reportsOf << "Max Planck"
                                                   << "" << list({"lise"});
    QTest::addRow("without the apostrophe") << "Rust in Max Powers Team"
                                            << "" << teamOf << "Max Power"
                                            << "" << list({"kit"});
    QTest::addRow("german") << "lise's Kollegen"
                            << "" << peersOf << "Max Planck"
                            << "" << QStringList();
}

void TestMine::mine()
{
    QFETCH(QString, query);
    QFETCH(QString, asker);
    QFETCH(int, team);
    QFETCH(QString, manager);
    QFETCH(QString, department);
    QFETCH(QStringList, found);
    const SearchPage page = search(query, asker);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(int(page.understood.team), team);
    QCOMPARE(page.understood.manager, manager);
    QCOMPARE(page.understood.department, department);
    QCOMPARE(usernames(page), found);
    QVERIFY(!page.understood.partial);
    // As search --json says it.
    const QJsonObject json = toJson(page).value(QStringLiteral("understood")).toObject();
    QCOMPARE(json.value(QStringLiteral("team")).toString(),
             list({"", "yours", "your_reports", "your_managers", "your_manager", "your_peers", "your_managers_manager",
                   "reports_of", "team_of", "manager_of", "peers_of"})[team]);
    QCOMPARE(json.value(QStringLiteral("team")).isNull(), team == int(UnderstoodQuery::Team::None));
    QCOMPARE(json.value(QStringLiteral("department")).toString(), department);
}

void TestMine::reportsToWhom()
{
    // A name that is several managers': which ones, and how to say.
    const SearchPage two = search(QStringLiteral("who reports to max"), QString());
    QCOMPARE(two.error,
             QStringLiteral("2 people called \"max\" have reports: Max Planck (max.planck, Research), Max Power "
                            "(max.power, Research); "
                            "say more of the name, or use reports:USERNAME"));
    QCOMPARE(two.total, 0);
    // A name that is no one's: the words are searched as words (no one here says "reports").
    const SearchPage nobody = search(QStringLiteral("reports to zed"), QString());
    QCOMPARE(nobody.understood.team, UnderstoodQuery::Team::None);
    QVERIFY(nobody.understood.terms.contains(QStringLiteral("zed")));
    // The name ends where its words do: what follows is asked for too.
    const SearchPage more = search(QStringLiteral("who works for ada king and knows go"), QString());
    QVERIFY2(more.error.isEmpty(), qPrintable(more.error));
    QCOMPARE(usernames(more), list({"max.planck"}));
    // The manager's manager of someone whose manager has none.
    const SearchPage top = search(QStringLiteral("my skip level"), QStringLiteral("lead1"));
    QCOMPARE(top.error, QStringLiteral("your manager (Person boss) names no manager"));
    QCOMPARE(top.total, 0);
    // A manager the directory does not have (yet), named by username.
    const SearchPage missing = search(QStringLiteral("who is my manager"), QStringLiteral("orphan"));
    QCOMPARE(missing.error, QStringLiteral("your manager (gone) is not in the directory yet"));
    QCOMPARE(missing.total, 0);
    const SearchPage missingTwo = search(QStringLiteral("my manager's manager"), QStringLiteral("stray"));
    QCOMPARE(missingTwo.error, QStringLiteral("your manager's manager (gone) is not in the directory yet"));
    QCOMPARE(missingTwo.total, 0);
}

void TestMine::someonesPeople()
{
    // Whom "diego's manager" and "diego's peers" are about, beside their manager.
    const SearchPage peers = search(QStringLiteral("dev1's peers"), QString());
    QCOMPARE(peers.understood.person, QStringLiteral("Person dev1"));
    QCOMPARE(peers.understood.manager, QStringLiteral("Person lead1"));
    const QJsonObject json = toJson(peers).value(QStringLiteral("understood")).toObject();
    QCOMPARE(json.value(QStringLiteral("person")).toString(), QStringLiteral("Person dev1"));
    QVERIFY(toJson(search(QStringLiteral("ada king's team"), QString()))
                .value(QStringLiteral("understood"))
                .toObject()
                .value(QStringLiteral("person"))
                .isNull());
    // Under someone's manager: whose manager is said.
    const SearchPage under = search(QStringLiteral("who reports to kit's manager"), QString());
    QCOMPARE(under.understood.person, QStringLiteral("Kit Carson"));
    QCOMPARE(under.understood.manager, QStringLiteral("Max Power"));
    QCOMPARE(under.understood.describe(UnderstoodQuery::Detail::Names),
             QStringList {QStringLiteral("reporting to Max Power (Kit Carson's manager)")});
    QCOMPARE(search(QStringLiteral("who works for sue's manager"), QString()).error,
             QStringLiteral("the profile of Person sue names no manager"));
    // Several managers so called: which ones, and how to say (a team: team:).
    const SearchPage maxes = search(QStringLiteral("max's team"), QString());
    QCOMPARE(maxes.error,
             QStringLiteral("2 people called \"max\" have reports: Max Planck (max.planck, Research), Max Power "
                            "(max.power, Research); say more of the name, or use team:USERNAME"));
    QCOMPARE(maxes.total, 0);
    // Someone's manager: every one so called counts, managers or not.
    const SearchPage adas = search(QStringLiteral("ada's manager"), QString());
    QCOMPARE(adas.error,
             QStringLiteral("2 people called \"ada\": Ada Byron (ada.byron, Research), Ada King (ada.king, Research); "
                            "say more of the name, or use their username"));
    QCOMPARE(adas.total, 0);
    // No manager, or one the directory lacks: said, and no one.
    QCOMPARE(search(QStringLiteral("sue's manager"), QString()).error,
             QStringLiteral("the profile of Person sue names no manager"));
    QCOMPARE(search(QStringLiteral("sue's team"), QString()).error,
             QStringLiteral("no one reports to Person sue, whose profile names no manager"));
    const SearchPage gone = search(QStringLiteral("orphan's peers"), QString());
    QCOMPARE(gone.error, QStringLiteral("the manager of Person orphan (gone) is not in the directory yet"));
    QCOMPARE(gone.total, 0);
    QCOMPARE(search(QStringLiteral("zed's team"), QString()).understood.team, UnderstoodQuery::Team::None);
    // Without the possessive, the words are words: "sales team" is no one's team.
    const SearchPage words = search(QStringLiteral("sam team"), QString());
    QCOMPARE(words.understood.team, UnderstoodQuery::Team::None);
}

void TestMine::byTitle()
{
    // hana (CEO) ─┬─ ivo (CFO) ─── acct1
    //             ├─ ea1, whose title names the CEO's
    //             └─ cos1, whose title has the words of the CEO's, apart ─── staff1
    // tl1, tl2: two team leads, each with a report
    auto titled = [](const char *username, const char *manager, const char *title) {
        Profile p = Test::orgPerson(QString::fromUtf8(username), QString::fromUtf8(manager));
        p.title = QString::fromUtf8(title);
        return p;
    };
    Test::SearchDirectory directory;
    QVERIFY(directory.open({titled("hana", "", "Chief Executive Officer"), titled("ivo", "hana", "CFO"),
                            titled("acct1", "ivo", "Accountant"),
                            titled("ea1", "hana", "Executive Assistant to the Chief Executive Officer"),
                            titled("cos1", "hana", "Executive Officer, Chief of Staff"),
                            titled("staff1", "cos1", "Analyst"), titled("tl1", "", "Team Lead"),
                            titled("tl2", "", "Team Lead"), titled("dev7", "tl1", "Engineer"),
                            titled("dev8", "tl2", "Engineer")}));
    auto found = [&](const QString &query) {
        const SearchPage page = directory.engine->search(query, 0, 100);
        QStringList out = Test::usernames(page);
        out.sort();
        return std::make_pair(out, page.error);
    };
    // Whoever has the title, by any of its names, written as the title or an alias.
    QCOMPARE(found(u"who reports to the ceo"_qs).first, list({"cos1", "ea1", "ivo"}));
    QCOMPARE(found(u"wer berichtet an den Chief Executive Officer"_qs).first, list({"cos1", "ea1", "ivo"}));
    QCOMPARE(found(u"who works for our cfo"_qs).first, list({"acct1"}));
    QCOMPARE(found(u"the ceo's team"_qs).first, list({"acct1", "cos1", "ea1", "ivo", "staff1"}));
    // Said with the title it was found by.
    const SearchPage ceo = directory.engine->search(u"who reports to the ceo"_qs);
    QCOMPARE(ceo.understood.managerTitle, u"Chief Executive Officer"_qs);
    QCOMPARE(ceo.understood.describe(UnderstoodQuery::Detail::Names),
             QStringList {u"reporting to Person hana (Chief Executive Officer)"_qs});
    QCOMPARE(toJson(ceo).value(u"understood"_qs).toObject().value(u"manager_title"_qs).toString(),
             u"Chief Executive Officer"_qs);
    QCOMPARE(directory.engine->search(u"the cfo's team"_qs).understood.describe(UnderstoodQuery::Detail::Names),
             QStringList {u"in Person ivo's team (Chief Financial Officer)"_qs});
    QVERIFY(directory.engine->search(u"who reports to person hana"_qs).understood.managerTitle.isEmpty());
    // No one, or several: said.
    QCOMPARE(found(u"who reports to the cto"_qs).second,
             u"no one in the directory has the title \"Chief Technology Officer\""_qs);
    QCOMPARE(found(u"who reports to the team lead"_qs).second,
             u"2 people have the title \"Team Lead\": Person tl1 (tl1, Platform), Person tl2 (tl2, Platform); use "
             "reports:USERNAME"_qs);
}

void TestMine::leadersFirst()
{
    // ceo ─── vp ─┬─ mdir (Mobile) ─┬─ m1 ─── e1, e2, e3
    //             │                 └─ m2 ─── e4
    //             └─ wlead (Web) ─── w1 … w6
    // and qa, who is in Mobile and has no manager.
    auto member = [](const char *username, const char *manager, const char *department, const char *bio = "") {
        Profile p = Test::orgPerson(QString::fromUtf8(username), QString::fromUtf8(manager));
        p.department = QString::fromUtf8(department);
        p.bio = QString::fromUtf8(bio);
        return p;
    };
    QList<Profile> people {member("ceo", "", "Executive", "Grew our mobile business."),
                           member("vp", "ceo", "Engineering", "Mobile and web."),
                           member("mdir", "vp", "Mobile"),
                           member("m1", "mdir", "Mobile"),
                           member("m2", "mdir", "Mobile"),
                           member("e2", "m1", "Mobile"),
                           member("e3", "m1", "Mobile"),
                           member("e4", "m2", "Mobile"),
                           member("wlead", "vp", "Web"),
                           member("qa", "", "Mobile")};
    Profile e1 = member("e1", "m1", "Mobile");
    e1.skills = {Skill {u"Kotlin"_qs, 5}};
    people[2].skills = {Skill {u"Kotlin"_qs, 2}};
    people.append(e1);
    for (const char *username : {"w1", "w2", "w3", "w4", "w5", "w6"})
        people.append(member(username, "wlead", "Web"));
    Test::SearchDirectory org;
    QVERIFY(org.open(people));
    auto search = [&org](const QString &query) {
        SearchRequest request;
        request.query = query;
        request.limit = 100;
        return org.engine->search(request);
    };
    auto first = [&search](const QString &query) {
        const QStringList found = Test::usernames(search(query));
        return found.isEmpty() ? QString() : found.first();
    };

    // Who leads the most of the people found, and little else, first: the head of Mobile (6 of
    // her 6) before the VP above her (7 of 14) and the CEO (7 of 15), and they before a manager of
    // three; who leads no one found comes after. The people found are those whose department says
    // Mobile: the CEO leads the VP, whose bio says it, but that is not leading the mobile team.
    const SearchPage mobile = search(u"who leads the mobile team"_qs);
    QVERIFY(mobile.understood.leadersFirst);
    QCOMPARE(mobile.understood.terms, QStringList {u"mobile"_qs});
    QVERIFY(mobile.understood.describe(UnderstoodQuery::Detail::Names).contains(u"leaders first"_qs));
    QCOMPARE(mobile.total, 10);
    QCOMPARE(Test::usernames(mobile).mid(0, 5), list({"mdir", "vp", "ceo", "m1", "m2"}));
    QCOMPARE(mobile.results[0].leads, 6);
    QCOMPARE(mobile.results[1].leads, 7);
    QCOMPARE(mobile.results[2].leads, 7);
    QCOMPARE(mobile.results[3].leads, 3);
    QCOMPARE(mobile.results.last().leads, 0);
    const QJsonObject json = toJson(mobile);
    QCOMPARE(json.value(u"understood"_qs).toObject().value(u"leaders_first"_qs), QJsonValue(true));
    QCOMPARE(json.value(u"results"_qs).toArray().first().toObject().value(u"leads"_qs), QJsonValue(6));
    QVERIFY(!json.value(u"results"_qs).toArray().last().toObject().contains(u"leads"_qs));
    // The same asked other ways; the Web people have their own head.
    QCOMPARE(first(u"head of mobile"_qs), u"mdir"_qs);
    QCOMPARE(first(u"wer leitet die mobile abteilung"_qs), u"mdir"_qs);
    QCOMPARE(first(u"who runs web"_qs), u"wlead"_qs);
    // Who matches more of the words still comes first: the VP (mobile and web) before the CEO, who
    // leads more of the people who match any of them (all 15 under him).
    QCOMPARE(first(u"who leads mobile web kotlin"_qs), u"vp"_qs);
    // Leading one of the few found among many others is leading none of them: the Kotlin expert
    // comes first, not the head above her who knows some.
    QCOMPARE(Test::usernames(search(u"who leads kotlin"_qs)), list({"e1", "mdir"}));
    QCOMPARE(search(u"who leads kotlin"_qs).results[1].leads, 1);
    // Leading people who have the word only in a skill is not leading those who do it: the
    // head of Design before the head of Web, whose six engineers test mobile apps.
    Test::SearchDirectory design;
    QList<Profile> designers = people;
    auto at = [&designers](const char *username) -> Profile & {
        return *std::find_if(designers.begin(), designers.end(),
                             [username](const Profile &p) { return p.username == QLatin1String(username); });
    };
    for (const char *username : {"wlead", "w1", "w2", "w3", "w4", "w5", "w6"})
        at(username).skills = {Skill {u"Mobile testing"_qs, 3}};
    QVERIFY(design.open(designers));
    SearchRequest headOfMobile;
    headOfMobile.query = u"head of mobile"_qs;
    headOfMobile.limit = 100;
    const SearchPage mobileTesters = design.engine->search(headOfMobile);
    QCOMPARE(mobileTesters.total, 17);
    QCOMPARE(Test::usernames(mobileTesters).first(), u"mdir"_qs);
    QCOMPARE(mobileTesters.results.first().leads, 6);
    const auto wlead = std::find_if(mobileTesters.results.cbegin(), mobileTesters.results.cend(),
                                    [](const SearchResult &r) { return r.username == u"wlead"_qs; });
    QVERIFY(wlead != mobileTesters.results.cend());
    QCOMPARE(wlead->leads, 0);
    QVERIFY(wlead - mobileTesters.results.cbegin() > 4);
    // Without the words, the order is the score's.
    const SearchPage plain = search(u"mobile"_qs);
    QVERIFY(!plain.understood.leadersFirst);
    QCOMPARE(plain.results.first().leads, 0);
    QVERIFY(Test::usernames(plain).first() != u"mdir"_qs);

    // Before a name: whom they report to.
    const SearchPage managesKit = this->search(u"who manages kit carson"_qs, QString());
    QCOMPARE(managesKit.understood.team, UnderstoodQuery::Team::ManagerOf);
    QCOMPARE(usernames(managesKit), list({"max.power"}));
}

void TestMine::nearMe_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("asker");
    QTest::addColumn<QString>("location"); // UnderstoodQuery::location
    QTest::addColumn<QStringList>("found");

    // The others whose location reads as the asker's, case and accents aside; not the asker.
    QTest::addRow("near me") << "who sits near me"
                             << "kai"
                             << "Berlin" << list({"lena", "ute"});
    QTest::addRow("with a skill") << "python people in my office"
                                  << "kai"
                                  << "Berlin" << list({"lena"});
    QTest::addRow("nearby") << "rust nearby"
                            << "kai"
                            << "Berlin" << list({"ute"});
    QTest::addRow("same city as me") << "same city as me"
                                     << "noa"
                                     << "London" << list({"ola"});
    QTest::addRow("accents aside") << "close to me"
                                   << "jo"
                                   << "Munchen" << list({"max"});
    QTest::addRow("german") << "wer in meiner Nähe kennt Python"
                            << "kai"
                            << "Berlin" << list({"lena"});
    QTest::addRow("am selben standort") << "am selben Standort wie ich"
                                        << "max"
                                        << "München" << list({"jo"});
    // Another office of the same city is another location.
    QTest::addRow("alone there") << "near me"
                                 << "mitte"
                                 << "Berlin Mitte" << QStringList();
}

void TestMine::nearMe()
{
    QFETCH(QString, query);
    QFETCH(QString, asker);
    QFETCH(QString, location);
    QFETCH(QStringList, found);

    auto at = [](const char *username, const char *place, const char *skill) {
        Profile p = person(username, "", "Engineering", skill);
        p.location = QString::fromUtf8(place);
        return p;
    };
    Test::SearchDirectory directory;
    QVERIFY(
        directory.open({at("kai", "Berlin", "Python"), at("lena", "berlin", "Python"), at("ute", "Berlin", "Rust"),
                        at("mitte", "Berlin Mitte", "Python"), at("noa", "London", "Go"), at("ola", "London", "Rust"),
                        at("max", "München", "Go"), at("jo", "Munchen", "Python"), at("pia", "", "Python")}));
    SearchRequest request;
    request.query = query;
    request.asker = asker;
    const SearchPage page = directory.engine->search(request);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.understood.location, location);
    const QString said = page.understood.describe(UnderstoodQuery::Detail::Names).join(u", "_qs);
    QVERIFY2(said.contains(u"at your location (%1)"_qs.arg(location)), qPrintable(said));
    QCOMPARE(usernames(page), found);

    // No location on the asker's profile: said, and no one.
    request.asker = QStringLiteral("pia");
    const SearchPage nowhere = directory.engine->search(request);
    QCOMPARE(nowhere.error, QStringLiteral("your profile names no location"));
    QCOMPARE(nowhere.total, 0);
}

void TestMine::theSignedInAccountAsks()
{
    // No asker given: the account signed in to the store.
    QVERIFY(m_directory.store.setSyncValue(QStringLiteral("account.username"), QStringLiteral("lead2")));
    const SearchPage page = search(QStringLiteral("my reports"), QString());
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(usernames(page), list({"dev3"}));
}

void TestMine::withoutAnAsker()
{
    // Nobody signed in: a clear error and no one, rather than everyone.
    QVERIFY(m_directory.store.setSyncValue(QStringLiteral("account.username"), QString()));
    const SearchPage page = search(QStringLiteral("python in my team"), QString());
    QCOMPARE(page.error,
             QStringLiteral(
                 "\"my team\", \"my manager\", \"near me\" and the like need to know who you are: sign in first"));
    QCOMPARE(page.total, 0);
    // Someone not in the directory.
    const SearchPage stranger = search(QStringLiteral("my department"), QStringLiteral("nobody"));
    QVERIFY2(stranger.error.contains(u"nobody"), qPrintable(stranger.error));
    QCOMPARE(stranger.total, 0);
    // No manager: said, and no one.
    for (const char *query : {"my manager", "python among my peers"}) {
        const SearchPage top = search(QString::fromLatin1(query), QStringLiteral("boss"));
        QCOMPARE(top.error, QStringLiteral("your profile names no manager"));
        QCOMPARE(top.total, 0);
    }
    // Words that only look alike ask for nothing of the asker's.
    const SearchPage words = search(QStringLiteral("team python"), QString());
    QVERIFY(words.error.isEmpty());
    QCOMPARE(words.understood.team, UnderstoodQuery::Team::None);
}

QTEST_GUILESS_MAIN(TestMine)
#include "tst_mine.moc"
