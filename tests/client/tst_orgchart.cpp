// SPDX-License-Identifier: MIT
// The org chart: headcounts, chains, teams and the team:/reports: filters equal a brute-force walk
// of the manager links, on generated directories with cycles, missing managers, a 3,000-wide and a
// 200-deep hierarchy; and after a sync delta from a real server moves a person.

#include "client/ClientStore.h"
#include "client/org/OrgChart.h"
#include "client/org/TeamOverview.h"
#include "client/search/SearchEngine.h"
#include "client/sync/SyncEngine.h"
#include "core/Vocabulary.h"
#include "tests/support/AppClient.h"
#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestData.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace Colleagues;
using namespace Colleagues::Test;

namespace {

//! The manager links as a plain map, walked the slow, obvious way.
struct BruteForce
{
    QHash<QString, QString> managerOf;

    explicit BruteForce(const QList<Profile> &profiles)
    {
        for (const Profile &p : profiles)
            managerOf.insert(p.username, p.manager);
    }

    QStringList chain(const QString &username) const
    {
        QStringList out;
        QSet<QString> seen {username};
        QString at = username;
        while (true) {
            const QString manager = managerOf.value(at);
            if (manager.isEmpty() || !managerOf.contains(manager) || seen.contains(manager))
                break;
            seen.insert(manager);
            out.append(manager);
            at = manager;
        }
        return out;
    }

    //! Everyone whose chain passes through \a username.
    std::set<QString> team(const QString &username) const
    {
        std::set<QString> out;
        for (auto it = managerOf.cbegin(); it != managerOf.cend(); ++it) {
            if (it.key() != username && chain(it.key()).contains(username))
                out.insert(it.key());
        }
        return out;
    }

    QHash<QString, int> headcounts() const
    {
        QHash<QString, int> counts;
        for (auto it = managerOf.cbegin(); it != managerOf.cend(); ++it) {
            for (const QString &manager : chain(it.key()))
                ++counts[manager];
        }
        return counts;
    }

    std::set<QString> reports(const QString &username) const
    {
        std::set<QString> out;
        for (auto it = managerOf.cbegin(); it != managerOf.cend(); ++it) {
            if (it.value() == username && it.key() != username)
                out.insert(it.key());
        }
        return out;
    }
};

std::set<QString> usernames(const OrgChart &chart, const std::vector<qint64> &ids)
{
    std::set<QString> out;
    for (qint64 id : ids)
        out.insert(chart.person(id)->username);
    return out;
}

std::set<QString> usernames(const OrgChart &chart, const QList<qint64> &ids)
{
    return usernames(chart, std::vector<qint64>(ids.cbegin(), ids.cend()));
}

QStringList chainNames(const OrgChart &chart, const QList<qint64> &ids)
{
    QStringList out;
    for (qint64 id : ids)
        out.append(chart.person(id)->username);
    return out;
}

std::set<QString> searchUsernames(SearchEngine &engine, const QString &query)
{
    SearchRequest request;
    request.query = query;
    request.limit = 100000;
    const SearchPage page = engine.search(request);
    std::set<QString> out;
    for (const SearchResult &r : page.results)
        out.insert(r.username);
    return out;
}

//! A company: a tree with random managers, some broken links and some cycles.
QList<Profile> randomCompany(int people, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<Profile> list;
    for (int i = 0; i < people; ++i) {
        QString manager;
        if (i > 0)
            manager = QStringLiteral("u%1").arg(random.bounded(i));
        list.append(orgPerson(QStringLiteral("u%1").arg(i), manager));
    }
    // Missing managers.
    for (int k = 0; k < people / 100; ++k)
        list[1 + random.bounded(people - 1)].manager = QStringLiteral("gone%1").arg(k);
    // Cycles: a person reports to someone in their own team (A -> ... -> B -> A), and one to
    // themselves.
    for (int k = 0; k < 3; ++k) {
        const int top = 1 + random.bounded(people / 10);
        for (int j = people - 1; j > top; --j) {
            if (list[j].manager == list[top].username) {
                list[top].manager = list[j].username;
                break;
            }
        }
    }
    list[people / 2].manager = list[people / 2].username;
    return list;
}

} // namespace

class TestOrgChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void matchesBruteForce_data();
    void matchesBruteForce();
    void smallCycleAndMissingManager();
    void deepChainNeverLoops();
    void followsStoreChanges();
    void movesOnly();
    void teamFilters();
    void followsSyncDelta();
    void teamOverview();
    void skillMap();

private:
    //! Checks every person's headcount, chain, reports and (for some) team against a brute-force walk.
    void compare(OrgChart &chart, const QList<Profile> &profiles, int teamChecks);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ClientStore> m_store;
};

void TestOrgChart::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<ClientStore>();
    QVERIFY2(m_store->open(m_dir->path()), qPrintable(m_store->errorString()));
}

void TestOrgChart::compare(OrgChart &chart, const QList<Profile> &profiles, int teamChecks)
{
    const BruteForce brute(profiles);
    QCOMPARE(chart.size(), profiles.size());
    const QHash<QString, int> counts = brute.headcounts();
    int checkedTeams = 0;
    for (const Profile &p : profiles) {
        const qint64 id = chart.idOf(p.username);
        QVERIFY2(id >= 0, qPrintable(p.username));
        QCOMPARE(chart.headcount(id), counts.value(p.username));
        QCOMPARE(chainNames(chart, chart.chain(id)), brute.chain(p.username));
        QCOMPARE(usernames(chart, chart.directReports(id)), brute.reports(p.username));
        if (checkedTeams < teamChecks && (counts.value(p.username) > 0 || checkedTeams % 7 == 0)) {
            ++checkedTeams;
            const std::vector<qint64> team = chart.team(id);
            QCOMPARE(usernames(chart, team), brute.team(p.username));
            QCOMPARE(int(team.size()), chart.headcount(id));
        }
    }
}

void TestOrgChart::matchesBruteForce_data()
{
    QTest::addColumn<QList<Profile>>("profiles");
    QTest::addRow("random with cycles and missing managers") << randomCompany(2000, 7);
    QTest::addRow("another random company") << randomCompany(1500, 11);
    {
        QList<Profile> wide {orgPerson(u"boss"_qs, QString())};
        for (int i = 0; i < 3000; ++i)
            wide.append(orgPerson(QStringLiteral("w%1").arg(i), u"boss"_qs));
        for (int i = 0; i < 40; ++i)
            wide.append(orgPerson(QStringLiteral("x%1").arg(i), QStringLiteral("w%1").arg(i * 7)));
        QTest::addRow("3000 wide") << wide;
    }
    {
        QList<Profile> deep;
        for (int i = 0; i < 200; ++i)
            deep.append(orgPerson(QStringLiteral("d%1").arg(i), i ? QStringLiteral("d%1").arg(i - 1) : QString()));
        QTest::addRow("200 deep") << deep;
        // The top reports to the bottom: one cycle of 200.
        deep[0].manager = u"d199"_qs;
        QTest::addRow("200 deep cycle") << deep;
    }
}

void TestOrgChart::matchesBruteForce()
{
    QFETCH(QList<Profile>, profiles);
    QVERIFY(m_store->upsertProfiles(profiles));
    OrgChart chart(m_store.get());
    QSignalSpy changed(&chart, &OrgChart::changed);
    QVERIFY(chart.refresh());
    QCOMPARE(changed.size(), 1);
    compare(chart, profiles, 150);
    // Nothing changed: no new reading.
    QVERIFY(chart.refresh());
    QCOMPARE(changed.size(), 1);
}

void TestOrgChart::smallCycleAndMissingManager()
{
    QVERIFY(m_store->upsertProfiles({orgPerson(u"top"_qs, QString()), orgPerson(u"a"_qs, u"b"_qs),
                                     orgPerson(u"b"_qs, u"a"_qs), orgPerson(u"c"_qs, u"a"_qs),
                                     orgPerson(u"lost"_qs, u"nobody"_qs), orgPerson(u"kid"_qs, u"lost"_qs)}));
    OrgChart chart(m_store.get());
    QVERIFY(chart.refresh());
    QCOMPARE(chart.headcount(chart.idOf(u"a"_qs)), 2); // b and c
    QCOMPARE(chart.headcount(chart.idOf(u"b"_qs)), 2); // a and c
    QCOMPARE(chart.headcount(chart.idOf(u"lost"_qs)), 1);
    QList<OrgProblem> problems;
    QCOMPARE(chainNames(chart, chart.chain(chart.idOf(u"c"_qs), &problems)), (QStringList {u"a"_qs, u"b"_qs}));
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems[0].kind, OrgProblem::Kind::Cycle);
    QCOMPARE(problems[0].usernames, (QStringList {u"a"_qs, u"b"_qs}));
    problems.clear();
    QCOMPARE(chainNames(chart, chart.chain(chart.idOf(u"kid"_qs), &problems)), QStringList {u"lost"_qs});
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems[0].kind, OrgProblem::Kind::MissingManager);
    QCOMPARE(problems[0].manager, u"nobody"_qs);
    QCOMPARE(chart.problems().size(), 2);
    QCOMPARE(usernames(chart, chart.tops()), (std::set<QString> {u"top"_qs, u"lost"_qs}));
    QCOMPARE(usernames(chart, chart.peers(chart.idOf(u"c"_qs))), std::set<QString> {u"b"_qs});
}

void TestOrgChart::deepChainNeverLoops()
{
    QList<Profile> deep;
    for (int i = 0; i < 200; ++i)
        deep.append(orgPerson(QStringLiteral("d%1").arg(i), QStringLiteral("d%1").arg((i + 199) % 200)));
    QVERIFY(m_store->upsertProfiles(deep));
    OrgChart chart(m_store.get());
    QVERIFY(chart.refresh());
    QList<OrgProblem> problems;
    QCOMPARE(chart.chain(chart.idOf(u"d0"_qs), &problems).size(), 199);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems[0].usernames.size(), 200);
    QCOMPARE(chart.headcount(chart.idOf(u"d5"_qs)), 199);
    QCOMPARE(chart.tops().size(), 0);
}

void TestOrgChart::followsStoreChanges()
{
    QList<Profile> profiles = randomCompany(1200, 3);
    QVERIFY(m_store->upsertProfiles(profiles));
    OrgChart chart(m_store.get());
    QVERIFY(chart.refresh());
    QRandomGenerator random(5);
    QString renamed; // the username a manager gave up
    for (int round = 0; round < 6; ++round) {
        // Moves, a new person, a removal (their reports' manager goes missing) and the missing
        // manager arriving.
        QList<Profile> upserts;
        for (int k = 0; k < 5; ++k) {
            Profile &p = profiles[random.bounded(profiles.size())];
            p.manager = profiles[random.bounded(profiles.size())].username;
            upserts.append(p);
        }
        const Profile added = orgPerson(QStringLiteral("new%1").arg(round), profiles[random.bounded(20)].username);
        profiles.append(added);
        upserts.append(added);
        if (round == 2) {
            const Profile gone = orgPerson(u"gone0"_qs, u"u0"_qs);
            profiles.append(gone);
            upserts.append(gone);
        }
        // A manager's username changes (their reports name the old one: their manager goes
        // missing), and the next round someone new takes the old one (and the reports).
        if (round == 3) {
            for (Profile &p : profiles) {
                const bool manages = std::any_of(profiles.cbegin(), profiles.cend(),
                                                 [&p](const Profile &other) { return other.manager == p.username; });
                const bool upserted = std::any_of(upserts.cbegin(), upserts.cend(),
                                                  [&p](const Profile &other) { return other.id == p.id; });
                if (manages && !upserted && &p - profiles.data() > 40) {
                    renamed = p.username;
                    p.username = u"renamed"_qs;
                    upserts.append(p);
                    break;
                }
            }
            QVERIFY(!renamed.isEmpty());
        }
        if (round == 4) {
            Profile taker = orgPerson(renamed, QString());
            taker.id = u"id-taker"_qs; // the renamed one keeps theirs
            profiles.append(taker);
            upserts.append(taker);
        }
        DirectoryBatch batch;
        batch.upserts = upserts;
        const qsizetype victim = 30 + round;
        batch.removedIds = {profiles[victim].id};
        profiles.removeAt(victim);
        QVERIFY(m_store->applyBatch(batch));
        const quint64 generation = chart.generation();
        QVERIFY(chart.refresh());
        QCOMPARE(chart.generation(), generation + 1);
        compare(chart, profiles, 40);
    }
}

void TestOrgChart::movesOnly()
{
    // A tree without cycles: moves are applied to the two chains alone; a move into one's own
    // team (a cycle) or to a missing manager is handled too.
    QList<Profile> profiles;
    QRandomGenerator random(21);
    for (int i = 0; i < 1500; ++i)
        profiles.append(
            orgPerson(QStringLiteral("t%1").arg(i), i ? QStringLiteral("t%1").arg(random.bounded(i)) : QString()));
    QVERIFY(m_store->upsertProfiles(profiles));
    OrgChart chart(m_store.get());
    QVERIFY(chart.refresh());
    for (int round = 0; round < 8; ++round) {
        QList<Profile> upserts;
        if (round == 3) {
            // A manager's new username: their reports name the old one, so they have no manager
            // in the directory now, and more than the renamed one's chains change.
            const auto manager = std::find_if(profiles.begin() + 1, profiles.end(), [&profiles](const Profile &m) {
                return std::any_of(profiles.cbegin(), profiles.cend(),
                                   [&m](const Profile &other) { return other.manager == m.username; });
            });
            QVERIFY(manager != profiles.end());
            manager->username = u"renamed"_qs;
            ++manager->revision;
            upserts.append(*manager);
        }
        for (int k = 0; k < 3; ++k) {
            const qsizetype who = 1 + random.bounded(profiles.size() - 1);
            Profile &p = profiles[who];
            if (round == 3 && p.username == u"renamed")
                continue; // renamed this round
            if (round == 5 && k == 0) {
                p.manager = u"nobody"_qs;
            } else if (round == 6 && k == 0) {
                // Under someone of their own team.
                const std::vector<qint64> team = chart.team(chart.idOf(p.username));
                if (!team.empty())
                    p.manager = chart.person(team.back())->username;
            } else {
                const qint64 newManager = qint64(random.bounded(qint64(chart.idLimit())));
                if (const OrgPerson *m = chart.person(newManager);
                    m && !chart.chain(newManager).contains(chart.idOf(p.username)) && m->username != p.username)
                    p.manager = m->username;
            }
            ++p.revision;
            upserts.append(p);
        }
        QVERIFY(m_store->upsertProfiles(upserts));
        QVERIFY(chart.refresh());
        compare(chart, profiles, 30);
    }
}

void TestOrgChart::teamFilters()
{
    QList<Profile> profiles = randomCompany(1500, 9);
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        if (i % 3 == 0)
            profiles[i].skills = {Skill {u"Kubernetes"_qs, 4}};
        if (i % 5 == 0)
            profiles[i].location = u"Lagos"_qs;
    }
    QVERIFY(m_store->upsertProfiles(profiles));
    SearchEngine engine(m_store.get());
    engine.setVocabulary(Vocabulary::defaults());
    OrgChart chart(m_store.get());
    engine.setOrgChart(&chart);
    const BruteForce brute(profiles);
    const QHash<QString, int> counts = brute.headcounts();
    // The same managers in every run (a QHash's order differs from process to process).
    QStringList managers;
    QStringList usernames = counts.keys();
    usernames.sort();
    for (const QString &username : std::as_const(usernames)) {
        if (counts.value(username) > 5 && managers.size() < 12)
            managers.append(username);
    }
    managers.append(profiles[profiles.size() / 2].username); // the one who reports to themselves
    const std::set<QString> kubernetes = searchUsernames(engine, u"skill:kubernetes"_qs);
    const std::set<QString> lagos = searchUsernames(engine, u"location:lagos"_qs);
    QVERIFY(!kubernetes.empty() && !lagos.empty());
    auto intersect = [](const std::set<QString> &a, const std::set<QString> &b) {
        std::set<QString> out;
        std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.begin()));
        return out;
    };
    for (const QString &manager : std::as_const(managers)) {
        const std::set<QString> team = brute.team(manager);
        const std::set<QString> reports = brute.reports(manager);
        QCOMPARE(searchUsernames(engine, u"team:"_qs + manager), team);
        QCOMPARE(searchUsernames(engine, u"reports:"_qs + manager), reports);
        QCOMPARE(searchUsernames(engine, u"team:"_qs + manager + u" kubernetes"_qs), intersect(team, kubernetes));
        QCOMPARE(searchUsernames(engine, u"skill:kubernetes team:"_qs + manager.toUpper()),
                 intersect(team, kubernetes));
        QCOMPARE(searchUsernames(engine, u"location:lagos reports:"_qs + manager), intersect(reports, lagos));
        QCOMPARE(searchUsernames(engine, u"team:"_qs + manager + u" reports:"_qs + manager), intersect(team, reports));
    }
    // Someone who is not in the directory: no one, and the query says why.
    SearchRequest request;
    request.query = u"team:nobody"_qs;
    const SearchPage page = engine.search(request);
    QCOMPARE(page.total, 0);
    QVERIFY(!page.error.isEmpty());

    // A move is seen by the next search.
    const QString mover = *brute.reports(managers[0]).begin();
    Profile moved;
    for (const Profile &p : std::as_const(profiles)) {
        if (p.username == mover)
            moved = p;
    }
    // To someone other than the manager they had and themselves.
    QString newManager;
    for (const QString &candidate : {u"u0"_qs, u"u1"_qs, u"u2"_qs}) {
        if (candidate != managers[0] && candidate != mover) {
            newManager = candidate;
            break;
        }
    }
    moved.manager = newManager;
    QVERIFY(m_store->upsertProfiles({moved}));
    QVERIFY(!searchUsernames(engine, u"reports:"_qs + managers[0]).count(mover));
    QVERIFY(searchUsernames(engine, u"reports:"_qs + newManager).count(mover));
}

void TestOrgChart::followsSyncDelta()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerProcess server(dir.filePath(u"server"_qs));
    QVERIFY2(server.seedDemo(2000), qPrintable(server.errorString()));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    AppClient client;
    QVERIFY(client.isValid());
    QSignalSpy done(client.client()->engine(), &SyncEngine::initialSyncFinished);
    QVERIFY(client.signIn(server.url(), u"ada"_qs, ServerProcess::demoPassword(u"ada"_qs)));
    QVERIFY(done.wait(120000));

    OrgChart chart(&client.store());
    QVERIFY(chart.refresh());
    QCOMPARE(chart.size(), 2000);
    // Someone with a manager who has a manager, moved to a manager in another part of the tree:
    // neither above nor under their old manager.
    qint64 mover = -1;
    for (qint64 id = 0; size_t(id) < chart.idLimit() && mover < 0; ++id) {
        if (chart.person(id) && chart.chain(id).size() >= 2 && chart.headcount(id) > 0)
            mover = id;
    }
    QVERIFY(mover >= 0);
    const std::vector<qint64> oldTeam = chart.team(chart.managerOf(mover));
    const QList<qint64> above = chart.chain(mover);
    qint64 target = -1;
    for (qint64 id = 0; size_t(id) < chart.idLimit() && target < 0; ++id) {
        if (chart.person(id) && chart.headcount(id) > 0 && !above.contains(id)
            && !std::binary_search(oldTeam.begin(), oldTeam.end(), id))
            target = id;
    }
    QVERIFY(mover >= 0 && target >= 0);
    const OrgPerson before = *chart.person(mover);
    const OrgPerson newManager = *chart.person(target);
    const int moved = chart.headcount(mover) + 1;
    const qint64 oldManager = chart.managerOf(mover);
    const int oldCount = chart.headcount(oldManager);
    const int newCount = chart.headcount(target);

    QSignalSpy changed(client.client()->engine(), &SyncEngine::profilesChanged);
    Client admin(server.url());
    admin.signIn(u"admin"_qs, ServerProcess::demoPassword(u"admin"_qs));
    const Response got = admin.get(u"/api/v1/profiles/"_qs + before.username);
    QVERIFY2(got.status == 200, got.body.constData());
    const auto profile = profileFromJson(got.json());
    QVERIFY(profile);
    QJsonObject body = toJson(*profile);
    for (const char *key : {"id", "username", "photo_tag", "revision", "updated_at"})
        body.remove(QLatin1String(key));
    body.insert(u"manager"_qs, newManager.username);
    const Response put = admin.putJson(u"/api/v1/profiles/"_qs + before.username, body,
                                       {{"If-Match", '"' + QByteArray::number(profile->revision) + '"'}});
    QVERIFY2(put.status == 200, put.body.constData());
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(client.store().profileByUsername(before.username)->manager == newManager.username, 10000);

    QVERIFY(chart.refresh());
    QCOMPARE(chart.managerOf(mover), target);
    QCOMPARE(chart.headcount(oldManager), oldCount - moved);
    QCOMPARE(chart.headcount(target), newCount + moved);
    // And everything else still equals the brute-force walk of what the store holds.
    QList<Profile> profiles;
    for (qint64 id = 0; size_t(id) < chart.idLimit(); ++id) {
        if (const OrgPerson *p = chart.person(id))
            profiles.append(orgPerson(p->username, client.store().profileByUsername(p->username)->manager));
    }
    const BruteForce brute(profiles);
    const QHash<QString, int> counts = brute.headcounts();
    for (const Profile &p : std::as_const(profiles))
        QCOMPARE(chart.headcount(chart.idOf(p.username)), counts.value(p.username));
    QCOMPARE(usernames(chart, chart.team(target)), brute.team(newManager.username));
}

//! A company whose people have Kubernetes (or Go) at a level and one of three places.
QList<Profile> skilledCompany()
{
    QList<Profile> profiles = randomCompany(900, 17);
    const QStringList places {u"Berlin"_qs, u"Lagos"_qs, u"Lima"_qs};
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        Profile &p = profiles[i];
        p.location = places[i % 3];
        p.department = i % 2 ? u"Platform"_qs : u"Data"_qs;
        p.timeZone = i % 3 == 1 ? u"Africa/Lagos"_qs : u"Europe/Berlin"_qs;
        if (i % 4 != 3)
            p.skills = {Skill {i % 5 == 0 ? u"kubernetes"_qs : u"Kubernetes"_qs, int(1 + i % 5)}};
        else
            p.skills = {Skill {u"Go"_qs, 3}};
    }
    return profiles;
}

void TestOrgChart::teamOverview()
{
    const QList<Profile> profiles = skilledCompany();
    QVERIFY(m_store->upsertProfiles(profiles));
    OrgChart chart(m_store.get());
    QVERIFY(chart.refresh());
    const BruteForce brute(profiles);
    for (const QString &manager : {u"u0"_qs, u"u3"_qs, u"u17"_qs}) {
        const std::set<QString> team = brute.team(manager);
        const TeamOverview overview = TeamOverview::of(m_store.get(), chart, chart.idOf(manager));
        QCOMPARE(overview.headcount, int(team.size()));
        QHash<QString, int> places;
        std::array<int, 5> kubernetes {};
        for (const Profile &p : profiles) {
            if (!team.count(p.username))
                continue;
            ++places[p.location];
            if (p.skills.first().name.compare(u"kubernetes"_qs, Qt::CaseInsensitive) == 0)
                ++kubernetes[size_t(p.skills.first().level - 1)];
        }
        QCOMPARE(overview.locations.size(), places.size());
        for (const TeamOverview::Count &c : overview.locations)
            QCOMPARE(c.people, places.value(c.value));
        if (team.size() > 10) {
            QCOMPARE(overview.skills.first().name, u"Kubernetes"_qs); // the common spelling
            QCOMPARE(overview.skills.first().people, kubernetes);
        }
    }
}

void TestOrgChart::skillMap()
{
    const QList<Profile> profiles = skilledCompany();
    QVERIFY(m_store->upsertProfiles(profiles));
    SearchEngine engine(m_store.get());
    engine.setVocabulary(Vocabulary::defaults());
    for (const QString &query : {u"skill:kubernetes"_qs, u"kubernetes"_qs, u"kubernetes team:u3"_qs}) {
        SearchRequest request;
        request.query = query;
        const SkillMap map = engine.skillMap(request);
        const std::set<QString> found = searchUsernames(engine, query);
        QCOMPARE(map.total, int(found.size()));
        QHash<QString, std::array<int, 6>> expected;
        for (const Profile &p : profiles) {
            if (found.count(p.username))
                ++expected[p.location][size_t(p.skills.first().level)];
        }
        QCOMPARE(map.locations.size(), expected.size());
        for (const SkillMap::Row &row : map.locations)
            QCOMPARE(row.people, expected.value(row.value));
        QCOMPARE(map.departments.size(), 2);
    }
}

QTEST_GUILESS_MAIN(TestOrgChart)
#include "tst_orgchart.moc"
