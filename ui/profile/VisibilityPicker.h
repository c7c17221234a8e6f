// SPDX-License-Identifier: MIT
#pragma once

#include "core/Visibility.h"

#include <QComboBox>

namespace Colleagues {

/*!
 * Who sees one private field of your profile: everyone, your team, or only you. Sits beside
 * the field in the editor; its tooltip says who "your team" is. A field the company shows to
 * everyone is locked: the picker is disabled and says why.
 */
class VisibilityPicker : public QComboBox
{
    Q_OBJECT

public:
    VisibilityPicker(PrivateField field, QWidget *parent = nullptr);

    PrivateField field() const { return m_field; }
    Visibility visibility() const;
    void setVisibility(Visibility visibility);
    void setLocked(bool locked);

    //! "Everyone", "My team" or "Only me".
    static QString choiceText(Visibility visibility);

Q_SIGNALS:
    //! The user picked another audience.
    void edited();

private:
    void updateToolTip();

    PrivateField m_field;
    bool m_locked = false;
};

} // namespace Colleagues
