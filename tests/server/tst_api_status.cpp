// SPDX-License-Identifier: MIT
// Statuses and presence (docs/api.md "Status", "PUT /api/v1/me/status", sync's presence and
// watch): against the real colleagues-server on a free port, on SQLite and on PostgreSQL, with
// a short --presence-offline-after so that offline, until expiry and the sweeper show quickly.

#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/ServerTest.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkReply>
#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Server;
using namespace Colleagues::Test;

namespace {

constexpr int OfflineAfterSeconds = 2;

QString rfc3339(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString day(int daysFromToday)
{
    return QDateTime::currentDateTimeUtc().date().addDays(daysFromToday).toString(Qt::ISODate);
}

//! The status of \a username in a sync page, or an empty object.
QJsonObject statusIn(const QJsonObject &page, const QString &username)
{
    const QJsonArray statuses = page.value(u"statuses"_qs).toArray();
    for (const QJsonValue &value : statuses) {
        if (value.toObject().value(u"username"_qs).toString() == username)
            return value.toObject();
    }
    return {};
}

//! Everybody's status as a client that syncs from the start knows it: every page to the end,
//! then the pages after that, until a read brings no status. A status that changes again while a
//! page is read (a presence written meanwhile) comes with a later page, not that one (docs/api.md).
//! \a pages, when given, receives what each page brought (for a failure's message).
QHash<QString, QJsonObject> statusesSeenBy(Client &client, QString *pages = nullptr)
{
    QHash<QString, QJsonObject> seen;
    qint64 cursor = 0;
    bool more = true;
    for (int read = 0; more && read < 5; ++read) {
        more = false;
        const bool ok = client.readSync(
            &cursor,
            [&](const QJsonObject &page) {
                QStringList names;
                for (const QJsonValue &value : page.value(u"statuses"_qs).toArray()) {
                    names.append(value[u"username"_qs].toString() + u':' + value[u"availability"_qs].toString());
                    seen.insert(value[u"username"_qs].toString(), value.toObject());
                    more = true;
                }
                if (pages) {
                    *pages += u"\npage after %1: next %2, has_more %3, start_over %4, statuses %5"_qs.arg(
                        QString::number(cursor), QString::number(page.value(u"next"_qs).toInteger()),
                        page.value(u"has_more"_qs).toBool() ? u"yes"_qs : u"no"_qs,
                        page.value(u"start_over"_qs).toBool() ? u"yes"_qs : u"no"_qs, names.join(u' '));
                }
            },
            5000);
        if (!ok) {
            if (pages)
                *pages += u"\nthe sync read failed (see the warning)"_qs;
            return {};
        }
    }
    return seen;
}

} // namespace

class TestApiStatus : public ServerTest
{
    Q_OBJECT

private Q_SLOTS:
    void requiresSignIn();
    void putRejects_data();
    void putRejects();
    void putAndGet();
    void outOfOfficeNowAndPlanned();
    void onlyOwnStatus();
    void firstSyncLeavesOutDefaults();
    void presenceOnlineAwayOffline();
    void dndUntilExpires();
    void watchWakesOnlyWatchers();
    void syncRejectsBadParameters();
    void removalRemovesStatus();
    void twoInstances();
    void metrics();

private:
    void setUpBackend(ServerEnvironment &e) override;
    QStringList serverOptions() const override
    {
        return {u"--presence-offline-after"_qs, QString::number(OfflineAfterSeconds)};
    }
    //! Waits until \a username's stored presence is \a presence.
    bool presenceIs(const QString &username, Presence presence)
    {
        const Expected<Status> s = env().storage().findStatus(username);
        return s && s->presence == presence;
    }
};

void TestApiStatus::setUpBackend(ServerEnvironment &e)
{
    QVERIFY(e.addMembers({u"ada"_qs, u"grace"_qs, u"zoe"_qs, u"bob"_qs, u"carol"_qs, u"dave"_qs, u"erin"_qs,
                          u"frank"_qs, u"heidi"_qs, u"ivan"_qs, u"judy"_qs, u"mallory"_qs, u"olivia"_qs, u"peggy"_qs,
                          u"quinn"_qs, u"rupert"_qs}));
    QVERIFY(e.addMembers({u"root"_qs}, Role::Admin));
    QVERIFY(addUser(e.storage(), u"gone"_qs, {}));
    QVERIFY(e.storage().setDisabled(u"gone"_qs, true));
}

void TestApiStatus::requiresSignIn()
{
    Client anonymous(env().server->url());
    for (const Response &r : {anonymous.get(u"/api/v1/me/status"_qs),
                              anonymous.putJson(u"/api/v1/me/status"_qs, {{u"availability"_qs, u"dnd"_qs}})}) {
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), u"unauthorized"_qs);
    }
}

void TestApiStatus::putRejects_data()
{
    addRefusalColumns();
    const auto row = addRefusalRow;
    const QByteArray window = "{\"from\":\"" + day(1).toUtf8() + "\",\"to\":\"" + day(3).toUtf8() + "\"";
    row("malformed json", "{\"availability\":", 400, "malformed", "");
    row("not an object", "[1]", 400, "malformed", "");
    row("no availability", "{\"text\":\"x\"}", 422, "required", "availability");
    row("unknown availability", "{\"availability\":\"busy\"}", 422, "invalid_format", "availability");
    row("availability a number", "{\"availability\":1}", 422, "invalid_type", "availability");
    row("presence is the server's", "{\"availability\":\"dnd\",\"presence\":\"online\"}", 422, "unknown_field",
        "presence");
    row("text too long", "{\"availability\":\"dnd\",\"text\":\"" + QByteArray(101, 'x') + "\"}", 422, "too_long",
        "text");
    row("text with a control", "{\"availability\":\"dnd\",\"text\":\"a\\u0001\"}", 422, "forbidden_character", "text");
    row("until in the past", "{\"availability\":\"dnd\",\"until\":\"2020-01-01T00:00:00Z\"}", 422, "out_of_range",
        "until");
    row("until beyond a year",
        "{\"availability\":\"dnd\",\"until\":\"" + rfc3339(QDateTime::currentDateTimeUtc().addDays(400)).toUtf8()
            + "\"}",
        422, "out_of_range", "until");
    row("until not a time", "{\"availability\":\"dnd\",\"until\":\"soon\"}", 422, "invalid_format", "until");
    row("out of office without window", "{\"availability\":\"out_of_office\"}", 422, "required", "out_of_office");
    row("window backwards",
        "{\"availability\":\"available\",\"out_of_office\":{\"from\":\"" + day(3).toUtf8() + "\",\"to\":\""
            + day(1).toUtf8() + "\"}}",
        422, "out_of_range", "out_of_office.to");
    row("window ended",
        "{\"availability\":\"available\",\"out_of_office\":{\"from\":\"" + day(-5).toUtf8() + "\",\"to\":\""
            + day(-2).toUtf8() + "\"}}",
        422, "out_of_range", "out_of_office.to");
    row("window too long",
        "{\"availability\":\"available\",\"out_of_office\":{\"from\":\"" + day(0).toUtf8() + "\",\"to\":\""
            + day(366).toUtf8() + "\"}}",
        422, "out_of_range", "out_of_office.to");
    row("window day malformed",
        "{\"availability\":\"available\",\"out_of_office\":{\"from\":\"soon\",\"to\":\"later\"}}", 422,
        "invalid_format", "out_of_office.from");
    row("note too long",
        "{\"availability\":\"available\",\"out_of_office\":" + window + ",\"note\":\"" + QByteArray(501, 'n') + "\"}}",
        422, "too_long", "out_of_office.note");
    row("unknown window member", "{\"availability\":\"available\",\"out_of_office\":" + window + ",\"why\":1}}", 422,
        "unknown_field", "out_of_office.why");
    row("stand-in oneself", "{\"availability\":\"available\",\"out_of_office\":" + window + ",\"stand_in\":\"carol\"}}",
        422, "unknown_recipient", "out_of_office.stand_in");
    row("stand-in unknown",
        "{\"availability\":\"available\",\"out_of_office\":" + window + ",\"stand_in\":\"nobody\"}}", 422,
        "unknown_recipient", "out_of_office.stand_in");
    row("stand-in disabled", "{\"availability\":\"available\",\"out_of_office\":" + window + ",\"stand_in\":\"gone\"}}",
        422, "unknown_recipient", "out_of_office.stand_in");
    row("stand-in not a username",
        "{\"availability\":\"available\",\"out_of_office\":" + window + ",\"stand_in\":\"no one\"}}", 422,
        "invalid_format", "out_of_office.stand_in");
}

void TestApiStatus::putRejects()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    auto carol = client(u"carol"_qs);
    verifyRefusal(carol->send("PUT", u"/api/v1/me/status"_qs, body, {{"Content-Type", "application/json"}}), status,
                  code, field);
    if (QTest::currentTestFailed())
        return;
    // Nothing changed.
    const Response now = carol->get(u"/api/v1/me/status"_qs);
    QCOMPARE(now.status, 200);
    QCOMPARE(now.json().value(u"availability"_qs).toString(), u"available"_qs);
    QVERIFY(now.json().value(u"out_of_office"_qs).isNull());

    const Response wrongType =
        carol->send("PUT", u"/api/v1/me/status"_qs, R"({"availability":"dnd"})", {{"Content-Type", "text/plain"}});
    QCOMPARE(wrongType.status, 415);
}

void TestApiStatus::putAndGet()
{
    auto dave = client(u"dave"_qs);
    const QDateTime until = QDateTime::currentDateTimeUtc().addSecs(3600);
    const Response put = dave->putJson(u"/api/v1/me/status"_qs,
                                       {{u"availability"_qs, u"dnd"_qs},
                                        {u"text"_qs, u"  Heads down on the release "_qs},
                                        {u"until"_qs, rfc3339(until)}});
    QVERIFY2(put.status == 200, put.body.constData());
    const QJsonObject s = put.json();
    QCOMPARE(s.value(u"username"_qs).toString(), u"dave"_qs);
    QCOMPARE(s.value(u"availability"_qs).toString(), u"dnd"_qs);
    QCOMPARE(s.value(u"text"_qs).toString(), u"Heads down on the release"_qs);
    QCOMPARE(QDateTime::fromString(s.value(u"until"_qs).toString(), Qt::ISODateWithMs), until);
    QVERIFY(s.value(u"out_of_office"_qs).isNull());
    QVERIFY(QDateTime::fromString(s.value(u"updated_at"_qs).toString(), Qt::ISODateWithMs).isValid());
    const auto parsed = statusFromJson(s);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));

    const Response got = dave->get(u"/api/v1/me/status"_qs);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.json().value(u"availability"_qs), s.value(u"availability"_qs));
    QCOMPARE(got.json().value(u"text"_qs), s.value(u"text"_qs));
    QCOMPARE(got.json().value(u"until"_qs), s.value(u"until"_qs));

    // A PUT replaces everything chosen: no text, no until.
    const Response back = dave->putJson(u"/api/v1/me/status"_qs, {{u"availability"_qs, u"available"_qs}});
    QCOMPARE(back.status, 200);
    QCOMPARE(back.json().value(u"text"_qs).toString(), QString());
    QVERIFY(back.json().value(u"until"_qs).isNull());
}

void TestApiStatus::outOfOfficeNowAndPlanned()
{
    auto erin = client(u"erin"_qs);
    // Planned: a window that starts tomorrow shows available, with the window.
    const Response planned = erin->putJson(
        u"/api/v1/me/status"_qs,
        {{u"availability"_qs, u"out_of_office"_qs},
         {u"out_of_office"_qs,
          QJsonObject {
              {u"from"_qs, day(2)}, {u"to"_qs, day(4)}, {u"note"_qs, u"Away."_qs}, {u"stand_in"_qs, u"Frank"_qs}}}});
    QVERIFY2(planned.status == 200, planned.body.constData());
    QCOMPARE(planned.json().value(u"availability"_qs).toString(), u"available"_qs);
    const QJsonObject window = planned.json().value(u"out_of_office"_qs).toObject();
    QCOMPARE(window.value(u"from"_qs).toString(), day(2));
    QCOMPARE(window.value(u"to"_qs).toString(), day(4));
    QCOMPARE(window.value(u"note"_qs).toString(), u"Away."_qs);
    QCOMPARE(window.value(u"stand_in"_qs).toString(), u"frank"_qs);

    // Current: a window around today (the profile has no time zone: UTC) applies now, a dnd
    // chosen with it is what remains after it.
    const Response current =
        erin->putJson(u"/api/v1/me/status"_qs,
                      {{u"availability"_qs, u"dnd"_qs},
                       {u"out_of_office"_qs,
                        QJsonObject {{u"from"_qs, day(-1)}, {u"to"_qs, day(1)}, {u"stand_in"_qs, u"frank"_qs}}}});
    QVERIFY2(current.status == 200, current.body.constData());
    QCOMPARE(current.json().value(u"availability"_qs).toString(), u"out_of_office"_qs);
    QCOMPARE(current.json().value(u"out_of_office"_qs).toObject().value(u"stand_in"_qs).toString(), u"frank"_qs);

    // Others see it, stand-in included, with their sync.
    auto heidi = client(u"heidi"_qs);
    QString pages;
    const QJsonObject seen = statusesSeenBy(*heidi, &pages).value(u"erin"_qs);
    QVERIFY2(!seen.isEmpty(), qPrintable(u"heidi's sync brought no status of erin's:"_qs + pages));
    QCOMPARE(seen.value(u"availability"_qs).toString(), u"out_of_office"_qs);
    QCOMPARE(seen.value(u"out_of_office"_qs).toObject().value(u"stand_in"_qs).toString(), u"frank"_qs);
}

void TestApiStatus::onlyOwnStatus()
{
    auto ivan = client(u"ivan"_qs);
    auto root = client(u"root"_qs);
    QCOMPARE(ivan->putJson(u"/api/v1/me/status"_qs, {{u"availability"_qs, u"dnd"_qs}}).status, 200);
    // There is no way to name someone else: other paths do not exist.
    QCOMPARE(root->putJson(u"/api/v1/profiles/ivan/status"_qs, {{u"availability"_qs, u"available"_qs}}).status, 404);
    // An admin sets their own status, not the member's.
    const Response admin =
        root->putJson(u"/api/v1/me/status"_qs, {{u"availability"_qs, u"available"_qs}, {u"text"_qs, u"On call"_qs}});
    QCOMPARE(admin.status, 200);
    QCOMPARE(admin.json().value(u"username"_qs).toString(), u"root"_qs);
    QCOMPARE(ivan->get(u"/api/v1/me/status"_qs).json().value(u"availability"_qs).toString(), u"dnd"_qs);
    // Everybody reads everybody's status through sync.
    auto judy = client(u"judy"_qs);
    const QHash<QString, QJsonObject> statuses = statusesSeenBy(*judy);
    QCOMPARE(statuses.value(u"ivan"_qs).value(u"availability"_qs).toString(), u"dnd"_qs);
    QCOMPARE(statuses.value(u"root"_qs).value(u"text"_qs).toString(), u"On call"_qs);
}

void TestApiStatus::firstSyncLeavesOutDefaults()
{
    Storage &storage = env().db->storage();
    auto judy = client(u"judy"_qs);
    const qint64 before = judy->syncEnd();
    QVERIFY(before > 0);
    // mallory never made a request: a dnd then back to available leaves her row at the default.
    StatusChoice dnd;
    dnd.availability = Availability::Dnd;
    QVERIFY(storage.setStatus(u"mallory"_qs, dnd));
    QVERIFY(storage.setStatus(u"mallory"_qs, StatusChoice {}));
    const Response full = judy->get(u"/api/v1/sync?since=0&limit=5000"_qs);
    QCOMPARE(full.status, 200);
    QVERIFY(!full.json().value(u"statuses"_qs).toArray().isEmpty());
    QVERIFY2(statusIn(full.json(), u"mallory"_qs).isEmpty(), full.body.constData());
    // A sync from before the change brings it, once, as it is now.
    const Response since = judy->get(u"/api/v1/sync?since=%1&limit=5000"_qs.arg(before));
    const QJsonObject mallory = statusIn(since.json(), u"mallory"_qs);
    QCOMPARE(mallory.value(u"availability"_qs).toString(), u"available"_qs);
    QCOMPARE(mallory.value(u"presence"_qs).toString(), u"offline"_qs);
    int count = 0;
    for (const QJsonValue &v : since.json().value(u"statuses"_qs).toArray())
        count += v.toObject().value(u"username"_qs).toString() == u"mallory"_qs ? 1 : 0;
    QCOMPARE(count, 1);

    // Paging never skips a status: pages of one change each bring every status changed.
    qint64 cursor = before;
    QSet<QString> seen;
    const auto collect = [&seen](const QJsonObject &page) {
        for (const QJsonValue &v : page.value(u"statuses"_qs).toArray())
            seen.insert(v.toObject().value(u"username"_qs).toString());
    };
    QVERIFY(judy->readSync(&cursor, collect, 1));
    QVERIFY(seen.contains(u"mallory"_qs));
}

void TestApiStatus::presenceOnlineAwayOffline()
{
    auto zoe = client(u"zoe"_qs);
    auto grace = client(u"grace"_qs);
    // zoe watches grace from a held sync; she is online first, so that her own change does
    // not end it.
    QCOMPARE(zoe->get(u"/api/v1/me"_qs).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(presenceIs(u"zoe"_qs, Presence::Online), 5000);
    QVERIFY(presenceIs(u"grace"_qs, Presence::Offline));
    const qint64 cursor = zoe->syncEnd();
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *held = zoe->start("GET", u"/api/v1/sync?since=%1&timeout=30&watch=grace,nobody"_qs.arg(cursor));
    // grace connects (a request): online, seen by zoe within the long-poll.
    QCOMPARE(grace->get(u"/api/v1/me"_qs).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(held->isFinished(), 10000);
    Response r = Client::collect(held);
    held->deleteLater();
    QVERIFY2(timer.elapsed() < 10000, "the watcher was woken at once, not at its timeout");
    QCOMPARE(statusIn(r.json(), u"grace"_qs).value(u"presence"_qs).toString(), u"online"_qs);

    // grace's client goes idle: away.
    qint64 next = r.json().value(u"next"_qs).toInteger();
    held = zoe->start("GET", u"/api/v1/sync?since=%1&timeout=30&watch=grace"_qs.arg(next));
    QNetworkReply *idle =
        grace->start("GET", u"/api/v1/sync?since=%1&timeout=30&presence=idle"_qs.arg(grace->syncEnd()));
    QTRY_VERIFY_WITH_TIMEOUT(held->isFinished(), 10000);
    r = Client::collect(held);
    held->deleteLater();
    QCOMPARE(statusIn(r.json(), u"grace"_qs).value(u"presence"_qs).toString(), u"away"_qs);

    // grace disconnects: offline after --presence-offline-after.
    idle->abort();
    idle->deleteLater();
    next = r.json().value(u"next"_qs).toInteger();
    QString presence;
    for (int i = 0; i < 10 && presence != u"offline"_qs; ++i) {
        held = zoe->start("GET", u"/api/v1/sync?since=%1&timeout=30&watch=grace"_qs.arg(next));
        QTRY_VERIFY_WITH_TIMEOUT(held->isFinished(), 35000);
        r = Client::collect(held);
        held->deleteLater();
        QCOMPARE(r.status, 200);
        next = r.json().value(u"next"_qs).toInteger();
        const QJsonObject s = statusIn(r.json(), u"grace"_qs);
        if (!s.isEmpty())
            presence = s.value(u"presence"_qs).toString();
    }
    QCOMPARE(presence, u"offline"_qs);
}

void TestApiStatus::dndUntilExpires()
{
    auto olivia = client(u"olivia"_qs);
    auto peggy = client(u"peggy"_qs);
    const QDateTime until = QDateTime::currentDateTimeUtc().addSecs(3);
    const Response put =
        olivia->putJson(u"/api/v1/me/status"_qs,
                        {{u"availability"_qs, u"dnd"_qs}, {u"text"_qs, u"Focus"_qs}, {u"until"_qs, rfc3339(until)}});
    QVERIFY2(put.status == 200, put.body.constData());
    QCOMPARE(put.json().value(u"availability"_qs).toString(), u"dnd"_qs);
    qint64 next = peggy->syncEnd();
    // The server ends it by itself; the watcher sees it come back to available.
    QJsonObject s;
    for (int i = 0; i < 10 && s.value(u"availability"_qs).toString() != u"available"_qs; ++i) {
        QNetworkReply *held = peggy->start("GET", u"/api/v1/sync?since=%1&timeout=20&watch=olivia"_qs.arg(next));
        QTRY_VERIFY_WITH_TIMEOUT(held->isFinished(), 25000);
        const Response r = Client::collect(held);
        held->deleteLater();
        QCOMPARE(r.status, 200);
        next = r.json().value(u"next"_qs).toInteger();
        if (const QJsonObject found = statusIn(r.json(), u"olivia"_qs); !found.isEmpty())
            s = found;
    }
    QCOMPARE(s.value(u"availability"_qs).toString(), u"available"_qs);
    QCOMPARE(s.value(u"text"_qs).toString(), QString());
    QVERIFY(s.value(u"until"_qs).isNull());
    QVERIFY(QDateTime::currentDateTimeUtc() >= until);
    const Response own = olivia->get(u"/api/v1/me/status"_qs);
    QCOMPARE(own.json().value(u"availability"_qs).toString(), u"available"_qs);
}

void TestApiStatus::watchWakesOnlyWatchers()
{
    auto quinn = client(u"quinn"_qs); // changes status
    auto rupert = client(u"rupert"_qs); // watches quinn
    auto bob = client(u"bob"_qs); // does not
    // Everybody online first, so that their own presence changes do not end their polls.
    for (Client *c : {quinn.get(), rupert.get(), bob.get()})
        QCOMPARE(c->get(u"/api/v1/me"_qs).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(presenceIs(u"quinn"_qs, Presence::Online) && presenceIs(u"rupert"_qs, Presence::Online)
                                 && presenceIs(u"bob"_qs, Presence::Online),
                             5000);
    const qint64 cursor = bob->syncEnd();
    auto root = client(u"root"_qs);
    const auto pagesFromMemory = [&root] {
        return Client::metricValue(root->get(u"/metrics"_qs).body, "colleagues_sync_longpoll_pages_from_memory_total");
    };
    const double fromMemoryBefore = pagesFromMemory();
    constexpr int Timeout = 4;
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *watcher =
        rupert->start("GET", u"/api/v1/sync?since=%1&timeout=%2&watch=quinn"_qs.arg(cursor).arg(Timeout));
    QNetworkReply *other = bob->start("GET", u"/api/v1/sync?since=%1&timeout=%2&watch=zoe"_qs.arg(cursor).arg(Timeout));
    const Response put = quinn->putJson(u"/api/v1/me/status"_qs, {{u"availability"_qs, u"dnd"_qs}});
    QCOMPARE(put.status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(watcher->isFinished(), 10000);
    const qint64 watcherMs = timer.elapsed();
    const Response woken = Client::collect(watcher);
    watcher->deleteLater();
    QVERIFY2(watcherMs < (Timeout - 1) * 1000, qPrintable(u"the watcher waited %1 ms"_qs.arg(watcherMs)));
    QCOMPARE(statusIn(woken.json(), u"quinn"_qs).value(u"availability"_qs).toString(), u"dnd"_qs);
    QVERIFY(!other->isFinished());
    // The other one answers at its timeout, with the change in its page.
    QTRY_VERIFY_WITH_TIMEOUT(other->isFinished(), 10000);
    const qint64 otherMs = timer.elapsed();
    const Response late = Client::collect(other);
    other->deleteLater();
    QCOMPARE(late.status, 200);
    QVERIFY2(otherMs >= Timeout * 1000 - 300, qPrintable(u"the non-watcher returned after %1 ms"_qs.arg(otherMs)));
    QCOMPARE(statusIn(late.json(), u"quinn"_qs).value(u"availability"_qs).toString(), u"dnd"_qs);
    // Nothing but statuses was new to either: both pages came from memory, with the statuses
    // a database read finds (which may also have changes made since).
    QVERIFY(pagesFromMemory() >= fromMemoryBefore + 2);
    const Response read = bob->get(u"/api/v1/sync?since=%1"_qs.arg(cursor));
    QCOMPARE(statusIn(read.json(), u"quinn"_qs), statusIn(late.json(), u"quinn"_qs));
    for (const QJsonValue &status : late.json().value(u"statuses"_qs).toArray()) {
        const QString username = status.toObject().value(u"username"_qs).toString();
        QVERIFY2(!statusIn(read.json(), username).isEmpty(), qPrintable(username));
    }
    QVERIFY(read.json().value(u"next"_qs).toInteger() >= late.json().value(u"next"_qs).toInteger());
}

void TestApiStatus::syncRejectsBadParameters()
{
    auto bob = client(u"bob"_qs);
    Response r = bob->get(u"/api/v1/sync?presence=asleep"_qs);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorField(), u"presence"_qs);
    QStringList many;
    for (int i = 0; i < 201; ++i)
        many.append(u"user%1"_qs.arg(i));
    r = bob->get(u"/api/v1/sync?watch="_qs + many.join(u','));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorField(), u"watch"_qs);
    // 200 names are fine, and one that cannot be a username is ignored.
    many.removeLast();
    many.last() = u"Not A Name!"_qs;
    QCOMPARE(bob->get(u"/api/v1/sync?presence=idle&watch="_qs
                      + QString::fromLatin1(QUrl::toPercentEncoding(many.join(u','))))
                 .status,
             200);
}

void TestApiStatus::removalRemovesStatus()
{
    auto frank = client(u"frank"_qs);
    auto root = client(u"root"_qs);
    QCOMPARE(
        frank->putJson(u"/api/v1/me/status"_qs, {{u"availability"_qs, u"dnd"_qs}, {u"text"_qs, u"Busy"_qs}}).status,
        200);
    QCOMPARE(root->send("DELETE", u"/api/v1/profiles/frank"_qs).status, 204);
    const Expected<Status> after = env().db->storage().findStatus(u"frank"_qs);
    QVERIFY(after);
    QCOMPARE(after->availability, Availability::Available);
    QVERIFY(after->text.isEmpty());
    // What frank chose is gone from sync too (he may still show as online: he is signed in).
    auto judy = client(u"judy"_qs);
    const QHash<QString, QJsonObject> statuses = statusesSeenBy(*judy);
    const QJsonObject seen = statuses.value(u"frank"_qs);
    QVERIFY(seen.value(u"text"_qs).toString().isEmpty());
    QVERIFY(seen.value(u"availability"_qs).toString() != u"dnd"_qs);
}

void TestApiStatus::twoInstances()
{
    if (env().db->backend() != u"postgres"_qs)
        QSKIP("several instances share one database on PostgreSQL only");
    ServerProcess second(*env().db);
    QVERIFY2(second.start(0, {u"--presence-offline-after"_qs, QString::number(OfflineAfterSeconds)}),
             qPrintable(second.errorString()));
    auto onA = client(u"ada"_qs);
    auto watcherOnB = client(u"heidi"_qs, &second);
    auto otherOnB = client(u"judy"_qs, &second);
    for (Client *c : {onA.get(), watcherOnB.get(), otherOnB.get()})
        QCOMPARE(c->get(u"/api/v1/me"_qs).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(presenceIs(u"ada"_qs, Presence::Online) && presenceIs(u"heidi"_qs, Presence::Online)
                                 && presenceIs(u"judy"_qs, Presence::Online),
                             5000);

    // ada holds a sync on A for longer than offline-after: B's sweeper must not turn her offline.
    constexpr int Timeout = 4;
    const qint64 cursor = watcherOnB->syncEnd();
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *watcher =
        watcherOnB->start("GET", u"/api/v1/sync?since=%1&timeout=%2&watch=ada"_qs.arg(cursor).arg(Timeout));
    QNetworkReply *other =
        otherOnB->start("GET", u"/api/v1/sync?since=%1&timeout=%2&watch=zoe"_qs.arg(cursor).arg(Timeout));
    // A status change on A wakes the watcher on B at once, and only it.
    QCOMPARE(onA->putJson(u"/api/v1/me/status"_qs, {{u"availability"_qs, u"dnd"_qs}, {u"text"_qs, u"Two"_qs}}).status,
             200);
    QTRY_VERIFY_WITH_TIMEOUT(watcher->isFinished(), 10000);
    const qint64 watcherMs = timer.elapsed();
    const Response woken = Client::collect(watcher);
    watcher->deleteLater();
    QVERIFY2(watcherMs < (Timeout - 1) * 1000, qPrintable(u"the watcher on B waited %1 ms"_qs.arg(watcherMs)));
    QCOMPARE(statusIn(woken.json(), u"ada"_qs).value(u"text"_qs).toString(), u"Two"_qs);
    QVERIFY(!other->isFinished());
    QTRY_VERIFY_WITH_TIMEOUT(other->isFinished(), 10000);
    QVERIFY(timer.elapsed() >= Timeout * 1000 - 300);
    other->deleteLater();

    QNetworkReply *held = onA->start("GET", u"/api/v1/sync?since=%1&timeout=%2"_qs.arg(onA->syncEnd()).arg(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(held->isFinished(), 10000);
    held->deleteLater();
    QVERIFY(presenceIs(u"ada"_qs, Presence::Online));
    QCOMPARE(second.stop(), 0);
}

void TestApiStatus::metrics()
{
    auto root = client(u"root"_qs);
    QCOMPARE(root->get(u"/metrics"_qs).status, 200);
    // root's own requests keep them connected: the gauge counts them at the next flush.
    QTRY_VERIFY_WITH_TIMEOUT(Client::metricValue(root->get(u"/metrics"_qs).body, "colleagues_presence_connected") >= 1,
                             5000);
    const Response r = root->get(u"/metrics"_qs);
    QVERIFY(Client::metricValue(r.body, "colleagues_presence_transitions_total") > 0);
}

QTEST_GUILESS_MAIN(TestApiStatus)
#include "tst_api_status.moc"
