// SPDX-License-Identifier: MIT
#include "ui/widgets/AvatarWidget.h"

#include "ui/widgets/Avatar.h"

#include <QPainter>

namespace Colleagues {

AvatarWidget::AvatarWidget(int size, QWidget *parent)
    : QWidget(parent)
    , m_size(size)
{
    setFixedSize(size, size);
}

void AvatarWidget::setPerson(const QString &username, const QString &displayName)
{
    m_username = username;
    m_displayName = displayName;
    setAccessibleName(tr("Photo of %1").arg(displayName));
    update();
}

void AvatarWidget::setPhoto(const QImage &photo)
{
    m_photo = photo;
    update();
}

void AvatarWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    Avatar::paint(&painter, QRectF(rect()), m_username, m_displayName, m_photo, palette());
}

} // namespace Colleagues
