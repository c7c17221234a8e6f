// SPDX-License-Identifier: MIT
#pragma once

#include "ui/widgets/RowDelegate.h"

namespace Colleagues {

/*!
 * Draws one search result: avatar (photo or initials on the person's colour), name, "title ·
 * department · location", their local time, and the matched skills and interests as chips
 * with levels, the matched parts underlaid. All text is drawn as plain text.
 */
class ResultDelegate : public RowDelegate
{
    Q_OBJECT

public:
    explicit ResultDelegate(ImageCache *photos, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
};

} // namespace Colleagues
