// SPDX-License-Identifier: MIT
#include "ui/widgets/RowDelegate.h"

#include "ui/widgets/ImageCache.h"
#include "ui/widgets/Theme.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>

namespace Colleagues {

RowDelegate::RowDelegate(ImageCache *photos, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_photos(photos)
{
    // A photo that arrives after its row was drawn (fetched, or changed by its owner) shows at once.
    if (QWidget *viewport = viewViewport())
        connect(m_photos, &ImageCache::photoChanged, viewport, qOverload<>(&QWidget::update));
}

QWidget *RowDelegate::viewViewport() const
{
    auto *view = qobject_cast<QAbstractItemView *>(parent());
    return view ? view->viewport() : nullptr;
}

QRectF RowDelegate::dotRect(const QRectF &avatarRect)
{
    const qreal side = std::max<qreal>(12, avatarRect.width() * 0.36);
    return {avatarRect.right() - side + 2, avatarRect.bottom() - side + 2, side, side};
}

void RowDelegate::drawNameAndLine(QPainter *painter, const QRect &rect, const QFont &nameFont, const QColor &nameColor,
                                  const QString &name, const QFont &lineFont, const QColor &lineColor,
                                  const QString &line)
{
    const QFontMetrics nameMetrics(nameFont);
    const QFontMetrics lineMetrics(lineFont);
    const QString separator = QStringLiteral("  ·  ");
    // The name keeps its room; the line gets what is left, if enough for a word.
    const int nameWidth = std::min(rect.width(), nameMetrics.horizontalAdvance(name));
    painter->setFont(nameFont);
    painter->setPen(nameColor);
    painter->drawText(QRect(rect.left(), rect.top(), nameWidth, rect.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      nameMetrics.elidedText(name, Qt::ElideRight, rect.width()));
    const int left = rect.left() + nameWidth;
    const int room = rect.right() - left;
    if (line.isEmpty() || room < lineMetrics.horizontalAdvance(separator + QStringLiteral("xxxx")))
        return;
    painter->setFont(lineFont);
    painter->setPen(lineColor);
    painter->drawText(QRect(left, rect.top(), room, rect.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      lineMetrics.elidedText(separator + line, Qt::ElideRight, room));
}

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
