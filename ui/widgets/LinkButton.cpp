// SPDX-License-Identifier: MIT
#include "ui/widgets/LinkButton.h"

#include <QKeyEvent>
#include <QPainter>

namespace Colleagues {

namespace {
constexpr int Pad = 2;
}

LinkButton::LinkButton(const QString &text, QWidget *parent)
    : QAbstractButton(parent)
{
    setText(text);
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

QSize LinkButton::sizeHint() const
{
    const QFontMetrics metrics(font());
    return {metrics.horizontalAdvance(text()) + 2 * Pad, metrics.height() + 2 * Pad};
}

void LinkButton::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    QFont f = font();
    f.setUnderline(m_hovered || hasFocus());
    painter.setFont(f);
    painter.setPen(palette().color(isEnabled() ? QPalette::Active : QPalette::Disabled, QPalette::Link));
    // Qt::TextShowMnemonic is not set: an '&' in a name is shown as it is.
    painter.drawText(rect().adjusted(Pad, Pad, -Pad, -Pad), Qt::AlignLeft | Qt::AlignVCenter, text());
}

void LinkButton::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        click();
        return;
    }
    QAbstractButton::keyPressEvent(event);
}

void LinkButton::enterEvent(QEnterEvent *event)
{
    m_hovered = true;
    update();
    QAbstractButton::enterEvent(event);
}

void LinkButton::leaveEvent(QEvent *event)
{
    m_hovered = false;
    update();
    QAbstractButton::leaveEvent(event);
}

} // namespace Colleagues
