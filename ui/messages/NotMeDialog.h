// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QCheckBox;
class QPushButton;

namespace Colleagues {

class ClientBackend;
class PersonPicker;

/*!
 * "Not me…": a member leaves a question quietly, and may suggest a colleague who could answer
 * (found with a PersonPicker); the one suggested is added and sees the conversation so far.
 */
class NotMeDialog : public QDialog
{
    Q_OBJECT

public:
    //! \a title: the question's; \a members: who is or was in it (they cannot be suggested).
    NotMeDialog(ClientBackend *backend, const QString &title, const QStringList &members, QWidget *parent = nullptr);

    //! The colleague suggested; empty when none.
    QString suggested() const;

private:
    void updateButton();

    ClientBackend *m_backend;
    PersonPicker *m_picker;
    QCheckBox *m_suggestCheckBox;
    QPushButton *m_leaveButton;
};

} // namespace Colleagues
