// SPDX-License-Identifier: MIT
#include "ui/profile/ValidatedField.h"

#include "core/TextFold.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/Theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace Colleagues {

namespace {

//! Counters appear once a text is this close to its limit.
int counterThreshold(int max)
{
    return std::max(0, max - std::max(10, max / 5));
}

} // namespace

ValidatedField::ValidatedField(const QString &name, const QString &label, QWidget *editor, int maxLength,
                               QWidget *parent)
    : QWidget(parent)
    , m_name(name)
    , m_maxLength(maxLength)
    , m_label(plainLabel(label, parent))
    , m_editor(editor)
{
    setObjectName(name + QStringLiteral("ValidatedField"));
    m_label->setBuddy(editor);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(editor);
    auto *below = new QHBoxLayout;
    m_errorLabel = errorLabel(this, name + QStringLiteral("ErrorLabel"));
    below->addWidget(m_errorLabel, 1);
    m_counterLabel = plainLabel(this, name + QStringLiteral("CounterLabel"));
    m_counterLabel->setForegroundRole(QPalette::PlaceholderText);
    m_counterLabel->hide();
    below->addWidget(m_counterLabel, 0, Qt::AlignRight | Qt::AlignTop);
    layout->addLayout(below);

    if (auto *line = qobject_cast<QLineEdit *>(editor))
        connect(line, &QLineEdit::textEdited, this, &ValidatedField::edited);
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        connect(combo, &QComboBox::currentTextChanged, this, &ValidatedField::edited);
    else if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
        connect(text, &QPlainTextEdit::textChanged, this, &ValidatedField::edited);
}

ValidatedField *ValidatedField::lineEdit(const QString &name, const QString &label, int maxLength,
                                         const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name + QStringLiteral("LineEdit"));
    edit->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    edit->setPlaceholderText(placeholder);
    return new ValidatedField(name, label, edit, maxLength, parent);
}

QString ValidatedField::text() const
{
    if (auto *line = qobject_cast<QLineEdit *>(m_editor))
        return line->text();
    if (auto *combo = qobject_cast<QComboBox *>(m_editor))
        return combo->currentText();
    if (auto *text = qobject_cast<QPlainTextEdit *>(m_editor))
        return text->toPlainText();
    return {};
}

void ValidatedField::setText(const QString &text)
{
    if (auto *line = qobject_cast<QLineEdit *>(m_editor))
        line->setText(text);
    else if (auto *combo = qobject_cast<QComboBox *>(m_editor))
        combo->setCurrentText(text);
    else if (auto *edit = qobject_cast<QPlainTextEdit *>(m_editor))
        edit->setPlainText(text);
}

void ValidatedField::setError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
    m_editor->setAccessibleDescription(message);
    updateCounter();
}

QString ValidatedField::errorText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void ValidatedField::updateCounter()
{
    if (m_maxLength <= 0)
        return;
    const int length = int(codePointCount(text()));
    const bool show = length >= counterThreshold(m_maxLength);
    m_counterLabel->setVisible(show);
    if (show)
        m_counterLabel->setText(tr("%1 / %2").arg(length).arg(m_maxLength));
    Theme::tint(m_counterLabel, length > m_maxLength ? Theme::Tint::Negative : Theme::Tint::None);
}

QHash<QString, QString> ValidatedField::messagesByField(const QList<Error> &errors)
{
    QHash<QString, QString> messages;
    for (const Error &error : errors) {
        const QString field = error.field.section(QLatin1Char('['), 0, 0).section(QLatin1Char('.'), 0, 0);
        if (!messages.contains(field))
            messages.insert(field, error.message);
    }
    return messages;
}

} // namespace Colleagues
