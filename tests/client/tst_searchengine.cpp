// SPDX-License-Identifier: MIT
// Search engine behaviour beyond ranking: facets, paging, match reasons and spans,
// corrections, facet selections, the empty query and errors.

#include "client/ClientStore.h"
#include "client/search/SearchEngine.h"
#include "tests/support/FixtureDirectory.h"
#include "tests/support/List.h"
#include "tests/support/SearchDirectory.h"
#include "tests/support/TestData.h"

#include <algorithm>

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Test;

namespace {

const MatchReason *reason(const SearchResult &result, const QString &field, const QString &value = QString())
{
    for (const MatchReason &r : result.reasons) {
        if (r.field == field && (value.isEmpty() || r.value == value))
            return &r;
    }
    return nullptr;
}

const SearchResult *find(const SearchPage &page, const QString &username)
{
    for (const SearchResult &r : page.results) {
        if (r.username == username)
            return &r;
    }
    return nullptr;
}

//! Where two answers to one query differ (empty when they do not): totals, facets, corrections
//! and every result's id and score.
QString difference(const SearchPage &a, const SearchPage &b)
{
    if (a.total != b.total || a.results.size() != b.results.size())
        return QStringLiteral("\"%1\": %2 vs %3 results").arg(a.query).arg(a.total).arg(b.total);
    if (a.departments != b.departments || a.locations != b.locations)
        return QStringLiteral("\"%1\": facets differ").arg(a.query);
    if (a.correctedQuery != b.correctedQuery || a.understood.terms != b.understood.terms)
        return QStringLiteral("\"%1\": read as \"%2\" vs \"%3\"").arg(a.query, a.correctedQuery, b.correctedQuery);
    for (qsizetype i = 0; i < a.results.size(); ++i) {
        if (a.results[i].id != b.results[i].id || a.results[i].score != b.results[i].score)
            return QStringLiteral("\"%1\": result %2 differs").arg(a.query).arg(i);
    }
    return QString();
}

const QStringList &sampleQueries()
{
    static const QStringList queries {QStringLiteral("k"),
                                      QStringLiteral("gr"),
                                      QStringLiteral("ada lo"),
                                      QStringLiteral("data platform"),
                                      QStringLiteral("kubernets"),
                                      QStringLiteral("e"),
                                      QStringLiteral("skill:zig"),
                                      QStringLiteral("level>=4 py"),
                                      QStringLiteral("who knows tf"),
                                      QStringLiteral("")};
    return queries;
}

Profile grace()
{
    Profile grace;
    grace.username = QStringLiteral("kgrace");
    grace.displayName = QStringLiteral("Grace Kowalczyk");
    grace.title = QStringLiteral("Quantum Wrangler");
    grace.department = QStringLiteral("Zymurgy");
    grace.location = QStringLiteral("Oslo");
    grace.timeZone = QStringLiteral("Europe/Oslo");
    grace.email = QStringLiteral("kgrace@example.com");
    grace.skills = {Skill {QStringLiteral("Zig"), 5}};
    return grace;
}

//! Someone else in Grace's place: her profile with another username and name.
Profile graceLike(const char *username, const char *displayName)
{
    Profile other = grace();
    other.username = QString::fromLatin1(username);
    other.displayName = QString::fromLatin1(displayName);
    return other;
}

//! The fixture directory, searched on one connection while another writes it (as the app
//! searches while sync writes).
struct SharedDirectory
{
    bool open() { return FixtureDirectory::load(searched, dir.path()) && engine.prepare() && writer.open(dir.path()); }

    QTemporaryDir dir;
    ClientStore searched;
    SearchEngine engine {&searched};
    ClientStore writer;
};

} // namespace

class TestSearchEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void facetsCountAllResults();
    void facetSelection();
    void paging();
    void emptyQueryListsEveryone();
    void deterministic();
    void reasonsAndSpans_data();
    void reasonsAndSpans();
    void skillFilterIsAReason();
    void corrections();
    void pluralCorrections();
    void wordStartCorrections();
    void lightRows();
    void queryErrors();
    void availableFirst();
    void outOfOffice();
    void json();
    void storeNotOpen();
    void followsOtherConnections();
    void wholeWordsFindLongerWordsAddedSince();
    void emailAddressesFindTheirPeople();
    void phoneNumbersFindTheirPeople();
    void typingOnNarrows_data();
    void typingOnNarrows();
    void loadsInSteps();
    void startsFromTheSavedTable();

private:
    QTemporaryDir m_dir;
    ClientStore m_store;
    std::unique_ptr<SearchEngine> m_engine;
};

void TestSearchEngine::initTestCase()
{
    QVERIFY(FixtureDirectory::load(m_store, m_dir.path()));
    m_engine = std::make_unique<SearchEngine>(&m_store);
    QVERIFY(m_engine->prepare());
}

void TestSearchEngine::facetsCountAllResults()
{
    const SearchPage all = m_engine->search(QStringLiteral("engineer"), 0, 1000);
    const SearchPage first = m_engine->search(QStringLiteral("engineer"), 0, 2);
    QCOMPARE(first.results.size(), 2);
    QCOMPARE(first.total, all.total);
    QVERIFY(all.total > 2);
    QHash<QString, int> departments;
    QHash<QString, int> locations;
    for (const SearchResult &r : all.results) {
        ++departments[r.department];
        ++locations[r.location];
    }
    QCOMPARE(first.departments.size(), departments.size());
    for (const FacetCount &facet : first.departments)
        QCOMPARE(facet.count, departments.value(facet.value));
    for (const FacetCount &facet : first.locations)
        QCOMPARE(facet.count, locations.value(facet.value));
    // Most first, then by name.
    QCOMPARE(first.departments.first(), (FacetCount {QStringLiteral("Platform"), 4}));
    for (qsizetype i = 1; i < first.departments.size(); ++i) {
        const FacetCount &a = first.departments[i - 1];
        const FacetCount &b = first.departments[i];
        QVERIFY(a.count > b.count || (a.count == b.count && a.value < b.value));
    }
}

void TestSearchEngine::facetSelection()
{
    SearchRequest request;
    request.query = QStringLiteral("engineer");
    request.departments = {QStringLiteral("Platform")};
    const SearchPage page = m_engine->search(request);
    QCOMPARE(page.total, 4);
    for (const SearchResult &r : page.results)
        QCOMPARE(r.department, QStringLiteral("Platform"));
    // The department facet still offers the other departments (it ignores its own selection);
    // the location facet counts only the selected department.
    QVERIFY(page.departments.size() > 1);
    int locationSum = 0;
    for (const FacetCount &facet : page.locations)
        locationSum += facet.count;
    QCOMPARE(locationSum, 4);

    request.locations = {QStringLiteral("Bangalore")};
    const SearchPage both = m_engine->search(request);
    QCOMPARE(both.total, 1);
    QCOMPARE(both.results.first().username, QStringLiteral("ravi"));
}

void TestSearchEngine::paging()
{
    const SearchPage all = m_engine->search(QString(), 0, 100);
    QCOMPARE(all.total, 20);
    QVERIFY(!all.hasMore());
    QStringList paged;
    for (int offset = 0; offset < all.total; offset += 6) {
        const SearchPage page = m_engine->search(QString(), offset, 6);
        QCOMPARE(page.offset, offset);
        QCOMPARE(page.total, all.total);
        QCOMPARE(page.hasMore(), offset + 6 < all.total);
        paged.append(Test::usernames(page));
    }
    QCOMPARE(paged, Test::usernames(all));
    QCOMPARE(m_engine->search(QString(), 100, 10).results.size(), 0);
}

void TestSearchEngine::emptyQueryListsEveryone()
{
    const SearchPage page = m_engine->search(QString(), 0, 3);
    QCOMPARE(page.total, 20);
    // By name: Ada Lovelace, Alex Able, Alex Baker.
    QCOMPARE(page.results.at(0).username, QStringLiteral("ada"));
    QCOMPARE(page.results.at(1).username, QStringLiteral("able"));
    QCOMPARE(page.results.at(2).username, QStringLiteral("baker"));
    int sum = 0;
    for (const FacetCount &facet : page.departments)
        sum += facet.count;
    QCOMPARE(sum, 20);
}

void TestSearchEngine::deterministic()
{
    for (const char *query : {"a", "e", "engineer", "berlin", "c"}) {
        const SearchPage one = m_engine->search(QString::fromLatin1(query), 0, 100);
        m_engine->invalidate();
        const SearchPage two = m_engine->search(QString::fromLatin1(query), 0, 100);
        QCOMPARE(one.results.size(), two.results.size());
        for (qsizetype i = 0; i < one.results.size(); ++i) {
            QCOMPARE(one.results[i].id, two.results[i].id);
            QCOMPARE(one.results[i].score, two.results[i].score);
        }
    }
}

void TestSearchEngine::reasonsAndSpans_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("length");

    QTest::addRow("prefix of a skill") << "kube"
                                       << "kim"
                                       << "skill"
                                       << "Kubernetes"
                                       << "prefix" << 0 << 4;
    QTest::addRow("folded name") << "muller"
                                 << "hmuller"
                                 << "name"
                                 << ""
                                 << "exact" << 5 << 6;
    QTest::addRow("name prefix with accent") << "mul"
                                             << "hmuller"
                                             << "name"
                                             << ""
                                             << "prefix" << 5 << 3;
    QTest::addRow("symbol skill") << "node.js"
                                  << "nadia"
                                  << "skill"
                                  << "Node.js"
                                  << "exact" << 0 << 7;
    QTest::addRow("c++ in a skill") << "c++"
                                    << "hmuller"
                                    << "skill"
                                    << "C++"
                                    << "exact" << 0 << 3;
    QTest::addRow(".net in a title") << ".net"
                                     << "chen"
                                     << "title"
                                     << ""
                                     << "exact" << 0 << 4;
    QTest::addRow("location") << "sa"
                              << "carla"
                              << "location"
                              << ""
                              << "prefix" << 0 << 2;
    QTest::addRow("whole word with accent") << "sao"
                                            << "carla"
                                            << "location"
                                            << ""
                                            << "exact" << 0 << 3;
    QTest::addRow("interest") << "astro"
                              << "priya"
                              << "interest"
                              << "astronomy"
                              << "prefix" << 0 << 5;
    QTest::addRow("bio word") << "slide"
                              << "pat"
                              << "bio"
                              << ""
                              << "exact" << 28 << 5;
    QTest::addRow("corrected") << "pyhton"
                               << "priya"
                               << "skill"
                               << "Python"
                               << "corrected" << 0 << 6;
    QTest::addRow("part of a word") << "js"
                                    << "nadia"
                                    << "skill"
                                    << "Node.js"
                                    << "exact" << 0 << 7;
}

void TestSearchEngine::reasonsAndSpans()
{
    QFETCH(QString, query);
    QFETCH(QString, username);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, kind);
    QFETCH(int, start);
    QFETCH(int, length);
    const SearchPage page = m_engine->search(query, 0, 100);
    const SearchResult *result = find(page, username);
    QVERIFY(result);
    const MatchReason *why = reason(*result, field, value);
    QVERIFY2(why, qPrintable(QStringLiteral("no %1 reason").arg(field)));
    QCOMPARE(kindName(why->kind), kind);
    QVERIFY(!why->spans.isEmpty());
    QCOMPARE(why->spans.first(), (MatchSpan {start, length}));
    QVERIFY(!why->terms.isEmpty());
    if (field == QLatin1String("skill")) {
        QVERIFY(!result->matchedSkills.isEmpty());
        QCOMPARE(result->matchedSkills.first().name, value);
        QVERIFY(result->matchedSkills.first().level >= 1);
    }
}

void TestSearchEngine::skillFilterIsAReason()
{
    const SearchPage page = m_engine->search(QStringLiteral("skill:rust"));
    QCOMPARE(page.total, 1);
    const SearchResult &hans = page.results.first();
    QCOMPARE(hans.matchedSkills.size(), 1);
    QCOMPARE(hans.matchedSkills.first().name, QStringLiteral("Rust"));
    QCOMPARE(hans.matchedSkills.first().level, 5);
    const MatchReason *why = reason(hans, QStringLiteral("skill"), QStringLiteral("Rust"));
    QVERIFY(why);
    QCOMPARE(why->kind, MatchReason::Kind::Filter);

    const SearchPage dept = m_engine->search(QStringLiteral("dept:\"data platform\""));
    QCOMPARE(dept.total, 2);
    QVERIFY(reason(dept.results.first(), QStringLiteral("department")));
}

void TestSearchEngine::corrections()
{
    const SearchPage typo = m_engine->search(QStringLiteral("pyhton"));
    QCOMPARE(typo.corrections.size(), 1);
    QCOMPARE(typo.corrections.first().term, QStringLiteral("pyhton"));
    QCOMPARE(typo.corrections.first().correction, QStringLiteral("python"));
    QVERIFY(!typo.corrections.first().exactAlsoFound);
    QCOMPARE(typo.correctedQuery, QStringLiteral("python"));

    const SearchPage both = m_engine->search(QStringLiteral("kubernets"));
    QCOMPARE(both.corrections.size(), 1);
    QVERIFY(both.corrections.first().exactAlsoFound);
    // The exact match is in a higher tier than every corrected one.
    QCOMPARE(both.results.first().username, QStringLiteral("pat"));
    QVERIFY(both.results.first().score > both.results.at(1).score);

    QVERIFY(m_engine->search(QStringLiteral("python")).corrections.isEmpty());
    QVERIFY(m_engine->search(QStringLiteral("c++")).corrections.isEmpty());
}

void TestSearchEngine::pluralCorrections()
{
    // Internal auditors, no intern; two product managers, many bios about management (a word
    // that "managrs" starts as near as "manager" is); platform engineers, one bio that says
    // "engineers"; Kubernetes.
    QList<Profile> people;
    auto add = [&](const QString &username, const QString &title, const QString &bio, const QString &skill) {
        Profile p = Test::orgPerson(username, QString());
        p.title = title;
        p.bio = bio;
        if (!skill.isEmpty())
            p.skills.append(Skill {skill, 3});
        people.append(p);
    };
    for (int i = 0; i < 6; ++i)
        add(u"audit%1"_qs.arg(i), u"Internal Auditor"_qs, QString(), u"Internal audit"_qs);
    add(u"pm1"_qs, u"Product Manager"_qs, QString(), QString());
    add(u"pm2"_qs, u"Product Manager"_qs, QString(), QString());
    for (int i = 0; i < 8; ++i)
        add(u"ops%1"_qs.arg(i), u"Analyst"_qs, u"Risk management and vendor management."_qs, QString());
    for (int i = 0; i < 3; ++i)
        add(u"platform%1"_qs.arg(i), u"Platform Engineer"_qs, QString(), u"Kubernetes"_qs);
    add(u"mentor"_qs, u"Coach"_qs, u"Mentors new engineers."_qs, QString());
    Test::SearchDirectory directory;
    QVERIFY(directory.open(people));
    auto search = [&](const QString &query) { return directory.engine->search(query, 0, 100); };

    // A plural whose singular starts a longer word is not that word misspelt.
    const SearchPage interns = search(u"interns"_qs);
    QVERIFY2(interns.corrections.isEmpty(), qPrintable(interns.correctedQuery));
    QCOMPARE(interns.total, 0);
    // It may be the other plural misspelt.
    const SearchPage kubernetes = search(u"kubernets"_qs);
    QCOMPARE(kubernetes.correctedQuery, u"kubernetes"_qs);
    QCOMPARE(kubernetes.total, 3);
    // As near a whole word as the start of a longer one: the whole word.
    const SearchPage managers = search(u"managrs"_qs);
    QCOMPARE(managers.correctedQuery, u"manager"_qs);
    QStringList found = Test::usernames(managers);
    found.sort();
    QCOMPARE(found, (QStringList {u"pm1"_qs, u"pm2"_qs}));
    // A plural it is corrected to finds its singular too, as a typed one does.
    const SearchPage engineers = search(u"enginers"_qs);
    QCOMPARE(engineers.correctedQuery, u"engineers"_qs);
    found = Test::usernames(engineers);
    found.sort();
    QCOMPARE(found, (QStringList {u"mentor"_qs, u"platform0"_qs, u"platform1"_qs, u"platform2"_qs}));
}

void TestSearchEngine::wordStartCorrections()
{
    // Leaders and coaches, no one who leases; one person who answers requests.
    QList<Profile> people;
    for (int i = 0; i < 6; ++i) {
        Profile p = Test::orgPerson(u"lead%1"_qs.arg(i), QString());
        p.title = u"Team Lead"_qs;
        p.bio = u"Leadership coaching."_qs;
        people.append(p);
    }
    Profile hr = Test::orgPerson(u"hr"_qs, QString());
    hr.title = u"People Partner"_qs;
    hr.bio = u"Answers requests about pay."_qs;
    people.append(hr);
    Test::SearchDirectory directory;
    QVERIFY(directory.open(people));
    auto search = [&](const QString &query) { return directory.engine->search(query, 0, 100); };

    // The word being typed may be the start of a longer word misspelt ("lease": the "leade" of
    // "leadership").
    QCOMPARE(search(u"lease"_qs).correctedQuery, u"leadership"_qs);
    // A word with a space or another word after it is typed in full: only a whole word is its
    // correction, and there is none.
    for (const QString &query : {u"lease "_qs, u"lease requests"_qs, u"on lease requests"_qs, u"lease please"_qs}) {
        const SearchPage page = search(query);
        QVERIFY2(page.corrections.isEmpty(), qPrintable(query + u" → "_qs + page.correctedQuery));
    }
    // The last word still is: "requests lease".
    QCOMPARE(search(u"requests lease"_qs).correctedQuery, u"requests leadership"_qs);
}

void TestSearchEngine::lightRows()
{
    const SearchPage page = m_engine->search(QStringLiteral("ada lovelace"));
    QCOMPARE(page.total, 1);
    const SearchResult &ada = page.results.first();
    QCOMPARE(ada.displayName, QStringLiteral("Ada Lovelace"));
    QCOMPARE(ada.title, QStringLiteral("Principal Engineer"));
    QCOMPARE(ada.department, QStringLiteral("Data Platform"));
    QCOMPARE(ada.location, QStringLiteral("London"));
    QCOMPARE(ada.timeZone, QStringLiteral("Europe/London"));
    QVERIFY(!ada.id.isEmpty());
    const auto profile = m_engine->profile(ada.id);
    QVERIFY(profile);
    QCOMPARE(profile->email, QStringLiteral("ada@example.com"));
    QCOMPARE(profile->skills.size(), 3);
    QCOMPARE(profile->interests, (list({"mathematics", "poetry"})));
}

void TestSearchEngine::queryErrors()
{
    const SearchPage page = m_engine->search(QStringLiteral("kubernetes level>=7"));
    QVERIFY(!page.error.isEmpty());
    QVERIFY(page.total > 0); // the rest of the query still runs
    // Quotes and FTS5 syntax characters in a query are only text.
    QCOMPARE(m_engine->search(QStringLiteral("\"kubernetes")).total, 5);
    QCOMPARE(m_engine->search(QStringLiteral("kubernetes OR NOT (ruby) NEAR *")).error, QString());
    QCOMPARE(m_engine->search(QStringLiteral("{title}: ^x")).error, QString());
}

void TestSearchEngine::availableFirst()
{
    // Statuses as sync stores them: one row per person who has one.
    auto setStatus = [this](const QString &username, const QString &presence, const QString &availability) {
        QSqlQuery q(m_store.database());
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO statuses(username, presence, availability, json) "
                                 "VALUES(?, ?, ?, '{}')"));
        q.addBindValue(username);
        q.addBindValue(presence);
        q.addBindValue(availability);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    };
    const SearchPage plain = m_engine->search(QStringLiteral("kubernetes"), 0, 100);
    QCOMPARE(plain.total, 5);
    QVERIFY(!plain.understood.availableFirst);
    const QString last = plain.results.last().username;
    const QString second = plain.results.at(1).username;
    // The last one is online and available; the second online but on do-not-disturb; the first
    // available but away (not online): only the last one is available now.
    setStatus(last, QStringLiteral("online"), QStringLiteral("available"));
    setStatus(second, QStringLiteral("online"), QStringLiteral("dnd"));
    setStatus(plain.results.first().username, QStringLiteral("away"), QStringLiteral("available"));

    const SearchPage preferred = m_engine->search(QStringLiteral("kubernetes available:yes"), 0, 100);
    QCOMPARE(preferred.error, QString());
    QVERIFY(preferred.understood.availableFirst);
    QCOMPARE(preferred.total, plain.total); // no one is hidden
    QCOMPARE(preferred.results.first().username, last);
    QVERIFY(preferred.results.first().availableNow);
    // The others keep their order after them.
    QStringList rest;
    for (qsizetype i = 1; i < preferred.results.size(); ++i) {
        QVERIFY(!preferred.results[i].availableNow);
        rest.append(preferred.results[i].username);
    }
    QStringList plainRest;
    for (const SearchResult &r : plain.results) {
        if (r.username != last)
            plainRest.append(r.username);
    }
    QCOMPARE(rest, plainRest);
    // The available: word is not searched for.
    QCOMPARE(preferred.understood.terms, plain.understood.terms);

    // The People page's toggle does the same as the filter.
    SearchRequest request;
    request.query = QStringLiteral("kubernetes");
    request.limit = 100;
    request.preferAvailable = true;
    const SearchPage toggled = m_engine->search(request);
    QVERIFY(toggled.understood.availableFirst);
    QCOMPARE(toggled.results.first().username, last);
    // So do words that ask for it, which are not searched for.
    const SearchPage asked = m_engine->search(QStringLiteral("kubernetes available right now"), 0, 100);
    QVERIFY(asked.understood.availableFirst);
    QCOMPARE(asked.understood.terms, plain.understood.terms);
    QCOMPARE(asked.total, plain.total);
    QCOMPARE(asked.results.first().username, last);

    // A status change is seen by the next query, without a directory change.
    setStatus(last, QStringLiteral("online"), QStringLiteral("out_of_office"));
    setStatus(second, QStringLiteral("online"), QStringLiteral("available"));
    const SearchPage after = m_engine->search(QStringLiteral("kubernetes available:yes"), 0, 100);
    QCOMPARE(after.results.first().username, second);
    QCOMPARE(after.results.last().username, last);

    // Alone, it lists everyone, available first; "no" asks for nothing; anything else is explained.
    const SearchPage everyone = m_engine->search(QStringLiteral("available:yes"), 0, 100);
    QCOMPARE(everyone.total, 20);
    QCOMPARE(everyone.results.first().username, second);
    const SearchPage everyoneAsked = m_engine->search(QStringLiteral("who is available now"), 0, 100);
    QCOMPARE(everyoneAsked.total, 20);
    QCOMPARE(everyoneAsked.results.first().username, second);
    QVERIFY(!m_engine->search(QStringLiteral("kubernetes available:no")).understood.availableFirst);
    QVERIFY(m_engine->search(QStringLiteral("kubernetes available:maybe")).error.contains(QLatin1String("available:")));

    // Without the toggle, the order is the plain one again.
    const SearchPage unsorted = m_engine->search(QStringLiteral("kubernetes"), 0, 100);
    QCOMPARE(unsorted.results.last().username, last);
    QSqlQuery(m_store.database()).exec(QStringLiteral("DELETE FROM statuses"));
}

void TestSearchEngine::outOfOffice()
{
    auto setAvailability = [this](const QString &username, const QString &availability) {
        QSqlQuery q(m_store.database());
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO statuses(username, presence, availability, json) "
                                 "VALUES(?, 'offline', ?, '{}')"));
        q.addBindValue(username);
        q.addBindValue(availability);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    };
    const SearchPage plain = m_engine->search(QStringLiteral("kubernetes"), 0, 100);
    QCOMPARE(plain.total, 5);
    const QString away = plain.results.at(1).username;
    setAvailability(away, QStringLiteral("out_of_office"));
    setAvailability(plain.results.at(2).username, QStringLiteral("dnd"));
    // Only who is out of office now; the words are not searched for.
    for (const char *query : {"kubernetes out of office", "who knows kubernetes and is on leave",
                              "wer kennt kubernetes und ist im urlaub", "who knows kubernetes and is out sick",
                              "kubernetes on parental leave", "wer kennt kubernetes und ist krank"}) {
        const SearchPage page = m_engine->search(QString::fromUtf8(query), 0, 100);
        QCOMPARE(page.error, QString());
        QCOMPARE(page.understood.outOfOffice, std::optional<bool>(true));
        QCOMPARE(page.understood.terms, plain.understood.terms);
        QCOMPARE(Test::usernames(page), QStringList {away});
    }
    // Alone: everyone out of office. Negated: everyone else.
    for (const char *query :
         {"who is out of office", "who is out", "who's off today", "who is out this week", "who is on pto",
          "who is away", "who is away now", "off right now", "who is away at the moment", "out currently"})
        QCOMPARE(Test::usernames(m_engine->search(QString::fromUtf8(query), 0, 100)), QStringList {away});
    // Before such a phrase a word for people asks for no department ("people off today").
    const SearchPage people = m_engine->search(QStringLiteral("kubernetes people off today"), 0, 100);
    QCOMPARE(people.understood.terms, plain.understood.terms);
    QCOMPARE(Test::usernames(people), QStringList {away});
    // Out of what follows is no status.
    QVERIFY(!m_engine->search(QStringLiteral("who is out of ideas"), 0, 100).understood.outOfOffice);
    const SearchPage others = m_engine->search(QStringLiteral("kubernetes but not on leave"), 0, 100);
    QCOMPARE(others.understood.outOfOffice, std::optional<bool>(false));
    QCOMPARE(others.total, 4);
    QVERIFY(!Test::usernames(others).contains(away));
    // Followed by "now" or a filler word, the phrase still says the status; followed by a word of
    // a topic, it is the topic's ("leave requests", "out of office hours").
    QCOMPARE(Test::usernames(m_engine->search(QStringLiteral("kubernetes on vacation right now"), 0, 100)),
             QStringList {away});
    const SearchPage requests = m_engine->search(QStringLiteral("help on leave requests"), 0, 100);
    QVERIFY(!requests.understood.outOfOffice);
    QCOMPARE(requests.understood.terms, (QStringList {u"leave"_qs, u"requests"_qs}));
    const SearchPage hours = m_engine->search(QStringLiteral("kubernetes out of office hours"), 0, 100);
    QVERIFY(!hours.understood.outOfOffice);
    QVERIFY2(hours.understood.terms.contains(u"office"_qs), qPrintable(hours.understood.terms.join(u',')));
    // As search --json says it.
    QCOMPARE(toJson(others).value(QStringLiteral("understood")).toObject().value(QStringLiteral("out_of_office")),
             QJsonValue(false));
    QVERIFY(
        toJson(plain).value(QStringLiteral("understood")).toObject().value(QStringLiteral("out_of_office")).isNull());
    // A status change is seen by the next query.
    setAvailability(away, QStringLiteral("available"));
    QCOMPARE(m_engine->search(QStringLiteral("kubernetes out of office"), 0, 100).total, 0);
    QSqlQuery(m_store.database()).exec(QStringLiteral("DELETE FROM statuses"));
}

void TestSearchEngine::json()
{
    const SearchPage page = m_engine->search(QStringLiteral("kubernets"), 0, 2);
    const QJsonObject json = toJson(page);
    QCOMPARE(json.value(QStringLiteral("total")).toInt(), 6);
    QCOMPARE(json.value(QStringLiteral("has_more")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("corrected_query")).toString(), QStringLiteral("kubernetes"));
    QVERIFY(json.value(QStringLiteral("error")).isNull());
    const QJsonArray results = json.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 2);
    const QJsonObject first = results.first().toObject();
    for (const char *key : {"id", "username", "display_name", "title", "department", "location", "time_zone", "score",
                            "matched_skills", "reasons"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    QVERIFY(json.value(QStringLiteral("facets")).toObject().value(QStringLiteral("departments")).isArray());
}

void TestSearchEngine::storeNotOpen()
{
    ClientStore closed;
    SearchEngine engine(&closed);
    const SearchPage page = engine.search(QStringLiteral("anything"));
    QCOMPARE(page.total, 0);
    QVERIFY(!page.error.isEmpty());
}

void TestSearchEngine::wholeWordsFindLongerWordsAddedSince()
{
    // A typed word that no indexed word is longer than is asked of FTS5 as a word rather than as
    // a prefix; a longer word that a changed person brings counts before the dictionary has it.
    SharedDirectory shared;
    QVERIFY(shared.open());
    SearchEngine &engine = shared.engine;
    const int before = engine.search(QStringLiteral("lovelace")).total;
    QVERIFY(before > 0);

    Profile grace = ::grace();
    grace.bio = QStringLiteral("Edits the Lovelaceans' newsletter.");
    QVERIFY(shared.writer.upsertProfiles({grace}));
    const SearchPage added = engine.search(QStringLiteral("lovelace"), 0, 100);
    QCOMPARE(added.total, before + 1);
    QVERIFY(find(added, QStringLiteral("kgrace")));
    QCOMPARE(engine.search(QStringLiteral("lovelaceans")).total, 1);
    QVERIFY(engine.prepare()); // the dictionary counts the new words
    QCOMPARE(engine.search(QStringLiteral("lovelace")).total, before + 1);

    // A new engine reads the longer word from the dictionary.
    SearchEngine fresh(&shared.searched);
    QVERIFY(fresh.prepare());
    QCOMPARE(fresh.search(QStringLiteral("lovelace")).total, before + 1);
}

void TestSearchEngine::emailAddressesFindTheirPeople()
{
    // People paste an address to find its owner: the whole address, or its start up to the "@"
    // at least, in any case, whatever the username is.
    SharedDirectory shared;
    QVERIFY(shared.open());
    SearchEngine &engine = shared.engine;
    Profile grace = ::grace();
    grace.email = QStringLiteral("Grace.Kowalczyk@zymurgy.example");
    Profile other = graceLike("gkowal", "Greta Kowal");
    other.email = QStringLiteral("grace.kowalczyk@elsewhere.example");
    QVERIFY(shared.writer.upsertProfiles({grace, other}));

    auto usernames = [&](const QString &query) { return Test::usernames(engine.search(query, 0, 100)); };
    QCOMPARE(usernames(QStringLiteral("grace.kowalczyk@zymurgy.example")), QStringList {QStringLiteral("kgrace")});
    QCOMPARE(usernames(QStringLiteral("GRACE.KOWALCZYK@ZYMURGY.EXAMPLE")), QStringList {QStringLiteral("kgrace")});
    QCOMPARE(usernames(QStringLiteral("grace.kowalczyk@zym")), QStringList {QStringLiteral("kgrace")});
    QCOMPARE(usernames(QStringLiteral("grace.kowalczyk@e")), QStringList {QStringLiteral("gkowal")});
    // While the address is typed, its start before the "@" finds all whose address starts so.
    QCOMPARE(usernames(QStringLiteral("grace.kowalczyk@")), (QStringList {u"kgrace"_qs, u"gkowal"_qs}));
    QCOMPARE(usernames(QStringLiteral("Grace.Kowal")), (QStringList {u"kgrace"_qs, u"gkowal"_qs}));
    QVERIFY(usernames(QStringLiteral("grace.kowalczyk@nowhere.example")).isEmpty());
    QVERIFY(usernames(QStringLiteral("@zymurgy.example")).isEmpty()); // no one's address starts so

    // A changed address is found as it is now.
    grace.email = QStringLiteral("grace@zymurgy.example");
    QVERIFY(shared.writer.upsertProfiles({grace}));
    QVERIFY(usernames(QStringLiteral("grace.kowalczyk@zymurgy.example")).isEmpty());
    QCOMPARE(usernames(QStringLiteral("grace@zymurgy.example")), QStringList {QStringLiteral("kgrace")});
}

void TestSearchEngine::phoneNumbersFindTheirPeople()
{
    // A number from a call, however it is written, finds whose it is: whole, without the country
    // code, with it where the profile has none, or its last digits.
    SharedDirectory shared;
    QVERIFY(shared.open());
    SearchEngine &engine = shared.engine;
    Profile grace = ::grace();
    grace.phone = QStringLiteral("+49 30 7792 0664");
    Profile national = graceLike("gnational", "Greta National");
    national.phone = QStringLiteral("030 1234 5678");
    Profile extension = graceLike("gext", "Gita Extension");
    extension.phone = QStringLiteral("+1 (415) 555-0100 ext. 12");
    QVERIFY(shared.writer.upsertProfiles({grace, national, extension}));

    auto usernames = [&](const QString &query) { return Test::usernames(engine.search(query, 0, 100)); };
    for (const char *number :
         {"+49 30 7792 0664", "0049 30 77920664", "030 7792 0664", "+49-30-7792-0664", "7792 0664", "(030) 7792/0664"})
        QVERIFY2(usernames(QString::fromLatin1(number)) == QStringList {u"kgrace"_qs}, number);
    QCOMPARE(usernames(QStringLiteral("+49 30 1234 5678")), QStringList {u"gnational"_qs});
    QCOMPARE(usernames(QStringLiteral("1234 5678")), QStringList {u"gnational"_qs});
    QCOMPARE(usernames(QStringLiteral("+1 415 555 0100")), QStringList {u"gext"_qs});
    QCOMPARE(usernames(QStringLiteral("(415) 555-0100")), QStringList {u"gext"_qs});
    // A number being typed finds the numbers that start so: after a "+" from its country code
    // on, else from six digits on.
    for (const char *start : {"+49 3", "+49 30 77", "+49-30-7792-06"})
        QVERIFY2(usernames(QString::fromLatin1(start)) == QStringList {u"kgrace"_qs}, start);
    QCOMPARE(usernames(QStringLiteral("+1 415")), QStringList {u"gext"_qs});
    QCOMPARE(usernames(QStringLiteral("030 1234")), QStringList {u"gnational"_qs});
    QVERIFY(usernames(QStringLiteral("+49 89")).isEmpty());
    // The match is the phone's, not the username's.
    const SearchPage page = engine.search(QStringLiteral("+49 30 7792 0664"), 0, 10);
    QCOMPARE(page.results.size(), 1);
    QCOMPARE(page.results[0].reasons.size(), 1);
    QCOMPARE(page.results[0].reasons[0].field, u"phone"_qs);
    // What is left out still is.
    QVERIFY(usernames(QStringLiteral("7792 0664 -zig")).isEmpty());
    QCOMPARE(usernames(QStringLiteral("7792 0664 -java")), QStringList {u"kgrace"_qs});
    // Too few digits to be a number, another number, or words: no one by phone.
    QVERIFY(usernames(QStringLiteral("0664")).isEmpty());
    QVERIFY(usernames(QStringLiteral("+49 30 9999 0664")).isEmpty());
    for (const SearchResult &result : engine.search(QStringLiteral("+49 30 7792 0664 zymurgy"), 0, 100).results) {
        for (const MatchReason &reason : result.reasons)
            QVERIFY2(reason.field != u"phone", qPrintable(result.username));
    }

    // A changed number is found as it is now.
    grace.phone = QStringLiteral("+49 89 5555 1212");
    QVERIFY(shared.writer.upsertProfiles({grace}));
    QVERIFY(usernames(QStringLiteral("030 7792 0664")).isEmpty());
    QVERIFY(usernames(QStringLiteral("+49 30 77")).isEmpty());
    QCOMPARE(usernames(QStringLiteral("+49 89 55")), QStringList {u"kgrace"_qs});
    QCOMPARE(usernames(QStringLiteral("089 5555 1212")), QStringList {u"kgrace"_qs});
}

void TestSearchEngine::followsOtherConnections()
{
    // The app searches on its own connection while sync writes on another: the engine sees
    // every directory change, and commits that leave the directory alone change nothing.
    SharedDirectory shared;
    QVERIFY(shared.open());
    SearchEngine &engine = shared.engine;
    const SearchPage before = engine.search(QStringLiteral("k"), 0, 100);
    QVERIFY(before.total > 0);

    QVERIFY(shared.writer.setSyncValue(QStringLiteral("cursor"), QStringLiteral("42")));
    const SearchPage same = engine.search(QStringLiteral("k"), 0, 100);
    QCOMPARE(same.total, before.total);
    QCOMPARE(same.departments, before.departments);

    Profile grace = ::grace();
    QVERIFY(shared.writer.upsertProfiles({grace}));
    const SearchPage added = engine.search(QStringLiteral("k"), 0, 100);
    QCOMPARE(added.total, before.total + 1);
    QVERIFY(find(added, QStringLiteral("kgrace")));
    QCOMPARE(engine.search(QStringLiteral("zymurgy")).total, 1);
    QCOMPARE(engine.search(QStringLiteral("wrang")).total, 1);
    QVERIFY(std::any_of(added.departments.cbegin(), added.departments.cend(),
                        [](const FacetCount &f) { return f.value == QLatin1String("Zymurgy") && f.count == 1; }));

    grace.title = QStringLiteral("Brewer");
    grace.department = QStringLiteral("Data Platform");
    QVERIFY(shared.writer.upsertProfiles({grace}));
    QCOMPARE(engine.search(QStringLiteral("wrang")).total, 0);
    QCOMPARE(engine.search(QStringLiteral("zymurgy")).total, 0);
    const SearchPage brewer = engine.search(QStringLiteral("brew"));
    QCOMPARE(brewer.total, 1);
    QCOMPARE(brewer.results.first().department, QStringLiteral("Data Platform"));

    // What the engine updated in place answers as a freshly loaded engine does.
    auto sameAsFresh = [&] {
        SearchEngine fresh(&shared.searched);
        for (const char *query : {"k", "gr", "brew", "ko", "a", "kubernets", "data platform", "skill:zig", "zig",
                                  "level>=4", "lovelac", "e"}) {
            const SearchPage a = engine.search(QString::fromUtf8(query), 0, 100);
            const SearchPage b = fresh.search(QString::fromUtf8(query), 0, 100);
            if (a.total != b.total || a.departments != b.departments || a.locations != b.locations
                || a.correctedQuery != b.correctedQuery || a.results.size() != b.results.size())
                return false;
            for (qsizetype i = 0; i < a.results.size(); ++i) {
                if (a.results[i].id != b.results[i].id || a.results[i].score != b.results[i].score)
                    return false;
            }
        }
        return true;
    };
    QVERIFY(sameAsFresh());

    QVERIFY(shared.writer.removeProfiles({brewer.results.first().id}));
    QCOMPARE(engine.search(QStringLiteral("brew")).total, 0);
    const SearchPage after = engine.search(QStringLiteral("k"), 0, 100);
    QCOMPARE(after.total, before.total);
    QCOMPARE(after.departments, before.departments);
    QCOMPARE(after.results.size(), before.results.size());
    for (qsizetype i = 0; i < after.results.size(); ++i)
        QCOMPARE(after.results[i].id, before.results[i].id);
    QVERIFY(sameAsFresh());
}

void TestSearchEngine::typingOnNarrows_data()
{
    QTest::addColumn<QString>("typed");
    for (const char *typed : {"data pl", "kube", "c++ py", "ada lo", "level>=4 py", "ti ma ro", "muller", "zz a"})
        QTest::addRow("%s", typed) << QString::fromUtf8(typed);
}

void TestSearchEngine::typingOnNarrows()
{
    // Typed one character at a time, each query answers as it does on its own (a query that
    // types on from the last one only looks at the last one's matches).
    QFETCH(QString, typed);
    SearchEngine typing(&m_store);
    for (qsizetype n = 1; n <= typed.size(); ++n) {
        const QString query = typed.left(n);
        const SearchPage a = typing.search(query, 0, 200);
        const SearchPage b = SearchEngine(&m_store).search(query, 0, 200);
        QCOMPARE(a.total, b.total);
        QCOMPARE(a.departments, b.departments);
        QCOMPARE(a.locations, b.locations);
        QCOMPARE(a.results.size(), b.results.size());
        for (qsizetype i = 0; i < a.results.size(); ++i) {
            QCOMPARE(a.results[i].id, b.results[i].id);
            QCOMPARE(a.results[i].score, b.results[i].score);
        }
    }
}

void TestSearchEngine::loadsInSteps()
{
    // Loaded in steps between searches (as the app does), the engine answers every search in
    // between as a fully loaded one: short words through FTS5 until the prefix table is in.
    QTemporaryDir dir;
    ClientStore store;
    QVERIFY(FixtureDirectory::load(store, dir.path()));
    SearchEngine full(&store);
    QVERIFY(full.prepare());
    SearchEngine stepped(&store);
    int steps = 0;
    SearchEngine::Preparation state = SearchEngine::Preparation::More;
    while (state == SearchEngine::Preparation::More) {
        state = stepped.prepareStep(0);
        ++steps;
        for (const QString &query : sampleQueries())
            QCOMPARE(difference(stepped.search(query, 0, 100), full.search(query, 0, 100)), QString());
    }
    QCOMPARE(state, SearchEngine::Preparation::Done);
    QVERIFY2(steps > 5, "a step with no time left reads one person: the table took more than a few");

    // A change another connection writes reaches both, and what the stepped engine did not need
    // for its search it does in its next steps.
    ClientStore writer;
    QVERIFY(writer.open(dir.path()));
    QVERIFY(writer.upsertProfiles({grace()}));
    QCOMPARE(stepped.search(QStringLiteral("zymurgy")).total, 1);
    while (stepped.prepareStep(0) == SearchEngine::Preparation::More) { }
    for (const QString &query : sampleQueries())
        QCOMPARE(difference(stepped.search(query, 0, 100), full.search(query, 0, 100)), QString());
}

void TestSearchEngine::startsFromTheSavedTable()
{
    // Loaded in steps, the engine saves its per-person table in the store; the next engine reads
    // it, catches up with what changed since from the store's change log, and answers as an
    // engine that read the whole directory.
    QTemporaryDir dir;
    ClientStore store;
    QVERIFY(FixtureDirectory::load(store, dir.path()));
    {
        SearchEngine first(&store);
        while (first.prepareStep(50) == SearchEngine::Preparation::More) { }
        first.saveTables();
    }
    auto scalar = [&](const char *sql) {
        QSqlQuery query(store.database());
        return query.exec(QString::fromLatin1(sql)) && query.next() ? query.value(0).toLongLong() : -1;
    };
    QCOMPARE(scalar("SELECT count(*) FROM search_tables WHERE name = 'people'"), 1);
    const qint64 saved = scalar("SELECT change FROM search_tables WHERE name = 'people'");

    ClientStore writer;
    QVERIFY(writer.open(dir.path()));
    Profile changed = grace();
    QVERIFY(writer.upsertProfiles({changed}));
    changed.displayName = QStringLiteral("Aaron Grace Kowalczyk"); // first in name order now
    changed.department = QStringLiteral("Brewing");
    QVERIFY(writer.upsertProfiles({changed}));
    const SearchPage before = SearchEngine(&store).search(QStringLiteral("kowalczyk"));
    QVERIFY(writer.removeProfiles({before.results.value(0).id}));
    QVERIFY(writer.upsertProfiles({changed}));
    QVERIFY(scalar("SELECT max(seq) FROM directory_changes") > saved);

    // The saved table is what a start reads: a department changed behind the change log's back
    // (no profile_search row written) still shows the saved one.
    QSqlQuery behind(writer.database());
    QVERIFY(behind.exec(QStringLiteral("UPDATE profiles SET department = 'Unlogged' WHERE username = 'ada'")));
    SearchEngine restarted(&store);
    QCOMPARE(restarted.prepareStep(1000), SearchEngine::Preparation::Done);
    const SearchPage everyone = restarted.search(QString(), 0, 100);
    QVERIFY(!std::any_of(everyone.departments.cbegin(), everyone.departments.cend(),
                         [](const FacetCount &f) { return f.value == QLatin1String("Unlogged"); }));
    QVERIFY(behind.exec(QStringLiteral("UPDATE profiles SET department = 'Data Platform' WHERE username = 'ada'")));

    QVERIFY(behind.exec(QStringLiteral("DELETE FROM search_tables")));
    SearchEngine fromScratch(&store);
    for (const QString &query : sampleQueries() + QStringList {QStringLiteral("aaron"), QStringLiteral("brew")})
        QCOMPARE(difference(restarted.search(query, 0, 100), fromScratch.search(query, 0, 100)), QString());
    QCOMPARE(restarted.search(QString(), 0, 1).results.value(0).username, QStringLiteral("kgrace"));

    // A saved table that is not one (damaged, another format) is ignored.
    QVERIFY(behind.exec(QStringLiteral("INSERT INTO search_tables(name, change, data) VALUES('people', 0, x'0102')")));
    SearchEngine afterDamage(&store);
    for (const QString &query : sampleQueries())
        QCOMPARE(difference(afterDamage.search(query, 0, 100), fromScratch.search(query, 0, 100)), QString());
}

QTEST_GUILESS_MAIN(TestSearchEngine)
#include "tst_searchengine.moc"
