// SPDX-License-Identifier: MIT
#pragma once

#include "client/search/SearchTypes.h"

#include <QFont>
#include <QPalette>
#include <QSize>
#include <QString>

class QPainter;
class QRect;

namespace Colleagues {

//! A rounded label for a skill (with its level as five pips) or an interest. Drawn by
//! delegates and by ChipWidget, so rows and profile pages look the same.
namespace Chip {

//! \a level 0 draws no pips (interests); \a matched chips use a bolder font.
QSize sizeHint(const QFont &font, const QString &text, int level, bool matched = false);
//! Draws the chip in \a rect; \a matched colours it as a match and underlays \a spans.
void paint(QPainter *painter, const QRect &rect, const QFont &font, const QString &text, int level, bool matched,
           const QList<MatchSpan> &spans, const QPalette &palette);
//! "Kubernetes, level 4 of 5", for screen readers and tooltips.
QString accessibleText(const QString &text, int level);

} // namespace Chip
} // namespace Colleagues
