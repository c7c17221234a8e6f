// SPDX-License-Identifier: MIT
#include "ui/widgets/LocalTime.h"

#include "ui/widgets/Theme.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QTimeZone>

namespace Colleagues::LocalTime {

namespace {

const QTimeZone *zone(const QString &id)
{
    // GUI thread only (delegates and panes), so a plain static cache is enough.
    static QHash<QString, QTimeZone> zones;
    if (id.isEmpty())
        return nullptr;
    auto it = zones.find(id);
    if (it == zones.end())
        it = zones.insert(id, QTimeZone(id.toUtf8()));
    return it->isValid() ? &*it : nullptr;
}

} // namespace

QTime time(const QString &timeZoneId, const QDateTime &nowUtc)
{
    const QTimeZone *z = zone(timeZoneId);
    return z ? nowUtc.toTimeZone(*z).time() : QTime();
}

QString timeText(const QString &timeZoneId, const QDateTime &nowUtc)
{
    const QTimeZone *z = zone(timeZoneId);
    if (!z)
        return {};
    return QLocale().toString(nowUtc.toTimeZone(*z).time(), Theme::shortTimeFormat());
}

QString description(const QString &timeZoneId, const QDateTime &nowUtc)
{
    const QTimeZone *z = zone(timeZoneId);
    if (!z)
        return {};
    const QDateTime there = nowUtc.toTimeZone(*z);
    const int theirOffset = z->offsetFromUtc(nowUtc);
    const int myOffset = nowUtc.toLocalTime().offsetFromUtc();
    const int diffMinutes = (theirOffset - myOffset) / 60;
    const int sign = theirOffset < 0 ? -1 : 1;
    const QString utc = QStringLiteral("UTC%1%2:%3")
                            .arg(sign < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                            .arg(std::abs(theirOffset) / 3600, 2, 10, QLatin1Char('0'))
                            .arg(std::abs(theirOffset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    QString relative;
    if (diffMinutes == 0) {
        relative = QCoreApplication::translate("Colleagues::LocalTime", "same time as you");
    } else {
        const int hours = std::abs(diffMinutes) / 60;
        const int minutes = std::abs(diffMinutes) % 60;
        const QString amount = minutes == 0
            ? QCoreApplication::translate("Colleagues::LocalTime", "%n hour(s)", nullptr, hours)
            : QCoreApplication::translate("Colleagues::LocalTime", "%1:%2 hours")
                  .arg(hours)
                  .arg(minutes, 2, 10, QLatin1Char('0'));
        relative = diffMinutes > 0 ? QCoreApplication::translate("Colleagues::LocalTime", "%1 ahead of you").arg(amount)
                                   : QCoreApplication::translate("Colleagues::LocalTime", "%1 behind you").arg(amount);
    }
    return QCoreApplication::translate("Colleagues::LocalTime", "%1 (%2, %3), %4")
        .arg(QLocale().toString(there.time(), Theme::shortTimeFormat()), timeZoneId, utc, relative);
}

QString listStamp(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    const qint64 days = local.date().daysTo(now.date());
    const QLocale locale;
    if (days <= 0)
        return locale.toString(local.time(), Theme::shortTimeFormat());
    if (days == 1)
        return QCoreApplication::translate("Colleagues::LocalTime", "Yesterday");
    if (days < 7)
        return locale.dayName(local.date().dayOfWeek(), QLocale::ShortFormat);
    return locale.toString(local.date(), QLocale::ShortFormat);
}

QString dayHeading(const QDate &day, const QDate &today)
{
    const qint64 days = day.daysTo(today);
    if (days == 0)
        return QCoreApplication::translate("Colleagues::LocalTime", "Today");
    if (days == 1)
        return QCoreApplication::translate("Colleagues::LocalTime", "Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

} // namespace Colleagues::LocalTime
