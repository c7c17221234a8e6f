// SPDX-License-Identifier: MIT
#include "ui/profile/OutOfOfficeDialog.h"

#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/Theme.h"

#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Colleagues {

OutOfOfficeDialog::OutOfOfficeDialog(const QStringList &people, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("outOfOfficeDialog"));
    setWindowTitle(tr("Out of Office"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hintLabel(tr("While you are away, people who open a conversation with you see your note "
                                   "and can write to your stand-in instead."),
                                this));
    auto *form = new QFormLayout;
    m_from = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("outOfOfficeFromEdit"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(this);
    m_to->setObjectName(QStringLiteral("outOfOfficeToEdit"));
    m_to->setCalendarPopup(true);
    form->addRow(tr("&First day:"), m_from);
    form->addRow(tr("&Last day:"), m_to);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("outOfOfficeNoteEdit"));
    m_note->setPlaceholderText(tr("For example: Back on 5 January. For billing, ask Ada."));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(m_note->fontMetrics().height() * 5);
    form->addRow(tr("&Note:"), m_note);
    m_standIn = new QLineEdit(this);
    m_standIn->setObjectName(QStringLiteral("outOfOfficeStandInEdit"));
    m_standIn->setPlaceholderText(tr("Type a name"));
    m_standIn->setClearButtonEnabled(true);
    auto *completer = new QCompleter(people, m_standIn);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_standIn->setCompleter(completer);
    form->addRow(tr("&Stand-in:"), m_standIn);
    layout->addLayout(form);
    m_errorLabel = errorLabel(this, QStringLiteral("outOfOfficeErrorLabel"));
    layout->addWidget(m_errorLabel);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Set Out of Office"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("outOfOfficeOkButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OutOfOfficeDialog::submitRequested);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    connect(m_from, &QDateEdit::dateChanged, this, &OutOfOfficeDialog::validate);
    connect(m_to, &QDateEdit::dateChanged, this, &OutOfOfficeDialog::validate);
    connect(m_note, &QPlainTextEdit::textChanged, this, &OutOfOfficeDialog::validate);
    setWindow(std::nullopt);
    resize(std::max(sizeHint().width(), 460), sizeHint().height());
}

void OutOfOfficeDialog::setWindow(const std::optional<OutOfOffice> &window, const QString &standInChoice)
{
    const QDate today = QDate::currentDate();
    m_from->setDate(window ? window->from : today);
    m_to->setDate(window ? window->to : today.addDays(7));
    m_note->setPlainText(window ? window->note : QString());
    m_standIn->setText(standInChoice.isEmpty() && window ? window->standIn : standInChoice);
    validate();
}

QString OutOfOfficeDialog::usernameOf(const QString &choice)
{
    static const QRegularExpression inParentheses(QStringLiteral("\\(([^()]+)\\)\\s*$"));
    const QRegularExpressionMatch m = inParentheses.match(choice);
    return (m.hasMatch() ? m.captured(1) : choice).trimmed().toLower();
}

OutOfOffice OutOfOfficeDialog::window() const
{
    OutOfOffice w;
    w.from = m_from->date();
    w.to = m_to->date();
    w.note = m_note->toPlainText().trimmed();
    w.standIn = usernameOf(m_standIn->text());
    return w;
}

void OutOfOfficeDialog::showError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

void OutOfOfficeDialog::validate()
{
    QString problem;
    if (m_to->date() < m_from->date())
        problem = tr("The last day is before the first.");
    else if (m_to->date() < QDate::currentDate())
        problem = tr("The last day has passed.");
    else if (m_from->date().daysTo(m_to->date()) + 1 > Limits::OutOfOfficeDaysMax)
        problem = tr("An absence can last at most a year.");
    else if (m_note->toPlainText().trimmed().size() > Limits::OutOfOfficeNoteMax)
        problem = tr("The note is %1 characters long; at most %2 fit.")
                      .arg(m_note->toPlainText().trimmed().size())
                      .arg(Limits::OutOfOfficeNoteMax);
    showError(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace Colleagues
