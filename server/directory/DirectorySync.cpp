// SPDX-License-Identifier: MIT
#include "server/directory/DirectorySync.h"

#include "core/Validation.h"

#include <QCryptographicHash>
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

QString PeopleReader::usernameOf(const LdapEntry &entry, QString *problem) const
{
    QString username = firstOf(entry, m_usernameAttributes);
    if (username.isEmpty()) {
        *problem = QStringLiteral("%1: skipped, it has no %2 (the username).")
                       .arg(entry.dn, m_usernameAttributes.join(QStringLiteral(" or ")));
        return {};
    }
    Profile probe;
    probe.username = username;
    Validation::normalize(probe);
    if (const Error invalid = Validation::checkUsername(probe.username)) {
        *problem =
            QStringLiteral("%1: skipped, its %2 \u201c%3\u201d cannot be a username: %4")
                .arg(entry.dn, m_usernameAttributes.join(QStringLiteral(" or ")), probe.username, invalid.message);
        return {};
    }
    return probe.username;
}

void PeopleReader::addKnown(const QString &dn, const QString &username)
{
    m_usernameOfDn.insert(LdapConnection::normalizeDn(dn), username);
}

void PeopleReader::add(const LdapEntry &entry)
{
    ++m_report->entries;
    QString problem;
    const QString username = usernameOf(entry, &problem);
    if (username.isEmpty()) {
        m_report->skipped.append(problem);
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

qint64 parseGeneralizedTime(QStringView text)
{
    // YYYYMMDDHH[MM[SS]][(.|,)fraction](Z|(+|-)HH[MM])
    qsizetype digits = 0;
    while (digits < text.size() && text.at(digits).isDigit())
        ++digits;
    if (digits != 10 && digits != 12 && digits != 14)
        return -1;
    const auto number = [&text](qsizetype at, qsizetype length) { return text.mid(at, length).toInt(); };
    const QDate date(number(0, 4), number(4, 2), number(6, 2));
    const QTime time(number(8, 2), digits >= 12 ? number(10, 2) : 0, digits >= 14 ? number(12, 2) : 0);
    if (!date.isValid() || !time.isValid())
        return -1;
    qsizetype at = digits;
    if (at < text.size() && (text.at(at) == QLatin1Char('.') || text.at(at) == QLatin1Char(','))) {
        ++at;
        while (at < text.size() && text.at(at).isDigit())
            ++at; // fractions of a second do not count
    }
    int offsetSeconds = 0;
    const QStringView zone = text.mid(at);
    if (zone == u"Z") {
        offsetSeconds = 0;
    } else if ((zone.size() == 3 || zone.size() == 5) && (zone.front() == u'+' || zone.front() == u'-')) {
        for (qsizetype i = 1; i < zone.size(); ++i) {
            if (!zone.at(i).isDigit())
                return -1;
        }
        const int hours = zone.mid(1, 2).toInt();
        const int minutes = zone.size() == 5 ? zone.mid(3, 2).toInt() : 0;
        if (hours > 23 || minutes > 59)
            return -1;
        offsetSeconds = (hours * 60 + minutes) * 60 * (zone.front() == u'-' ? -1 : 1);
    } else {
        return -1;
    }
    return QDateTime(date, time, Qt::UTC).toSecsSinceEpoch() - offsetSeconds;
}

namespace {

const QString ChangedAttribute = QStringLiteral("modifyTimestamp");
constexpr qint64 CompleteSyncEverySeconds = 24 * 60 * 60;
//! How far the directory server's clock may be from ours (Active Directory's Kerberos allows 5
//! minutes).
constexpr qint64 ClockMarginSeconds = 5 * 60;

//! Where the sync state of \a source read with \a map is kept: another server, subtree, filter or
//! map is another source, whose first sync is complete.
QString stateKey(const DirectoryMap &map, const DirectorySource &source, const QString &filter)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto add = [&hash](const QString &part) {
        hash.addData(part.toUtf8());
        hash.addData(QByteArrayView("\n", 1));
    };
    add(source.settings.url);
    add(source.base);
    add(filter);
    for (const auto &[field, attributes] : map.fields)
        add(field + QLatin1Char('=') + attributes.join(QLatin1Char(',')));
    add(map.disabledAttribute + QLatin1Char('=') + map.disabledValue + QLatin1Char('/')
        + QString::number(map.disabledBit));
    return QStringLiteral("ldap:") + QString::fromLatin1(hash.result().toHex().left(24));
}

//! The newest modifyTimestamp of \a entry, if it is newer than \a newest.
void noteChangeTime(const LdapEntry &entry, qint64 *newest)
{
    const qint64 changed = parseGeneralizedTime(entry.first(ChangedAttribute));
    if (changed > *newest)
        *newest = changed;
}

//! The generalized time an LDAP filter compares modifyTimestamp with.
QString filterTime(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyyMMddHHmmss"))
        + QLatin1Char('Z');
}

} // namespace

Expected<DirectorySyncReport> syncDirectory(Storage &storage, const DirectoryMap &map, const DirectorySource &source,
                                            bool dryRun, SyncMode mode, int reportLimit)
{
    DirectorySyncReport report;
    const auto fail = [](const QString &message) {
        return Error {Error::Code::Required, QStringLiteral("directory"), message};
    };
    QElapsedTimer timer;
    timer.start();
    const qint64 startedAt = QDateTime::currentSecsSinceEpoch();
    const QString filter = source.filter.isEmpty() ? map.filter : source.filter;
    DirectoryApply apply;
    apply.fields = map.ownedFields();
    apply.dryRun = dryRun;
    apply.reportLimit = reportLimit;
    apply.stateKey = stateKey(map, source, filter);
    const Expected<DirectoryState> state = storage.directoryState(apply.stateKey);
    if (!state)
        return fail(QStringLiteral("Reading the last sync's state failed: %1").arg(state.error().message));
    report.incremental = mode == SyncMode::Auto && state->watermark >= 0 && state->fullSyncAt >= 0
        && startedAt - state->fullSyncAt < CompleteSyncEverySeconds;
    apply.complete = !report.incremental;

    LdapConnection connection;
    if (const LdapError error = connection.open(source.settings))
        return fail(error.message);
    PeopleReader reader(map, &report, &apply.keep);
    QStringList attributes = map.attributes();
    attributes.append(ChangedAttribute); // operational: only sent when asked for
    qint64 newest = state->watermark; // the first second still to read, then the newest change read
    const auto readWhole = [&](LdapEntry &&entry) {
        noteChangeTime(entry, &newest);
        reader.add(entry);
    };
    QList<DirectoryPerson> people;
    if (report.incremental) {
        // Everyone by name, to know who is still there (and whose DN a manager names) ...
        QSet<QString> stillThere;
        int everyone = 0;
        const LdapError named = connection.search(source.base, filter, map.attributesOf(QStringLiteral("username")),
                                                  [&](LdapEntry &&entry) {
                                                      ++everyone;
                                                      QString problem;
                                                      const QString username = reader.usernameOf(entry, &problem);
                                                      if (username.isEmpty())
                                                          return;
                                                      stillThere.insert(username);
                                                      reader.addKnown(entry.dn, username);
                                                  });
        if (named)
            return fail(named.message);
        // ... and whole, the entries changed since the last sync (see the watermark below).
        report.changedSince = QDateTime::fromSecsSinceEpoch(state->watermark, Qt::UTC);
        const QString changed =
            QStringLiteral("(&%1(%2>=%3))").arg(filter, ChangedAttribute, filterTime(state->watermark));
        if (const LdapError read = connection.search(source.base, changed, attributes, readWhole))
            return fail(read.message);
        report.changedEntries = std::exchange(report.entries, everyone);
        people = reader.finish();
        for (const DirectoryPerson &person : std::as_const(people))
            stillThere.remove(person.profile.username);
        apply.keep.unite(stillThere);
    } else {
        if (const LdapError error = connection.search(source.base, filter, attributes, readWhole))
            return fail(error.message);
        people = reader.finish();
        apply.syncedAt = startedAt;
    }
    report.readMs = timer.restart();
    if (report.entries == 0) {
        return fail(QStringLiteral("The search for %1 under %2 found nobody; check --base and --filter. Nothing was "
                                   "changed (an empty result would disable everyone).")
                        .arg(filter, source.base));
    }
    // The next sync reads from the newest change read, that second included while a change in it
    // may still come (or may have come during this read); from the next second once this read
    // began after it on the directory's clock too.
    if (newest >= 0)
        apply.watermark = startedAt - newest > ClockMarginSeconds ? newest + 1 : newest;
    const Expected<DirectoryOutcome> outcome = storage.applyDirectory(people, apply);
    if (!outcome)
        return fail(QStringLiteral("Writing the directory's changes failed, nothing was changed: %1")
                        .arg(outcome.error().message));
    report.outcome = outcome.value();
    report.writeMs = timer.elapsed();
    return report;
}

} // namespace Colleagues::Server::Directory
