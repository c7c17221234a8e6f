// SPDX-License-Identifier: MIT
#include "server/cli/ScimTokenCommand.h"

#include "server/accounts/Tokens.h"
#include "server/cli/CliSupport.h"
#include "server/storage/ScimStorage.h"

#include <QTextStream>

namespace Colleagues::Server::Cli {

namespace {

const QString ScimTokenHelp =
    QStringLiteral("Usage: colleagues-server scim-token COMMAND [options] [NAME]\n"
                   "Manages the provisioning tokens identity providers (Okta, Entra ID, ...) use for SCIM 2.0\n"
                   "at /scim/v2. Such a token can provision users and nothing else.\n"
                   "\n"
                   "Commands:\n"
                   "  create NAME  Makes a token and prints it once, on standard output.\n"
                   "  list         Lists the tokens by name (never the tokens themselves).\n"
                   "  revoke NAME  Deletes a token; requests with it are refused from then on.\n"
                   "\n"
                   "The server keeps only a hash of each token. Each command takes --data-dir DIR or\n"
                   "--database URL; see \u201ccolleagues-server scim-token COMMAND --help\u201d.\n");

//! A token name: 1 to 64 of a-z, A-Z, 0-9, '.', '_', '-'.
bool validName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    for (const QChar c : name) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'_'
              || c == u'-'))
            return false;
    }
    return true;
}

//! Parses a subcommand's command line and opens the storage; the error is the exit code.
Expected<std::unique_ptr<Storage>, int> open(QCommandLineParser &parser, const QStringList &arguments,
                                             const QString &command, bool takesName)
{
    const StorageOptions storageOptions;
    storageOptions.addTo(parser);
    if (takesName) {
        parser.addPositionalArgument(QStringLiteral("NAME"),
                                     QStringLiteral("The token's name, e.g. okta: a-z, A-Z, 0-9, '.', '_', '-'."));
    }
    const QString usage =
        QStringLiteral("colleagues-server scim-token %1 [options]%2").arg(command, takesName ? u" NAME"_qs : QString());
    if (const auto done = parseCommand(parser, arguments, usage, takesName ? 1 : 0))
        return *done;
    if (takesName && !validName(parser.positionalArguments().constFirst())) {
        printError(QStringLiteral("a token name is 1 to 64 of a-z, A-Z, 0-9, '.', '_', '-'."));
        return int(UsageError);
    }
    auto storage = storageOptions.open(parser);
    if (!storage)
        return int(UsageError);
    return storage;
}

int create(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Makes the provisioning token NAME and prints it on standard output, once: the server keeps only its\n"
        "hash. Give it to the identity provider as its bearer token (\u201cAPI token\u201d, \u201cSecret "
        "Token\u201d)."));
    auto storage = open(parser, arguments, QStringLiteral("create"), true);
    if (!storage)
        return storage.error();
    const QString name = parser.positionalArguments().constFirst();
    const QByteArray token = Tokens::generate();
    const Expected<bool> created = storage.value()->scim().createScimToken(name, Tokens::hash(token));
    if (!created) {
        printError(created.error().message);
        return Failed;
    }
    QTextStream(stdout) << token << '\n';
    QTextStream(stderr)
        << QStringLiteral("Created the provisioning token \u201c%1\u201d; it is shown only this once.\n").arg(name);
    return Success;
}

int list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists the provisioning tokens: name and when it was made."));
    auto storage = open(parser, arguments, QStringLiteral("list"), false);
    if (!storage)
        return storage.error();
    const Expected<QList<ScimTokenInfo>> tokens = storage.value()->scim().scimTokens();
    if (!tokens) {
        printError(tokens.error().message);
        return Failed;
    }
    QString out;
    for (const ScimTokenInfo &t : tokens.value())
        out += QStringLiteral("%1\t%2\n").arg(t.name, t.createdAt.toUTC().toString(Qt::ISODate));
    if (tokens->isEmpty())
        out = QStringLiteral("No provisioning tokens.\n");
    printOut(out);
    return Success;
}

int revoke(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Deletes the provisioning token NAME: requests that send it are refused at once."));
    auto storage = open(parser, arguments, QStringLiteral("revoke"), true);
    if (!storage)
        return storage.error();
    const QString name = parser.positionalArguments().constFirst();
    const Expected<bool> revoked = storage.value()->scim().revokeScimToken(name);
    if (!revoked) {
        printError(revoked.error().message);
        return Failed;
    }
    if (!revoked.value()) {
        printError(QStringLiteral("there is no provisioning token named \u201c%1\u201d.").arg(name));
        return Failed;
    }
    printOut(QStringLiteral("Revoked the provisioning token \u201c%1\u201d.\n").arg(name));
    return Success;
}

} // namespace

int runScimTokenCommand(const QStringList &arguments)
{
    return runSubcommand(arguments, QStringLiteral("scim-token"), ScimTokenHelp,
                         {{"create", create}, {"list", list}, {"revoke", revoke}});
}

} // namespace Colleagues::Server::Cli
