// SPDX-License-Identifier: MIT
// The UI's models over a real local store: the search results model with its paging, the
// skills editor's model, and the conversation list and chat with group conversations, each
// checked by QAbstractItemModelTester.
#include "client/ClientStore.h"
#include "client/sync/Outbox.h"
#include "client/sync/SyncClient.h"
#include "client/sync/SyncDatabase.h"
#include "client/sync/SyncSchema_p.h"
#include "client/sync/TokenStore.h"
#include "demo/DemoCompany.h"
#include "ui/ClientBackend.h"
#include "ui/DesktopApp.h"
#include "ui/messages/ChatModel.h"
#include "ui/messages/ConversationsModel.h"
#include "ui/people/PeoplePanel.h"
#include "ui/people/ResultsModel.h"
#include "ui/people/SearchService.h"
#include "ui/profile/SkillsModel.h"
#include "ui/widgets/ImageCache.h"
#include "ui/widgets/RowDelegate.h"
#include "ui/widgets/StatusText.h"
#include "ui/widgets/Theme.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QListView>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Colleagues;

Q_DECLARE_METATYPE(Colleagues::UnderstoodQuery)

namespace {

/*!
 * A client signed in as a past sign-in left it (the account in the store, the token in a file),
 * whose server does not answer: sync stays offline, and the outbox keeps what it queues.
 */
struct OfflineClient
{
    QTemporaryDir dir;
    ClientStore store;
    QNetworkAccessManager network;
    std::unique_ptr<SyncClient> sync;
    std::unique_ptr<ClientBackend> backend;

    bool open(const QString &me)
    {
        if (!dir.isValid() || !store.open(dir.path()))
            return false;
        sync = std::make_unique<SyncClient>(&store, &network);
        const QString tokenFile = dir.filePath(u"token"_qs);
        sync->tokenStore()->setTokenFile(tokenFile);
        std::optional<bool> written;
        QObject context;
        sync->tokenStore()->write(me, "token", &context,
                                  [&](const TokenStore::Outcome &outcome) { written = outcome.ok; });
        std::optional<bool> stored;
        sync->database()->write<bool>(
            [me, tokenFile](SyncSchema::SyncWriter &w) {
                using namespace SyncSchema::Keys;
                return w.setValues({{QLatin1String(Server), u"http://127.0.0.1:9"_qs},
                                    {QLatin1String(Username), me},
                                    {QLatin1String(TokenStorage), u"file"_qs},
                                    {QLatin1String(TokenFile), tokenFile}});
            },
            &context, [&](bool ok) { stored = ok; });
        if (!QTest::qWaitFor([&] { return written && stored; }, 10000) || !*written || !*stored)
            return false;
        backend = std::make_unique<ClientBackend>(&store, sync.get());
        QSignalSpy started(sync.get(), &SyncClient::started);
        sync->start();
        return QTest::qWaitFor([&] { return !started.isEmpty(); }, 10000) && backend->me() == me;
    }

    //! Stores a sync page with \a conversations and \a messages as the engine would.
    bool applyPage(const QList<Conversation> &conversations, const QList<Message> &messages)
    {
        QJsonArray c;
        for (const Conversation &conversation : conversations)
            c.append(toJson(conversation));
        QJsonArray m;
        for (const Message &message : messages)
            m.append(toJson(message));
        const qint64 since = SyncSchema::cursor(store.handle());
        const QByteArray body = QJsonDocument(QJsonObject {{u"conversations"_qs, c},
                                                           {u"messages"_qs, m},
                                                           {u"next"_qs, since + 10},
                                                           {u"has_more"_qs, false}})
                                    .toJson(QJsonDocument::Compact);
        std::optional<QString> error;
        QObject context;
        sync->database()->write<QString>(
            [body, since, me = backend->me()](SyncSchema::SyncWriter &w) { return w.applyPage(body, since, me).error; },
            &context, [&](const QString &e) { error = e; });
        return QTest::qWaitFor([&] { return error.has_value(); }, 10000) && error->isEmpty();
    }
};

Conversation conversation(const QString &id, ConversationKind kind, const QString &title, const QString &creator,
                          const QStringList &others, qint64 sequence)
{
    Conversation c;
    c.id = id;
    c.kind = kind;
    c.title = title;
    c.createdBy = creator;
    c.createdAt = QDateTime(QDate(2026, 12, 4), QTime(9, 0), Qt::UTC);
    ConversationMember first;
    first.username = creator;
    first.role = kind == ConversationKind::Question ? ConversationRole::Asker : ConversationRole::Member;
    c.members.append(first);
    for (const QString &username : others) {
        ConversationMember m;
        m.username = username;
        c.members.append(m);
    }
    c.sequence = sequence;
    return c;
}

Message message(qint64 id, const QString &from, const QString &body, const QString &conversation,
                const QString &to = {})
{
    Message m;
    m.id = id;
    m.clientId = u"00000000-0000-4000-8000-%1"_qs.arg(id, 12, 10, QLatin1Char('0'));
    m.sender = from;
    m.recipient = to;
    m.conversation = conversation;
    m.body = body;
    m.sentAt = QDateTime(QDate(2026, 12, 4), QTime(10, int(id)), Qt::UTC);
    m.sequence = 100 + id;
    return m;
}

//! A results model over a store, checked by a tester all along.
struct TestedResults
{
    explicit TestedResults(const QString &storeFile)
        : service(storeFile)
        , model(&service)
    { }
    //! Asks for \a query and waits for its first page to bring rows.
    bool search(const QString &query)
    {
        SearchRequest request;
        request.query = query;
        model.setRequest(request);
        return QTest::qWaitFor([this] { return !model.isLoading() && model.rowCount() > 0; });
    }

    SearchService service;
    ResultsModel model;
    QAbstractItemModelTester tester {&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

} // namespace

class TestUiModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resultsPageAndFetchMore();
    void resultsFollowTheQuery();
    void resultsFacetFilter();
    void samePeopleKeepTheirRows();
    void roleNamesFollowTheRoles();
    void skillsModelRules_data();
    void skillsModelRules();
    void skillsModelTester();
    void avatarColourIsStable();
    void toolTipsShowMarkupLiterally();
    void englishPluralForms();
    void understoodLine_data();
    void understoodLine();
    void statusWords();
    void conversationsWithGroups();
    void chatInAGroup();
    void rowsRepaintWhenAPhotoOrStatusChanges();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ClientStore> m_store;
};

void TestUiModels::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = std::make_unique<ClientStore>();
    QVERIFY2(m_store->open(m_dir.path()), qPrintable(m_store->errorString()));
    const DemoCompanyData company = generateDemoCompany(600, 3);
    DirectoryBatch batch;
    batch.upserts = company.profiles;
    for (qsizetype i = 0; i < batch.upserts.size(); ++i)
        batch.upserts[i].id = QStringLiteral("id-%1").arg(i);
    QVERIFY(m_store->applyBatch(batch));
}

void TestUiModels::resultsPageAndFetchMore()
{
    TestedResults results(m_store->filePath());
    ResultsModel &model = results.model;
    model.setPageSize(20);
    QSignalSpy replaced(&model, &ResultsModel::resultsReplaced);
    SearchRequest request;
    request.query = QStringLiteral("a"); // a one-letter prefix: many results, several pages
    model.setRequest(request);
    QVERIFY(replaced.wait(10000));
    QVERIFY(model.rowCount() >= 20); // the tester itself may have fetched a second page already
    QCOMPARE(model.rowCount() % 20, 0);
    QVERIFY(model.summary().total > 60);
    // Scrolling down asks for one page at a time until the view is filled.
    auto fetched = [&model] {
        if (model.canFetchMore({})) {
            model.fetchMore({});
            if (model.canFetchMore({}))
                qFatal("a second fetch started while one was running");
        }
        return model.rowCount() >= 40;
    };
    QTRY_VERIFY(fetched());
    QTRY_VERIFY(!model.isLoading() && model.rowCount() % 20 == 0);
    const SearchResult *first = model.result(0);
    QVERIFY(first);
    QCOMPARE(model.index(0).data(ResultsModel::IdRole).toString(), first->id);
    QCOMPARE(model.index(0).data().toString(), first->displayName);
    QVERIFY(!model.index(0).data(ResultsModel::SubtitleRole).toString().isEmpty());
    // Pages follow on from each other without repeating anyone.
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.insert(model.result(row)->id);
    QCOMPARE(ids.size(), model.rowCount());
}

void TestUiModels::resultsFollowTheQuery()
{
    TestedResults results(m_store->filePath());
    ResultsModel &model = results.model;
    QSignalSpy replaced(&model, &ResultsModel::resultsReplaced);
    // Typing fast: only the last query's results end up in the model.
    for (const QString &text : {QStringLiteral("p"), QStringLiteral("py"), QStringLiteral("pyt"),
                                QStringLiteral("pyth"), QStringLiteral("python")}) {
        SearchRequest request;
        request.query = text;
        model.setRequest(request);
    }
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.summary().query, QStringLiteral("python"));
    QVERIFY(model.rowCount() > 0);
    const SearchResult *top = model.result(0);
    QVERIFY(std::any_of(top->matchedSkills.cbegin(), top->matchedSkills.cend(), [](const MatchedSkill &s) {
        return s.name.compare(QLatin1String("Python"), Qt::CaseInsensitive) == 0;
    }));

    SearchRequest none;
    none.query = QStringLiteral("zzqqxx");
    model.setRequest(none);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

void TestUiModels::resultsFacetFilter()
{
    TestedResults results(m_store->filePath());
    ResultsModel &model = results.model;
    QVERIFY(results.search(QStringLiteral("e")));
    QVERIFY(!model.summary().departments.isEmpty());
    const FacetCount department = model.summary().departments.first();
    SearchRequest request = model.request();
    request.departments = {department.value};
    model.setRequest(request);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.summary().total, department.count);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.result(row)->department, department.value);
}

void TestUiModels::samePeopleKeepTheirRows()
{
    // A query that brings back the same people in the same order (typing a space, a longer
    // word that everyone on the page has) updates the rows in place instead of resetting.
    TestedResults results(m_store->filePath());
    ResultsModel &model = results.model;
    QVERIFY(results.search(QStringLiteral("python")));
    const int rows = model.rowCount();
    const QString first = model.result(0)->id;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy replaced(&model, &ResultsModel::resultsReplaced);
    SearchRequest request = model.request();
    request.query = QStringLiteral("python ");
    model.setRequest(request);
    QVERIFY(replaced.wait(10000));
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(model.result(0)->id, first);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.summary().query, QStringLiteral("python "));

    request.query = QStringLiteral("zzqqxx");
    model.setRequest(request);
    QVERIFY(replaced.wait(10000));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
}

void TestUiModels::roleNamesFollowTheRoles()
{
    SearchService service(m_store->filePath());
    const QHash<int, QByteArray> names = ResultsModel(&service).roleNames();
    QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));
    QCOMPARE(names.value(ResultsModel::IdRole), QByteArray("id"));
    QCOMPARE(names.value(ResultsModel::TimeZoneRole), QByteArray("timeZone"));
    QCOMPARE(names.value(ResultsModel::SubtitleRole), QByteArray("subtitle"));
}

void TestUiModels::skillsModelRules_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("level");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("new skill") << QStringLiteral("Rust") << 4 << true;
    QTest::addRow("same skill, other case") << QStringLiteral("c++") << 3 << false;
    QTest::addRow("symbols make another skill") << QStringLiteral("C#") << 3 << true;
    QTest::addRow("empty") << QStringLiteral("  ") << 3 << false;
    QTest::addRow("too long") << QString(65, QLatin1Char('x')) << 3 << false;
    QTest::addRow("level 0") << QStringLiteral("Go") << 0 << false;
    QTest::addRow("level 6") << QStringLiteral("Go") << 6 << false;
    QTest::addRow("control character") << QStringLiteral("Go\u0007") << 3 << false;
}

void TestUiModels::skillsModelRules()
{
    QFETCH(QString, name);
    QFETCH(int, level);
    QFETCH(bool, accepted);
    SkillsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSkills({{QStringLiteral("C++"), 5}});
    const QString error = model.addSkill(name, level);
    QCOMPARE(error.isEmpty(), accepted);
    QCOMPARE(model.rowCount(), accepted ? 2 : 1);
}

void TestUiModels::skillsModelTester()
{
    SkillsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &SkillsModel::skillsEdited);
    model.setSkills({{QStringLiteral("Go"), 2}, {QStringLiteral("Python"), 4}});
    QVERIFY(model.setData(model.index(0, SkillsModel::LevelColumn), 5));
    QCOMPARE(model.skills().at(0).level, 5);
    QVERIFY(!model.setData(model.index(0, SkillsModel::LevelColumn), 9));
    QVERIFY(!model.setData(model.index(0, SkillsModel::NameColumn), QStringLiteral("python"))); // duplicate
    QVERIFY(model.setData(model.index(0, SkillsModel::NameColumn), QStringLiteral("Golang")));
    model.removeSkill(1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(edited.size(), 3);
    QCOMPARE(model.headerData(SkillsModel::LevelColumn, Qt::Horizontal).toString(), QStringLiteral("Level"));
}

void TestUiModels::avatarColourIsStable()
{
    const QPalette palette;
    QCOMPARE(Theme::avatarColor(QStringLiteral("ada"), palette), Theme::avatarColor(QStringLiteral("ada"), palette));
    // Known value: the hash must not depend on the process (qHash is seeded).
    QCOMPARE(Theme::initials(QStringLiteral("Ada King Lovelace")), QStringLiteral("AL"));
    QCOMPARE(Theme::initials(QStringLiteral("zoë")), QStringLiteral("Z"));
    QCOMPARE(Theme::initials(QString()), QStringLiteral("?"));
}

void TestUiModels::toolTipsShowMarkupLiterally()
{
    const QString tip = Theme::plainToolTip(QStringLiteral("<b>bold</b> & <img src=x>"));
    QVERIFY(tip.contains(QLatin1String("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x&gt;")));
    QVERIFY(!tip.contains(QLatin1String("<b>")));
}

void TestUiModels::englishPluralForms()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    DesktopApp::setUpApplication();
    QCOMPARE(QCoreApplication::translate("Colleagues::PeoplePanel", "%n people", nullptr, 1),
             QStringLiteral("1 person"));
    QCOMPARE(QCoreApplication::translate("Colleagues::PeoplePanel", "%n people", nullptr, 3),
             QStringLiteral("3 people"));
    QCOMPARE(QCoreApplication::translate("Colleagues::LocalTime", "%n hour(s)", nullptr, 1), QStringLiteral("1 hour"));
    QCOMPARE(QCoreApplication::translate("Colleagues::LocalTime", "%n hour(s)", nullptr, 2), QStringLiteral("2 hours"));
}

void TestUiModels::understoodLine_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<UnderstoodQuery>("understood");
    QTest::addColumn<QString>("line");

    auto read = [](std::function<void(UnderstoodQuery &)> set) {
        UnderstoodQuery u;
        u.terms = QStringList {u"kubernetes"_qs};
        u.names = QStringList {u"Kubernetes"_qs};
        set(u);
        return u;
    };
    QTest::addRow("as typed") << "kubernetes" << read([](UnderstoodQuery &) {}) << QString();
    QTest::addRow("place") << "k8s in berlin" << read([](UnderstoodQuery &u) {
        u.place = u"Berlin"_qs;
        u.aliases = {AliasApplied {u"k8s"_qs, u"Kubernetes"_qs}};
    }) << u"Kubernetes \u00b7 in Berlin \u2014 from \u201ck8s in berlin\u201d"_qs;
    QTest::addRow("left out") << "kubernetes -tf not in berlin or emea" << read([](UnderstoodQuery &u) {
        u.excluded = QStringList {u"Terraform"_qs};
        u.excludedPlaces = QStringList {u"Berlin"_qs, u"EMEA"_qs};
    }) << u"Kubernetes \u00b7 not Terraform \u00b7 not in Berlin / EMEA \u2014 from \u201ckubernetes -tf not in berlin or emea\u201d"_qs;
    QTest::addRow("manager") << "who is my manager" << read([](UnderstoodQuery &u) {
        u.terms.clear();
        u.names.clear();
        u.team = UnderstoodQuery::Team::YourManager;
        u.manager = u"Grace Hopper"_qs;
    }) << u"your manager (Grace Hopper) \u2014 from \u201cwho is my manager\u201d"_qs;
    QTest::addRow("peers") << "kubernetes among my peers" << read([](UnderstoodQuery &u) {
        u.team = UnderstoodQuery::Team::YourPeers;
        u.manager = u"Grace Hopper"_qs;
    }) << u"Kubernetes \u00b7 your peers (Grace Hopper's reports) \u2014 from \u201ckubernetes among my peers\u201d"_qs;
    QTest::addRow("team of a manager's") << "my team" << read([](UnderstoodQuery &u) {
        u.terms.clear();
        u.names.clear();
        u.team = UnderstoodQuery::Team::YourManagers;
        u.manager = u"Grace Hopper"_qs;
    }) << u"in your team (Grace Hopper's reports) \u2014 from \u201cmy team\u201d"_qs;
    QTest::addRow("manager's manager") << "my skip level" << read([](UnderstoodQuery &u) {
        u.terms.clear();
        u.names.clear();
        u.team = UnderstoodQuery::Team::YourManagersManager;
        u.manager = u"Ada King"_qs;
    }) << u"your manager's manager (Ada King) \u2014 from \u201cmy skip level\u201d"_qs;
    QTest::addRow("reports of someone") << "kubernetes folks working for ada" << read([](UnderstoodQuery &u) {
        u.team = UnderstoodQuery::Team::ReportsOf;
        u.manager = u"Ada King"_qs;
    }) << u"Kubernetes \u00b7 reporting to Ada King \u2014 from \u201ckubernetes folks working for ada\u201d"_qs;
    QTest::addRow("someone's team") << "ada's team" << read([](UnderstoodQuery &u) {
        u.terms.clear();
        u.names.clear();
        u.team = UnderstoodQuery::Team::TeamOf;
        u.manager = u"Ada King"_qs;
    }) << u"in Ada King's team \u2014 from \u201cada's team\u201d"_qs;
    QTest::addRow("someone's manager") << "kit's boss" << read([](UnderstoodQuery &u) {
        u.terms.clear();
        u.names.clear();
        u.team = UnderstoodQuery::Team::ManagerOf;
        u.person = u"Kit Carson"_qs;
        u.manager = u"Max Power"_qs;
    }) << u"Kit Carson's manager (Max Power) \u2014 from \u201ckit's boss\u201d"_qs;
    QTest::addRow("someone's peers") << "kubernetes among kit's peers" << read([](UnderstoodQuery &u) {
        u.team = UnderstoodQuery::Team::PeersOf;
        u.person = u"Kit Carson"_qs;
        u.manager = u"Max Power"_qs;
    }) << u"Kubernetes \u00b7 Kit Carson's peers (Max Power's reports) \u2014 from \u201ckubernetes among kit's peers\u201d"_qs;
    QTest::addRow("out of office") << "kubernetes on leave" << read([](UnderstoodQuery &u) {
        u.outOfOffice = true;
    }) << u"Kubernetes \u00b7 out of office now \u2014 from \u201ckubernetes on leave\u201d"_qs;
    QTest::addRow("not out of office") << "kubernetes not on leave" << read([](UnderstoodQuery &u) {
        u.outOfOffice = false;
    }) << u"Kubernetes \u00b7 not out of office \u2014 from \u201ckubernetes not on leave\u201d"_qs;
    QTest::addRow("beginners") << "new to kubernetes" << read([](UnderstoodQuery &u) { u.beginnersFirst = true; })
                               << u"Kubernetes \u00b7 beginners first \u2014 from \u201cnew to kubernetes\u201d"_qs;
    QTest::addRow("level and experts") << "senior kubernetes level 4" << read([](UnderstoodQuery &u) {
        u.minLevel = 4;
        u.expertsFirst = true;
    }) << u"Kubernetes \u00b7 at level 4 or above \u00b7 experts first \u2014 from \u201csenior kubernetes level 4\u201d"_qs;
}

void TestUiModels::understoodLine()
{
    QFETCH(QString, query);
    QFETCH(UnderstoodQuery, understood);
    QFETCH(QString, line);
    SearchPage page;
    page.query = query;
    page.understood = understood;
    QCOMPARE(PeoplePanel::understoodText(page), line);
}

void TestUiModels::statusWords()
{
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    const QDateTime now(QDate(2026, 12, 4), QTime(11, 0), Qt::LocalTime);
    Status s;
    s.username = u"grace"_qs;
    QCOMPARE(StatusText::stateWords(s, now), u"Offline"_qs);
    QCOMPARE(StatusText::line(s, now), QString()); // nothing to say beside the name
    QCOMPARE(StatusText::look(s), StatusText::Look::Offline);
    s.presence = Presence::Online;
    QCOMPARE(StatusText::description(s, now), u"Available"_qs);
    QCOMPARE(StatusText::look(s), StatusText::Look::Available);
    s.presence = Presence::Away;
    QCOMPARE(StatusText::look(s), StatusText::Look::Away);

    // Do not disturb until a time today: the time alone, in the locale's format.
    s.availability = Availability::Dnd;
    s.until = QDateTime(now.date(), QTime(16, 0), Qt::LocalTime).toUTC();
    QCOMPARE(StatusText::line(s, now), u"Do not disturb until 16:00"_qs);
    QCOMPARE(StatusText::description(s, now), u"Do not disturb until 16:00 (away)"_qs);
    QCOMPARE(StatusText::look(s), StatusText::Look::Dnd);
    s.until = s.until.addDays(1);
    QCOMPARE(StatusText::line(s, now), u"Do not disturb until tomorrow 16:00"_qs);
    // The status text is the line; the state stays in the words.
    s.text = u"<b>Heads down</b>"_qs;
    QCOMPARE(StatusText::line(s, now), u"<b>Heads down</b>"_qs);
    QCOMPARE(StatusText::description(s, now), u"Do not disturb until tomorrow 16:00 (away): <b>Heads down</b>"_qs);

    // Out of office until a day: no weekday, no year this year.
    s = {};
    s.availability = Availability::OutOfOffice;
    s.outOfOffice = OutOfOffice {QDate(2026, 12, 1), QDate(2026, 12, 24), {}, {}};
    QCOMPARE(StatusText::line(s, now), u"Out of office until 24 December"_qs);
    QCOMPARE(StatusText::look(s), StatusText::Look::OutOfOffice);
    s.outOfOffice->to = QDate(2027, 1, 4);
    QCOMPARE(StatusText::line(s, now), u"Out of office until 4 January 2027"_qs);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(StatusText::dayText(QDate(2026, 12, 24), now.date()), u"December 24"_qs);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(StatusText::dayText(QDate(2026, 12, 24), now.date()), u"24. Dezember"_qs);
    QLocale::setDefault(saved);
}

namespace {
const QString AskedOfMe = u"0b7e3c2a-5d1f-4e8a-9c6b-000000000001"_qs;
const QString AskedByMe = u"0b7e3c2a-5d1f-4e8a-9c6b-000000000002"_qs;
const QString Answered = u"0b7e3c2a-5d1f-4e8a-9c6b-000000000003"_qs;
const QString Team = u"0b7e3c2a-5d1f-4e8a-9c6b-000000000004"_qs;

//! Grace's conversations: a question Ada asked her, one she asked, one answered, a group, a chat.
bool seedGrace(OfflineClient &client)
{
    Conversation answered =
        conversation(Answered, ConversationKind::Question, u"Old question"_qs, u"grace"_qs, {u"ada"_qs}, 30);
    answered.resolution = ConversationResolution {3, u"grace"_qs, QDateTime(QDate(2026, 12, 4), QTime(10, 5), Qt::UTC)};
    return client.applyPage(
        {conversation(AskedOfMe, ConversationKind::Question, u"Who knows <b>SAP</b> payroll?"_qs, u"ada"_qs,
                      {u"grace"_qs, u"linus"_qs}, 10),
         conversation(AskedByMe, ConversationKind::Question, u"Kubernetes upgrade"_qs, u"grace"_qs,
                      {u"ada"_qs, u"misaki"_qs}, 20),
         answered, conversation(Team, ConversationKind::Group, u"Lunch club"_qs, u"zoe"_qs, {u"grace"_qs}, 40)},
        {message(1, u"ada"_qs, u"Our payroll run fails."_qs, AskedOfMe),
         message(2, u"linus"_qs, u"Not my area."_qs, AskedOfMe),
         message(3, u"ada"_qs, u"Use the new chart."_qs, Answered),
         message(4, u"grace"_qs, u"Anyone upgraded to 1.29?"_qs, AskedByMe),
         message(5, u"ada"_qs, u"Hello Grace"_qs, {}, u"grace"_qs)});
}
} // namespace

void TestUiModels::conversationsWithGroups()
{
    OfflineClient client;
    QVERIFY(client.open(u"grace"_qs));
    ConversationsModel model(client.backend.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(seedGrace(client));
    model.reload();
    QCOMPARE(model.rowCount(), 5);
    auto row = [&model](const QString &key) { return model.index(model.rowOf(key)); };

    // A question asked of me: its title as the name (as typed), its state, who wrote last.
    QModelIndex q = row(AskedOfMe);
    QVERIFY(q.isValid());
    QCOMPARE(q.data(ConversationsModel::NameRole).toString(), u"Who knows <b>SAP</b> payroll?"_qs);
    QVERIFY(q.data(ConversationsModel::GroupRole).toBool());
    QVERIFY(q.data(ConversationsModel::QuestionRole).toBool());
    QVERIFY(!q.data(ConversationsModel::AskedByMeRole).toBool());
    QVERIFY(!q.data(ConversationsModel::ResolvedRole).toBool());
    QCOMPARE(q.data(ConversationsModel::SummaryRole).toString(), u"Question · open"_qs);
    QCOMPARE(q.data(ConversationsModel::LastSenderRole).toString(), u"linus"_qs); // not in this directory
    QCOMPARE(q.data(ConversationsModel::UnreadRole).toInt(), 2);
    QVERIFY(!q.data(ConversationsModel::OutgoingRole).toBool());
    QCOMPARE(q.data(ConversationsModel::MembersRole).toStringList(),
             (QStringList {u"ada"_qs, u"grace"_qs, u"linus"_qs}));
    QVERIFY(row(AskedByMe).data(ConversationsModel::OutgoingRole).toBool());
    QVERIFY(row(AskedByMe).data(ConversationsModel::AskedByMeRole).toBool());
    QCOMPARE(row(Answered).data(ConversationsModel::SummaryRole).toString(), u"Question · answered"_qs);
    QCOMPARE(row(Team).data(ConversationsModel::SummaryRole).toString(), u"Group · 2 people"_qs);
    QVERIFY(!row(u"ada"_qs).data(ConversationsModel::GroupRole).toBool());
    QCOMPARE(row(u"ada"_qs).data(ConversationsModel::SummaryRole).toString(), QString());
    QCOMPARE(model.totalUnread(), 4); // two in the question asked of me, one in the answered one, Ada's chat

    // Open questions: those I asked, those asked of me; then everything again.
    model.setFilter(ConversationsModel::Filter::AskedByMe);
    QCOMPARE(model.peers(), QStringList {AskedByMe});
    model.setFilter(ConversationsModel::Filter::AskedOfMe);
    QCOMPARE(model.peers(), QStringList {AskedOfMe});

    // Saying "not me" takes it out of the questions asked of me.
    QSignalSpy changed(client.backend.get(), &ClientBackend::conversationsChanged);
    QVERIFY(client.backend->leaveConversation(AskedOfMe, u"zoe"_qs));
    QVERIFY(changed.wait(10000));
    QVERIFY(model.peers().isEmpty());
    model.setFilter(ConversationsModel::Filter::All);
    QCOMPARE(model.rowCount(), 5);
    QVERIFY(row(AskedOfMe).data(ConversationsModel::LeftRole).toBool());
    QCOMPARE(row(AskedOfMe).data(ConversationsModel::SummaryRole).toString(), u"Question · you left"_qs);
    QCOMPARE(row(AskedOfMe).data(ConversationsModel::MembersRole).toStringList(),
             (QStringList {u"ada"_qs, u"linus"_qs, u"zoe"_qs}));
}

void TestUiModels::chatInAGroup()
{
    OfflineClient client;
    QVERIFY(client.open(u"grace"_qs));
    QVERIFY(seedGrace(client));
    ChatModel model(client.backend.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPeer(AskedByMe);
    QVERIFY(model.group());
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.index(0).data(ChatModel::OutgoingRole).toBool());
    QCOMPARE(model.index(0).data(ChatModel::SenderNameRole).toString(), QString()); // mine: no name
    QVERIFY(!model.index(0).data(ChatModel::ReadRole).toBool());

    // Answers come in; each names its writer. Marking one as the answer shows on it.
    QVERIFY(client.applyPage({},
                             {message(6, u"misaki"_qs, u"Yes, last week."_qs, AskedByMe),
                              message(7, u"ada"_qs, u"Not yet."_qs, AskedByMe)}));
    model.reload();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1).data(ChatModel::SenderNameRole).toString(), u"misaki"_qs);
    QVERIFY(!model.index(1).data(ChatModel::OutgoingRole).toBool());
    QCOMPARE(model.index(1).data(ChatModel::MessageIdRole).toLongLong(), 6);
    QVERIFY(!model.index(1).data(ChatModel::AnswerRole).toBool());
    QSignalSpy rows(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(client.backend->markAnswer(AskedByMe, 6));
    QVERIFY(rows.wait(10000));
    QVERIFY(model.index(1).data(ChatModel::AnswerRole).toBool());
    QVERIFY(!model.index(2).data(ChatModel::AnswerRole).toBool());
    QVERIFY(model.index(1).data(Qt::AccessibleTextRole).toString().endsWith(u"(marked as the answer)"_qs));

    // Mine is read once everyone else in it read it.
    Conversation read = conversation(AskedByMe, ConversationKind::Question, u"Kubernetes upgrade"_qs, u"grace"_qs,
                                     {u"ada"_qs, u"misaki"_qs}, 50);
    read.members[1].readUpTo = 7;
    read.resolution = ConversationResolution {6, u"grace"_qs, QDateTime::currentDateTimeUtc()};
    QVERIFY(client.applyPage({read}, {}));
    model.setPeer({});
    model.setPeer(AskedByMe);
    QVERIFY(!model.index(0).data(ChatModel::ReadRole).toBool()); // misaki has not
    read.members[2].readUpTo = 4;
    read.sequence = 60;
    QVERIFY(client.applyPage({read}, {}));
    model.setPeer({});
    model.setPeer(AskedByMe);
    QVERIFY(model.index(0).data(ChatModel::ReadRole).toBool());
}

QTEST_MAIN(TestUiModels)
namespace {

//! Counts the paint events of the widget it watches.
struct PaintCounter : QObject
{
    int paints = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

} // namespace

void TestUiModels::rowsRepaintWhenAPhotoOrStatusChanges()
{
    // A list drawn by a row delegate (results, conversations, the person pickers): a photo or a
    // status that comes after the rows were drawn is drawn without waiting for a scroll or a hover.
    QStringListModel people({u"ada"_qs, u"grace"_qs});
    ImageCache photos;
    QListView view;
    view.setModel(&people);
    auto *delegate = new RowDelegate(&photos, &view);
    // The statuses' source: here a timer whose timeout says "changed" (the app: ClientBackend).
    QTimer statusesChanged;
    statusesChanged.setSingleShot(true);
    delegate->setStatuses([](const QString &) { return Status {}; }, &statusesChanged, &QTimer::timeout);
    view.setItemDelegate(delegate);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    PaintCounter counter;
    view.viewport()->installEventFilter(&counter);
    const auto settle = [&] {
        view.viewport()->repaint();
        QVERIFY(counter.paints > 0);
        QCoreApplication::processEvents();
        counter.paints = 0;
        QCoreApplication::processEvents();
        QCOMPARE(counter.paints, 0); // nothing else is about to paint it
    };

    settle();
    if (QTest::currentTestFailed())
        return;
    QImage photo(8, 8, QImage::Format_RGB32);
    photo.fill(Qt::darkCyan);
    photos.setPhoto(u"grace"_qs, photo);
    QTRY_VERIFY(counter.paints > 0);

    settle();
    if (QTest::currentTestFailed())
        return;
    statusesChanged.start(0);
    QTRY_VERIFY(counter.paints > 0);
}

#include "tst_uimodels.moc"
