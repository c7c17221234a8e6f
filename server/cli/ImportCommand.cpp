// SPDX-License-Identifier: MIT
#include "server/cli/ImportCommand.h"

#include "core/ProfileCsv.h"
#include "server/accounts/PasswordHasher.h"
#include "server/cli/CliSupport.h"
#include "server/cli/PasswordInput.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QThread>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <vector>

namespace Colleagues::Server::Cli {

namespace {

// Rows per transaction: large enough to be quick, small enough that serving never waits long.
constexpr qsizetype BatchSize = 500;

const QString Description = QStringLiteral(
    "Imports people from a UTF-8 CSV file with a header row (RFC 4180 quoting) and the columns\n"
    "  username,display_name,email,title,department,location,timezone,manager,skills,interests,bio,phone\n"
    "in any order; only username and display_name are required. skills is \"Name:level;Name:level\"\n"
    "(level 1-5, 3 when left out), interests is \"a;b;c\", manager is a username.\n"
    "\n"
    "The import is idempotent: people are matched by username, created or updated, and left alone\n"
    "when nothing changed. Every valid row is imported; each bad row is reported with its line number\n"
    "and the reason. A manager who is neither in the file nor in the directory is a warning; the row\n"
    "is imported anyway.\n"
    "\n"
    "Everyone imported gets a sign-in account if they have none. With --initial-passwords, new\n"
    "accounts get a random one-time password, appended to OUT as \"username,password\" lines (the\n"
    "file is created with mode 0600) and marked \"must change\": the owner is asked for a new one\n"
    "after signing in. Without it they cannot sign in until an administrator runs \"user passwd\".\n"
    "\n"
    "Exit status: 0 when every row was imported, 1 when some rows were rejected, 2 for usage errors,\n"
    "an unreadable file or a database that cannot be opened.");

//! The initial-passwords file, opened for appending with mode 0600 from its creation on.
class PasswordFile
{
public:
    bool open(const QString &path)
    {
        const QByteArray native = QFile::encodeName(path);
        const int fd = ::open(native.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0) {
            m_error = QString::fromLocal8Bit(std::strerror(errno));
            return false;
        }
        // An existing file keeps its lines, but not looser permissions.
        if (::fchmod(fd, 0600) != 0) {
            m_error = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            return false;
        }
        if (!m_file.open(fd, QIODevice::WriteOnly | QIODevice::Append, QFileDevice::AutoCloseHandle)) {
            m_error = m_file.errorString();
            ::close(fd);
            return false;
        }
        return true;
    }
    bool write(const QString &username, const QByteArray &password)
    {
        const QByteArray line = username.toUtf8() + ',' + password + '\n';
        return m_file.write(line) == line.size() && m_file.flush();
    }
    QString errorString() const { return m_error.isEmpty() ? m_file.errorString() : m_error; }

private:
    QFile m_file;
    QString m_error;
};

//! Argon2id is deliberately slow: hash the new accounts' passwords on every core.
QList<QByteArray> hashAll(const QList<QByteArray> &passwords)
{
    QList<QByteArray> hashes(passwords.size());
    std::atomic<qsizetype> next = 0;
    const auto work = [&] {
        for (qsizetype i = next++; i < passwords.size(); i = next++)
            hashes[i] = PasswordHasher::hashBlocking(passwords.at(i));
    };
    std::vector<std::thread> threads;
    const int count = qBound(1, QThread::idealThreadCount(), 8);
    for (int i = 0; i < count; ++i)
        threads.emplace_back(work);
    for (std::thread &t : threads)
        t.join();
    return hashes;
}

} // namespace

int runImportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Description);
    const QCommandLineOption passwordsOption(
        QStringLiteral("initial-passwords"),
        QStringLiteral("Give new accounts a one-time password and append them to OUT (mode 0600)."),
        QStringLiteral("OUT"));
    parser.addOption(passwordsOption);
    const StorageOptions storageOptions;
    storageOptions.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The CSV file to import."));
    if (const auto done =
            parseCommand(parser, arguments, QStringLiteral("colleagues-server import-csv [options] FILE"), 1))
        return *done;

    const QString path = parser.positionalArguments().constFirst();
    const QString shownPath = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        printError(QStringLiteral("cannot read %1: %2").arg(shownPath, file.errorString()));
        return UsageError;
    }
    const ProfileCsvResult csv = readProfileCsv(&file);
    const auto report = [&shownPath](int line, const QString &message) {
        printError(line > 0 ? QStringLiteral("%1:%2: %3").arg(shownPath).arg(line).arg(message)
                            : QStringLiteral("%1: %2").arg(shownPath, message));
    };
    for (const CsvRowError &error : csv.errors)
        report(error.line, error.message);
    if (!csv.fileOk) {
        printError(QStringLiteral("%1 cannot be imported; nothing was changed.").arg(shownPath));
        return UsageError;
    }

    std::optional<PasswordFile> passwordFile;
    if (parser.isSet(passwordsOption)) {
        passwordFile.emplace();
        if (!passwordFile->open(parser.value(passwordsOption))) {
            printError(QStringLiteral("cannot write %1: %2")
                           .arg(QDir::toNativeSeparators(parser.value(passwordsOption)), passwordFile->errorString()));
            return UsageError;
        }
    }
    const auto storage = storageOptions.open(parser);
    if (!storage)
        return UsageError;

    // Lines that the reader rejected, as one count per line.
    QSet<int> rejectedLines;
    for (const CsvRowError &error : csv.errors) {
        if (error.line > 0)
            rejectedLines.insert(error.line);
    }

    QSet<QString> inFile;
    for (const Profile &profile : csv.profiles)
        inFile.insert(profile.username);

    int created = 0;
    int updated = 0;
    int unchanged = 0;
    QStringList imported;
    for (qsizetype i = 0; i < csv.profiles.size(); ++i) {
        const Profile &profile = csv.profiles.at(i);
        if (profile.manager.isEmpty() || inFile.contains(profile.manager))
            continue;
        const auto manager = storage->findProfile(profile.manager);
        if (manager && !manager->has_value()) {
            printWarning(QStringLiteral("%1:%2: manager \u201c%3\u201d is neither in this file nor in the directory; "
                                        "imported anyway.")
                             .arg(shownPath)
                             .arg(csv.lines.value(i))
                             .arg(profile.manager));
        }
    }
    for (qsizetype first = 0; first < csv.profiles.size(); first += BatchSize) {
        const QList<Profile> batch = csv.profiles.mid(first, BatchSize);
        const auto outcomes = storage->importProfiles(batch);
        if (!outcomes) {
            printError(QStringLiteral("stopped before line %1: %2 The rows before it were imported; importing the "
                                      "file again is safe.")
                           .arg(csv.lines.value(first))
                           .arg(outcomes.error().message));
            return Failed;
        }
        for (qsizetype i = 0; i < outcomes->size(); ++i) {
            const Expected<UpsertOutcome> &outcome = outcomes->at(i);
            const int line = csv.lines.value(first + i);
            if (!outcome) {
                report(line, outcome.error().message);
                rejectedLines.insert(line);
                continue;
            }
            switch (outcome->status) {
            case UpsertOutcome::Status::Created: ++created; break;
            case UpsertOutcome::Status::Updated: ++updated; break;
            case UpsertOutcome::Status::Unchanged: ++unchanged; break;
            }
            imported.append(batch.at(i).username);
        }
    }

    // Accounts for everyone imported who has none yet.
    QStringList needAccount;
    for (const QString &username : std::as_const(imported)) {
        const auto account = storage->findAccount(username);
        if (!account) {
            printError(account.error().message);
            return Failed;
        }
        if (!account->has_value())
            needAccount.append(username);
    }
    QHash<QString, QByteArray> passwords;
    QList<Account> newAccounts;
    {
        QList<QByteArray> generated;
        if (passwordFile) {
            for (qsizetype i = 0; i < needAccount.size(); ++i)
                generated.append(generatePassword());
        }
        const QList<QByteArray> hashes = hashAll(generated);
        for (qsizetype i = 0; i < needAccount.size(); ++i) {
            // A one-time password: its owner is asked for a new one at the first sign-in.
            newAccounts.append(
                Account {0, needAccount.at(i), hashes.value(i), Role::Member, false, passwordFile.has_value(), {}});
            if (passwordFile)
                passwords.insert(needAccount.at(i), generated.at(i));
        }
    }
    int accounts = 0;
    for (qsizetype first = 0; first < newAccounts.size(); first += BatchSize) {
        const auto createdAccounts = storage->createAccounts(newAccounts.mid(first, BatchSize));
        if (!createdAccounts) {
            printError(QStringLiteral("cannot create accounts: %1").arg(createdAccounts.error().message));
            return Failed;
        }
        accounts += static_cast<int>(createdAccounts->size());
        if (!passwordFile)
            continue;
        for (const QString &username : *createdAccounts) {
            if (!passwordFile->write(username, passwords.value(username))) {
                printError(QStringLiteral("cannot write the password of \u201c%1\u201d: %2; set one with \u201cuser "
                                          "passwd %1\u201d.")
                               .arg(username, passwordFile->errorString()));
                return Failed;
            }
        }
    }

    QString summary = QStringLiteral("Imported %1: %2 created, %3 updated, %4 unchanged, %5 rejected.")
                          .arg(shownPath)
                          .arg(created)
                          .arg(updated)
                          .arg(unchanged)
                          .arg(rejectedLines.size());
    if (accounts > 0) {
        summary += passwordFile ? QStringLiteral(" %1 new accounts; their one-time passwords are in %2.")
                                      .arg(accounts)
                                      .arg(QDir::toNativeSeparators(parser.value(passwordsOption)))
                                : QStringLiteral(" %1 new accounts without a password; set them with \u201cuser "
                                                 "passwd\u201d or import with --initial-passwords.")
                                      .arg(accounts);
    }
    printOut(summary + QLatin1Char('\n'));
    return rejectedLines.isEmpty() ? Success : Failed;
}

} // namespace Colleagues::Server::Cli
