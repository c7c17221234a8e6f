// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace Colleagues {

/*!
 * Base of a dialog that asks for a few fields and submits them (Sign In, Change Password): a
 * heading, a hint, the form the dialog fills, a line that says what is wrong or going on, and
 * Cancel beside a default button that calls submit(). Its widgets are named after \a name:
 * "signIn" gives signInDialog, signInTitleLabel, signInHintLabel, signInErrorLabel, signInButton.
 */
class FormDialog : public QDialog
{
    Q_OBJECT

protected:
    //! What the dialog says, translated by the dialog.
    struct Texts
    {
        QString title; //!< of the window
        QString heading;
        QString hint;
        QString problemName; //!< the accessible name of the problem line
        QString submit; //!< the default button
    };

    FormDialog(const QString &name, const Texts &texts, QWidget *parent);

    //! Sends what was typed; the default button and Enter call it.
    virtual void submit() = 0;

    QFormLayout *form() const { return m_form; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QPushButton *submitButton() const { return m_submitButton; }
    //! Shows \a message as what is wrong, in the negative colour.
    void showProblem(const QString &message);
    //! Shows \a message as what is going on (e.g. "Signing in…").
    void showProgress(const QString &message);

private:
    QFormLayout *m_form;
    QLabel *m_problemLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_submitButton;
};

} // namespace Colleagues
