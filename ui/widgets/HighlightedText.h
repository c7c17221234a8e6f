// SPDX-License-Identifier: MIT
#pragma once

#include "client/search/SearchTypes.h"

#include <QColor>
#include <QFont>
#include <QList>
#include <QString>

class QPainter;
class QRect;

namespace Colleagues {

//! Draws one line of plain text, elided to fit, with the matched spans underlaid. The text
//! is never interpreted as markup. Lines are laid out once and kept (a bounded cache, GUI
//! thread only): a list repaints the same names while the user types.
namespace HighlightedText {

void draw(QPainter *painter, const QRect &rect, const QFont &font, const QString &text, const QList<MatchSpan> &spans,
          const QColor &color, const QColor &matchBackground,
          Qt::Alignment alignment = Qt::AlignVCenter | Qt::AlignLeft);

//! The horizontal advance of \a text in \a font, as QFontMetricsF gives it, cached.
qreal width(const QFont &font, const QString &text);

} // namespace HighlightedText
} // namespace Colleagues
