// SPDX-License-Identifier: MIT
#include "tests/ui/UiDriver.h"

#include "client/sync/Backoff.h"
#include "client/sync/Session.h"
#include "client/sync/SyncClient.h"
#include "client/sync/SyncEngine.h"
#include "tests/support/ServerProcess.h"
#include "ui/DesktopApp.h"
#include "ui/MainWindow.h"
#include "ui/people/ResultsModel.h"
#include "ui/profile/ProfileEditor.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

#include <utility>

namespace Colleagues::Test {

void failMissingChild(const QObject *root, const char *className, QStringView name)
{
    qFatal("No %s named \"%s\" under %s \"%s\"", className, qPrintable(name.toString()),
           root ? root->metaObject()->className() : "(null)", root ? qPrintable(root->objectName()) : "");
}

bool signInAndSync(DesktopApp &app, const QUrl &server, const QString &username, const QString &password,
                   QString *error)
{
    Session *session = app.sync()->session();
    QSignalSpy signedIn(session, &Session::signedIn);
    QSignalSpy failed(session, &Session::signInFailed);
    session->signIn(server, username, password);
    if (!waitUntil([&] { return !signedIn.isEmpty() || !failed.isEmpty(); }, 30000) || signedIn.isEmpty()) {
        if (error)
            *error = failed.isEmpty() ? QStringLiteral("sign-in timed out")
                                      : failed.first().first().value<ApiError>().userMessage;
        return false;
    }
    SyncEngine *engine = app.sync()->engine();
    const bool synced =
        waitUntil([engine] { return engine->isInitialSyncDone() && engine->state() == SyncState::Online; }, 60000);
    if (!synced && error)
        *error = QStringLiteral("the first sync did not finish (state %1)").arg(syncStateName(engine->state()));
    return synced;
}

bool signInAndSync(DesktopApp &app, const ServerProcess &server, const QString &username, QString *error)
{
    return signInAndSync(app, server.url(), username, ServerProcess::demoPassword(username), error);
}

bool DesktopUser::open()
{
    if (!dir.isValid() || !app.open(dir.path()))
        return false;
    app.sync()->setBackoffPolicy(BackoffPolicy::fast());
    return true;
}

bool DesktopUser::openAndSignIn(const ServerProcess &server, const QString &username, Window window)
{
    if (!open()) {
        error = QStringLiteral("the app did not open on %1").arg(dir.path());
        return false;
    }
    if (window == Window::Shown)
        this->window()->show();
    return signInAndSync(app, server, username, &error);
}

bool openFrontAndBack(const ServerProcess &server, DesktopUser &front, const QString &frontName, DesktopUser &back,
                      const QString &backName, DesktopUser::Window backWindow, QString *error)
{
    for (auto [user, name] : {std::pair {&front, frontName}, std::pair {&back, backName}}) {
        if (!user->openAndSignIn(server, name, DesktopUser::Window::Hidden)) {
            *error = name + QStringLiteral(": ") + user->error;
            return false;
        }
    }
    if (backWindow == DesktopUser::Window::Shown)
        back.window()->show();
    front.window()->show();
    front.window()->activateWindow();
    if (!QTest::qWaitForWindowActive(front.window())) {
        *error = frontName + QStringLiteral("'s window did not become the active one");
        return false;
    }
    return true;
}

ProfileEditor *showMyProfile(MainWindow *window)
{
    window->showMyProfile();
    return child<ProfileEditor>(window, u"profileEditor");
}

bool search(DesktopApp &app, const QString &text)
{
    MainWindow *window = app.window();
    auto *field = child<QLineEdit>(window, u"searchLineEdit");
    auto *results = child<ResultsModel>(window, u"resultsModel");
    field->setFocus();
    field->clear();
    QSignalSpy replaced(results, &ResultsModel::resultsReplaced);
    QTest::keyClicks(field, text);
    return waitUntil([&] { return !replaced.isEmpty() && !results->isLoading() && results->request().query == text; });
}

} // namespace Colleagues::Test
