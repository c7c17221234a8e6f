// SPDX-License-Identifier: MIT
#include "ui/widgets/ChipWidget.h"

#include "ui/widgets/Chip.h"
#include "ui/widgets/Theme.h"

#include <QEvent>
#include <QPainter>

namespace Colleagues {

ChipWidget::ChipWidget(const QString &text, int level, QWidget *parent)
    : QWidget(parent)
    , m_text(text)
    , m_level(level)
{
    setObjectName(QStringLiteral("chipWidget"));
    setAccessibleName(Chip::accessibleText(text, level));
    setToolTip(Theme::plainToolTip(Chip::accessibleText(text, level)));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void ChipWidget::setMatched(bool matched)
{
    m_matched = matched;
    update();
}

QSize ChipWidget::sizeHint() const
{
    return Chip::sizeHint(font(), m_text, m_level, m_matched);
}

void ChipWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    Chip::paint(&painter, rect(), font(), m_text, m_level, m_matched, {}, palette());
}

void ChipWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

} // namespace Colleagues
