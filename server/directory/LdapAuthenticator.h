// SPDX-License-Identifier: MIT
#pragma once

#include "server/directory/LdapConnection.h"

#include <QByteArray>
#include <QString>

namespace Colleagues::Server::Directory {

/*!
 * Sign-in with the company password (`serve --auth ldap`): finds the user's entry under the
 * base with the user filter ("(uid=%s)", the username escaped per RFC 4515), then binds as that
 * entry with the password. Nothing of the password is kept. Each check opens its own
 * connection, so any number of threads may check at once. Blocking: call it on a worker.
 */
class LdapAuthenticator
{
public:
    enum class Result {
        Accepted,
        Rejected, //!< no such entry, several, or a wrong password
        Unavailable, //!< the directory cannot be reached (or TLS failed): not the user's fault
    };
    struct Answer
    {
        Result result = Result::Rejected;
        QString detail; //!< for the server's log: why (never the password)
    };

    LdapAuthenticator(LdapSettings settings, QString base, QString userFilter);

    //! Why \a userFilter cannot work (it must hold %s once, in parentheses), or an empty string.
    static QString checkUserFilter(const QString &userFilter);
    //! \a userFilter with %s replaced by \a username, escaped.
    static QString userFilterFor(const QString &userFilter, const QString &username);

    Answer check(const QString &username, const QByteArray &password) const;

private:
    LdapSettings m_settings;
    QString m_base;
    QString m_userFilter;
};

} // namespace Colleagues::Server::Directory
