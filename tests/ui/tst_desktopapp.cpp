// SPDX-License-Identifier: MIT
// Drives the real desktop window (offscreen) against a real colleagues-server: find, read,
// message (arriving in a second client), edit and save a profile (synced to the other
// client), a conflict, sign-in errors, going offline and back, markup shown literally.
#include "tests/support/ServerProcess.h"
#include "tests/support/VCardReader.h"
#include "tests/ui/UiDriver.h"

#include "core/VCard.h"

#include "client/ClientStore.h"
#include "client/sync/Outbox.h"
#include "client/sync/Session.h"
#include "client/sync/SyncClient.h"
#include "client/sync/SyncEngine.h"
#include "ui/ClientBackend.h"
#include "ui/DesktopApp.h"
#include "ui/MainWindow.h"
#include "ui/SignInDialog.h"
#include "ui/messages/ChatModel.h"
#include "ui/messages/ChatView.h"
#include "ui/messages/ComposerEdit.h"
#include "ui/messages/ConversationsModel.h"
#include "ui/messages/Notifier.h"
#include "ui/people/FilterButton.h"
#include "ui/people/ProfilePane.h"
#include "ui/people/ResultsModel.h"
#include "ui/profile/ConflictDialog.h"
#include "ui/profile/ProfileEditor.h"
#include "ui/profile/SkillsEditor.h"
#include "ui/profile/SkillsModel.h"
#include "ui/widgets/ImageCache.h"
#include "ui/widgets/LinkButton.h"
#include "ui/widgets/SyncStatusWidget.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStringListModel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Colleagues;
using namespace Colleagues::Test;

namespace {

const QString MarkupName = QStringLiteral("<b>Mallory</b> <img src=x onerror=alert(1)>");
const QString MarkupBio = QStringLiteral("I write <i>HTML</i> & <a href=\"https://evil.example\">links</a>.");

//! A member's app with every model under a tester.
struct User : DesktopUser
{
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;

    bool open() override
    {
        if (!DesktopUser::open())
            return false;
        MainWindow *w = app.window();
        const QList<QAbstractItemModel *> models {
            child<ResultsModel>(w, u"resultsModel"), child<ConversationsModel>(w, u"conversationsModel"),
            child<ChatModel>(w, u"chatModel"), child<SkillsModel>(w, u"skillsModel"),
            child<QStringListModel>(w, u"interestsModel")};
        for (QAbstractItemModel *model : models)
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::QtTest));
        return true;
    }
};

} // namespace

class TestDesktopApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void searchFieldHasFocusAtStart();
    void typeAQueryAndSeeResults();
    void typoAndFilters();
    void keyboardNavigation();
    void newSearchShowsItsBestMatch();
    void openAProfile();
    void saveAndDragContacts();
    void markupShowsLiterally();
    void sendAMessageAndSeeItArrive();
    void composerKeys();
    void editAndSaveProfileSyncs();
    void inlineValidation();
    void conflictOpensDialog();
    void signInErrors_data();
    void signInErrors();
    void offlineThenOnline();
    void controlsHaveAccessibleNames();
    // Last: they leave other people selected than the tests above expect.
    void everydayWordsAreUnderstood();
    void partialMatchesSayWhatTheyLack();
    void understoodTermsInTheirOwnSpelling();
    void availableWordsTurnTheButtonOn();
    void skillAliasSuggestsItsName();
    void visibilityChoiceLeavesOtherStores();

private:
    ServerProcess m_server;
    std::unique_ptr<User> m_ada;
    std::unique_ptr<User> m_grace;
};

void TestDesktopApp::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_server.isValid());
    QVERIFY2(m_server.seedDemo(300, 7), qPrintable(m_server.errorString()));
    // Someone whose name and bio look like markup.
    QTemporaryDir csvDir;
    const QString csv = csvDir.filePath(QStringLiteral("extra.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QString escapedBio = MarkupBio;
    escapedBio.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    file.write(
        QStringLiteral("username,display_name,email,title,department,location,timezone,manager,skills,interests,bio,"
                       "phone\nmallory,%1,mallory@example.com,Tester <script>,QA,Berlin,Europe/Berlin,,"
                       "Kubernetes:2;HTML:5,<u>chess</u>,\"%2\",+49 30 123\n")
            .arg(MarkupName, escapedBio)
            .toUtf8());
    file.close();
    QVERIFY2(m_server.importCsv(csv), qPrintable(m_server.errorString()));
    // A word of this company's own, in the vocabulary the clients sync.
    const QString words = csvDir.filePath(QStringLiteral("words.txt"));
    QFile wordsFile(words);
    QVERIFY(wordsFile.open(QIODevice::WriteOnly));
    wordsFile.write("skill Zymurgy | zymology, brewing science\n");
    wordsFile.close();
    QVERIFY2(
        m_server.command({QStringLiteral("vocabulary"), QStringLiteral("import"), QStringLiteral("--merge"), words}),
        qPrintable(m_server.errorString()));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));

    m_ada = std::make_unique<User>();
    m_grace = std::make_unique<User>();
    // Ada's window is the one on screen; Grace's stays in the background (for notifications).
    QString error;
    QVERIFY2(openFrontAndBack(m_server, *m_ada, u"ada"_qs, *m_grace, u"grace"_qs, User::Window::Hidden, &error),
             qPrintable(error));
}

void TestDesktopApp::cleanupTestCase()
{
    m_ada.reset();
    m_grace.reset();
    m_server.stop();
}

void TestDesktopApp::searchFieldHasFocusAtStart()
{
    QTRY_COMPARE(QApplication::focusWidget(),
                 static_cast<QWidget *>(child<QLineEdit>(m_ada->window(), u"searchLineEdit")));
    // Ctrl+K brings it back from anywhere.
    child<ProfilePane>(m_ada->window(), u"profilePane")->setFocus();
    QTest::keyClick(m_ada->window(), Qt::Key_K, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(),
                 static_cast<QWidget *>(child<QLineEdit>(m_ada->window(), u"searchLineEdit")));
    QTest::keyClick(m_ada->window(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(child<QLineEdit>(m_ada->window(), u"searchLineEdit")));
}

void TestDesktopApp::typeAQueryAndSeeResults()
{
    MainWindow *w = m_ada->window();
    QVERIFY(search(m_ada->app, QStringLiteral("kubernetes")));
    ResultsModel *model = child<ResultsModel>(w, u"resultsModel");
    QVERIFY(model->rowCount() > 0);
    QCOMPARE(child<QListView>(w, u"resultsListView")->isVisible(), true);
    QVERIFY(model->result(0));
    const SearchResult top = *model->result(0); // a copy: more pages may arrive meanwhile
    QVERIFY(std::any_of(top.matchedSkills.cbegin(), top.matchedSkills.cend(), [](const MatchedSkill &s) {
        return s.name.compare(QLatin1String("Kubernetes"), Qt::CaseInsensitive) == 0 && !s.spans.isEmpty();
    }));
    // Rows are painted by the delegate (with photos, chips and highlights) without trouble.
    QVERIFY(!child<QListView>(w, u"resultsListView")->viewport()->grab().isNull());
    // The selected person's profile follows the results.
    QTRY_COMPARE(child<ProfilePane>(w, u"profilePane")->profile().id, top.id);
    // Clearing the search shows the tips again.
    child<QLineEdit>(w, u"searchLineEdit")->clear();
    QTRY_VERIFY(!child<QListView>(w, u"resultsListView")->isVisible());
    QVERIFY(w->findChild<QWidget *>(QStringLiteral("emptyStateWidget"))->isVisible());
}

void TestDesktopApp::typoAndFilters()
{
    MainWindow *w = m_ada->window();
    QVERIFY(search(m_ada->app, QStringLiteral("kubernets")));
    QVERIFY(child<ResultsModel>(w, u"resultsModel")->rowCount() > 0);
    QVERIFY(child<QLabel>(w, u"correctionLabel")->isVisible());
    QVERIFY2(child<QLabel>(w, u"correctionLabel")->text().contains(QLatin1String("kubernetes")),
             qPrintable(child<QLabel>(w, u"correctionLabel")->text()));
    // A query that cannot be answered says why, as a sentence (the engine's start in lower case,
    // as the command line prints them after "colleagues search: ").
    QVERIFY(search(m_ada->app, QStringLiteral("python level:9")));
    QTRY_VERIFY(child<QLabel>(w, u"correctionLabel")->isVisible());
    QCOMPARE(child<QLabel>(w, u"correctionLabel")->text(),
             QStringLiteral("Level must be a number from 1 to 5, as in level>=4"));
    // A question about people rather than words is answered as such, without tips about words.
    QVERIFY(search(m_ada->app, QStringLiteral("who is out of office")));
    QTRY_VERIFY(child<QLabel>(w, u"noResultsLabel")->isVisible());
    QCOMPARE(child<QLabel>(w, u"noResultsLabel")->text(), QStringLiteral("No one is out of office now"));
    QVERIFY(!child<QLabel>(w, u"noResultsTipsLabel")->isVisible());
    QVERIFY(search(m_ada->app, QStringLiteral("zzzqqq")));
    QTRY_VERIFY(child<QLabel>(w, u"noResultsTipsLabel")->isVisible());
    // Only the words of a question, on the way to what it asks: the tips of an empty search, not
    // "No one matches".
    QVERIFY(search(m_ada->app, QStringLiteral("who can help")));
    QTRY_VERIFY(w->findChild<QWidget *>(QStringLiteral("emptyStateWidget"))->isVisible());
    QVERIFY(!w->findChild<QWidget *>(QStringLiteral("noResultsWidget"))->isVisible());
    QVERIFY(child<QLabel>(w, u"understoodLabel")->isHidden());
    QVERIFY(!child<QPushButton>(w, u"askPeopleButton")->isVisible());

    QVERIFY(search(m_ada->app, QStringLiteral("engineer")));
    const SearchPage all = child<ResultsModel>(w, u"resultsModel")->summary();
    QVERIFY(!all.departments.isEmpty());
    const FacetCount department = all.departments.first();
    QSignalSpy replaced(child<ResultsModel>(w, u"resultsModel"), &ResultsModel::resultsReplaced);
    child<FilterButton>(w, u"departmentFilterButton")->setSelection({department.value});
    QVERIFY(replaced.wait(10000));
    QCOMPARE(child<ResultsModel>(w, u"resultsModel")->summary().total, department.count);
    QVERIFY(child<FilterButton>(w, u"departmentFilterButton")->text().contains(department.value));
    child<FilterButton>(w, u"departmentFilterButton")->clearSelection();
    QVERIFY(replaced.wait(10000));
    QCOMPARE(child<ResultsModel>(w, u"resultsModel")->summary().total, all.total);

    QVERIFY(search(m_ada->app, QStringLiteral("zzxxqqvv")));
    QVERIFY(w->findChild<QWidget *>(QStringLiteral("noResultsWidget"))->isVisible());
}

void TestDesktopApp::everydayWordsAreUnderstood()
{
    MainWindow *w = m_ada->window();
    QTest::keyClick(w, Qt::Key_K, Qt::ControlModifier); // back to People from wherever the tests above left
    QVERIFY(search(m_ada->app, QStringLiteral("who knows k8s in berlin")));
    ResultsModel *model = child<ResultsModel>(w, u"resultsModel");
    QVERIFY(model->rowCount() > 0);
    QLabel *understood = child<QLabel>(w, u"understoodLabel");
    QTRY_VERIFY(!understood->isHidden()); // shown (the window itself may be hidden by now)
    // The alias became the skill, "in berlin" a place; the question words were dropped.
    QVERIFY2(understood->text().contains(u"Kubernetes") && understood->text().contains(u"in Berlin")
                 && understood->text().contains(u"who knows k8s in berlin"),
             qPrintable(understood->text()));
    QCOMPARE(understood->textFormat(), Qt::PlainText);
    bool mallory = false;
    for (int i = 0; i < model->rowCount(); ++i) {
        const SearchResult *r = model->result(i);
        QVERIFY(r && r->location.contains(u"Berlin"));
        mallory |= r->username == u"mallory";
    }
    QVERIFY(mallory);

    // One click searches the words as typed; typing again understands again.
    auto *literal = child<LinkButton>(w, u"searchLiterallyButton");
    QVERIFY(!literal->isHidden());
    QSignalSpy replaced(model, &ResultsModel::resultsReplaced);
    literal->click();
    QTRY_VERIFY(!replaced.isEmpty());
    QVERIFY(model->request().literal);
    QTRY_COMPARE(understood->text(), u"Searched exactly as typed."_qs);
    QTest::keyClick(child<QLineEdit>(w, u"searchLineEdit"), Qt::Key_Space);
    QTRY_VERIFY(!model->request().literal);

    // An "or" is understood too, with no other word to explain: the line says so.
    QVERIFY(search(m_ada->app, QStringLiteral("python or terraform")));
    QTRY_VERIFY2(understood->text().startsWith(u"Python / Terraform \u2014"), qPrintable(understood->text()));
    QVERIFY(!understood->isHidden());
    // So is a level: the line says it, and the results are at it.
    QVERIFY(search(m_ada->app, QStringLiteral("python level 4")));
    QTRY_VERIFY2(understood->text().startsWith(u"Python \u00b7 at level 4 or above \u2014"),
                 qPrintable(understood->text()));
    QCOMPARE(model->request().query, u"python level 4"_qs);
    // And what is left out: the line says it, and no result has it.
    QVERIFY(search(m_ada->app, QStringLiteral("kubernetes without terraform, not in berlin")));
    QTRY_VERIFY2(understood->text().startsWith(u"Kubernetes \u00b7 not Terraform \u00b7 not in Berlin \u2014"),
                 qPrintable(understood->text()));
    QTRY_VERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY2(model->result(row)->location != u"Berlin", qPrintable(model->result(row)->username));
}

void TestDesktopApp::partialMatchesSayWhatTheyLack()
{
    MainWindow *w = m_ada->window();
    QTest::keyClick(w, Qt::Key_K, Qt::ControlModifier);
    // Nobody knows Kubernetes and works in Qwxzyville: the closest matches, not an empty page.
    QVERIFY(search(m_ada->app, QStringLiteral("kubernetes qwxzyville")));
    ResultsModel *model = child<ResultsModel>(w, u"resultsModel");
    QTRY_VERIFY(model->summary().partial);
    QVERIFY(model->rowCount() > 0);
    QLabel *partial = child<QLabel>(w, u"partialMatchLabel");
    QTRY_VERIFY(!partial->isHidden());
    QVERIFY2(partial->text().contains(u"Kubernetes") && partial->text().contains(u"qwxzyville"),
             qPrintable(partial->text()));
    QVERIFY(model->result(0)->unmatchedTerms.contains(u"qwxzyville"_qs));
    QVERIFY(model->index(0).data(Qt::AccessibleTextRole).toString().contains(u"lacks qwxzyville"));
    QVERIFY(!child<QListView>(w, u"resultsListView")->viewport()->grab().isNull());
}

void TestDesktopApp::understoodTermsInTheirOwnSpelling()
{
    // Typed in lower case, a skill and a place the vocabulary knows show as it spells them;
    // a word it does not know shows as typed (folded).
    MainWindow *w = m_ada->window();
    QTest::keyClick(w, Qt::Key_K, Qt::ControlModifier);
    QVERIFY(search(m_ada->app, QStringLiteral("who is good at kubernetes in berlin")));
    QLabel *understood = child<QLabel>(w, u"understoodLabel");
    QTRY_VERIFY(!understood->isHidden());
    QVERIFY2(understood->text().startsWith(u"Kubernetes \u00b7 in Berlin"), qPrintable(understood->text()));
    QVERIFY(search(m_ada->app, QStringLiteral("who knows c++ zzyzx")));
    QTRY_VERIFY2(understood->text().startsWith(u"C++ \u00b7 zzyzx"), qPrintable(understood->text()));
}

void TestDesktopApp::availableWordsTurnTheButtonOn()
{
    // "Available now first" shows what the words ask for, and cannot be turned off while they do;
    // without them it is what the user chose.
    MainWindow *w = m_ada->window();
    QTest::keyClick(w, Qt::Key_K, Qt::ControlModifier);
    auto *button = child<QToolButton>(w, u"availableFirstButton");
    ResultsModel *model = child<ResultsModel>(w, u"resultsModel");
    QVERIFY(!button->isChecked());
    QVERIFY(search(m_ada->app, QStringLiteral("kubernetes available now")));
    QTRY_VERIFY(model->summary().understood.availableFirst);
    QVERIFY(button->isChecked());
    QVERIFY(!button->isEnabled());
    QVERIFY(!model->request().preferAvailable); // the words ask, not the button
    QVERIFY(search(m_ada->app, QStringLiteral("kubernetes")));
    QTRY_VERIFY(!model->summary().understood.availableFirst);
    QVERIFY(!button->isChecked());
    QVERIFY(button->isEnabled());

    // Chosen by the user: on before, during and after the words.
    button->click();
    QTRY_VERIFY(model->request().preferAvailable);
    QVERIFY(search(m_ada->app, QStringLiteral("designers available now")));
    QVERIFY(button->isChecked());
    QVERIFY(button->isEnabled());
    QVERIFY(search(m_ada->app, QStringLiteral("designers")));
    QTRY_VERIFY(model->summary().understood.availableFirst);
    QVERIFY(button->isChecked());
    button->click(); // off again
    QTRY_VERIFY(!model->summary().understood.availableFirst);
    QVERIFY(!button->isChecked());
}

void TestDesktopApp::skillAliasSuggestsItsName()
{
    // The profile editor suggests the synced vocabulary's name for a skill typed by another one.
    MainWindow *w = m_ada->window();
    QTRY_VERIFY(!m_ada->app.store()->vocabulary().lookup(QStringLiteral("zymology")).isEmpty());
    ProfileEditor *editor = showMyProfile(w);
    QLineEdit *skill = child<QLineEdit>(editor, u"skillLineEdit");
    auto *suggestion = child<LinkButton>(editor, u"skillSuggestionButton");
    SkillsEditor *skills = child<SkillsEditor>(editor, u"skillsEditor");
    skill->clear();
    QVERIFY(suggestion->isHidden());

    // Enter takes the name.
    skill->setFocus();
    QTest::keyClicks(skill, QStringLiteral("tf"));
    QVERIFY(!suggestion->isHidden());
    QCOMPARE(skills->suggestion(), QStringLiteral("Terraform"));
    QVERIFY2(suggestion->text().contains(u"Terraform"), qPrintable(suggestion->text()));
    QTest::keyClick(skill, Qt::Key_Return);
    QCOMPARE(skill->text(), QStringLiteral("Terraform"));
    QVERIFY(suggestion->isHidden());
    skill->clear();

    // One click takes it too; here a name only the server's vocabulary knows. Enter then adds
    // the skill under that name.
    QTest::keyClicks(skill, QStringLiteral("Zymology"));
    QVERIFY(!suggestion->isHidden());
    QVERIFY(!suggestion->grab().isNull());
    QTest::mouseClick(suggestion, Qt::LeftButton);
    QCOMPARE(skill->text(), QStringLiteral("Zymurgy"));
    QVERIFY(suggestion->isHidden());
    const qsizetype before = child<SkillsModel>(editor, u"skillsModel")->skills().size();
    QTest::keyClick(skill, Qt::Key_Return);
    QCOMPARE(child<SkillsModel>(editor, u"skillsModel")->skills().size(), before + 1);
    QCOMPARE(child<SkillsModel>(editor, u"skillsModel")->skills().constLast().name, QStringLiteral("Zymurgy"));

    // A name as the vocabulary spells it, or a word it does not know: nothing to suggest.
    skill->setText(QStringLiteral("Kubernetes"));
    QVERIFY(suggestion->isHidden());
    skill->setText(QStringLiteral("Analytical Engines"));
    QVERIFY(suggestion->isHidden());
    skill->clear();
}

void TestDesktopApp::keyboardNavigation()
{
    MainWindow *w = m_ada->window();
    QVERIFY(search(m_ada->app, QStringLiteral("engineer")));
    // The best match is selected, so Enter opens it.
    const int start = child<QListView>(w, u"resultsListView")->currentIndex().row();
    QCOMPARE(start, 0);
    QVERIFY(child<ResultsModel>(w, u"resultsModel")->rowCount() > start + 3);
    QTest::keyClick(child<QLineEdit>(w, u"searchLineEdit"), Qt::Key_Down);
    QTest::keyClick(child<QLineEdit>(w, u"searchLineEdit"), Qt::Key_Down);
    QCOMPARE(child<QListView>(w, u"resultsListView")->currentIndex().row(), start + 2);
    QTest::keyClick(child<QLineEdit>(w, u"searchLineEdit"), Qt::Key_Up);
    QCOMPARE(child<QListView>(w, u"resultsListView")->currentIndex().row(), start + 1);
    QCOMPARE(QApplication::focusWidget(),
             static_cast<QWidget *>(child<QLineEdit>(w, u"searchLineEdit"))); // typing goes on
    const QString chosen = child<ResultsModel>(w, u"resultsModel")->result(start + 1)->username;
    QTest::keyClick(child<QLineEdit>(w, u"searchLineEdit"), Qt::Key_Return);
    QCOMPARE(child<ProfilePane>(w, u"profilePane")->profile().username, chosen);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(child<QPushButton>(w, u"messageButton")));
}

void TestDesktopApp::newSearchShowsItsBestMatch()
{
    MainWindow *w = m_ada->window();
    auto *view = child<QListView>(w, u"resultsListView");
    auto *model = child<ResultsModel>(w, u"resultsModel");
    auto *field = child<QLineEdit>(w, u"searchLineEdit");
    QVERIFY(search(m_ada->app, QStringLiteral("kubernetes"))); // not what the test before searched
    QVERIFY(search(m_ada->app, QStringLiteral("engineer")));
    constexpr int Down = 12;
    QVERIFY(model->rowCount() > Down);
    QCOMPARE(view->currentIndex().row(), 0);
    for (int i = 0; i < Down; ++i)
        QTest::keyClick(field, Qt::Key_Down);
    QCOMPARE(view->currentIndex().row(), Down);
    const QString picked = model->result(Down)->id;
    QVERIFY(view->verticalScrollBar()->value() > 0);

    // The same search again (with the skill map beside it, which changes no result): the person
    // picked stays picked.
    auto *skillMap = child<QToolButton>(w, u"skillMapButton");
    QSignalSpy replaced(model, &ResultsModel::resultsReplaced);
    skillMap->click();
    QTRY_VERIFY(!replaced.isEmpty() && !model->isLoading());
    QVERIFY(view->currentIndex().isValid());
    QCOMPARE(model->result(view->currentIndex().row())->id, picked);
    skillMap->click();
    QTRY_VERIFY(replaced.size() >= 2 && !model->isLoading());

    // Another search that finds them too, as far down (the same word, typed with a capital): its
    // best match, at the top.
    QVERIFY(search(m_ada->app, QStringLiteral("Engineer")));
    int pickedRow = -1;
    for (int row = 0; row < model->rowCount() && pickedRow < 0; ++row) {
        if (model->result(row)->id == picked)
            pickedRow = row;
    }
    QVERIFY(pickedRow > 0);
    QCOMPARE(view->currentIndex().row(), 0);
    QCOMPARE(view->verticalScrollBar()->value(), 0);
    QTRY_COMPARE(child<ProfilePane>(w, u"profilePane")->profile().id, model->result(0)->id);

    // The same words again after the tips: a search of its own too.
    for (int i = 0; i < Down; ++i)
        QTest::keyClick(field, Qt::Key_Down);
    field->clear();
    QTRY_VERIFY(w->findChild<QWidget *>(QStringLiteral("emptyStateWidget"))->isVisible());
    QVERIFY(search(m_ada->app, QStringLiteral("Engineer")));
    QCOMPARE(view->currentIndex().row(), 0);
}

void TestDesktopApp::openAProfile()
{
    MainWindow *w = m_ada->window();
    w->showPerson(QStringLiteral("grace"));
    ProfilePane *pane = child<ProfilePane>(w, u"profilePane");
    const std::optional<Profile> grace = m_ada->app.store()->profileByUsername(QStringLiteral("grace"));
    QVERIFY(grace);
    QCOMPARE(pane->findChild<QLabel *>(QStringLiteral("profileNameLabel"))->text(), grace->displayName);
    QCOMPARE(pane->findChild<QLabel *>(QStringLiteral("emailLabel"))->text(), grace->email);
    QVERIFY(child<QPushButton>(pane, u"messageButton")->isVisible());
    // Copy puts the address on the clipboard.
    pane->findChild<QToolButton *>(QStringLiteral("copyEmailButton"))->click();
    QCOMPARE(QApplication::clipboard()->text(), grace->email);
    // Manager and reports are links to their profiles.
    const QList<QAbstractButton *> links = pane->findChildren<QAbstractButton *>(QStringLiteral("personLinkButton"));
    const QList<Profile> reports = m_ada->app.store()->directReports(QStringLiteral("grace"));
    QCOMPARE(links.size(), int(reports.size()) + (grace->manager.isEmpty() ? 0 : 1));
    if (!links.isEmpty()) {
        const QString target = links.last()->text();
        links.last()->click();
        QCOMPARE(pane->findChild<QLabel *>(QStringLiteral("profileNameLabel"))->text(), target);
    }
    // One's own profile offers editing instead of messaging.
    w->showPerson(QStringLiteral("ada"));
    QVERIFY(!child<QPushButton>(pane, u"messageButton")->isVisible());
    QVERIFY(pane->findChild<QPushButton *>(QStringLiteral("editProfileButton"))->isVisible());
}

void TestDesktopApp::saveAndDragContacts()
{
    MainWindow *w = m_ada->window();
    w->showPerson(QStringLiteral("grace"));
    const std::optional<Profile> grace = m_ada->app.store()->profileByUsername(QStringLiteral("grace"));
    QVERIFY(grace);
    ProfilePane *pane = child<ProfilePane>(w, u"profilePane");

    // "Save Contact…" asks where, then writes the card there.
    QTemporaryDir target;
    const QString fileName = target.filePath(QStringLiteral("grace.vcf"));
    child<QPushButton>(pane, u"saveContactButton")->click();
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = w->findChild<QFileDialog *>(QStringLiteral("saveContactDialog"))) != nullptr);
    QVERIFY(dialog->selectedFiles().value(0).endsWith(vCardFileName(*grace)));
    dialog->selectFile(fileName);
    static_cast<QDialog *>(dialog)->accept(); // as the Save button does
    QTRY_VERIFY(QFile::exists(fileName));
    // The window has the focus back, as after any dialog (offscreen does not hand it back itself).
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w));
    QFile saved(fileName);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const VCardFile file = VCardFile::parse(saved.readAll());
    QVERIFY2(file.problems.isEmpty(), qPrintable(file.problems.join(u'\n')));
    QCOMPARE(file.cards.size(), 1);
    QCOMPARE(file.cards.first().text(u"FN"_qs), grace->displayName);
    QCOMPARE(file.cards.first().text(u"EMAIL"_qs), grace->email);
    QCOMPARE(file.cards.first().all(u"EXPERTISE"_qs).size(), grace->skills.size());

    // Rows dragged out of the results carry one card each, as data and as .vcf files.
    QVERIFY(search(m_ada->app, QStringLiteral("kubernetes")));
    auto *model = child<ResultsModel>(w, u"resultsModel");
    QTRY_VERIFY(model->rowCount() >= 2);
    QVERIFY(model->flags(model->index(0)) & Qt::ItemIsDragEnabled);
    const std::unique_ptr<QMimeData> mime(model->mimeData({model->index(0), model->index(1)}));
    QVERIFY(mime);
    const VCardFile dragged = VCardFile::parse(mime->data(QStringLiteral("text/vcard")));
    QVERIFY2(dragged.problems.isEmpty(), qPrintable(dragged.problems.join(u'\n')));
    QCOMPARE(dragged.cards.size(), 2);
    QCOMPARE(mime->urls().size(), 2);
    for (int row = 0; row < 2; ++row) {
        const QString name = model->index(row).data().toString();
        QCOMPARE(dragged.cards[row].text(u"FN"_qs), name);
        QFile dropped(mime->urls()[row].toLocalFile());
        QVERIFY2(dropped.open(QIODevice::ReadOnly), qPrintable(dropped.fileName()));
        const VCardFile one = VCardFile::parse(dropped.readAll());
        QCOMPARE(one.cards.size(), 1);
        QCOMPARE(one.cards.first().text(u"FN"_qs), name);
    }
}

void TestDesktopApp::markupShowsLiterally()
{
    MainWindow *w = m_ada->window();
    QVERIFY(search(m_ada->app, QStringLiteral("mallory")));
    QVERIFY(child<ResultsModel>(w, u"resultsModel")->rowCount() >= 1);
    QCOMPARE(child<ResultsModel>(w, u"resultsModel")->index(0).data().toString(), MarkupName);
    QVERIFY(!child<QListView>(w, u"resultsListView")->viewport()->grab().isNull());
    QTRY_COMPARE(child<ProfilePane>(w, u"profilePane")->profile().username, QStringLiteral("mallory"));
    ProfilePane *pane = child<ProfilePane>(w, u"profilePane");
    auto *name = pane->findChild<QLabel *>(QStringLiteral("profileNameLabel"));
    QCOMPARE(name->text(), MarkupName);
    QCOMPARE(name->textFormat(), Qt::PlainText);
    auto *bio = pane->findChild<QLabel *>(QStringLiteral("bioLabel"));
    QCOMPARE(bio->text(), MarkupBio);
    QCOMPARE(bio->textFormat(), Qt::PlainText);
    // No label anywhere in the window interprets text as markup.
    for (QLabel *label : w->findChildren<QLabel *>()) {
        if (label->text().contains(QLatin1Char('<')))
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
    }
    // The skill chips and the title show the characters as typed.
    QVERIFY(pane->findChild<QLabel *>(QStringLiteral("profileTitleLabel"))->text().contains(QLatin1String("<script>")));
}

void TestDesktopApp::sendAMessageAndSeeItArrive()
{
    MainWindow *ada = m_ada->window();
    MainWindow *grace = m_grace->window();
    QSignalSpy notified(child<Notifier>(grace, u"notifier"), &Notifier::notified);

    ada->showPerson(QStringLiteral("grace"));
    QTest::mouseClick(child<QPushButton>(ada, u"messageButton"), Qt::LeftButton);
    QCOMPARE(ada->section(), MainWindow::Section::Messages);
    QCOMPARE(child<ChatView>(ada, u"chatView")->peer(), QStringLiteral("grace"));
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(child<ComposerEdit>(ada, u"composerTextEdit")));

    const QString text = QStringLiteral("Hi Grace - <b>not bold</b> & a question about Kubernetes");
    QTest::keyClicks(child<ComposerEdit>(ada, u"composerTextEdit"), text);
    QTest::keyClick(child<ComposerEdit>(ada, u"composerTextEdit"), Qt::Key_Return);
    QVERIFY(child<ComposerEdit>(ada, u"composerTextEdit")->toPlainText().isEmpty());
    ChatModel *chat = child<ChatModel>(ada, u"chatModel");
    QTRY_COMPARE(chat->rowCount(), 1);
    QCOMPARE(chat->index(0).data(ChatModel::BodyRole).toString(), text);
    QVERIFY(chat->index(0).data(ChatModel::OutgoingRole).toBool());
    QTRY_COMPARE(MessageRecord::State(chat->index(0).data(ChatModel::StateRole).toInt()), MessageRecord::State::Sent);
    QVERIFY(!child<QListView>(ada, u"messagesListView")->viewport()->grab().isNull());

    // It arrives in the second client: a conversation with an unread message and a notification.
    ConversationsModel *conversations = child<ConversationsModel>(grace, u"conversationsModel");
    QTRY_VERIFY_WITH_TIMEOUT(conversations->rowOf(QStringLiteral("ada")) >= 0, 20000);
    const QModelIndex row = conversations->index(conversations->rowOf(QStringLiteral("ada")));
    QCOMPARE(row.data(ConversationsModel::LastMessageRole).toString(), text);
    QCOMPARE(row.data(ConversationsModel::UnreadRole).toInt(), 1);
    QTRY_COMPARE(notified.size(), 1);
    QCOMPARE(notified.first().at(0).toString(), QStringLiteral("ada"));
    QCOMPARE(child<Notifier>(grace, u"notifier")->lastPeer(), QStringLiteral("ada"));

    // Clicking the notification opens the conversation, which then counts as read.
    Q_EMIT child<Notifier>(grace, u"notifier")->conversationRequested(QStringLiteral("ada"));
    QCOMPARE(grace->section(), MainWindow::Section::Messages);
    QCOMPARE(child<ChatView>(grace, u"chatView")->peer(), QStringLiteral("ada"));
    QTRY_COMPARE(child<ChatModel>(grace, u"chatModel")->rowCount(), 1);
    QCOMPARE(child<ChatModel>(grace, u"chatModel")->index(0).data(ChatModel::BodyRole).toString(), text);
    QCOMPARE(conversations->totalUnread(), 0);

    // And the answer comes back; Ada sees it read once Grace looked at it.
    QTest::keyClicks(child<ComposerEdit>(grace, u"composerTextEdit"), QStringLiteral("Sure, ask away"));
    QTest::keyClick(child<ComposerEdit>(grace, u"composerTextEdit"), Qt::Key_Enter);
    QTRY_VERIFY_WITH_TIMEOUT(chat->rowCount() == 2, 20000);
    QCOMPARE(chat->index(1).data(ChatModel::BodyRole).toString(), QStringLiteral("Sure, ask away"));
    QVERIFY(!chat->index(1).data(ChatModel::OutgoingRole).toBool());
}

void TestDesktopApp::composerKeys()
{
    MainWindow *ada = m_ada->window();
    ada->openConversation(QStringLiteral("grace"));
    ComposerEdit *composer = child<ComposerEdit>(ada, u"composerTextEdit");
    const int before = child<ChatModel>(ada, u"chatModel")->rowCount();
    QTest::keyClicks(composer, QStringLiteral("first line"));
    QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(composer, QStringLiteral("second line"));
    QCOMPARE(composer->toPlainText(), QStringLiteral("first line\nsecond line"));
    QCOMPARE(child<ChatModel>(ada, u"chatModel")->rowCount(), before);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_COMPARE(child<ChatModel>(ada, u"chatModel")->rowCount(), before + 1);
    QCOMPARE(child<ChatModel>(ada, u"chatModel")->index(before).data(ChatModel::BodyRole).toString(),
             QStringLiteral("first line\nsecond line"));
    // Nothing to send: Enter does nothing.
    QTest::keyClick(composer, Qt::Key_Return);
    QTest::qWait(100);
    QCOMPARE(child<ChatModel>(ada, u"chatModel")->rowCount(), before + 1);
}

void TestDesktopApp::editAndSaveProfileSyncs()
{
    MainWindow *w = m_ada->window();
    w->showMyProfile();
    QCOMPARE(w->section(), MainWindow::Section::MyProfile);
    ProfileEditor *editor = child<ProfileEditor>(w, u"profileEditor");
    QVERIFY(editor->isVisible());
    QLineEdit *title = child<QLineEdit>(editor, u"titleLineEdit");
    title->selectAll();
    QTest::keyClicks(title, QStringLiteral("Chief Kubernetes Whisperer"));
    QVERIFY(editor->isModified());
    // A new skill, at level 5, through the editor's own controls.
    child<QLineEdit>(editor, u"skillLineEdit")->setText(QStringLiteral("Analytical Engines"));
    child<QSpinBox>(editor, u"levelSpinBox")->setValue(5);
    QTest::keyClick(child<QLineEdit>(editor, u"skillLineEdit"), Qt::Key_Return);
    QCOMPARE(child<SkillsModel>(editor, u"skillsModel")->skills().constLast().name,
             QStringLiteral("Analytical Engines"));
    // A new photo (as the crop dialog hands it over), sent with the save.
    QImage photo(320, 320, QImage::Format_RGB32);
    photo.fill(QColor(0x33, 0x77, 0xaa));
    editor->setPhoto(photo);
    QVERIFY(child<QPushButton>(editor, u"saveButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>(editor, u"saveButton"), Qt::LeftButton);
    QVERIFY(!editor->isModified());

    // Synced: Grace's client gets the new title and skill.
    QTRY_VERIFY_WITH_TIMEOUT(m_grace->app.store()->profileByUsername(QStringLiteral("ada"))->title
                                 == QStringLiteral("Chief Kubernetes Whisperer"),
                             20000);
    const Profile seen = *m_grace->app.store()->profileByUsername(QStringLiteral("ada"));
    QVERIFY(std::any_of(seen.skills.cbegin(), seen.skills.cend(),
                        [](const Skill &s) { return s.name == QLatin1String("Analytical Engines") && s.level == 5; }));
    QTRY_VERIFY(child<QLabel>(editor, u"editorStatusLabel")->text().contains(QLatin1String("Saved")));
    // The photo reached the server and shows in the other client.
    QTRY_VERIFY_WITH_TIMEOUT(!m_grace->app.store()->profileByUsername(QStringLiteral("ada"))->photoTag.isEmpty(),
                             20000);
    ImageCache *images = m_grace->app.backend()->images();
    images->invalidate(QStringLiteral("ada"));
    QTRY_VERIFY_WITH_TIMEOUT(!images->photo(QStringLiteral("ada")).isNull(), 20000);
    QCOMPARE(images->photo(QStringLiteral("ada")).pixelColor(10, 10).blue(), 0xaa);
}

void TestDesktopApp::inlineValidation()
{
    MainWindow *w = m_ada->window();
    ProfileEditor *editor = showMyProfile(w);
    QLineEdit *email = child<QLineEdit>(editor, u"emailLineEdit");
    const QString original = email->text();
    email->selectAll();
    QTest::keyClicks(email, QStringLiteral("ada@@example"));
    QVERIFY(!editor->errorText(QStringLiteral("email")).isEmpty());
    QVERIFY(!child<QPushButton>(editor, u"saveButton")->isEnabled());
    QLineEdit *name = child<QLineEdit>(editor, u"display_nameLineEdit");
    name->setText(QString(101, QLatin1Char('x')));
    Q_EMIT name->textEdited(name->text());
    QVERIFY(editor->errorText(QStringLiteral("display_name")).contains(QLatin1String("100")));
    QVERIFY(w->findChild<QLabel *>(QStringLiteral("display_nameCounterLabel"))->isVisible());
    QVERIFY(!editor->save());
    // Revert brings back what is saved.
    w->findChild<QPushButton *>(QStringLiteral("revertButton"))->click();
    QCOMPARE(email->text(), original);
    QVERIFY(editor->errorText(QStringLiteral("email")).isEmpty());
    QVERIFY(!editor->isModified());
}

void TestDesktopApp::conflictOpensDialog()
{
    // Ada edits on two computers; the second save is based on an old revision.
    User other;
    QVERIFY2(other.openAndSignIn(m_server, u"ada"_qs, User::Window::Hidden), qPrintable(other.error));
    MainWindow *w = m_ada->window();
    ProfileEditor *editor = showMyProfile(w);
    QLineEdit *location = child<QLineEdit>(editor, u"locationLineEdit");
    location->selectAll();
    QTest::keyClicks(location, QStringLiteral("Marylebone"));

    Profile elsewhere = *other.app.store()->profileByUsername(QStringLiteral("ada"));
    elsewhere.phone = QStringLiteral("+44 20 0000 0000");
    elsewhere.location = QStringLiteral("Bath");
    // Queuing is asynchronous: wait for the server to have accepted the other computer's save.
    QSignalSpy elsewhereSaved(other.app.sync()->outbox(), &Outbox::profileSaved);
    QVERIFY(other.app.sync()->outbox()->saveProfile(elsewhere, elsewhere.revision));
    QTRY_COMPARE_WITH_TIMEOUT(elsewhereSaved.count(), 1, 20000);

    QVERIFY(editor->save());
    ConflictDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = editor->findChild<ConflictDialog *>()) != nullptr, 20000);
    // Per field: my location, their phone.
    dialog->chooseTheirs(QStringLiteral("phone"), true);
    dialog->chooseTheirs(QStringLiteral("location"), false);
    dialog->findChild<QPushButton *>(QStringLiteral("useChoicesButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto p = m_grace->app.store()->profileByUsername(QStringLiteral("ada"));
            return p && p->location == QLatin1String("Marylebone") && p->phone == QLatin1String("+44 20 0000 0000");
        }(),
        20000);
}

void TestDesktopApp::signInErrors_data()
{
    QTest::addColumn<bool>("reachable");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("expected");
    QTest::addRow("wrong password") << true << QStringLiteral("not-the-password") << QStringLiteral("not right");
    QTest::addRow("server unreachable") << false << QStringLiteral("ada-demo-password")
                                        << QStringLiteral("Cannot reach the server");
    QTest::addRow("untrusted TLS certificate")
        << true << QStringLiteral("ada-demo-password") << QStringLiteral("Cannot connect securely");
}

void TestDesktopApp::signInErrors()
{
    QFETCH(bool, reachable);
    QFETCH(QString, password);
    QFETCH(QString, expected);
    // A server with a self-signed certificate the client does not trust.
    ServerProcess tlsServer;
    QUrl tlsUrl;
    if (QByteArray(QTest::currentDataTag()) == "untrusted TLS certificate") {
        QTemporaryDir certDir;
        const QString cert = certDir.filePath(QStringLiteral("cert.pem"));
        const QString key = certDir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                       QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
        if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
            QSKIP("openssl cannot make a test certificate here");
        QVERIFY2(tlsServer.start(0, {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}),
                 qPrintable(tlsServer.errorString()));
        tlsUrl = tlsServer.url();
        QCOMPARE(tlsUrl.scheme(), QStringLiteral("https"));
    }
    User fresh;
    QVERIFY(fresh.open());
    fresh.window()->signIn();
    auto *dialog = fresh.window()->findChild<SignInDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    const QString server = !tlsUrl.isEmpty() ? tlsUrl.toString()
        : reachable                          ? m_server.url().toString()
                                             : QStringLiteral("http://127.0.0.1:%1").arg(ServerProcess::unusedPort());
    child<QLineEdit>(dialog, u"serverLineEdit")->setText(server);
    child<QLineEdit>(dialog, u"usernameLineEdit")->setText(QStringLiteral("ada"));
    QTest::keyClicks(child<QLineEdit>(dialog, u"passwordLineEdit"), password);
    QTest::keyClick(child<QLineEdit>(dialog, u"passwordLineEdit"), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(dialog, u"signInErrorLabel")->text().contains(expected), 20000);
    QVERIFY(dialog->isVisible());
    QVERIFY(fresh.app.sync()->session()->username().isEmpty() || !fresh.app.sync()->session()->isSignedIn());
    dialog->reject();
}

void TestDesktopApp::offlineThenOnline()
{
    MainWindow *ada = m_ada->window();
    ada->openConversation(QStringLiteral("grace"));
    const quint16 port = m_server.port();
    m_server.stop();
    SyncEngine *engine = m_ada->app.sync()->engine();
    QTRY_VERIFY_WITH_TIMEOUT(engine->state() == SyncState::Offline, 20000);
    QTRY_VERIFY(child<SyncStatusWidget>(ada, u"syncStatusWidget")->stateText().contains(QLatin1String("Offline")));

    ChatModel *chat = child<ChatModel>(ada, u"chatModel");
    const int before = chat->rowCount();
    QTest::keyClicks(child<ComposerEdit>(ada, u"composerTextEdit"), QStringLiteral("Written on the train"));
    QTest::keyClick(child<ComposerEdit>(ada, u"composerTextEdit"), Qt::Key_Return);
    QTRY_COMPARE(chat->rowCount(), before + 1);
    QCOMPARE(MessageRecord::State(chat->index(before).data(ChatModel::StateRole).toInt()),
             MessageRecord::State::Pending);
    QTest::qWait(300);
    QCOMPARE(MessageRecord::State(chat->index(before).data(ChatModel::StateRole).toInt()),
             MessageRecord::State::Pending);

    QVERIFY2(m_server.start(port), qPrintable(m_server.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(MessageRecord::State(chat->index(chat->rowCount() - 1).data(ChatModel::StateRole).toInt())
                                 == MessageRecord::State::Sent,
                             30000);
    QTRY_VERIFY_WITH_TIMEOUT(engine->state() == SyncState::Online, 30000);
    const auto graceHas = [&] {
        const QList<MessageRecord> messages = m_grace->app.sync()->messages(QStringLiteral("ada"));
        return std::count_if(
                   messages.cbegin(), messages.cend(),
                   [](const MessageRecord &m) { return m.message.body == QLatin1String("Written on the train"); })
            == 1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(graceHas(), 30000);
}

void TestDesktopApp::controlsHaveAccessibleNames()
{
    MainWindow *w = m_ada->window();
    for (MainWindow::Section section :
         {MainWindow::Section::People, MainWindow::Section::Messages, MainWindow::Section::MyProfile}) {
        w->showSection(section);
        const auto check = [](QWidget *widget) {
            if (!widget->isVisible())
                return;
            QString name = widget->accessibleName();
            if (auto *button = qobject_cast<QAbstractButton *>(widget))
                name += button->text();
            QVERIFY2(!name.trimmed().isEmpty(),
                     qPrintable(widget->objectName() + QLatin1Char(' ')
                                + QString::fromLatin1(widget->metaObject()->className())));
        };
        for (QAbstractButton *button : w->findChildren<QAbstractButton *>())
            check(button);
        for (QLineEdit *edit : w->findChildren<QLineEdit *>()) {
            if (qobject_cast<QComboBox *>(edit->parentWidget())
                || qobject_cast<QAbstractSpinBox *>(edit->parentWidget()))
                continue; // the combo or spin box carries the name
            check(edit);
        }
        for (QAbstractItemView *view : w->findChildren<QAbstractItemView *>()) {
            if (view->window() == w && !qobject_cast<QHeaderView *>(view)
                && !qobject_cast<QComboBox *>(view->parentWidget()))
                check(view);
        }
    }
    // Object names end with their class, so tests and tools can find them.
    QVERIFY(w->findChild<QLineEdit *>(QStringLiteral("searchLineEdit")));
    QVERIFY(w->findChild<QPushButton *>(QStringLiteral("sendButton")));
    QVERIFY(w->findChild<QListView *>(QStringLiteral("resultsListView")));
}

void TestDesktopApp::visibilityChoiceLeavesOtherStores()
{
    MainWindow *w = m_ada->window();
    ProfileEditor *editor = showMyProfile(w);
    auto *phone = child<QComboBox>(editor, u"phoneVisibilityComboBox");
    // Ada never chose: the server's default (everyone) is shown, and every picker can be changed.
    QCOMPARE(phone->currentData().toInt(), int(Visibility::Everyone));
    QVERIFY(phone->isEnabled());
    QVERIFY(!phone->accessibleName().isEmpty());
    const QString adasPhone = m_ada->app.store()->profileByUsername(QStringLiteral("ada"))->phone;
    QVERIFY(!adasPhone.isEmpty());
    QTRY_COMPARE(m_grace->app.store()->profileByUsername(QStringLiteral("ada"))->phone, adasPhone);

    // Only me: Grace's next sync takes the number out of her store.
    phone->setCurrentIndex(phone->findData(int(Visibility::Me)));
    Q_EMIT phone->activated(phone->currentIndex());
    QVERIFY(editor->isModified());
    QVERIFY(editor->save());
    QTRY_VERIFY_WITH_TIMEOUT(m_grace->app.store()->profileByUsername(QStringLiteral("ada"))->phone.isEmpty(), 20000);
    QVERIFY(m_grace->app.store()->profileByUsername(QStringLiteral("ada"))->withheld.contains(PrivateField::Phone));
    // Ada's own copy keeps the number and her choice; the editor shows it after a reload.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_ada->app.store()->profileByUsername(QStringLiteral("ada"))->visibility.choice(PrivateField::Phone)
            == Visibility::Me,
        20000);
    QCOMPARE(m_ada->app.store()->profileByUsername(QStringLiteral("ada"))->phone, adasPhone);
    editor->load();
    QCOMPARE(phone->currentData().toInt(), int(Visibility::Me));

    // Everyone again: it comes back.
    phone->setCurrentIndex(phone->findData(int(Visibility::Everyone)));
    Q_EMIT phone->activated(phone->currentIndex());
    QVERIFY(editor->save());
    QTRY_COMPARE_WITH_TIMEOUT(m_grace->app.store()->profileByUsername(QStringLiteral("ada"))->phone, adasPhone, 20000);
}

QTEST_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"
