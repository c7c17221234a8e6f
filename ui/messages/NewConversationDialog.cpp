// SPDX-License-Identifier: MIT
#include "ui/messages/NewConversationDialog.h"

#include "client/sync/ExpertChoice.h"
#include "core/Validation.h"
#include "ui/ClientBackend.h"
#include "ui/people/PickPersonDialog.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/StatusText.h"
#include "ui/widgets/Theme.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Colleagues {

namespace {
constexpr int DefaultTop = 5;
constexpr int UsernameRole = Qt::UserRole + 1;
} // namespace

NewConversationDialog::NewConversationDialog(ClientBackend *backend, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_mode(mode)
{
    const bool question = mode == Mode::Question;
    setObjectName(QStringLiteral("newConversationDialog"));
    setWindowTitle(question ? tr("Ask These People") : tr("New Group"));
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(Theme::SpaceM);
    layout->addWidget(
        hintLabel(question ? tr("One question to the people best placed to answer. Everyone sees every answer, so "
                                "nobody repeats one; you mark the answer that solved it.")
                           : tr("A conversation with a few colleagues: everyone sees every message."),
                  this, QStringLiteral("newConversationHintLabel")));

    if (question) {
        auto *topRow = new QHBoxLayout;
        topRow->setSpacing(Theme::SpaceS);
        topRow->addWidget(plainLabel(tr("Ask the top"), this));
        m_topSpinBox = new QSpinBox(this);
        m_topSpinBox->setObjectName(QStringLiteral("topSpinBox"));
        m_topSpinBox->setAccessibleName(tr("How many people to ask"));
        m_topSpinBox->setRange(1, Limits::ConversationMembersMax - 1);
        m_topSpinBox->setValue(DefaultTop);
        topRow->addWidget(m_topSpinBox);
        m_fromLabel = plainLabel(this, QStringLiteral("candidatesLabel"));
        m_fromLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        topRow->addWidget(m_fromLabel, 1);
        layout->addLayout(topRow);
        connect(m_topSpinBox, &QSpinBox::valueChanged, this, &NewConversationDialog::choose);
    }

    layout->addWidget(captionLabel(tr("People"), this));
    m_membersList = new QListWidget(this);
    m_membersList->setObjectName(QStringLiteral("membersListWidget"));
    m_membersList->setAccessibleName(tr("People in the conversation"));
    m_membersList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_membersList->setMinimumHeight(150);
    layout->addWidget(m_membersList, 1);
    auto *listButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add Someone…"), this);
    add->setObjectName(QStringLiteral("addMemberButton"));
    add->setAutoDefault(false);
    connect(add, &QPushButton::clicked, this, &NewConversationDialog::addSomeone);
    listButtons->addWidget(add);
    m_removeButton = new QPushButton(tr("Remove"), this);
    m_removeButton->setObjectName(QStringLiteral("removeMemberButton"));
    m_removeButton->setAutoDefault(false);
    connect(m_removeButton, &QPushButton::clicked, this, &NewConversationDialog::removeSelected);
    listButtons->addWidget(m_removeButton);
    listButtons->addStretch();
    layout->addLayout(listButtons);
    m_leftOutLabel = plainLabel(this, QStringLiteral("leftOutLabel"));
    m_leftOutLabel->setWordWrap(true);
    m_leftOutLabel->hide();
    layout->addWidget(m_leftOutLabel);

    layout->addWidget(captionLabel(question ? tr("Question") : tr("Name"), this));
    m_titleLineEdit = new QLineEdit(this);
    m_titleLineEdit->setObjectName(QStringLiteral("conversationTitleLineEdit"));
    m_titleLineEdit->setAccessibleName(question ? tr("Question title") : tr("Group name"));
    m_titleLineEdit->setPlaceholderText(question ? tr("In one line: what do you need to know?")
                                                 : tr("What the group is about"));
    m_titleLineEdit->setMaxLength(Limits::ConversationTitleMax);
    layout->addWidget(m_titleLineEdit);
    m_textEdit = new QPlainTextEdit(this);
    m_textEdit->setObjectName(QStringLiteral("questionTextEdit"));
    m_textEdit->setAccessibleName(question ? tr("Question text") : tr("First message"));
    m_textEdit->setPlaceholderText(question ? tr("The details: what you tried, what you need, by when.")
                                            : tr("A first message (optional)."));
    m_textEdit->setTabChangesFocus(true);
    m_textEdit->setMinimumHeight(90);
    layout->addWidget(m_textEdit, 1);
    m_errorLabel = plainLabel(this, QStringLiteral("newConversationErrorLabel"));
    m_errorLabel->setWordWrap(true);
    Theme::tint(m_errorLabel, Theme::Tint::Negative);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_startButton = buttons->addButton(question ? tr("Send") : tr("Create Group"), QDialogButtonBox::AcceptRole);
    m_startButton->setObjectName(QStringLiteral("startConversationButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewConversationDialog::start);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_membersList, &QListWidget::itemSelectionChanged, this, &NewConversationDialog::updateState);
    connect(m_titleLineEdit, &QLineEdit::textChanged, this, &NewConversationDialog::updateState);
    connect(m_textEdit, &QPlainTextEdit::textChanged, this, &NewConversationDialog::updateState);
    updateState();
    resize(520, 600);
}

void NewConversationDialog::setCandidates(const QStringList &ranked, const QString &query)
{
    m_ranked = ranked;
    if (m_fromLabel)
        m_fromLabel->setText(tr("of the people found for “%1”").arg(query.simplified()));
    choose();
}

void NewConversationDialog::setTop(int top)
{
    if (m_topSpinBox)
        m_topSpinBox->setValue(top);
}

void NewConversationDialog::choose()
{
    const ExpertChoice choice =
        chooseExperts(m_ranked, m_topSpinBox ? m_topSpinBox->value() : DefaultTop, m_backend->me(),
                      [this](const QString &username) { return m_backend->status(username); });
    m_members = choice.chosen;
    m_leftOut = choice.outOfOffice;
    QStringList names;
    for (const QString &username : std::as_const(m_leftOut)) {
        const Status status = m_backend->status(username);
        names.append(
            status.outOfOffice && status.outOfOffice->to.isValid()
                ? tr("%1 (until %2)").arg(m_backend->displayName(username), StatusText::dayText(status.outOfOffice->to))
                : m_backend->displayName(username));
    }
    m_leftOutLabel->setText(tr("Left out, out of office: %1").arg(names.join(QStringLiteral(", "))));
    m_leftOutLabel->setVisible(!m_leftOut.isEmpty());
    refreshMembers();
}

QString NewConversationDialog::personLine(const QString &username) const
{
    const std::optional<Profile> profile = m_backend->profileByUsername(username);
    QString line = m_backend->displayName(username);
    if (profile && !profile->title.isEmpty())
        line += QStringLiteral(" · ") + profile->title;
    const Status status = m_backend->status(username);
    if (status.availability != Availability::Available)
        line += QStringLiteral(" — ") + StatusText::stateWords(status);
    return line;
}

void NewConversationDialog::refreshMembers()
{
    m_membersList->clear();
    for (const QString &username : std::as_const(m_members)) {
        auto *item = new QListWidgetItem(personLine(username), m_membersList);
        item->setData(UsernameRole, username);
    }
    updateState();
}

void NewConversationDialog::addMember(const QString &username)
{
    if (username.isEmpty() || username == m_backend->me() || m_members.contains(username))
        return;
    m_members.append(username);
    refreshMembers();
}

void NewConversationDialog::addSomeone()
{
    QStringList excluded = m_members;
    excluded.append(m_backend->me());
    auto *dialog = new PickPersonDialog(m_backend, tr("Add Someone"), excluded, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { addMember(dialog->username()); });
    dialog->open();
}

void NewConversationDialog::removeSelected()
{
    for (const QListWidgetItem *item : m_membersList->selectedItems())
        m_members.removeAll(item->data(UsernameRole).toString());
    refreshMembers();
}

void NewConversationDialog::updateState()
{
    m_removeButton->setEnabled(!m_membersList->selectedItems().isEmpty());
    const bool question = m_mode == Mode::Question;
    const bool complete = !m_members.isEmpty() && !m_titleLineEdit->text().trimmed().isEmpty()
        && (!question || !m_textEdit->toPlainText().trimmed().isEmpty());
    m_startButton->setEnabled(complete && m_members.size() < Limits::ConversationMembersMax);
}

void NewConversationDialog::start()
{
    const Expected<QString> id = m_backend->startConversation(
        m_mode == Mode::Question ? ConversationKind::Question : ConversationKind::Group,
        m_titleLineEdit->text().simplified(), m_members, m_textEdit->toPlainText().trimmed());
    if (!id) {
        m_errorLabel->setText(id.error().message);
        m_errorLabel->show();
        return;
    }
    m_conversationId = *id;
    Q_EMIT conversationStarted(m_conversationId);
    accept();
}

} // namespace Colleagues
