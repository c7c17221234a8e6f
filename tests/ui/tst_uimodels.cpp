// SPDX-License-Identifier: MIT
// The UI's models over a real local store: the search results model with its paging, and the
// skills editor's model, each checked by QAbstractItemModelTester.
#include "client/ClientStore.h"
#include "demo/DemoCompany.h"
#include "ui/DesktopApp.h"
#include "ui/people/ResultsModel.h"
#include "ui/people/SearchService.h"
#include "ui/profile/SkillsModel.h"
#include "ui/widgets/StatusText.h"
#include "ui/widgets/Theme.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Colleagues;

namespace {

//! A results model over a store, checked by a tester all along.
struct TestedResults
{
    explicit TestedResults(const QString &storeFile)
        : service(storeFile)
        , model(&service)
    { }
    //! Asks for \a query and waits for its first page to bring rows.
    bool search(const QString &query)
    {
        SearchRequest request;
        request.query = query;
        model.setRequest(request);
        return QTest::qWaitFor([this] { return !model.isLoading() && model.rowCount() > 0; });
    }

    SearchService service;
    ResultsModel model;
    QAbstractItemModelTester tester {&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

} // namespace

class TestUiModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resultsPageAndFetchMore();
    void resultsFollowTheQuery();
    void resultsFacetFilter();
    void samePeopleKeepTheirRows();
    void roleNamesFollowTheRoles();
    void skillsModelRules_data();
    void skillsModelRules();
    void skillsModelTester();
    void avatarColourIsStable();
    void toolTipsShowMarkupLiterally();
    void englishPluralForms();
    void statusWords();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ClientStore> m_store;
};

void TestUiModels::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = std::make_unique<ClientStore>();
    QVERIFY2(m_store->open(m_dir.path()), qPrintable(m_store->errorString()));
    const DemoCompanyData company = generateDemoCompany(600, 3);
    DirectoryBatch batch;
    batch.upserts = company.profiles;
    for (qsizetype i = 0; i < batch.upserts.size(); ++i)
        batch.upserts[i].id = QStringLiteral("id-%1").arg(i);
    QVERIFY(m_store->applyBatch(batch));
}

void TestUiModels::resultsPageAndFetchMore()
{
    TestedResults results(m_store->filePath());
    ResultsModel &model = results.model;
    model.setPageSize(20);
    QSignalSpy replaced(&model, &ResultsModel::resultsReplaced);
    SearchRequest request;
    request.query = QStringLiteral("a"); // a one-letter prefix: many results, several pages
    model.setRequest(request);
    QVERIFY(replaced.wait(10000));
    QVERIFY(model.rowCount() >= 20); // the tester itself may have fetched a second page already
    QCOMPARE(model.rowCount() % 20, 0);
    QVERIFY(model.summary().total > 60);
    // Scrolling down asks for one page at a time until the view is filled.
    auto fetched = [&model] {
        if (model.canFetchMore({})) {
            model.fetchMore({});
            if (model.canFetchMore({}))
                qFatal("a second fetch started while one was running");
        }
        return model.rowCount() >= 40;
    };
    QTRY_VERIFY(fetched());
    QTRY_VERIFY(!model.isLoading() && model.rowCount() % 20 == 0);
    const SearchResult *first = model.result(0);
    QVERIFY(first);
    QCOMPARE(model.index(0).data(ResultsModel::IdRole).toString(), first->id);
    QCOMPARE(model.index(0).data().toString(), first->displayName);
    QVERIFY(!model.index(0).data(ResultsModel::SubtitleRole).toString().isEmpty());
    // Pages follow on from each other without repeating anyone.
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.insert(model.result(row)->id);
    QCOMPARE(ids.size(), model.rowCount());
}

void TestUiModels::resultsFollowTheQuery()
{
    TestedResults results(m_store->filePath());
    ResultsModel &model = results.model;
    QSignalSpy replaced(&model, &ResultsModel::resultsReplaced);
    // Typing fast: only the last query's results end up in the model.
    for (const QString &text : {QStringLiteral("p"), QStringLiteral("py"), QStringLiteral("pyt"),
                                QStringLiteral("pyth"), QStringLiteral("python")}) {
        SearchRequest request;
        request.query = text;
        model.setRequest(request);
    }
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.summary().query, QStringLiteral("python"));
    QVERIFY(model.rowCount() > 0);
    const SearchResult *top = model.result(0);
    QVERIFY(std::any_of(top->matchedSkills.cbegin(), top->matchedSkills.cend(), [](const MatchedSkill &s) {
        return s.name.compare(QLatin1String("Python"), Qt::CaseInsensitive) == 0;
    }));

    SearchRequest none;
    none.query = QStringLiteral("zzqqxx");
    model.setRequest(none);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

void TestUiModels::resultsFacetFilter()
{
    TestedResults results(m_store->filePath());
    ResultsModel &model = results.model;
    QVERIFY(results.search(QStringLiteral("e")));
    QVERIFY(!model.summary().departments.isEmpty());
    const FacetCount department = model.summary().departments.first();
    SearchRequest request = model.request();
    request.departments = {department.value};
    model.setRequest(request);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.summary().total, department.count);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.result(row)->department, department.value);
}

void TestUiModels::samePeopleKeepTheirRows()
{
    // A query that brings back the same people in the same order (typing a space, a longer
    // word that everyone on the page has) updates the rows in place instead of resetting.
    TestedResults results(m_store->filePath());
    ResultsModel &model = results.model;
    QVERIFY(results.search(QStringLiteral("python")));
    const int rows = model.rowCount();
    const QString first = model.result(0)->id;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy replaced(&model, &ResultsModel::resultsReplaced);
    SearchRequest request = model.request();
    request.query = QStringLiteral("python ");
    model.setRequest(request);
    QVERIFY(replaced.wait(10000));
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(model.result(0)->id, first);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.summary().query, QStringLiteral("python "));

    request.query = QStringLiteral("zzqqxx");
    model.setRequest(request);
    QVERIFY(replaced.wait(10000));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
}

void TestUiModels::roleNamesFollowTheRoles()
{
    SearchService service(m_store->filePath());
    const QHash<int, QByteArray> names = ResultsModel(&service).roleNames();
    QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));
    QCOMPARE(names.value(ResultsModel::IdRole), QByteArray("id"));
    QCOMPARE(names.value(ResultsModel::TimeZoneRole), QByteArray("timeZone"));
    QCOMPARE(names.value(ResultsModel::SubtitleRole), QByteArray("subtitle"));
}

void TestUiModels::skillsModelRules_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("level");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("new skill") << QStringLiteral("Rust") << 4 << true;
    QTest::addRow("same skill, other case") << QStringLiteral("c++") << 3 << false;
    QTest::addRow("symbols make another skill") << QStringLiteral("C#") << 3 << true;
    QTest::addRow("empty") << QStringLiteral("  ") << 3 << false;
    QTest::addRow("too long") << QString(65, QLatin1Char('x')) << 3 << false;
    QTest::addRow("level 0") << QStringLiteral("Go") << 0 << false;
    QTest::addRow("level 6") << QStringLiteral("Go") << 6 << false;
    QTest::addRow("control character") << QStringLiteral("Go\u0007") << 3 << false;
}

void TestUiModels::skillsModelRules()
{
    QFETCH(QString, name);
    QFETCH(int, level);
    QFETCH(bool, accepted);
    SkillsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSkills({{QStringLiteral("C++"), 5}});
    const QString error = model.addSkill(name, level);
    QCOMPARE(error.isEmpty(), accepted);
    QCOMPARE(model.rowCount(), accepted ? 2 : 1);
}

void TestUiModels::skillsModelTester()
{
    SkillsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &SkillsModel::skillsEdited);
    model.setSkills({{QStringLiteral("Go"), 2}, {QStringLiteral("Python"), 4}});
    QVERIFY(model.setData(model.index(0, SkillsModel::LevelColumn), 5));
    QCOMPARE(model.skills().at(0).level, 5);
    QVERIFY(!model.setData(model.index(0, SkillsModel::LevelColumn), 9));
    QVERIFY(!model.setData(model.index(0, SkillsModel::NameColumn), QStringLiteral("python"))); // duplicate
    QVERIFY(model.setData(model.index(0, SkillsModel::NameColumn), QStringLiteral("Golang")));
    model.removeSkill(1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(edited.size(), 3);
    QCOMPARE(model.headerData(SkillsModel::LevelColumn, Qt::Horizontal).toString(), QStringLiteral("Level"));
}

void TestUiModels::avatarColourIsStable()
{
    const QPalette palette;
    QCOMPARE(Theme::avatarColor(QStringLiteral("ada"), palette), Theme::avatarColor(QStringLiteral("ada"), palette));
    // Known value: the hash must not depend on the process (qHash is seeded).
    QCOMPARE(Theme::initials(QStringLiteral("Ada King Lovelace")), QStringLiteral("AL"));
    QCOMPARE(Theme::initials(QStringLiteral("zoë")), QStringLiteral("Z"));
    QCOMPARE(Theme::initials(QString()), QStringLiteral("?"));
}

void TestUiModels::toolTipsShowMarkupLiterally()
{
    const QString tip = Theme::plainToolTip(QStringLiteral("<b>bold</b> & <img src=x>"));
    QVERIFY(tip.contains(QLatin1String("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x&gt;")));
    QVERIFY(!tip.contains(QLatin1String("<b>")));
}

void TestUiModels::englishPluralForms()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    DesktopApp::setUpApplication();
    QCOMPARE(QCoreApplication::translate("Colleagues::PeoplePanel", "%n people", nullptr, 1),
             QStringLiteral("1 person"));
    QCOMPARE(QCoreApplication::translate("Colleagues::PeoplePanel", "%n people", nullptr, 3),
             QStringLiteral("3 people"));
    QCOMPARE(QCoreApplication::translate("Colleagues::LocalTime", "%n hour(s)", nullptr, 1), QStringLiteral("1 hour"));
    QCOMPARE(QCoreApplication::translate("Colleagues::LocalTime", "%n hour(s)", nullptr, 2), QStringLiteral("2 hours"));
}

void TestUiModels::statusWords()
{
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    const QDateTime now(QDate(2026, 12, 4), QTime(11, 0), Qt::LocalTime);
    Status s;
    s.username = u"grace"_qs;
    QCOMPARE(StatusText::stateWords(s, now), u"Offline"_qs);
    QCOMPARE(StatusText::line(s, now), QString()); // nothing to say beside the name
    QCOMPARE(StatusText::look(s), StatusText::Look::Offline);
    s.presence = Presence::Online;
    QCOMPARE(StatusText::description(s, now), u"Available"_qs);
    QCOMPARE(StatusText::look(s), StatusText::Look::Available);
    s.presence = Presence::Away;
    QCOMPARE(StatusText::look(s), StatusText::Look::Away);

    // Do not disturb until a time today: the time alone, in the locale's format.
    s.availability = Availability::Dnd;
    s.until = QDateTime(now.date(), QTime(16, 0), Qt::LocalTime).toUTC();
    QCOMPARE(StatusText::line(s, now), u"Do not disturb until 16:00"_qs);
    QCOMPARE(StatusText::description(s, now), u"Do not disturb until 16:00 (away)"_qs);
    QCOMPARE(StatusText::look(s), StatusText::Look::Dnd);
    s.until = s.until.addDays(1);
    QCOMPARE(StatusText::line(s, now), u"Do not disturb until tomorrow 16:00"_qs);
    // The status text is the line; the state stays in the words.
    s.text = u"<b>Heads down</b>"_qs;
    QCOMPARE(StatusText::line(s, now), u"<b>Heads down</b>"_qs);
    QCOMPARE(StatusText::description(s, now), u"Do not disturb until tomorrow 16:00 (away): <b>Heads down</b>"_qs);

    // Out of office until a day: no weekday, no year this year.
    s = {};
    s.availability = Availability::OutOfOffice;
    s.outOfOffice = OutOfOffice {QDate(2026, 12, 1), QDate(2026, 12, 24), {}, {}};
    QCOMPARE(StatusText::line(s, now), u"Out of office until 24 December"_qs);
    QCOMPARE(StatusText::look(s), StatusText::Look::OutOfOffice);
    s.outOfOffice->to = QDate(2027, 1, 4);
    QCOMPARE(StatusText::line(s, now), u"Out of office until 4 January 2027"_qs);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(StatusText::dayText(QDate(2026, 12, 24), now.date()), u"December 24"_qs);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(StatusText::dayText(QDate(2026, 12, 24), now.date()), u"24. Dezember"_qs);
    QLocale::setDefault(saved);
}

QTEST_MAIN(TestUiModels)
#include "tst_uimodels.moc"
