// SPDX-License-Identifier: MIT
#include "ui/widgets/Avatar.h"

#include "ui/widgets/Theme.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPixmapCache>

#include <cmath>

namespace Colleagues::Avatar {

namespace {

void paintInitials(QPainter *painter, const QRectF &rect, const QString &initials, const QFont &font,
                   const QColor &background)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(background);
    painter->drawEllipse(rect);
    painter->setFont(font);
    painter->setPen(Theme::avatarTextColor(background));
    painter->drawText(rect, Qt::AlignCenter, initials);
}

} // namespace

void paint(QPainter *painter, const QRectF &rect, const QString &username, const QString &displayName,
           const QImage &photo, const QPalette &palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    if (!photo.isNull()) {
        QPainterPath circle;
        circle.addEllipse(rect);
        painter->setClipPath(circle);
        // Photos are square after cropping; centre any other shape.
        const qreal side = std::min(photo.width(), photo.height());
        const QRectF source((photo.width() - side) / 2, (photo.height() - side) / 2, side, side);
        painter->drawImage(rect, photo, source);
        painter->setClipping(false);
        QColor ring = palette.color(QPalette::Text);
        ring.setAlphaF(0.12f);
        painter->setPen(QPen(ring, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(rect.adjusted(0.5, 0.5, -0.5, -0.5));
    } else {
        const QColor background = Theme::avatarColor(username, palette);
        const QString initials = Theme::initials(displayName.isEmpty() ? username : displayName);
        QFont font = painter->font();
        font.setPixelSize(std::max(8, qRound(rect.height() * 0.38)));
        font.setWeight(QFont::DemiBold);
        // Lists repaint the same avatars as the user types or scrolls: each is drawn once per
        // look (letters, colour, font, size, device pixel ratio) and then copied.
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        const QSize pixels = (rect.size() * ratio).toSize();
        const QString key = QStringLiteral("colleagues-avatar:%1:%2:%3:%4x%5")
                                .arg(initials, QString::number(background.rgba(), 16), font.key())
                                .arg(pixels.width())
                                .arg(pixels.height());
        auto whole = [](qreal v) { return std::abs(v - std::round(v)) < 1e-6; };
        QPixmap pixmap;
        const bool cacheable = whole(rect.x()) && whole(rect.y()) && !pixels.isEmpty();
        if (cacheable && !QPixmapCache::find(key, &pixmap)) {
            pixmap = QPixmap(pixels);
            pixmap.setDevicePixelRatio(ratio);
            pixmap.fill(Qt::transparent);
            QPainter p(&pixmap);
            paintInitials(&p, QRectF(QPointF(0, 0), rect.size()), initials, font, background);
            p.end();
            QPixmapCache::insert(key, pixmap);
        }
        if (!pixmap.isNull())
            painter->drawPixmap(rect.topLeft(), pixmap);
        else
            paintInitials(painter, rect, initials, font, background);
    }
    painter->restore();
}

} // namespace Colleagues::Avatar
