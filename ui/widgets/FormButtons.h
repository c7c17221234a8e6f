// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QDialog;
class QDialogButtonBox;
class QPushButton;

namespace Colleagues {

//! The buttons under a form in \a dialog: Cancel, which rejects it, and the default button
//! \a text, named \a objectName, in the accept role (connect the box's accepted()). \a button
//! receives that button.
QDialogButtonBox *formButtons(QDialog *dialog, const QString &text, const QString &objectName, QPushButton **button);

} // namespace Colleagues
