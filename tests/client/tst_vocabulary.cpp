// SPDX-License-Identifier: MIT
#include "client/Vocabulary.h"

#include <QTest>

using namespace Colleagues;

class TestVocabulary : public QObject
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

void TestVocabulary::editDistance_data()
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

void TestVocabulary::editDistance()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, distance);
    QCOMPARE(Colleagues::editDistance(a, b, 2), distance);
}

void TestVocabulary::prefixEditDistance_data()
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

void TestVocabulary::prefixEditDistance()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, distance);
    QCOMPARE(Colleagues::prefixEditDistance(a, b, 2), distance);
}

void TestVocabulary::corrections()
{
    Vocabulary vocabulary;
    vocabulary.add(QStringLiteral("kubernetes"), 40);
    vocabulary.add(QStringLiteral("python"), 30);
    vocabulary.add(QStringLiteral("pythonic"), 2);
    vocabulary.add(QStringLiteral("lovelace"), 1);
    vocabulary.add(QStringLiteral("c_p_p"), 9);
    vocabulary.finish();

    auto first = [&](const char *term) {
        const auto found = vocabulary.corrections(QString::fromLatin1(term), 5);
        return found.isEmpty() ? QString() : found.first().term;
    };
    QCOMPARE(first("kubernets"), QStringLiteral("kubernetes"));
    QCOMPARE(first("pyhton"), QStringLiteral("python"));
    QCOMPARE(first("lovelase"), QStringLiteral("lovelace"));
    QCOMPARE(first("pyt"), QString()); // too short to correct
    QCOMPARE(first("zzzzzz"), QString());
    QCOMPARE(Vocabulary::maxEdits(QStringLiteral("rust")), 1);
    QCOMPARE(Vocabulary::maxEdits(QStringLiteral("kubernets")), 2);
}

void TestVocabulary::prefixDocs()
{
    Vocabulary vocabulary;
    vocabulary.add(QStringLiteral("java"), 3);
    vocabulary.add(QStringLiteral("javascript"), 4);
    vocabulary.add(QStringLiteral("jazz"), 1);
    vocabulary.finish();
    QCOMPARE(vocabulary.prefixDocs(QStringLiteral("java"), 100), 7);
    QCOMPARE(vocabulary.prefixDocs(QStringLiteral("ja"), 100), 8);
    QCOMPARE(vocabulary.prefixDocs(QStringLiteral("ja"), 5), 5);
    QCOMPARE(vocabulary.prefixDocs(QStringLiteral("k"), 100), 0);
}

void TestVocabulary::setDocs()
{
    // After a few people changed, their words get new counts, new words come in, and a word
    // no one uses any more is no correction.
    Vocabulary vocabulary;
    vocabulary.add(QStringLiteral("java"), 3);
    vocabulary.add(QStringLiteral("kubernetes"), 40);
    vocabulary.finish();
    vocabulary.setDocs(QStringLiteral("java"), 5);
    vocabulary.setDocs(QStringLiteral("javelin"), 2);
    vocabulary.setDocs(QStringLiteral("zig"), 0);
    QCOMPARE(vocabulary.size(), 3);
    QCOMPARE(vocabulary.prefixDocs(QStringLiteral("jav"), 100), 7);
    QCOMPARE(vocabulary.prefixDocs(QStringLiteral("javel"), 100), 2);
    QCOMPARE(vocabulary.corrections(QStringLiteral("kubernets"), 5).size(), 1);
    vocabulary.setDocs(QStringLiteral("kubernetes"), 0);
    QVERIFY(vocabulary.corrections(QStringLiteral("kubernets"), 5).isEmpty());
    QCOMPARE(vocabulary.prefixDocs(QStringLiteral("kube"), 100), 0);
}

QTEST_GUILESS_MAIN(TestVocabulary)
#include "tst_vocabulary.moc"
