// SPDX-License-Identifier: MIT
#include "core/Status.h"

#include "core/EnumNames.h"
#include "core/JsonReader_p.h"
#include "core/Validation.h"

#include <QRegularExpression>

namespace Colleagues {

using Internal::JsonReader;

namespace {
constexpr Named<Presence> PresenceNames[] = {
    {Presence::Offline, "offline"}, {Presence::Away, "away"}, {Presence::Online, "online"}};
constexpr Named<Availability> AvailabilityNames[] = {
    {Availability::Available, "available"}, {Availability::Dnd, "dnd"}, {Availability::OutOfOffice, "out_of_office"}};
} // namespace

QString presenceName(Presence presence)
{
    return nameIn(PresenceNames, presence);
}

std::optional<Presence> presenceFromName(QStringView name)
{
    return valueIn(PresenceNames, name);
}

QString availabilityName(Availability availability)
{
    return nameIn(AvailabilityNames, availability);
}

std::optional<Availability> availabilityFromName(QStringView name)
{
    return valueIn(AvailabilityNames, name);
}

namespace {

QString dayText(const QDate &day)
{
    return day.toString(Qt::ISODate);
}

//! "YYYY-MM-DD" exactly; an invalid date otherwise.
QDate parseDay(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!pattern.match(text).hasMatch())
        return {};
    return QDate::fromString(text, Qt::ISODate);
}

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue timeValue(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(Internal::toIsoString(time)) : QJsonValue();
}

//! Reads the out_of_office member \a key of \a parent (null or absent: none).
std::optional<OutOfOffice> readWindow(const QJsonObject &parent, JsonReader &outer, const QString &key, Error *error)
{
    const QJsonObject object = outer.object(key);
    if (outer.failed() || !parent.value(key).isObject())
        return std::nullopt;
    JsonReader r(object, outer.path(key));
    OutOfOffice w;
    const QString from = r.string(QStringLiteral("from"), true, 10);
    const QString to = r.string(QStringLiteral("to"), true, 10);
    w.note = Validation::normalizeMultiLine(r.string(QStringLiteral("note"), false, Limits::OutOfOfficeNoteMax));
    w.standIn = r.string(QStringLiteral("stand_in"), false, Limits::UsernameMax).trimmed().toLower();
    r.rejectUnknown();
    if (!r.failed()) {
        w.from = parseDay(from);
        if (!w.from.isValid())
            r.fail(Error::Code::InvalidFormat, QStringLiteral("from"),
                   QStringLiteral("%1 must be a date such as 2026-12-21.").arg(r.path(QStringLiteral("from"))));
    }
    if (!r.failed()) {
        w.to = parseDay(to);
        if (!w.to.isValid())
            r.fail(Error::Code::InvalidFormat, QStringLiteral("to"),
                   QStringLiteral("%1 must be a date such as 2027-01-04.").arg(r.path(QStringLiteral("to"))));
    }
    if (!r.failed())
        r.setError(Validation::checkMultiLine(w.note, r.path(QStringLiteral("note")), Limits::OutOfOfficeNoteMax));
    if (!r.failed() && !w.standIn.isEmpty())
        r.setError(Validation::checkUsername(w.standIn, r.path(QStringLiteral("stand_in"))));
    if (r.failed()) {
        *error = r.error();
        return std::nullopt;
    }
    return w;
}

} // namespace

QJsonObject toJson(const OutOfOffice &w)
{
    return QJsonObject {{QStringLiteral("from"), dayText(w.from)},
                        {QStringLiteral("to"), dayText(w.to)},
                        {QStringLiteral("note"), w.note},
                        {QStringLiteral("stand_in"), nullable(w.standIn)}};
}

QJsonObject toJson(const Status &s)
{
    return QJsonObject {
        {QStringLiteral("username"), s.username},
        {QStringLiteral("presence"), presenceName(s.presence)},
        {QStringLiteral("availability"), availabilityName(s.availability)},
        {QStringLiteral("until"), timeValue(s.until)},
        {QStringLiteral("text"), s.text},
        {QStringLiteral("out_of_office"), s.outOfOffice ? QJsonValue(toJson(*s.outOfOffice)) : QJsonValue()},
        {QStringLiteral("updated_at"), timeValue(s.updatedAt)},
    };
}

QJsonObject toJson(const StatusChoice &c)
{
    return QJsonObject {
        {QStringLiteral("availability"), availabilityName(c.availability)},
        {QStringLiteral("text"), c.text},
        {QStringLiteral("until"), timeValue(c.until)},
        {QStringLiteral("out_of_office"), c.outOfOffice ? QJsonValue(toJson(*c.outOfOffice)) : QJsonValue()},
    };
}

Expected<Status> statusFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Status s;
    s.username = r.string(QStringLiteral("username"), true, Limits::UsernameMax);
    const QString presence = r.string(QStringLiteral("presence"), true, 16);
    const QString availability = r.string(QStringLiteral("availability"), true, 16);
    s.until = r.dateTime(QStringLiteral("until"));
    s.text = r.string(QStringLiteral("text"), false, Limits::StatusTextMax);
    Error windowError;
    s.outOfOffice = readWindow(object, r, QStringLiteral("out_of_office"), &windowError);
    r.setError(windowError);
    s.updatedAt = r.dateTime(QStringLiteral("updated_at"));
    r.rejectUnknown();
    if (r.failed())
        return r.error();
    if (Error e = Validation::checkUsername(s.username))
        return e;
    const auto p = presenceFromName(presence);
    if (!p) {
        return Error {Error::Code::InvalidFormat, QStringLiteral("presence"),
                      QStringLiteral("presence must be online, away or offline.")};
    }
    s.presence = *p;
    const auto a = availabilityFromName(availability);
    if (!a) {
        return Error {Error::Code::InvalidFormat, QStringLiteral("availability"),
                      QStringLiteral("availability must be available, dnd or out_of_office.")};
    }
    s.availability = *a;
    s.text = Validation::normalizeSingleLine(s.text);
    if (Error e = Validation::checkSingleLine(s.text, QStringLiteral("text"), Limits::StatusTextMax))
        return e;
    return s;
}

Expected<StatusChoice> statusChoiceFromJson(const QJsonObject &object, const QDateTime &now, const QTimeZone &zone)
{
    JsonReader r(object);
    StatusChoice c;
    const QString availability = r.string(QStringLiteral("availability"), true, 16);
    c.text = Validation::normalizeSingleLine(r.string(QStringLiteral("text"), false, Limits::StatusTextMax));
    const QString until = r.string(QStringLiteral("until"), false, 64);
    Error windowError;
    c.outOfOffice = readWindow(object, r, QStringLiteral("out_of_office"), &windowError);
    r.setError(windowError);
    r.rejectUnknown();
    if (r.failed())
        return r.error();

    const auto a = availabilityFromName(availability);
    if (!a) {
        return Error {Error::Code::InvalidFormat, QStringLiteral("availability"),
                      QStringLiteral("availability must be available, dnd or out_of_office.")};
    }
    c.availability = *a;
    if (Error e = Validation::checkSingleLine(c.text, QStringLiteral("text"), Limits::StatusTextMax))
        return e;
    if (!until.isEmpty()) {
        const QDateTime parsed = QDateTime::fromString(until, Qt::ISODateWithMs);
        // RFC 3339 wants the offset: a time without one would mean the server's local time.
        const bool hasOffset = until.endsWith(QLatin1Char('Z')) || until.endsWith(QLatin1Char('z'))
            || (until.size() > 6
                && (until.at(until.size() - 6) == QLatin1Char('+') || until.at(until.size() - 6) == QLatin1Char('-')));
        if (!parsed.isValid() || !hasOffset) {
            return Error {Error::Code::InvalidFormat, QStringLiteral("until"),
                          QStringLiteral("until must be an RFC 3339 time such as 2026-12-04T16:00:00Z.")};
        }
        c.until = parsed.toUTC();
        if (c.until <= now) {
            return Error {Error::Code::OutOfRange, QStringLiteral("until"),
                          QStringLiteral("until must be in the future.")};
        }
        if (c.until > now.addDays(Limits::StatusUntilMaxDays)) {
            return Error {Error::Code::OutOfRange, QStringLiteral("until"),
                          QStringLiteral("until must be at most a year ahead.")};
        }
    }
    if (c.outOfOffice) {
        const OutOfOffice &w = *c.outOfOffice;
        const QDate today = now.toTimeZone(zone).date();
        if (w.to < w.from) {
            return Error {Error::Code::OutOfRange, QStringLiteral("out_of_office.to"),
                          QStringLiteral("out_of_office.to must not be before out_of_office.from.")};
        }
        if (w.from.daysTo(w.to) + 1 > Limits::OutOfOfficeDaysMax) {
            return Error {
                Error::Code::OutOfRange, QStringLiteral("out_of_office.to"),
                QStringLiteral("An out-of-office window may be at most %1 days long.").arg(Limits::OutOfOfficeDaysMax)};
        }
        if (w.to < today) {
            return Error {Error::Code::OutOfRange, QStringLiteral("out_of_office.to"),
                          QStringLiteral("out_of_office.to must not be in the past.")};
        }
    } else if (c.availability == Availability::OutOfOffice) {
        return Error {Error::Code::Required, QStringLiteral("out_of_office"),
                      QStringLiteral("out_of_office is required with availability out_of_office.")};
    }
    return c;
}

namespace StatusRules {

QTimeZone zone(const QString &ianaId)
{
    if (ianaId.isEmpty())
        return QTimeZone::utc();
    QTimeZone z(ianaId.toUtf8());
    return z.isValid() ? z : QTimeZone::utc();
}

namespace {

//! The first moment of \a day in \a zone (the first valid one when midnight is skipped).
QDateTime startOfDay(const QDate &day, const QTimeZone &zone)
{
    return day.startOfDay(zone).toUTC();
}

} // namespace

Status apply(const StatusChoice &choice, const QDateTime &now, const QTimeZone &zone)
{
    Status s;
    const bool expired = choice.until.isValid() && now >= choice.until;
    const QDate today = now.toTimeZone(zone).date();
    bool inWindow = false;
    if (choice.outOfOffice && today <= choice.outOfOffice->to) {
        s.outOfOffice = choice.outOfOffice;
        inWindow = today >= choice.outOfOffice->from;
    }
    if (inWindow)
        s.availability = Availability::OutOfOffice;
    else if (choice.availability == Availability::Dnd && !expired)
        s.availability = Availability::Dnd;
    else
        s.availability = Availability::Available;
    if (!expired) {
        s.text = choice.text;
        s.until = choice.until;
    }
    return s;
}

QDateTime nextChange(const StatusChoice &choice, const QDateTime &now, const QTimeZone &zone)
{
    QDateTime next;
    const auto consider = [&next, &now](const QDateTime &at) {
        if (at.isValid() && at > now && (!next.isValid() || at < next))
            next = at;
    };
    consider(choice.until);
    if (choice.outOfOffice) {
        consider(startOfDay(choice.outOfOffice->from, zone));
        consider(startOfDay(choice.outOfOffice->to.addDays(1), zone));
    }
    return next;
}

} // namespace StatusRules

} // namespace Colleagues
