// SPDX-License-Identifier: MIT
// A department whose people lead other departments is asked for with them: "finance" where the
// heads of Accounting and Treasury report to the Finance department. The departments under one
// are read from the manager links (SearchEngine::Private::departmentsUnder()).
#include "client/search/SearchEngine.h"
#include "tests/support/List.h"
#include "tests/support/SearchDirectory.h"
#include "tests/support/TestData.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Colleagues;
using Colleagues::Test::list;

namespace {

Profile member(const char *username, const char *manager, const char *department, const char *skill = nullptr)
{
    Profile p = Test::orgPerson(QString::fromUtf8(username), QString::fromUtf8(manager));
    p.department = QString::fromUtf8(department);
    if (skill)
        p.skills.append(Skill {QString::fromUtf8(skill), 4});
    // Everyone is an "Engineer" but the people of Finance and the departments under it, except
    // Finance Engineering's.
    static const QSet<QString> finance {u"Finance"_qs,  u"finance"_qs,         u"Accounting"_qs,
                                        u"Treasury"_qs, u"Cash Management"_qs, u"Tax"_qs};
    if (p.department == u"Accounting")
        p.title = u"Accountant"_qs;
    else if (finance.contains(p.department))
        p.title = u"Analyst"_qs;
    return p;
}

//! ceo (Leadership) ─┬─ cfo (Finance) ─┬─ fin.analyst (Finance) ─── it2 (IT)
//!                   │                 ├─ acc.head (Accounting) ─── acc1, acc2
//!                   │                 ├─ fe.lead (Finance Engineering) ─── fe1
//!                   │                 ├─ fin.lower ("finance") ─── tax1 (Tax)
//!                   │                 └─ tre.head (Treasury) ─┬─ tre1
//!                   │                                         └─ cash.lead (Cash Management) ─── cash1
//!                   ├─ cto (Engineering) ─┬─ it.head (IT) ─── it1
//!                   │                     └─ it.lead (IT)
//!                   └─ fs.head (Field Services) ─── rep.lead (Repairs) ─── rep1
//! a1 (Alpha) ─ a2 (Alpha) ─ b1 (Beta) ─ b2 (Beta) ─ a1: a cycle, each department under the other.
QList<Profile> company()
{
    // A department's name elsewhere than in the department is no part of it.
    Profile itExcel = member("it1", "it.head", "IT", "Excel");
    itExcel.bio = u"Keeps the Treasury laptops running."_qs;
    Profile fe1 = member("fe1", "fe.lead", "Finance Engineering");
    fe1.title = u"Software Engineer"_qs;
    Profile repairsLead = member("rep.lead", "fs.head", "Repairs");
    repairsLead.title = u"Technician"_qs;
    return {
        member("ceo", "", "Leadership"),
        member("cfo", "ceo", "Finance"),
        member("fin.analyst", "cfo", "Finance"),
        member("acc.head", "cfo", "Accounting"),
        member("acc1", "acc.head", "Accounting", "Excel"),
        member("acc2", "acc.head", "Accounting"),
        member("tre.head", "cfo", "Treasury"),
        member("tre1", "tre.head", "Treasury", "Excel"),
        member("cash.lead", "tre.head", "Cash Management"),
        member("cash1", "cash.lead", "Cash Management"),
        member("fe.lead", "cfo", "Finance Engineering"),
        fe1,
        // The department written another way, as imported directories do; it is the same one.
        member("fin.lower", "cfo", "finance"),
        member("tax1", "fin.lower", "Tax"),
        member("cto", "ceo", "Engineering"),
        member("it.head", "cto", "IT"),
        member("it.lead", "cto", "IT"),
        itExcel,
        // One of IT reports to Finance: IT stays where most of its heads report.
        member("it2", "fin.analyst", "IT", "Excel"),
        member("fs.head", "ceo", "Field Services"),
        repairsLead,
        member("rep1", "rep.lead", "Repairs", "Excel"),
        member("a1", "b2", "Alpha"),
        member("a2", "a1", "Alpha"),
        member("b1", "a2", "Beta"),
        member("b2", "b1", "Beta"),
    };
}

} // namespace

class TestDepartments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void departmentWithTheOnesUnderIt();
    void underOthersNotAsked_data();
    void underOthersNotAsked();
    void severalWords();
    void roleBesideDepartment_data();
    void roleBesideDepartment();
    void cycleIsWalkedOnce();
    void followsTheDirectory();

private:
    SearchPage search(const QString &query)
    {
        SearchRequest request;
        request.query = query;
        request.limit = 100;
        return m_org->engine->search(request);
    }

    std::unique_ptr<Test::SearchDirectory> m_org;
};

void TestDepartments::init()
{
    m_org = std::make_unique<Test::SearchDirectory>();
    QVERIFY(m_org->open(company()));
}

void TestDepartments::cleanup()
{
    m_org.reset();
}

void TestDepartments::departmentWithTheOnesUnderIt()
{
    const SearchPage finance = search(u"finance"_qs);
    QCOMPARE(finance.error, QString());
    // Its own people first, then those of the departments under it, every level; not IT, whose
    // heads report to Engineering, though one of its people reports to Finance.
    QStringList found = Test::usernames(finance).mid(0, 5);
    found.sort();
    // ("Finance Engineering" says the word too.)
    QCOMPARE(found, list({"cfo", "fe.lead", "fe1", "fin.analyst", "fin.lower"}));
    found = Test::usernames(finance);
    found.sort();
    QCOMPARE(found,
             list({"acc.head", "acc1", "acc2", "cash.lead", "cash1", "cfo", "fe.lead", "fe1", "fin.analyst",
                   "fin.lower", "tax1", "tre.head", "tre1"}));
    // Named as the first spelling read.
    const QList<DepartmentsUnder> expected {DepartmentsUnder {
        u"Finance"_qs, list({"Accounting", "Cash Management", "Finance Engineering", "Tax", "Treasury"})}};
    QCOMPARE(finance.understood.departmentsUnder, expected);
    QVERIFY(
        finance.understood.describe(UnderstoodQuery::Detail::Names)
            .contains(
                u"with the departments under Finance: Accounting, Cash Management, Finance Engineering and 2 more"_qs));
    // Each says its department matched.
    for (const SearchResult &result : finance.results) {
        QVERIFY2(std::any_of(result.reasons.cbegin(), result.reasons.cend(),
                             [](const MatchReason &reason) { return reason.field == u"department"_qs; }),
                 qPrintable(result.username));
    }
    const QJsonArray under =
        toJson(finance).value(u"understood"_qs).toObject().value(u"departments_under"_qs).toArray();
    QCOMPARE(under.size(), 1);
    QCOMPARE(under.first().toObject().value(u"department"_qs).toString(), u"Finance"_qs);
    QCOMPARE(under.first().toObject().value(u"under"_qs).toArray().size(), 5);

    // With what else is asked: the Excel people of Finance and under it, not those of IT. In
    // German too: the words a German department stands for.
    QCOMPARE(Test::usernames(search(u"who in finance knows excel"_qs)), list({"acc1", "tre1"}));
    QCOMPARE(Test::usernames(search(u"wer in der Finanzabteilung kennt Excel"_qs)), list({"acc1", "tre1"}));
    // IT is under Engineering: most of its heads report there. (Finance Engineering says the word.)
    found = Test::usernames(search(u"engineering"_qs));
    found.sort();
    QCOMPARE(found, list({"cto", "fe.lead", "fe1", "it.head", "it.lead", "it1", "it2"}));
}

void TestDepartments::underOthersNotAsked_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("found");
    // The department of the top of the organisation: its own people, not everyone under them.
    QTest::addRow("top") << u"leadership"_qs << list({"ceo"});
    // No department is under it.
    QTest::addRow("no one under") << u"accounting"_qs << list({"acc.head", "acc1", "acc2"});
    // Left out: only the department's own people are.
    QTest::addRow("left out") << u"excel -finance"_qs << list({"acc1", "it1", "it2", "rep1", "tre1"});
}

void TestDepartments::underOthersNotAsked()
{
    QFETCH(QString, query);
    QFETCH(QStringList, found);
    const SearchPage page = search(query);
    QStringList usernames = Test::usernames(page);
    usernames.sort();
    QCOMPARE(usernames, found);
    QVERIFY(page.understood.departmentsUnder.isEmpty());
}

void TestDepartments::roleBesideDepartment_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("found");
    QTest::addColumn<bool>("partial");
    // Beside nothing but a department, a word for what people do is asked for: being in the
    // department says nothing of what someone does.
    QTest::addRow("engineers") << u"engineers in finance"_qs << list({"fe.lead", "fe1"}) << false;
    QTest::addRow("department first") << u"finance engineers"_qs << list({"fe.lead", "fe1"}) << false;
    QTest::addRow("several words") << u"engineers in field services"_qs << list({"fs.head", "rep1"}) << false;
    // Whoever writes software is a developer, and most are Software Engineers by title.
    QTest::addRow("developers") << u"developers in finance"_qs << list({"fe1"}) << false;
    QTest::addRow("German") << u"Entwickler in der Finanzabteilung"_qs << list({"fe1"}) << false;
    // No one there does it: the closest matches, said to be so.
    QTest::addRow("no one") << u"engineers in accounting"_qs << QStringList() << true;
    // Beside what people know it only ranks: every Excel person, the engineers first.
    QTest::addRow("with a skill") << u"engineers who know excel"_qs << list({"it1", "it2", "rep1", "acc1", "tre1"})
                                  << false;
}

void TestDepartments::roleBesideDepartment()
{
    QFETCH(QString, query);
    QFETCH(QStringList, found);
    QFETCH(bool, partial);
    const SearchPage page = search(query);
    QCOMPARE(page.error, QString());
    QCOMPARE(page.partial, partial);
    if (partial)
        return;
    QStringList usernames = Test::usernames(page);
    // The engineers first in any order, then the others.
    std::sort(usernames.begin(), usernames.begin() + std::min<qsizetype>(usernames.size(), 3));
    if (usernames.size() > 3)
        std::sort(usernames.begin() + 3, usernames.end());
    QCOMPARE(usernames, found);
}

void TestDepartments::severalWords()
{
    // A name of two words no vocabulary knows: both words typed in a row.
    const SearchPage field = search(u"who in field services knows excel"_qs);
    QCOMPARE(Test::usernames(field), list({"rep1"}));
    const QList<DepartmentsUnder> expected {DepartmentsUnder {u"Field Services"_qs, list({"Repairs"})}};
    QCOMPARE(field.understood.departmentsUnder, expected);
    QStringList found = Test::usernames(search(u"field services"_qs));
    found.sort();
    QCOMPARE(found, list({"fs.head", "rep.lead", "rep1"}));
    // Apart, the words are no department.
    QVERIFY(search(u"services excel field"_qs).understood.departmentsUnder.isEmpty());
    // A department whose words each name another: that department, not the two others.
    const SearchPage financeEngineering = search(u"finance engineering"_qs);
    found = Test::usernames(financeEngineering);
    found.sort();
    QCOMPARE(found, list({"fe.lead", "fe1"}));
    QVERIFY(financeEngineering.understood.departmentsUnder.isEmpty());
}

void TestDepartments::cycleIsWalkedOnce()
{
    const SearchPage alpha = search(u"alpha"_qs);
    QStringList found = Test::usernames(alpha);
    found.sort();
    QCOMPARE(found, list({"a1", "a2", "b1", "b2"}));
    const QList<DepartmentsUnder> expected {DepartmentsUnder {u"Alpha"_qs, list({"Beta"})}};
    QCOMPARE(alpha.understood.departmentsUnder, expected);
}

void TestDepartments::followsTheDirectory()
{
    QCOMPARE(search(u"finance"_qs).total, 13);
    // Treasury's head now reports to the CEO: Treasury and Cash Management are no longer under
    // Finance.
    Profile moved = member("tre.head", "ceo", "Treasury");
    moved.revision = 2;
    QVERIFY(m_org->store.upsertProfiles({moved}));
    const SearchPage finance = search(u"finance"_qs);
    QStringList found = Test::usernames(finance);
    found.sort();
    QCOMPARE(found, list({"acc.head", "acc1", "acc2", "cfo", "fe.lead", "fe1", "fin.analyst", "fin.lower", "tax1"}));
    const QList<DepartmentsUnder> expected {
        DepartmentsUnder {u"Finance"_qs, list({"Accounting", "Finance Engineering", "Tax"})}};
    QCOMPARE(finance.understood.departmentsUnder, expected);
}

QTEST_GUILESS_MAIN(TestDepartments)
#include "tst_departments.moc"
