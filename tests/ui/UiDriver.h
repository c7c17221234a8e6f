// SPDX-License-Identifier: MIT
#pragma once

// Drives the desktop app's widgets in UI tests and the screenshot tool. Kept apart from
// Colleagues::TestSupport so that only these link Qt Widgets.

#include "tests/support/Wait.h"
#include "ui/DesktopApp.h"

#include <QObject>
#include <QString>
#include <QStringView>
#include <QTemporaryDir>
#include <QUrl>

namespace Colleagues {
class MainWindow;
class ProfileEditor;
} // namespace Colleagues

namespace Colleagues::Test {

class ServerProcess;

//! Ends the test with a fatal error that names what is missing (used by child()).
[[noreturn]] void failMissingChild(const QObject *root, const char *className, QStringView name);

/*!
 * The descendant of \a root of class \a T named \a name (names end with their class:
 * `child<QLineEdit>(window, u"searchLineEdit")`). A missing one fails the test at once, with
 * the name in the message, rather than crashing on a null pointer later.
 */
template<class T>
T *child(const QObject *root, QStringView name)
{
    T *found = root ? root->findChild<T *>(name.toString()) : nullptr;
    if (!found)
        failMissingChild(root, T::staticMetaObject.className(), name);
    return found;
}

//! Signs \a app in through its Session and waits until the first sync is done.
bool signInAndSync(DesktopApp &app, const QUrl &server, const QString &username, const QString &password,
                   QString *error = nullptr);
//! The same as the seed-demo account \a username of \a server (its password is demoPassword()).
bool signInAndSync(DesktopApp &app, const ServerProcess &server, const QString &username, QString *error = nullptr);

//! Types \a text into the app's search field (replacing what is there) and waits for results.
bool search(DesktopApp &app, const QString &text);

//! Shows one's own profile in \a window (MainWindow::showMyProfile()) and returns its editor.
ProfileEditor *showMyProfile(MainWindow *window);

//! One member's desktop app on a data folder of its own, quick to retry a failed sync (a test
//! of several members runs one each).
struct DesktopUser
{
    QTemporaryDir dir;
    DesktopApp app;
    QString error; //!< what went wrong in openAndSignIn()

    virtual ~DesktopUser() = default;
    //! Opens the app on its folder; false when it cannot.
    virtual bool open();
    enum class Window { Shown, Hidden };
    //! Opens the app (open()), shows its window unless \a window is Hidden, and signs in as the
    //! seed-demo account \a username of \a server, waiting for the first sync; false, with error,
    //! when any of that fails.
    bool openAndSignIn(const ServerProcess &server, const QString &username, Window window = Window::Shown);
    MainWindow *window() const { return app.window(); }
};

/*!
 * Two members at their desks: opens \a front and \a back signed in to \a server as the seed-demo
 * accounts \a frontName and \a backName, then shows \a front's window and waits until it is the
 * active one, so that \a back gets notifications as someone busy elsewhere would. \a back's
 * window is shown as well unless \a backWindow is Hidden. False, with \a error, when any step fails.
 */
bool openFrontAndBack(const ServerProcess &server, DesktopUser &front, const QString &frontName, DesktopUser &back,
                      const QString &backName, DesktopUser::Window backWindow, QString *error);

} // namespace Colleagues::Test
