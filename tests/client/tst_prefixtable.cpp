// SPDX-License-Identifier: MIT
#include "client/search/PrefixTable.h"

#include <QRandomGenerator>
#include <QTest>

#include <array>

using namespace Colleagues;

namespace {

using Columns = QList<QByteArray>;

std::vector<QByteArrayView> views(const Columns &columns)
{
    return std::vector<QByteArrayView>(columns.cbegin(), columns.cend());
}

//! What the table must answer, computed the slow way: every token of every column.
PrefixTable::Hit naive(const Columns &columns, const QByteArray &term)
{
    PrefixTable::Hit hit;
    for (int column = 0; column < int(columns.size()); ++column) {
        for (const QByteArray &token : columns[column].split(' ')) {
            if (token.isEmpty() || !token.startsWith(term))
                continue;
            hit.prefix |= quint16(1u << column);
            if (token == term)
                hit.exact |= quint16(1u << column);
        }
    }
    return hit;
}

} // namespace

class TestPrefixTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void term_data();
    void term();
    void lookup_data();
    void lookup();
    void manyPeople();
    void setPersonAgain();
    void removeAndResize();
    void matchesNaiveLookup();
};

void TestPrefixTable::term_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("valid");
    QTest::addRow("one letter") << "a" << true;
    QTest::addRow("four") << "kube" << true;
    QTest::addRow("digits") << "3d" << true;
    QTest::addRow("encoded symbol") << "c_p" << true;
    QTest::addRow("empty") << "" << false;
    QTest::addRow("five") << "kuber" << false;
    QTest::addRow("outside the alphabet") << "a-b" << false;
    QTest::addRow("upper case (tokens are folded)") << "Ab" << false;
}

void TestPrefixTable::term()
{
    QFETCH(QString, token);
    QFETCH(bool, valid);
    const PrefixTable::Term term = PrefixTable::term(token);
    QCOMPARE(term.isValid(), valid);
    if (valid)
        QCOMPARE(term.length, token.size());
}

void TestPrefixTable::lookup_data()
{
    QTest::addColumn<Columns>("columns");
    QTest::addColumn<QString>("term");
    QTest::addColumn<int>("prefix");
    QTest::addColumn<int>("exact");
    const Columns person {"ada lovelace", "software engineer",     "", "london", "kubernetes c_p_p", "", "", "", "go",
                          "chess",        "ada builds a a3 things"};
    QTest::addRow("one letter, no such word") << person << "l" << 0b1001 << 0;
    QTest::addRow("one letter word") << person << "a" << 0b10000000001 << 0b10000000000;
    QTest::addRow("exact short word in two columns") << person << "ada" << 0b10000000001 << 0b10000000001;
    QTest::addRow("prefix of a long word") << person << "kube" << 0b10000 << 0;
    QTest::addRow("three letters of a long word") << person << "lov" << 0b1 << 0;
    QTest::addRow("exact two-letter skill") << person << "go" << 0b100000000 << 0b100000000;
    QTest::addRow("encoded symbol prefix") << person << "c_p" << 0b10000 << 0;
    QTest::addRow("encoded symbol, one letter") << person << "c" << 0b1000010000 << 0;
    QTest::addRow("digit after a letter") << person << "a3" << 0b10000000000 << 0b10000000000;
    QTest::addRow("missing") << person << "zz" << 0 << 0;
    QTest::addRow("same first letter, other pair") << person << "ab" << 0 << 0;
    QTest::addRow("longer than the word") << person << "adam" << 0 << 0;
    const Columns other {"m\xc3\xbcller \xe6\x9d\xb1x", "", "", "", "", "", "", "", "", "", "a\xc3\xa9"};
    QTest::addRow("other character after the first") << other << "m" << 0b1 << 0;
    QTest::addRow("other character is no letter") << other << "mu" << 0 << 0;
    QTest::addRow("first character outside the alphabet") << other << "x" << 0 << 0;
    QTest::addRow("short word with another character") << other << "a" << 0b10000000000 << 0;
    QTest::addRow("empty person") << Columns(11) << "a" << 0 << 0;
}

void TestPrefixTable::lookup()
{
    QFETCH(Columns, columns);
    QFETCH(QString, term);
    QFETCH(int, prefix);
    QFETCH(int, exact);
    PrefixTable table;
    table.reset(3);
    // Neighbours on both sides, so that runs are not at the table's ends.
    const Columns neighbour {"zed lambda", "abc", "", "", "", "", "", "", "", "", "ada"};
    table.setPerson(0, views(neighbour));
    table.setPerson(1, views(columns));
    table.setPerson(2, views(neighbour));
    const PrefixTable::Hit hit = table.lookup(1, PrefixTable::term(term));
    QCOMPARE(int(hit.prefix), prefix);
    QCOMPARE(int(hit.exact), exact);
    QCOMPARE(table.unusedEntries(), size_t(0));
}

void TestPrefixTable::manyPeople()
{
    // Lookups past the end and of people without a run find nothing.
    PrefixTable table;
    table.reset(4);
    table.setPerson(2, views({"ada"}));
    QCOMPARE(table.lookup(2, PrefixTable::term(QStringLiteral("ad"))).prefix, quint16(1));
    QCOMPARE(table.lookup(1, PrefixTable::term(QStringLiteral("ad"))).prefix, quint16(0));
    QCOMPARE(table.lookup(3, PrefixTable::term(QStringLiteral("ad"))).prefix, quint16(0));
    QCOMPARE(table.lookup(99, PrefixTable::term(QStringLiteral("ad"))).prefix, quint16(0));
    QCOMPARE(table.lookup(2, PrefixTable::Term {}).prefix, quint16(0));
}

void TestPrefixTable::setPersonAgain()
{
    PrefixTable table;
    table.reset(2);
    table.setPerson(0, views({"grace hopper", "admiral"}));
    table.setPerson(1, views({"alan turing"}));
    const size_t before = table.entryCount();
    QCOMPARE(table.lookup(0, PrefixTable::term(QStringLiteral("adm"))).prefix, quint16(0b10));

    // A changed person gets a new run; the old one is unused, the neighbour is untouched.
    table.setPerson(0, views({"grace hopper", "", "", "navy"}));
    QCOMPARE(table.lookup(0, PrefixTable::term(QStringLiteral("adm"))).prefix, quint16(0));
    QCOMPARE(table.lookup(0, PrefixTable::term(QStringLiteral("navy"))).exact, quint16(0b1000));
    QCOMPARE(table.lookup(0, PrefixTable::term(QStringLiteral("gra"))).prefix, quint16(0b1));
    QCOMPARE(table.lookup(1, PrefixTable::term(QStringLiteral("tur"))).prefix, quint16(0b1));
    QCOMPARE(table.unusedEntries(), size_t(3)); // "grac", "hopp", "admi"
    QCOMPARE(table.entryCount(), before + 3); // "grac", "hopp", "navy"
}

void TestPrefixTable::removeAndResize()
{
    PrefixTable table;
    table.reset(1);
    table.setPerson(0, views({"ada"}));
    table.resize(3);
    QCOMPARE(table.people(), size_t(3));
    QCOMPARE(table.lookup(0, PrefixTable::term(QStringLiteral("ada"))).exact, quint16(1));
    QCOMPARE(table.lookup(2, PrefixTable::term(QStringLiteral("ada"))).exact, quint16(0));
    table.setPerson(2, views({"bob"}));
    QCOMPARE(table.lookup(2, PrefixTable::term(QStringLiteral("b"))).prefix, quint16(1));
    // setPerson beyond the end grows the table.
    table.setPerson(5, views({"", "cat"}));
    QCOMPARE(table.people(), size_t(6));
    QCOMPARE(table.lookup(5, PrefixTable::term(QStringLiteral("cat"))).exact, quint16(0b10));

    table.removePerson(0);
    QCOMPARE(table.lookup(0, PrefixTable::term(QStringLiteral("a"))).prefix, quint16(0));
    QCOMPARE(table.unusedEntries(), size_t(1));
    QVERIFY(table.needsCompaction()); // one of three entries is unused
    table.removePerson(42); // not in the table: nothing happens
    QCOMPARE(table.unusedEntries(), size_t(1));
}

void TestPrefixTable::matchesNaiveLookup()
{
    // Random people of random words over a small alphabet (many shared prefixes, words of 1 to
    // 7 characters, long runs), changed and removed at random: every lookup of every term of
    // one to four characters agrees with the naive answer, and so do the postings of the first
    // two characters of each term (kept in id order as people change).
    QRandomGenerator random(20240611);
    const QByteArray alphabet = "abc_1";
    auto word = [&] {
        QByteArray out;
        const int length = 1 + random.bounded(7);
        for (int i = 0; i < length; ++i)
            out += alphabet[random.bounded(int(alphabet.size()))];
        return out;
    };
    auto person = [&] {
        Columns columns(PrefixTable::MaxColumns);
        for (QByteArray &column : columns) {
            QByteArrayList words;
            for (int n = random.bounded(6); n > 0; --n)
                words.append(word());
            column = words.join(' ');
        }
        return columns;
    };
    std::vector<Columns> people(60);
    PrefixTable table;
    table.reset(people.size());
    for (size_t id = 0; id < people.size(); ++id) {
        people[id] = person();
        table.setPerson(id, views(people[id]));
    }
    QVERIFY(!table.hasPostings());
    table.squeeze(); // ends the build: makes the postings
    QVERIFY(table.hasPostings());
    for (int change = 0; change < 30; ++change) {
        const size_t id = size_t(random.bounded(int(people.size())));
        if (change % 5 == 0) {
            people[id] = Columns(PrefixTable::MaxColumns);
            table.removePerson(id);
        } else {
            people[id] = person();
            table.setPerson(id, views(people[id]));
        }
    }
    QList<QByteArray> terms {""};
    for (int length = 1; length <= PrefixTable::MaxLength; ++length) {
        QList<QByteArray> longer;
        for (const QByteArray &term : std::as_const(terms)) {
            for (char c : alphabet)
                longer.append(term + c);
        }
        terms = longer;
        for (const QByteArray &term : std::as_const(terms)) {
            const PrefixTable::Term tableTerm = PrefixTable::term(QString::fromLatin1(term));
            QVERIFY(tableTerm.isValid());
            const std::span<const PrefixTable::Posting> postings = table.pairPostings(tableTerm);
            if (length == 1)
                QVERIFY(postings.empty());
            for (size_t i = 1; i < postings.size(); ++i)
                QVERIFY(postings[i - 1].id < postings[i].id);
            size_t cursor = 0;
            for (size_t id = 0; id < people.size(); ++id) {
                const PrefixTable::Hit expected = naive(people[id], term);
                const PrefixTable::Hit hit = table.lookup(id, tableTerm);
                if (hit.prefix != expected.prefix || hit.exact != expected.exact)
                    QFAIL(qPrintable(QStringLiteral("person %1, term %2").arg(id).arg(QString::fromLatin1(term))));
                if (length < 2)
                    continue;
                // Two characters: the postings are the answer; more: they hold everyone it matches.
                const bool posted = cursor < postings.size() && postings[cursor].id == id;
                const PrefixTable::Hit pair = naive(people[id], term.left(2));
                if (posted != (pair.prefix != 0))
                    QFAIL(qPrintable(
                        QStringLiteral("postings of person %1, term %2").arg(id).arg(QString::fromLatin1(term))));
                if (posted) {
                    const PrefixTable::Hit fromPosting = table.lookup(postings[cursor], tableTerm);
                    if (fromPosting.prefix != expected.prefix || fromPosting.exact != expected.exact)
                        QFAIL(qPrintable(QStringLiteral("lookup by posting of person %1, term %2")
                                             .arg(id)
                                             .arg(QString::fromLatin1(term))));
                    ++cursor;
                }
            }
            QCOMPARE(cursor, postings.size());
        }
    }
}

QTEST_APPLESS_MAIN(TestPrefixTable)
#include "tst_prefixtable.moc"
