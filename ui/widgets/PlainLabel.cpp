// SPDX-License-Identifier: MIT
#include "ui/widgets/PlainLabel.h"

#include "ui/widgets/Theme.h"

#include <QLabel>

namespace Colleagues {

QLabel *plainLabel(const QString &text, QWidget *parent, const QString &objectName)
{
    QLabel *label = plainLabel(parent, objectName);
    label->setText(text);
    return label;
}

QLabel *plainLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    return label;
}

QLabel *headingLabel(const QString &text, QWidget *parent, qreal scale, const QString &objectName)
{
    QLabel *label = plainLabel(text, parent, objectName);
    label->setFont(Theme::scaledFont(label->font(), scale, QFont::DemiBold));
    return label;
}

QLabel *captionLabel(const QString &text, QWidget *parent, const QString &objectName)
{
    QLabel *label = headingLabel(text, parent, 0.92, objectName);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QLabel *hintLabel(const QString &text, QWidget *parent, const QString &objectName)
{
    QLabel *label = plainLabel(text, parent, objectName);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QLabel *valueLabel(const QString &text, QWidget *parent, const QString &objectName)
{
    QLabel *label = plainLabel(text, parent, objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *errorLabel(QWidget *parent, const QString &objectName)
{
    QLabel *label = plainLabel(parent, objectName);
    label->setWordWrap(true);
    Theme::tint(label, Theme::Tint::Negative);
    label->hide();
    return label;
}

} // namespace Colleagues
