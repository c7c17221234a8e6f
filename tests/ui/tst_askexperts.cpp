// SPDX-License-Identifier: MIT
// Ask the experts, end to end: four desktop apps (offscreen) against a real colleagues-server,
// driven through their widgets. Ada asks the people a search finds (the one out of office is left
// out and named); Erin says "not me" and suggests Hana, who is added and sees the question; Frank
// answers; Ada marks his answer; everyone still in the question sees it answered.

#include "client/sync/SyncClient.h"
#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/ui/UiDriver.h"
#include "ui/ClientBackend.h"
#include "ui/DesktopApp.h"
#include "ui/MainWindow.h"
#include "ui/messages/ChatModel.h"
#include "ui/messages/ChatView.h"
#include "ui/messages/ComposerEdit.h"
#include "ui/messages/ConversationsModel.h"
#include "ui/messages/NewConversationDialog.h"
#include "ui/messages/NotMeDialog.h"
#include "ui/messages/Notifier.h"
#include "ui/people/PersonPicker.h"
#include "ui/people/PickPersonDialog.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Test;

namespace {

const QString Password = u"zymurgy-expert-password"_qs;
const QString Title = u"Why does my <b>mash</b> stall at 65 °C?"_qs;
const QString Question = u"The mash stalls at 65 °C every time. Who knows why?"_qs;
const QString Answer = u"Your thermometer is off: calibrate it in ice water, then mash at 67 °C."_qs;

Profile expert(const QString &username, const QString &name, int level)
{
    Profile p;
    p.username = username;
    p.displayName = name;
    p.title = u"Brewer"_qs;
    p.department = u"Research"_qs;
    if (level > 0)
        p.skills = {Skill {u"Zymurgy"_qs, level}};
    return p;
}

//! One person's desktop app, signed in and synced, with its conversation models under testers.
struct Desk
{
    QTemporaryDir dir;
    DesktopApp app;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    std::unique_ptr<QSignalSpy> notified;

    bool open(const ServerProcess &server, const QString &username, QString *error)
    {
        if (!dir.isValid() || !app.open(dir.path()))
            return false;
        app.sync()->setBackoffPolicy(BackoffPolicy::fast());
        for (QAbstractItemModel *model :
             {static_cast<QAbstractItemModel *>(conversations()), static_cast<QAbstractItemModel *>(chatModel())})
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::QtTest));
        notified = std::make_unique<QSignalSpy>(child<Notifier>(window(), u"notifier"), &Notifier::notified);
        const QString password = username == u"ada"_qs ? ServerProcess::demoPassword(username) : Password;
        return signInAndSync(app, server.url(), username, password, error);
    }
    MainWindow *window() const { return app.window(); }
    ConversationsModel *conversations() const { return child<ConversationsModel>(window(), u"conversationsModel"); }
    ChatModel *chatModel() const { return child<ChatModel>(window(), u"chatModel"); }
    ChatView *chat() const { return child<ChatView>(window(), u"chatView"); }
    //! The row of the conversation \a id in the list; invalid while it is not there.
    QModelIndex row(const QString &id) const
    {
        const int r = conversations()->rowOf(id);
        return r >= 0 ? conversations()->index(r) : QModelIndex();
    }
    //! Opens the conversation \a id by clicking its row in the list.
    bool clickConversation(const QString &id)
    {
        window()->showSection(MainWindow::Section::Messages);
        auto *list = child<QListView>(window(), u"conversationsListView");
        const QModelIndex index = row(id);
        if (!index.isValid())
            return false;
        list->scrollTo(index);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
        return chat()->peer() == id;
    }
    //! Whether a notification with \a text was shown (notifications come in the order syncs bring them).
    bool wasNotified(const QString &text) const
    {
        return std::any_of(notified->cbegin(), notified->cend(),
                           [&](const QList<QVariant> &args) { return args.at(1).toString() == text; });
    }
    //! The bodies of the messages in the open chat, oldest first.
    QStringList bodies() const
    {
        QStringList out;
        for (int r = 0; r < chatModel()->rowCount(); ++r)
            out.append(chatModel()->index(r).data(ChatModel::BodyRole).toString());
        return out;
    }
};

void click(QAbstractButton *button)
{
    QVERIFY2(button->isVisible() && button->isEnabled(), qPrintable(button->objectName()));
    QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace

class TestAskExperts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void askNotMeAnswerAndResolve();
    void newGroupFromMessages();

private:
    ServerProcess m_server;
};

void TestAskExperts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_server.isValid());
    QVERIFY2(m_server.seedDemo(40, 7), qPrintable(m_server.errorString()));
    // Three zymurgy experts (one of them out of office), and Hana, who knows someone who knows.
    QVERIFY2(
        m_server.importProfiles({expert(u"erin"_qs, u"Erin Brewer"_qs, 5), expert(u"frank"_qs, u"Frank Malt"_qs, 4),
                                 expert(u"ivan"_qs, u"Ivan Hops"_qs, 5), expert(u"hana"_qs, u"Hana Yeast"_qs, 0)}),
        qPrintable(m_server.errorString()));
    for (const QString &username : {u"erin"_qs, u"frank"_qs, u"ivan"_qs, u"hana"_qs})
        QVERIFY2(m_server.setPassword(username, Password), qPrintable(m_server.errorString()));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    Client ivan(m_server.url());
    QCOMPARE(ivan.signIn(u"ivan"_qs, Password).status, 200);
    const QDate today = QDate::currentDate();
    // From yesterday: the window is in effect now in every time zone (the server applies it in
    // the person's own zone, which may still be at yesterday's date).
    const QDate from = today.addDays(-1);
    QCOMPARE(ivan.putJson(u"/api/v1/me/status"_qs,
                          QJsonObject {{u"availability"_qs, u"out_of_office"_qs},
                                       {u"out_of_office"_qs,
                                        QJsonObject {{u"from"_qs, from.toString(Qt::ISODate)},
                                                     {u"to"_qs, today.addDays(6).toString(Qt::ISODate)},
                                                     {u"note"_qs, u"At the hop harvest."_qs}}}})
                 .status,
             200);
}

void TestAskExperts::cleanupTestCase()
{
    m_server.stop();
}

void TestAskExperts::askNotMeAnswerAndResolve()
{
    QString error;
    Desk ada, erin, frank, hana;
    QVERIFY2(ada.open(m_server, u"ada"_qs, &error), qPrintable(error));
    QVERIFY2(erin.open(m_server, u"erin"_qs, &error), qPrintable(error));
    QVERIFY2(frank.open(m_server, u"frank"_qs, &error), qPrintable(error));
    QVERIFY2(hana.open(m_server, u"hana"_qs, &error), qPrintable(error));
    // Every window is shown (to be clicked in); Ada's is the active one, so the others notify.
    for (Desk *desk : {&erin, &frank, &hana, &ada}) {
        desk->window()->resize(1180, 760);
        desk->window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(desk->window()));
    }
    ada.window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(ada.window()));
    QTRY_COMPARE(ada.app.backend()->status(u"ivan"_qs).availability, Availability::OutOfOffice);

    // Ada searches, and asks the people found.
    QVERIFY(search(ada.app, u"skill:zymurgy"_qs));
    click(child<QPushButton>(ada.window(), u"askPeopleButton"));
    NewConversationDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = ada.window()->findChild<NewConversationDialog *>(u"newConversationDialog"_qs)));
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->members(), (QStringList {u"erin"_qs, u"frank"_qs}));
    auto *members = child<QListWidget>(dialog, u"membersListWidget");
    QCOMPARE(members->count(), 2);
    QVERIFY(members->item(0)->text().startsWith(u"Erin Brewer"_qs));
    auto *leftOut = child<QLabel>(dialog, u"leftOutLabel");
    QVERIFY(leftOut->isVisible());
    QVERIFY2(leftOut->text().contains(u"Ivan Hops"_qs), qPrintable(leftOut->text()));
    auto *send = child<QPushButton>(dialog, u"startConversationButton");
    QVERIFY(!send->isEnabled()); // no title, no question yet
    QTest::keyClicks(child<QLineEdit>(dialog, u"conversationTitleLineEdit"), Title);
    QTest::keyClicks(child<QPlainTextEdit>(dialog, u"questionTextEdit"), Question);
    click(send);
    QTRY_VERIFY(!ada.window()->findChild<NewConversationDialog *>());
    // The conversation opens at once, the question in it, the members in the header.
    QTRY_VERIFY(!ada.chat()->peer().isEmpty() && ada.chatModel()->group());
    const QString id = ada.chat()->peer();
    QTRY_COMPARE(ada.bodies(), QStringList {Question});
    QCOMPARE(child<QLabel>(ada.chat(), u"chatNameLabel")->text(), Title);
    QCOMPARE(child<QLabel>(ada.chat(), u"chatNameLabel")->textFormat(), Qt::PlainText);
    auto *avatars = child<QWidget>(ada.chat(), u"memberAvatarsWidget");
    QVERIFY(avatars->isVisible());
    QCOMPARE(avatars->findChildren<QWidget *>(u"memberAvatar"_qs).size(), 3);
    QVERIFY(child<QPushButton>(ada.chat(), u"markAnswerButton")->isVisible());
    QVERIFY(!child<QPushButton>(ada.chat(), u"notMeButton")->isVisible());
    QTRY_COMPARE(ada.chatModel()->index(0).data(ChatModel::StateRole).toInt(), int(MessageRecord::State::Sent));

    // Erin and Frank get it, with a notification that says it is a question for them.
    const QString adaName = ada.app.backend()->displayName(u"ada"_qs);
    for (Desk *expert : {&erin, &frank}) {
        QTRY_VERIFY_WITH_TIMEOUT(expert->row(id).isValid(), 15000);
        QVERIFY(expert->row(id).data(ConversationsModel::QuestionRole).toBool());
        QCOMPARE(expert->row(id).data(ConversationsModel::SummaryRole).toString(), u"Question · open"_qs);
        QTRY_VERIFY(expert->wasNotified(u"%1 asks you: %2"_qs.arg(adaName, Title)));
    }
    // "Open questions asked of me" lists it for an expert; "… I asked" for Ada.
    auto *filter = child<QComboBox>(erin.window(), u"conversationFilterComboBox");
    filter->setCurrentIndex(filter->findData(int(ConversationsModel::Filter::AskedOfMe)));
    QCOMPARE(erin.conversations()->peers(), QStringList {id});
    filter->setCurrentIndex(filter->findData(int(ConversationsModel::Filter::AskedByMe)));
    QVERIFY(erin.conversations()->peers().isEmpty());
    filter->setCurrentIndex(0);
    QVERIFY(ada.row(id).data(ConversationsModel::AskedByMeRole).toBool());

    // Erin: "Not me…", suggesting Hana, found by name in the dialog.
    QVERIFY(erin.clickConversation(id));
    QTRY_COMPARE(erin.bodies(), QStringList {Question});
    click(child<QPushButton>(erin.chat(), u"notMeButton"));
    NotMeDialog *notMe = nullptr;
    QTRY_VERIFY((notMe = erin.window()->findChild<NotMeDialog *>(u"notMeDialog"_qs)));
    QTRY_VERIFY(notMe->isVisible());
    click(child<QCheckBox>(notMe, u"suggestCheckBox"));
    QTest::keyClicks(child<QLineEdit>(notMe, u"personSearchLineEdit"), u"hana"_qs);
    auto *people = child<QListView>(notMe, u"personListView");
    // The list follows the typing; wait for the search of the whole text.
    QTRY_COMPARE(people->model()->index(0, 0).data().toString(), u"Hana Yeast"_qs);
    QTest::mouseClick(people->viewport(), Qt::LeftButton, {},
                      people->visualRect(people->model()->index(0, 0)).center());
    QCOMPARE(notMe->suggested(), u"hana"_qs);
    auto *leave = child<QPushButton>(notMe, u"leaveButton");
    QCOMPARE(leave->text(), u"Leave and Suggest Hana Yeast"_qs);
    click(leave);
    QTRY_VERIFY(!erin.window()->findChild<NotMeDialog *>());
    QTRY_VERIFY(child<QLabel>(erin.chat(), u"chatNoticeLabel")->isVisible());
    QVERIFY(!child<ComposerEdit>(erin.chat(), u"composerTextEdit")->isEnabled());
    QVERIFY(!child<QPushButton>(erin.chat(), u"notMeButton")->isVisible());

    // Hana is added: she is told she is asked, and sees the question asked before she came.
    QTRY_VERIFY_WITH_TIMEOUT(hana.row(id).isValid(), 15000);
    QTRY_VERIFY(hana.wasNotified(u"%1 asks you: %2"_qs.arg(adaName, Title)));
    QVERIFY(hana.clickConversation(id));
    QTRY_COMPARE(hana.bodies(), QStringList {Question});
    // Everyone sees who is in it now: Erin out, Hana in, suggested by Erin.
    for (Desk *desk : {&ada, &frank, &hana}) {
        QTRY_COMPARE_WITH_TIMEOUT(desk->row(id).data(ConversationsModel::MembersRole).toStringList(),
                                  (QStringList {u"ada"_qs, u"frank"_qs, u"hana"_qs}), 15000);
    }
    const std::optional<GroupChat> seen = ada.app.backend()->groupChat(id);
    QCOMPARE(seen->conversation.member(u"hana"_qs)->addedBy, u"erin"_qs);
    QCOMPARE(seen->conversation.member(u"erin"_qs)->suggested, u"hana"_qs);
    QTRY_COMPARE(avatars->findChildren<QWidget *>(u"memberAvatar"_qs).size(), 3);

    // Frank answers.
    QVERIFY(frank.clickConversation(id));
    QTest::keyClicks(child<ComposerEdit>(frank.chat(), u"composerTextEdit"), Answer);
    click(child<QPushButton>(frank.chat(), u"sendButton"));
    QTRY_COMPARE_WITH_TIMEOUT(ada.bodies(), (QStringList {Question, Answer}), 15000);
    QCOMPARE(ada.chatModel()->index(1).data(ChatModel::SenderNameRole).toString(),
             ada.app.backend()->displayName(u"frank"_qs));

    // Ada marks it as the answer: selected in the list, then the button.
    auto *messages = child<QListView>(ada.chat(), u"messagesListView");
    auto *mark = child<QPushButton>(ada.chat(), u"markAnswerButton");
    QVERIFY(!mark->isEnabled() || messages->currentIndex().row() == 1);
    QTest::mouseClick(messages->viewport(), Qt::LeftButton, {},
                      messages->visualRect(ada.chatModel()->index(1)).center());
    QTRY_VERIFY(mark->isEnabled());
    click(mark);

    // Everyone still in it sees it answered, with the thank-you line; Erin, who left, gets nothing more.
    const QString thanks = u"✓ Answered by Frank Malt — thank you!"_qs;
    for (Desk *desk : {&ada, &frank, &hana}) {
        QTRY_VERIFY_WITH_TIMEOUT(desk->row(id).data(ConversationsModel::ResolvedRole).toBool(), 15000);
        QCOMPARE(desk->row(id).data(ConversationsModel::SummaryRole).toString(), u"Question · answered"_qs);
        if (desk != &ada)
            QVERIFY(desk->clickConversation(id));
        auto *banner = child<QFrame>(desk->chat(), u"resolutionBanner");
        QTRY_VERIFY(banner->isVisible());
        QTRY_COMPARE(child<QLabel>(banner, u"resolutionLabel")->text(), thanks);
        QTRY_VERIFY(desk->chatModel()->index(1).data(ChatModel::AnswerRole).toBool());
    }
    QVERIFY(!child<QPushButton>(ada.chat(), u"markAnswerButton")->isEnabled());
    QVERIFY(!erin.row(id).data(ConversationsModel::ResolvedRole).toBool());
    QCOMPARE(erin.bodies(), QStringList {Question});
    QVERIFY(erin.row(id).data(ConversationsModel::LeftRole).toBool());
}

void TestAskExperts::newGroupFromMessages()
{
    QString error;
    Desk frank, hana;
    QVERIFY2(frank.open(m_server, u"frank"_qs, &error), qPrintable(error));
    QVERIFY2(hana.open(m_server, u"hana"_qs, &error), qPrintable(error));
    for (Desk *desk : {&hana, &frank}) {
        desk->window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(desk->window()));
    }
    frank.window()->activateWindow();

    // Frank starts a group on Messages, adding Hana by name.
    frank.window()->showSection(MainWindow::Section::Messages);
    click(child<QPushButton>(frank.window(), u"newGroupButton"));
    NewConversationDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = frank.window()->findChild<NewConversationDialog *>(u"newConversationDialog"_qs)));
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->members().isEmpty());
    auto *create = child<QPushButton>(dialog, u"startConversationButton");
    QCOMPARE(create->text(), u"Create Group"_qs);
    click(child<QPushButton>(dialog, u"addMemberButton"));
    PickPersonDialog *pick = nullptr;
    QTRY_VERIFY((pick = dialog->findChild<PickPersonDialog *>(u"pickPersonDialog"_qs)));
    QTRY_VERIFY(pick->isVisible());
    QTest::keyClicks(child<QLineEdit>(pick, u"personSearchLineEdit"), u"hana yeast"_qs);
    auto *people = child<QListView>(pick, u"personListView");
    // The list follows the typing; wait for the search of the whole text.
    QTRY_COMPARE(people->model()->index(0, 0).data().toString(), u"Hana Yeast"_qs);
    QTest::mouseClick(people->viewport(), Qt::LeftButton, {},
                      people->visualRect(people->model()->index(0, 0)).center());
    click(child<QPushButton>(pick, u"pickPersonButton"));
    QTRY_COMPARE(dialog->members(), QStringList {u"hana"_qs});
    QTest::keyClicks(child<QLineEdit>(dialog, u"conversationTitleLineEdit"), u"Brew day"_qs);
    click(create); // a group needs no first message
    QTRY_VERIFY(!frank.window()->findChild<NewConversationDialog *>());
    QTRY_VERIFY(frank.chatModel()->group() && !frank.chatModel()->group()->isQuestion());
    const QString id = frank.chat()->peer();
    QVERIFY(!child<QPushButton>(frank.chat(), u"notMeButton")->isVisible());
    QVERIFY(!child<QPushButton>(frank.chat(), u"markAnswerButton")->isVisible());
    QTest::keyClicks(child<ComposerEdit>(frank.chat(), u"composerTextEdit"), u"Saturday at ten?"_qs);
    click(child<QPushButton>(frank.chat(), u"sendButton"));

    // Hana has it, as a group of two, with the message.
    QTRY_VERIFY_WITH_TIMEOUT(hana.row(id).isValid(), 15000);
    QCOMPARE(hana.row(id).data(ConversationsModel::SummaryRole).toString(), u"Group · 2 people"_qs);
    QVERIFY(!hana.row(id).data(ConversationsModel::QuestionRole).toBool());
    QVERIFY(hana.clickConversation(id));
    QTRY_COMPARE(hana.bodies(), QStringList {u"Saturday at ten?"_qs});
    QTRY_VERIFY(hana.wasNotified(u"%1 in “Brew day”"_qs.arg(hana.app.backend()->displayName(u"frank"_qs))));
}

QTEST_MAIN(TestAskExperts)
#include "tst_askexperts.moc"
