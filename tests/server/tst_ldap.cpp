// SPDX-License-Identifier: MIT
// ldap-sync and `serve --auth ldap` against a real slapd with 2,000 people (more than its size
// limit, so only paged searches read them all), on SQLite and PostgreSQL.

#include "server/directory/DirectoryMap.h"
#include "server/directory/DirectorySync.h"
#include "server/directory/LdapAuthenticator.h"
#include "server/directory/LdapConnection.h"
#include "tests/support/BackendEnvironments.h"
#include "tests/support/Client.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/Slapd.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabase.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Test;
using Server::Directory::DirectoryMap;
using Server::Directory::LdapAuthenticator;
using Server::Directory::LdapConnection;

namespace {

constexpr int People = 2000;
constexpr int SizeLimit = 500;

struct Env
{
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<Slapd> slapd;
    std::unique_ptr<ServerProcess> server;
    QString mapFile;
};

} // namespace

class TestLdap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void initTestCase_data();
    void init();
    void cleanupTestCase();

    // Without a directory
    void filterValuesAreEscaped();
    void generalizedTimes();
    void mapFiles();

    // In this order, on each backend's own slapd
    void dryRunChangesNothing();
    void refusesUnsafeOptions();
    void certificatesAreChecked();
    void syncReadsEveryPage();
    void resyncAfterLdapModify();
    void deletedPeopleAreDisabled();
    void incrementalSyncReadsWhatChanged();
    void failedRunChangesNothing();
    void signInByBind();
    void directoryDownAnswers503();
    void serveSyncsInTheBackground();

private:
    CliRun sync(const QStringList &extra = {});
    Env &env() { return m_envs.current(); }

    BackendEnvironments<Env> m_envs;
    GeneratedPeople m_people;
};

void TestLdap::initTestCase()
{
    if (!Slapd::isInstalled())
        QSKIP("slapd is not installed (Debian: apt install slapd ldap-utils)");
    // A directory that has been there a while: its entries last changed a day ago.
    m_people = peopleLdif(People, QDateTime::currentDateTimeUtc().addDays(-1));
}

void TestLdap::initTestCase_data()
{
    addBackendRows();
}

void TestLdap::init()
{
    if (QByteArray(QTest::currentTestFunction()) == "filterValuesAreEscaped"
        || QByteArray(QTest::currentTestFunction()) == "generalizedTimes"
        || QByteArray(QTest::currentTestFunction()) == "mapFiles")
        return;
    std::unique_ptr<Env> env = m_envs.enter();
    if (!env)
        return;
    env->slapd = std::make_unique<Slapd>(SizeLimit, true);
    QVERIFY2(env->slapd->start(m_people.ldif), qPrintable(env->slapd->errorString()));
    env->mapFile = env->slapd->path(QStringLiteral("test.map"));
    QFile map(env->mapFile);
    QVERIFY(map.open(QIODevice::WriteOnly));
    map.write(testDirectoryMap());
    map.close();
    // A local administrator, who must never be touched by a sync.
    QVERIFY(addUser(env->db->storage(), u"admin"_qs, u"admin-password"_qs, Server::Role::Admin));
    env->server = std::make_unique<ServerProcess>(*env->db);
    m_envs.ready(std::move(env));
}

void TestLdap::cleanupTestCase()
{
    for (auto &[backend, env] : m_envs.takeAll()) {
        if (env->server && env->server->isRunning())
            QCOMPARE(env->server->stop(), 0);
    }
}

CliRun TestLdap::sync(const QStringList &extra)
{
    return env().server->run(QStringList {u"ldap-sync"_qs} + env().slapd->connectionArguments()
                             + QStringList {u"--map"_qs, env().mapFile} + extra);
}

void TestLdap::filterValuesAreEscaped()
{
    QCOMPARE(LdapConnection::escapeFilterValue(u"ada"_qs), u"ada"_qs);
    QCOMPARE(LdapConnection::escapeFilterValue(u"*)(uid=*"_qs), u"\\2a\\29\\28uid=\\2a"_qs);
    QCOMPARE(LdapConnection::escapeFilterValue(u"a\\b"_qs), u"a\\5cb"_qs);
    QCOMPARE(LdapConnection::escapeFilterValue(QString(QChar(0)) + u"x"_qs), u"\\00x"_qs);
    QCOMPARE(LdapConnection::escapeFilterValue(u"zoë"_qs), u"zoë"_qs);
    QCOMPARE(LdapAuthenticator::userFilterFor(u"(sAMAccountName=%s)"_qs, u"x)(|(a=*"_qs),
             u"(sAMAccountName=x\\29\\28|\\28a=\\2a)"_qs);
    QVERIFY(!LdapAuthenticator::checkUserFilter(u"(uid=%s)"_qs).size());
    QVERIFY(LdapAuthenticator::checkUserFilter(u"(uid=ada)"_qs).contains(u"%s"_qs));
    QCOMPARE(LdapConnection::normalizeDn(u"CN=Ada Lovelace, OU=People,DC=Example"_qs),
             u"cn=ada lovelace,ou=people,dc=example"_qs);
}

void TestLdap::generalizedTimes()
{
    using Server::Directory::parseGeneralizedTime;
    const qint64 noon = QDateTime(QDate(2026, 12, 4), QTime(11, 22, 33), Qt::UTC).toSecsSinceEpoch();
    QCOMPARE(parseGeneralizedTime(u"20261204112233Z"), noon); // OpenLDAP
    QCOMPARE(parseGeneralizedTime(u"20261204112233.0Z"), noon); // Active Directory
    QCOMPARE(parseGeneralizedTime(u"20261204112233,123456Z"), noon);
    QCOMPARE(parseGeneralizedTime(u"20261204122233+0100"), noon);
    QCOMPARE(parseGeneralizedTime(u"20261204062233-05"), noon);
    QCOMPARE(parseGeneralizedTime(u"202612041122Z"), noon - 33);
    QCOMPARE(parseGeneralizedTime(u"2026120411Z"), noon - 22 * 60 - 33);
    for (const QString &bad :
         {u""_qs, u"20261204112233"_qs, u"2026120411223Z"_qs, u"20261304112233Z"_qs, u"20261204112260Z"_qs,
          u"20261204112233+2400"_qs, u"20261204112233+01:00"_qs, u"20261204112233ZZ"_qs, u"yesterday"_qs}) {
        QVERIFY2(parseGeneralizedTime(bad) < 0, qPrintable(bad));
    }
}

void TestLdap::mapFiles()
{
    const auto ad =
        DirectoryMap::fromFile(QStringLiteral(COLLEAGUES_SOURCE_DIR "/packaging/ldap/active-directory.map"));
    QVERIFY2(ad, qPrintable(ad ? QString() : ad.error().message));
    QCOMPARE(ad->attributesOf(u"username"_qs), QStringList {u"sAMAccountName"_qs});
    QCOMPARE(ad->attributesOf(u"location"_qs), (QStringList {u"physicalDeliveryOfficeName"_qs, u"l"_qs}));
    QCOMPARE(ad->disabledAttribute, u"userAccountControl"_qs);
    QCOMPARE(ad->disabledBit, qint64(2));
    QVERIFY(!ad->ownedFields().contains(u"bio"_qs));
    const auto skills = DirectoryMap::fromFile(QStringLiteral(COLLEAGUES_SOURCE_DIR "/packaging/ldap/skills.map"));
    QVERIFY2(skills, qPrintable(skills ? QString() : skills.error().message));
    QVERIFY(skills->ownedFields().contains(u"skills"_qs));
    QVERIFY(DirectoryMap::fromText(QString::fromUtf8(testDirectoryMap()), u"test.map"_qs));

    const auto unknown =
        DirectoryMap::fromText(u"[fields]\nusername = uid\ndisplay_name = cn\nshoe_size = x\n"_qs, u"my.map"_qs);
    QVERIFY(!unknown);
    QVERIFY2(unknown.error().message.startsWith(u"my.map:4: unknown field \u201cshoe_size\u201d"_qs),
             qPrintable(unknown.error().message));
    const auto noUsername = DirectoryMap::fromText(u"[fields]\ndisplay_name = cn\n"_qs, u"my.map"_qs);
    QVERIFY(!noUsername);
    QVERIFY(noUsername.error().message.contains(u"must map username"_qs));
    const auto badBit = DirectoryMap::fromText(u"[fields]\nusername = uid\ndisplay_name = cn\n[disabled]\n"
                                               u"attribute = userAccountControl\nbit = two\n"_qs,
                                               u"my.map"_qs);
    QVERIFY(!badBit);
    QVERIFY(badBit.error().message.startsWith(u"my.map:6:"_qs));
}

void TestLdap::dryRunChangesNothing()
{
    const qint64 before = env().db->storage().latestSequence();
    const CliRun run = sync({u"--dry-run"_qs});
    QVERIFY2(run.succeeded(), qPrintable(run.describe()));
    QVERIFY2(run.out.contains(
                 u"Dry run, nothing was changed. Read %1 entries: %2 created"_qs.arg(People + 1).arg(People - 1)),
             qPrintable(run.out));
    QVERIFY(run.out.contains(u"create p00000"_qs));
    QVERIFY2(run.out.contains(u"skipped: %1: skipped, it has no uid"_qs.arg(GeneratedPeople::incompleteDn())),
             qPrintable(run.out));
    QCOMPARE(env().db->storage().latestSequence(), before);
    QCOMPARE(env().db->storage().accountCount(), qint64(1)); // the administrator
    QCOMPARE(env().db->storage().profileCount(), qint64(1));
}

void TestLdap::refusesUnsafeOptions()
{
    // The bind password only from a file that only its owner may read.
    const QString loose = env().slapd->path(u"loose.password"_qs);
    QFile file(loose);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(Slapd::readerPassword().toUtf8());
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    QStringList arguments = env().slapd->connectionArguments();
    arguments[arguments.indexOf(u"--bind-password-file"_qs) + 1] = loose;
    CliRun run = env().server->run(QStringList {u"ldap-sync"_qs} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"may be read by others"_qs), qPrintable(run.err));
    QVERIFY(!run.err.contains(Slapd::readerPassword()));

    // StartTLS that fails (here: a certificate the system does not trust) is an error, never a
    // quiet fall-back to plain text.
    run = sync({u"--starttls"_qs});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"StartTLS"_qs) && run.err.contains(u"nothing was changed"_qs), qPrintable(run.err));

    run = sync({u"--url"_qs, u"http://example.com"_qs});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(u"ldap://"_qs));
    QCOMPARE(env().db->storage().accountCount(), qint64(1));
}

void TestLdap::certificatesAreChecked()
{
    const auto dryRun = [this](const QStringList &connection) {
        QStringList arguments = env().slapd->connectionArguments();
        arguments.removeAt(arguments.indexOf(u"--url"_qs) + 1);
        arguments.removeAt(arguments.indexOf(u"--url"_qs));
        return env().server->run(QStringList {u"ldap-sync"_qs, u"--dry-run"_qs, u"--map"_qs, env().mapFile} + arguments
                                 + connection);
    };
    const QString caFile = env().slapd->caFile();
    // LDAPS and StartTLS with the CA that signed the server's certificate.
    CliRun run = dryRun({u"--url"_qs, env().slapd->ldapsUrl(), u"--ca-file"_qs, caFile});
    QVERIFY2(run.succeeded(), qPrintable(run.describe()));
    QVERIFY2(run.out.contains(u"Dry run, nothing was changed. Read %1 entries"_qs.arg(People + 1)),
             qPrintable(run.out));
    run = dryRun({u"--url"_qs, env().slapd->url(), u"--starttls"_qs, u"--ca-file"_qs, caFile});
    QVERIFY2(run.succeeded(), qPrintable(run.describe()));
    // A certificate the system does not trust, or another CA's: refused, never read unchecked.
    run = dryRun({u"--url"_qs, env().slapd->ldapsUrl()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"nothing was changed"_qs) && run.err.contains(u"--ca-file"_qs), qPrintable(run.err));
    run = dryRun({u"--url"_qs, env().slapd->ldapsUrl(), u"--ca-file"_qs, env().slapd->otherCaFile()});
    QCOMPARE(run.exitCode, 1);
    run = dryRun({u"--url"_qs, env().slapd->url(), u"--starttls"_qs, u"--ca-file"_qs, env().slapd->otherCaFile()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"StartTLS"_qs), qPrintable(run.err));
    QCOMPARE(env().db->storage().accountCount(), qint64(1));
}

void TestLdap::syncReadsEveryPage()
{
    // The directory holds more people than one unpaged search may return.
    const CliRun unpaged = env().slapd->searchWithoutPaging({u"(objectClass=inetOrgPerson)"_qs, u"1.1"_qs});
    QCOMPARE(unpaged.exitCode, 4); // sizeLimitExceeded
    QCOMPARE(unpaged.out.count(u"\ndn:"_qs), qsizetype(SizeLimit));

    const CliRun run = sync();
    QVERIFY2(run.succeeded(), qPrintable(run.describe()));
    QVERIFY2(
        run.out.contains(
            u"Read %1 entries: %2 created, 0 updated, 0 disabled, 0 enabled, 0 unchanged, 1 skipped"_qs.arg(People + 1)
                .arg(People - 1)),
        qPrintable(run.out));
    Server::Storage &storage = env().db->storage();
    QCOMPARE(storage.profileCount(), qint64(People - 1 + 1)); // all but the disabled one, and the admin
    QCOMPARE(storage.accountCount(), qint64(People - 1 + 1));

    const auto ceo = storage.findProfile(GeneratedPeople::uid(0));
    QVERIFY(ceo && ceo->has_value());
    QCOMPARE((*ceo)->displayName, GeneratedPeople::displayName(0));
    QCOMPARE((*ceo)->title, u"Chief Executive"_qs);
    QCOMPARE((*ceo)->manager, QString());

    // Non-ASCII names, the fields of the map and the manager chain (DNs become usernames).
    const int someone = 1234;
    const auto profile = storage.findProfile(GeneratedPeople::uid(someone));
    QVERIFY(profile && profile->has_value());
    const Profile &p = **profile;
    QCOMPARE(p.displayName, GeneratedPeople::displayName(someone));
    QCOMPARE(p.email, GeneratedPeople::uid(someone) + u"@example.com"_qs);
    QCOMPARE(p.phone, u"+49 30 %1"_qs.arg(100000 + someone));
    QCOMPARE(p.manager, GeneratedPeople::uid(GeneratedPeople::managerOf(someone)));
    QCOMPARE(p.skills.size(), qsizetype(1));
    QCOMPARE(p.skills.first().level, 1 + someone % 5);
    QStringList expectedChain;
    for (int m = GeneratedPeople::managerOf(someone); m >= 0; m = GeneratedPeople::managerOf(m))
        expectedChain.append(GeneratedPeople::uid(m));
    QCOMPARE(storage.managementChain(GeneratedPeople::uid(someone)).value(), expectedChain);
    // The umlauts and CJK arrived as they are.
    const auto zoe = storage.findProfile(GeneratedPeople::uid(3));
    QVERIFY(zoe && zoe->has_value());
    QCOMPARE((*zoe)->displayName, u"Zoë Lovelace 3"_qs);
    const auto misaki = storage.findProfile(GeneratedPeople::uid(57));
    QVERIFY(misaki && misaki->has_value());
    QCOMPARE((*misaki)->displayName, u"美咲 渡辺 57"_qs);

    // Accounts without a password, marked as the directory's.
    const auto account = storage.findAccount(GeneratedPeople::uid(someone));
    QVERIFY(account && account->has_value());
    QCOMPARE((*account)->source, u"ldap"_qs);
    QVERIFY((*account)->passwordHash.isEmpty());
    // Disabled in the directory: no account, no profile.
    QVERIFY(!storage.findAccount(GeneratedPeople::uid(GeneratedPeople::Disabled)).value().has_value());

    // Again: nothing to do, and nothing to read whole — the entries' last change was long before
    // the first run began.
    const CliRun again = sync();
    QVERIFY2(again.out.contains(u"Read 0 entries changed since"_qs), qPrintable(again.out));
    QVERIFY2(again.out.contains(u"0 created, 0 updated, 0 disabled, 0 enabled, 0 unchanged, 0 skipped"_qs),
             qPrintable(again.out));
    const CliRun full = sync({u"--full"_qs});
    QVERIFY2(full.out.contains(u"0 created, 0 updated, 0 disabled, 0 enabled, %1 unchanged"_qs.arg(People - 1)),
             qPrintable(full.out));
}

void TestLdap::resyncAfterLdapModify()
{
    Server::Storage &storage = env().db->storage();
    // A member's own edits: bio and interests, which the map does not own.
    const QString member = GeneratedPeople::uid(20);
    Profile edited = storage.findProfile(member).value().value();
    edited.bio = u"I build things."_qs;
    edited.interests = {u"chess"_qs};
    QCOMPARE(storage.saveProfile(edited, edited.revision, false)->status, Server::SaveOutcome::Status::Saved);

    const QString renamedDn = GeneratedPeople::dn(10);
    const QString newDn = u"cn=Renée Renamed,ou=people,dc=example,dc=com"_qs;
    QByteArray changes = Slapd::ldifLine("dn", GeneratedPeople::dn(20))
        + "changetype: modify\nreplace: title\ntitle: Staff Engineer\n\n";
    changes += Slapd::ldifLine("dn", renamedDn) + "changetype: modrdn\n"
        + Slapd::ldifLine("newrdn", u"cn=Renée Renamed"_qs) + "deleteoldrdn: 1\n\n";
    changes += Slapd::ldifLine("dn", newDn) + "changetype: modify\nreplace: displayName\n"
        + Slapd::ldifLine("displayName", u"Renée Renamed"_qs) + "\n";
    // Her reports follow her new DN, as a directory with referential integrity does.
    for (int report = 51; report <= 55; ++report) {
        changes += Slapd::ldifLine("dn", GeneratedPeople::dn(report)) + "changetype: modify\nreplace: manager\n"
            + Slapd::ldifLine("manager", newDn) + "\n";
    }
    changes += Slapd::ldifLine("dn", GeneratedPeople::dn(30))
        + "changetype: modify\nadd: employeeType\nemployeeType: disabled\n\n";
    changes += Slapd::ldifLine("dn", GeneratedPeople::dn(GeneratedPeople::Disabled))
        + "changetype: modify\ndelete: employeeType\n\n";
    changes += Slapd::ldifLine("dn", GeneratedPeople::dn(40)) + "changetype: modify\nreplace: manager\n"
        + Slapd::ldifLine("manager", GeneratedPeople::dn(0)) + "\n";
    const CliRun modified = env().slapd->modify(changes);
    QVERIFY2(modified.succeeded(), qPrintable(modified.describe()));

    const CliRun dry = sync({u"--dry-run"_qs});
    QVERIFY2(dry.out.contains(u"1 created, 3 updated, 1 disabled"_qs), qPrintable(dry.out));
    const CliRun run = sync();
    QVERIFY2(run.succeeded(), qPrintable(run.describe()));
    QVERIFY2(run.out.contains(u"1 created, 3 updated, 1 disabled, 0 enabled"_qs), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"update %1 (title)"_qs.arg(member)), qPrintable(run.out));

    const Profile after = storage.findProfile(member).value().value();
    QCOMPARE(after.title, u"Staff Engineer"_qs);
    QCOMPARE(after.bio, u"I build things."_qs);
    QCOMPARE(after.interests, QStringList {u"chess"_qs});
    QCOMPARE(storage.findProfile(GeneratedPeople::uid(10)).value()->displayName, u"Renée Renamed"_qs);
    QCOMPARE(storage.findProfile(GeneratedPeople::uid(40)).value()->manager, GeneratedPeople::uid(0));
    // Enabled in the directory: here now.
    QVERIFY(storage.findProfile(GeneratedPeople::uid(GeneratedPeople::Disabled)).value().has_value());
    // Disabled there: disabled here, profile removed.
    QVERIFY(!storage.findProfile(GeneratedPeople::uid(30)).value().has_value());
    QVERIFY(storage.findAccount(GeneratedPeople::uid(30)).value()->disabled);

    const CliRun again = sync();
    QVERIFY2(again.out.contains(u"0 created, 0 updated, 0 disabled, 0 enabled"_qs), qPrintable(again.out));
}

void TestLdap::deletedPeopleAreDisabled()
{
    Server::Storage &storage = env().db->storage();
    // Someone nobody reports to (OpenLDAP keeps no references up to date by itself).
    constexpr int leaf = 1500;
    const QString gone = GeneratedPeople::uid(leaf);
    const CliRun deleted =
        env().slapd->modify(Slapd::ldifLine("dn", GeneratedPeople::dn(leaf)) + "changetype: delete\n\n");
    QVERIFY2(deleted.succeeded(), qPrintable(deleted.describe()));
    const CliRun run = sync();
    QVERIFY2(run.out.contains(u"0 created, 0 updated, 1 disabled"_qs), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"disable %1"_qs.arg(gone)), qPrintable(run.out));
    QVERIFY(!storage.findProfile(gone).value().has_value());
    QVERIFY(storage.findAccount(gone).value()->disabled);
    // The local administrator is nobody the directory knows, and stays.
    const auto admin = storage.findAccount(u"admin"_qs).value();
    QVERIFY(admin && !admin->disabled && admin->source.isEmpty());
    QVERIFY(storage.findProfile(u"admin"_qs).value().has_value());
}

void TestLdap::incrementalSyncReadsWhatChanged()
{
    // The syncs before this one left a watermark: this run reads whole only what changed since
    // (modifyTimestamp has whole seconds, so changes of the previous run's last second come too).
    Server::Storage &storage = env().db->storage();
    const CliRun before = sync();
    QVERIFY2(before.succeeded(), qPrintable(before.describe()));
    QVERIFY2(before.out.contains(u"entries changed since"_qs), qPrintable(before.out));

    // A new person whose manager did not change: the manager's DN comes from the names-only read.
    const QString newcomer = u"nina.newcomer"_qs;
    QByteArray changes = Slapd::ldifLine("dn", u"cn=Nina Newcomer,ou=people,dc=example,dc=com"_qs)
        + "changetype: add\nobjectClass: inetOrgPerson\ncn: Nina Newcomer\nsn: Newcomer\n"
        + Slapd::ldifLine("uid", newcomer) + Slapd::ldifLine("displayName", u"Nina Newcomer"_qs)
        + Slapd::ldifLine("manager", GeneratedPeople::dn(7)) + "\n";
    changes +=
        Slapd::ldifLine("dn", GeneratedPeople::dn(70)) + "changetype: modify\nreplace: title\ntitle: Cartographer\n\n";
    // Someone who leaves: no changed entry tells, only the names-only read.
    changes += Slapd::ldifLine("dn", GeneratedPeople::dn(1600)) + "changetype: delete\n\n";
    const CliRun modified = env().slapd->modify(changes);
    QVERIFY2(modified.succeeded(), qPrintable(modified.describe()));

    const CliRun run = sync();
    QVERIFY2(run.succeeded(), qPrintable(run.describe()));
    const QRegularExpression line(u"Read (\\d+) entries changed since (\\S+) \\(and the others' names\\): "
                                  "1 created, 1 updated, 1 disabled, 0 enabled"_qs);
    const QRegularExpressionMatch match = line.match(run.out);
    QVERIFY2(match.hasMatch(), qPrintable(run.out));
    // Far fewer than the directory: only the changes (and the previous run's last second).
    QVERIFY2(match.captured(1).toInt() < People / 4, qPrintable(run.out));
    // The generated entries and the one without a username, less two who left, plus Nina.
    const int entries = People + 1 - 2 + 1;
    QVERIFY2(run.out.contains(u"%1 entries in the directory."_qs.arg(entries)), qPrintable(run.out));

    QCOMPARE(storage.findProfile(newcomer).value().value().manager, GeneratedPeople::uid(7));
    QCOMPARE(storage.findProfile(GeneratedPeople::uid(70)).value().value().title, u"Cartographer"_qs);
    QVERIFY(!storage.findProfile(GeneratedPeople::uid(1600)).value().has_value());
    QVERIFY(storage.findAccount(GeneratedPeople::uid(1600)).value()->disabled);
    QVERIFY(storage.findProfile(GeneratedPeople::uid(1234)).value().has_value()); // untouched, still here

    // A dry run moves no watermark; --full reads everything and finds nothing to do.
    const CliRun dry = sync({u"--dry-run"_qs});
    QVERIFY2(dry.out.contains(u"0 created, 0 updated, 0 disabled, 0 enabled"_qs), qPrintable(dry.out));
    const CliRun full = sync({u"--full"_qs});
    QVERIFY2(full.out.contains(u"Read %1 entries: 0 created, 0 updated, 0 disabled, 0 enabled"_qs.arg(entries)),
             qPrintable(full.out));
    QVERIFY(!full.out.contains(u"changed since"_qs));

    // The same directory read with the same fields is the same source, whatever the map file
    // looks like; another filter is another source, whose first run is complete.
    QFile otherMap(env().slapd->path(u"other.map"_qs));
    QVERIFY(otherMap.open(QIODevice::WriteOnly));
    otherMap.write(testDirectoryMap() + "\n# the same fields, written again\n");
    otherMap.close();
    const CliRun sameFields = env().server->run(QStringList {u"ldap-sync"_qs} + env().slapd->connectionArguments()
                                                + QStringList {u"--map"_qs, otherMap.fileName()});
    QVERIFY2(sameFields.out.contains(u"changed since"_qs), qPrintable(sameFields.out)); // the same map, in effect
    const CliRun narrower = sync({u"--filter"_qs, u"(&(objectClass=inetOrgPerson)(uid=*))"_qs, u"--dry-run"_qs});
    QVERIFY2(narrower.succeeded(), qPrintable(narrower.describe()));
    QVERIFY2(!narrower.out.contains(u"changed since"_qs), qPrintable(narrower.out));
}

void TestLdap::failedRunChangesNothing()
{
    Server::Storage &storage = env().db->storage();
    const qint64 before = storage.latestSequence();
    // A filter that finds nobody would disable everyone: refused.
    CliRun run = sync({u"--filter"_qs, u"(uid=nobody-at-all)"_qs});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"found nobody"_qs) && run.err.contains(u"nothing was changed"_qs), qPrintable(run.err));
    // A base that does not exist.
    run = env().server->run({u"ldap-sync"_qs, u"--url"_qs, env().slapd->url(), u"--base"_qs,
                             u"ou=nowhere,dc=example,dc=com"_qs, u"--map"_qs, env().mapFile});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"ou=nowhere"_qs), qPrintable(run.err));
    QCOMPARE(storage.latestSequence(), before);
    QCOMPARE(storage.findAccount(GeneratedPeople::uid(1)).value()->disabled, false);
}

void TestLdap::signInByBind()
{
    ServerProcess &server = *env().server;
    QVERIFY2(server.start(0, QStringList {u"--auth"_qs, u"ldap"_qs} + env().slapd->connectionArguments()),
             qPrintable(server.errorString()));
    Client c(server.url());
    const QString uid = GeneratedPeople::uid(5);
    const Response ok = c.signIn(uid, GeneratedPeople::password(5));
    QCOMPARE(ok.status, 200);
    QVERIFY(!ok.json().value(u"token"_qs).toString().isEmpty());
    // Nothing of the password is stored.
    QVERIFY(env().db->storage().findAccount(uid).value()->passwordHash.isEmpty());
    // An empty password would be an anonymous bind: never a sign-in.
    QCOMPARE(c.signIn(uid, QString()).status, 422);
    // The local administrator signs in here, with the local password.
    QCOMPARE(c.signIn(u"admin"_qs, u"admin-password"_qs).status, 200);
    // Disabled in the directory (and so here): the right password does not help.
    QCOMPARE(c.signIn(GeneratedPeople::uid(30), GeneratedPeople::password(30)).status, 401);

    // Wrong passwords are 401 and throttled like local ones.
    const QString victim = GeneratedPeople::uid(6);
    QVERIFY(env().db->storage().clearFailedSignIns(u"addr:127.0.0.1"_qs));
    for (int i = 0; i < 10; ++i) {
        const Response wrong = c.signIn(victim, u"wrong %1"_qs.arg(i));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.errorCode(), u"invalid_credentials"_qs);
    }
    QVERIFY(env().db->storage().clearFailedSignIns(u"addr:127.0.0.1"_qs));
    const Response throttled = c.signIn(victim, GeneratedPeople::password(6));
    QCOMPARE(throttled.status, 429);
    QVERIFY(env().db->storage().clearFailedSignIns(u"user:"_qs + victim));
    QCOMPARE(c.signIn(victim, GeneratedPeople::password(6)).status, 200);
}

void TestLdap::directoryDownAnswers503()
{
    ServerProcess &server = *env().server;
    QVERIFY(server.isRunning());
    env().slapd->stop();
    Client c(server.url());
    const Response down = c.signIn(GeneratedPeople::uid(8), GeneratedPeople::password(8));
    QCOMPARE(down.status, 503);
    QCOMPARE(down.errorCode(), u"directory_unavailable"_qs);
    QVERIFY(!down.header("Retry-After").isEmpty());
    // Not counted as a failure: the directory's outage is nobody's wrong password.
    QCOMPARE(env().db->storage().failedSignInsSince(u"user:"_qs + GeneratedPeople::uid(8),
                                                    QDateTime::currentDateTimeUtc().addSecs(-3600)),
             0);
    // Local accounts do not need the directory.
    QCOMPARE(c.signIn(u"admin"_qs, u"admin-password"_qs).status, 200);
    // ldap-sync says why and changes nothing.
    const CliRun run = sync();
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"Can't contact LDAP server"_qs), qPrintable(run.err));

    QVERIFY2(env().slapd->restart(), qPrintable(env().slapd->errorString()));
    QCOMPARE(c.signIn(GeneratedPeople::uid(8), GeneratedPeople::password(8)).status, 200);
    QCOMPARE(server.stop(), 0);
}

void TestLdap::serveSyncsInTheBackground()
{
    const QString member = GeneratedPeople::uid(60);
    const CliRun modified =
        env().slapd->modify(Slapd::ldifLine("dn", GeneratedPeople::dn(60))
                            + "changetype: modify\nreplace: title\ntitle: Head of Synchronization\n\n");
    QVERIFY2(modified.succeeded(), qPrintable(modified.describe()));
    ServerProcess &server = *env().server;
    QVERIFY2(server.start(0,
                          QStringList {u"--ldap-sync-interval"_qs, u"60"_qs, u"--map"_qs, env().mapFile}
                              + env().slapd->connectionArguments()),
             qPrintable(server.errorString()));
    // The first run starts with the server, off the HTTP threads, which answer meanwhile.
    Client c(server.url());
    QCOMPARE(c.signIn(u"admin"_qs, u"admin-password"_qs).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(env().db->storage().findProfile(member).value().value().title,
                              u"Head of Synchronization"_qs, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(server.log().contains("ldap-sync: Read"), 30000);
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestLdap)
#include "tst_ldap.moc"
