// SPDX-License-Identifier: MIT
#include "client/search/SearchQuery.h"
#include "client/search/SearchText.h"
#include "core/TextFold.h"
#include "tests/support/List.h"

#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Test;

class TestSearchText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void words_data();
    void words();
    void spansPointIntoTheOriginal();
    void indexTextIsTheWords();
    void skillKeyToken_data();
    void skillKeyToken();
    void skillKeyMatchesCore_data();
    void skillKeyMatchesCore();
    void indexSkillsIsKeyTokensAndWords();
    void parseQuery();
    void parseTyping_data();
    void parseTyping();
    void parseLevelErrors();
    void parseExclusions();
    void phoneKeys_data();
    void phoneKeys();
};

void TestSearchText::words_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tokens"); // token and its parts, in order

    QTest::addRow("plain") << QStringLiteral("Hello World") << list({"hello", "world"});
    QTest::addRow("diacritics") << QStringLiteral("Zoë Müller São Paulo") << list({"zoe", "muller", "sao", "paulo"});
    QTest::addRow("c++") << QStringLiteral("C++") << list({"c_p_p"});
    QTest::addRow("c") << QStringLiteral("C") << list({"c"});
    QTest::addRow("c#") << QStringLiteral("C#") << list({"c_h"});
    QTest::addRow("f#") << QStringLiteral("F#,") << list({"f_h"});
    QTest::addRow(".net") << QStringLiteral(".NET") << list({"_dnet", "net"});
    QTest::addRow("node.js") << QStringLiteral("Node.js.") << list({"node_djs", "node", "js"});
    QTest::addRow("ci/cd") << QStringLiteral("(CI/CD)") << list({"ci_scd", "ci", "cd"});
    QTest::addRow("ui/ux") << QStringLiteral("UI/UX") << list({"ui_sux", "ui", "ux"});
    QTest::addRow("apostrophe") << QStringLiteral("O'Brien's") << list({"obriens"});
    QTest::addRow("punctuation") << QStringLiteral("Go, Rust; (Python)!") << list({"go", "rust", "python"});
    QTest::addRow("symbols alone") << QStringLiteral("- + / #") << list({});
    QTest::addRow("underscore is a symbol") << QStringLiteral("snake_case") << list({"snake_ucase", "snake", "case"});
    QTest::addRow("sharp s") << QStringLiteral("Straße") << list({"strasse"});
}

void TestSearchText::words()
{
    QFETCH(QString, text);
    QFETCH(QStringList, tokens);
    QStringList actual;
    for (const SearchText::Word &word : SearchText::words(text)) {
        actual.append(word.token);
        actual.append(word.parts);
    }
    QCOMPARE(actual, tokens);
}

void TestSearchText::spansPointIntoTheOriginal()
{
    const QString text = QStringLiteral("  Hans Müller, (C++) dev");
    const auto words = SearchText::words(text);
    QCOMPARE(words.size(), 4);
    QCOMPARE(text.mid(words[0].start, words[0].length), QStringLiteral("Hans"));
    QCOMPARE(text.mid(words[1].start, words[1].length), QStringLiteral("Müller"));
    QCOMPARE(text.mid(words[2].start, words[2].length), QStringLiteral("C++"));
    QCOMPARE(text.mid(words[3].start, words[3].length), QStringLiteral("dev"));
}

void TestSearchText::indexTextIsTheWords()
{
    // indexText() has a fast path for plain ASCII words; it must index exactly the words.
    for (const char *text :
         {"Hello World", "Zo\u00eb M\u00fcller", "C++ and C#, .NET; Node.js (CI/CD) UI/UX", "O'Brien's 'quoted'",
          "snake_case x86-64 a+b", "' ' '", "Stra\u00dfe \u6771\u4eac", "  trailing...  "}) {
        const QString input = QString::fromUtf8(text);
        QStringList expected;
        for (const SearchText::Word &word : SearchText::words(input)) {
            expected.append(word.token);
            expected.append(word.parts);
        }
        QCOMPARE(SearchText::indexText(input), expected.join(QLatin1Char(' ')));
    }
}

void TestSearchText::skillKeyToken_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::addRow("case") << QStringLiteral("C++") << QStringLiteral("c++") << true;
    QTest::addRow("c vs c++") << QStringLiteral("C") << QStringLiteral("C++") << false;
    QTest::addRow("c vs c#") << QStringLiteral("C") << QStringLiteral("C#") << false;
    QTest::addRow("c# vs f#") << QStringLiteral("C#") << QStringLiteral("F#") << false;
    QTest::addRow("spaces") << QStringLiteral("Machine  Learning") << QStringLiteral("machine learning") << true;
    QTest::addRow("accents") << QStringLiteral("Café") << QStringLiteral("cafe") << true;
}

void TestSearchText::skillKeyToken()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(SearchText::skillKeyToken(a) == SearchText::skillKeyToken(b), same);
    QVERIFY(SearchText::skillKeyToken(a).startsWith(QLatin1String("_k")));
}

void TestSearchText::skillKeyMatchesCore_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name :
         {"C++", "  Machine\t Learning ", "Node.js", "CI/CD", "Zoë's Café", "ÆSIR", "ISO 27001", "", " "})
        QTest::addRow("%s", name) << QString::fromUtf8(name);
}

void TestSearchText::skillKeyMatchesCore()
{
    QFETCH(QString, name);
    QCOMPARE(SearchText::skillKey(name), canonicalSkillKey(name));
}

void TestSearchText::indexSkillsIsKeyTokensAndWords()
{
    // The store writes skills through a one-pass path for ASCII names: each skill is its
    // whole-key token, then its words, exactly as skillKeyToken() and indexText() make them.
    SkillList skills;
    QStringList expected;
    for (const char *name : {"C++", "  Machine\t Learning ", "Node.js", "CI/CD", "R&D", "(Parens), ok!", "O'Neil",
                             "x86-64 @scale", "100%", "Zo\u00eb's Caf\u00e9", "\u6771\u4eac", "", " ", "a\x01b"}) {
        const QString skill = QString::fromUtf8(name);
        skills.append(Skill {skill, 3});
        const QString words = SearchText::indexText(skill);
        expected.append(SearchText::skillKeyToken(skill) + (words.isEmpty() ? QString() : QLatin1Char(' ') + words));
        QCOMPARE(SearchText::indexSkills({Skill {skill, 3}}), expected.last());
    }
    QCOMPARE(SearchText::indexSkills(skills), expected.join(QLatin1Char(' ')));
    QCOMPARE(SearchText::indexSkillsUtf8(skills), expected.join(QLatin1Char(' ')).toUtf8());
    QCOMPARE(SearchText::indexTextsUtf8(list({"Rust", "C++ / F#"})), QByteArray("rust c_p_p f_h"));
}

void TestSearchText::parseQuery()
{
    const SearchQuery query =
        SearchQuery::parse(QStringLiteral("Kube  skill:Rust dept:\"Data Platform\" LOCATION:berlin level>=4 c++"));
    QCOMPARE(query.terms.size(), 2);
    QCOMPARE(query.terms[0].token, QStringLiteral("kube"));
    QCOMPARE(query.terms[1].token, QStringLiteral("c_p_p"));
    QCOMPARE(query.skills.size(), 1);
    QCOMPARE(query.skills[0].keyToken, SearchText::skillKeyToken(QStringLiteral("rust")));
    QCOMPARE(query.departments.size(), 1);
    QCOMPARE(query.departments[0].tokens, (list({"data", "platform"})));
    QCOMPARE(query.locations.size(), 1);
    QCOMPARE(query.locations[0].tokens, list({"berlin"}));
    QCOMPARE(query.minLevel, 4);
    QVERIFY(query.error.isEmpty());

    const SearchQuery colon = SearchQuery::parse(QStringLiteral("level:3 loc:\"São Paulo\""));
    QCOMPARE(colon.minLevel, 3);
    QCOMPARE(colon.locations[0].tokens, (list({"sao", "paulo"})));
    QVERIFY(colon.terms.isEmpty());
}

void TestSearchText::parseTyping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("typing");
    QTest::newRow("a word") << u"kube"_qs << true;
    QTest::newRow("the last of words") << u"kube eng"_qs << true;
    QTest::newRow("a possessive") << u"diego's"_qs << true;
    QTest::newRow("a space after") << u"kube "_qs << false;
    QTest::newRow("a filter after") << u"kube skill:rust"_qs << false;
    QTest::newRow("a word left out after") << u"kube -java"_qs << false;
    QTest::newRow("a filter alone") << u"level>=4"_qs << false;
    QTest::newRow("nothing") << QString() << false;
}

void TestSearchText::parseTyping()
{
    QFETCH(QString, text);
    QFETCH(bool, typing);
    QCOMPARE(SearchQuery::parse(text).typing, typing);
}

void TestSearchText::parseLevelErrors()
{
    QVERIFY(!SearchQuery::parse(QStringLiteral("level>=9")).error.isEmpty());
    QVERIFY(!SearchQuery::parse(QStringLiteral("level>=x")).error.isEmpty());
    // "levels" is a word, not a filter.
    const SearchQuery word = SearchQuery::parse(QStringLiteral("levels"));
    QCOMPARE(word.terms.size(), 1);
    QVERIFY(word.error.isEmpty());
}

void TestSearchText::parseExclusions()
{
    const SearchQuery query = SearchQuery::parse(QStringLiteral(
        "python -Java -\"Machine Learning\" -c++ -skill:Go -dept:\"Data Platform\" -loc:berlin e-mail - x"));
    QCOMPARE(query.terms.size(), 3); // python, e-mail, x: a "-" inside a word or alone leaves nothing out
    QCOMPARE(query.terms[1].folded, QStringLiteral("e-mail"));
    QCOMPARE(query.excluded.words, (QList<QStringList> {{u"java"_qs}, {u"machine"_qs, u"learning"_qs}, {u"c++"_qs}}));
    QCOMPARE(query.excluded.skills.size(), 1);
    QCOMPARE(query.excluded.skills[0].keyToken, SearchText::skillKeyToken(QStringLiteral("go")));
    QVERIFY(query.skills.isEmpty());
    QCOMPARE(query.excluded.departments.size(), 1);
    QCOMPARE(query.excluded.departments[0].tokens, (list({"data", "platform"})));
    QCOMPARE(query.excluded.locations.size(), 1);
    QCOMPARE(query.excluded.locations[0].tokens, list({"berlin"}));
    QVERIFY(query.departments.isEmpty() && query.locations.isEmpty());
    QVERIFY(query.error.isEmpty());
    QVERIFY(query.hasFilters()); // an exclusion alone is something asked for
    QVERIFY(SearchQuery::parse(QStringLiteral("-java")).hasFilters());
    QVERIFY(!SearchQuery::parse(QStringLiteral("java")).hasFilters());

    // Who reports to whom, availability and levels are not left out: said, not ignored.
    for (const char *text : {"-team:grace", "-reports:grace", "-available:yes", "-level>=3"}) {
        const SearchQuery other = SearchQuery::parse(QString::fromLatin1(text));
        QVERIFY2(other.error.contains(QLatin1String("left out")), text);
        QVERIFY2(other.orgs.isEmpty() && other.minLevel == 0 && !other.preferAvailable, text);
    }
}

void TestSearchText::phoneKeys_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("digits"); // the number's start, as written
    QTest::addRow("international") << "+49 30 7792-0664"
                                   << "466029770394"
                                   << "493077920664";
    QTest::addRow("dialled abroad") << "0049 (30) 77920664"
                                    << "466029770394"
                                    << "00493077920664";
    QTest::addRow("national") << "030 7792 0664"
                              << "4660297703"
                              << "03077920664";
    QTest::addRow("extension") << "+1 (212) 555-0118 ext. 42"
                               << "81105552121"
                               << "12125550118";
    QTest::addRow("x extension") << "+1 212 555 0118x42"
                                 << "81105552121"
                                 << "12125550118";
    QTest::addRow("full-width digits are no digits here") << "\uFF10\uFF11"
                                                          << ""
                                                          << "";
    QTest::addRow("none") << "call me"
                          << ""
                          << "";
    QTest::addRow("zeros") << "000"
                           << ""
                           << "000";
    QTest::addRow("empty") << ""
                           << ""
                           << "";
}

void TestSearchText::phoneKeys()
{
    QFETCH(QString, phone);
    QFETCH(QString, key);
    QFETCH(QString, digits);
    QCOMPARE(SearchText::phoneKey(phone), key);
    QCOMPARE(SearchText::phoneDigits(phone), digits);
}

QTEST_GUILESS_MAIN(TestSearchText)
#include "tst_searchtext.moc"
