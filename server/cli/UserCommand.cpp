// SPDX-License-Identifier: MIT
#include "server/cli/UserCommand.h"

#include "server/accounts/PasswordHasher.h"
#include "server/cli/CliSupport.h"
#include "server/cli/PasswordInput.h"

namespace Colleagues::Server::Cli {

namespace {

const QString UserHelp =
    QStringLiteral("Usage: colleagues-server user COMMAND [options] NAME\n"
                   "Manages sign-in accounts.\n"
                   "\n"
                   "Commands:\n"
                   "  add NAME [--admin]  Creates an account and asks for its password.\n"
                   "  passwd NAME         Sets a new password and signs the account out everywhere.\n"
                   "  disable NAME        Stops the account from signing in and ends its sessions.\n"
                   "  enable NAME         Lets a disabled account sign in again.\n"
                   "\n"
                   "Passwords are read from the terminal without echo, or as one line from standard input,\n"
                   "and must be at least 8 characters long. A password set here is marked \u201cmust change\u201d:\n"
                   "its owner is asked for a new one after signing in. Each command takes --data-dir DIR or\n"
                   "--database URL; see \u201ccolleagues-server user COMMAND --help\u201d.\n");

//! Reads, checks and hashes a new password; empty after printing why not.
QByteArray newPasswordHash(const QString &username)
{
    auto password = readNewPassword(username);
    if (!password) {
        printError(password.error().message);
        return {};
    }
    QByteArray hash = PasswordHasher::hashBlocking(*password);
    password.value().fill('\0');
    if (hash.isEmpty())
        printError(QStringLiteral("hashing the password failed (out of memory?)."));
    return hash;
}

//! A user subcommand's account and the storage that holds it.
struct AccountTarget
{
    QString username;
    std::unique_ptr<Storage> storage;
};

/*!
 * Reads the command line of \a command (its own options already in \a parser; this adds the
 * storage options and NAME, described by \a nameHelp) and opens the storage. The error is the
 * exit code when the command ends here: after --help, or after printing what is wrong.
 */
Expected<AccountTarget, int> accountTarget(QCommandLineParser &parser, const QStringList &arguments,
                                           const QString &command, const QString &nameHelp)
{
    const StorageOptions storageOptions;
    storageOptions.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("NAME"), nameHelp);
    const QString usage = QStringLiteral("colleagues-server user %1 [options] NAME").arg(command);
    if (const auto done = parseCommand(parser, arguments, usage, 1))
        return *done;
    const auto username = usernameArgument(parser.positionalArguments().constFirst());
    if (!username)
        return UsageError;
    auto storage = storageOptions.open(parser);
    if (!storage)
        return UsageError;
    return AccountTarget {*username, std::move(storage)};
}

//! Prints why a storage call failed; true when it did.
template<typename T>
bool failed(const Expected<T> &result)
{
    if (result)
        return false;
    printError(result.error().message);
    return true;
}

int add(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Creates the sign-in account NAME and asks for its password (from the terminal without echo, or one\n"
        "line of standard input; at least 8 characters). The account's profile comes from import-csv or from\n"
        "the person's own first edit."));
    const QCommandLineOption admin(QStringLiteral("admin"), QStringLiteral("Make the account an administrator."));
    parser.addOption(admin);
    const auto target = accountTarget(parser, arguments, QStringLiteral("add"),
                                      QStringLiteral("The username: a-z, 0-9, '.', '_', '-'."));
    if (!target)
        return target.error();
    const QString &username = target->username;
    Storage &storage = *target->storage;
    // Checked before asking for a password that would be thrown away.
    const auto existing = storage.findAccount(username);
    if (failed(existing))
        return Failed;
    if (existing->has_value()) {
        printError(QStringLiteral("there is already an account named \u201c%1\u201d; use \u201cuser passwd %1\u201d to "
                                  "set its password.")
                       .arg(username));
        return Failed;
    }
    const QByteArray hash = newPasswordHash(username);
    if (hash.isEmpty())
        return Failed;
    const Role role = parser.isSet(admin) ? Role::Admin : Role::Member;
    // The administrator chose this password: its owner is asked for their own at sign-in.
    if (failed(storage.createAccount(username, hash, role, true)))
        return Failed;
    printOut(QStringLiteral("Created the %1 account \u201c%2\u201d.\n").arg(roleName(role), username));
    return Success;
}

int passwd(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sets a new password for the account NAME (from the terminal without echo, or one line of standard\n"
        "input; at least 8 characters) and ends all of its sessions."));
    const auto target =
        accountTarget(parser, arguments, QStringLiteral("passwd"), QStringLiteral("The account's username."));
    if (!target)
        return target.error();
    const QString &username = target->username;
    Storage &storage = *target->storage;
    const auto existing = storage.findAccount(username);
    if (!existing || !existing->has_value()) {
        printError(existing ? QStringLiteral("there is no account named \u201c%1\u201d.").arg(username)
                            : existing.error().message);
        return Failed;
    }
    const QByteArray hash = newPasswordHash(username);
    if (hash.isEmpty())
        return Failed;
    if (failed(storage.setPasswordHash(username, hash, true)))
        return Failed;
    // Whoever knew the old password is signed out too.
    if (failed(storage.deleteSessionsOf(username)))
        return Failed;
    printOut(QStringLiteral("Set a new password for \u201c%1\u201d and ended its sessions.\n").arg(username));
    return Success;
}

int setDisabled(const QStringList &arguments, bool disable)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        disable ? QStringLiteral("Stops the account NAME from signing in and ends all of its sessions at once.\n"
                                 "Its profile and messages stay; \u201cuser enable NAME\u201d undoes this.")
                : QStringLiteral("Lets the disabled account NAME sign in again."));
    const auto target = accountTarget(parser, arguments, disable ? QStringLiteral("disable") : QStringLiteral("enable"),
                                      QStringLiteral("The account's username."));
    if (!target)
        return target.error();
    const QString &username = target->username;
    if (failed(target->storage->setDisabled(username, disable)))
        return Failed;
    printOut(disable ? QStringLiteral("Disabled \u201c%1\u201d and ended its sessions.\n").arg(username)
                     : QStringLiteral("Enabled \u201c%1\u201d.\n").arg(username));
    return Success;
}

} // namespace

int runUserCommand(const QStringList &arguments)
{
    return runSubcommand(arguments, QStringLiteral("user"), UserHelp,
                         {{"add", add},
                          {"passwd", passwd},
                          {"disable", [](const QStringList &rest) { return setDisabled(rest, true); }},
                          {"enable", [](const QStringList &rest) { return setDisabled(rest, false); }}});
}

} // namespace Colleagues::Server::Cli
