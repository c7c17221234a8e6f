// SPDX-License-Identifier: MIT
// `colleagues import-csv` and `colleagues search` as a user runs them: the real executable,
// no display, a temporary data directory.

#include "tests/support/Binaries.h"
#include "tests/support/CliRun.h"
#include "tests/support/FixtureDirectory.h"
#include "tests/support/List.h"
#include "tests/support/VCardReader.h"

#include "core/ProfileCsv.h"
#include "core/VCard.h"

#include <QFile>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Test;

class TestSearchCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importReportsCounts();
    void searchJson();
    void searchText();
    void typoAndFilters();
    void everydayWords();
    void leavingOut();
    void reportsToSomeone();
    void help();
    void usageErrors();
    void importBadRows();
    void exportVCardMatchesTheDirectory();
    void exportVCardOfOnePerson();
    void exportVCardErrors();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList &arguments);

    QTemporaryDir m_dir;
};

TestSearchCli::Run TestSearchCli::run(const QStringList &arguments)
{
    const CliRun r = runCli(clientBinary(), arguments, {}, 60000);
    return {r.exitCode, r.out.toUtf8(), r.err.toUtf8()};
}

void TestSearchCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // No display is needed at all: the commands run without one.
    for (const char *variable : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        qunsetenv(variable);
    const Run imported =
        run({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("import-csv"), FixtureDirectory::path()});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
}

void TestSearchCli::importReportsCounts()
{
    // Importing again updates the same 20 people (the option may also follow the command).
    const Run again =
        run({QStringLiteral("import-csv"), FixtureDirectory::path(), QStringLiteral("--data-dir"), m_dir.path()});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains("imported 20 profiles"), again.out.constData());
    const Run all =
        run({QStringLiteral("search"), QStringLiteral("--json"), QStringLiteral("--data-dir"), m_dir.path()});
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(all.out).object().value(QStringLiteral("total")).toInt(), 20);
}

void TestSearchCli::searchJson()
{
    const Run result =
        run({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"), QStringLiteral("kubernetes"),
             QStringLiteral("--limit"), QStringLiteral("3"), QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(result.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(json.value(QStringLiteral("query")).toString(), QStringLiteral("kubernetes"));
    QCOMPARE(json.value(QStringLiteral("total")).toInt(), 5);
    QCOMPARE(json.value(QStringLiteral("offset")).toInt(), 0);
    QCOMPARE(json.value(QStringLiteral("has_more")).toBool(), true);
    QVERIFY(json.value(QStringLiteral("corrected_query")).isNull());
    const QJsonArray results = json.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 3);
    QStringList usernames;
    for (const QJsonValue &value : results)
        usernames.append(value.toObject().value(QStringLiteral("username")).toString());
    QCOMPARE(usernames, (list({"ada", "kim", "ravi"})));
    const QJsonObject ada = results.first().toObject();
    QCOMPARE(ada.value(QStringLiteral("display_name")).toString(), QStringLiteral("Ada Lovelace"));
    QCOMPARE(ada.value(QStringLiteral("time_zone")).toString(), QStringLiteral("Europe/London"));
    const QJsonObject skill = ada.value(QStringLiteral("matched_skills")).toArray().first().toObject();
    QCOMPARE(skill.value(QStringLiteral("name")).toString(), QStringLiteral("Kubernetes"));
    QCOMPARE(skill.value(QStringLiteral("level")).toInt(), 5);
    const QJsonObject span = skill.value(QStringLiteral("spans")).toArray().first().toObject();
    QCOMPARE(span.value(QStringLiteral("start")).toInt(), 0);
    QCOMPARE(span.value(QStringLiteral("length")).toInt(), 10);
    const QJsonObject reason = ada.value(QStringLiteral("reasons")).toArray().first().toObject();
    QCOMPARE(reason.value(QStringLiteral("field")).toString(), QStringLiteral("skill"));
    QCOMPARE(reason.value(QStringLiteral("kind")).toString(), QStringLiteral("exact"));
    const QJsonObject facets = json.value(QStringLiteral("facets")).toObject();
    const QJsonObject topDepartment = facets.value(QStringLiteral("departments")).toArray().first().toObject();
    QCOMPARE(topDepartment.value(QStringLiteral("value")).toString(), QStringLiteral("Platform"));
    QCOMPARE(topDepartment.value(QStringLiteral("count")).toInt(), 4);
}

void TestSearchCli::searchText()
{
    const Run result =
        run({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"), QStringLiteral("c++")});
    QCOMPARE(result.exitCode, 0);
    const QString out = QString::fromUtf8(result.out);
    QVERIFY2(out.contains(QLatin1String("1 person")), result.out.constData());
    QVERIFY(out.contains(QStringLiteral("Hans Müller (hmuller)")));
    QVERIFY(out.contains(QStringLiteral("C++ 4/5")));
    QVERIFY(!out.contains(QStringLiteral("Carla")));
}

void TestSearchCli::typoAndFilters()
{
    const Run typo =
        run({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"), QStringLiteral("pyhton")});
    QCOMPARE(typo.exitCode, 0);
    QVERIFY2(typo.out.startsWith("showing results for python\n"), typo.out.constData());

    // Several arguments make one query; filters with quotes survive the shell as one argument.
    const Run filtered =
        run({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"), QStringLiteral("--json"),
             QStringLiteral("engineer"), QStringLiteral("dept:\"Data Platform\"")});
    QCOMPARE(filtered.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(filtered.out).object();
    QCOMPARE(json.value(QStringLiteral("total")).toInt(), 1);
    QCOMPARE(
        json.value(QStringLiteral("results")).toArray().first().toObject().value(QStringLiteral("username")).toString(),
        QStringLiteral("ada"));
}

void TestSearchCli::everydayWords()
{
    // An alias behind a question: the understood object says how the words were read.
    const Run question = run({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"),
                              QStringLiteral("--json"), QStringLiteral("who knows tf")});
    QCOMPARE(question.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(question.out).object();
    const QJsonObject understood = json.value(QStringLiteral("understood")).toObject();
    QCOMPARE(understood.value(QStringLiteral("terms")).toArray(), QJsonArray {QStringLiteral("terraform")});
    QCOMPARE(understood.value(QStringLiteral("dropped")).toArray(),
             (QJsonArray {QStringLiteral("who"), QStringLiteral("knows")}));
    const QJsonObject alias = understood.value(QStringLiteral("aliases")).toArray().first().toObject();
    QCOMPARE(alias.value(QStringLiteral("from")).toString(), QStringLiteral("tf"));
    QCOMPARE(alias.value(QStringLiteral("to")).toString(), QStringLiteral("Terraform"));
    QVERIFY(understood.value(QStringLiteral("place")).isNull());
    QCOMPARE(json.value(QStringLiteral("partial")).toBool(), false);
    QCOMPARE(
        json.value(QStringLiteral("results")).toArray().first().toObject().value(QStringLiteral("username")).toString(),
        QStringLiteral("ravi"));
    const Run text =
        run({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"), QStringLiteral("who knows tf")});
    QVERIFY2(text.out.startsWith("understood: terraform (tf \xe2\x86\x92 Terraform) \xc2\xb7 ignored: who, knows\n"),
             text.out.constData());
    const Run available =
        run({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"), QStringLiteral("tf available now")});
    // Words that were understood are not listed as ignored.
    QVERIFY2(
        available.out.startsWith("understood: terraform (tf \xe2\x86\x92 Terraform) \xc2\xb7 available now first\n"),
        available.out.constData());
    // The lowest levels first: Tom (Kubernetes 1/5) before the others.
    const Run newTo = run({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"),
                           QStringLiteral("--json"), QStringLiteral("new to kubernetes")});
    const QJsonObject newToJson = QJsonDocument::fromJson(newTo.out).object();
    QVERIFY(newToJson.value(QStringLiteral("understood")).toObject().value(QStringLiteral("beginners_first")).toBool());
    QCOMPARE(newToJson.value(QStringLiteral("results"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("username"))
                 .toString(),
             QStringLiteral("tom"));
    const Run newToText = run(
        {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"), QStringLiteral("new to kubernetes")});
    QVERIFY2(newToText.out.startsWith("understood: kubernetes \xc2\xb7 beginners first\n"), newToText.out.constData());
    // Alternatives: each says which alias it came from; the "or" was understood.
    const Run either = run(
        {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"), QStringLiteral("who knows tf or k8s")});
    QVERIFY2(either.out.startsWith("understood: terraform (tf \xe2\x86\x92 Terraform) / kubernetes (k8s \xe2\x86\x92 "
                                   "Kubernetes) \xc2\xb7 ignored: who, knows\n"),
             either.out.constData());
    // A level in words: the line and the JSON say it.
    const Run level = run({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"),
                           QStringLiteral("terraform level 4 or higher")});
    QVERIFY2(level.out.startsWith("understood: terraform \xc2\xb7 at level 4 or above\n"), level.out.constData());
    const Run levelJson = run({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"),
                               QStringLiteral("--json"), QStringLiteral("terraform level 4")});
    const QJsonObject levelRead =
        QJsonDocument::fromJson(levelJson.out).object().value(QStringLiteral("understood")).toObject();
    QCOMPARE(levelRead.value(QStringLiteral("min_level")).toInt(), 4);
    QVERIFY(understood.value(QStringLiteral("min_level")).isNull()); // "who knows tf" asked for none
    QVERIFY(understood.value(QStringLiteral("location")).isNull()); // nor "near me"
    // "in my time zone" is this computer's (TZ): its offset now, in the line and in the JSON.
    const QByteArray zone = qgetenv("TZ");
    qputenv("TZ", "Asia/Tokyo");
    const Run mine = run(
        {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"), QStringLiteral("tf in my time zone")});
    const Run mineJson = run({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"),
                              QStringLiteral("--json"), QStringLiteral("tf in my time zone")});
    zone.isNull() ? qunsetenv("TZ") : qputenv("TZ", zone);
    QVERIFY2(mine.out.startsWith("understood: terraform (tf \xe2\x86\x92 Terraform) \xc2\xb7 in your time zone "
                                 "(UTC+09:00)\n"),
             mine.out.constData());
    QCOMPARE(QJsonDocument::fromJson(mineJson.out)
                 .object()
                 .value(QStringLiteral("understood"))
                 .toObject()
                 .value(QStringLiteral("same_time_zone"))
                 .toString(),
             QStringLiteral("UTC+09:00"));
    // "my team" needs someone signed in to this store; here no one is.
    const Run team = run(
        {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"), QStringLiteral("python in my team")});
    QCOMPARE(team.exitCode, 1);
    QVERIFY2(team.err.contains(
                 "\"my team\", \"my manager\", \"near me\" and the like need to know who you are: sign in first"),
             team.err.constData());

    // No one knows Terraform and astronomy: the closest matches, each with what it lacks.
    const Run partial = run({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"),
                             QStringLiteral("--json"), QStringLiteral("terraform astronomy")});
    QCOMPARE(partial.exitCode, 0);
    const QJsonObject closest = QJsonDocument::fromJson(partial.out).object();
    QCOMPARE(closest.value(QStringLiteral("partial")).toBool(), true);
    QVERIFY(closest.value(QStringLiteral("total")).toInt() >= 2);
    for (const QJsonValue &result : closest.value(QStringLiteral("results")).toArray())
        QCOMPARE(result.toObject().value(QStringLiteral("missing")).toArray().size(), 1);
    const Run partialText = run(
        {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"), QStringLiteral("terraform astronomy")});
    QVERIFY2(partialText.out.startsWith("No one matches all of: terraform, astronomy; closest matches\n"),
             partialText.out.constData());
    QVERIFY(partialText.out.contains("missing: astronomy"));
    // Terraform is known in Bangalore only: the place is one of what no one has all of.
    const Run partialPlace = run(
        {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"), QStringLiteral("terraform in berlin")});
    QVERIFY2(partialPlace.out.contains("No one matches all of: terraform, Berlin; closest matches\n"),
             partialPlace.out.constData());
}

void TestSearchCli::leavingOut()
{
    auto search = [this](const QStringList &words) {
        return run(QStringList {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search")} + words);
    };
    auto usernames = [](const QByteArray &json) {
        QStringList out;
        for (const QJsonValue &value :
             QJsonDocument::fromJson(json).object().value(QStringLiteral("results")).toArray())
            out.append(value.toObject().value(QStringLiteral("username")).toString());
        return out;
    };
    // Kubernetes: ada (London), hmuller, tom, kim (Berlin), ravi (Bangalore, Terraform too).
    const Run place = search({QStringLiteral("kubernetes but not in berlin")});
    QCOMPARE(place.exitCode, 0);
    QVERIFY2(place.out.startsWith("understood: kubernetes \xc2\xb7 not in Berlin\n2 people"), place.out.constData());
    const Run placeJson = search({QStringLiteral("--json"), QStringLiteral("kubernetes but not in berlin")});
    QCOMPARE(usernames(placeJson.out), (list({"ada", "ravi"})));
    const QJsonObject understood =
        QJsonDocument::fromJson(placeJson.out).object().value(QStringLiteral("understood")).toObject();
    QCOMPARE(understood.value(QStringLiteral("excluded_places")).toArray(), QJsonArray {QStringLiteral("Berlin")});
    QVERIFY(understood.value(QStringLiteral("dropped")).toArray().isEmpty()); // "but not" was understood

    const Run word = search({QStringLiteral("--json"), QStringLiteral("kubernetes -tf")});
    QCOMPARE(usernames(word.out), (list({"ada", "kim", "hmuller", "tom"})));
    QCOMPARE(QJsonDocument::fromJson(word.out)
                 .object()
                 .value(QStringLiteral("understood"))
                 .toObject()
                 .value(QStringLiteral("excluded"))
                 .toArray(),
             QJsonArray {QStringLiteral("Terraform")});
    const Run wordText = search({QStringLiteral("kubernetes -tf")});
    QVERIFY2(wordText.out.startsWith("understood: kubernetes \xc2\xb7 not Terraform\n"), wordText.out.constData());

    // A query that starts with "-" is no option after "--"; before it, it is one, and the usage says so.
    const Run alone = search({QStringLiteral("--json"), QStringLiteral("--"), QStringLiteral("-kubernetes")});
    QCOMPARE(alone.exitCode, 0);
    const QStringList others = usernames(alone.out);
    QVERIFY(others.contains(QStringLiteral("zoe")));
    QVERIFY(!others.contains(QStringLiteral("ada")));
    const Run asOption = search({QStringLiteral("-kubernetes")});
    QCOMPARE(asOption.exitCode, 2);
    QVERIFY2(asOption.err.contains("Unknown option 'kubernetes'") && asOption.err.contains("[--] QUERY"),
             asOption.err.constData());
    // What cannot be left out is said, in the JSON's error and on standard error.
    const Run team = search({QStringLiteral("--"), QStringLiteral("kubernetes -team:ada")});
    QVERIFY2(team.err.contains("left out"), team.err.constData());
}

void TestSearchCli::reportsToSomeone()
{
    auto search = [this](const QString &query, bool json = false) {
        QStringList arguments {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"), query};
        if (json)
            arguments.append(QStringLiteral("--json"));
        return run(arguments);
    };
    // Hans Müller's direct reports: ravi, tom, kim.
    const Run text = search(QStringLiteral("who reports to hans muller"));
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.startsWith("understood: reporting to Hans M\xc3\xbcller \xc2\xb7 ignored: who\n3 people"),
             text.out.constData());
    const Run json = search(QStringLiteral("kubernetes folks working for hans"), true);
    const QJsonObject page = QJsonDocument::fromJson(json.out).object();
    const QJsonObject understood = page.value(QStringLiteral("understood")).toObject();
    QCOMPARE(understood.value(QStringLiteral("team")).toString(), QStringLiteral("reports_of"));
    QCOMPARE(understood.value(QStringLiteral("manager")).toString(), QStringLiteral("Hans M\u00fcller"));
    QCOMPARE(page.value(QStringLiteral("total")).toInt(), 3);
    // Two Alexes, neither of whom anyone reports to: both named, and how to say which.
    const Run two = search(QStringLiteral("who works for alex"));
    QCOMPARE(two.exitCode, 1);
    QVERIFY2(two.err.contains("2 people called \"alex\": Alex Able (able, Quality), Alex Baker (baker, Quality); "
                              "say more of the name, or use reports:USERNAME"),
             two.err.constData());
    // Their team, when neither manages: no team: filter would say which, their username does.
    const Run alexes = search(QStringLiteral("alex's team"));
    QCOMPARE(alexes.exitCode, 1);
    QVERIFY2(alexes.err.contains("2 people called \"alex\": Alex Able (able, Quality), Alex Baker (baker, Quality); "
                                 "say more of the name, or use their username"),
             alexes.err.constData());
    // Someone's people, by their name as a possessive: the line says whose.
    const Run peers = search(QStringLiteral("kim's peers"));
    QCOMPARE(peers.exitCode, 0);
    QVERIFY2(peers.out.startsWith("understood: Kim Expert's peers (Hans M\xc3\xbcller's reports)\n2 people"),
             peers.out.constData());
    const Run boss = search(QStringLiteral("who is kim's manager"));
    QVERIFY2(boss.out.startsWith("understood: Kim Expert's manager (Hans M\xc3\xbcller) \xc2\xb7 ignored: who, is\n1 "
                                 "person"),
             boss.out.constData());
    const Run team = search(QStringLiteral("ada's team"), true);
    const QJsonObject teamOf = QJsonDocument::fromJson(team.out).object();
    QCOMPARE(teamOf.value(QStringLiteral("understood")).toObject().value(QStringLiteral("team")).toString(),
             QStringLiteral("team_of"));
    QCOMPARE(teamOf.value(QStringLiteral("total")).toInt(), 5); // hmuller, priya; ravi, tom, kim
    QVERIFY2(search(QStringLiteral("ada's team")).out.startsWith("understood: in Ada Lovelace's team\n5 people"),
             team.out.constData());
    // Who leads what was found: who has the most of it under them first, and how many.
    const Run leaders = search(QStringLiteral("who leads platform"));
    QVERIFY2(leaders.out.startsWith("understood: platform \xc2\xb7 leaders first \xc2\xb7 ignored: who\n6 people"),
             leaders.out.constData());
    QVERIFY2(leaders.out.contains("  1. Ada Lovelace (ada) \xe2\x80\x94 Principal Engineer \xc2\xb7 Data Platform "
                                  "\xc2\xb7 London\n     leads 5 of these; matched: department\n  2. Hans"),
             leaders.out.constData());
    // Who is out of office now: no one has a status here.
    const Run away = search(QStringLiteral("who is out of office"));
    QVERIFY2(away.out.startsWith("understood: out of office now \xc2\xb7 ignored: who, is\n0 people"),
             away.out.constData());
    // Whose manager's manager: the signed-in account's; no one is signed in here.
    const Run skip = search(QStringLiteral("my skip level"));
    QCOMPARE(skip.exitCode, 1);
    QVERIFY2(skip.err.contains("sign in first"), skip.err.constData());
}

void TestSearchCli::help()
{
    const Run help = run({QStringLiteral("search"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *text : {"skill:", "dept:", "location:", "level>=", "--limit", "--json", "--data-dir"})
        QVERIFY2(help.out.contains(text), text);
    const Run importHelp = run({QStringLiteral("import-csv"), QStringLiteral("--help")});
    QCOMPARE(importHelp.exitCode, 0);
    QVERIFY(importHelp.out.contains("display_name"));

    // The app's own help, version and a mistyped option open no window, so need no display either.
    const Run appHelp = run({QStringLiteral("--help")});
    QVERIFY2(appHelp.exitCode == 0, appHelp.err.constData());
    for (const char *text : {"--data-dir", "search QUERY", "export-vcard", "login --server"})
        QVERIFY2(appHelp.out.contains(text), text);
    const Run version = run({QStringLiteral("--version")});
    QVERIFY2(version.exitCode == 0, version.err.constData());
    QVERIFY2(version.out.startsWith("colleagues "), version.out.constData());
    const Run mistyped = run({QStringLiteral("--frobnicate")});
    QCOMPARE(mistyped.exitCode, 1);
    QVERIFY2(mistyped.err.contains("Unknown option 'frobnicate'"), mistyped.err.constData());
    QVERIFY2(!mistyped.err.contains("platform plugin"), mistyped.err.constData());
    // The window itself says in a sentence why it cannot open.
    const Run window = run({QStringLiteral("--data-dir"), m_dir.path()});
    QCOMPARE(window.exitCode, 1);
    QVERIFY2(window.err.contains("there is no display"), window.err.constData());
    QVERIFY2(!window.err.contains("platform plugin"), window.err.constData());
}

void TestSearchCli::usageErrors()
{
    QCOMPARE(run({QStringLiteral("search"), QStringLiteral("--limit"), QStringLiteral("x"), QStringLiteral("a"),
                  QStringLiteral("--data-dir"), m_dir.path()})
                 .exitCode,
             2);
    QCOMPARE(run({QStringLiteral("search"), QStringLiteral("--bogus")}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("import-csv"), QStringLiteral("--data-dir"), m_dir.path()}).exitCode, 2);
    const Run missing = run({QStringLiteral("import-csv"), QStringLiteral("/nonexistent/file.csv"),
                             QStringLiteral("--data-dir"), m_dir.path()});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("cannot read"));
}

void TestSearchCli::importBadRows()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("people.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("username,display_name,skills\n"
               "good,Good Person,Rust:4\n"
               "bad,Bad Person,Rust:9\n");
    file.close();
    const Run result = run({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("import-csv"), csv});
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.out.contains("imported 1 profile"), result.out.constData());
    QVERIFY2(result.err.contains(":3:"), result.err.constData());
    const Run found = run({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("search"), QStringLiteral("rust"),
                           QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(found.out).object().value(QStringLiteral("total")).toInt(), 1);
}

void TestSearchCli::exportVCardMatchesTheDirectory()
{
    // The fixture as read by the CSV reader is the reference each card is checked against.
    QFile fixture(FixtureDirectory::path());
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const ProfileCsvResult csv = readProfileCsv(&fixture);
    QVERIFY(csv.errors.isEmpty());
    QHash<QString, Profile> byName;
    for (const Profile &p : csv.profiles)
        byName.insert(p.displayName, p);

    const QString file = m_dir.filePath(QStringLiteral("kubernetes.vcf"));
    const Run exported = run({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("export-vcard"),
                              QStringLiteral("skill:kubernetes"), QStringLiteral("--output"), file});
    QCOMPARE(exported.exitCode, 0);
    const Run searched = run({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("search"),
                              QStringLiteral("skill:kubernetes"), QStringLiteral("--json")});
    const QJsonArray results = QJsonDocument::fromJson(searched.out).object().value(u"results"_qs).toArray();
    QVERIFY(results.size() >= 2);
    QVERIFY2(exported.err.contains(QByteArray("wrote ") + QByteArray::number(results.size()) + " contacts"),
             exported.err.constData());

    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const VCardFile cards = VCardFile::parse(written.readAll());
    QVERIFY2(cards.problems.isEmpty(), qPrintable(cards.problems.join(u'\n')));
    QCOMPARE(cards.cards.size(), results.size());
    for (qsizetype i = 0; i < cards.cards.size(); ++i) {
        const VCardContact &card = cards.cards[i];
        // In the search's order, and every field as the directory has it.
        QCOMPARE(card.text(u"FN"_qs), results[i].toObject().value(u"display_name"_qs).toString());
        const Profile expected = byName.value(card.text(u"FN"_qs));
        QVERIFY(!expected.username.isEmpty());
        QCOMPARE(card.text(u"TITLE"_qs), expected.title);
        QCOMPARE(card.all(u"ORG"_qs).value(0).components().value(1), expected.department);
        QCOMPARE(card.text(u"EMAIL"_qs), expected.email);
        QCOMPARE(card.text(u"TEL"_qs), expected.phone);
        QCOMPARE(card.all(u"ADR"_qs).value(0).components().value(3), expected.location);
        QCOMPARE(card.text(u"TZ"_qs), expected.timeZone);
        QCOMPARE(card.text(u"NOTE"_qs), expected.bio);
        QStringList skills;
        for (const VCardProperty &p : card.all(u"EXPERTISE"_qs))
            skills.append(p.text() + u':' + p.param(u"LEVEL"_qs).value(0));
        QStringList expectedSkills;
        for (const Skill &s : expected.skills)
            expectedSkills.append(s.name + u':' + expertiseLevel(s.level));
        QCOMPARE(skills, expectedSkills);
        QStringList interests;
        for (const VCardProperty &p : card.all(u"INTEREST"_qs))
            interests.append(p.text());
        QCOMPARE(interests, expected.interests);
    }
}

void TestSearchCli::exportVCardOfOnePerson()
{
    // A username means that person; without --output the card goes to standard output.
    const Run one =
        run({QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("export-vcard"), QStringLiteral("zoe")});
    QCOMPARE(one.exitCode, 0);
    const VCardFile cards = VCardFile::parse(one.out);
    QVERIFY2(cards.problems.isEmpty(), qPrintable(cards.problems.join(u'\n')));
    QCOMPARE(cards.cards.size(), 1);
    QCOMPARE(cards.cards.first().text(u"FN"_qs), QStringLiteral("Zoë Martin"));
    QVERIFY(one.err.isEmpty());
}

void TestSearchCli::exportVCardErrors()
{
    const auto exportVCard = [this](QStringList arguments) {
        return run(QStringList {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("export-vcard")}
                   + arguments);
    };
    const Run noQuery = exportVCard({});
    QCOMPARE(noQuery.exitCode, 2);
    QVERIFY2(noQuery.err.contains("give a search"), noQuery.err.constData());
    const Run nobody = exportVCard({QStringLiteral("dept:\"No Such Department\"")});
    QCOMPARE(nobody.exitCode, 1);
    QVERIFY2(nobody.err.contains("no one matches"), nobody.err.constData());
    QVERIFY(nobody.out.isEmpty());
    QCOMPARE(exportVCard({QStringLiteral("ada"), QStringLiteral("--limit"), QStringLiteral("0")}).exitCode, 2);
    const Run unwritable =
        exportVCard({QStringLiteral("ada"), QStringLiteral("--output"), QStringLiteral("/nonexistent/dir/ada.vcf")});
    QCOMPARE(unwritable.exitCode, 1);
    QVERIFY2(unwritable.err.contains("cannot write /nonexistent/dir/ada.vcf"), unwritable.err.constData());
}

QTEST_GUILESS_MAIN(TestSearchCli)
#include "tst_searchcli.moc"
