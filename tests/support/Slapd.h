// SPDX-License-Identifier: MIT
#pragma once

#include "tests/support/CliRun.h"

#include <QByteArray>
#include <QDateTime>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace Colleagues::Test {

/*!
 * A real OpenLDAP server (Debian's slapd) for the directory tests and benchmarks: a generated
 * slapd.conf in a temporary folder (mdb backend, the core, cosine and inetOrgPerson schemas),
 * data loaded with slapadd before it starts, listening on a free port of 127.0.0.1. Searches by
 * anyone but the root DN stop at \a sizeLimit entries unless paged (RFC 2696).
 *
 * The tree: dc=example,dc=com with ou=people below it; a reader (readerDn(), readerPassword())
 * that may read everything but passwords; the root DN cn=admin (ldapmodify()).
 */
class Slapd
{
public:
    //! With \a tls, start() makes a test CA and a certificate for 127.0.0.1 (openssl), and slapd
    //! also listens for ldaps:// (ldapsUrl()) and offers StartTLS on url().
    explicit Slapd(int sizeLimit = 500, bool tls = false);
    ~Slapd(); //!< stops it
    Slapd(const Slapd &) = delete;
    Slapd &operator=(const Slapd &) = delete;

    //! Whether slapd and slapadd are installed (/usr/sbin, or COLLEAGUES_SLAPD's folder).
    static bool isInstalled();

    //! Loads \a ldif (entries below ou=people; the base entries are added) and starts.
    bool start(const QByteArray &ldif);
    //! Starts again on the same data and port after stop().
    bool restart();
    //! SIGTERM and wait.
    void stop();
    bool isRunning() const;

    QString url() const { return QStringLiteral("ldap://127.0.0.1:%1").arg(m_port); }
    QString ldapsUrl() const { return QStringLiteral("ldaps://127.0.0.1:%1").arg(m_tlsPort); }
    //! With tls: the CA certificate (PEM) that signed the server's, and one that did not.
    QString caFile() const { return path(QStringLiteral("ca.pem")); }
    QString otherCaFile() const { return path(QStringLiteral("other-ca.pem")); }
    static QString suffix() { return QStringLiteral("dc=example,dc=com"); }
    static QString peopleBase() { return QStringLiteral("ou=people,dc=example,dc=com"); }
    static QString readerDn() { return QStringLiteral("cn=reader,dc=example,dc=com"); }
    static QString readerPassword() { return QStringLiteral("reader-secret"); }
    //! A 0600 file holding readerPassword(), for --bind-password-file.
    QString readerPasswordFile() const;
    //! --url, --base, --bind-dn and --bind-password-file for ldap-sync and serve.
    QStringList connectionArguments() const;
    //! A file in the server's temporary folder (e.g. for a map file).
    QString path(const QString &name) const { return m_dir.filePath(name); }

    //! Runs ldapmodify as the root DN with \a ldif (changetype records).
    CliRun modify(const QByteArray &ldif) const;
    //! Runs ldapsearch as the reader without paging (to show the size limit); \a extra are more
    //! arguments (e.g. the filter).
    CliRun searchWithoutPaging(const QStringList &extra) const;
    QString errorString() const { return m_error; }

    //! A value as LDIF writes it: "name: value", or "name:: base64" when it is not plain ASCII.
    static QByteArray ldifLine(const QByteArray &name, const QString &value);

private:
    bool launch();
    bool makeCertificates();

    QTemporaryDir m_dir;
    int m_sizeLimit;
    quint16 m_port = 0;
    bool m_tls = false;
    quint16 m_tlsPort = 0;
    std::unique_ptr<QProcess> m_process;
    QString m_error;
};

//! What peopleLdif() puts into its directory, for the tests to check.
struct GeneratedPeople
{
    QByteArray ldif;
    int people = 0; //!< complete person entries (the one without uid not counted)
    //! The DN of \a index's entry, and its uid ("p0042").
    static QString uid(int index) { return QStringLiteral("p%1").arg(index, 5, 10, QLatin1Char('0')); }
    static QString displayName(int index);
    static QString dn(int index);
    static int managerOf(int index) { return index == 0 ? -1 : (index - 1) / 5; }
    static QString password(int index) { return QStringLiteral("pw-") + uid(index); }
    //! The entry that starts disabled (employeeType: disabled).
    static constexpr int Disabled = 7;
    //! The DN of the entry without uid (reported and skipped).
    static QString incompleteDn() { return QStringLiteral("cn=No Uid,ou=people,dc=example,dc=com"); }
};

/*!
 * \a count people below ou=people: a management tree (person i reports to (i-1)/5, so chains run
 * down from p00000), names with umlauts, accents and CJK every few entries, skills in
 * businessCategory ("Name:level"), GeneratedPeople::Disabled with employeeType "disabled", and
 * one entry without a uid. With \a lastModified, the entries were created and last changed
 * then (as in a directory that has been there a while), instead of at slapadd's time.
 */
GeneratedPeople peopleLdif(int count, const QDateTime &lastModified = {});

//! The map the directory tests use: inetOrgPerson, skills from businessCategory, disabled when
//! employeeType is "disabled".
QByteArray testDirectoryMap();

} // namespace Colleagues::Test
