// SPDX-License-Identifier: MIT
#include "ui/widgets/HighlightedText.h"

#include <QCache>
#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QStaticText>
#include <QTextLayout>

#include <algorithm>
#include <vector>

namespace Colleagues::HighlightedText {

namespace {

struct LineKey
{
    QString text;
    QFont font;
    int width = 0;
    friend bool operator==(const LineKey &, const LineKey &) = default;
};

size_t qHash(const LineKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.text, key.font, key.width);
}

//! A line laid out for one width: what is shown (elided), its glyphs, and the x of each
//! character boundary of the kept text, for the spans' backgrounds.
struct Line
{
    QStaticText text;
    std::vector<qreal> x; //!< x of boundary i, for i in 0..kept
    qreal width = 0;
    qreal height = 0;
};

constexpr int CachedLines = 2000; // a few screens of results, chips and subtitles

const Line &prepared(const QString &text, const QFont &font, int width)
{
    static QCache<LineKey, Line> lines(CachedLines);
    LineKey key {text, font, width};
    if (const Line *line = lines.object(key))
        return *line;
    auto *line = new Line;
    const QFontMetricsF metrics(font);
    const QString shown =
        metrics.horizontalAdvance(text) <= width + 0.5 ? text : metrics.elidedText(text, Qt::ElideRight, width);
    // Elision keeps a prefix of the text (plus "…"), so spans keep their positions.
    const int kept = shown == text ? int(text.size()) : std::max(0, int(shown.size()) - 1);

    QTextOption option;
    option.setWrapMode(QTextOption::NoWrap);
    QTextLayout layout(shown, font);
    layout.setTextOption(option);
    layout.beginLayout();
    QTextLine textLine = layout.createLine();
    textLine.setLineWidth(width);
    layout.endLayout();
    line->width = textLine.naturalTextWidth();
    line->height = textLine.height();
    line->x.resize(size_t(kept) + 1);
    for (int i = 0; i <= kept; ++i)
        line->x[size_t(i)] = textLine.cursorToX(i);

    line->text.setText(shown);
    line->text.setTextFormat(Qt::PlainText);
    line->text.setTextOption(option);
    line->text.prepare(QTransform(), font);
    const Line &result = *line;
    lines.insert(std::move(key), line);
    return result;
}

} // namespace

void draw(QPainter *painter, const QRect &rect, const QFont &font, const QString &text, const QList<MatchSpan> &spans,
          const QColor &color, const QColor &matchBackground, Qt::Alignment alignment)
{
    if (text.isEmpty() || rect.width() <= 0)
        return;
    const Line &line = prepared(text, font, rect.width());

    qreal x = rect.left();
    if (alignment & Qt::AlignRight)
        x = rect.right() + 1 - line.width;
    else if (alignment & Qt::AlignHCenter)
        x = rect.left() + (rect.width() - line.width) / 2;
    qreal y = rect.top() + (rect.height() - line.height) / 2;
    if (alignment & Qt::AlignTop)
        y = rect.top();

    const int kept = int(line.x.size()) - 1;
    for (const MatchSpan &span : spans) {
        const int start = std::clamp(span.start, 0, kept);
        const int end = std::clamp(span.start + span.length, 0, kept);
        if (end <= start)
            continue;
        const qreal a = line.x[size_t(start)];
        const qreal b = line.x[size_t(end)];
        painter->fillRect(QRectF(x + std::min(a, b), y, std::abs(b - a), line.height), matchBackground);
    }
    painter->save();
    painter->setFont(font);
    painter->setPen(color);
    painter->drawStaticText(QPointF(x, y), line.text);
    painter->restore();
}

qreal width(const QFont &font, const QString &text)
{
    static QHash<LineKey, qreal> widths;
    LineKey key {text, font, 0};
    auto it = widths.constFind(key);
    if (it != widths.constEnd())
        return *it;
    if (widths.size() > 4 * CachedLines)
        widths.clear(); // bounded; rebuilt by what is on screen
    const qreal advance = QFontMetricsF(font).horizontalAdvance(text);
    widths.insert(std::move(key), advance);
    return advance;
}

} // namespace Colleagues::HighlightedText
