// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace Colleagues::Server::Directory {

//! Where the directory is and how to reach it (the --url, --starttls, --ca-file, --bind-dn
//! and --bind-password-file options of ldap-sync and serve).
struct LdapSettings
{
    QString url; //!< ldap://HOST[:PORT] or ldaps://HOST[:PORT]
    bool startTls = false; //!< ldap:// upgraded with StartTLS before anything is sent
    QString caFile; //!< PEM CA certificates the server's certificate must chain to; empty: the system's
    QString bindDn; //!< empty: anonymous
    QByteArray bindPassword; //!< never logged
    int timeoutSeconds = 15; //!< connecting, and each operation

    //! Whether the connection is encrypted (ldaps:// or StartTLS).
    bool encrypted() const { return startTls || url.startsWith(QLatin1String("ldaps://"), Qt::CaseInsensitive); }
    //! Why the settings cannot work (a URL that is not ldap:// or ldaps://, StartTLS on
    //! ldaps://), or an empty string.
    QString check() const;
};

//! One entry of a search: its DN and its attributes (names in lower case).
struct LdapEntry
{
    QString dn;
    //! (name, values) as the server sent them; an entry has a handful, so a list is quickest.
    QList<std::pair<QByteArray, QList<QByteArray>>> attributes;

    //! The values of \a name (any case).
    QList<QByteArray> values(const QString &name) const;
    //! The first value of \a name (any case) as UTF-8 text; empty when it has none.
    QString first(const QString &name) const;
};

//! How an LDAP operation failed.
struct LdapError
{
    enum class Kind {
        None,
        Unavailable, //!< the directory cannot be reached, or TLS failed
        InvalidCredentials, //!< a bind with a wrong DN or password
        Failed, //!< anything else the server refused (bad base, bad filter, size limit, ...)
    };
    Kind kind = Kind::None;
    QString message; //!< a sentence naming the operation and the server's reason
    explicit operator bool() const { return kind != Kind::None; }
};

/*!
 * One connection to an LDAP server through OpenLDAP's libldap: connects (LDAPS or StartTLS
 * with the server's certificate always checked), binds, and searches with RFC 2696 paged
 * results, so that a directory larger than the server's size limit is read completely.
 * Blocking; use it from one thread at a time.
 */
class LdapConnection
{
public:
    LdapConnection();
    ~LdapConnection();
    LdapConnection(const LdapConnection &) = delete;
    LdapConnection &operator=(const LdapConnection &) = delete;

    //! Connects (and StartTLS) and binds with the settings' DN and password (anonymous
    //! without). Nothing is sent before TLS is up when TLS is asked for.
    LdapError open(const LdapSettings &settings);
    //! Binds again as \a dn with \a password (a user's sign-in). An empty password is refused
    //! here: LDAP would take it as an anonymous bind and succeed.
    LdapError bind(const QString &dn, const QByteArray &password);
    //! Searches the subtree of \a base for \a filter, \a pageSize entries a page, and calls
    //! \a onEntry for every entry; only \a attributes are asked for (all when empty).
    LdapError search(const QString &base, const QString &filter, const QStringList &attributes,
                     const std::function<void(LdapEntry &&)> &onEntry, int pageSize = 1000);

    //! \a value escaped for use inside a search filter (RFC 4515): *, (, ), \ and NUL as \XX.
    static QString escapeFilterValue(const QString &value);
    //! A DN in one comparable spelling: attribute names in lower case, no spaces around , and =,
    //! values compared case-insensitively (lower case).
    static QString normalizeDn(const QString &dn);

private:
    LdapError failure(int code, const QString &what) const;

    struct Handle;
    std::unique_ptr<Handle> m_handle;
};

} // namespace Colleagues::Server::Directory
