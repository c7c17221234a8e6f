// SPDX-License-Identifier: MIT
#include "server/directory/DirectorySync.h"

#include "core/Validation.h"

#include <QElapsedTimer>
#include <QHash>

namespace Colleagues::Server::Directory {

namespace {

//! The first value of the first of \a attributes that \a entry has.
QString firstOf(const LdapEntry &entry, const QStringList &attributes)
{
    for (const QString &attribute : attributes) {
        const QString value = entry.first(attribute).trimmed();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

//! Every value of \a attributes that \a entry has.
QStringList allOf(const LdapEntry &entry, const QStringList &attributes)
{
    QStringList values;
    for (const QString &attribute : attributes) {
        for (const QByteArray &value : entry.values(attribute)) {
            const QString text = QString::fromUtf8(value).trimmed();
            if (!text.isEmpty())
                values.append(text);
        }
    }
    return values;
}

bool isDisabled(const LdapEntry &entry, const DirectoryMap &map)
{
    if (map.disabledAttribute.isEmpty())
        return false;
    const QString value = entry.first(map.disabledAttribute).trimmed();
    if (value.isEmpty())
        return false;
    if (map.disabledBit != 0) {
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        return ok && (number & map.disabledBit) != 0;
    }
    return value.compare(map.disabledValue, Qt::CaseInsensitive) == 0;
}

//! "Name" or "Name:level" (level 1-5).
Skill skillFrom(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon > 0) {
        bool ok = false;
        const int level = text.mid(colon + 1).trimmed().toInt(&ok);
        if (ok && level >= 1 && level <= 5)
            return Skill {text.left(colon).trimmed(), level};
    }
    return Skill {text, 3};
}

} // namespace

PeopleReader::PeopleReader(const DirectoryMap &map, DirectorySyncReport *report, QSet<QString> *keep)
    : m_map(map)
    , m_report(report)
    , m_keep(keep)
    , m_usernameAttributes(map.attributesOf(QStringLiteral("username")))
    , m_displayAttributes(map.attributesOf(QStringLiteral("display_name")))
    , m_managerAttributes(map.attributesOf(QStringLiteral("manager")))
{ }

void PeopleReader::add(const LdapEntry &entry)
{
    ++m_report->entries;
    QString username = firstOf(entry, m_usernameAttributes);
    if (username.isEmpty()) {
        m_report->skipped.append(QStringLiteral("%1: skipped, it has no %2 (the username).")
                                     .arg(entry.dn, m_usernameAttributes.join(QStringLiteral(" or "))));
        return;
    }
    Profile probe;
    probe.username = username;
    Validation::normalize(probe);
    username = probe.username;
    if (const Error invalid = Validation::checkUsername(username)) {
        m_report->skipped.append(
            QStringLiteral("%1: skipped, its %2 \u201c%3\u201d cannot be a username: %4")
                .arg(entry.dn, m_usernameAttributes.join(QStringLiteral(" or ")), username, invalid.message));
        return;
    }
    if (m_dnOfUsername.contains(username)) {
        m_report->skipped.append(QStringLiteral("%1: skipped, its username \u201c%2\u201d is %3's already.")
                                     .arg(entry.dn, username, m_dnOfUsername.value(username)));
        return;
    }
    m_dnOfUsername.insert(username, entry.dn);
    DirectoryPerson person;
    person.externalId = entry.dn;
    person.disabled = isDisabled(entry, m_map);
    Profile &p = person.profile;
    p.username = username;
    p.displayName = firstOf(entry, m_displayAttributes);
    if (p.displayName.isEmpty() && !person.disabled) {
        m_report->skipped.append(QStringLiteral("%1: skipped, it has no %2 (the display name).")
                                     .arg(entry.dn, m_displayAttributes.join(QStringLiteral(" or "))));
        m_keep->insert(username); // still in the directory: left as it is here
        return;
    }
    for (const auto &[field, attributes] : m_map.fields) {
        if (field == u"email")
            p.email = firstOf(entry, attributes);
        else if (field == u"title")
            p.title = firstOf(entry, attributes);
        else if (field == u"department")
            p.department = firstOf(entry, attributes);
        else if (field == u"location")
            p.location = firstOf(entry, attributes);
        else if (field == u"time_zone")
            p.timeZone = firstOf(entry, attributes);
        else if (field == u"phone")
            p.phone = firstOf(entry, attributes);
        else if (field == u"bio")
            p.bio = firstOf(entry, attributes);
        else if (field == u"interests")
            p.interests = allOf(entry, attributes);
        else if (field == u"skills") {
            for (const QString &value : allOf(entry, attributes))
                p.skills.append(skillFrom(value));
        }
    }
    m_usernameOfDn.insert(LdapConnection::normalizeDn(entry.dn), username);
    m_managerDns.append(firstOf(entry, m_managerAttributes));
    m_people.append(std::move(person));
}

QList<DirectoryPerson> PeopleReader::finish()
{
    // Managers are DNs: each becomes the username of that entry.
    for (qsizetype i = 0; i < m_people.size(); ++i) {
        const QString &manager = m_managerDns.at(i);
        if (manager.isEmpty())
            continue;
        DirectoryPerson &person = m_people[i];
        if (!manager.contains(QLatin1Char('='))) {
            person.profile.manager = manager.toLower(); // a username already
            continue;
        }
        const QString username = m_usernameOfDn.value(LdapConnection::normalizeDn(manager));
        if (username.isEmpty()) {
            m_report->warnings.append(
                QStringLiteral("%1: the manager %2 is not among the entries read; left without a manager.")
                    .arg(person.externalId, manager));
        }
        person.profile.manager = username;
    }
    m_usernameOfDn.clear();
    m_dnOfUsername.clear();
    m_managerDns.clear();
    return std::exchange(m_people, {});
}

Expected<DirectorySyncReport> syncDirectory(Storage &storage, const DirectoryMap &map, const DirectorySource &source,
                                            bool dryRun, int reportLimit)
{
    DirectorySyncReport report;
    const auto fail = [](const QString &message) {
        return Error {Error::Code::Required, QStringLiteral("directory"), message};
    };
    QElapsedTimer timer;
    timer.start();
    LdapConnection connection;
    if (const LdapError error = connection.open(source.settings))
        return fail(error.message);
    DirectoryApply apply;
    apply.fields = map.ownedFields();
    apply.dryRun = dryRun;
    apply.reportLimit = reportLimit;
    PeopleReader reader(map, &report, &apply.keep);
    const QString filter = source.filter.isEmpty() ? map.filter : source.filter;
    if (const LdapError error = connection.search(source.base, filter, map.attributes(),
                                                  [&reader](LdapEntry &&entry) { reader.add(entry); }))
        return fail(error.message);
    report.readMs = timer.restart();
    if (report.entries == 0) {
        return fail(QStringLiteral("The search for %1 under %2 found nobody; check --base and --filter. Nothing was "
                                   "changed (an empty result would disable everyone).")
                        .arg(filter, source.base));
    }
    const QList<DirectoryPerson> people = reader.finish();
    const Expected<DirectoryOutcome> outcome = storage.applyDirectory(people, apply);
    if (!outcome)
        return fail(QStringLiteral("Writing the directory's changes failed, nothing was changed: %1")
                        .arg(outcome.error().message));
    report.outcome = outcome.value();
    report.writeMs = timer.elapsed();
    return report;
}

} // namespace Colleagues::Server::Directory
