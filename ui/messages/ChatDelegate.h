// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

class QAbstractItemView;

namespace Colleagues {

//! Draws a message as a bubble (mine on the right in the accent colour, theirs on the left),
//! with its time and delivery state (waiting to send, sent, read, not sent), and a day
//! heading above the first message of each day. In a group conversation an incoming bubble
//! names its writer, and the answer the asker marked is ringed and says so.
class ChatDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ChatDelegate(QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    //! "Waiting to send", "Sent", "Read", "Not sent: …"
    static QString stateText(const QModelIndex &index);

private:
    struct Geometry;
    Geometry layout(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    QAbstractItemView *m_view;
};

} // namespace Colleagues
