// SPDX-License-Identifier: MIT
#include "ui/widgets/RowDelegate.h"

#include "ui/widgets/Theme.h"

#include <QApplication>

namespace Colleagues {

RowDelegate::RowDelegate(ImageCache *photos, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_photos(photos)
{ }

RowDelegate::RowColors RowDelegate::paintBackground(QPainter *painter, const QStyleOptionViewItem &option,
                                                    const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = {};
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Selection and hover backgrounds come from the style, as in any list.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const QPalette &palette = option.palette;
    RowColors colors;
    colors.selected = option.state & QStyle::State_Selected;
    colors.group = (option.state & QStyle::State_Active) ? QPalette::Active : QPalette::Inactive;
    colors.primary = palette.color(colors.group, colors.selected ? QPalette::HighlightedText : QPalette::Text);
    colors.secondary = colors.selected
        ? Theme::mix(colors.primary, palette.color(colors.group, QPalette::Highlight), 0.25)
        : Theme::secondaryText(palette);
    return colors;
}

} // namespace Colleagues
