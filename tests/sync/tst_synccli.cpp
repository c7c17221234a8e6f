// SPDX-License-Identifier: MIT
// colleagues login / sync / send / ask / messages, run as a user would: the real executables.

#include "client/ClientStore.h"
#include "tests/support/Binaries.h"
#include "tests/support/CliRun.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/SharedServerTest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Colleagues;
using namespace Colleagues::Test;

namespace {
constexpr int People = 10000;

using Run = CliRun;

Run colleagues(const QStringList &arguments, const QByteArray &input = {})
{
    return runCli(clientBinary(), arguments, input);
}
} // namespace

class TestSyncCli : public SharedServerTest
{
    Q_OBJECT

public:
    TestSyncCli()
        : SharedServerTest(People)
    { }

private Q_SLOTS:
    void loginSyncSendAndRead();
    void wrongPassword();
    void passwdAfterAnAdministratorsPassword();
    void loginThroughTheKeychain();
    void killedFirstSyncResumes();
    void statusSetAndShown();
    void sendWhileTheServerIsDown();
    void askTheExperts();

private:
    QStringList dataDir(const QString &name) { return {u"--data-dir"_qs, m_dir.filePath(name)}; }
    Run login(const QString &user, const QString &dir, bool tokenFile = true);
};

void TestSyncCli::statusSetAndShown()
{
    Run r = login(u"zoe"_qs, u"zoe"_qs);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    // Do not disturb for two hours, with a status line.
    r = colleagues(
        QStringList {u"status"_qs, u"--set"_qs, u"dnd"_qs, u"--text"_qs, u"Heads down"_qs, u"--until"_qs, u"2h"_qs}
        + dataDir(u"zoe"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains(u"zoe: "_qs) && r.out.contains(u"do not disturb until "_qs), qPrintable(r.out));
    QVERIFY(r.out.contains(u"\"Heads down\""_qs));
    r = colleagues(QStringList {u"status"_qs, u"--json"_qs} + dataDir(u"zoe"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(json.value(u"availability"_qs).toString(), u"dnd"_qs);
    QCOMPARE(json.value(u"text"_qs).toString(), u"Heads down"_qs);
    const QDateTime until = QDateTime::fromString(json.value(u"until"_qs).toString(), Qt::ISODateWithMs);
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(until) - 7200) < 120);

    // The server refuses a stand-in who is not a member: said in a sentence, exit code 1.
    const QString to = QDate::currentDate().addDays(3).toString(Qt::ISODate);
    // From yesterday: the window is in effect now in every time zone (the server applies it in
    // the person's own zone, which may still be at yesterday's date).
    const QString from = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
    r = colleagues(QStringList {u"status"_qs, u"--set"_qs, u"out-of-office"_qs, u"--from"_qs, from, u"--to"_qs, to,
                                u"--note"_qs, u"Back on Monday."_qs, u"--stand-in"_qs, u"nobody-here"_qs}
                   + dataDir(u"zoe"_qs));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"stand-in must be another active member"_qs), qPrintable(r.describe()));
    r = colleagues(QStringList {u"status"_qs, u"--set"_qs, u"out-of-office"_qs, u"--from"_qs, from, u"--to"_qs, to,
                                u"--note"_qs, u"Back on Monday."_qs, u"--stand-in"_qs, u"ada"_qs}
                   + dataDir(u"zoe"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains(u"out of office"_qs), qPrintable(r.out));

    // Someone else sees it after a sync, with the window, the stand-in and the note.
    r = login(u"misaki"_qs, u"misaki-status"_qs);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = colleagues(QStringList {u"sync"_qs, u"--once"_qs} + dataDir(u"misaki-status"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = colleagues(QStringList {u"status"_qs, u"zoe"_qs} + dataDir(u"misaki-status"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.startsWith(u"zoe: "_qs), qPrintable(r.out));
    QVERIFY2(r.out.contains(u", out of office"_qs), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"to %1 (stand-in: ada): Back on Monday."_qs.arg(to)), qPrintable(r.out));
    r = colleagues(QStringList {u"status"_qs, u"zoe"_qs, u"--json"_qs} + dataDir(u"misaki-status"_qs));
    json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(json.value(u"out_of_office"_qs).toObject().value(u"stand_in"_qs).toString(), u"ada"_qs);
    // Someone without a status has the default one.
    r = colleagues(QStringList {u"status"_qs, u"grace"_qs, u"--json"_qs} + dataDir(u"misaki-status"_qs));
    json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(json.value(u"availability"_qs).toString(), u"available"_qs);

    // --clear: available, nothing else.
    r = colleagues(QStringList {u"status"_qs, u"--clear"_qs, u"--json"_qs} + dataDir(u"zoe"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(json.value(u"availability"_qs).toString(), u"available"_qs);
    QVERIFY(json.value(u"out_of_office"_qs).isNull());
    QCOMPARE(json.value(u"text"_qs).toString(), QString());

    // Wrong usage: exit code 2, nothing sent.
    for (const QStringList &wrong :
         {QStringList {u"--set"_qs, u"sleepy"_qs}, QStringList {u"--text"_qs, u"x"_qs},
          QStringList {u"--set"_qs, u"dnd"_qs, u"--until"_qs, u"soon"_qs},
          QStringList {u"--set"_qs, u"out-of-office"_qs}, QStringList {u"--clear"_qs, u"grace"_qs}}) {
        r = colleagues(QStringList {u"status"_qs} + wrong + dataDir(u"zoe"_qs));
        QVERIFY2(r.exitCode == 2, qPrintable(wrong.join(u' ') + u": "_qs + r.describe()));
    }
}

void TestSyncCli::askTheExperts()
{
    Run r = login(u"ada"_qs, u"ada-ask"_qs);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(colleagues(QStringList {u"sync"_qs, u"--once"_qs} + dataDir(u"ada-ask"_qs)).exitCode == 0, "sync");
    const QString query = u"skill:python"_qs;
    r = colleagues(QStringList {u"search"_qs, query, u"--json"_qs, u"--limit"_qs, u"10"_qs} + dataDir(u"ada-ask"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QStringList ranked;
    QStringList names;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"results"_qs).toArray()) {
        const QJsonObject result = v.toObject();
        if (result.value(u"username"_qs).toString() == u"ada"_qs)
            continue;
        ranked.append(result.value(u"username"_qs).toString());
        names.append(result.value(u"display_name"_qs).toString());
    }
    QVERIFY2(ranked.size() >= 4, qPrintable(r.out));

    // The second best is out of office from today: left out, and named.
    const QString away = ranked[1];
    const QString to = QDate::currentDate().addDays(5).toString(Qt::ISODate);
    // From yesterday: the window is in effect now in every time zone (the server applies it in
    // the person's own zone, which may still be at yesterday's date).
    const QString from = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
    // Only the demo's own accounts have a known password: give these people one.
    for (const QString &person : {away, ranked[0]})
        QVERIFY2(m_server->setPassword(person, ServerProcess::demoPassword(person)),
                 qPrintable(m_server->errorString()));
    r = login(away, away + u"-ask"_qs);
    QVERIFY2(r.exitCode == 0, qPrintable(away + u": "_qs + r.describe()));
    r = colleagues(QStringList {u"status"_qs, u"--set"_qs, u"out-of-office"_qs, u"--from"_qs, from, u"--to"_qs, to}
                   + dataDir(away + u"-ask"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(colleagues(QStringList {u"sync"_qs, u"--once"_qs} + dataDir(u"ada-ask"_qs)).exitCode == 0, "sync");

    const QString question = u"Who can review my pandas code? It is slow on 2 GB of CSV."_qs;
    // Options go before "--": everything after it is the question.
    r = colleagues(QStringList {u"ask"_qs, u"--top"_qs, u"3"_qs, query} + dataDir(u"ada-ask"_qs)
                   + QStringList {u"--"_qs, question, u"--data-dir"_qs});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.startsWith(u"asking 3 people"_qs), qPrintable(r.out));
    r = colleagues(QStringList {u"ask"_qs, u"--top"_qs, u"3"_qs, query} + dataDir(u"ada-ask"_qs)
                   + QStringList {u"--"_qs, question});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString asked = u"asking 3 people: %1 (%2), %3 (%4), %5 (%6)\n"_qs.arg(names[0], ranked[0], names[2],
                                                                                 ranked[2], names[3], ranked[3]);
    QVERIFY2(r.out.contains(asked), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"left out, out of office: %1 (%2) until %3\n"_qs.arg(names[1], away, to)),
             qPrintable(r.out));
    static const QRegularExpression sent(u"sent: question ([0-9a-f-]{36})\n"_qs);
    const QRegularExpressionMatch match = sent.match(r.out);
    QVERIFY2(match.hasMatch(), qPrintable(r.out));
    const QString id = match.captured(1);

    // One of those asked finds the question with the next sync; the one away does not get it.
    for (const QString &expert : {ranked[0], away}) {
        const QString dir = expert + (expert == away ? u"-ask"_qs : u"-expert"_qs);
        if (expert != away)
            QVERIFY2(login(expert, dir).exitCode == 0, "login");
        QVERIFY2(colleagues(QStringList {u"sync"_qs, u"--once"_qs} + dataDir(dir)).exitCode == 0, "sync");
        r = colleagues(QStringList {u"messages"_qs} + dataDir(dir));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.out.contains(u"ada in %1: %2"_qs.arg(id, question)), expert != away);
    }

    // Wrong usage: exit code 2, nothing asked.
    for (const QStringList &wrong :
         {QStringList {query, question}, QStringList {u"--"_qs, question},
          QStringList {u"--top"_qs, u"0"_qs, query, u"--"_qs, question},
          QStringList {u"--top"_qs, u"50"_qs, query, u"--"_qs, question}, QStringList {query, u"--"_qs}}) {
        r = colleagues(dataDir(u"ada-ask"_qs) + QStringList {u"ask"_qs} + wrong);
        QVERIFY2(r.exitCode == 2, qPrintable(wrong.join(u' ') + u": "_qs + r.describe()));
    }
    // No one to ask: exit code 1.
    r = colleagues(dataDir(u"ada-ask"_qs) + QStringList {u"ask"_qs, u"skill:zzqqxx"_qs, u"--"_qs, question});
    QVERIFY2(r.exitCode == 1 && r.err.contains(u"no one to ask"_qs), qPrintable(r.describe()));
}

Run TestSyncCli::login(const QString &user, const QString &dir, bool tokenFile)
{
    QStringList args {u"login"_qs, u"--server"_qs, m_server->url().toString(), u"--user"_qs, user};
    if (tokenFile)
        args << u"--token-file"_qs << m_dir.filePath(dir + u"-token"_qs);
    return colleagues(args + dataDir(dir), ServerProcess::demoPassword(user).toUtf8() + '\n');
}

void TestSyncCli::loginSyncSendAndRead()
{
    Run r = login(u"ada"_qs, u"ada"_qs);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(r.out.contains(u"Signed in as ada"_qs));
    QVERIFY(r.out.contains(u"token file"_qs));
    const QString tokenFile = m_dir.filePath(u"ada-token"_qs);
    QVERIFY(QFile::exists(tokenFile));
    QCOMPARE(QFile::permissions(tokenFile)
                 & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    // The password is stored nowhere.
    for (const QString &file : {tokenFile, m_dir.filePath(u"ada/colleagues.db"_qs)}) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            QVERIFY(!f.readAll().contains(ServerProcess::demoPassword(u"ada"_qs).toUtf8()));
    }

    r = colleagues(QStringList {u"sync"_qs, u"--once"_qs} + dataDir(u"ada"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains(u"up to date: %1 profiles"_qs.arg(People)), qPrintable(r.out));
    QVERIFY(r.out.contains(u"synced 1000 of %1 profiles"_qs.arg(People)));
    QVERIFY(r.out.contains(u"synced %1 of %1 profiles"_qs.arg(People)));

    QVERIFY(login(u"grace"_qs, u"grace"_qs).exitCode == 0);
    r = colleagues(QStringList {u"send"_qs, u"--to"_qs, u"grace"_qs, u"Hello from the command line"_qs}
                   + dataDir(u"ada"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(r.out.contains(u"sent to grace"_qs));

    r = colleagues(QStringList {u"sync"_qs, u"--once"_qs} + dataDir(u"grace"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(r.out.contains(u"Hello from the command line"_qs));

    r = colleagues(QStringList {u"messages"_qs, u"--with"_qs, u"ada"_qs, u"--json"_qs} + dataDir(u"grace"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonArray messages = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"messages"_qs).toArray();
    QCOMPARE(messages.size(), 1);
    const QJsonObject m = messages.first().toObject();
    QCOMPARE(m.value(u"from"_qs).toString(), u"ada"_qs);
    QCOMPARE(m.value(u"to"_qs).toString(), u"grace"_qs);
    QCOMPARE(m.value(u"body"_qs).toString(), u"Hello from the command line"_qs);
    QCOMPARE(m.value(u"state"_qs).toString(), u"sent"_qs);
    QVERIFY(m.value(u"id"_qs).toInteger() > 0);

    r = colleagues(QStringList {u"messages"_qs} + dataDir(u"ada"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(r.out.contains(u"ada -> grace: Hello from the command line"_qs));
}

void TestSyncCli::wrongPassword()
{
    const Run r = colleagues(QStringList {u"login"_qs, u"--server"_qs, m_server->url().toString(), u"--user"_qs,
                                          u"zoe"_qs, u"--token-file"_qs, m_dir.filePath(u"zoe-token"_qs)}
                                 + dataDir(u"zoe"_qs),
                             "not-the-password\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"username or password is wrong"_qs), qPrintable(r.err));
    QVERIFY(!QFile::exists(m_dir.filePath(u"zoe-token"_qs)));
    const Run unreachable =
        colleagues(QStringList {u"login"_qs, u"--server"_qs, u"http://127.0.0.1:1"_qs, u"--user"_qs, u"zoe"_qs}
                       + dataDir(u"zoe"_qs),
                   "x\n");
    QCOMPARE(unreachable.exitCode, 1);
    QVERIFY2(unreachable.err.contains(u"not reachable"_qs), qPrintable(unreachable.err));
}

void TestSyncCli::passwdAfterAnAdministratorsPassword()
{
    QVERIFY2(m_server->command({u"user"_qs, u"add"_qs, u"ivan"_qs}, "initial password\n"),
             qPrintable(m_server->errorString()));
    const QStringList signIn {u"login"_qs, u"--server"_qs,     m_server->url().toString(),      u"--user"_qs,
                              u"ivan"_qs,  u"--token-file"_qs, m_dir.filePath(u"ivan-token"_qs)};
    Run r = colleagues(signIn + dataDir(u"ivan"_qs), "initial password\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    // Not a terminal: it says so and how to change it.
    QVERIFY2(r.err.contains(u"set by an administrator"_qs), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"colleagues passwd"_qs), qPrintable(r.err));

    // Current password, then the new one, one line each.
    r = colleagues(QStringList {u"passwd"_qs} + dataDir(u"ivan"_qs), "wrong password\nivan's own password\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"current password is wrong"_qs), qPrintable(r.err));
    r = colleagues(QStringList {u"passwd"_qs} + dataDir(u"ivan"_qs), "initial password\nshort\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"at least 8 characters"_qs), qPrintable(r.err));
    r = colleagues(QStringList {u"passwd"_qs} + dataDir(u"ivan"_qs), "initial password\nivan's own password\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains(u"Changed your password"_qs), qPrintable(r.out));

    QCOMPARE(colleagues(signIn + dataDir(u"ivan"_qs), "initial password\n").exitCode, 1);
    r = colleagues(signIn + dataDir(u"ivan"_qs), "ivan's own password\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(!r.err.contains(u"administrator"_qs), qPrintable(r.err));
}

void TestSyncCli::loginThroughTheKeychain()
{
    if (qEnvironmentVariable("COLLEAGUES_IN_KEYRING") != QLatin1String("1")) {
        if (qEnvironmentVariable("CI") == QLatin1String("true"))
            QFAIL("CI runs the tests inside scripts/with-keyring.sh; no Secret Service here");
        QSKIP("needs a Secret Service: run inside scripts/with-keyring.sh");
    }
    Run r = login(u"misaki"_qs, u"misaki"_qs, false);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains(u"system keychain"_qs), qPrintable(r.out));
    // A later command finds the token in the keychain.
    r = colleagues(QStringList {u"sync"_qs, u"--once"_qs} + dataDir(u"misaki"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = colleagues(QStringList {u"logout"_qs} + dataDir(u"misaki"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = colleagues(QStringList {u"sync"_qs, u"--once"_qs} + dataDir(u"misaki"_qs));
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(u"not signed in"_qs));
}

void TestSyncCli::killedFirstSyncResumes()
{
    QVERIFY(login(u"zoe"_qs, u"zoe-resume"_qs).exitCode == 0);
    QProcess p;
    p.start(clientBinary(),
            QStringList {u"sync"_qs, u"--once"_qs, u"--page-size"_qs, u"100"_qs} + dataDir(u"zoe-resume"_qs));
    QVERIFY(p.waitForStarted());
    QString seen;
    static const QRegularExpression progress(u"synced (\\d+) of"_qs);
    qint64 before = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            seen += QString::fromUtf8(p.readAllStandardOutput());
            auto it = progress.globalMatch(seen);
            while (it.hasNext())
                before = it.next().captured(1).toLongLong();
            return before >= 2000;
        }(),
        120000);
    p.kill(); // as a crash or a power cut would
    QVERIFY(p.waitForFinished());
    QVERIFY2(before < People, "the first sync finished before it could be interrupted");

    {
        ClientStore store;
        QVERIFY(store.open(m_dir.filePath(u"zoe-resume"_qs)));
        const qint64 stored = store.profileCount();
        QVERIFY2(stored >= before && stored < People, qPrintable(QString::number(stored)));
    }
    const Run r =
        colleagues(QStringList {u"sync"_qs, u"--once"_qs, u"--page-size"_qs, u"100"_qs} + dataDir(u"zoe-resume"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    static const QRegularExpression resumed(u"resuming the first sync after (\\d+) profiles"_qs);
    const QRegularExpressionMatch m = resumed.match(r.out);
    QVERIFY2(m.hasMatch(), qPrintable(r.out));
    QVERIFY(m.captured(1).toLongLong() >= before);
    // It went on from there: far fewer pages than a sync from scratch.
    QVERIFY(r.out.count(u"synced "_qs) <= (People - m.captured(1).toLongLong()) / 100 + 2);
    QVERIFY2(r.out.contains(u"up to date: %1 profiles"_qs.arg(People)), qPrintable(r.out));
}

void TestSyncCli::sendWhileTheServerIsDown()
{
    QVERIFY(login(u"grace"_qs, u"grace-offline"_qs).exitCode == 0);
    QVERIFY(login(u"ada"_qs, u"ada-offline"_qs).exitCode == 0);
    const quint16 port = m_server->port();
    m_server->stop();
    Run r = colleagues(QStringList {u"send"_qs, u"--to"_qs, u"ada"_qs, u"Queued while offline"_qs}
                       + dataDir(u"grace-offline"_qs));
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(u"queued"_qs), qPrintable(r.err));
    r = colleagues(QStringList {u"messages"_qs, u"--json"_qs} + dataDir(u"grace-offline"_qs));
    QVERIFY(r.out.contains(u"\"pending\""_qs));

    QVERIFY2(m_server->start(port), qPrintable(m_server->errorString()));
    r = colleagues(QStringList {u"sync"_qs, u"--once"_qs} + dataDir(u"grace-offline"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = colleagues(QStringList {u"sync"_qs, u"--once"_qs} + dataDir(u"grace-offline"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = colleagues(QStringList {u"sync"_qs, u"--once"_qs} + dataDir(u"ada-offline"_qs));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.out.count(u"Queued while offline"_qs), 1);
    r = colleagues(QStringList {u"messages"_qs, u"--with"_qs, u"grace"_qs} + dataDir(u"ada-offline"_qs));
    QCOMPARE(r.out.count(u"Queued while offline"_qs), 1);
}

QTEST_GUILESS_MAIN(TestSyncCli)
#include "tst_synccli.moc"
