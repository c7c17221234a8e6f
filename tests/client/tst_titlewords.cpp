// SPDX-License-Identifier: MIT
#include "client/search/TitleWords.h"

#include <QTest>

using namespace Colleagues;

class TestTitleWords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void says_data();
    void says();
    void phrases();
    void peopleComeAndGo();
    void departments();
};

void TestTitleWords::says_data()
{
    QTest::addColumn<QByteArray>("title"); // as the index's title column holds it
    QTest::addColumn<QStringList>("phrase");
    QTest::addColumn<bool>("says");
    const QStringList pm {u"product"_qs, u"manager"_qs};
    QTest::addRow("as written") << QByteArray("product manager") << pm << true;
    QTest::addRow("with more around") << QByteArray("senior growth product manager emea") << pm << true;
    QTest::addRow("a word between") << QByteArray("product marketing manager") << pm << false;
    QTest::addRow("other order") << QByteArray("manager product") << pm << false;
    QTest::addRow("one of the words") << QByteArray("product designer") << pm << false;
    QTest::addRow("spaces doubled") << QByteArray(" product  manager ") << pm << true;
    QTest::addRow("three words") << QByteArray("staff machine learning engineer")
                                 << QStringList {u"machine"_qs, u"learning"_qs, u"engineer"_qs} << true;
    QTest::addRow("three words, parted") << QByteArray("engineer machine learning")
                                         << QStringList {u"machine"_qs, u"learning"_qs, u"engineer"_qs} << false;
    QTest::addRow("past the words kept") << QByteArray("a b c d e product manager") << pm
                                         << false; // the first six words only
    QTest::addRow("empty title") << QByteArray() << pm << false;
}

void TestTitleWords::says()
{
    QFETCH(QByteArray, title);
    QFETCH(QStringList, phrase);
    QFETCH(bool, says);
    TitleWords titles;
    titles.reset(4);
    titles.setPerson(2, title);
    QCOMPARE(titles.says(2, TitleWords::phrase(phrase)), says);
    QVERIFY(!titles.says(1, TitleWords::phrase(phrase))); // someone else
}

void TestTitleWords::phrases()
{
    // One word is no phrase (the index says it already); nor is one longer than a kept title.
    QVERIFY(TitleWords::phrase({u"manager"_qs}).empty());
    QVERIFY(TitleWords::phrase({}).empty());
    QCOMPARE(TitleWords::phrase({u"a"_qs, u"b"_qs}).size(), size_t(2));
    QStringList seven;
    for (int i = 0; i < TitleWords::MaxWords + 1; ++i)
        seven.append(QString::number(i));
    QVERIFY(TitleWords::phrase(seven).empty());
    QCOMPARE(TitleWords::phrase(seven.mid(0, TitleWords::MaxWords)).size(), size_t(TitleWords::MaxWords));
    // One word, to ask whether a title has it.
    TitleWords titles;
    titles.setPerson(0, "senior product manager");
    QVERIFY(titles.says(0, TitleWords::word(u"senior"_qs)));
    QVERIFY(titles.says(0, TitleWords::word(u"manager"_qs)));
    QVERIFY(!titles.says(0, TitleWords::word(u"lead"_qs)));
    QVERIFY(!titles.says(0, TitleWords::word(QString())));
}

void TestTitleWords::peopleComeAndGo()
{
    const TitleWords::Phrase pm = TitleWords::phrase({u"product"_qs, u"manager"_qs});
    TitleWords titles;
    titles.reset(2);
    QVERIFY(!titles.has(7));
    titles.setPerson(7, "product manager"); // beyond the size it was made for
    QVERIFY(titles.has(7));
    QVERIFY(titles.says(7, pm));
    titles.setPerson(7, "product marketing manager"); // a new title replaces the old
    QVERIFY(!titles.says(7, pm));
    titles.setPerson(7, "product manager");
    titles.removePerson(7);
    QVERIFY(!titles.has(7));
    QVERIFY(!titles.says(7, pm));
    titles.setPerson(1, ""); // no title is a title read
    QVERIFY(titles.has(1));
    QVERIFY(!titles.says(100, pm));
    titles.setPerson(0, "product manager");
    titles.reset(2);
    QVERIFY(!titles.says(0, pm));
}

void TestTitleWords::departments()
{
    const TitleWords::Phrase secOps = TitleWords::phrase({u"security"_qs, u"operations"_qs});
    TitleWords titles;
    titles.reset(4);
    titles.setPerson(0, "analyst", "security operations");
    titles.setPerson(1, "security operations lead", "it");
    titles.setPerson(2, "operations manager", "security");
    titles.setPerson(3, "engineer", "security operations"); // the same department, kept once
    QVERIFY(titles.departmentSays(0, secOps));
    QVERIFY(!titles.says(0, secOps)); // the title does not
    QVERIFY(titles.says(1, secOps));
    QVERIFY(!titles.departmentSays(1, secOps));
    QVERIFY(!titles.departmentSays(2, secOps));
    QVERIFY(!titles.says(2, secOps));
    QVERIFY(titles.departmentSays(3, secOps));
    QVERIFY(titles.departmentSays(3, TitleWords::word(u"operations"_qs)));
    titles.setPerson(3, "engineer", "platform"); // moved
    QVERIFY(!titles.departmentSays(3, secOps));
    QVERIFY(titles.departmentSays(0, secOps)); // the other one stays
    titles.setPerson(3, "engineer"); // no department
    QVERIFY(!titles.departmentSays(3, TitleWords::word(u"platform"_qs)));
    titles.removePerson(0);
    QVERIFY(!titles.departmentSays(0, secOps));
    QVERIFY(!titles.departmentSays(99, secOps));
}

QTEST_APPLESS_MAIN(TestTitleWords)
#include "tst_titlewords.moc"
