// SPDX-License-Identifier: MIT
// Availability and status in the desktop app (offscreen) against a real colleagues-server: the
// out-of-office banner before writing, with the stand-in's button; the own status menu; and two
// clients seeing each other's presence and status change as they happen.

#include "client/sync/StatusBook.h"
#include "client/sync/SyncClient.h"
#include "client/sync/SyncEngine.h"
#include "tests/support/AppClient.h"
#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/SharedServerTest.h"
#include "tests/ui/UiDriver.h"
#include "ui/ClientBackend.h"
#include "ui/DesktopApp.h"
#include "ui/MainWindow.h"
#include "ui/PresenceMonitor.h"
#include "ui/messages/ChatView.h"
#include "ui/people/ProfilePane.h"
#include "ui/widgets/StatusText.h"

#include <QAction>
#include <QFrame>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using namespace Colleagues;
using namespace Colleagues::Test;

namespace {

//! Signs \a client in as \a username (to change their status the way another device would).
bool signIn(Client &client, const QString &username)
{
    return client.signIn(username, ServerProcess::demoPassword(username)).status == 200;
}

} // namespace

class TestStatusUi : public SharedServerTest
{
    Q_OBJECT

public:
    TestStatusUi()
        : SharedServerTest(0)
    {
        QStandardPaths::setTestModeEnabled(true);
    }

private Q_SLOTS:
    void outOfOfficeNoteAndStandInBeforeWriting();
    void ownStatusMenu();
    void twoClientsSeeEachOthersStatus();

private:
    void setUpServer(ServerProcess &server) override
    {
        QVERIFY2(server.seedDemo(40, 7), qPrintable(server.errorString()));
    }
};

void TestStatusUi::outOfOfficeNoteAndStandInBeforeWriting()
{
    // Grace is out of office from today, with a note (markup stays text) and Misaki standing in.
    Client grace(m_server->url());
    QVERIFY(signIn(grace, u"grace"_qs));
    const QDate today = QDate::currentDate();
    // From yesterday: the window is in effect now in every time zone (the server applies it in
    // the person's own zone, which may still be at yesterday's date).
    const QDate from = today.addDays(-1);
    const QString note = u"Back on Monday. <b>Not bold</b> & not a link: <a href=x>x</a>"_qs;
    const Response set = grace.putJson(u"/api/v1/me/status"_qs,
                                       QJsonObject {{u"availability"_qs, u"out_of_office"_qs},
                                                    {u"out_of_office"_qs,
                                                     QJsonObject {{u"from"_qs, from.toString(Qt::ISODate)},
                                                                  {u"to"_qs, today.addDays(4).toString(Qt::ISODate)},
                                                                  {u"note"_qs, note},
                                                                  {u"stand_in"_qs, u"misaki"_qs}}}});
    QCOMPARE(set.status, 200);

    DesktopUser ada;
    QVERIFY2(ada.openAndSignIn(*m_server, u"ada"_qs), qPrintable(ada.error));
    DesktopApp &app = ada.app;
    MainWindow *window = ada.window();
    QTRY_COMPARE(app.backend()->status(u"grace"_qs).availability, Availability::OutOfOffice);

    window->openConversation(u"grace"_qs);
    auto *chat = child<ChatView>(window, u"chatView");
    auto *banner = child<QFrame>(chat, u"awayBanner");
    QTRY_VERIFY(banner->isVisible());
    auto *title = child<QLabel>(banner, u"awayBannerTitleLabel");
    auto *noteLabel = child<QLabel>(banner, u"awayBannerNoteLabel");
    const QString graceName = app.backend()->displayName(u"grace"_qs);
    const QString misakiName = app.backend()->displayName(u"misaki"_qs);
    QVERIFY2(title->text().startsWith(graceName + u" is out of office until "_qs), qPrintable(title->text()));
    QCOMPARE(noteLabel->textFormat(), Qt::PlainText);
    QVERIFY2(noteLabel->text().contains(note), qPrintable(noteLabel->text()));
    QVERIFY(noteLabel->text().contains(misakiName));
    // The header says it in words too, not only with the dot's colour.
    auto *statusLabel = child<QLabel>(chat, u"chatStatusLabel");
    QVERIFY2(statusLabel->text().startsWith(u"Out of office until"_qs), qPrintable(statusLabel->text()));
    QVERIFY(child<QWidget>(chat, u"chatPresenceDot")->accessibleName().startsWith(u"Out of office"_qs));

    // One button writes to the stand-in instead.
    auto *standIn = child<QPushButton>(banner, u"standInButton");
    QVERIFY(standIn->isVisible());
    QCOMPARE(standIn->text(), u"Message "_qs + misakiName);
    standIn->click();
    QCOMPARE(chat->peer(), u"misaki"_qs);
    QCOMPARE(window->section(), MainWindow::Section::Messages);
    // Misaki is available: no banner.
    QTRY_VERIFY(!banner->isVisible());

    // The profile shows the note and the stand-in as well.
    window->showPerson(u"grace"_qs);
    ProfilePane *pane = child<ProfilePane>(window, u"profilePane");
    auto *away = child<QLabel>(pane, u"profileOutOfOfficeLabel");
    QTRY_VERIFY(away->isVisible());
    QVERIFY(away->text().contains(note));
    QVERIFY(away->text().contains(misakiName));

    // Do not disturb, too, shows the banner (without a stand-in); back to available hides it.
    QCOMPARE(grace
                 .putJson(u"/api/v1/me/status"_qs,
                          QJsonObject {{u"availability"_qs, u"dnd"_qs}, {u"text"_qs, u"Heads down on the release"_qs}})
                 .status,
             200);
    window->openConversation(u"grace"_qs);
    QTRY_COMPARE(app.backend()->status(u"grace"_qs).availability, Availability::Dnd);
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(title->text().contains(u"does not want to be disturbed"_qs), qPrintable(title->text()));
    QVERIFY(noteLabel->text().contains(u"Heads down on the release"_qs));
    QVERIFY(!standIn->isVisible());
    QCOMPARE(grace.putJson(u"/api/v1/me/status"_qs, QJsonObject {{u"availability"_qs, u"available"_qs}}).status, 200);
    QTRY_VERIFY(!banner->isVisible());
}

void TestStatusUi::ownStatusMenu()
{
    DesktopUser zoeOnDesktop;
    QVERIFY2(zoeOnDesktop.openAndSignIn(*m_server, u"zoe"_qs), qPrintable(zoeOnDesktop.error));
    DesktopApp &app = zoeOnDesktop.app;
    MainWindow *window = zoeOnDesktop.window();
    auto *button = child<QToolButton>(window, u"myStatusButton");
    QTRY_VERIFY(button->isEnabled());

    // "Do not disturb for 1 hour" goes to the server and shows on the button.
    child<QAction>(window, u"statusDndHourAction")->trigger();
    QTRY_COMPARE(app.backend()->status(u"zoe"_qs).availability, Availability::Dnd);
    Client zoe(m_server->url());
    QVERIFY(signIn(zoe, u"zoe"_qs));
    const QJsonObject onServer = zoe.get(u"/api/v1/me/status"_qs).json();
    QCOMPARE(onServer.value(u"availability"_qs).toString(), u"dnd"_qs);
    const QDateTime until = QDateTime::fromString(onServer.value(u"until"_qs).toString(), Qt::ISODateWithMs);
    QVERIFY(until > QDateTime::currentDateTimeUtc().addSecs(3500));
    QVERIFY(until < QDateTime::currentDateTimeUtc().addSecs(3700));
    QTRY_VERIFY2(button->accessibleName().contains(u"Do not disturb"_qs), qPrintable(button->accessibleName()));

    // One's own profile offers the same menu; someone else's does not.
    window->showPerson(u"zoe"_qs);
    auto *change = child<QWidget>(window, u"changeStatusButton");
    QTRY_VERIFY(change->isVisible());
    QVERIFY2(child<QLabel>(window, u"profileStatusLabel")->text().startsWith(u"Do not disturb until"_qs),
             qPrintable(child<QLabel>(window, u"profileStatusLabel")->text()));
    window->showPerson(u"ada"_qs);
    QTRY_VERIFY(!change->isVisible());

    // "Clear" makes one available again, without text.
    child<QAction>(window, u"statusClearAction")->trigger();
    QTRY_COMPARE(app.backend()->status(u"zoe"_qs).availability, Availability::Available);
    QCOMPARE(zoe.get(u"/api/v1/me/status"_qs).json().value(u"availability"_qs).toString(), u"available"_qs);

    // Offline, nothing changes and the user is told so; nothing is queued.
    m_server->stop();
    child<QAction>(window, u"statusDndTomorrowAction")->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window->findChild<QMessageBox *>(u"statusErrorBox"_qs)));
    QVERIFY2(box->text().contains(u"offline"_qs), qPrintable(box->text()));
    QCOMPARE(app.backend()->status(u"zoe"_qs).availability, Availability::Available);
    box->close();
    QVERIFY2(m_server->restart(), qPrintable(m_server->errorString()));
}

void TestStatusUi::twoClientsSeeEachOthersStatus()
{
    // Ada on the desktop has a chat with Misaki open; Misaki runs a client of her own.
    DesktopUser ada;
    QVERIFY2(ada.openAndSignIn(*m_server, u"ada"_qs), qPrintable(ada.error));
    DesktopApp &app = ada.app;
    MainWindow *window = ada.window();
    window->openConversation(u"misaki"_qs);

    AppClient misaki;
    QVERIFY(misaki.isValid());
    QVERIFY(misaki.signIn(m_server->url(), u"misaki"_qs, ServerProcess::demoPassword(u"misaki"_qs)));
    // Misaki watches Ada (her conversation with her is open).
    misaki.client()->engine()->setWatchList({u"ada"_qs});

    // Both are connected and active: each sees the other online.
    auto *chat = child<ChatView>(window, u"chatView");
    auto *statusLabel = child<QLabel>(chat, u"chatStatusLabel");
    QTRY_COMPARE_WITH_TIMEOUT(app.backend()->status(u"misaki"_qs).presence, Presence::Online, 15000);
    QTRY_COMPARE(statusLabel->text(), u"Available"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(misaki.client()->statuses()->status(u"ada"_qs).presence, Presence::Online, 15000);

    // Misaki steps away from her computer: Ada sees her away.
    misaki.client()->engine()->setIdle(true);
    QTRY_COMPARE_WITH_TIMEOUT(app.backend()->status(u"misaki"_qs).presence, Presence::Away, 15000);
    QTRY_COMPARE(statusLabel->text(), u"Away"_qs);

    // Misaki sets a status line and do-not-disturb from her client: Ada's chat header shows it.
    StatusChoice choice;
    choice.availability = Availability::Dnd;
    choice.text = u"Interviewing until noon"_qs;
    bool done = false;
    ApiError failure;
    QObject context;
    misaki.client()->statuses()->setMyStatus(choice, &context, [&](const Status &, const ApiError &e) {
        failure = e;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY2(!failure, qPrintable(failure.userMessage));
    QTRY_COMPARE_WITH_TIMEOUT(statusLabel->text(), u"Interviewing until noon"_qs, 15000);
    QCOMPARE(app.backend()->status(u"misaki"_qs).availability, Availability::Dnd);
    QVERIFY(child<QFrame>(chat, u"awayBanner")->isVisible());

    // Ada's desktop goes idle (no input for the time set): Misaki sees her away.
    window->presenceMonitor()->setIdleAfter(50);
    QTRY_VERIFY(window->presenceMonitor()->isIdle());
    QTRY_COMPARE_WITH_TIMEOUT(misaki.client()->statuses()->status(u"ada"_qs).presence, Presence::Away, 15000);
    // The screen lock counts as away too, and input brings her back only when it is unlocked.
    window->presenceMonitor()->setScreenLocked(true);
    window->presenceMonitor()->noteActivity();
    QVERIFY(window->presenceMonitor()->isIdle());
    window->presenceMonitor()->setIdleAfter(10 * 60 * 1000);
    window->presenceMonitor()->setScreenLocked(false);
    QVERIFY(!window->presenceMonitor()->isIdle());
    QTRY_COMPARE_WITH_TIMEOUT(misaki.client()->statuses()->status(u"ada"_qs).presence, Presence::Online, 15000);
}

QTEST_MAIN(TestStatusUi)
#include "tst_statusui.moc"
