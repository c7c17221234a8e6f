// SPDX-License-Identifier: MIT
#include "ui/widgets/FormButtons.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QPushButton>

namespace Colleagues {

QDialogButtonBox *formButtons(QDialog *dialog, const QString &text, const QString &objectName, QPushButton **button)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    *button = buttons->addButton(text, QDialogButtonBox::AcceptRole);
    (*button)->setObjectName(objectName);
    (*button)->setDefault(true);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

} // namespace Colleagues
