// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QHash>
#include <QWidget>

class QLabel;

namespace Colleagues {

/*!
 * One field of the profile form that Core validates: a label for the form's left column, the
 * editor (a line edit, combo box or text edit), and under it the inline error and, close to the
 * limit, a character counter. Core decides what is wrong (Validation::validate()); the field only
 * shows it, next to the editor and as the editor's accessible description.
 */
class ValidatedField : public QWidget
{
    Q_OBJECT

public:
    /*!
     * \a name is the field as Core's errors name it ("email"), \a label the form label with its
     * mnemonic ("&Email:"), \a maxLength the limit the counter counts towards (0: no counter).
     * The field takes \a editor into its layout.
     */
    ValidatedField(const QString &name, const QString &label, QWidget *editor, int maxLength, QWidget *parent);
    //! A field edited in a QLineEdit named \a name + "LineEdit".
    static ValidatedField *lineEdit(const QString &name, const QString &label, int maxLength,
                                    const QString &placeholder, QWidget *parent);

    QString name() const { return m_name; }
    //! The label (its buddy is the editor), for the form to place.
    QLabel *label() const { return m_label; }
    QWidget *editor() const { return m_editor; }
    //! The editor's text, whichever kind of editor it is.
    QString text() const;
    void setText(const QString &text);

    //! Shows \a message under the editor (hides the error when empty); updates the counter.
    void setError(const QString &message);
    //! The error shown, or an empty string.
    QString errorText() const;

    //! Core's \a errors as the first message for each field name (`skills[2].name` counts as `skills`).
    static QHash<QString, QString> messagesByField(const QList<Error> &errors);

Q_SIGNALS:
    //! The user changed the text (not setText()).
    void edited();

private:
    void updateCounter();

    QString m_name;
    int m_maxLength;
    QLabel *m_label;
    QWidget *m_editor;
    QLabel *m_errorLabel;
    QLabel *m_counterLabel;
};

} // namespace Colleagues
