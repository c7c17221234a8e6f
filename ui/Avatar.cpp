#include "Avatar.h"

#include "Theme.h"

#include <QPainter>
#include <QPainterPath>

namespace Colleagues::Avatar {

void paint(QPainter *painter, const QRectF &rect, const QString &username, const QString &displayName,
           const QImage &photo, const QPalette &palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath circle;
    circle.addEllipse(rect);
    if (!photo.isNull()) {
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
        painter->setPen(Qt::NoPen);
        painter->setBrush(background);
        painter->drawPath(circle);
        QFont font = painter->font();
        font.setPixelSize(std::max(8, qRound(rect.height() * 0.38)));
        font.setWeight(QFont::DemiBold);
        painter->setFont(font);
        painter->setPen(Theme::avatarTextColor(background));
        painter->drawText(rect, Qt::AlignCenter, Theme::initials(displayName.isEmpty() ? username : displayName));
    }
    painter->restore();
}

} // namespace Colleagues::Avatar
