// SPDX-License-Identifier: MIT
#pragma once

#include "ui/widgets/RowDelegate.h"

namespace Colleagues {

//! Draws a conversation: avatar, name, time of the last message, the last message (with
//! "You:" and a pending mark for one's own) and an unread badge.
class ConversationDelegate : public RowDelegate
{
    Q_OBJECT

public:
    explicit ConversationDelegate(ImageCache *images, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Colleagues
