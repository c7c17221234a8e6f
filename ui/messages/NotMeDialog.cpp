// SPDX-License-Identifier: MIT
#include "ui/messages/NotMeDialog.h"

#include "ui/ClientBackend.h"
#include "ui/people/PersonPicker.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/Theme.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Colleagues {

NotMeDialog::NotMeDialog(ClientBackend *backend, const QString &title, const QStringList &members, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_picker(new PersonPicker(backend, this))
{
    setObjectName(QStringLiteral("notMeDialog"));
    setWindowTitle(tr("Not Me"));
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(Theme::SpaceM);
    auto *heading = headingLabel(tr("Leave “%1”?").arg(title), this, 1.1, QStringLiteral("notMeTitleLabel"));
    heading->setWordWrap(true);
    layout->addWidget(heading);
    layout->addWidget(hintLabel(tr("You leave the question quietly and get nothing more of it. If you know who "
                                   "could answer, suggest them: they are added and see the conversation so far."),
                                this, QStringLiteral("notMeHintLabel")));
    m_suggestCheckBox = new QCheckBox(tr("Suggest a colleague who may know"), this);
    m_suggestCheckBox->setObjectName(QStringLiteral("suggestCheckBox"));
    layout->addWidget(m_suggestCheckBox);
    QStringList excluded = members;
    excluded.append(backend->me());
    m_picker->setExcluded(excluded);
    m_picker->setEnabled(false);
    layout->addWidget(m_picker, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_leaveButton = buttons->addButton(tr("Leave"), QDialogButtonBox::AcceptRole);
    m_leaveButton->setObjectName(QStringLiteral("leaveButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_suggestCheckBox, &QCheckBox::toggled, this, [this](bool on) {
        m_picker->setEnabled(on);
        if (on)
            m_picker->focusSearch();
        updateButton();
    });
    connect(m_picker, &PersonPicker::selectedChanged, this, &NotMeDialog::updateButton);
    connect(m_picker, &PersonPicker::activated, this, [this] {
        if (!suggested().isEmpty())
            accept();
    });
    updateButton();
    resize(480, 460);
}

QString NotMeDialog::suggested() const
{
    return m_suggestCheckBox->isChecked() ? m_picker->selectedUsername() : QString();
}

void NotMeDialog::updateButton()
{
    const QString who = suggested();
    // Suggesting means naming someone: without a choice there is nothing to send.
    m_leaveButton->setEnabled(!m_suggestCheckBox->isChecked() || !who.isEmpty());
    m_leaveButton->setText(who.isEmpty() ? tr("Leave") : tr("Leave and Suggest %1").arg(m_backend->displayName(who)));
}

} // namespace Colleagues
