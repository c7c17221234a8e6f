// SPDX-License-Identifier: MIT
// The org chart page: its model under QAbstractItemModelTester (big teams, cycles, missing
// managers, expanding, following the store), and the window: open the chart from a profile,
// move with the keyboard up to the top, open a profile, open the list behind "and N more".

#include "client/ClientStore.h"
#include "client/org/OrgChart.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestData.h"
#include "tests/ui/UiDriver.h"
#include "ui/DesktopApp.h"
#include "ui/MainWindow.h"
#include "ui/org/OrgChartView.h"
#include "ui/org/OrgModel.h"
#include "ui/org/OrgPanel.h"
#include "ui/org/TeamOverviewWidget.h"
#include "ui/people/FilterButton.h"
#include "ui/people/ProfilePane.h"
#include "ui/people/ResultsModel.h"
#include "ui/people/SkillMapWidget.h"
#include "ui/widgets/LevelChart.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QValueAxis>

using namespace Colleagues;
using namespace Colleagues::Test;

namespace {

OrgModel::Kind kindOf(const QModelIndex &index)
{
    return index.data(OrgModel::KindRole).value<OrgModel::Kind>();
}

} // namespace

class TestOrgChartUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelOfABigTeam();
    void modelShowsBrokenData();
    void modelFollowsTheStore();
    void openFromProfileAndWalkToTheTop();
    void moreOpensTheList();
    void teamOverviewAndSkillMap();
    void levelChartScale();

private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<QTemporaryDir> m_appDir;
    std::unique_ptr<DesktopApp> m_app;
};

void TestOrgChartUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestOrgChartUi::modelOfABigTeam()
{
    ClientStore store;
    QVERIFY(store.open(m_dir.filePath(u"big"_qs)));
    QList<Profile> people {orgPerson(u"ceo"_qs, QString()), orgPerson(u"boss"_qs, u"ceo"_qs)};
    for (int i = 0; i < 3000; ++i)
        people.append(orgPerson(QStringLiteral("w%1").arg(i, 4, 10, QLatin1Char('0')), u"boss"_qs));
    people.append(orgPerson(u"deep"_qs, u"w0001"_qs));
    QVERIFY(store.upsertProfiles(people));
    OrgChart chart(&store);
    QVERIFY(chart.refresh());
    OrgModel model(&chart);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(10);
    // w2500 among 2,999 peers: the first ten, then w2500 themselves, then "and 2,990 more".
    QVERIFY(model.setFocusPerson(u"w2500"_qs));
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex ceo = model.index(0, 0);
    QCOMPARE(ceo.data(OrgModel::UsernameRole).toString(), u"ceo"_qs);
    QCOMPARE(ceo.data(OrgModel::HeadcountRole).toInt(), 3002);
    const QModelIndex boss = model.index(0, 0, ceo);
    QCOMPARE(boss.data(OrgModel::HeadcountRole).toInt(), 3001);
    QCOMPARE(model.rowCount(boss), 12);
    QCOMPARE(kindOf(model.index(10, 0, boss)), OrgModel::Kind::Focus);
    QCOMPARE(model.index(10, 0, boss), model.focusIndex());
    const QModelIndex more = model.index(11, 0, boss);
    QCOMPARE(kindOf(more), OrgModel::Kind::More);
    QCOMPARE(more.data(OrgModel::MoreCountRole).toInt(), 2989);
    QCOMPARE(more.data(OrgModel::ManagerRole).toString(), u"boss"_qs);
    QVERIFY(more.data().toString().contains(u"2989"_qs) || more.data().toString().contains(u"2,989"_qs));
    // A peer with a report: read when expanded.
    const QModelIndex w1 = model.index(1, 0, boss);
    QCOMPARE(w1.data(OrgModel::UsernameRole).toString(), u"w0001"_qs);
    QVERIFY(model.hasChildren(w1));
    QVERIFY(model.setData(w1, true, OrgModel::ExpandedRole));
    QCOMPARE(model.rowCount(w1), 1);
    QCOMPARE(model.index(0, 0, w1).data(OrgModel::UsernameRole).toString(), u"deep"_qs);
    QVERIFY(!model.hasChildren(model.index(0, 0, w1)));
    // The painter lays out every expanded row once.
    const QList<OrgBox> boxes = OrgPainter::layout(&model);
    QCOMPARE(boxes.size(), 2 + 12 + 1);
}

void TestOrgChartUi::modelShowsBrokenData()
{
    ClientStore store;
    QVERIFY(store.open(m_dir.filePath(u"broken"_qs)));
    QVERIFY(store.upsertProfiles({orgPerson(u"a"_qs, u"b"_qs), orgPerson(u"b"_qs, u"a"_qs), orgPerson(u"c"_qs, u"a"_qs),
                                  orgPerson(u"lost"_qs, u"nobody"_qs)}));
    OrgChart chart(&store);
    QVERIFY(chart.refresh());
    OrgModel model(&chart);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setFocusPerson(u"c"_qs));
    // The cycle above, then b, a, and c beside b... never the cycle again below.
    QCOMPARE(kindOf(model.index(0, 0)), OrgModel::Kind::Problem);
    QVERIFY(model.index(0, 0).data().toString().contains(u"a → b → a"_qs));
    const QModelIndex b = model.index(1, 0);
    QCOMPARE(b.data(OrgModel::UsernameRole).toString(), u"b"_qs);
    const QModelIndex a = model.index(0, 0, b);
    QCOMPARE(a.data(OrgModel::UsernameRole).toString(), u"a"_qs);
    QStringList under;
    for (int row = 0; row < model.rowCount(a); ++row)
        under.append(model.index(row, 0, a).data(OrgModel::UsernameRole).toString());
    QCOMPARE(under, QStringList {u"c"_qs}); // b is above: not shown again
    QVERIFY(model.setFocusPerson(u"lost"_qs));
    QCOMPARE(kindOf(model.index(0, 0)), OrgModel::Kind::Problem);
    QVERIFY(model.index(0, 0).data().toString().contains(u"nobody"_qs));
    QVERIFY(!model.setFocusPerson(u"nobody"_qs));
}

void TestOrgChartUi::modelFollowsTheStore()
{
    ClientStore store;
    QVERIFY(store.open(m_dir.filePath(u"moves"_qs)));
    QVERIFY(store.upsertProfiles({orgPerson(u"top"_qs, QString()), orgPerson(u"m1"_qs, u"top"_qs),
                                  orgPerson(u"m2"_qs, u"top"_qs), orgPerson(u"x"_qs, u"m1"_qs)}));
    OrgChart chart(&store);
    QVERIFY(chart.refresh());
    OrgModel model(&chart);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setFocusPerson(u"x"_qs));
    QCOMPARE(model.focusIndex().parent().data(OrgModel::UsernameRole).toString(), u"m1"_qs);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    Profile x = orgPerson(u"x"_qs, u"m2"_qs);
    x.revision = 2;
    QVERIFY(store.upsertProfiles({x}));
    QVERIFY(chart.refresh());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.focusIndex().parent().data(OrgModel::UsernameRole).toString(), u"m2"_qs);
    QCOMPARE(model.focusIndex().parent().data(OrgModel::HeadcountRole).toInt(), 1);
}

void TestOrgChartUi::openFromProfileAndWalkToTheTop()
{
    QVERIFY2(m_server.seedDemo(300, 7), qPrintable(m_server.errorString()));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_appDir = std::make_unique<QTemporaryDir>();
    m_app = std::make_unique<DesktopApp>();
    QVERIFY(m_app->open(m_appDir->path()));
    QString error;
    QVERIFY2(signInAndSync(*m_app, m_server, u"ada"_qs, &error), qPrintable(error));
    MainWindow *w = m_app->window();
    w->show();
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w));

    OrgPanel *panel = w->orgPanel();
    QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Ada's profile, then "Show in org chart".
    w->showPerson(u"ada"_qs);
    ProfilePane *pane = child<ProfilePane>(w, u"profilePane");
    child<QPushButton>(pane, u"orgChartButton")->click();
    QCOMPARE(w->section(), MainWindow::Section::Org);
    QVERIFY(panel->isVisible());
    OrgChartView *view = child<OrgChartView>(panel, u"orgChartView");
    QTRY_VERIFY(view->hasFocus());
    QCOMPARE(view->currentIndex().data(OrgModel::UsernameRole).toString(), u"ada"_qs);
    QVERIFY(child<QLabel>(panel, u"orgTitleLabel")
                ->text()
                .contains(m_app->store()->profileByUsername(u"ada"_qs)->displayName));

    // Her chain, as the store says, up to the top.
    QStringList chain;
    for (auto p = m_app->store()->profileByUsername(u"ada"_qs); p && !p->manager.isEmpty();
         p = m_app->store()->profileByUsername(p->manager))
        chain.append(p->manager);
    QVERIFY(chain.size() >= 2);
    // Down moves to the next card, Up back.
    QTest::keyClick(view, Qt::Key_Down);
    QVERIFY(view->currentIndex().data(OrgModel::UsernameRole).toString() != u"ada"_qs);
    QTest::keyClick(view, Qt::Key_Up);
    QCOMPARE(view->currentIndex().data(OrgModel::UsernameRole).toString(), u"ada"_qs);
    // Left goes to the manager, each time, up to the top.
    for (const QString &manager : std::as_const(chain)) {
        QTest::keyClick(view, Qt::Key_Left);
        QCOMPARE(view->currentIndex().data(OrgModel::UsernameRole).toString(), manager);
    }
    QVERIFY(!view->currentIndex().parent().isValid());
    QCOMPARE(view->currentIndex().data(OrgModel::HeadcountRole).toInt(), 299);
    // Space collapses the top; Right expands it again.
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(!view->currentIndex().data(OrgModel::ExpandedRole).toBool());
    QCOMPARE(view->boxes().size(), 1);
    QTest::keyClick(view, Qt::Key_Right);
    QVERIFY(view->currentIndex().data(OrgModel::ExpandedRole).toBool());
    // Zoom.
    QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(view->zoom() > 1.0);
    QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(view->zoom(), 1.0);
    // Enter opens the top's profile.
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(w->section(), MainWindow::Section::People);
    QTRY_COMPARE(pane->findChild<QLabel *>(u"profileNameLabel"_qs)->text(),
                 m_app->store()->profileByUsername(chain.last())->displayName);
}

void TestOrgChartUi::moreOpensTheList()
{
    QVERIFY(m_app);
    MainWindow *w = m_app->window();
    OrgPanel *panel = w->orgPanel();
    const QString top = panel->chart()->person(panel->chart()->tops().first())->username;
    const int reports = int(panel->chart()->directReports(panel->chart()->idOf(top)).size());
    QVERIFY(reports > 2);
    panel->model()->setPageSize(2);
    w->showOrgChart(panel->chart()->person(panel->chart()->directReports(panel->chart()->idOf(top)).first())->username);
    OrgChartView *view = child<OrgChartView>(panel, u"orgChartView");
    // The last card under the top is "and N more".
    QModelIndex more;
    for (const OrgBox &box : view->boxes()) {
        if (kindOf(box.index) == OrgModel::Kind::More && box.index.data(OrgModel::ManagerRole).toString() == top)
            more = box.index;
    }
    QVERIFY(more.isValid());
    view->setCurrentIndex(more);
    QCOMPARE(more.data(OrgModel::MoreCountRole).toInt(), reports - 2);
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(w->section(), MainWindow::Section::People);
    QCOMPARE(child<QLineEdit>(w, u"searchLineEdit")->text(), u"reports:"_qs + top);
    ResultsModel *results = child<ResultsModel>(w, u"resultsModel");
    QTRY_COMPARE(results->summary().total, reports);
}

void TestOrgChartUi::teamOverviewAndSkillMap()
{
    QVERIFY(m_app);
    MainWindow *w = m_app->window();
    OrgPanel *panel = w->orgPanel();
    const QString top = panel->chart()->person(panel->chart()->tops().first())->username;
    w->showOrgChart(top);
    // The overview follows the card the user stops on: the top's whole company.
    TeamOverviewWidget *overview = panel->teamOverview();
    QTRY_COMPARE(overview->manager(), top);
    QVERIFY(child<QLabel>(overview, u"teamHeadcountLabel"_qs)->text().contains(u"299"_qs));
    LevelChart *skills = child<LevelChart>(overview, u"teamSkillsChart"_qs);
    QVERIFY(!skills->categories().isEmpty());

    // The skill map beside the results; a bar applies its location as the filter.
    w->showSection(MainWindow::Section::People);
    child<QToolButton>(w, u"skillMapButton"_qs)->setChecked(true);
    QVERIFY(search(*m_app, u"skill:kubernetes"_qs));
    SkillMapWidget *map = child<SkillMapWidget>(w, u"skillMapWidget"_qs);
    QVERIFY(map->isVisible());
    ResultsModel *results = child<ResultsModel>(w, u"resultsModel"_qs);
    QTRY_VERIFY(!map->locationsChart()->categories().isEmpty());
    const QString place = map->locationsChart()->categories().first();
    int inPlace = 0;
    for (const SkillMap::Row &row : results->summary().skillMap.locations) {
        if (row.value == place)
            inPlace = row.total;
    }
    QVERIFY(inPlace > 0);
    Q_EMIT map->locationsChart()->categoryClicked(place);
    QCOMPARE(child<FilterButton>(w, u"locationFilterButton"_qs)->selection(), QStringList {place});
    QTRY_COMPARE(results->summary().total, inPlace);
}

void TestOrgChartUi::levelChartScale()
{
    // Qt Charts' complaints about an axis without a range (a team without skills, a search
    // that found nobody, the chart before its first rows) fail the test.
    QTest::failOnWarning(QRegularExpression(u"invalid range|NaN"_qs));
    LevelChart chart;
    chart.resize(420, 280);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const auto scale = [&chart] { return qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Horizontal).value(0)); };
    QVERIFY(scale());
    QCOMPARE(scale()->min(), 0.0);
    QVERIFY(scale()->max() >= 1);

    // The scale reaches the widest bar: other matches count only when they are shown.
    const QList<std::array<int, 6>> counts {{0, 1, 2, 3, 0, 0}, {5, 0, 0, 0, 0, 7}};
    chart.setRows({u"Berlin"_qs, u"Oslo"_qs}, counts, true);
    QCOMPARE(scale()->min(), 0.0);
    QVERIFY2(scale()->max() >= 12, qPrintable(QString::number(scale()->max())));
    chart.setRows({u"Berlin"_qs, u"Oslo"_qs}, counts, false);
    QVERIFY2(scale()->max() >= 7 && scale()->max() < 12, qPrintable(QString::number(scale()->max())));
    chart.setRows({}, {}, false);
    QVERIFY(scale()->max() >= 1);
    QCoreApplication::processEvents();
}

QTEST_MAIN(TestOrgChartUi)
#include "tst_orgchartui.moc"
