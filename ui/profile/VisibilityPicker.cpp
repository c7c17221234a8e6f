// SPDX-License-Identifier: MIT
#include "ui/profile/VisibilityPicker.h"

namespace Colleagues {

namespace {

QString fieldText(PrivateField field)
{
    switch (field) {
    case PrivateField::Email: return VisibilityPicker::tr("your email address");
    case PrivateField::Phone: return VisibilityPicker::tr("your phone number");
    case PrivateField::Location: return VisibilityPicker::tr("your location");
    case PrivateField::Bio: return VisibilityPicker::tr("your bio");
    case PrivateField::Interests: return VisibilityPicker::tr("your interests");
    case PrivateField::Photo: return VisibilityPicker::tr("your photo");
    }
    return {};
}

} // namespace

VisibilityPicker::VisibilityPicker(PrivateField field, QWidget *parent)
    : QComboBox(parent)
    , m_field(field)
{
    setObjectName(fieldName(field) + QStringLiteral("VisibilityComboBox"));
    setAccessibleName(tr("Who sees %1").arg(fieldText(field)));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (Visibility visibility : {Visibility::Everyone, Visibility::Team, Visibility::Me})
        addItem(choiceText(visibility), int(visibility));
    setItemData(0, tr("Every colleague"), Qt::ToolTipRole);
    setItemData(1, tr("Your manager, the people who share your manager, and everyone who reports to you"),
                Qt::ToolTipRole);
    setItemData(2, tr("Nobody but you (and the administrators)"), Qt::ToolTipRole);
    connect(this, &QComboBox::activated, this, [this] {
        updateToolTip();
        Q_EMIT edited();
    });
    updateToolTip();
}

QString VisibilityPicker::choiceText(Visibility visibility)
{
    switch (visibility) {
    case Visibility::Everyone: return tr("Everyone");
    case Visibility::Team: return tr("My team");
    case Visibility::Me: return tr("Only me");
    }
    return {};
}

Visibility VisibilityPicker::visibility() const
{
    return static_cast<Visibility>(currentData().toInt());
}

void VisibilityPicker::setVisibility(Visibility visibility)
{
    setCurrentIndex(findData(int(visibility)));
    updateToolTip();
}

void VisibilityPicker::setLocked(bool locked)
{
    m_locked = locked;
    if (locked)
        setVisibility(Visibility::Everyone);
    setEnabled(!locked);
    updateToolTip();
}

void VisibilityPicker::updateToolTip()
{
    if (m_locked) {
        setToolTip(tr("Your company shows %1 to everyone.").arg(fieldText(m_field)));
        return;
    }
    switch (visibility()) {
    case Visibility::Everyone: setToolTip(tr("Every colleague sees %1.").arg(fieldText(m_field))); break;
    case Visibility::Team:
        setToolTip(tr("Your manager, the people who share your manager and everyone who reports to you see %1.")
                       .arg(fieldText(m_field)));
        break;
    case Visibility::Me: setToolTip(tr("Only you see %1.").arg(fieldText(m_field))); break;
    }
}

} // namespace Colleagues
