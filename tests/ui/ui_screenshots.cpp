// SPDX-License-Identifier: MIT
// Takes a screenshot of each main screen of the desktop app, with a demo company on a real
// local server: scripts/screenshots.sh runs it under Xvfb and writes docs/screenshots/.
#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/ui/UiDriver.h"

#include "client/org/OrgChart.h"
#include "client/sync/Outbox.h"
#include "client/sync/Session.h"
#include "client/sync/StatusBook.h"
#include "client/sync/SyncClient.h"
#include "client/sync/SyncTypes.h"
#include "ui/ChangePasswordDialog.h"
#include "ui/ClientBackend.h"
#include "ui/DesktopApp.h"
#include "ui/MainWindow.h"
#include "ui/SignInDialog.h"
#include "ui/messages/ChatModel.h"
#include "ui/messages/ChatView.h"
#include "ui/messages/ComposerEdit.h"
#include "ui/messages/NewConversationDialog.h"
#include "ui/org/OrgChartView.h"
#include "ui/org/OrgModel.h"
#include "ui/org/OrgPanel.h"
#include "ui/org/TeamOverviewWidget.h"
#include "ui/people/ResultsModel.h"
#include "ui/profile/ProfileEditor.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QToolButton>
#include <QUuid>

using namespace Colleagues;
using namespace Colleagues::Test;

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

bool save(QWidget *widget, const QString &directory, const QString &name)
{
    QTest::qWait(250); // let layouts, photos and fades settle
    const QString path = QDir(directory).filePath(name + QStringLiteral(".png"));
    const bool ok = widget->grab().save(path);
    err() << (ok ? "wrote " : "could not write ") << path << Qt::endl;
    return ok;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x26, 0x28, 0x2c), base(0x1d, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xe0));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x6c, 0xb2, 0xff));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::Mid, QColor(0x44, 0x47, 0x4c));
    p.setColor(QPalette::Dark, QColor(0x15, 0x16, 0x18));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    QColor placeholder = text;
    placeholder.setAlpha(128);
    p.setColor(QPalette::PlaceholderText, placeholder);
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("colleagues-screenshots"));
    QStandardPaths::setTestModeEnabled(true);
    DesktopApp::setUpApplication();

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Directory for the PNG files."),
                                       QStringLiteral("DIR"), QStringLiteral("docs/screenshots"));
    const QCommandLineOption peopleOption(QStringLiteral("people"), QStringLiteral("Size of the demo company."),
                                          QStringLiteral("N"), QStringLiteral("400"));
    parser.addOptions({outOption, peopleOption});
    parser.process(app);
    const QString out = parser.value(outOption);
    QDir().mkpath(out);

    ServerProcess server;
    if (!server.seedDemo(parser.value(peopleOption).toInt()) || !server.start()) {
        err() << "cannot start the demo server: " << server.errorString() << Qt::endl;
        return 1;
    }
    QTemporaryDir adaDir;
    QTemporaryDir graceDir;
    DesktopApp ada;
    DesktopApp grace;
    if (!ada.open(adaDir.path()) || !grace.open(graceDir.path())) {
        err() << "cannot open the local stores" << Qt::endl;
        return 1;
    }
    QString error;
    if (!signInAndSync(ada, server, QStringLiteral("ada"), &error)
        || !signInAndSync(grace, server, QStringLiteral("grace"), &error)) {
        err() << "cannot sign in: " << error << Qt::endl;
        return 1;
    }

    // A short conversation, so the Messages screen has something to show.
    grace.sync()->outbox()->sendMessage(QStringLiteral("ada"),
                                        QStringLiteral("Hi Ada! Do you have a minute to look at our Kubernetes "
                                                       "upgrade plan? The node pools worry me a bit."));
    waitUntil([&] { return ada.sync()->messages(QStringLiteral("grace")).size() == 1; });
    ada.sync()->outbox()->sendMessage(QStringLiteral("grace"),
                                      QStringLiteral("Sure — send it over. Drain one pool at a time and keep a "
                                                     "spare surge node, then it is quite boring."));
    // Grace's own first message and Ada's answer.
    waitUntil([&] { return grace.sync()->messages(QStringLiteral("ada")).size() == 2; });
    grace.sync()->outbox()->sendMessage(QStringLiteral("ada"), QStringLiteral("Perfect, thank you!\nSending it now."));
    waitUntil([&] { return ada.sync()->messages(QStringLiteral("grace")).size() == 3; });
    grace.sync()->outbox()->sendMessage(QStringLiteral("zoe"), QStringLiteral("Lunch on Friday?"));

    MainWindow *window = ada.window();
    window->resize(1280, 800);
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        err() << "the window was not exposed" << Qt::endl;
    child<QLineEdit>(window, u"searchLineEdit")->setFocus();
    save(window, out, QStringLiteral("01-find-start"));

    search(ada, QStringLiteral("kubernetes"));
    QTest::keyClick(child<QLineEdit>(window, u"searchLineEdit"), Qt::Key_Down);
    QTest::keyClick(child<QLineEdit>(window, u"searchLineEdit"), Qt::Key_Up);
    QTest::qWait(200);
    save(window, out, QStringLiteral("02-find-results"));

    search(ada, QStringLiteral("pyhton level>=4"));
    save(window, out, QStringLiteral("03-find-typo-and-filter"));

    search(ada, QStringLiteral("who knows k8s or terraform in berlin"));
    save(window, out, QStringLiteral("10-find-understood"));

    search(ada, QStringLiteral("kubernetes expert in reykjavik"));
    save(window, out, QStringLiteral("11-find-partial"));

    window->openConversation(QStringLiteral("grace"));
    child<ComposerEdit>(window, u"composerTextEdit")
        ->setPlainText(QStringLiteral("Also: the new dashboards look great."));
    save(window, out, QStringLiteral("04-messages"));

    window->showMyProfile();
    // Ada keeps her phone number to her team: the picker beside the field says so.
    auto *phoneVisibility = child<QComboBox>(window, u"phoneVisibilityComboBox");
    phoneVisibility->setCurrentIndex(phoneVisibility->findData(int(Visibility::Team)));
    Q_EMIT phoneVisibility->activated(phoneVisibility->currentIndex());
    save(window, out, QStringLiteral("05-edit-my-profile"));
    auto *email = child<QLineEdit>(window, u"emailLineEdit");
    const QString address = email->text();
    email->setText(QStringLiteral("ada@@example"));
    Q_EMIT email->textEdited(QStringLiteral("ada@@example"));
    save(window, out, QStringLiteral("06-edit-validation"));
    // Back as it was (setText() leaves nothing to undo).
    email->setText(address);
    Q_EMIT email->textEdited(address);
    // A skill typed by another name: the vocabulary's name is suggested.
    auto *skill = child<QLineEdit>(window, u"skillLineEdit");
    skill->setText(QStringLiteral("tf"));
    child<QScrollArea>(window, u"editorScrollArea")
        ->ensureWidgetVisible(child<QWidget>(window, u"skillSuggestionButton"), 50, 120);
    save(window, out, QStringLiteral("12-edit-skill-alias"));
    skill->clear();

    // The org chart around Ada, her manager's team beside it; a bigger team; the skill map.
    auto orgShots = [&](const QString &suffix) {
        OrgPanel *org = window->orgPanel();
        window->showOrgChart(QStringLiteral("ada"));
        auto *view = child<OrgChartView>(window, u"orgChartView");
        view->setCurrentIndex(org->model()->focusIndex().parent());
        waitUntil(
            [&] { return !org->teamOverview()->manager().isEmpty() && org->teamOverview()->manager() != u"ada"_qs; });
        QTest::qWait(200);
        save(window, out, QStringLiteral("13-org-chart") + suffix);
        const QList<qint64> chain = org->chart()->chain(org->chart()->idOf(QStringLiteral("ada")));
        const QString vp = org->chart()->person(chain.value(chain.size() - 2, chain.last()))->username;
        window->showOrgChart(vp);
        waitUntil([&] { return org->teamOverview()->manager() == vp; });
        QTest::qWait(200);
        save(window, out, QStringLiteral("14-team-overview") + suffix);
        window->showSection(MainWindow::Section::People);
        auto *map = child<QToolButton>(window, u"skillMapButton");
        map->setChecked(true);
        search(ada, QStringLiteral("kubernetes"));
        QTest::qWait(200);
        save(window, out, QStringLiteral("15-skill-map") + suffix);
        map->setChecked(false);
    };
    orgShots(QString());

    // Sign-in with a wrong password, in a fresh app.
    QTemporaryDir freshDir;
    DesktopApp fresh;
    fresh.open(freshDir.path());
    fresh.window()->resize(1280, 800);
    fresh.window()->show();
    fresh.window()->signIn();
    auto *dialog = fresh.window()->findChild<SignInDialog *>();
    if (dialog) {
        child<QLineEdit>(dialog, u"serverLineEdit")->setText(server.url().toString());
        child<QLineEdit>(dialog, u"usernameLineEdit")->setText(QStringLiteral("ada"));
        child<QLineEdit>(dialog, u"passwordLineEdit")->setText(QStringLiteral("not-my-password"));
        dialog->findChild<QPushButton *>(QStringLiteral("signInButton"))->click();
        waitUntil([dialog] {
            return child<QLabel>(dialog, u"signInErrorLabel")->text().contains(QLatin1String("not right"));
        });
        QTest::qWait(200);
        const QString path = QDir(out).filePath(QStringLiteral("07-sign-in-error.png"));
        dialog->grab().save(path);
        err() << "wrote " << path << Qt::endl;
        dialog->reject();
    }
    fresh.window()->hide();

    // The password dialog as it opens after signing in with a password an administrator set,
    // with the new password typed differently twice.
    window->changePassword(true);
    if (auto *change = window->findChild<ChangePasswordDialog *>()) {
        child<QLineEdit>(change, u"currentPasswordLineEdit")->setText(QStringLiteral("set-by-the-admin"));
        child<QLineEdit>(change, u"newPasswordLineEdit")->setText(QStringLiteral("a new long password"));
        child<QLineEdit>(change, u"repeatPasswordLineEdit")->setText(QStringLiteral("a new lomg password"));
        child<QPushButton>(change, u"changePasswordButton")->click();
        QTest::qWait(200);
        const QString path = QDir(out).filePath(QStringLiteral("16-change-password.png"));
        change->grab().save(path);
        err() << "wrote " << path << Qt::endl;
        change->reject();
    }

    // Availability and status: Grace is out of office with Zoe standing in, Zoe does not want to
    // be disturbed, Misaki has a status line; Ada opens her chat with Grace.
    {
        const QDate today = QDate::currentDate();
        StatusChoice away;
        away.availability = Availability::OutOfOffice;
        away.outOfOffice = OutOfOffice {today, today.addDays(11),
                                        QStringLiteral("At the conference in Lisbon, back on the 16th. For the "
                                                       "Kubernetes upgrade, Zoe knows everything I know."),
                                        QStringLiteral("zoe")};
        bool set = false;
        grace.sync()->statuses()->setMyStatus(away, &app, [&](const Status &, const ApiError &) { set = true; });
        waitUntil([&] { return set; });
        for (const auto &[user, body] :
             {std::pair {QStringLiteral("zoe"),
                         QJsonObject {{QStringLiteral("availability"), QStringLiteral("dnd")},
                                      {QStringLiteral("until"),
                                       QDateTime::currentDateTimeUtc().addSecs(3 * 3600).toString(Qt::ISODateWithMs)}}},
              std::pair {QStringLiteral("misaki"),
                         QJsonObject {{QStringLiteral("availability"), QStringLiteral("available")},
                                      {QStringLiteral("text"), QStringLiteral("Migrating billing to Postgres")}}}}) {
            Client client(server.url());
            client.signIn(user, ServerProcess::demoPassword(user));
            client.putJson(QStringLiteral("/api/v1/me/status"), body);
        }
        waitUntil([&] { return ada.backend()->status(QStringLiteral("misaki")).text.startsWith(u"Migrating"); });
        window->openConversation(QStringLiteral("grace"));
        waitUntil([&] { return child<QWidget>(window, u"awayBanner")->isVisible(); });
        QTest::qWait(200);
        save(window, out, QStringLiteral("17-out-of-office"));
        window->showSection(MainWindow::Section::People);
        search(ada, QStringLiteral("kubernetes"));
        child<QToolButton>(window, u"availableFirstButton")->setChecked(true);
        QTest::qWait(300);
        // The top of the list, where the people available now are.
        auto *list = child<QListView>(window, u"resultsListView");
        list->setCurrentIndex(list->model()->index(0, 0));
        list->scrollToTop();
        QTest::qWait(300);
        save(window, out, QStringLiteral("18-status-in-results"));
        child<QToolButton>(window, u"availableFirstButton")->setChecked(false);
    }

    // Ask the experts: Ada asks the top four for "kubernetes" (Grace, out of office, is left out
    // and named); one says "not me" and suggests a colleague; another answers; Ada marks it.
    {
        // Only the demo's own accounts have known passwords: these people get theirs.
        auto signedIn = [&](const QString &user) {
            server.setPassword(user, ServerProcess::demoPassword(user));
            auto client = std::make_unique<Client>(server.url());
            client->signIn(user, ServerProcess::demoPassword(user));
            return client;
        };
        window->showSection(MainWindow::Section::People);
        search(ada, QStringLiteral("kubernetes"));
        // The second best is away this week: left out, and named.
        auto *results = child<ResultsModel>(window, u"resultsModel");
        const QString away = results->rowCount() > 1 ? results->result(1)->username : QString();
        if (!away.isEmpty() && away != u"ada"_qs) {
            const QDate today = QDate::currentDate();
            signedIn(away)->putJson(
                QStringLiteral("/api/v1/me/status"),
                QJsonObject {{QStringLiteral("availability"), QStringLiteral("out_of_office")},
                             {QStringLiteral("out_of_office"),
                              QJsonObject {{QStringLiteral("from"), today.toString(Qt::ISODate)},
                                           {QStringLiteral("to"), today.addDays(4).toString(Qt::ISODate)},
                                           {QStringLiteral("note"), QStringLiteral("On a course.")}}}});
            waitUntil([&] { return ada.backend()->status(away).availability == Availability::OutOfOffice; });
        }
        child<QPushButton>(window, u"askPeopleButton")->click();
        auto *ask = window->findChild<NewConversationDialog *>();
        if (ask) {
            ask->setTop(4);
            child<QLineEdit>(ask, u"conversationTitleLineEdit")
                ->setText(QStringLiteral("Node pool upgrade: drain first or surge?"));
            child<QPlainTextEdit>(ask, u"questionTextEdit")
                ->setPlainText(
                    QStringLiteral("We upgrade the production cluster to 1.29 on Thursday. Do we drain each "
                                   "node pool first, or add surge nodes and let the autoscaler move things?"));
            QTest::qWait(200);
            const QString path = QDir(out).filePath(QStringLiteral("20-ask-these-people.png"));
            ask->grab().save(path);
            err() << "wrote " << path << Qt::endl;
            const QStringList asked = ask->members();
            child<QPushButton>(ask, u"startConversationButton")->click();
            waitUntil([&] { return ada.backend()->groupChat(window->findChild<ChatView *>()->peer()).has_value(); });
            const QString id = child<ChatView>(window, u"chatView")->peer();
            waitUntil([&] {
                const auto group = ada.backend()->groupChat(id);
                return group && !group->pending;
            });
            auto post = [&](const QString &user, const QString &route, const QJsonObject &body, bool keyed) {
                const QByteArray key = QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
                signedIn(user)->postJson(route, body,
                                         keyed ? Client::Headers {{"Idempotency-Key", key}} : Client::Headers {});
            };
            const QString answerText =
                QStringLiteral("Surge. Add one surge node per pool, set maxUnavailable to 0, and the rollout is "
                               "boring. Draining by hand is how we lost an hour in March.");
            if (asked.size() >= 2) {
                QString suggest = QStringLiteral("zoe");
                for (const QString &name : {QStringLiteral("zoe"), QStringLiteral("misaki")}) {
                    if (!asked.contains(name)) {
                        suggest = name;
                        break;
                    }
                }
                post(asked[1], QStringLiteral("/api/v1/conversations/%1/leave").arg(id),
                     QJsonObject {{QStringLiteral("suggest"), suggest}}, false);
                post(asked[0], QStringLiteral("/api/v1/messages"),
                     QJsonObject {{QStringLiteral("conversation"), id}, {QStringLiteral("body"), answerText}}, true);
            }
            // The answer, once the conversation's view shows it (the store has it a moment before the
            // view's model does).
            auto *messages = child<QListView>(window, u"messagesListView");
            const auto answer = [messages, &answerText] {
                const QModelIndexList found = messages->model()->match(
                    messages->model()->index(0, 0), ChatModel::BodyRole, answerText, 1, Qt::MatchExactly);
                return found.value(0);
            };
            waitUntil([&] { return answer().isValid(); });
            messages->setCurrentIndex(answer());
            child<QPushButton>(window, u"markAnswerButton")->click();
            waitUntil([&] {
                const auto group = ada.backend()->groupChat(id);
                return group && group->conversation.isResolved() && !group->pending;
            });
            window->openConversation(id);
            messages->clearSelection();
            window->statusBar()->clearMessage();
            QTest::qWait(300);
            save(window, out, QStringLiteral("19-question-answered"));
        }
    }

    // The same screens in a dark palette.
    QApplication::setPalette(darkPalette());
    window->showSection(MainWindow::Section::People);
    search(ada, QStringLiteral("kubernetes"));
    save(window, out, QStringLiteral("08-find-results-dark"));
    window->openConversation(QStringLiteral("grace"));
    save(window, out, QStringLiteral("09-messages-dark"));
    orgShots(QStringLiteral("-dark"));
    return 0;
}
