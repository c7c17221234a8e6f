// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace Colleagues {

class ImageCache;

/*!
 * Draws one search result: avatar (photo or initials on the person's colour), name, "title ·
 * department · location", their local time, and the matched skills and interests as chips
 * with levels, the matched parts underlaid. All text is drawn as plain text.
 */
class ResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ResultDelegate(ImageCache *photos, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    ImageCache *m_photos;
};

} // namespace Colleagues
