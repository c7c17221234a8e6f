// SPDX-License-Identifier: MIT
#include "ui/org/OrgPainter.h"

#include "ui/org/OrgModel.h"
#include "ui/widgets/Theme.h"

#include <QAbstractItemModel>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace Colleagues {

OrgPainter::OrgPainter(const QPalette &palette, const QFont &font)
    : m_palette(palette)
    , m_font(font)
{ }

QList<OrgBox> OrgPainter::layout(const QAbstractItemModel *model)
{
    QList<OrgBox> boxes;
    if (!model)
        return boxes;
    // Depth first, without recursion: a chain 200 levels deep is 200 entries of this stack.
    struct Pending
    {
        QModelIndex index;
        int depth;
        int parentBox;
    };
    std::vector<Pending> stack;
    for (int row = model->rowCount() - 1; row >= 0; --row)
        stack.push_back({model->index(row, 0), 0, -1});
    qreal y = Margin;
    while (!stack.empty()) {
        const Pending at = stack.back();
        stack.pop_back();
        OrgBox box;
        box.index = at.index;
        box.depth = at.depth;
        box.parentBox = at.parentBox;
        box.rect = QRectF(Margin + at.depth * Indent, y, CardWidth, CardHeight);
        const auto kind = at.index.data(OrgModel::KindRole).value<OrgModel::Kind>();
        if (kind == OrgModel::Kind::More || kind == OrgModel::Kind::Problem)
            box.rect.setHeight(CardHeight * 0.6);
        if (model->hasChildren(at.index))
            box.toggle = QRectF(box.rect.left(), box.rect.top(), 22, box.rect.height());
        y += box.rect.height() + Gap;
        const int self = int(boxes.size());
        boxes.append(box);
        if (at.index.data(OrgModel::ExpandedRole).toBool()) {
            for (int row = model->rowCount(at.index) - 1; row >= 0; --row)
                stack.push_back({model->index(row, 0, at.index), at.depth + 1, self});
        }
    }
    return boxes;
}

QSizeF OrgPainter::size(const QList<OrgBox> &boxes)
{
    QRectF all;
    for (const OrgBox &box : boxes)
        all = all.united(box.rect);
    return QSizeF(all.right() + Margin, all.bottom() + Margin);
}

void OrgPainter::paint(QPainter *painter, const QList<OrgBox> &boxes, const QModelIndex &current,
                       const QRectF &exposed) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // Lines first: from under the manager's arrow down and across to each report.
    painter->setPen(QPen(Theme::separator(m_palette).darker(115), 1.5));
    for (const OrgBox &box : boxes) {
        if (box.parentBox < 0)
            continue;
        const QRectF &parent = boxes[box.parentBox].rect;
        const qreal x = parent.left() + Indent / 2;
        const QPointF corner(x, box.rect.center().y());
        if (!exposed.isNull() && !exposed.intersects(QRectF(QPointF(x, parent.bottom()), box.rect.bottomRight())))
            continue;
        painter->drawLine(QPointF(x, parent.bottom()), corner);
        painter->drawLine(corner, QPointF(box.rect.left(), corner.y()));
    }
    for (const OrgBox &box : boxes) {
        if (exposed.isNull() || exposed.intersects(box.rect))
            paintBox(painter, box, box.index == current);
    }
    painter->restore();
}

void OrgPainter::paintBox(QPainter *painter, const OrgBox &box, bool current) const
{
    const QModelIndex index = box.index;
    const auto kind = index.data(OrgModel::KindRole).value<OrgModel::Kind>();
    const QRectF rect = box.rect;
    const QColor base = m_palette.color(QPalette::Base);
    const QColor accent = m_palette.color(QPalette::Highlight);
    QColor fill = base;
    QColor border = Theme::separator(m_palette).darker(110);
    qreal borderWidth = 1;
    if (kind == OrgModel::Kind::Problem) {
        fill = Theme::mix(base, Theme::warning(m_palette), 0.18);
        border = Theme::warning(m_palette);
    } else if (kind == OrgModel::Kind::Focus) {
        fill = Theme::mix(base, accent, 0.10);
        border = accent;
        borderWidth = 2;
    }
    if (current) {
        fill = Theme::mix(base, accent, 0.28);
        border = accent;
        borderWidth = 2.5;
    }
    QPainterPath card;
    card.addRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 7, 7);
    painter->setPen(QPen(border, borderWidth));
    painter->setBrush(fill);
    painter->drawPath(card);

    const QColor text = m_palette.color(QPalette::Text);
    const QColor secondary = Theme::secondaryText(m_palette);
    qreal left = rect.left() + 8;
    if (!box.toggle.isEmpty()) {
        // The arrow: right when collapsed, down when expanded.
        const QPointF c = box.toggle.center();
        QPolygonF arrow;
        if (index.data(OrgModel::ExpandedRole).toBool())
            arrow << QPointF(c.x() - 5, c.y() - 3) << QPointF(c.x() + 5, c.y() - 3) << QPointF(c.x(), c.y() + 4);
        else
            arrow << QPointF(c.x() - 3, c.y() - 5) << QPointF(c.x() - 3, c.y() + 5) << QPointF(c.x() + 4, c.y());
        painter->setPen(Qt::NoPen);
        painter->setBrush(secondary);
        painter->drawPolygon(arrow);
        left = box.toggle.right();
    }

    const QString name = index.data(Qt::DisplayRole).toString();
    if (kind == OrgModel::Kind::More || kind == OrgModel::Kind::Problem) {
        QFont font = m_font;
        font.setUnderline(kind == OrgModel::Kind::More);
        painter->setFont(font);
        painter->setPen(kind == OrgModel::Kind::More ? m_palette.color(QPalette::Link) : text);
        const QRectF area(left + 4, rect.top(), rect.right() - left - 12, rect.height());
        painter->drawText(area, Qt::AlignVCenter | Qt::AlignLeft,
                          QFontMetricsF(font).elidedText(name, Qt::ElideRight, area.width()));
        return;
    }

    // Initials avatar.
    const QString username = index.data(OrgModel::UsernameRole).toString();
    const qreal avatar = 34;
    const QRectF circle(left + 2, rect.center().y() - avatar / 2, avatar, avatar);
    const QColor avatarColor = Theme::avatarColor(username, m_palette);
    painter->setPen(Qt::NoPen);
    painter->setBrush(avatarColor);
    painter->drawEllipse(circle);
    QFont initialsFont = Theme::scaledFont(m_font, 0.9, QFont::DemiBold);
    painter->setFont(initialsFont);
    painter->setPen(Theme::avatarTextColor(avatarColor));
    painter->drawText(circle, Qt::AlignCenter, Theme::initials(name));
    left = circle.right() + 10;

    // The headcount, as a chip on the right.
    qreal right = rect.right() - 10;
    const int headcount = index.data(OrgModel::HeadcountRole).toInt();
    if (headcount > 0) {
        const QFont chipFont = Theme::scaledFont(m_font, 0.9, QFont::DemiBold);
        const QString count = QLocale().toString(headcount);
        const QFontMetricsF metrics(chipFont);
        const qreal width = metrics.horizontalAdvance(count) + 16;
        const QRectF chip(right - width, rect.center().y() - 11, width, 22);
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::chipBackground(m_palette, false));
        painter->drawRoundedRect(chip, 11, 11);
        painter->setFont(chipFont);
        painter->setPen(Theme::chipText(m_palette, false));
        painter->drawText(chip, Qt::AlignCenter, count);
        right = chip.left() - 8;
    }

    const qreal width = std::max<qreal>(10, right - left);
    const QFont nameFont = Theme::scaledFont(m_font, 1.0, QFont::DemiBold);
    const QFontMetricsF nameMetrics(nameFont);
    const QString title = index.data(OrgModel::TitleRole).toString();
    const qreal lineHeight = nameMetrics.height();
    const qreal top = title.isEmpty() ? rect.center().y() - lineHeight / 2 : rect.center().y() - lineHeight;
    painter->setFont(nameFont);
    painter->setPen(text);
    painter->drawText(QRectF(left, top, width, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      nameMetrics.elidedText(name, Qt::ElideRight, width));
    if (!title.isEmpty()) {
        const QFont titleFont = Theme::scaledFont(m_font, 0.9);
        painter->setFont(titleFont);
        painter->setPen(secondary);
        painter->drawText(QRectF(left, top + lineHeight, width, QFontMetricsF(titleFont).height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetricsF(titleFont).elidedText(title, Qt::ElideRight, width));
    }
}

} // namespace Colleagues
