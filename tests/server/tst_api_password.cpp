// SPDX-License-Identifier: MIT
// PUT /api/v1/me/password and the must-change flag of sign-in, against the real
// colleagues-server on a free port, on SQLite and on PostgreSQL.

#include "server/http/SessionService.h"
#include "tests/support/Binaries.h"
#include "tests/support/CliRun.h"
#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/ServerTest.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Server;
using namespace Colleagues::Test;

class TestApiPassword : public ServerTest
{
    Q_OBJECT

private Q_SLOTS:
    void requiresSignIn();
    void ownerChangesPassword();
    void wrongCurrentPassword();
    void refusesBadNewPasswords_data();
    void refusesBadNewPasswords();
    void administratorSetPasswordMustChange();
    // Last: it uses up the failures allowed from the test's address.
    void wrongCurrentPasswordIsThrottled();

private:
    void setUpBackend(ServerEnvironment &e) override;
    //! A client signed in as \a username with \a password (a real sign-in).
    std::unique_ptr<Client> signedIn(const QString &username, const QString &password);
    static QJsonObject change(const QString &current, const QString &next)
    {
        return QJsonObject {{u"current"_qs, current}, {u"new"_qs, next}};
    }
};

void TestApiPassword::setUpBackend(ServerEnvironment &e)
{
    for (const QString &name : {u"olivia"_qs, u"walt"_qs, u"vera"_qs, u"tess"_qs})
        QVERIFY(addUser(e.storage(), name, u"first password"_qs));
}

std::unique_ptr<Client> TestApiPassword::signedIn(const QString &username, const QString &password)
{
    auto c = std::make_unique<Client>(env().server->url());
    const Response r = c->signIn(username, password);
    if (r.status != 200)
        qWarning() << "sign-in of" << username << "answered" << r.status << r.body;
    return r.status == 200 ? std::move(c) : nullptr;
}

void TestApiPassword::requiresSignIn()
{
    Client anonymous(env().server->url());
    const Response r = anonymous.putJson(u"/api/v1/me/password"_qs, change(u"first password"_qs, u"a new password"_qs));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"unauthorized"_qs);
    // Nothing changed.
    QVERIFY(signedIn(u"olivia"_qs, u"first password"_qs));
}

void TestApiPassword::ownerChangesPassword()
{
    auto laptop = signedIn(u"olivia"_qs, u"first password"_qs);
    auto phone = signedIn(u"olivia"_qs, u"first password"_qs);
    auto colleague = signedIn(u"walt"_qs, u"first password"_qs);
    QVERIFY(laptop && phone && colleague);
    QCOMPARE(phone->get(u"/api/v1/me"_qs).status, 200); // now in the server's session cache

    const Response r = laptop->putJson(u"/api/v1/me/password"_qs, change(u"first password"_qs, u"second password"_qs));
    QVERIFY2(r.status == 204, r.body.constData());

    // The caller stays signed in; the owner's other session ends at once; others are untouched.
    QCOMPARE(laptop->get(u"/api/v1/me"_qs).status, 200);
    const Response ended = phone->get(u"/api/v1/me"_qs);
    QCOMPARE(ended.status, 401);
    QCOMPARE(ended.errorCode(), u"unauthorized"_qs);
    QCOMPARE(colleague->get(u"/api/v1/me"_qs).status, 200);

    // The old password stops working, the new one works.
    Client again(env().server->url());
    const Response old = again.signIn(u"olivia"_qs, u"first password"_qs);
    QCOMPARE(old.status, 401);
    QCOMPARE(old.errorCode(), u"invalid_credentials"_qs);
    const Response fresh = again.signIn(u"olivia"_qs, u"second password"_qs);
    QCOMPARE(fresh.status, 200);
    QCOMPARE(fresh.json().value(u"user"_qs).toObject().value(u"must_change_password"_qs), QJsonValue(false));
}

void TestApiPassword::wrongCurrentPassword()
{
    auto c = signedIn(u"walt"_qs, u"first password"_qs);
    QVERIFY(c);
    const Response r = c->putJson(u"/api/v1/me/password"_qs, change(u"not my password"_qs, u"second password"_qs));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"invalid_credentials"_qs);
    QCOMPARE(r.json().value(u"error"_qs).toObject().value(u"field"_qs).toString(), u"current"_qs);
    // The session survives a mistyped password; the password is unchanged.
    QCOMPARE(c->get(u"/api/v1/me"_qs).status, 200);
    Client again(env().server->url());
    QCOMPARE(again.signIn(u"walt"_qs, u"second password"_qs).status, 401);
    QCOMPARE(again.signIn(u"walt"_qs, u"first password"_qs).status, 200);
}

void TestApiPassword::refusesBadNewPasswords_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("code");
    QTest::addRow("too short") << change(u"first password"_qs, u"short"_qs) << u"new"_qs << u"too_short"_qs;
    QTest::addRow("too long") << change(u"first password"_qs, QString(SessionService::MaxPasswordLength + 1, u'x'))
                              << u"new"_qs << u"too_long"_qs;
    QTest::addRow("same") << change(u"first password"_qs, u"first password"_qs) << u"new"_qs << u"unchanged"_qs;
    QTest::addRow("missing new") << QJsonObject {{u"current"_qs, u"first password"_qs}} << u"new"_qs << u"required"_qs;
    QTest::addRow("current not a string")
        << QJsonObject {{u"current"_qs, 42}, {u"new"_qs, u"second password"_qs}} << u"current"_qs << u"invalid_type"_qs;
}

void TestApiPassword::refusesBadNewPasswords()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    QFETCH(QString, code);
    auto c = signedIn(u"vera"_qs, u"first password"_qs);
    QVERIFY(c);
    const Response r = c->putJson(u"/api/v1/me/password"_qs, body);
    QCOMPARE(r.status, 422);
    const QJsonObject error = r.json().value(u"error"_qs).toObject();
    QCOMPARE(error.value(u"field"_qs).toString(), field);
    QCOMPARE(error.value(u"code"_qs).toString(), code);
    QVERIFY(!error.value(u"message"_qs).toString().isEmpty());
    QCOMPARE(c->get(u"/api/v1/me"_qs).status, 200);
}

void TestApiPassword::administratorSetPasswordMustChange()
{
    const CliRun run =
        runCli(serverBinary(), QStringList {u"user"_qs, u"add"_qs, u"nina"_qs} + env().db->dataArguments(),
               "initial password\n");
    QVERIFY2(run.succeeded(), qPrintable(run.describe()));

    auto c = std::make_unique<Client>(env().server->url());
    Response r = c->signIn(u"nina"_qs, u"initial password"_qs);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"user"_qs).toObject().value(u"must_change_password"_qs), QJsonValue(true));
    // Other routes keep working meanwhile.
    QCOMPARE(c->get(u"/api/v1/me"_qs).status, 200);

    r = c->putJson(u"/api/v1/me/password"_qs, change(u"initial password"_qs, u"nina's own password"_qs));
    QVERIFY2(r.status == 204, r.body.constData());
    Client again(env().server->url());
    r = again.signIn(u"nina"_qs, u"nina's own password"_qs);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"user"_qs).toObject().value(u"must_change_password"_qs), QJsonValue(false));

    // An administrator's reset sets the flag again.
    const CliRun reset =
        runCli(serverBinary(), QStringList {u"user"_qs, u"passwd"_qs, u"nina"_qs} + env().db->dataArguments(),
               "reset password\n");
    QVERIFY2(reset.succeeded(), qPrintable(reset.describe()));
    r = again.signIn(u"nina"_qs, u"reset password"_qs);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"user"_qs).toObject().value(u"must_change_password"_qs), QJsonValue(true));
}

void TestApiPassword::wrongCurrentPasswordIsThrottled()
{
    auto c = signedIn(u"tess"_qs, u"first password"_qs);
    QVERIFY(c);
    // Wrong current passwords count as failed sign-ins: 401 until the limit, then 429.
    int unauthorized = 0;
    Response r;
    for (int i = 0; i <= SessionService::MaxFailures; ++i) {
        r = c->putJson(u"/api/v1/me/password"_qs, change(u"guess %1"_qs.arg(i), u"second password"_qs));
        if (r.status != 401)
            break;
        ++unauthorized;
    }
    QVERIFY(unauthorized >= 1);
    QVERIFY(unauthorized <= SessionService::MaxFailures);
    QCOMPARE(r.status, 429);
    QCOMPARE(r.errorCode(), u"too_many_requests"_qs);
    QVERIFY(r.header("Retry-After").toInt() > 0);
    // Throttled before any password work: even the right password is refused now, and so is
    // a sign-in of the account.
    r = c->putJson(u"/api/v1/me/password"_qs, change(u"first password"_qs, u"second password"_qs));
    QCOMPARE(r.status, 429);
    Client other(env().server->url());
    QCOMPARE(other.signIn(u"tess"_qs, u"first password"_qs).status, 429);
    // The session itself still works.
    QCOMPARE(c->get(u"/api/v1/me"_qs).status, 200);
}

QTEST_GUILESS_MAIN(TestApiPassword)
#include "tst_api_password.moc"
