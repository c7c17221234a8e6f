// SPDX-License-Identifier: MIT
#include "ui/people/PickPersonDialog.h"

#include "ui/people/PersonPicker.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Colleagues {

PickPersonDialog::PickPersonDialog(ClientBackend *backend, const QString &title, const QStringList &excluded,
                                   QWidget *parent)
    : QDialog(parent)
    , m_picker(new PersonPicker(backend, this))
{
    setObjectName(QStringLiteral("pickPersonDialog"));
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    m_picker->setExcluded(excluded);
    layout->addWidget(m_picker, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_pickButton = buttons->addButton(tr("Add"), QDialogButtonBox::AcceptRole);
    m_pickButton->setObjectName(QStringLiteral("pickPersonButton"));
    m_pickButton->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_picker, &PersonPicker::selectedChanged, this,
            [this](const QString &username) { m_pickButton->setEnabled(!username.isEmpty()); });
    connect(m_picker, &PersonPicker::activated, this, [this](const QString &username) {
        if (!username.isEmpty())
            accept();
    });
    m_picker->focusSearch();
    resize(460, 420);
}

QString PickPersonDialog::username() const
{
    return m_picker->selectedUsername();
}

} // namespace Colleagues
