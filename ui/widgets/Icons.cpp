// SPDX-License-Identifier: MIT
#include "ui/widgets/Icons.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

namespace Colleagues::Icons {

namespace {

class GlyphEngine : public QIconEngine
{
public:
    GlyphEngine(Glyph glyph, int badge)
        : m_glyph(glyph)
        , m_badge(badge)
    { }

    QIconEngine *clone() const override { return new GlyphEngine(m_glyph, m_badge); }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const QPalette palette = QApplication::palette();
        QColor color = palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                                     state == QIcon::On ? QPalette::Highlight : QPalette::WindowText);
        if (mode == QIcon::Selected)
            color = palette.color(QPalette::HighlightedText);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const qreal s = std::min(rect.width(), rect.height());
        const QRectF box(rect.x() + (rect.width() - s) / 2, rect.y() + (rect.height() - s) / 2, s, s);
        const qreal w = std::max<qreal>(1.2, s / 14.0);
        painter->setPen(QPen(color, w, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        auto at = [&](qreal x, qreal y) { return QPointF(box.x() + x * s, box.y() + y * s); };
        switch (m_glyph) {
        case Glyph::Search:
            painter->drawEllipse(QRectF(at(0.16, 0.14), at(0.66, 0.64)));
            painter->drawLine(at(0.60, 0.58), at(0.84, 0.82));
            break;
        case Glyph::Messages: {
            QPainterPath bubble;
            bubble.addRoundedRect(QRectF(at(0.12, 0.18), at(0.88, 0.70)), s * 0.14, s * 0.14);
            QPainterPath tail;
            tail.moveTo(at(0.28, 0.66));
            tail.lineTo(at(0.24, 0.86));
            tail.lineTo(at(0.46, 0.68));
            painter->drawPath(bubble.united(tail));
            break;
        }
        case Glyph::Person:
            painter->drawEllipse(QRectF(at(0.35, 0.12), at(0.65, 0.44)));
            painter->drawArc(QRectF(at(0.18, 0.54), at(0.82, 1.14)), 0, 180 * 16);
            break;
        case Glyph::Org:
            // A manager above two reports.
            painter->drawRoundedRect(QRectF(at(0.34, 0.10), at(0.66, 0.32)), s * 0.04, s * 0.04);
            painter->drawRoundedRect(QRectF(at(0.08, 0.66), at(0.40, 0.88)), s * 0.04, s * 0.04);
            painter->drawRoundedRect(QRectF(at(0.60, 0.66), at(0.92, 0.88)), s * 0.04, s * 0.04);
            painter->drawLine(at(0.50, 0.32), at(0.50, 0.49));
            painter->drawLine(at(0.24, 0.49), at(0.76, 0.49));
            painter->drawLine(at(0.24, 0.49), at(0.24, 0.66));
            painter->drawLine(at(0.76, 0.49), at(0.76, 0.66));
            break;
        case Glyph::Sync:
            painter->drawArc(QRectF(at(0.18, 0.18), at(0.82, 0.82)), 30 * 16, 150 * 16);
            painter->drawArc(QRectF(at(0.18, 0.18), at(0.82, 0.82)), 210 * 16, 150 * 16);
            break;
        }
        if (m_badge > 0) {
            const QString text = m_badge > 99 ? QStringLiteral("99+") : QString::number(m_badge);
            QFont font = painter->font();
            font.setPixelSize(std::max(7, int(s * 0.34)));
            font.setBold(true);
            const QFontMetricsF metrics(font);
            const qreal h = metrics.height() + 1;
            const qreal bw = std::max(h, metrics.horizontalAdvance(text) + h * 0.5);
            const QRectF badge(box.right() - bw + s * 0.12, box.top() - s * 0.06, bw, h);
            painter->setPen(Qt::NoPen);
            painter->setBrush(palette.color(QPalette::Highlight));
            painter->drawRoundedRect(badge, h / 2, h / 2);
            painter->setFont(font);
            painter->setPen(palette.color(QPalette::HighlightedText));
            painter->drawText(badge, Qt::AlignCenter, text);
        }
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QPixmap pixmap(size * scale);
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

private:
    Glyph m_glyph;
    int m_badge;
};

} // namespace

QIcon icon(Glyph glyph, int badge)
{
    return QIcon(new GlyphEngine(glyph, badge));
}

} // namespace Colleagues::Icons
