// SPDX-License-Identifier: MIT
// Per-field visibility, enforced by the real colleagues-server on a free port, on SQLite and
// PostgreSQL: what the owner, a teammate, an outsider and an admin receive of a profile (GET,
// sync, photo), a field hidden after it was synced, people moving into and out of a team, the
// server's default and locked fields, and an admin's removal that the owner cannot undo.

#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/ServerTest.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestImages.h"

#include <QJsonArray>
#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Server;
using namespace Colleagues::Test;

namespace {

// The directory: boss at the top; mia under boss; olga (the owner) and tom under mia; rita
// under olga; oscar under boss (outside olga's team); root is an administrator.
//   olga's team = mia (her manager), tom (shares mia), rita (under olga).
struct Person
{
    const char16_t *username;
    const char16_t *manager;
};
constexpr Person People[] = {
    {u"boss", u""}, {u"mia", u"boss"}, {u"olga", u"mia"}, {u"tom", u"mia"}, {u"rita", u"olga"}, {u"oscar", u"boss"},
};

Client::Headers ifMatch(qint64 revision)
{
    return {{"If-Match", '"' + QByteArray::number(revision) + '"'}};
}

} // namespace

class TestApiVisibility : public ServerTest
{
    Q_OBJECT

private Q_SLOTS:
    void everyoneSeesEverythingByDefault();
    void eachLevel_data();
    void eachLevel();
    void ownerSeesChoicesAndPolicy();
    void photoFollowsItsVisibility();
    void fieldHiddenAfterSyncLeavesTheStore();
    void movingIntoAndOutOfTheTeam();
    void lockedFieldCannotBeHidden();
    void serverDefaultApplies();
    void badChoicesAreRefused();
    void adminRemovalCannotBeUndoneByOwner();
    void serveRefusesBadPolicy();

private:
    void setUpBackend(ServerEnvironment &e) override;
    QStringList serverOptions() const override
    {
        // bio is kept to the team unless its owner chooses; email is always shown.
        return {u"--default-visibility"_qs, u"bio=team"_qs, u"--locked-visibility"_qs, u"email"_qs};
    }
    //! The profile of \a target as \a reader gets it from GET /profiles/{target}.
    QJsonObject profileAs(const QString &reader, const QString &target);
    //! \a target's profile in \a reader's sync pages after \a cursor (empty when not there);
    //! \a cursor becomes the end of the sync.
    QJsonObject syncedAs(const QString &reader, const QString &target, qint64 *cursor);
    //! \a target's profile as \a reader (its owner or an admin) would send it back: without the
    //! server's fields and the visibility; \a revision receives its revision.
    QJsonObject editable(const QString &reader, const QString &target, qint64 *revision);
    //! \a username (or an admin for them, as \a actor) saves their profile with \a visibility.
    bool setVisibility(const QString &username, const QJsonObject &visibility, const QString &actor = {});
    bool setManager(const QString &username, const QString &manager);
};

void TestApiVisibility::setUpBackend(ServerEnvironment &e)
{
    QList<Profile> profiles;
    for (const Person &person : People) {
        const QString username = QString::fromUtf16(person.username);
        QVERIFY(e.addMembers({username}, Role::Member, false));
        Profile p;
        p.username = username;
        p.displayName = username.left(1).toUpper() + username.mid(1) + u" Example"_qs;
        p.manager = QString::fromUtf16(person.manager);
        p.email = username + u"@example.com"_qs;
        p.phone = u"+49 30 1234 %1"_qs.arg(profiles.size());
        p.location = u"Berlin"_qs;
        p.bio = u"Bio of "_qs + username;
        p.interests = {u"climbing"_qs};
        profiles.append(p);
    }
    QVERIFY(e.addMembers({u"root"_qs}, Role::Admin, false));
    const auto imported = e.storage().importProfiles(profiles);
    QVERIFY(imported);
    for (const auto &outcome : imported.value())
        QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().message));
}

QJsonObject TestApiVisibility::profileAs(const QString &reader, const QString &target)
{
    const Response r = client(reader)->get(u"/api/v1/profiles/"_qs + target);
    if (r.status != 200) {
        qWarning() << "GET profile of" << target << "as" << reader << "answered" << r.status << r.body;
        return {};
    }
    return r.json();
}

QJsonObject TestApiVisibility::syncedAs(const QString &reader, const QString &target, qint64 *cursor)
{
    QJsonObject found;
    const bool read = client(reader)->readSync(cursor, [&target, &found](const QJsonObject &page) {
        for (const QJsonValue &value : page.value(u"profiles"_qs).toArray()) {
            if (value.toObject().value(u"username"_qs).toString() == target)
                found = value.toObject();
        }
    });
    return read ? found : QJsonObject();
}

QJsonObject TestApiVisibility::editable(const QString &reader, const QString &target, qint64 *revision)
{
    QJsonObject profile = profileAs(reader, target);
    *revision = profile.value(u"revision"_qs).toInteger();
    for (const char *key : {"id", "username", "photo_tag", "revision", "updated_at", "visibility", "visibility_locked"})
        profile.remove(QLatin1String(key));
    return profile;
}

bool TestApiVisibility::setVisibility(const QString &username, const QJsonObject &visibility, const QString &actor)
{
    const QString who = actor.isEmpty() ? username : actor;
    qint64 revision = 0;
    QJsonObject profile = editable(who, username, &revision);
    profile.insert(u"visibility"_qs, visibility);
    const Response r = client(who)->putJson(u"/api/v1/profiles/"_qs + username, profile, ifMatch(revision));
    if (r.status != 200)
        qWarning() << "saving the visibility of" << username << "answered" << r.status << r.body;
    return r.status == 200;
}

bool TestApiVisibility::setManager(const QString &username, const QString &manager)
{
    qint64 revision = 0;
    QJsonObject profile = editable(u"root"_qs, username, &revision);
    profile.insert(u"manager"_qs, manager);
    const Response r = client(u"root"_qs)->putJson(u"/api/v1/profiles/"_qs + username, profile, ifMatch(revision));
    if (r.status != 200)
        qWarning() << "moving" << username << "answered" << r.status << r.body;
    return r.status == 200;
}

void TestApiVisibility::everyoneSeesEverythingByDefault()
{
    // boss never chose: phone, location, interests, photo follow the default (everyone).
    for (const QString &reader : {u"oscar"_qs, u"mia"_qs, u"rita"_qs}) {
        const QJsonObject p = profileAs(reader, u"boss"_qs);
        QVERIFY(p.contains(u"phone"_qs));
        QVERIFY(p.contains(u"location"_qs));
        QVERIFY(p.contains(u"interests"_qs));
        QVERIFY(p.contains(u"email"_qs));
        QVERIFY2(!p.contains(u"visibility"_qs), "only the owner and admins see the choices");
    }
    QCOMPARE(client()->get(u"/api/v1/profiles/boss"_qs).status, 401);
}

void TestApiVisibility::eachLevel_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<QStringList>("seeing");
    QTest::addColumn<QStringList>("notSeeing");
    const QStringList team {u"mia"_qs, u"tom"_qs, u"rita"_qs};
    QTest::newRow("everyone") << u"everyone"_qs
                              << (team + QStringList {u"olga"_qs, u"oscar"_qs, u"boss"_qs, u"root"_qs})
                              << QStringList {};
    QTest::newRow("team") << u"team"_qs << (team + QStringList {u"olga"_qs, u"root"_qs})
                          << QStringList {u"oscar"_qs, u"boss"_qs};
    QTest::newRow("me") << u"me"_qs << QStringList {u"olga"_qs, u"root"_qs}
                        << (team + QStringList {u"oscar"_qs, u"boss"_qs});
}

void TestApiVisibility::eachLevel()
{
    QFETCH(QString, level);
    QFETCH(QStringList, seeing);
    QFETCH(QStringList, notSeeing);
    QVERIFY(setVisibility(u"olga"_qs, {{u"phone"_qs, level}, {u"location"_qs, level}, {u"interests"_qs, level}}));
    for (const QString &reader : seeing) {
        const QJsonObject p = profileAs(reader, u"olga"_qs);
        QVERIFY2(p.value(u"phone"_qs).toString().startsWith(u"+49"_qs), qPrintable(reader));
        QCOMPARE(p.value(u"location"_qs).toString(), u"Berlin"_qs);
        QCOMPARE(p.value(u"interests"_qs).toArray().size(), 1);
        qint64 cursor = 0;
        const QJsonObject synced = syncedAs(reader, u"olga"_qs, &cursor);
        QVERIFY2(synced.value(u"phone"_qs).toString().startsWith(u"+49"_qs), qPrintable(reader));
    }
    for (const QString &reader : notSeeing) {
        const QJsonObject p = profileAs(reader, u"olga"_qs);
        QVERIFY2(!p.isEmpty(), qPrintable(reader));
        // Absent, not empty; the rest of the profile is there.
        QVERIFY2(!p.contains(u"phone"_qs), qPrintable(reader));
        QVERIFY2(!p.contains(u"location"_qs), qPrintable(reader));
        QVERIFY2(!p.contains(u"interests"_qs), qPrintable(reader));
        QCOMPARE(p.value(u"display_name"_qs).toString(), u"Olga Example"_qs);
        QCOMPARE(p.value(u"email"_qs).toString(), u"olga@example.com"_qs);
        qint64 cursor = 0;
        const QJsonObject synced = syncedAs(reader, u"olga"_qs, &cursor);
        QCOMPARE(synced.value(u"username"_qs).toString(), u"olga"_qs);
        QVERIFY2(!synced.contains(u"phone"_qs), qPrintable(reader));
        QVERIFY2(!synced.contains(u"location"_qs), qPrintable(reader));
    }
    QVERIFY(setVisibility(
        u"olga"_qs,
        {{u"phone"_qs, u"everyone"_qs}, {u"location"_qs, u"everyone"_qs}, {u"interests"_qs, u"everyone"_qs}}));
}

void TestApiVisibility::ownerSeesChoicesAndPolicy()
{
    QVERIFY(setVisibility(u"olga"_qs, {{u"phone"_qs, u"me"_qs}}));
    for (const QString &reader : {u"olga"_qs, u"root"_qs}) {
        const QJsonObject p = profileAs(reader, u"olga"_qs);
        const QJsonObject visibility = p.value(u"visibility"_qs).toObject();
        // Every field with its audience: the choice, the server's default, or the lock.
        QCOMPARE(visibility.value(u"phone"_qs).toString(), u"me"_qs);
        QCOMPARE(visibility.value(u"bio"_qs).toString(), u"team"_qs);
        QCOMPARE(visibility.value(u"email"_qs).toString(), u"everyone"_qs);
        QCOMPARE(visibility.value(u"photo"_qs).toString(), u"everyone"_qs);
        QCOMPARE(visibility.size(), 6);
        QCOMPARE(p.value(u"visibility_locked"_qs).toArray(), QJsonArray {u"email"_qs});
    }
    // A save that names no visibility keeps the choices.
    qint64 revision = 0;
    QJsonObject profile = editable(u"olga"_qs, u"olga"_qs, &revision);
    profile.insert(u"title"_qs, u"Staff Engineer"_qs);
    const Response saved = client(u"olga"_qs)->putJson(u"/api/v1/profiles/me"_qs, profile, ifMatch(revision));
    QCOMPARE(saved.status, 200);
    QCOMPARE(saved.json().value(u"visibility"_qs).toObject().value(u"phone"_qs).toString(), u"me"_qs);
    QVERIFY(!profileAs(u"tom"_qs, u"olga"_qs).contains(u"phone"_qs));
    // /me answers with the owner's view too.
    const Response me = client(u"olga"_qs)->get(u"/api/v1/me"_qs);
    QCOMPARE(me.json().value(u"profile"_qs).toObject().value(u"visibility"_qs).toObject().value(u"phone"_qs),
             QJsonValue(u"me"_qs));
    QVERIFY(setVisibility(u"olga"_qs, {{u"phone"_qs, u"everyone"_qs}}));
}

void TestApiVisibility::photoFollowsItsVisibility()
{
    const std::unique_ptr<Client> olga = client(u"olga"_qs);
    const Response uploaded =
        olga->send("PUT", u"/api/v1/profiles/me/photo"_qs, makeJpeg(64, 64), {{"Content-Type", "image/jpeg"}});
    QCOMPARE(uploaded.status, 200);
    QVERIFY(setVisibility(u"olga"_qs, {{u"photo"_qs, u"team"_qs}}));
    QCOMPARE(client(u"tom"_qs)->get(u"/api/v1/photos/olga"_qs).status, 200);
    QVERIFY(!profileAs(u"tom"_qs, u"olga"_qs).value(u"photo_tag"_qs).toString().isEmpty());
    const Response hidden = client(u"oscar"_qs)->get(u"/api/v1/photos/olga"_qs);
    QCOMPARE(hidden.status, 404);
    QCOMPARE(hidden.errorCode(), u"not_found"_qs);
    QVERIFY(!profileAs(u"oscar"_qs, u"olga"_qs).contains(u"photo_tag"_qs));
    QCOMPARE(client(u"root"_qs)->get(u"/api/v1/photos/olga"_qs).status, 200);
    QCOMPARE(olga->get(u"/api/v1/photos/olga"_qs).status, 200);
    QVERIFY(setVisibility(u"olga"_qs, {{u"photo"_qs, u"everyone"_qs}}));
    QCOMPARE(client(u"oscar"_qs)->get(u"/api/v1/photos/olga"_qs).status, 200);
}

void TestApiVisibility::fieldHiddenAfterSyncLeavesTheStore()
{
    qint64 cursor = 0;
    QVERIFY(syncedAs(u"oscar"_qs, u"olga"_qs, &cursor).contains(u"phone"_qs));
    QVERIFY(setVisibility(u"olga"_qs, {{u"phone"_qs, u"team"_qs}}));
    // The next sync brings olga again, without the phone: the client's copy loses it.
    const QJsonObject again = syncedAs(u"oscar"_qs, u"olga"_qs, &cursor);
    QCOMPARE(again.value(u"username"_qs).toString(), u"olga"_qs);
    QVERIFY(!again.contains(u"phone"_qs));
    QVERIFY(setVisibility(u"olga"_qs, {{u"phone"_qs, u"everyone"_qs}}));
    QVERIFY(syncedAs(u"oscar"_qs, u"olga"_qs, &cursor).contains(u"phone"_qs));
}

void TestApiVisibility::movingIntoAndOutOfTheTeam()
{
    QVERIFY(setVisibility(u"olga"_qs, {{u"phone"_qs, u"team"_qs}}));
    qint64 oscarCursor = client(u"oscar"_qs)->syncEnd();
    qint64 tomCursor = client(u"tom"_qs)->syncEnd();
    QVERIFY(!profileAs(u"oscar"_qs, u"olga"_qs).contains(u"phone"_qs));

    // oscar now reports to mia: he shares olga's manager. olga did not change, yet his next
    // sync brings her phone.
    QVERIFY(setManager(u"oscar"_qs, u"mia"_qs));
    QVERIFY(profileAs(u"oscar"_qs, u"olga"_qs).contains(u"phone"_qs));
    QVERIFY(syncedAs(u"oscar"_qs, u"olga"_qs, &oscarCursor).contains(u"phone"_qs));

    // tom moves to boss: his next sync takes it away.
    QVERIFY(setManager(u"tom"_qs, u"boss"_qs));
    QVERIFY(!profileAs(u"tom"_qs, u"olga"_qs).contains(u"phone"_qs));
    const QJsonObject tomsCopy = syncedAs(u"tom"_qs, u"olga"_qs, &tomCursor);
    QCOMPARE(tomsCopy.value(u"username"_qs).toString(), u"olga"_qs);
    QVERIFY(!tomsCopy.contains(u"phone"_qs));

    // rita is under olga; when olga moves, rita still sees her (she is under her), and
    // olga's new peers gain her phone.
    qint64 ritaCursor = client(u"rita"_qs)->syncEnd();
    qint64 bossCursor = client(u"boss"_qs)->syncEnd();
    QVERIFY(setManager(u"olga"_qs, u"boss"_qs));
    QVERIFY(profileAs(u"tom"_qs, u"olga"_qs).contains(u"phone"_qs));
    QVERIFY(profileAs(u"rita"_qs, u"olga"_qs).contains(u"phone"_qs));
    QVERIFY(syncedAs(u"boss"_qs, u"olga"_qs, &bossCursor).contains(u"phone"_qs));
    Q_UNUSED(ritaCursor);

    // Back as it was.
    QVERIFY(setManager(u"olga"_qs, u"mia"_qs));
    QVERIFY(setManager(u"tom"_qs, u"mia"_qs));
    QVERIFY(setManager(u"oscar"_qs, u"boss"_qs));
    QVERIFY(setVisibility(u"olga"_qs, {{u"phone"_qs, u"everyone"_qs}}));
}

void TestApiVisibility::lockedFieldCannotBeHidden()
{
    qint64 revision = 0;
    QJsonObject profile = editable(u"olga"_qs, u"olga"_qs, &revision);
    profile.insert(u"visibility"_qs, QJsonObject {{u"email"_qs, u"me"_qs}});
    const Response r = client(u"olga"_qs)->putJson(u"/api/v1/profiles/me"_qs, profile, ifMatch(revision));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorField(), u"visibility.email"_qs);
    QVERIFY(r.json().value(u"error"_qs).toObject().value(u"message"_qs).toString().contains(u"policy"_qs));
    QCOMPARE(profileAs(u"oscar"_qs, u"olga"_qs).value(u"email"_qs).toString(), u"olga@example.com"_qs);
}

void TestApiVisibility::serverDefaultApplies()
{
    // --default-visibility bio=team: nobody chose, so the team sees the bio, others do not.
    QCOMPARE(profileAs(u"tom"_qs, u"olga"_qs).value(u"bio"_qs).toString(), u"Bio of olga"_qs);
    QVERIFY(!profileAs(u"oscar"_qs, u"olga"_qs).contains(u"bio"_qs));
    // A choice overrides the default.
    QVERIFY(setVisibility(u"olga"_qs, {{u"bio"_qs, u"everyone"_qs}}));
    QCOMPARE(profileAs(u"oscar"_qs, u"olga"_qs).value(u"bio"_qs).toString(), u"Bio of olga"_qs);
    QVERIFY(setVisibility(u"olga"_qs, {{u"bio"_qs, u"team"_qs}}));
}

void TestApiVisibility::badChoicesAreRefused()
{
    qint64 revision = 0;
    QJsonObject profile = editable(u"olga"_qs, u"olga"_qs, &revision);
    const struct
    {
        QJsonValue visibility;
        QString field;
    } cases[] = {
        {QJsonObject {{u"phone"_qs, u"friends"_qs}}, u"visibility.phone"_qs},
        {QJsonObject {{u"shoe_size"_qs, u"me"_qs}}, u"visibility.shoe_size"_qs},
        {QJsonObject {{u"phone"_qs, 3}}, u"visibility.phone"_qs},
        {u"me"_qs, u"visibility"_qs},
    };
    for (const auto &c : cases) {
        QJsonObject edit = profile;
        edit.insert(u"visibility"_qs, c.visibility);
        const Response r = client(u"olga"_qs)->putJson(u"/api/v1/profiles/me"_qs, edit, ifMatch(revision));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorField(), c.field);
    }
    QCOMPARE(profileAs(u"olga"_qs, u"olga"_qs).value(u"revision"_qs).toInteger(), revision);
}

void TestApiVisibility::adminRemovalCannotBeUndoneByOwner()
{
    Storage &storage = env().db->storage();
    QVERIFY(addUser(storage, u"rem"_qs, QString(), Role::Member, true));
    const QByteArray token = createSession(storage, u"rem"_qs);
    Client rem(env().server->url());
    rem.setToken(token);
    QCOMPARE(client(u"root"_qs)->send("DELETE", u"/api/v1/profiles/rem"_qs).status, 204);
    const QJsonObject edit {{u"display_name"_qs, u"Rem Back"_qs}};
    const Response refused = rem.putJson(u"/api/v1/profiles/me"_qs, edit, ifMatch(0));
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorCode(), u"removed_by_admin"_qs);
    QCOMPARE(client(u"oscar"_qs)->get(u"/api/v1/profiles/rem"_qs).status, 404);
    // An administrator may bring it back.
    QCOMPARE(client(u"root"_qs)->putJson(u"/api/v1/profiles/rem"_qs, edit, ifMatch(0)).status, 200);
    QCOMPARE(profileAs(u"oscar"_qs, u"rem"_qs).value(u"display_name"_qs).toString(), u"Rem Back"_qs);
}

void TestApiVisibility::serveRefusesBadPolicy()
{
    const struct
    {
        QStringList arguments;
        QString message;
    } cases[] = {
        {{u"--default-visibility"_qs, u"phone=friends"_qs}, u"--default-visibility"_qs},
        {{u"--default-visibility"_qs, u"shoe=me"_qs}, u"shoe"_qs},
        {{u"--locked-visibility"_qs, u"manager"_qs}, u"manager"_qs},
        {{u"--default-visibility"_qs, u"email=team"_qs, u"--locked-visibility"_qs, u"email"_qs}, u"email"_qs},
    };
    for (const auto &c : cases) {
        ServerProcess server(*env().db);
        QVERIFY(!server.start(0, c.arguments));
        QVERIFY2(server.errorString().contains(c.message), qPrintable(server.errorString()));
    }
}

QTEST_GUILESS_MAIN(TestApiVisibility)
#include "tst_api_visibility.moc"
