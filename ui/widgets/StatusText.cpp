// SPDX-License-Identifier: MIT
#include "ui/widgets/StatusText.h"

#include "ui/widgets/Theme.h"

#include <QLocale>
#include <QPainter>
#include <QRegularExpression>

namespace Colleagues {

StatusText::Look StatusText::look(const Status &status)
{
    if (status.availability == Availability::OutOfOffice)
        return Look::OutOfOffice;
    if (status.availability == Availability::Dnd)
        return Look::Dnd;
    switch (status.presence) {
    case Presence::Online: return Look::Available;
    case Presence::Away: return Look::Away;
    case Presence::Offline: break;
    }
    return Look::Offline;
}

QColor StatusText::color(Look look, const QPalette &palette)
{
    const bool dark = Theme::isDark(palette);
    switch (look) {
    case Look::Available: return Theme::positive(palette);
    case Look::Away: return dark ? QColor(0xf0, 0xb4, 0x29) : QColor(0xd9, 0x8c, 0x00);
    case Look::Dnd: return Theme::negative(palette);
    case Look::OutOfOffice: return dark ? QColor(0xb3, 0x8c, 0xf2) : QColor(0x7b, 0x3f, 0xc9);
    case Look::Offline: break;
    }
    return Theme::mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45);
}

void StatusText::paintDot(QPainter *painter, const QRectF &rect, const Status &status, const QPalette &palette)
{
    const Look l = look(status);
    const QColor c = color(l, palette);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // A ring of the background around the dot: it reads on a photo or an initials avatar.
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawEllipse(rect);
    const qreal ring = std::max<qreal>(1.5, rect.width() / 6.0);
    const QRectF inner = rect.adjusted(ring, ring, -ring, -ring);
    if (l == Look::Offline) {
        const qreal pen = std::max<qreal>(1.4, inner.width() / 5.0);
        painter->setPen(QPen(c, pen));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(inner.adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2));
    } else {
        painter->setBrush(c);
        painter->drawEllipse(inner);
        if (l == Look::Dnd) {
            // A bar as on a no-entry sign: dnd is not only a colour.
            painter->setBrush(palette.color(QPalette::Base));
            const qreal h = std::max<qreal>(1.2, inner.height() / 5.0);
            painter->drawRect(
                QRectF(inner.left() + inner.width() * 0.25, inner.center().y() - h / 2, inner.width() * 0.5, h));
        }
    }
    painter->restore();
}

QString StatusText::dayText(const QDate &day, const QDate &today)
{
    const QLocale locale;
    QString format = locale.dateFormat(QLocale::LongFormat);
    // No weekday; no year this year.
    format.remove(QRegularExpression(QStringLiteral("d{4}[,.]?\\s*")));
    if (day.year() == today.year())
        format.remove(QRegularExpression(QStringLiteral("[,.]?\\s*y+\\s*")));
    format = format.trimmed();
    while (format.endsWith(QLatin1Char(',')))
        format.chop(1);
    return locale.toString(day, format);
}

QString StatusText::untilText(const QDateTime &until, const QDateTime &now)
{
    const QDateTime local = until.toLocalTime();
    const QString time = QLocale().toString(local.time(), Theme::shortTimeFormat());
    const QDate today = now.toLocalTime().date();
    if (local.date() == today)
        return time;
    if (local.date() == today.addDays(1))
        return tr("tomorrow %1").arg(time);
    return tr("%1, %2").arg(dayText(local.date(), today), time);
}

QString StatusText::stateWords(const Status &status, const QDateTime &now)
{
    if (status.availability == Availability::OutOfOffice && status.outOfOffice && status.outOfOffice->to.isValid())
        return tr("Out of office until %1").arg(dayText(status.outOfOffice->to, now.toLocalTime().date()));
    if (status.availability == Availability::Dnd && status.until.isValid())
        return tr("Do not disturb until %1").arg(untilText(status.until, now));
    return shortWords(status);
}

QString StatusText::shortWords(const Status &status)
{
    if (status.availability == Availability::OutOfOffice)
        return tr("Out of office");
    if (status.availability == Availability::Dnd)
        return tr("Do not disturb");
    switch (status.presence) {
    case Presence::Online: return tr("Available");
    case Presence::Away: return tr("Away");
    case Presence::Offline: break;
    }
    return tr("Offline");
}

QString StatusText::line(const Status &status, const QDateTime &now)
{
    if (!status.text.isEmpty())
        return status.text;
    if (status.availability != Availability::Available)
        return stateWords(status, now);
    return {};
}

QString StatusText::description(const Status &status, const QDateTime &now)
{
    QString words = stateWords(status, now);
    // Dnd and out of office are what one chose; say whether they are at the computer too.
    if (status.availability != Availability::Available) {
        if (status.presence == Presence::Offline)
            words = tr("%1 (offline)").arg(words);
        else if (status.presence == Presence::Away)
            words = tr("%1 (away)").arg(words);
    }
    if (!status.text.isEmpty())
        words = tr("%1: %2").arg(words, status.text);
    return words;
}

PresenceDot::PresenceDot(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setStatus({});
}

void PresenceDot::setStatus(const Status &status)
{
    m_status = status;
    const QString words = StatusText::description(status);
    setToolTip(Theme::plainToolTip(words));
    setAccessibleName(words);
    update();
}

QSize PresenceDot::sizeHint() const
{
    const int side = std::max(12, fontMetrics().height() * 2 / 3);
    return {side, side};
}

void PresenceDot::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const int side = std::min(width(), height());
    StatusText::paintDot(&painter, QRectF((width() - side) / 2.0, (height() - side) / 2.0, side, side), m_status,
                         palette());
}

} // namespace Colleagues
