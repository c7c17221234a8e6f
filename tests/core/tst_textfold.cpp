// SPDX-License-Identifier: MIT
#include "core/TextFold.h"

#include <QTest>

using namespace Colleagues;

class TestTextFold : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foldText_data();
    void foldText();
    void skillKeySame_data();
    void skillKeySame();
    void skillKeyDifferent_data();
    void skillKeyDifferent();
    void codePoints();
    void asciiFastPathMatchesUnicodePath();
    void englishSingular_data();
    void englishSingular();
    void englishActivities_data();
    void englishActivities();
};

void TestTextFold::foldText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addRow("case") << u"KuberNetes"_qs << u"kubernetes"_qs;
    QTest::addRow("diaeresis") << u"Zoë Müller"_qs << u"zoe muller"_qs;
    QTest::addRow("tilde and cedilla") << u"São Paulo Français"_qs << u"sao paulo francais"_qs;
    QTest::addRow("eszett") << u"Straße"_qs << u"strasse"_qs;
    QTest::addRow("stroke letters") << u"Łódź Søren"_qs << u"lodz soren"_qs;
    QTest::addRow("whitespace") << u"  a \t  b\n"_qs << u"a b"_qs;
    QTest::addRow("symbols kept") << u"C++ / C#"_qs << u"c++ / c#"_qs;
    QTest::addRow("non-latin kept") << u"日本語"_qs << u"日本語"_qs;
    QTest::addRow("cyrillic folded") << u"Ёлка"_qs << u"елка"_qs;
    QTest::addRow("compatibility") << u"ﬁle"_qs << u"file"_qs;
}

void TestTextFold::foldText()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(Colleagues::foldText(input), expected);
}

void TestTextFold::skillKeySame_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addRow("c++") << u"C++"_qs << u"c++"_qs;
    QTest::addRow(".net") << u".NET"_qs << u".net"_qs;
    QTest::addRow("node.js") << u"Node.js"_qs << u"NODE.JS"_qs;
    QTest::addRow("spaces") << u" Machine  Learning "_qs << u"machine learning"_qs;
    QTest::addRow("diacritics") << u"Français"_qs << u"francais"_qs;
    QTest::addRow("nfc vs nfd") << u"Japane\u0301s"_qs << u"Japanés"_qs;
}

void TestTextFold::skillKeySame()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QCOMPARE(canonicalSkillKey(a), canonicalSkillKey(b));
}

void TestTextFold::skillKeyDifferent_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    const QStringList distinct {u"C++"_qs,     u"C"_qs,    u"C#"_qs,    u"F#"_qs,   u".NET"_qs, u"NET"_qs,
                                u"Node.js"_qs, u"Node"_qs, u"CI/CD"_qs, u"CICD"_qs, u"UI/UX"_qs};
    for (qsizetype i = 0; i < distinct.size(); ++i) {
        for (qsizetype j = i + 1; j < distinct.size(); ++j)
            QTest::addRow("%s vs %s", qPrintable(distinct[i]), qPrintable(distinct[j])) << distinct[i] << distinct[j];
    }
}

void TestTextFold::skillKeyDifferent()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QVERIFY(canonicalSkillKey(a) != canonicalSkillKey(b));
}

void TestTextFold::englishSingular_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("singular"); // empty: not taken for a plural
    QTest::addRow("-s") << u"engineers"_qs << u"engineer"_qs;
    QTest::addRow("-es after e") << u"databases"_qs << u"database"_qs;
    QTest::addRow("-ies") << u"technologies"_qs << u"technology"_qs;
    QTest::addRow("-ches") << u"switches"_qs << u"switch"_qs;
    QTest::addRow("-sses") << u"addresses"_qs << u"address"_qs;
    QTest::addRow("-xes") << u"boxes"_qs << u"box"_qs;
    QTest::addRow("abbreviation") << u"sres"_qs << u"sre"_qs;
    QTest::addRow("-ss") << u"business"_qs << QString();
    QTest::addRow("-us") << u"status"_qs << QString();
    QTest::addRow("-is") << u"analysis"_qs << QString();
    QTest::addRow("short") << u"aws"_qs << QString();
    QTest::addRow("no s") << u"python"_qs << QString();
    QTest::addRow("not a-z") << u"c++s"_qs << QString();
    QTest::addRow("accent") << u"cafés"_qs << QString(); // folded words have none; others are no English plural
}

void TestTextFold::englishSingular()
{
    QFETCH(QString, word);
    QFETCH(QString, singular);
    QCOMPARE(Colleagues::englishSingular(word), singular);
}

void TestTextFold::codePoints()
{
    QCOMPARE(codePointCount(u"abc"), 3);
    QCOMPARE(codePointCount(u"😀😀"), 2); // astral characters count once
    QCOMPARE(codePointCount(u""), 0);
}

void TestTextFold::asciiFastPathMatchesUnicodePath()
{
    // ASCII text takes a fast path; a non-ASCII letter in front sends the same text through
    // normalization and case folding. Both must fold it the same way: lower case, white space
    // runs as one space, trimmed, everything else kept.
    QList<QString> inputs {u"Node.JS"_qs, u" \t C++\n\v\f\r/ C# "_qs, u"\x01\x1c\x1f|~\x7f"_qs, u""_qs, u"   "_qs};
    quint32 state = 12345;
    for (int n = 0; n < 500; ++n) {
        QString s;
        for (int i = 0, length = int(state % 24); i < length; ++i) {
            state = state * 1103515245 + 12345;
            s.append(QChar(char16_t((state >> 16) % 128)));
        }
        inputs.append(s);
    }
    for (const QString &s : std::as_const(inputs)) {
        const QString expected = s.toLower().simplified();
        QCOMPARE(Colleagues::foldText(s), expected);
        QCOMPARE(Colleagues::foldText(u"\u00c9"_qs + s), (u"e"_qs + s).toLower().simplified());
    }
}

void TestTextFold::englishActivities_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("activity"); // one of the guesses; empty: none
    QTest::addRow("-er: -ing") << u"painter"_qs << u"painting"_qs;
    QTest::addRow("-er: -y") << u"photographer"_qs << u"photography"_qs;
    QTest::addRow("-er: the stem") << u"golfer"_qs << u"golf"_qs;
    QTest::addRow("-er: -e") << u"dancer"_qs << u"dance"_qs;
    QTest::addRow("doubled consonant") << u"runner"_qs << u"running"_qs;
    QTest::addRow("doubled consonant once") << u"swimmer"_qs << u"swim"_qs;
    QTest::addRow("-ist: the stem") << u"guitarist"_qs << u"guitar"_qs;
    QTest::addRow("-ist: -ing") << u"cyclist"_qs << u"cycling"_qs;
    QTest::addRow("-ist: -ics") << u"economist"_qs << u"economics"_qs;
    QTest::addRow("-ist: -ism") << u"journalist"_qs << u"journalism"_qs;
    QTest::addRow("-ist: -o") << u"pianist"_qs << u"piano"_qs;
    QTest::addRow("-ist: -ry") << u"chemist"_qs << u"chemistry"_qs;
    QTest::addRow("-ian: the stem") << u"musician"_qs << u"music"_qs;
    QTest::addRow("-ian: -y") << u"historian"_qs << u"history"_qs;
    QTest::addRow("-ian: -s") << u"mathematician"_qs << u"mathematics"_qs;
    QTest::addRow("short stem") << u"user"_qs << QString();
    QTest::addRow("other ending") << u"python"_qs << QString();
    QTest::addRow("not a-z") << u"c++er"_qs << QString();
}

void TestTextFold::englishActivities()
{
    QFETCH(QString, word);
    QFETCH(QString, activity);
    const QStringList activities = Colleagues::englishActivities(word);
    if (activity.isEmpty())
        QVERIFY2(activities.isEmpty(), qPrintable(activities.join(u", ")));
    else
        QVERIFY2(activities.contains(activity), qPrintable(activities.join(u", ")));
    QVERIFY(!activities.contains(word));
}

QTEST_APPLESS_MAIN(TestTextFold)
#include "tst_textfold.moc"
