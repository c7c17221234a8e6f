// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace Colleagues {

class ImageCache;

/*!
 * The base of the delegates that draw a whole row themselves (a search result, a conversation):
 * the style's selection and hover background, the row's text colours, and the photos to draw.
 */
class RowDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit RowDelegate(ImageCache *photos, QObject *parent = nullptr);

protected:
    //! The colours of one row, following its selection and the window's focus.
    struct RowColors
    {
        QPalette::ColorGroup group;
        bool selected;
        QColor primary; //!< names, the main line
        QColor secondary; //!< details, times
    };

    //! Draws the style's background of \a index's row (no text, no icon) and says its colours.
    RowColors paintBackground(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    ImageCache *photos() const { return m_photos; }

private:
    ImageCache *m_photos;
};

} // namespace Colleagues
