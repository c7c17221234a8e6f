// SPDX-License-Identifier: MIT
#include "ui/messages/ChatDelegate.h"

#include "ui/messages/ChatModel.h"
#include "ui/widgets/LocalTime.h"
#include "ui/widgets/Theme.h"

#include <QAbstractItemView>
#include <QLocale>
#include <QPainter>
#include <QTextLayout>

namespace Colleagues {

namespace {

constexpr int SideMargin = 16;
constexpr int BubblePadX = 12;
constexpr int BubblePadY = 7;
constexpr int RowGap = 3;
constexpr int FooterGap = 2;
constexpr int DayHeadingPad = 10;
constexpr int BubbleRadius = 14;

//! Lays \a text out wrapped to \a width; returns its size.
QSizeF layoutText(QTextLayout &layout, qreal width)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal height = 0;
    qreal natural = 0;
    while (true) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        line.setPosition(QPointF(0, height));
        height += line.height();
        natural = std::max(natural, line.naturalTextWidth());
    }
    layout.endLayout();
    return {std::ceil(natural), std::ceil(height)};
}

//! The body with its line breaks as QTextLayout understands them.
QString displayBody(const QModelIndex &index)
{
    QString body = index.data(ChatModel::BodyRole).toString();
    body.replace(QLatin1Char('\n'), QChar::LineSeparator);
    return body;
}

QFont footerFont(const QFont &base)
{
    return Theme::scaledFont(base, 0.8);
}

QFont senderFont(const QFont &base)
{
    return Theme::scaledFont(base, 0.86, QFont::DemiBold);
}

} // namespace

struct ChatDelegate::Geometry
{
    int headingHeight = 0;
    int senderHeight = 0; //!< the writer's name above the text (group conversations)
    QRect bubble;
    QSizeF text;
    QString footer;
    int footerHeight = 0;
    int rowHeight = 0;
};

ChatDelegate::ChatDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{ }

QString ChatDelegate::stateText(const QModelIndex &index)
{
    if (!index.data(ChatModel::OutgoingRole).toBool())
        return {};
    switch (MessageRecord::State(index.data(ChatModel::StateRole).toInt())) {
    case MessageRecord::State::Pending: return tr("Waiting to send");
    case MessageRecord::State::Failed: {
        const QString error = index.data(ChatModel::ErrorRole).toString();
        return error.isEmpty() ? tr("Not sent") : tr("Not sent: %1").arg(error);
    }
    case MessageRecord::State::Sent: return index.data(ChatModel::ReadRole).toBool() ? tr("Read") : tr("Sent");
    }
    return {};
}

ChatDelegate::Geometry ChatDelegate::layout(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Geometry g;
    const int viewWidth = m_view->viewport()->width();
    if (index.data(ChatModel::DayBreakRole).toBool())
        g.headingHeight = QFontMetrics(footerFont(option.font)).height() + 2 * DayHeadingPad;
    const int maxBubble = std::min(int(viewWidth * 0.74), 620);
    const int maxText = std::max(60, maxBubble - 2 * BubblePadX);
    QTextLayout text(displayBody(index), option.font);
    g.text = layoutText(text, maxText);

    const QDateTime time = index.data(ChatModel::TimeRole).toDateTime();
    QStringList footer;
    if (time.isValid())
        footer.append(QLocale().toString(time.time(), Theme::shortTimeFormat()));
    const QString state = stateText(index);
    if (!state.isEmpty())
        footer.append(state);
    if (index.data(ChatModel::AnswerRole).toBool())
        footer.append(tr("✓ The answer"));
    const QString sender = index.data(ChatModel::SenderNameRole).toString();
    int senderWidth = 0;
    if (!sender.isEmpty()) {
        const QFontMetrics senderMetrics(senderFont(option.font));
        g.senderHeight = senderMetrics.height();
        senderWidth = std::min(maxText, senderMetrics.horizontalAdvance(sender));
    }
    g.footer = footer.join(QStringLiteral(" · "));
    const QFontMetrics footerMetrics(footerFont(option.font));
    g.footerHeight = footerMetrics.height();
    const int footerWidth = std::min(maxText, footerMetrics.horizontalAdvance(g.footer));
    const int bubbleWidth = int(std::max<qreal>(g.text.width(), std::max(footerWidth, senderWidth))) + 2 * BubblePadX;
    const int bubbleHeight = g.senderHeight + int(g.text.height()) + FooterGap + g.footerHeight + 2 * BubblePadY;
    const bool outgoing = index.data(ChatModel::OutgoingRole).toBool();
    const int x = outgoing ? option.rect.right() - SideMargin - bubbleWidth + 1 : option.rect.left() + SideMargin;
    g.bubble = QRect(x, option.rect.top() + g.headingHeight + RowGap, bubbleWidth, bubbleHeight);
    g.rowHeight = g.headingHeight + bubbleHeight + 2 * RowGap;
    return g;
}

QSize ChatDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    opt.rect = QRect(0, 0, m_view->viewport()->width(), 0);
    return {m_view->viewport()->width(), layout(opt, index).rowHeight};
}

void ChatDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Geometry g = layout(option, index);
    const QPalette &palette = option.palette;
    const bool outgoing = index.data(ChatModel::OutgoingRole).toBool();
    const auto state = MessageRecord::State(index.data(ChatModel::StateRole).toInt());
    const bool current = option.state & QStyle::State_HasFocus || option.state & QStyle::State_Selected;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (g.headingHeight > 0) {
        const QDateTime time = index.data(ChatModel::TimeRole).toDateTime();
        const QString heading = LocalTime::dayHeading(time.isValid() ? time.date() : QDate::currentDate());
        painter->setFont(Theme::scaledFont(option.font, 0.8, QFont::DemiBold));
        painter->setPen(Theme::secondaryText(palette));
        painter->drawText(QRect(option.rect.left(), option.rect.top(), option.rect.width(), g.headingHeight),
                          Qt::AlignCenter, heading);
    }

    QColor background;
    QColor foreground;
    if (outgoing && state != MessageRecord::State::Failed) {
        background = palette.color(QPalette::Highlight);
        foreground = palette.color(QPalette::HighlightedText);
        if (state == MessageRecord::State::Pending)
            background = Theme::mix(background, palette.color(QPalette::Base), 0.35);
    } else {
        background = Theme::chipBackground(palette, false);
        foreground = palette.color(QPalette::Text);
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(background);
    painter->drawRoundedRect(g.bubble, BubbleRadius, BubbleRadius);
    if (state == MessageRecord::State::Failed && outgoing) {
        painter->setPen(QPen(Theme::negative(palette), 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(g.bubble).adjusted(0.75, 0.75, -0.75, -0.75), BubbleRadius, BubbleRadius);
    }
    const bool answer = index.data(ChatModel::AnswerRole).toBool();
    if (answer) {
        painter->setPen(QPen(Theme::positive(palette), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(g.bubble).adjusted(1, 1, -1, -1), BubbleRadius, BubbleRadius);
    }
    if (current && m_view->hasFocus()) {
        QColor ring = palette.color(QPalette::Highlight);
        ring.setAlphaF(0.6f);
        painter->setPen(QPen(ring, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(g.bubble).adjusted(-2, -2, 2, 2), BubbleRadius + 2, BubbleRadius + 2);
    }

    if (g.senderHeight > 0) {
        const QFont sender = senderFont(option.font);
        painter->setFont(sender);
        painter->setPen(Theme::mix(foreground, background, 0.15));
        const QRect senderRect(g.bubble.left() + BubblePadX, g.bubble.top() + BubblePadY,
                               g.bubble.width() - 2 * BubblePadX, g.senderHeight);
        painter->drawText(senderRect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(sender).elidedText(index.data(ChatModel::SenderNameRole).toString(),
                                                          Qt::ElideRight, senderRect.width()));
        painter->setFont(option.font);
    }
    QTextLayout text(displayBody(index), option.font);
    layoutText(text, g.bubble.width() - 2 * BubblePadX);
    painter->setPen(foreground);
    text.draw(painter, QPointF(g.bubble.left() + BubblePadX, g.bubble.top() + BubblePadY + g.senderHeight));

    const QFont footer = footerFont(option.font);
    painter->setFont(footer);
    QColor footerColor = Theme::mix(foreground, background, 0.3);
    if (state == MessageRecord::State::Failed && outgoing)
        footerColor = Theme::negative(palette);
    else if (answer && !outgoing)
        footerColor = Theme::positive(palette);
    painter->setPen(footerColor);
    const QRect footerRect(g.bubble.left() + BubblePadX, g.bubble.bottom() - BubblePadY - g.footerHeight + 1,
                           g.bubble.width() - 2 * BubblePadX, g.footerHeight);
    painter->drawText(footerRect, Qt::AlignRight | Qt::AlignVCenter,
                      QFontMetrics(footer).elidedText(g.footer, Qt::ElideRight, footerRect.width()));
    painter->restore();
}

} // namespace Colleagues
