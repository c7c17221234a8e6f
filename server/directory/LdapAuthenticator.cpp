// SPDX-License-Identifier: MIT
#include "server/directory/LdapAuthenticator.h"

namespace Colleagues::Server::Directory {

LdapAuthenticator::LdapAuthenticator(LdapSettings settings, QString base, QString userFilter)
    : m_settings(std::move(settings))
    , m_base(std::move(base))
    , m_userFilter(std::move(userFilter))
{ }

QString LdapAuthenticator::checkUserFilter(const QString &userFilter)
{
    if (userFilter.count(QStringLiteral("%s")) != 1)
        return QStringLiteral("--ldap-user-filter must hold %s (the username) exactly once, e.g. (uid=%s).");
    if (!userFilter.startsWith(QLatin1Char('(')) || !userFilter.endsWith(QLatin1Char(')')))
        return QStringLiteral("--ldap-user-filter is an LDAP filter in parentheses, e.g. (uid=%s).");
    return {};
}

QString LdapAuthenticator::userFilterFor(const QString &userFilter, const QString &username)
{
    QString filter = userFilter;
    return filter.replace(QStringLiteral("%s"), LdapConnection::escapeFilterValue(username));
}

LdapAuthenticator::Answer LdapAuthenticator::check(const QString &username, const QByteArray &password) const
{
    // An empty password would be an anonymous bind, which LDAP servers accept.
    if (password.isEmpty() || username.isEmpty())
        return {Result::Rejected, QStringLiteral("empty username or password")};
    LdapConnection connection;
    // The server's own bind failing is not the user's fault either: unavailable.
    if (const LdapError error = connection.open(m_settings))
        return {Result::Unavailable, error.message};
    QStringList dns;
    const QString filter = userFilterFor(m_userFilter, username);
    if (const LdapError error = connection.search(
            m_base, filter, {QStringLiteral("1.1")}, [&dns](LdapEntry &&entry) { dns.append(entry.dn); }, 2)) {
        return {Result::Unavailable, error.message};
    }
    if (dns.size() != 1) {
        return {Result::Rejected,
                dns.isEmpty() ? QStringLiteral("no entry matches %1").arg(filter)
                              : QStringLiteral("several entries match %1").arg(filter)};
    }
    if (const LdapError error = connection.bind(dns.constFirst(), password)) {
        return {error.kind == LdapError::Kind::Unavailable ? Result::Unavailable : Result::Rejected, error.message};
    }
    return {Result::Accepted, dns.constFirst()};
}

} // namespace Colleagues::Server::Directory
