// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QPushButton;

namespace Colleagues {

class ClientBackend;
class PersonPicker;

//! Asks for one colleague (a PersonPicker in a dialog): "Add someone…" to a question or a group.
class PickPersonDialog : public QDialog
{
    Q_OBJECT

public:
    //! \a excluded: people who cannot be picked (already chosen, oneself).
    PickPersonDialog(ClientBackend *backend, const QString &title, const QStringList &excluded,
                     QWidget *parent = nullptr);

    //! The colleague picked; empty when none.
    QString username() const;

private:
    PersonPicker *m_picker;
    QPushButton *m_pickButton;
};

} // namespace Colleagues
