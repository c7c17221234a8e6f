// SPDX-License-Identifier: MIT
#include "client/sync/SyncCommands.h"

#include "core/Validation.h"

#include "client/ClientStore.h"
#include "client/CommandLine.h"
#include "client/search/SearchEngine.h"
#include "client/sync/ApiClient.h"
#include "client/sync/ExpertChoice.h"
#include "client/sync/Outbox.h"
#include "client/sync/Session.h"
#include "client/sync/StatusBook.h"
#include "client/sync/SyncClient.h"
#include "client/sync/SyncEngine.h"
#include "client/sync/TokenStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <optional>
#include <termios.h>
#include <unistd.h>

namespace Colleagues::SyncCommands {

using CommandLine::err;
using CommandLine::out;

namespace {

int finish(int code)
{
    out().flush();
    err().flush();
    return code;
}

//! Standard input, one stream for every line read (several passwords may come through a pipe).
QTextStream &standardInput()
{
    static QTextStream in(stdin);
    return in;
}

//! Reads one line from standard input, without echo when it is a terminal.
QString readPassword(const char *prompt = "Password: ")
{
    const bool tty = isatty(STDIN_FILENO);
    termios saved {};
    if (tty) {
        err() << prompt;
        err().flush();
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    const QString line = standardInput().readLine();
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err() << "\n";
    }
    return line;
}

QString describeStorage(TokenStore::Where where)
{
    switch (where) {
    case TokenStore::Where::Keychain: return QStringLiteral("in the system keychain");
    case TokenStore::Where::File: return QStringLiteral("in the token file");
    case TokenStore::Where::Memory: return QStringLiteral("in memory only (it ends with this command)");
    case TokenStore::Where::Nowhere: break;
    }
    return QStringLiteral("nowhere");
}

//! The store and sync client of one command.
struct Context
{
    ClientStore store;
    QNetworkAccessManager *network = nullptr;
    SyncClient *client = nullptr;
    QObject owner;

    bool open(const QCommandLineParser &parser)
    {
        if (!store.open(parser.value(QStringLiteral("data-dir")))) {
            err() << "colleagues: " << store.errorString() << "\n";
            return false;
        }
        network = new QNetworkAccessManager(&owner);
        client = new SyncClient(&store, network, &owner);
        QObject::connect(client->session(), &Session::notice, &owner, [](const QString &message) {
            err() << "colleagues: " << message << "\n" << Qt::flush;
        });
        return true;
    }
    ~Context() { delete client; }
};

//! Restores the saved session, then calls \a then(signedIn) in the event loop.
void restore(Context &c, std::function<void(bool)> then)
{
    QObject::connect(c.client->session(), &Session::restored, &c.owner, std::move(then), Qt::SingleShotConnection);
    // From inside the event loop: the session may be restored (or fail to) before restore()
    // returns, and \a then may exit the loop.
    QTimer::singleShot(0, &c.owner, [session = c.client->session()] { session->restore(); });
}

QJsonObject messageJson(const MessageRecord &r)
{
    QJsonObject o = toJson(r.message);
    o.insert(QStringLiteral("peer"), r.peer);
    o.insert(QStringLiteral("state"), messageStateName(r.state));
    if (r.message.id == 0)
        o.insert(QStringLiteral("id"), QJsonValue());
    if (r.message.sequence == 0)
        o.insert(QStringLiteral("seq"), QJsonValue());
    if (!r.message.sentAt.isValid())
        o.insert(QStringLiteral("sent_at"), QJsonValue());
    if (!r.error.isEmpty())
        o.insert(QStringLiteral("error"), r.error);
    return o;
}

QString messageLine(const MessageRecord &r)
{
    const QString when = r.message.sentAt.isValid()
        ? r.message.sentAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
        : QStringLiteral("(not sent)");
    QString state;
    if (r.state == MessageRecord::State::Pending)
        state = QStringLiteral(" [pending]");
    else if (r.state == MessageRecord::State::Failed)
        state = QStringLiteral(" [failed: %1]").arg(r.error);
    else if (r.message.readAt.isValid())
        state = QStringLiteral(" [read]");
    // Message bodies may span lines: indent the continuation.
    QString body = r.message.body;
    body.replace(QLatin1Char('\n'), QStringLiteral("\n    "));
    if (r.message.isInConversation())
        return QStringLiteral("%1 %2 in %3: %4%5").arg(when, r.message.sender, r.message.conversation, body, state);
    return QStringLiteral("%1 %2 -> %3: %4%5").arg(when, r.message.sender, r.message.recipient, body, state);
}

// The server's rule for new passwords (colleagues-server user passwd): at least 8 characters.
constexpr int MinPasswordLength = Limits::PasswordMin;

/*!
 * Reads a new password (asked twice on a terminal) and changes \a current to it on the server;
 * prints what happened and returns the exit code. \a command names the command in messages.
 */
int changePassword(Context &c, const QString &command, const QString &current)
{
    const bool tty = isatty(STDIN_FILENO);
    const QString next = readPassword("New password: ");
    if (next.size() < MinPasswordLength) {
        err() << "colleagues " << command << ": the new password must be at least " << MinPasswordLength
              << " characters long\n";
        return 1;
    }
    if (tty && readPassword("Repeat the new password: ") != next) {
        err() << "colleagues " << command << ": the two new passwords are not the same\n";
        return 1;
    }
    if (next == current) {
        err() << "colleagues " << command << ": the new password must differ from the current one\n";
        return 1;
    }
    int code = 1;
    ChangePasswordJob *job = c.client->api()->changePassword(current, next);
    QObject::connect(job, &ApiJob::finished, &c.owner, [&, job] {
        if (job->isSucceeded()) {
            c.client->session()->setPasswordChanged();
            out() << "Changed your password; your other sessions were signed out.\n";
            code = 0;
        } else if (job->error().kind == ApiError::Kind::Auth && job->error().field == QLatin1String("current")) {
            err() << "colleagues " << command << ": the current password is wrong\n";
        } else {
            err() << "colleagues " << command << ": " << job->error().userMessage << "\n";
        }
        QCoreApplication::exit(code);
    });
    QCoreApplication::exec();
    return code;
}

int runPasswd(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Change your password on the server you signed in to with colleagues login. On a terminal it asks for "
        "the current password and the new one twice, without echo; otherwise it reads two lines from standard "
        "input: the current password, then the new one. Your other sessions are signed out."));
    const QString usage = QStringLiteral("colleagues passwd [--data-dir DIR]");
    if (const int code = CommandLine::parseCommand(parser, arguments, usage); code >= 0)
        return code;
    Context c;
    if (!c.open(parser))
        return finish(1);
    bool signedIn = false;
    restore(c, [&](bool restored) {
        signedIn = restored;
        QCoreApplication::exit(0);
    });
    QCoreApplication::exec();
    if (!signedIn) {
        err() << "colleagues passwd: not signed in; run colleagues login first\n";
        return finish(1);
    }
    const QString current = readPassword("Current password: ");
    if (current.isEmpty()) {
        err() << "colleagues passwd: no current password given\n";
        return finish(2);
    }
    return finish(changePassword(c, QStringLiteral("passwd"), current));
}

// login ----------------------------------------------------------------------------------------

int runLogin(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Sign in to a Colleagues server. The password is read from standard input and never "
                       "stored; the session token is kept in the system keychain, so that the commands that "
                       "follow are signed in. Without a keychain service the token is kept in memory only, "
                       "unless you opt in to --token-file."));
    const QCommandLineOption server(QStringList {QStringLiteral("server")},
                                    QStringLiteral("The server's address, e.g. https://colleagues.example.com."),
                                    QStringLiteral("URL"));
    const QCommandLineOption user(QStringList {QStringLiteral("user")}, QStringLiteral("Your username."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption tokenFile(
        QStringList {QStringLiteral("token-file")},
        QStringLiteral("Keep the session token in FILE (created with mode 0600) instead of the keychain."),
        QStringLiteral("FILE"));
    parser.addOptions({server, user, tokenFile});
    const QString usage =
        QStringLiteral("colleagues login --server URL --user NAME [--token-file FILE] [--data-dir DIR]"
                       " < password");
    if (const int code = CommandLine::parseCommand(parser, arguments, usage); code >= 0)
        return code;
    const QUrl url = ApiClient::normalizedServerUrl(parser.value(server));
    const QString username = parser.value(user).trimmed().toLower();
    if (url.isEmpty() || username.isEmpty()) {
        err() << "colleagues login: give the server's address (http:// or https://) and your username\n"
              << usage << "\n";
        return finish(2);
    }
    const QString password = readPassword();
    if (password.isEmpty()) {
        err() << "colleagues login: no password on standard input\n";
        return finish(2);
    }

    Context c;
    if (!c.open(parser))
        return finish(1);
    if (parser.isSet(tokenFile))
        c.client->tokenStore()->setTokenFile(parser.value(tokenFile));
    int code = 1;
    QObject::connect(c.client->session(), &Session::signedIn, &c.owner, [&] {
        out() << "Signed in as " << c.client->session()->username() << " at " << url.toString()
              << "; the token is kept " << describeStorage(c.client->session()->tokenStorage()) << ".\n";
        code = 0;
        QCoreApplication::exit(0);
    });
    QObject::connect(c.client->session(), &Session::signInFailed, &c.owner, [&](const ApiError &error) {
        err() << "colleagues login: " << error.userMessage << "\n";
        QCoreApplication::exit(1);
    });
    c.client->session()->signIn(url, username, password);
    QCoreApplication::exec();
    if (code == 0 && c.client->session()->mustChangePassword()) {
        // An administrator chose this password: others may know it.
        err() << "Your password was set by an administrator; please choose your own now.\n";
        if (!isatty(STDIN_FILENO)) {
            err() << "colleagues login: change it with colleagues passwd\n";
            return finish(0);
        }
        if (changePassword(c, QStringLiteral("login"), password) != 0)
            err() << "colleagues login: you are signed in; change the password later with colleagues passwd\n";
    }
    return finish(code);
}

int runLogout(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sign out: revoke the session token and forget it."));
    const QString usage = QStringLiteral("colleagues logout [--data-dir DIR]");
    if (const int code = CommandLine::parseCommand(parser, arguments, usage); code >= 0)
        return code;
    Context c;
    if (!c.open(parser))
        return finish(1);
    QObject::connect(c.client->session(), &Session::signedOut, &c.owner, [] {
        out() << "Signed out.\n";
        QCoreApplication::exit(0);
    });
    restore(c, [&](bool) { c.client->session()->signOut(); });
    QCoreApplication::exec();
    return finish(0);
}

// sync -----------------------------------------------------------------------------------------

int runSync(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Bring the local store up to date with the server and send what waits in the outbox. "
                       "Without --once, keeps listening for changes (long-poll) until interrupted, printing "
                       "new messages. A first sync that was interrupted resumes where it stopped."));
    const QCommandLineOption once(QStringList {QStringLiteral("once")},
                                  QStringLiteral("Stop when up to date and the outbox is sent."));
    const QCommandLineOption pageSize(QStringList {QStringLiteral("page-size")},
                                      QStringLiteral("Profiles per page in the first sync (default 1000)."),
                                      QStringLiteral("N"), QStringLiteral("1000"));
    parser.addOptions({once, pageSize});
    const QString usage = QStringLiteral("colleagues sync [--once] [--page-size N] [--data-dir DIR]");
    if (const int code = CommandLine::parseCommand(parser, arguments, usage); code >= 0)
        return code;
    const std::optional<int> pageSizeValue = CommandLine::numberValue(parser, pageSize, 1, 10000);
    if (!pageSizeValue) {
        err() << "colleagues sync: --page-size must be 1 to 10000\n";
        return finish(2);
    }
    const bool onceMode = parser.isSet(once);

    Context c;
    if (!c.open(parser))
        return finish(1);
    SyncEngine *engine = c.client->engine();
    Outbox *outbox = c.client->outbox();
    engine->setPageSize(*pageSizeValue);

    int code = 0;
    bool caughtUp = false;
    bool drained = false;
    auto maybeDone = [&] {
        if (onceMode && caughtUp && drained)
            QCoreApplication::exit(0);
    };
    if (!engine->isInitialSyncDone() && engine->progress().received > 0)
        out() << "resuming the first sync after " << engine->progress().received << " profiles\n" << Qt::flush;
    QObject::connect(engine, &SyncEngine::progressChanged, &c.owner, [](qint64 received, qint64 total) {
        out() << "synced " << received << " of " << (total >= 0 ? QString::number(total) : QStringLiteral("?"))
              << " profiles\n"
              << Qt::flush;
    });
    QObject::connect(engine, &SyncEngine::directoryReset, &c.owner, [] {
        out() << "the server asked for a full resync; starting over\n" << Qt::flush;
    });
    QObject::connect(engine, &SyncEngine::messagesReceived, &c.owner, [](const QList<MessageRecord> &messages) {
        for (const MessageRecord &m : messages)
            out() << "message: " << messageLine(m) << "\n";
        out().flush();
    });
    QObject::connect(engine, &SyncEngine::caughtUp, &c.owner, [&] {
        caughtUp = true;
        maybeDone();
    });
    QObject::connect(outbox, &Outbox::drained, &c.owner, [&] {
        drained = true;
        maybeDone();
    });
    QObject::connect(outbox, &Outbox::itemChanged, &c.owner, [](const OutboxItem &item) {
        if (item.state == OutboxItem::State::Failed)
            err() << "colleagues sync: could not send " << outboxKindName(item.kind) << ": " << item.errorMessage
                  << "\n"
                  << Qt::flush;
    });
    QObject::connect(engine, &SyncEngine::errorOccurred, &c.owner, [&](const ApiError &error) {
        err() << "colleagues sync: " << error.userMessage << "\n" << Qt::flush;
        if (error.kind == ApiError::Kind::Auth) {
            err() << "colleagues sync: sign in again with colleagues login\n";
            code = 1;
            QCoreApplication::exit(1);
        } else if (onceMode) {
            code = 1;
            QCoreApplication::exit(1);
        }
    });
    QObject::connect(
        c.client->session(), &Session::restored, &c.owner,
        [&](bool signedIn) {
            if (!signedIn) {
                err() << "colleagues sync: not signed in; run colleagues login first\n";
                code = 1;
                QCoreApplication::exit(1);
            }
        },
        Qt::SingleShotConnection);
    // Restores the session, then syncs; from inside the event loop, which the answer may end.
    QTimer::singleShot(0, &c.owner, [&] { c.client->start(onceMode); });
    QCoreApplication::exec();
    if (code == 0 && onceMode)
        out() << "up to date: " << c.store.profileCount() << " profiles\n";
    return finish(code);
}

// send -----------------------------------------------------------------------------------------

//! The outbox id of what \a command queued; when the outbox refused it, says why and exits with
//! code 2 (nothing was queued).
std::optional<QString> queuedOrExit(const Expected<QString> &queued, const char *command, int &code)
{
    if (queued)
        return *queued;
    err() << "colleagues " << command << ": " << queued.error().message << "\n";
    code = 2;
    QCoreApplication::exit(2);
    return std::nullopt;
}

//! Once a message is queued: sends the outbox, or, when the session has ended (not \a signedIn),
//! says that \a what stays queued until the next sign-in and exits with code 3.
void sendOrKeepQueued(Context &c, bool signedIn, int &code, const char *command, const char *what)
{
    Outbox *outbox = c.client->outbox();
    if (signedIn) {
        outbox->start();
        return;
    }
    QObject::connect(outbox, &Outbox::messageQueued, &c.owner, [&code, command, what] {
        err() << "colleagues " << command << ": the session has ended; " << what
              << " is queued and goes out after colleagues login\n";
        code = 3;
        QCoreApplication::exit(3);
    });
}

int runSend(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Send a message. It is written to the outbox first: when the server cannot be reached it "
                       "stays queued (exit code 3) and goes out with the next colleagues sync, exactly once."));
    const QCommandLineOption to(QStringList {QStringLiteral("to")}, QStringLiteral("The recipient's username."),
                                QStringLiteral("USER"));
    parser.addOption(to);
    parser.addPositionalArgument(QStringLiteral("TEXT"), QStringLiteral("The message."));
    const QString usage = QStringLiteral("colleagues send --to USER TEXT [--data-dir DIR]");
    if (const int code = CommandLine::parseCommand(parser, arguments, usage); code >= 0)
        return code;
    const QString recipient = parser.value(to).trimmed().toLower();
    const QString text = parser.positionalArguments().join(QLatin1Char(' '));
    if (recipient.isEmpty() || text.isEmpty()) {
        err() << "colleagues send: give a recipient and a text\n" << usage << "\n";
        return finish(2);
    }
    Context c;
    if (!c.open(parser))
        return finish(1);
    Outbox *outbox = c.client->outbox();
    int code = 1;
    QString clientId;
    QObject::connect(outbox, &Outbox::messageChanged, &c.owner, [&](const MessageRecord &m) {
        if (m.message.clientId != clientId)
            return;
        if (m.state == MessageRecord::State::Sent) {
            out() << "sent to " << m.peer << "\n";
            code = 0;
            QCoreApplication::exit(0);
        } else if (m.state == MessageRecord::State::Failed) {
            err() << "colleagues send: " << m.error << "\n";
            code = 1;
            QCoreApplication::exit(1);
        }
    });
    QObject::connect(outbox, &Outbox::itemChanged, &c.owner, [&](const OutboxItem &item) {
        // Any item waiting for a retry will do: an earlier message to the same person, queued
        // offline, goes first, and ours waits behind it (it would never be tried here).
        if (item.state != OutboxItem::State::Pending || item.attempts == 0)
            return;
        err() << "colleagues send: not delivered yet (" << item.errorMessage
              << "); it is queued and goes out with the next colleagues sync\n";
        code = 3;
        QCoreApplication::exit(3);
    });
    restore(c, [&](bool signedIn) {
        if (c.client->session()->username().isEmpty()) {
            err() << "colleagues send: not signed in; run colleagues login first\n";
            QCoreApplication::exit(1);
            return;
        }
        outbox->setUsername(c.client->session()->username());
        const std::optional<QString> queued = queuedOrExit(outbox->sendMessage(recipient, text), "send", code);
        if (!queued)
            return;
        clientId = *queued;
        sendOrKeepQueued(c, signedIn, code, "send", "the message");
    });
    QCoreApplication::exec();
    return finish(code);
}

// ask ------------------------------------------------------------------------------------------

//! "Grace Hopper (grace)", or the username alone when the directory does not have the person.
QString personText(const ClientStore &store, const QString &username)
{
    const std::optional<Profile> p = store.profileByUsername(username);
    return p && !p->displayName.isEmpty() ? QStringLiteral("%1 (%2)").arg(p->displayName, username) : username;
}

int runAsk(const QStringList &arguments)
{
    // Everything after "--" is the question, whatever it looks like.
    QStringList options = arguments;
    QString text;
    if (const qsizetype dashes = arguments.indexOf(QStringLiteral("--")); dashes > 0) {
        text = arguments.mid(dashes + 1).join(QLatin1Char(' '));
        options = arguments.mid(0, dashes);
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "Ask the experts: one question to the best matches of a search of the local directory, as a group "
            "question in which everyone sees every answer. People out of office (as the local store knows: run "
            "colleagues sync first) are left out, and named. Like send, it is written to the outbox first: offline "
            "it stays queued (exit code 3) and goes out with the next colleagues sync.\n\n")
        + SearchEngine::syntaxHelp());
    const QCommandLineOption top(QStringList {QStringLiteral("top")},
                                 QStringLiteral("Ask the best N people found (default 5)."), QStringLiteral("N"),
                                 QStringLiteral("5"));
    const QCommandLineOption title(QStringList {QStringLiteral("title")},
                                   QStringLiteral("The question's title (default: the first line of TEXT)."),
                                   QStringLiteral("T"));
    parser.addOptions({top, title});
    parser.addPositionalArgument(QStringLiteral("QUERY"),
                                 QStringLiteral("Who to ask: words and filters to search for."));
    parser.addPositionalArgument(QStringLiteral("-- TEXT"), QStringLiteral("The question."));
    const QString usage = QStringLiteral("colleagues ask [--top N] [--title T] QUERY -- TEXT [--data-dir DIR]");
    if (const int code = CommandLine::parseCommand(parser, options, usage); code >= 0)
        return code;
    const std::optional<int> topValue = CommandLine::numberValue(parser, top, 1, Limits::ConversationMembersMax - 1);
    if (!topValue) {
        err() << "colleagues ask: --top must be 1 to " << Limits::ConversationMembersMax - 1 << "\n" << usage << "\n";
        return finish(2);
    }
    const QString query = parser.positionalArguments().join(QLatin1Char(' ')).trimmed();
    text = text.trimmed();
    if (query.isEmpty() || text.isEmpty()) {
        err() << "colleagues ask: give a search and, after --, the question\n" << usage << "\n";
        return finish(2);
    }
    QString titleText = parser.isSet(title) ? parser.value(title).simplified() : text.section(QLatin1Char('\n'), 0, 0);
    if (titleText.size() > Limits::ConversationTitleMax)
        titleText = titleText.left(Limits::ConversationTitleMax - 1) + QChar(0x2026);

    Context c;
    if (!c.open(parser))
        return finish(1);
    SearchEngine engine(&c.store);
    engine.setVocabulary(c.store.vocabulary());
    SearchRequest request;
    request.query = query;
    request.limit = 200;
    const SearchPage page = engine.search(request);
    if (!page.error.isEmpty()) {
        err() << "colleagues ask: " << page.error << "\n";
        return finish(2);
    }
    QStringList ranked;
    for (const SearchResult &result : page.results)
        ranked.append(result.username);

    Outbox *outbox = c.client->outbox();
    int code = 1;
    QString conversation;
    QObject::connect(outbox, &Outbox::messageChanged, &c.owner, [&](const MessageRecord &m) {
        if (conversation.isEmpty() || m.message.conversation != conversation)
            return;
        if (m.state == MessageRecord::State::Sent) {
            out() << "sent: question " << conversation << "\n";
            code = 0;
            QCoreApplication::exit(0);
        } else if (m.state == MessageRecord::State::Failed) {
            err() << "colleagues ask: " << m.error << "\n";
            QCoreApplication::exit(1);
        }
    });
    QObject::connect(outbox, &Outbox::itemChanged, &c.owner, [&](const OutboxItem &item) {
        if (item.conversation != conversation)
            return;
        if (item.state == OutboxItem::State::Failed) {
            err() << "colleagues ask: " << item.errorMessage << "\n";
            QCoreApplication::exit(1);
        } else if (item.state == OutboxItem::State::Pending && item.attempts > 0) {
            err() << "colleagues ask: not delivered yet (" << item.errorMessage
                  << "); it is queued and goes out with the next colleagues sync\n";
            code = 3;
            QCoreApplication::exit(3);
        }
    });
    restore(c, [&](bool signedIn) {
        const QString me = c.client->session()->username();
        if (me.isEmpty()) {
            err() << "colleagues ask: not signed in; run colleagues login first\n";
            QCoreApplication::exit(1);
            return;
        }
        StatusBook *statuses = c.client->statuses();
        const ExpertChoice choice = chooseExperts(
            ranked, *topValue, me, [statuses](const QString &username) { return statuses->status(username); });
        QStringList leftOut;
        for (const QString &username : choice.outOfOffice) {
            const Status status = statuses->status(username);
            leftOut.append(status.outOfOffice && status.outOfOffice->to.isValid()
                               ? QStringLiteral("%1 until %2")
                                     .arg(personText(c.store, username), status.outOfOffice->to.toString(Qt::ISODate))
                               : personText(c.store, username));
        }
        if (choice.chosen.isEmpty()) {
            err() << "colleagues ask: no one to ask for " << query;
            if (!leftOut.isEmpty())
                err() << " (out of office: " << leftOut.join(QStringLiteral(", ")) << ")";
            err() << "\n";
            QCoreApplication::exit(1);
            return;
        }
        outbox->setUsername(me);
        const std::optional<QString> started = queuedOrExit(
            outbox->startConversation(ConversationKind::Question, titleText, choice.chosen, text), "ask", code);
        if (!started)
            return;
        conversation = *started;
        QStringList asked;
        for (const QString &username : choice.chosen)
            asked.append(personText(c.store, username));
        out() << "asking " << asked.size() << (asked.size() == 1 ? " person: " : " people: ")
              << asked.join(QStringLiteral(", ")) << "\n";
        if (!leftOut.isEmpty())
            out() << "left out, out of office: " << leftOut.join(QStringLiteral(", ")) << "\n";
        out().flush();
        sendOrKeepQueued(c, signedIn, code, "ask", "the question");
    });
    QCoreApplication::exec();
    return finish(code);
}

// status ---------------------------------------------------------------------------------------

QString availabilityWords(Availability availability)
{
    switch (availability) {
    case Availability::Available: return QStringLiteral("available");
    case Availability::Dnd: return QStringLiteral("do not disturb");
    case Availability::OutOfOffice: return QStringLiteral("out of office");
    }
    return {};
}

//! A status in a few lines: "grace: online, do not disturb until 2026-12-04 16:00", the status
//! line in quotes, the out-of-office window with its stand-in and note.
QString statusLines(const Status &s)
{
    QString text =
        QStringLiteral("%1: %2, %3").arg(s.username, presenceName(s.presence), availabilityWords(s.availability));
    if (s.until.isValid())
        text += QStringLiteral(" until ") + s.until.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    text += QLatin1Char('\n');
    if (!s.text.isEmpty())
        text += QStringLiteral("  \"%1\"\n").arg(s.text);
    if (s.outOfOffice) {
        const OutOfOffice &w = *s.outOfOffice;
        text +=
            QStringLiteral("  out of office %1 to %2").arg(w.from.toString(Qt::ISODate), w.to.toString(Qt::ISODate));
        if (!w.standIn.isEmpty())
            text += QStringLiteral(" (stand-in: %1)").arg(w.standIn);
        if (!w.note.isEmpty())
            text += QStringLiteral(": ") + QString(w.note).replace(QLatin1Char('\n'), QStringLiteral("\n    "));
        text += QLatin1Char('\n');
    }
    return text;
}

/*!
 * The end time of --until: an RFC 3339 time ("2026-12-04T16:00:00Z"), a local time of day
 * ("16:00", tomorrow when it has passed today), a local date and time ("2026-12-04 16:00") or a
 * duration from now ("90m", "2h", "1d"). Invalid when it is none of these.
 */
QDateTime parseUntil(const QString &value, const QDateTime &now)
{
    const QString v = value.trimmed();
    static const QRegularExpression duration(QStringLiteral("^(\\d{1,4})\\s*(m|min|h|d)$"));
    if (const QRegularExpressionMatch m = duration.match(v.toLower()); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QString unit = m.captured(2);
        const qint64 seconds = unit == QLatin1String("d") ? n * 86400 : unit == QLatin1String("h") ? n * 3600 : n * 60;
        return now.addSecs(seconds).toUTC();
    }
    if (const QTime time = QTime::fromString(v, QStringLiteral("H:mm")); time.isValid()) {
        QDateTime at(now.toLocalTime().date(), time, Qt::LocalTime);
        if (at <= now)
            at = at.addDays(1);
        return at.toUTC();
    }
    if (QDateTime at = QDateTime::fromString(v, QStringLiteral("yyyy-MM-dd H:mm")); at.isValid())
        return at.toUTC();
    if (QDateTime at = QDateTime::fromString(v, Qt::ISODateWithMs); at.isValid() && at.timeSpec() != Qt::LocalTime)
        return at.toUTC();
    return {};
}

int runStatus(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Show or set a status: whether someone can be reached now (online, away, offline), what they chose "
        "(available, do not disturb, out of office), their status line and out-of-office note. Without "
        "USERNAME, your own, asked from the server; with it, that person's as the local store has it (run "
        "colleagues sync to bring it up to date). --set and --clear change your own on the server; that "
        "needs the server: offline, nothing is changed or queued (exit code 1)."));
    const QCommandLineOption set(QStringList {QStringLiteral("set")},
                                 QStringLiteral("Set your availability: available, dnd or out-of-office."),
                                 QStringLiteral("AVAILABILITY"));
    const QCommandLineOption clear(QStringList {QStringLiteral("clear")},
                                   QStringLiteral("Be available again, without status line or out-of-office window."));
    const QCommandLineOption text(QStringList {QStringLiteral("text")},
                                  QStringLiteral("A status line (at most 100 characters)."), QStringLiteral("T"));
    const QCommandLineOption until(
        QStringList {QStringLiteral("until")},
        QStringLiteral("When do-not-disturb and the status line end: HH:MM, \"YYYY-MM-DD HH:MM\" (local time), an "
                       "RFC 3339 time, or a duration such as 90m, 2h, 1d."),
        QStringLiteral("TIME"));
    const QCommandLineOption from(QStringList {QStringLiteral("from")},
                                  QStringLiteral("First day out of office (YYYY-MM-DD; default today)."),
                                  QStringLiteral("DATE"));
    const QCommandLineOption to(QStringList {QStringLiteral("to")},
                                QStringLiteral("Last day out of office (YYYY-MM-DD)."), QStringLiteral("DATE"));
    const QCommandLineOption note(QStringList {QStringLiteral("note")},
                                  QStringLiteral("The out-of-office note (at most 500 characters)."),
                                  QStringLiteral("N"));
    const QCommandLineOption standIn(QStringList {QStringLiteral("stand-in")},
                                     QStringLiteral("Who to write to while you are out of office (a username)."),
                                     QStringLiteral("USER"));
    const QCommandLineOption json(QStringList {QStringLiteral("json")},
                                  QStringLiteral("Print the status as JSON (the API's status object)."));
    parser.addOptions({set, clear, text, until, from, to, note, standIn, json});
    parser.addPositionalArgument(QStringLiteral("USERNAME"), QStringLiteral("Whose status to show."),
                                 QStringLiteral("[USERNAME]"));
    const QString usage = QStringLiteral(
        "colleagues status [USERNAME] [--json] | --set available|dnd|out-of-office [--text T] [--until TIME] "
        "[--from DATE --to DATE --note N --stand-in USER] | --clear [--data-dir DIR]");
    if (const int code = CommandLine::parseCommand(parser, arguments, usage); code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const bool changing = parser.isSet(set) || parser.isSet(clear);
    if (positional.size() > 1 || (changing && !positional.isEmpty()) || (parser.isSet(set) && parser.isSet(clear))) {
        err() << "colleagues status: give one username to show, or --set or --clear to change your own\n"
              << usage << "\n";
        return finish(2);
    }
    const bool windowOptions = parser.isSet(from) || parser.isSet(to) || parser.isSet(note) || parser.isSet(standIn);
    if (!changing && (parser.isSet(text) || parser.isSet(until) || windowOptions)) {
        err() << "colleagues status: --text, --until, --from, --to, --note and --stand-in go with --set\n";
        return finish(2);
    }

    StatusChoice choice;
    if (parser.isSet(set)) {
        const QString value = parser.value(set).trimmed().toLower();
        if (value == QLatin1String("available"))
            choice.availability = Availability::Available;
        else if (value == QLatin1String("dnd") || value == QLatin1String("do-not-disturb"))
            choice.availability = Availability::Dnd;
        else if (value == QLatin1String("out-of-office") || value == QLatin1String("out_of_office")
                 || value == QLatin1String("ooo"))
            choice.availability = Availability::OutOfOffice;
        else {
            err() << "colleagues status: --set takes available, dnd or out-of-office\n";
            return finish(2);
        }
        choice.text = parser.value(text);
        if (parser.isSet(until)) {
            choice.until = parseUntil(parser.value(until), QDateTime::currentDateTime());
            if (!choice.until.isValid()) {
                err() << "colleagues status: --until takes HH:MM, \"YYYY-MM-DD HH:MM\", an RFC 3339 time or a "
                         "duration such as 2h\n";
                return finish(2);
            }
        }
        if (choice.availability == Availability::OutOfOffice || windowOptions) {
            OutOfOffice window;
            window.from =
                parser.isSet(from) ? QDate::fromString(parser.value(from), Qt::ISODate) : QDate::currentDate();
            window.to = QDate::fromString(parser.value(to), Qt::ISODate);
            if (!window.from.isValid() || !window.to.isValid()) {
                err() << "colleagues status: out of office needs --to DATE (and --from DATE, default today), "
                         "as YYYY-MM-DD\n";
                return finish(2);
            }
            window.note = parser.value(note);
            window.standIn = parser.value(standIn).trimmed().toLower();
            choice.outOfOffice = window;
        }
    }

    Context c;
    if (!c.open(parser))
        return finish(1);
    int code = 1;
    auto print = [&](const Status &status) {
        if (parser.isSet(json))
            out() << QJsonDocument(toJson(status)).toJson(QJsonDocument::Indented);
        else
            out() << statusLines(status);
    };
    if (!changing && !positional.isEmpty()) {
        // Someone else's: what sync stored.
        print(c.client->statuses()->status(positional.first().trimmed().toLower()));
        return finish(0);
    }
    restore(c, [&](bool signedIn) {
        if (!signedIn) {
            err() << "colleagues status: not signed in; run colleagues login first\n";
            QCoreApplication::exit(1);
            return;
        }
        StatusBook *book = c.client->statuses();
        book->setMe(c.client->session()->username());
        auto done = [&](const Status &status, const ApiError &error) {
            if (error) {
                err() << "colleagues status: " << (changing ? StatusBook::errorSentence(error) : error.userMessage)
                      << "\n";
                code = 1;
            } else {
                if (changing && !parser.isSet(json))
                    out() << "Your status is now:\n";
                print(status);
                code = 0;
            }
            QCoreApplication::exit(code);
        };
        if (changing)
            book->setMyStatus(choice, &c.owner, done);
        else
            book->fetchMyStatus(&c.owner, done);
    });
    QCoreApplication::exec();
    return finish(code);
}

// messages -------------------------------------------------------------------------------------

int runMessages(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show messages from the local store (run colleagues sync to fetch new ones)."));
    const QCommandLineOption with(QStringList {QStringLiteral("with")},
                                  QStringLiteral("Only the conversation with USER."), QStringLiteral("USER"));
    const QCommandLineOption json(QStringList {QStringLiteral("json")},
                                  QStringLiteral("Print JSON (format in docs/cli.md)."));
    parser.addOptions({with, json});
    const QString usage = QStringLiteral("colleagues messages [--with USER] [--json] [--data-dir DIR]");
    if (const int code = CommandLine::parseCommand(parser, arguments, usage); code >= 0)
        return code;
    Context c;
    if (!c.open(parser))
        return finish(1);
    const QString peer = parser.value(with).trimmed().toLower();
    const QList<MessageRecord> list = parser.isSet(with) ? c.client->messages(peer) : c.client->allMessages();
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const MessageRecord &m : list)
            array.append(messageJson(m));
        out() << QJsonDocument(QJsonObject {{QStringLiteral("messages"), array}}).toJson(QJsonDocument::Indented);
        return finish(0);
    }
    if (list.isEmpty())
        out() << (parser.isSet(with) ? QStringLiteral("no messages with %1\n").arg(peer)
                                     : QStringLiteral("no messages\n"));
    for (const MessageRecord &m : list)
        out() << messageLine(m) << "\n";
    return finish(0);
}

//! Each command's name and what runs it.
constexpr CommandLine::Command Commands[] = {{"login", runLogin},   {"logout", runLogout}, {"passwd", runPasswd},
                                             {"sync", runSync},     {"send", runSend},     {"messages", runMessages},
                                             {"status", runStatus}, {"ask", runAsk}};

} // namespace

QStringList names()
{
    QStringList list;
    for (const auto &command : Commands)
        list.append(QLatin1String(command.name));
    return list;
}

int run(const QString &command, const QStringList &arguments)
{
    for (const auto &c : Commands) {
        if (command == QLatin1String(c.name))
            return c.run(arguments);
    }
    return 2;
}

QString help()
{
    return QStringLiteral(
        "  login --server URL --user NAME [--token-file F]  sign in (password on standard input)\n"
        "  logout                                           sign out and forget the token\n"
        "  passwd                                           change your password (asked on the terminal)\n"
        "  sync [--once]                                    sync with the server (and send the outbox)\n"
        "  send --to USER TEXT                              send a message (queued when offline)\n"
        "  ask [--top N] QUERY -- TEXT                      ask the best N people found one question\n"
        "  messages [--with USER] [--json]                  show messages from the local store\n"
        "  status [USERNAME] [--json]                       show your status, or someone's\n"
        "  status --set available|dnd|out-of-office ...     set your status (--text, --until, --from,\n"
        "                                                   --to, --note, --stand-in); --clear resets it\n");
}

} // namespace Colleagues::SyncCommands
