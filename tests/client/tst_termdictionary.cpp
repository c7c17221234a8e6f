// SPDX-License-Identifier: MIT
#include "client/search/TermDictionary.h"

#include <QTest>

using namespace Colleagues;

class TestTermDictionary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editDistance_data();
    void editDistance();
    void prefixEditDistance_data();
    void prefixEditDistance();
    void corrections();
    void prefixDocs();
    void setDocs();
};

void TestTermDictionary::editDistance_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("distance");
    QTest::addRow("same") << "python"
                          << "python" << 0;
    QTest::addRow("transposition") << "pyhton"
                                   << "python" << 1;
    QTest::addRow("insertion") << "kubernets"
                               << "kubernetes" << 1;
    QTest::addRow("substitution") << "lovelase"
                                  << "lovelace" << 1;
    QTest::addRow("two") << "kubrnets"
                         << "kubernetes" << 2;
    QTest::addRow("above max") << "java"
                               << "python" << 3; // max + 1
}

void TestTermDictionary::editDistance()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, distance);
    QCOMPARE(Colleagues::editDistance(a, b, 2), distance);
}

void TestTermDictionary::prefixEditDistance_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("distance");
    QTest::addRow("prefix") << "kube"
                            << "kubernetes" << 0;
    QTest::addRow("typo in prefix") << "kubr"
                                    << "kubernetes" << 1;
    QTest::addRow("transposed prefix") << "pyht"
                                       << "python" << 1;
    QTest::addRow("far") << "java"
                         << "kubernetes" << 3;
}

void TestTermDictionary::prefixEditDistance()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, distance);
    QCOMPARE(Colleagues::prefixEditDistance(a, b, 2), distance);
}

void TestTermDictionary::corrections()
{
    TermDictionary dictionary;
    dictionary.add(QStringLiteral("kubernetes"), 40);
    dictionary.add(QStringLiteral("python"), 30);
    dictionary.add(QStringLiteral("pythonic"), 2);
    dictionary.add(QStringLiteral("lovelace"), 1);
    dictionary.add(QStringLiteral("c_p_p"), 9);
    dictionary.add(QStringLiteral("manager"), 2);
    dictionary.add(QStringLiteral("management"), 8);
    dictionary.finish();

    auto first = [&](const char *term) {
        const auto found = dictionary.corrections(QString::fromLatin1(term), 5);
        return found.isEmpty() ? QString() : found.first().term;
    };
    QCOMPARE(first("kubernets"), QStringLiteral("kubernetes"));
    QCOMPARE(first("pyhton"), QStringLiteral("python"));
    QCOMPARE(first("lovelase"), QStringLiteral("lovelace"));
    QCOMPARE(first("pyt"), QString()); // too short to correct
    QCOMPARE(first("zzzzzz"), QString());
    // As near as the start of a longer, more common word ("manage" of "management"): the whole
    // word first.
    const auto managers = dictionary.corrections(QStringLiteral("managrs"), 5);
    QCOMPARE(managers.size(), 2);
    QCOMPARE(managers.first().term, QStringLiteral("manager"));
    QVERIFY(managers.first().whole);
    QCOMPARE(managers.at(1).distance, managers.first().distance);
    QVERIFY(!managers.at(1).whole);
    // Whole words only: the start of "management" is no candidate, nor "pythonic" for "pythn".
    const auto wholeManagers = dictionary.corrections(QStringLiteral("managrs"), 5, TermDictionary::Match::Whole);
    QCOMPARE(wholeManagers.size(), 1);
    QCOMPARE(wholeManagers.first().term, QStringLiteral("manager"));
    QCOMPARE(dictionary.corrections(QStringLiteral("pythn"), 5).size(), 2);
    QCOMPARE(dictionary.corrections(QStringLiteral("pythn"), 5, TermDictionary::Match::Whole).size(), 1);
    QCOMPARE(TermDictionary::maxEdits(QStringLiteral("rust")), 1);
    QCOMPARE(TermDictionary::maxEdits(QStringLiteral("kubernets")), 2);
}

void TestTermDictionary::prefixDocs()
{
    TermDictionary dictionary;
    dictionary.add(QStringLiteral("java"), 3);
    dictionary.add(QStringLiteral("javascript"), 4);
    dictionary.add(QStringLiteral("jazz"), 1);
    dictionary.finish();
    QCOMPARE(dictionary.prefixDocs(QStringLiteral("java"), 100), 7);
    QCOMPARE(dictionary.prefixDocs(QStringLiteral("ja"), 100), 8);
    QCOMPARE(dictionary.prefixDocs(QStringLiteral("ja"), 5), 5);
    QCOMPARE(dictionary.prefixDocs(QStringLiteral("k"), 100), 0);
    // A whole term only.
    QCOMPARE(dictionary.docs(QStringLiteral("java")), 3);
    QCOMPARE(dictionary.docs(QStringLiteral("jav")), 0);
    QCOMPARE(dictionary.docs(QStringLiteral("jazzy")), 0);
    QCOMPARE(dictionary.docs(QStringLiteral("zzz")), 0);
    // Longer terms: "javascript" for "java", none for "javascript" or "jazz".
    QVERIFY(dictionary.hasLongerTerm(QStringLiteral("java")));
    QVERIFY(dictionary.hasLongerTerm(QStringLiteral("jav")));
    QVERIFY(!dictionary.hasLongerTerm(QStringLiteral("javascript")));
    QVERIFY(!dictionary.hasLongerTerm(QStringLiteral("jazz")));
    QVERIFY(!dictionary.hasLongerTerm(QStringLiteral("k")));
    // A term no one has any more is none.
    dictionary.setDocs(QStringLiteral("javascript"), 0);
    QVERIFY(!dictionary.hasLongerTerm(QStringLiteral("java")));
}

void TestTermDictionary::setDocs()
{
    // After a few people changed, their words get new counts, new words come in, and a word
    // no one uses any more is no correction.
    TermDictionary dictionary;
    dictionary.add(QStringLiteral("java"), 3);
    dictionary.add(QStringLiteral("kubernetes"), 40);
    dictionary.finish();
    dictionary.setDocs(QStringLiteral("java"), 5);
    dictionary.setDocs(QStringLiteral("javelin"), 2);
    dictionary.setDocs(QStringLiteral("zig"), 0);
    QCOMPARE(dictionary.size(), 3);
    QCOMPARE(dictionary.prefixDocs(QStringLiteral("jav"), 100), 7);
    QCOMPARE(dictionary.prefixDocs(QStringLiteral("javel"), 100), 2);
    QCOMPARE(dictionary.corrections(QStringLiteral("kubernets"), 5).size(), 1);
    dictionary.setDocs(QStringLiteral("kubernetes"), 0);
    QVERIFY(dictionary.corrections(QStringLiteral("kubernets"), 5).isEmpty());
    QCOMPARE(dictionary.prefixDocs(QStringLiteral("kube"), 100), 0);
}

QTEST_GUILESS_MAIN(TestTermDictionary)
#include "tst_termdictionary.moc"
