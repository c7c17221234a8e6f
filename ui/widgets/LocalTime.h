// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

namespace Colleagues {

//! A person's local time from their IANA time zone, with the zones cached (looking one up
//! is far slower than painting a row).
namespace LocalTime {

//! The time now in \a timeZoneId; invalid for an unknown zone.
QTime time(const QString &timeZoneId, const QDateTime &nowUtc = QDateTime::currentDateTimeUtc());
//! The time now in \a timeZoneId, e.g. "14:05"; empty for an unknown zone.
QString timeText(const QString &timeZoneId, const QDateTime &nowUtc = QDateTime::currentDateTimeUtc());
//! "14:05 (Europe/Berlin, UTC+01:00), 1 hour ahead of you".
QString description(const QString &timeZoneId, const QDateTime &nowUtc = QDateTime::currentDateTimeUtc());

//! A compact stamp for lists: the time today, "Yesterday", the weekday this week, else the date.
QString listStamp(const QDateTime &when, const QDateTime &now = QDateTime::currentDateTime());
//! A heading for a day in a conversation: "Today", "Yesterday" or the long date.
QString dayHeading(const QDate &day, const QDate &today = QDate::currentDate());

} // namespace LocalTime
} // namespace Colleagues
