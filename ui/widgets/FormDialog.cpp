// SPDX-License-Identifier: MIT
#include "ui/widgets/FormDialog.h"

#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/Theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Colleagues {

FormDialog::FormDialog(const QString &name, const Texts &texts, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(name + QStringLiteral("Dialog"));
    setWindowTitle(texts.title);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::SpaceXXL, Theme::SpaceXL + 4, Theme::SpaceXXL, Theme::SpaceXL);
    layout->setSpacing(Theme::SpaceL);
    layout->addWidget(headingLabel(texts.heading, this, 1.25, name + QStringLiteral("TitleLabel")));
    layout->addWidget(hintLabel(texts.hint, this, name + QStringLiteral("HintLabel")));

    m_form = new QFormLayout;
    m_form->setSpacing(Theme::SpaceM);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    layout->addLayout(m_form);

    m_problemLabel = errorLabel(this, name + QStringLiteral("ErrorLabel"));
    m_problemLabel->setAccessibleName(texts.problemName);
    layout->addWidget(m_problemLabel);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_submitButton = m_buttons->addButton(texts.submit, QDialogButtonBox::AcceptRole);
    m_submitButton->setObjectName(name + QStringLiteral("Button"));
    m_submitButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { submit(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
}

void FormDialog::showProblem(const QString &message)
{
    Theme::tint(m_problemLabel, Theme::Tint::Negative);
    m_problemLabel->setText(message);
    m_problemLabel->show();
}

void FormDialog::showProgress(const QString &message)
{
    Theme::tint(m_problemLabel, Theme::Tint::None);
    m_problemLabel->setText(message);
    m_problemLabel->show();
}

} // namespace Colleagues
