// SPDX-License-Identifier: MIT
#include "server/storage/Storage.h"

#include "server/storage/SqlStorage_p.h"

#include <QDir>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QUrl>
#include <QUrlQuery>

namespace Colleagues::Server {

Error databaseFailure()
{
    return Error {Error::Code::Required, QStringLiteral("database"),
                  QStringLiteral("The database is not available right now; please try again later.")};
}

Expected<StorageConfig> StorageConfig::fromUrl(const QString &url)
{
    const auto invalid = [](const QString &message) {
        return Error {Error::Code::InvalidFormat, QStringLiteral("database_url"), message};
    };
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid())
        return invalid(QStringLiteral("The database URL is not a valid URL: %1.").arg(parsed.errorString()));
    if (parsed.scheme() != u"postgresql" && parsed.scheme() != u"postgres") {
        return invalid(
            QStringLiteral("The database URL must start with postgresql://, as in postgresql://user@host:5432/db."));
    }
    StorageConfig config;
    config.backend = Backend::Postgres;
    config.databaseUrl = url;
    config.user = parsed.userName(QUrl::FullyDecoded);
    config.password = parsed.password(QUrl::FullyDecoded);
    if (!parsed.host().isEmpty())
        config.host = parsed.host(QUrl::FullyDecoded);
    config.port = parsed.port(5432);
    if (config.port <= 0 || config.port > 65535)
        return invalid(QStringLiteral("The database URL has an invalid port."));
    QString path = parsed.path(QUrl::FullyDecoded);
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (path.isEmpty() || path.contains(QLatin1Char('/')))
        return invalid(QStringLiteral("The database URL must name the database, as in postgresql://host/colleagues."));
    config.databaseName = path;

    QStringList options;
    const QUrlQuery query(parsed);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"host") {
            config.host = value;
            continue;
        }
        static const QRegularExpression keyPattern(QStringLiteral("^[a-z_]+$"));
        if (!keyPattern.match(key).hasMatch() || value.contains(QLatin1Char(';')) || value.contains(QLatin1Char(' '))
            || value.contains(QLatin1Char('\''))) {
            return invalid(QStringLiteral("The database URL option \u201c%1\u201d is not supported.").arg(key));
        }
        options.append(key + QLatin1Char('=') + value);
    }
    config.connectOptions = options.join(QLatin1Char(';'));
    return config;
}

StorageConfig StorageConfig::sqlite(const QString &dataDir)
{
    StorageConfig config;
    config.backend = Backend::Sqlite;
    config.dataDir = dataDir;
    return config;
}

QString StorageConfig::sqliteFile() const
{
    return QDir(dataDir).filePath(QStringLiteral("colleagues.db"));
}

QString StorageConfig::displayName() const
{
    if (backend == Backend::Sqlite)
        return QDir::toNativeSeparators(sqliteFile());
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    url.setHost(host.startsWith(QLatin1Char('/')) ? QString() : host);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + databaseName);
    return url.toDisplayString();
}

QSqlDatabase StorageConfig::addConnection(const QString &name, QStringView applicationName) const
{
    if (backend == Backend::Sqlite) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(sqliteFile());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeout.count()));
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(host);
    db.setPort(port);
    db.setUserName(user);
    db.setPassword(password);
    db.setDatabaseName(databaseName);
    QString options = QStringLiteral("connect_timeout=10;application_name=") + applicationName.toString();
    if (!connectOptions.isEmpty())
        options += QLatin1Char(';') + connectOptions;
    db.setConnectOptions(options);
    return db;
}

std::unique_ptr<Storage> Storage::create(const StorageConfig &config, QObject *parent)
{
    return std::make_unique<SqlStorage>(config, parent);
}

Storage::Storage(QObject *parent)
    : QObject(parent)
{ }

Storage::~Storage() = default;

std::optional<Account> Storage::account(const QString &username)
{
    auto found = findAccount(username);
    return found ? *found : std::nullopt;
}

std::optional<Session> Storage::session(const QByteArray &tokenHash)
{
    auto found = findSession(tokenHash);
    return found ? *found : std::nullopt;
}

std::optional<Profile> Storage::profile(const QString &username)
{
    auto found = findProfile(username);
    return found ? *found : std::nullopt;
}

Expected<UpsertOutcome> Storage::importProfile(const Profile &profile)
{
    auto outcomes = importProfiles({profile});
    if (!outcomes)
        return outcomes.error();
    return outcomes->constFirst();
}

Expected<Profile> Storage::upsertProfile(const Profile &profile)
{
    auto outcome = importProfile(profile);
    if (!outcome)
        return outcome.error();
    return outcome->profile;
}

namespace {
thread_local const ChangeAudience *t_audience = nullptr;
} // namespace

ChangeAudience::ChangeAudience(QStringList usernames)
    : m_usernames(std::move(usernames))
    , m_outer(t_audience)
{
    t_audience = this;
}

ChangeAudience::~ChangeAudience()
{
    t_audience = m_outer;
}

const QStringList *ChangeAudience::current()
{
    return t_audience ? &t_audience->m_usernames : nullptr;
}

QString roleName(Role role)
{
    return role == Role::Admin ? QStringLiteral("admin") : QStringLiteral("member");
}

std::optional<Role> roleFromName(QStringView name)
{
    if (name == u"admin")
        return Role::Admin;
    if (name == u"member")
        return Role::Member;
    return std::nullopt;
}

} // namespace Colleagues::Server
