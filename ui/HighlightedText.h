#pragma once

#include "SearchTypes.h"

#include <QColor>
#include <QFont>
#include <QList>
#include <QString>

class QPainter;
class QRect;

namespace Colleagues {

//! Draws one line of plain text, elided to fit, with the matched spans underlaid. The text
//! is never interpreted as markup.
namespace HighlightedText {

void draw(QPainter *painter, const QRect &rect, const QFont &font, const QString &text, const QList<MatchSpan> &spans,
          const QColor &color, const QColor &matchBackground,
          Qt::Alignment alignment = Qt::AlignVCenter | Qt::AlignLeft);

} // namespace HighlightedText
} // namespace Colleagues
