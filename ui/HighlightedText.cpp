#include "HighlightedText.h"

#include <QFontMetrics>
#include <QPainter>
#include <QTextLayout>

namespace Colleagues::HighlightedText {

void draw(QPainter *painter, const QRect &rect, const QFont &font, const QString &text, const QList<MatchSpan> &spans,
          const QColor &color, const QColor &matchBackground, Qt::Alignment alignment)
{
    if (text.isEmpty() || rect.width() <= 0)
        return;
    const QFontMetricsF metrics(font);
    const QString shown = metrics.horizontalAdvance(text) <= rect.width() + 0.5
        ? text
        : metrics.elidedText(text, Qt::ElideRight, rect.width());
    // Elision keeps a prefix of the text (plus "…"), so spans keep their positions.
    const int kept = shown == text ? int(text.size()) : int(shown.size()) - 1;

    QList<QTextLayout::FormatRange> formats;
    for (const MatchSpan &span : spans) {
        const int start = std::clamp(span.start, 0, kept);
        const int end = std::clamp(span.start + span.length, 0, kept);
        if (end <= start)
            continue;
        QTextLayout::FormatRange range;
        range.start = start;
        range.length = end - start;
        range.format.setBackground(matchBackground);
        formats.append(range);
    }

    QTextLayout layout(shown, font);
    QTextOption option;
    option.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(option);
    layout.setFormats(formats);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(rect.width());
    layout.endLayout();

    qreal x = rect.left();
    const qreal width = line.naturalTextWidth();
    if (alignment & Qt::AlignRight)
        x = rect.right() + 1 - width;
    else if (alignment & Qt::AlignHCenter)
        x = rect.left() + (rect.width() - width) / 2;
    qreal y = rect.top() + (rect.height() - line.height()) / 2;
    if (alignment & Qt::AlignTop)
        y = rect.top();
    painter->save();
    painter->setPen(color);
    layout.draw(painter, QPointF(x, y));
    painter->restore();
}

} // namespace Colleagues::HighlightedText
