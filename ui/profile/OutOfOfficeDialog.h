// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QDialog>

class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Colleagues {

/*!
 * "Out of office…": the first and last day away, a note for those who write, and a stand-in
 * picked by name (completion over the directory). The stand-in field takes "Name (username)"
 * as completed, or a bare username.
 */
class OutOfOfficeDialog : public QDialog
{
    Q_OBJECT

public:
    //! \a people: "Display Name (username)" choices for the stand-in.
    OutOfOfficeDialog(const QStringList &people, QWidget *parent = nullptr);

    //! Fills the fields from an existing window (or today and a week from now).
    void setWindow(const std::optional<OutOfOffice> &window, const QString &standInChoice = {});
    OutOfOffice window() const;
    //! Shows a problem the server found (plain text), and keeps the dialog open.
    void showError(const QString &message);

    //! The username in a stand-in field's text: "Ada Lovelace (ada)" -> "ada"; "ada" -> "ada".
    static QString usernameOf(const QString &choice);

Q_SIGNALS:
    //! OK was pressed: the dialog stays open until its owner accept()s it (the server took the
    //! window) or shows an error.
    void submitRequested();

private:
    void validate();

    QDateEdit *m_from;
    QDateEdit *m_to;
    QPlainTextEdit *m_note;
    QLineEdit *m_standIn;
    QLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
};

} // namespace Colleagues
