// SPDX-License-Identifier: MIT
// The relevance suite: queries with the results expected on top, over the hand-written
// fixture directory. Each row names the bullet of the search specification it covers.

#include "client/ClientStore.h"
#include "client/search/SearchEngine.h"
#include "tests/support/FixtureDirectory.h"
#include "tests/support/List.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Test;

class TestSearchRelevance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void relevance_data();
    void relevance();

private:
    QTemporaryDir m_dir;
    ClientStore m_store;
    std::unique_ptr<SearchEngine> m_engine;
};

void TestSearchRelevance::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(FixtureDirectory::load(m_store, m_dir.path()));
    m_engine = std::make_unique<SearchEngine>(&m_store);
}

void TestSearchRelevance::relevance_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("top"); // usernames expected first, in this order
    QTest::addColumn<bool>("only"); // true: the results are exactly `top`
    QTest::addColumn<QStringList>("absent"); // usernames that must not be found
    QTest::addColumn<QString>("corrected"); // expected correctedQuery ("" = no correction)

    const QStringList none;
    const QString same;
    // Symbols are part of skills.
    QTest::addRow("c++ is not c") << "c++" << list({"hmuller"}) << true << list({"carla"}) << same;
    QTest::addRow("C++ any case") << "C++" << list({"hmuller"}) << true << none << same;
    QTest::addRow("c finds C first") << "c" << list({"carla"}) << false << none << same;
    QTest::addRow("c#") << "c#" << list({"chen"}) << true << list({"carla"}) << same;
    QTest::addRow("f#") << "f#" << list({"chen"}) << true << none << same;
    QTest::addRow(".net") << ".net" << list({"chen"}) << true << none << same;
    QTest::addRow("node.js") << "node.js" << list({"nadia"}) << true << none << same;
    QTest::addRow("js part of node.js") << "js" << list({"nadia"}) << true << none << same;
    QTest::addRow("ci/cd") << "ci/cd" << list({"ravi"}) << true << none << same;
    QTest::addRow("ui/ux") << "ui/ux" << list({"zoe"}) << true << none << same;
    QTest::addRow("c+ typed so far") << "c+" << list({"hmuller"}) << true << none << same;

    // Case and diacritics fold.
    QTest::addRow("zoe finds Zoë") << "zoe" << list({"zoe"}) << false << none << same;
    QTest::addRow("muller finds Müller") << "muller" << list({"hmuller"}) << true << none << same;
    QTest::addRow("MÜLLER") << "MÜLLER" << list({"hmuller"}) << true << none << same;
    QTest::addRow("sao paulo") << "sao paulo" << list({"carla"}) << true << none << same;

    // Prefixes, all terms, every field.
    QTest::addRow("prefix by level") << "kube" << list({"ada", "kim", "ravi", "hmuller", "tom", "pat"}) << true << none
                                     << same;
    QTest::addRow("level 5 above level 1")
        << "kubernetes" << list({"ada", "kim", "ravi", "hmuller", "tom"}) << true << list({"pat"}) << same;
    QTest::addRow("all terms must match") << "python berlin" << list({"priya"}) << true << list({"ada"}) << same;
    QTest::addRow("department and location")
        << "platform berlin" << list({"hmuller", "kim", "priya", "tom"}) << true << none << same;
    QTest::addRow("interest") << "astronomy" << list({"priya"}) << true << none << same;
    QTest::addRow("bio") << "firmware" << list({"carla"}) << true << none << same;
    QTest::addRow("two letters") << "gr" << list({"sam", "tina", "ian", "bob", "ravi"}) << false << none << same;

    // Typos.
    QTest::addRow("kubernets: exact bio above corrected skills")
        << "kubernets" << list({"pat", "ada", "kim", "ravi", "hmuller", "tom"}) << true << none << "kubernetes";
    QTest::addRow("pyhton") << "pyhton" << list({"priya", "ada"}) << true << none << "python";
    QTest::addRow("lovelac (prefix)") << "lovelac" << list({"ada"}) << true << none << same;
    QTest::addRow("lovelase") << "lovelase" << list({"ada"}) << true << none << "lovelace";
    QTest::addRow("kubrnetes") << "kubrnetes" << list({"ada", "kim"}) << false << none << "kubernetes";
    QTest::addRow("typo in name and word") << "hnas berlin" << list({"hmuller"}) << true << none << "hans berlin";
    QTest::addRow("short words are not corrected") << "pyt" << list({"priya", "ada"}) << true << none << same;

    // Ranking.
    QTest::addRow("skills > title > interests > bio")
        << "graphql" << list({"sam", "tina", "ian", "bob"}) << true << none << same;
    QTest::addRow("a name puts the person first") << "ruby" << list({"ruby", "marco"}) << true << none << same;
    QTest::addRow("full name") << "ada lovelace" << list({"ada"}) << true << none << same;
    QTest::addRow("first name") << "hans" << list({"hmuller"}) << true << none << same;
    QTest::addRow("exact skill above longer skill") << "java" << list({"olga", "nadia"}) << true << none << same;
    QTest::addRow("ties by name") << "qa analyst" << list({"able", "baker"}) << true << none << same;

    // Filters.
    QTest::addRow("skill:rust") << "skill:rust" << list({"hmuller"}) << true << none << same;
    QTest::addRow("skill:c is only C") << "skill:c" << list({"carla"}) << true << none << same;
    QTest::addRow("skill:c++") << "skill:C++" << list({"hmuller"}) << true << none << same;
    QTest::addRow("skill with spaces") << "skill:\"machine learning\"" << list({"priya"}) << true << none << same;
    QTest::addRow("dept quoted") << "dept:\"Data Platform\"" << list({"ada", "priya"}) << true << none << same;
    QTest::addRow("dept word") << "dept:platform" << list({"ada", "hmuller", "kim", "priya", "ravi", "tom"}) << true
                               << none << same;
    QTest::addRow("location:berlin") << "location:berlin" << list({"hmuller", "kim", "pat", "priya", "tom"}) << true
                                     << none << same;
    QTest::addRow("location with accents") << "location:\"sao paulo\"" << list({"carla"}) << true << none << same;
    QTest::addRow("level>=4 on the matched skill")
        << "kubernetes level>=4" << list({"ada", "kim", "ravi"}) << true << list({"hmuller", "tom"}) << same;
    QTest::addRow("skill and level") << "skill:kubernetes level>=5" << list({"ada", "kim"}) << true << none << same;
    QTest::addRow("term and filter") << "engineer location:berlin" << list({"hmuller", "kim", "tom"}) << true << none
                                     << same;
    QTest::addRow("no match") << "xylophone" << list({}) << true << none << same;
}

void TestSearchRelevance::relevance()
{
    QFETCH(QString, query);
    QFETCH(QStringList, top);
    QFETCH(bool, only);
    QFETCH(QStringList, absent);
    QFETCH(QString, corrected);

    const SearchPage page = m_engine->search(query, 0, 100);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QStringList found;
    for (const SearchResult &result : page.results)
        found.append(result.username);
    const QString context = QStringLiteral("query \"%1\" found %2").arg(query, found.join(QLatin1Char(' ')));
    if (only)
        QVERIFY2(found == top, qPrintable(context));
    else
        QVERIFY2(found.mid(0, top.size()) == top, qPrintable(context));
    for (const QString &username : absent)
        QVERIFY2(!found.contains(username), qPrintable(context));
    QCOMPARE(page.correctedQuery, corrected);
    for (qsizetype i = 1; i < page.results.size(); ++i)
        QVERIFY2(page.results[i - 1].score >= page.results[i].score, qPrintable(context));
    // Every result says why it is there.
    for (const SearchResult &result : page.results)
        QVERIFY2(!result.reasons.isEmpty(), qPrintable(context + QStringLiteral(": no reason for ") + result.username));
}

QTEST_GUILESS_MAIN(TestSearchRelevance)
#include "tst_searchrelevance.moc"
