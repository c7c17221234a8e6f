// SPDX-License-Identifier: MIT
#include "ui/widgets/Chip.h"

#include "ui/widgets/HighlightedText.h"
#include "ui/widgets/Theme.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>

#include <cmath>

namespace Colleagues::Chip {

namespace {
constexpr int PaddingX = 9;
constexpr int PaddingY = 3;
constexpr int PipSize = 5;
constexpr int PipGap = 2;
constexpr int PipsGap = 7;

int pipsWidth(int level)
{
    return level > 0 ? PipsGap + 5 * PipSize + 4 * PipGap : 0;
}
} // namespace

QFont textFont(const QFont &font, bool matched)
{
    QFont f = font;
    if (matched)
        f.setWeight(QFont::DemiBold);
    return f;
}

QSize sizeHint(const QFont &font, const QString &text, int level, bool matched)
{
    const QFont f = textFont(font, matched);
    // Round up: a chip one fraction of a pixel too narrow would elide its text.
    return {2 * PaddingX + int(std::ceil(HighlightedText::width(f, text))) + 1 + pipsWidth(level),
            int(std::ceil(QFontMetricsF(f).height())) + 2 * PaddingY};
}

void paint(QPainter *painter, const QRect &rect, const QFont &font, const QString &text, int level, bool matched,
           const QList<MatchSpan> &spans, const QPalette &palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor background = Theme::chipBackground(palette, matched);
    painter->setPen(Qt::NoPen);
    painter->setBrush(background);
    const qreal radius = rect.height() / 2.0;
    painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);

    const QColor foreground = Theme::chipText(palette, matched);
    QRect textRect = rect.adjusted(PaddingX, 0, -PaddingX - pipsWidth(level), 0);
    HighlightedText::draw(painter, textRect, textFont(font, matched), text, spans, foreground,
                          Theme::matchBackground(palette));

    if (level > 0) {
        const QColor on = matched ? palette.color(QPalette::Highlight) : Theme::secondaryText(palette);
        QColor off = on;
        off.setAlphaF(0.25f);
        int x = rect.right() - PaddingX - 5 * PipSize - 4 * PipGap + 1;
        const qreal y = rect.center().y() - PipSize / 2.0 + 0.5;
        for (int i = 1; i <= 5; ++i) {
            painter->setBrush(i <= level ? on : off);
            painter->drawEllipse(QRectF(x, y, PipSize, PipSize));
            x += PipSize + PipGap;
        }
    }
    painter->restore();
}

QString accessibleText(const QString &text, int level)
{
    if (level <= 0)
        return text;
    return QCoreApplication::translate("Colleagues::Chip", "%1, level %2 of 5").arg(text).arg(level);
}

} // namespace Colleagues::Chip
