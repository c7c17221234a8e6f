// SPDX-License-Identifier: MIT
#include "core/Vocabulary.h"
#include "server/accounts/PasswordHasher.h"
#include "server/storage/Storage.h"
#include "tests/support/Binaries.h"
#include "tests/support/CliRun.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Colleagues;
using namespace Colleagues::Server;

namespace {

using Run = Colleagues::Test::CliRun;

const QByteArray GoodAndBadCsv = "username,display_name,email,title,manager,skills,interests\n"
                                 "ada,Ada Lovelace,ada@example.com,Engineer,,C++:5;Maths,Poetry\n"
                                 "bob,Bob,not-an-email,Tester,ada,,\n"
                                 "cy,Cy Young,cy@example.com,Pitcher,ada,Baseball:7,\n"
                                 "dee,Dee,dee@example.com,Designer,ghost,,\n"
                                 "Bad Name,Someone,,,,,\n"
                                 "eve,\"Eve, the \"\"Eavesdropper\"\"\",eve@example.com,Analyst,ada,,\n";

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_data = m_dir->filePath(QStringLiteral("data"));
    }

    void help_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("opensStorage"); // a command's own help, which lists the storage options
        QTest::addRow("top") << QStringList {u"--help"_qs} << u"Usage: colleagues-server COMMAND"_qs << false;
        QTest::addRow("user") << QStringList {u"user"_qs, u"--help"_qs} << u"user COMMAND"_qs << false;
        QTest::addRow("user add") << QStringList {u"user"_qs, u"add"_qs, u"--help"_qs}
                                  << u"Usage: colleagues-server user add [options] NAME"_qs << true;
        QTest::addRow("user passwd") << QStringList {u"user"_qs, u"passwd"_qs, u"--help"_qs}
                                     << u"Usage: colleagues-server user passwd"_qs << true;
        QTest::addRow("user disable") << QStringList {u"user"_qs, u"disable"_qs, u"--help"_qs}
                                      << u"Usage: colleagues-server user disable"_qs << true;
        QTest::addRow("user enable") << QStringList {u"user"_qs, u"enable"_qs, u"--help"_qs}
                                     << u"Usage: colleagues-server user enable"_qs << true;
        QTest::addRow("import-csv") << QStringList {u"import-csv"_qs, u"--help"_qs}
                                    << u"Usage: colleagues-server import-csv [options] FILE"_qs << true;
        QTest::addRow("seed-demo") << QStringList {u"seed-demo"_qs, u"--help"_qs}
                                   << u"Usage: colleagues-server seed-demo"_qs << true;
        QTest::addRow("serve") << QStringList {u"serve"_qs, u"--help"_qs} << u"serve"_qs << true;
        QTest::addRow("vocabulary") << QStringList {u"vocabulary"_qs, u"--help"_qs} << u"vocabulary COMMAND"_qs
                                    << false;
        QTest::addRow("vocabulary import") << QStringList {u"vocabulary"_qs, u"import"_qs, u"--help"_qs}
                                           << u"Usage: colleagues-server vocabulary import [options] FILE"_qs << true;
        QTest::addRow("ldap-sync") << QStringList {u"ldap-sync"_qs, u"--help"_qs}
                                   << u"Usage: colleagues-server ldap-sync"_qs << true;
        QTest::addRow("scim-token create") << QStringList {u"scim-token"_qs, u"create"_qs, u"--help"_qs}
                                           << u"Usage: colleagues-server scim-token create"_qs << true;
        QTest::addRow("vocabulary export") << QStringList {u"vocabulary"_qs, u"export"_qs, u"--help"_qs}
                                           << u"Usage: colleagues-server vocabulary export [options] [FILE]"_qs << true;
    }

    void help()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        QFETCH(bool, opensStorage);
        const Run run = runServer(arguments);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(expected), qPrintable(run.out));
        if (arguments.size() > 1)
            QVERIFY2(run.out.contains(u"--data-dir"), qPrintable(run.out));
        if (opensStorage) {
            // The same storage options everywhere.
            for (const QString &option :
                 {u"--data-dir <DIR>"_qs, u"--database <URL>"_qs, u"--database-password-file <FILE>"_qs})
                QVERIFY2(run.out.contains(option), qPrintable(option + u"\n"_qs + run.out));
        }
        // No help teaches a password on the command line.
        QVERIFY2(!run.out.contains(u"password@"_qs), qPrintable(run.out));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::addRow("no command") << QStringList {} << u"missing command"_qs;
        QTest::addRow("unknown command") << QStringList {u"frobnicate"_qs} << u"unknown command"_qs;
        QTest::addRow("unknown user command")
            << QStringList {u"user"_qs, u"delete"_qs, u"ada"_qs} << u"unknown command"_qs;
        QTest::addRow("missing name") << QStringList {u"user"_qs, u"add"_qs, u"--data-dir"_qs, u"x"_qs}
                                      << u"missing NAME"_qs;
        QTest::addRow("missing file") << QStringList {u"import-csv"_qs} << u"missing FILE"_qs;
        QTest::addRow("two names") << QStringList {u"user"_qs, u"add"_qs, u"a"_qs, u"b"_qs} << u"unexpected"_qs;
        QTest::addRow("unknown option") << QStringList {u"import-csv"_qs, u"--frob"_qs, u"f.csv"_qs}
                                        << u"Unknown option"_qs;
        QTest::addRow("bad username") << QStringList {u"user"_qs, u"add"_qs, u"no way"_qs} << u"NAME may contain"_qs;
        QTest::addRow("both storages")
            << QStringList {u"user"_qs,       u"disable"_qs,          u"ada"_qs, u"--data-dir"_qs, u"x"_qs,
                            u"--database"_qs, u"postgresql://h/db"_qs}
            << u"not both"_qs;
        QTest::addRow("bad url") << QStringList {u"user"_qs, u"disable"_qs, u"ada"_qs, u"--database"_qs,
                                                 u"mysql://h/db"_qs}
                                 << u"postgresql://"_qs;
        QTest::addRow("file not there") << QStringList {u"import-csv"_qs, u"/nonexistent/people.csv"_qs}
                                        << u"cannot read /nonexistent/people.csv"_qs;
        QTest::addRow("people") << QStringList {u"seed-demo"_qs, u"--people"_qs, u"0"_qs} << u"--people"_qs;
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const Run run = runServer(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
    }

    void userAddFromStdin()
    {
        Run run = runServer({u"user"_qs, u"add"_qs, u"ada"_qs, u"--admin"_qs, u"--data-dir"_qs, m_data},
                            "correct horse battery\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(u"ada"));
        // A username is normalized like everywhere else.
        run = runServer({u"user"_qs, u"add"_qs, u"Bob"_qs, u"--data-dir"_qs, m_data}, "another password\r\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        auto storage = openStorage();
        const auto ada = storage->account(u"ada"_qs);
        QVERIFY(ada);
        QCOMPARE(ada->role, Role::Admin);
        QVERIFY(PasswordHasher::verifyBlocking(ada->passwordHash, "correct horse battery"));
        const auto bob = storage->account(u"bob"_qs);
        QVERIFY(bob);
        QCOMPARE(bob->role, Role::Member);
        QVERIFY(PasswordHasher::verifyBlocking(bob->passwordHash, "another password"));

        run = runServer({u"user"_qs, u"add"_qs, u"ada"_qs, u"--data-dir"_qs, m_data}, "whatever password\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"already an account"), qPrintable(run.err));
    }

    void userAddRefusesBadPasswords_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        QTest::addRow("nothing") << QByteArray() << u"No password"_qs;
        QTest::addRow("empty line") << QByteArray("\n") << u"empty"_qs;
        QTest::addRow("short") << QByteArray("seven77\n") << u"at least 8 characters"_qs;
        // 7 characters in 14 bytes: counted as characters.
        QTest::addRow("short unicode") << QByteArray("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\n")
                                       << u"at least 8 characters"_qs;
        QTest::addRow("long") << QByteArray(2000, 'x') + '\n' << u"longer than 1024"_qs;
    }

    void userAddRefusesBadPasswords()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        const Run run = runServer({u"user"_qs, u"add"_qs, u"ada"_qs, u"--data-dir"_qs, m_data}, input);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY(!openStorage()->account(u"ada"_qs));
    }

    void userPasswdAndDisable()
    {
        QCOMPARE(runServer({u"user"_qs, u"add"_qs, u"ada"_qs, u"--data-dir"_qs, m_data}, "first password\n").exitCode,
                 0);
        {
            auto storage = openStorage();
            QVERIFY(storage->account(u"ada"_qs)->mustChangePassword); // an administrator chose it
            QVERIFY(storage->changeOwnPassword(u"ada"_qs, storage->account(u"ada"_qs)->passwordHash, {}));
            QVERIFY(storage->createSession(
                {"token-1", u"ada"_qs, Role::Member, QDateTime::currentDateTimeUtc().addDays(1)}));
        }
        Run run = runServer({u"user"_qs, u"passwd"_qs, u"ada"_qs, u"--data-dir"_qs, m_data}, "second password\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        {
            auto storage = openStorage();
            QVERIFY(PasswordHasher::verifyBlocking(storage->account(u"ada"_qs)->passwordHash, "second password"));
            QVERIFY(!storage->session("token-1")); // signed out everywhere
            QVERIFY(storage->account(u"ada"_qs)->mustChangePassword);
            QVERIFY(storage->createSession(
                {"token-2", u"ada"_qs, Role::Member, QDateTime::currentDateTimeUtc().addDays(1)}));
        }
        run = runServer({u"user"_qs, u"passwd"_qs, u"nobody"_qs, u"--data-dir"_qs, m_data}, "second password\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(u"no account named"));

        run = runServer({u"user"_qs, u"disable"_qs, u"ada"_qs, u"--data-dir"_qs, m_data});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        {
            auto storage = openStorage();
            QVERIFY(storage->account(u"ada"_qs)->disabled);
            QVERIFY(!storage->session("token-2"));
        }
        run = runServer({u"user"_qs, u"enable"_qs, u"ada"_qs, u"--data-dir"_qs, m_data});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(!openStorage()->account(u"ada"_qs)->disabled);
        run = runServer({u"user"_qs, u"disable"_qs, u"nobody"_qs, u"--data-dir"_qs, m_data});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(u"no account named"));
    }

    void importCsv()
    {
        const QString csv = writeFile(u"people.csv"_qs, GoodAndBadCsv);
        const QString passwords = m_dir->filePath(u"initial-passwords.csv"_qs);
        Run run = runServer({u"import-csv"_qs, csv, u"--data-dir"_qs, m_data, u"--initial-passwords"_qs, passwords});
        QCOMPARE(run.exitCode, 1); // some rows rejected
        // Each bad row by its line and reason.
        QVERIFY2(run.err.contains(csv + u":3: "_qs) && run.err.contains(u"email"), qPrintable(run.err));
        QVERIFY2(run.err.contains(csv + u":4: "_qs) && run.err.contains(u"level"), qPrintable(run.err));
        QVERIFY2(run.err.contains(csv + u":6: "_qs) && run.err.contains(u"username"), qPrintable(run.err));
        // An unknown manager is a warning; the row is imported.
        QVERIFY2(run.err.contains(u"warning: "_qs + csv + u":5: manager \u201cghost\u201d"_qs), qPrintable(run.err));
        QVERIFY2(run.out.contains(u"3 created, 0 updated, 0 unchanged, 3 rejected"), qPrintable(run.out));

        {
            auto storage = openStorage();
            QCOMPARE(storage->profileCount(), 3);
            QCOMPARE(storage->profile(u"eve"_qs)->displayName, u"Eve, the \"Eavesdropper\""_qs);
            QCOMPARE(storage->profile(u"ada"_qs)->skills, (SkillList {{u"C++"_qs, 5}, {u"Maths"_qs, 3}}));
            QCOMPARE(storage->profile(u"dee"_qs)->manager, u"ghost"_qs);
            QVERIFY(!storage->profile(u"bob"_qs));
        }

        // The one-time passwords: owner-only file, one line per new account, and they work.
        struct stat info
        {
        };
        QCOMPARE(::stat(QFile::encodeName(passwords).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        QFile file(passwords);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        {
            auto storage = openStorage();
            for (const QByteArray &line : lines) {
                const QList<QByteArray> parts = line.split(',');
                QCOMPARE(parts.size(), 2);
                QVERIFY(parts.at(1).size() >= 16);
                const auto account = storage->account(QString::fromUtf8(parts.at(0)));
                QVERIFY(account);
                QVERIFY(PasswordHasher::verifyBlocking(account->passwordHash, parts.at(1)));
            }
        }

        // Importing again changes nothing and creates no passwords.
        run = runServer({u"import-csv"_qs, csv, u"--data-dir"_qs, m_data, u"--initial-passwords"_qs, passwords});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(u"0 created, 0 updated, 3 unchanged, 3 rejected"), qPrintable(run.out));
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().trimmed().split('\n').size(), 3);

        // A fixed file imports cleanly: the fixed rows are created, one row updated.
        const QString fixed = writeFile(u"fixed.csv"_qs,
                                        "username,display_name,email,title,manager\n"
                                        "ada,Ada Lovelace,ada@example.com,Principal Engineer,\n"
                                        "bob,Bob,bob@example.com,Tester,ada\n");
        run = runServer({u"import-csv"_qs, fixed, u"--data-dir"_qs, m_data});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"1 created, 1 updated, 0 unchanged, 0 rejected"), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"1 new accounts without a password"), qPrintable(run.out));
        auto storage = openStorage();
        QVERIFY(storage->account(u"bob"_qs)->passwordHash.isEmpty());
        QCOMPARE(storage->profile(u"ada"_qs)->revision, 2);
    }

    void importUnusableFile()
    {
        const QString csv = writeFile(u"empty.csv"_qs, "");
        const Run run = runServer({u"import-csv"_qs, csv, u"--data-dir"_qs, m_data});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"empty"), qPrintable(run.err));
        QVERIFY(!QFile::exists(m_data + u"/colleagues.db"_qs));
    }

    void defaultDataDirIsNeverCreated()
    {
        // Without --data-dir the packaged location is used only if it holds a database already.
        if (QFile::exists(u"/var/lib/colleagues/colleagues.db"_qs))
            QSKIP("this machine has a server database in the default location");
        const Run run = runServer({u"user"_qs, u"disable"_qs, u"ada"_qs});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"there is no database at /var/lib/colleagues/colleagues.db"), qPrintable(run.err));
    }

    void seedDemo()
    {
        Run run = runServer({u"seed-demo"_qs, u"--people"_qs, u"40"_qs, u"--data-dir"_qs, m_data});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"Demo accounts"), qPrintable(run.out));
        {
            auto storage = openStorage();
            QCOMPARE(storage->profileCount(), 40);
            QCOMPARE(storage->accountCount(), 40);
        }
        // Again: nothing changes.
        run = runServer({u"seed-demo"_qs, u"--people"_qs, u"40"_qs, u"--data-dir"_qs, m_data});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"(0 new or changed)"), qPrintable(run.out));
        // Never over someone else's directory.
        QTemporaryDir other;
        const QString otherData = other.filePath(u"data"_qs);
        QCOMPARE(runServer({u"import-csv"_qs, writeFile(u"one.csv"_qs, "username,display_name\nzed,Zed\n"),
                            u"--data-dir"_qs, otherData})
                     .exitCode,
                 0);
        run = runServer({u"seed-demo"_qs, u"--data-dir"_qs, otherData});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"only fills an empty one"), qPrintable(run.err));
    }

    void vocabularyImportExport()
    {
        // A fresh database serves (and exports) the default.
        Run run = runServer({u"vocabulary"_qs, u"export"_qs, u"--data-dir"_qs, m_data});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto exportedDefault = Vocabulary::parse(run.out);
        QVERIFY(exportedDefault);
        QCOMPARE(exportedDefault->version(), Vocabulary::defaults().version());

        const QByteArray text = "# ours\nskill Kubernetes | k8s, kube ~ Helm\n\nplace Köln | Cologne\n"
                                "title Software Engineer | SWE\n";
        run = runServer({u"vocabulary"_qs, u"import"_qs, writeFile(u"ours.txt"_qs, text), u"--data-dir"_qs, m_data});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto ours = Vocabulary::parse(QString::fromUtf8(text));
        QVERIFY(ours);
        QVERIFY2(run.out.contains(ours->version()), qPrintable(run.out));

        const QString file = m_dir->filePath(u"exported.txt"_qs);
        run = runServer({u"vocabulary"_qs, u"export"_qs, file, u"--data-dir"_qs, m_data});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile exported(file);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QString exportedText = QString::fromUtf8(exported.readAll());
        QCOMPARE(exportedText, ours->toText());
        // Round trip: the export imports back to the same version.
        run = runServer({u"vocabulary"_qs, u"import"_qs, file, u"--data-dir"_qs, m_data});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(exportedVersion(), ours->version());
        // Only one FILE.
        run = runServer({u"vocabulary"_qs, u"export"_qs, file, u"two"_qs, u"--data-dir"_qs, m_data});
        QCOMPARE(run.exitCode, 2);
    }

    void vocabularyBadFileChangesNothing()
    {
        QCOMPARE(runServer({u"vocabulary"_qs, u"import"_qs, writeFile(u"good.txt"_qs, "skill Go | golang\n"),
                            u"--data-dir"_qs, m_data})
                     .exitCode,
                 0);
        const QString before = exportedVersion();
        QVERIFY(!before.isEmpty());
        const QByteArray bad = "skill Rust\n"
                               "skil Python\n" // line 2: unknown kind
                               "# fine\n"
                               "skill Zig | z,\n" // line 4: empty alias
                               "skill rust\n"; // line 5: defined on line 1
        const Run run =
            runServer({u"vocabulary"_qs, u"import"_qs, writeFile(u"bad.txt"_qs, bad), u"--data-dir"_qs, m_data});
        QCOMPARE(run.exitCode, 1);
        for (const QString &expected :
             {u"bad.txt: line 2: \"skil\" is not a kind"_qs, u"bad.txt: line 4: alias 2 is empty"_qs,
              u"bad.txt: line 5: skill \"rust\" is already defined (line 1)"_qs, u"nothing was imported"_qs}) {
            QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        }
        QVERIFY2(!run.err.contains(u"line 3"_qs), qPrintable(run.err));
        QCOMPARE(exportedVersion(), before);
        // An unreadable file is a usage error, and changes nothing either.
        QCOMPARE(
            runServer({u"vocabulary"_qs, u"import"_qs, m_dir->filePath(u"missing.txt"_qs), u"--data-dir"_qs, m_data})
                .exitCode,
            2);
        QCOMPARE(exportedVersion(), before);
    }

    void vocabularyMerge()
    {
        QCOMPARE(runServer({u"vocabulary"_qs, u"import"_qs,
                            writeFile(u"base.txt"_qs, "skill Go | golang\nskill Kubernetes | k8s, kube\n"),
                            u"--data-dir"_qs, m_data})
                     .exitCode,
                 0);
        Run run = runServer({u"vocabulary"_qs, u"import"_qs, u"--merge"_qs,
                             writeFile(u"more.txt"_qs, "skill kubernetes | k8s ~ Helm\nplace Wien | Vienna\n"),
                             u"--data-dir"_qs, m_data});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"3 entries"_qs), qPrintable(run.out));
        const auto merged = Vocabulary::parse(exportedText());
        QVERIFY(merged);
        const auto expected =
            Vocabulary::parse(u"skill Go | golang\nskill kubernetes | k8s ~ Helm\nplace Wien | Vienna\n"_qs);
        QCOMPARE(merged->entries(), expected->entries());

        // A merge that would give one alias two names changes nothing.
        run = runServer({u"vocabulary"_qs, u"import"_qs, u"--merge"_qs,
                         writeFile(u"clash.txt"_qs, "skill Golang tools | golang\n"), u"--data-dir"_qs, m_data});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"skill \"Golang tools\""_qs) && run.err.contains(u"skill \"Go\""_qs),
                 qPrintable(run.err));
        QCOMPARE(exportedVersion(), expected->version());
    }

private:
    QString exportedText()
    {
        const Run run = runServer({u"vocabulary"_qs, u"export"_qs, u"--data-dir"_qs, m_data});
        return run.exitCode == 0 ? run.out : QString();
    }

    QString exportedVersion()
    {
        const auto parsed = Vocabulary::parse(exportedText());
        return parsed ? parsed->version() : QString();
    }

    Run runServer(const QStringList &arguments, const QByteArray &input = {})
    {
        return Colleagues::Test::runCli(Colleagues::Test::serverBinary(), arguments, input, 120000);
    }

    std::unique_ptr<Storage> openStorage()
    {
        auto storage = Storage::create(StorageConfig::sqlite(m_data));
        if (!storage->open())
            return nullptr;
        return storage;
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(content);
        return path;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_data;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
