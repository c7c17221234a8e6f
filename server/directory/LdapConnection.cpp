// SPDX-License-Identifier: MIT
#include "server/directory/LdapConnection.h"

#include <QFileInfo>

#include <ldap.h>
#include <sys/time.h>

namespace Colleagues::Server::Directory {

struct LdapConnection::Handle
{
    LDAP *ld = nullptr;
    QString url;
    ~Handle()
    {
        if (ld)
            ldap_unbind_ext_s(ld, nullptr, nullptr);
    }
};

namespace {

bool isUnavailable(int code)
{
    return code == LDAP_SERVER_DOWN || code == LDAP_CONNECT_ERROR || code == LDAP_TIMEOUT || code == LDAP_UNAVAILABLE
        || code == LDAP_BUSY;
}

//! What to check when a TLS connection failed.
QString tlsHint(const LdapSettings &settings)
{
    return settings.caFile.isEmpty()
        ? QStringLiteral(". If the server is up, check that its certificate is issued for the host in --url and "
                         "signed by a CA the system trusts, or name that CA with --ca-file.")
        : QStringLiteral(". If the server is up, check that its certificate is issued for the host in --url and "
                         "signed by a CA in %1.")
              .arg(settings.caFile);
}

} // namespace

QString LdapSettings::check() const
{
    const bool ldaps = url.startsWith(QLatin1String("ldaps://"), Qt::CaseInsensitive);
    const bool ldap = url.startsWith(QLatin1String("ldap://"), Qt::CaseInsensitive);
    if (!ldap && !ldaps)
        return QStringLiteral("--url must be ldap://HOST[:PORT] or ldaps://HOST[:PORT], not \u201c%1\u201d.").arg(url);
    if (ldaps && startTls)
        return QStringLiteral("--starttls is for ldap:// URLs; ldaps:// is encrypted from the start.");
    if (!caFile.isEmpty() && !QFileInfo(caFile).isReadable())
        return QStringLiteral("--ca-file: cannot read %1.").arg(caFile);
    if (!caFile.isEmpty() && !encrypted())
        return QStringLiteral("--ca-file needs an encrypted connection: an ldaps:// URL or --starttls.");
    if (bindDn.isEmpty() != bindPassword.isEmpty())
        return QStringLiteral("--bind-dn and --bind-password-file go together.");
    return {};
}

QList<QByteArray> LdapEntry::values(const QString &name) const
{
    const QByteArray wanted = name.toLatin1();
    for (const auto &[attribute, values] : attributes) {
        if (qstricmp(attribute.constData(), wanted.constData()) == 0)
            return values;
    }
    return {};
}

QString LdapEntry::first(const QString &name) const
{
    const QList<QByteArray> all = values(name);
    return all.isEmpty() ? QString() : QString::fromUtf8(all.constFirst());
}

LdapConnection::LdapConnection() = default;
LdapConnection::~LdapConnection() = default;

LdapError LdapConnection::failure(int code, const QString &what) const
{
    LdapError error;
    error.kind = isUnavailable(code)       ? LdapError::Kind::Unavailable
        : code == LDAP_INVALID_CREDENTIALS ? LdapError::Kind::InvalidCredentials
                                           : LdapError::Kind::Failed;
    QString detail = QString::fromUtf8(ldap_err2string(code));
    if (m_handle && m_handle->ld) {
        char *diagnostic = nullptr;
        if (ldap_get_option(m_handle->ld, LDAP_OPT_DIAGNOSTIC_MESSAGE, &diagnostic) == LDAP_OPT_SUCCESS && diagnostic) {
            if (*diagnostic)
                detail += QStringLiteral(" (%1)").arg(QString::fromUtf8(diagnostic));
            ldap_memfree(diagnostic);
        }
    }
    error.message = QStringLiteral("%1 at %2 failed: %3").arg(what, m_handle ? m_handle->url : QString(), detail);
    return error;
}

LdapError LdapConnection::open(const LdapSettings &settings)
{
    if (const QString invalid = settings.check(); !invalid.isEmpty())
        return LdapError {LdapError::Kind::Failed, invalid};
    m_handle = std::make_unique<Handle>();
    m_handle->url = settings.url;
    const QByteArray url = settings.url.toUtf8();
    int rc = ldap_initialize(&m_handle->ld, url.constData());
    if (rc != LDAP_SUCCESS)
        return failure(rc, QStringLiteral("Connecting"));
    LDAP *ld = m_handle->ld;
    const int version = LDAP_VERSION3;
    ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &version);
    ldap_set_option(ld, LDAP_OPT_REFERRALS, LDAP_OPT_OFF);
    timeval timeout {settings.timeoutSeconds, 0};
    ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &timeout);
    ldap_set_option(ld, LDAP_OPT_TIMEOUT, &timeout);
    if (settings.encrypted()) {
        // The server's certificate is always checked: no option turns that off.
        const int demand = LDAP_OPT_X_TLS_DEMAND;
        ldap_set_option(ld, LDAP_OPT_X_TLS_REQUIRE_CERT, &demand);
        if (!settings.caFile.isEmpty()) {
            const QByteArray ca = settings.caFile.toLocal8Bit();
            ldap_set_option(ld, LDAP_OPT_X_TLS_CACERTFILE, ca.constData());
        }
        const int server = 0;
        rc = ldap_set_option(ld, LDAP_OPT_X_TLS_NEWCTX, &server);
        if (rc != LDAP_OPT_SUCCESS)
            return failure(rc, QStringLiteral("Setting up TLS"));
    }
    if (settings.startTls) {
        rc = ldap_start_tls_s(ld, nullptr, nullptr);
        if (rc != LDAP_SUCCESS) {
            LdapError error = failure(rc, QStringLiteral("StartTLS"));
            error.kind = LdapError::Kind::Unavailable; // never go on unencrypted
            error.message += tlsHint(settings);
            return error;
        }
    }
    berval credentials {static_cast<ber_len_t>(settings.bindPassword.size()),
                        const_cast<char *>(settings.bindPassword.constData())};
    const QByteArray dn = settings.bindDn.toUtf8();
    rc = ldap_sasl_bind_s(ld, settings.bindDn.isEmpty() ? nullptr : dn.constData(), LDAP_SASL_SIMPLE, &credentials,
                          nullptr, nullptr, nullptr);
    if (rc != LDAP_SUCCESS) {
        LdapError error = failure(rc,
                                  settings.bindDn.isEmpty() ? QStringLiteral("Binding anonymously")
                                                            : QStringLiteral("Binding as %1").arg(settings.bindDn));
        // With ldaps:// the TLS handshake happens here: a refused certificate shows as this.
        if (error.kind == LdapError::Kind::Unavailable && settings.encrypted() && !settings.startTls)
            error.message += tlsHint(settings);
        return error;
    }
    return {};
}

LdapError LdapConnection::bind(const QString &dn, const QByteArray &password)
{
    if (!m_handle || !m_handle->ld)
        return LdapError {LdapError::Kind::Failed, QStringLiteral("Not connected to the directory.")};
    if (password.isEmpty() || dn.isEmpty())
        return LdapError {LdapError::Kind::InvalidCredentials, QStringLiteral("An empty password never signs in.")};
    berval credentials {static_cast<ber_len_t>(password.size()), const_cast<char *>(password.constData())};
    const QByteArray name = dn.toUtf8();
    const int rc =
        ldap_sasl_bind_s(m_handle->ld, name.constData(), LDAP_SASL_SIMPLE, &credentials, nullptr, nullptr, nullptr);
    if (rc != LDAP_SUCCESS)
        return failure(rc, QStringLiteral("Binding as %1").arg(dn));
    return {};
}

LdapError LdapConnection::search(const QString &base, const QString &filter, const QStringList &attributes,
                                 const std::function<void(LdapEntry &&)> &onEntry, int pageSize)
{
    if (!m_handle || !m_handle->ld)
        return LdapError {LdapError::Kind::Failed, QStringLiteral("Not connected to the directory.")};
    LDAP *ld = m_handle->ld;
    const QByteArray baseBytes = base.toUtf8();
    const QByteArray filterBytes = filter.toUtf8();
    QList<QByteArray> attributeBytes;
    for (const QString &attribute : attributes)
        attributeBytes.append(attribute.toUtf8());
    std::vector<char *> attributeList;
    for (QByteArray &attribute : attributeBytes)
        attributeList.push_back(attribute.data());
    attributeList.push_back(nullptr);

    berval *cookie = nullptr;
    const auto freeCookie = [&cookie] {
        if (cookie)
            ber_bvfree(cookie);
        cookie = nullptr;
    };
    const QString what = QStringLiteral("Searching %1 for %2").arg(base, filter);
    do {
        LDAPControl *pageControl = nullptr;
        int rc = ldap_create_page_control(ld, ber_int_t(pageSize), cookie, 1, &pageControl);
        if (rc != LDAP_SUCCESS) {
            freeCookie();
            return failure(rc, what);
        }
        LDAPControl *serverControls[] = {pageControl, nullptr};
        LDAPMessage *result = nullptr;
        rc = ldap_search_ext_s(ld, baseBytes.constData(), LDAP_SCOPE_SUBTREE, filterBytes.constData(),
                               attributes.isEmpty() ? nullptr : attributeList.data(), 0, serverControls, nullptr,
                               nullptr, LDAP_NO_LIMIT, &result);
        ldap_control_free(pageControl);
        if (rc != LDAP_SUCCESS) {
            if (result)
                ldap_msgfree(result);
            freeCookie();
            return failure(rc, what);
        }
        for (LDAPMessage *entry = ldap_first_entry(ld, result); entry; entry = ldap_next_entry(ld, entry)) {
            // Read in place from the message (no copies of names and values by libldap).
            LdapEntry out;
            BerElement *ber = nullptr;
            berval dn {0, nullptr};
            if (ldap_get_dn_ber(ld, entry, &ber, &dn) == LDAP_SUCCESS) {
                out.dn = QString::fromUtf8(dn.bv_val, qsizetype(dn.bv_len));
                berval name {0, nullptr};
                berval *values = nullptr;
                while (ldap_get_attribute_ber(ld, entry, ber, &name, &values) == LDAP_SUCCESS && name.bv_val) {
                    QList<QByteArray> list;
                    for (berval *value = values; value && value->bv_val; ++value)
                        list.append(QByteArray(value->bv_val, qsizetype(value->bv_len)));
                    if (values)
                        ber_memfree(values);
                    out.attributes.append({QByteArray(name.bv_val, qsizetype(name.bv_len)), std::move(list)});
                }
            }
            if (ber)
                ber_free(ber, 0);
            onEntry(std::move(out));
        }
        // The page's result: its code, and the cookie for the next page (empty after the last).
        int resultCode = LDAP_SUCCESS;
        LDAPControl **returned = nullptr;
        rc = ldap_parse_result(ld, result, &resultCode, nullptr, nullptr, nullptr, &returned, 1);
        freeCookie();
        if (rc != LDAP_SUCCESS)
            return failure(rc, what);
        if (resultCode != LDAP_SUCCESS) {
            if (returned)
                ldap_controls_free(returned);
            return failure(resultCode, what);
        }
        LDAPControl *response = returned ? ldap_control_find(LDAP_CONTROL_PAGEDRESULTS, returned, nullptr) : nullptr;
        if (response) {
            ber_int_t estimate = 0;
            berval next {0, nullptr};
            if (ldap_parse_pageresponse_control(ld, response, &estimate, &next) == LDAP_SUCCESS && next.bv_len > 0) {
                cookie = ber_bvdup(&next);
            }
            if (next.bv_val)
                ber_memfree(next.bv_val);
        }
        if (returned)
            ldap_controls_free(returned);
    } while (cookie && cookie->bv_len > 0);
    freeCookie();
    return {};
}

QString LdapConnection::escapeFilterValue(const QString &value)
{
    QByteArray escaped;
    for (const char ch : value.toUtf8()) {
        const auto byte = static_cast<unsigned char>(ch);
        if (byte == '*' || byte == '(' || byte == ')' || byte == '\\' || byte == 0)
            escaped += '\\' + QByteArray::number(uint(byte), 16).rightJustified(2, '0');
        else
            escaped += ch;
    }
    return QString::fromUtf8(escaped);
}

QString LdapConnection::normalizeDn(const QString &dn)
{
    // One spelling for comparing DNs as they appear in manager attributes: "CN=Ada Lovelace,
    // OU=People, DC=example" equals "cn=ada lovelace,ou=people,dc=example".
    QString out;
    out.reserve(dn.size());
    const QString lower = dn.toLower();
    for (qsizetype i = 0; i < lower.size(); ++i) {
        const QChar ch = lower.at(i);
        if (ch == u'\\' && i + 1 < lower.size()) {
            out += ch;
            out += lower.at(++i);
            continue;
        }
        if (ch == u',' || ch == u'=' || ch == u'+') {
            while (out.endsWith(u' '))
                out.chop(1);
            out += ch;
            while (i + 1 < lower.size() && lower.at(i + 1) == u' ')
                ++i;
            continue;
        }
        out += ch;
    }
    return out.trimmed();
}

} // namespace Colleagues::Server::Directory
