// SPDX-License-Identifier: MIT
#include "ui/messages/ConversationDelegate.h"

#include "ui/messages/ConversationsModel.h"
#include "ui/widgets/Avatar.h"
#include "ui/widgets/ImageCache.h"
#include "ui/widgets/LocalTime.h"
#include "ui/widgets/StatusText.h"
#include "ui/widgets/Theme.h"

#include <QPainter>

namespace Colleagues {

namespace {
constexpr int PadX = 12;
constexpr int PadY = 9;
constexpr int AvatarSize = 38;
} // namespace

ConversationDelegate::ConversationDelegate(ImageCache *images, QObject *parent)
    : RowDelegate(images, parent)
{ }

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics name(Theme::scaledFont(option.font, 1.0, QFont::DemiBold));
    const QFontMetrics body(Theme::scaledFont(option.font, 0.93));
    return {200, std::max(AvatarSize, name.height() + 2 + body.height()) + 2 * PadY};
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto [colorGroup, selected, primary, secondary] = paintBackground(painter, option, index);
    const QPalette &palette = option.palette;
    const int unread = index.data(ConversationsModel::UnreadRole).toInt();
    const QString peer = index.data(ConversationsModel::PeerRole).toString();
    const QString name = index.data(ConversationsModel::NameRole).toString();
    const bool group = index.data(ConversationsModel::GroupRole).toBool();
    const QRect r = option.rect.adjusted(PadX, PadY, -PadX, -PadY);

    painter->save();
    const QRectF avatarRect(r.left(), r.center().y() - AvatarSize / 2.0, AvatarSize, AvatarSize);
    // A group conversation: the initials of its title on its own colour, and no presence.
    Avatar::paint(painter, avatarRect, peer, name, photos() && !group ? photos()->photo(peer) : QImage(), palette);
    const Status status = group ? Status {} : this->status(peer);
    if (hasStatuses() && !group)
        StatusText::paintDot(painter, dotRect(avatarRect), status, palette);

    const QFont nameFont = Theme::scaledFont(option.font, 1.0, unread > 0 ? QFont::Bold : QFont::DemiBold);
    const QFont bodyFont = Theme::scaledFont(option.font, 0.93, unread > 0 ? QFont::DemiBold : QFont::Normal);
    const QFontMetrics nameMetrics(nameFont);
    const QFontMetrics bodyMetrics(bodyFont);
    const int left = int(avatarRect.right()) + Theme::SpaceL;
    const int top = r.center().y() - (nameMetrics.height() + 2 + bodyMetrics.height()) / 2;

    const QString stamp = LocalTime::listStamp(index.data(ConversationsModel::LastActivityRole).toDateTime());
    const QFont stampFont = Theme::scaledFont(option.font, 0.86);
    const int stampWidth = QFontMetrics(stampFont).horizontalAdvance(stamp);
    painter->setFont(stampFont);
    painter->setPen(unread > 0 && !selected ? palette.color(QPalette::Highlight) : secondary);
    painter->drawText(QRect(r.right() - stampWidth, top, stampWidth, nameMetrics.height()),
                      Qt::AlignRight | Qt::AlignVCenter, stamp);

    const int nameWidth = r.right() - left - stampWidth - Theme::SpaceM;
    QFont lineFont = Theme::scaledFont(option.font, 0.86);
    lineFont.setItalic(true);
    // A question's line says whether it is open or answered: an open one in the accent colour.
    const bool openQuestion = index.data(ConversationsModel::QuestionRole).toBool()
        && !index.data(ConversationsModel::ResolvedRole).toBool() && !index.data(ConversationsModel::LeftRole).toBool();
    const QColor lineColor = openQuestion && !selected ? palette.color(QPalette::Highlight) : secondary;
    drawNameAndLine(painter, QRect(left, top, nameWidth, nameMetrics.height()), nameFont, primary, name, lineFont,
                    lineColor,
                    group ? index.data(ConversationsModel::SummaryRole).toString() : StatusText::line(status));

    int bodyRight = r.right();
    const int bodyTop = top + nameMetrics.height() + 2;
    if (unread > 0) {
        const QString count = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        const QFont badgeFont = Theme::scaledFont(option.font, 0.8, QFont::Bold);
        const QFontMetrics badgeMetrics(badgeFont);
        const int h = badgeMetrics.height() + 2;
        const int w = std::max(h, badgeMetrics.horizontalAdvance(count) + 10);
        const QRectF badge(r.right() - w + 1, bodyTop + (bodyMetrics.height() - h) / 2.0, w, h);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? primary : palette.color(QPalette::Highlight));
        painter->drawRoundedRect(badge, h / 2.0, h / 2.0);
        painter->setFont(badgeFont);
        painter->setPen(selected ? palette.color(colorGroup, QPalette::Highlight)
                                 : palette.color(QPalette::HighlightedText));
        painter->drawText(badge, Qt::AlignCenter, count);
        bodyRight = int(badge.left()) - Theme::SpaceM;
    }

    QString body = index.data(ConversationsModel::LastMessageRole).toString();
    body.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (index.data(ConversationsModel::OutgoingRole).toBool()) {
        const auto state = MessageRecord::State(index.data(ConversationsModel::StateRole).toInt());
        if (state == MessageRecord::State::Pending)
            body = tr("You (waiting to send): %1").arg(body);
        else if (state == MessageRecord::State::Failed)
            body = tr("You (not sent): %1").arg(body);
        else
            body = tr("You: %1").arg(body);
    } else if (const QString sender = index.data(ConversationsModel::LastSenderRole).toString(); !sender.isEmpty()) {
        body = tr("%1: %2").arg(sender, body);
    }
    painter->setFont(bodyFont);
    painter->setPen(unread > 0 ? primary : secondary);
    const int bodyWidth = bodyRight - left;
    painter->drawText(QRect(left, bodyTop, bodyWidth, bodyMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      bodyMetrics.elidedText(body, Qt::ElideRight, bodyWidth));

    if (!selected) {
        painter->setPen(QPen(Theme::separator(palette), 1));
        painter->drawLine(QPoint(left, option.rect.bottom()), QPoint(option.rect.right(), option.rect.bottom()));
    }
    painter->restore();
}

} // namespace Colleagues
