// SPDX-License-Identifier: MIT
// The "Change Password" dialog of the desktop app (offscreen) against a real colleagues-server:
// it opens by itself after signing in with a password an administrator set, keeps what was
// typed on an error, and changes the password.

#include "client/sync/Session.h"
#include "client/sync/SyncClient.h"
#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/SharedServerTest.h"
#include "tests/ui/UiDriver.h"
#include "ui/ChangePasswordDialog.h"
#include "ui/DesktopApp.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Test;

class TestChangePassword : public SharedServerTest
{
    Q_OBJECT

public:
    TestChangePassword()
        : SharedServerTest(0)
    {
        QStandardPaths::setTestModeEnabled(true);
    }

private Q_SLOTS:
    void opensAfterSigningInWithAnAdministratorsPassword();

private:
    void setUpServer(ServerProcess &server) override
    {
        // An administrator's `user add`: nina must choose her own password.
        QVERIFY2(server.addUser(u"nina"_qs, u"initial password"_qs), qPrintable(server.errorString()));
    }
};

void TestChangePassword::opensAfterSigningInWithAnAdministratorsPassword()
{
    DesktopUser nina;
    QVERIFY(nina.open());
    DesktopApp &app = nina.app;
    MainWindow *window = nina.window();
    window->show();
    QVERIFY(!window->findChild<ChangePasswordDialog *>());

    QString error;
    QVERIFY2(signInAndSync(app, m_server->url(), u"nina"_qs, u"initial password"_qs, &error), qPrintable(error));
    QTRY_VERIFY(window->findChild<ChangePasswordDialog *>());
    QPointer<ChangePasswordDialog> dialog = window->findChild<ChangePasswordDialog *>();
    QTRY_VERIFY(dialog->isVisible());
    // It says why it opened.
    QVERIFY(child<QLabel>(dialog, u"changePasswordHintLabel")->text().contains(u"administrator"));
    QVERIFY(child<QAction>(window, u"changePasswordAction")->isEnabled());

    auto *current = child<QLineEdit>(dialog, u"currentPasswordLineEdit");
    auto *next = child<QLineEdit>(dialog, u"newPasswordLineEdit");
    auto *repeat = child<QLineEdit>(dialog, u"repeatPasswordLineEdit");
    auto *errorLabel = child<QLabel>(dialog, u"changePasswordErrorLabel");
    auto *button = child<QPushButton>(dialog, u"changePasswordButton");

    // A wrong current password: a sentence, the text stays, the person stays signed in.
    QTest::keyClicks(current, u"not the password"_qs);
    QTest::keyClicks(next, u"nina's own password"_qs);
    QTest::keyClicks(repeat, u"nina's own password"_qs);
    button->click();
    QTRY_COMPARE(errorLabel->text(), u"The current password is wrong."_qs);
    QVERIFY(errorLabel->isVisible());
    QCOMPARE(next->text(), u"nina's own password"_qs);
    QCOMPARE(repeat->text(), u"nina's own password"_qs);
    QVERIFY(app.sync()->session()->isSignedIn());

    // Two different new passwords are caught before asking the server.
    current->clear();
    QTest::keyClicks(current, u"initial password"_qs);
    repeat->clear();
    QTest::keyClicks(repeat, u"something else"_qs);
    button->click();
    QCOMPARE(errorLabel->text(), u"The two new passwords are not the same."_qs);
    QVERIFY(dialog);

    repeat->clear();
    QTest::keyClicks(repeat, u"nina's own password"_qs);
    button->click();
    QTRY_VERIFY(!dialog);
    QVERIFY(!app.sync()->session()->mustChangePassword());

    // The server has the new password, and no longer asks for a change.
    Client check(m_server->url());
    QCOMPARE(check.signIn(u"nina"_qs, u"initial password"_qs).status, 401);
    const Response r = check.signIn(u"nina"_qs, u"nina's own password"_qs);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"user"_qs).toObject().value(u"must_change_password"_qs), QJsonValue(false));
}

QTEST_MAIN(TestChangePassword)
#include "tst_changepassword.moc"
