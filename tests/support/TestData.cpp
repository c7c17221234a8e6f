// SPDX-License-Identifier: MIT
#include "tests/support/TestData.h"

#include "server/accounts/PasswordHasher.h"
#include "server/accounts/Tokens.h"

#include <QDateTime>

namespace Colleagues::Test {

using namespace Colleagues::Server;

bool addUser(Storage &storage, const QString &username, const QString &password, Role role, bool withProfile)
{
    const QByteArray hash = password.isEmpty() ? QByteArray() : PasswordHasher::hashBlocking(password.toUtf8());
    if (!storage.createAccount(username, hash, role))
        return false;
    if (!withProfile)
        return true;
    Profile p;
    p.username = username;
    p.displayName = username.left(1).toUpper() + username.mid(1) + u" Example"_qs;
    p.title = u"Engineer"_qs;
    p.department = u"Platform"_qs;
    p.skills = {{u"C++"_qs, 4}};
    return bool(storage.upsertProfile(p));
}

QByteArray createSession(Storage &storage, const QString &username, Role role, int lifetimeSeconds)
{
    const QByteArray token = Tokens::generate();
    const Session session {Tokens::hash(token), username, role,
                           QDateTime::currentDateTimeUtc().addSecs(lifetimeSeconds)};
    if (!storage.createSession(session))
        qFatal("cannot create a session for %s", qPrintable(username));
    return token;
}

Profile orgPerson(const QString &username, const QString &manager)
{
    Profile p;
    p.id = QStringLiteral("id-") + username;
    p.username = username;
    p.displayName = QStringLiteral("Person ") + username;
    p.title = QStringLiteral("Engineer");
    p.department = QStringLiteral("Platform");
    p.location = QStringLiteral("Berlin");
    p.manager = manager;
    p.revision = 1;
    p.updatedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    return p;
}

QJsonObject profileJson(const QString &displayName, const QString &title)
{
    return QJsonObject {{u"display_name"_qs, displayName}, {u"title"_qs, title}};
}

} // namespace Colleagues::Test
