// SPDX-License-Identifier: MIT
#pragma once

#include <QFont>
#include <QList>
#include <QPalette>
#include <QPersistentModelIndex>
#include <QRectF>

QT_BEGIN_NAMESPACE
class QAbstractItemModel;
class QPainter;
QT_END_NAMESPACE

namespace Colleagues {

//! One card of the org chart: a row of an OrgModel where it is drawn.
struct OrgBox
{
    QPersistentModelIndex index;
    QRectF rect; //!< the card, in chart units (before zoom)
    QRectF toggle; //!< the expand/collapse arrow; empty without children
    int depth = 0;
    int parentBox = -1; //!< the box of the parent row, or -1
};

//! Lays out and draws the org chart of an OrgModel: the same code for the view on screen and for
//! `colleagues org --svg/--png` (a QSvgGenerator or a QImage). Cards stand in an indented tree,
//! each child under its manager with a connecting line; the colours come from \a palette.
class OrgPainter
{
public:
    static constexpr qreal CardWidth = 320;
    static constexpr qreal CardHeight = 56;
    static constexpr qreal Indent = 36;
    static constexpr qreal Gap = 10;
    static constexpr qreal Margin = 16;

    OrgPainter(const QPalette &palette, const QFont &font);

    //! The cards of every expanded row of \a model, top to bottom.
    static QList<OrgBox> layout(const QAbstractItemModel *model);
    //! The size the boxes need, margins included.
    static QSizeF size(const QList<OrgBox> &boxes);
    //! Draws the boxes that meet \a exposed (chart units); \a current is drawn as selected.
    void paint(QPainter *painter, const QList<OrgBox> &boxes, const QModelIndex &current = {},
               const QRectF &exposed = {}) const;

private:
    void paintBox(QPainter *painter, const OrgBox &box, bool current) const;

    QPalette m_palette;
    QFont m_font;
};

} // namespace Colleagues
