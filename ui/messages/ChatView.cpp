// SPDX-License-Identifier: MIT
#include "ui/messages/ChatView.h"

#include "client/sync/Outbox.h"
#include "client/sync/SyncClient.h"
#include "core/Validation.h"
#include "ui/ClientBackend.h"
#include "ui/messages/ChatDelegate.h"
#include "ui/messages/ChatModel.h"
#include "ui/messages/ComposerEdit.h"
#include "ui/messages/NotMeDialog.h"
#include "ui/widgets/AvatarWidget.h"
#include "ui/widgets/ImageCache.h"
#include "ui/widgets/LinkButton.h"
#include "ui/widgets/LocalTime.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/StatusText.h"
#include "ui/widgets/Theme.h"

#include <QApplication>
#include <QClipboard>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Colleagues {

namespace {
constexpr int CounterFrom = Limits::MessageBodyMax - 500;
}

ChatView::ChatView(ClientBackend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_model(new ChatModel(backend, this))
{
    setObjectName(QStringLiteral("chatView"));
    m_model->setObjectName(QStringLiteral("chatModel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // Header: who this conversation is with.
    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("chatHeaderWidget"));
    header->setBackgroundRole(QPalette::Base);
    header->setAutoFillBackground(true);
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(Theme::SpaceXL, Theme::SpaceM + 2, Theme::SpaceXL, Theme::SpaceM + 2);
    headerLayout->setSpacing(Theme::SpaceL);
    m_avatar = new AvatarWidget(36, header);
    headerLayout->addWidget(m_avatar);
    auto *names = new QVBoxLayout;
    names->setSpacing(0);
    m_nameLabel = headingLabel(QString(), header, 1.12, QStringLiteral("chatNameLabel"));
    auto *nameRow = new QHBoxLayout;
    nameRow->setSpacing(Theme::SpaceS + 2);
    nameRow->addWidget(m_nameLabel);
    m_presenceDot = new PresenceDot(header);
    m_presenceDot->setObjectName(QStringLiteral("chatPresenceDot"));
    nameRow->addWidget(m_presenceDot, 0, Qt::AlignVCenter);
    m_statusLabel = plainLabel(header, QStringLiteral("chatStatusLabel"));
    m_statusLabel->setForegroundRole(QPalette::PlaceholderText);
    QFont italic = Theme::scaledFont(font(), 0.9);
    italic.setItalic(true);
    m_statusLabel->setFont(italic);
    m_statusLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    nameRow->addWidget(m_statusLabel, 1);
    names->addLayout(nameRow);
    m_detailLabel = plainLabel(header, QStringLiteral("chatDetailLabel"));
    m_detailLabel->setForegroundRole(QPalette::PlaceholderText);
    m_detailLabel->setFont(Theme::scaledFont(font(), 0.9));
    names->addWidget(m_detailLabel);
    headerLayout->addLayout(names, 1);
    // A group conversation's members, and what a member or the asker of a question can do.
    m_memberAvatars = new QWidget(header);
    m_memberAvatars->setObjectName(QStringLiteral("memberAvatarsWidget"));
    auto *avatarsLayout = new QHBoxLayout(m_memberAvatars);
    avatarsLayout->setContentsMargins(0, 0, 0, 0);
    avatarsLayout->setSpacing(Theme::SpaceXS);
    m_memberAvatars->hide();
    headerLayout->addWidget(m_memberAvatars);
    m_notMeButton = new QPushButton(tr("Not Me…"), header);
    m_notMeButton->setObjectName(QStringLiteral("notMeButton"));
    m_notMeButton->setToolTip(tr("Leave this question quietly, and suggest someone who may know"));
    m_notMeButton->setAutoDefault(false);
    m_notMeButton->hide();
    connect(m_notMeButton, &QPushButton::clicked, this, &ChatView::sayNotMe);
    headerLayout->addWidget(m_notMeButton);
    m_markAnswerButton = new QPushButton(tr("Mark as the Answer"), header);
    m_markAnswerButton->setObjectName(QStringLiteral("markAnswerButton"));
    m_markAnswerButton->setToolTip(tr("The selected message solved your question: close it, and thank its writer"));
    m_markAnswerButton->setAutoDefault(false);
    m_markAnswerButton->hide();
    connect(m_markAnswerButton, &QPushButton::clicked, this, [this] {
        if (const MessageRecord *record = currentMessage(); canMarkAsAnswer(record))
            markAnswer(record->message.id);
    });
    headerLayout->addWidget(m_markAnswerButton);
    m_profileLink = new LinkButton(tr("View profile"), header);
    m_profileLink->setObjectName(QStringLiteral("viewProfileButton"));
    m_profileLink->setAccessibleName(tr("View profile"));
    connect(m_profileLink, &LinkButton::clicked, this, [this] { Q_EMIT profileRequested(m_model->peer()); });
    headerLayout->addWidget(m_profileLink);
    layout->addWidget(header);
    layout->addWidget(Theme::hairline(this));

    // A question's answer, for everyone in it: who answered, with the asker's thanks.
    m_resolutionBanner = new QFrame(this);
    m_resolutionBanner->setObjectName(QStringLiteral("resolutionBanner"));
    m_resolutionBanner->setAutoFillBackground(true);
    auto *resolutionLayout = new QVBoxLayout(m_resolutionBanner);
    resolutionLayout->setContentsMargins(Theme::SpaceXL, Theme::SpaceM, Theme::SpaceXL, Theme::SpaceM);
    resolutionLayout->setSpacing(Theme::SpaceXS);
    m_resolutionLabel = plainLabel(m_resolutionBanner, QStringLiteral("resolutionLabel"));
    m_resolutionLabel->setFont(Theme::scaledFont(font(), 1.0, QFont::DemiBold));
    m_resolutionLabel->setWordWrap(true);
    resolutionLayout->addWidget(m_resolutionLabel);
    m_resolutionDetailLabel = plainLabel(m_resolutionBanner, QStringLiteral("resolutionDetailLabel"));
    m_resolutionDetailLabel->setWordWrap(true);
    m_resolutionDetailLabel->setForegroundRole(QPalette::PlaceholderText);
    resolutionLayout->addWidget(m_resolutionDetailLabel);
    m_resolutionBanner->hide();
    layout->addWidget(m_resolutionBanner);

    m_stack = new QStackedWidget(this);
    m_list = new QListView(m_stack);
    m_list->setObjectName(QStringLiteral("messagesListView"));
    m_list->setAccessibleName(tr("Messages"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new ChatDelegate(m_list));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setUniformItemSizes(false);
    m_list->setWordWrap(true);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->verticalScrollBar()->setSingleStep(20);
    connect(m_list, &QListView::customContextMenuRequested, this, &ChatView::showContextMenu);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &ChatView::updateActions);
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_atBottom = value >= m_list->verticalScrollBar()->maximum() - 24; });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] { scrollToBottomIfNear(false); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_list) : m_emptyLabel);
        scrollToBottomIfNear(true);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] { m_stack->setCurrentWidget(m_list); });
    auto *copy = new QShortcut(QKeySequence::Copy, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, [this] {
        const QModelIndex current = m_list->currentIndex();
        if (current.isValid())
            QApplication::clipboard()->setText(current.data(ChatModel::BodyRole).toString());
    });
    m_stack->addWidget(m_list);
    m_emptyLabel = plainLabel(m_stack, QStringLiteral("chatEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_emptyLabel->setBackgroundRole(QPalette::Base);
    m_emptyLabel->setAutoFillBackground(true);
    m_stack->addWidget(m_emptyLabel);
    layout->addWidget(m_stack, 1);

    // Before writing to someone who is away or does not want to be disturbed: what they said,
    // and the one who stands in for them.
    m_awayBanner = new QFrame(this);
    m_awayBanner->setObjectName(QStringLiteral("awayBanner"));
    m_awayBanner->setAutoFillBackground(true);
    m_awayBanner->setFrameShape(QFrame::StyledPanel);
    auto *bannerLayout = new QHBoxLayout(m_awayBanner);
    bannerLayout->setContentsMargins(Theme::SpaceL, Theme::SpaceM, Theme::SpaceL, Theme::SpaceM);
    bannerLayout->setSpacing(Theme::SpaceL);
    auto *bannerText = new QVBoxLayout;
    bannerText->setSpacing(Theme::SpaceXS);
    m_awayTitleLabel = plainLabel(m_awayBanner, QStringLiteral("awayBannerTitleLabel"));
    m_awayTitleLabel->setFont(Theme::scaledFont(font(), 1.0, QFont::DemiBold));
    m_awayTitleLabel->setWordWrap(true);
    bannerText->addWidget(m_awayTitleLabel);
    m_awayNoteLabel = plainLabel(m_awayBanner, QStringLiteral("awayBannerNoteLabel"));
    m_awayNoteLabel->setWordWrap(true);
    m_awayNoteLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bannerText->addWidget(m_awayNoteLabel);
    bannerLayout->addLayout(bannerText, 1);
    m_standInButton = new QPushButton(m_awayBanner);
    m_standInButton->setObjectName(QStringLiteral("standInButton"));
    m_standInButton->setAutoDefault(false);
    connect(m_standInButton, &QPushButton::clicked, this, [this] {
        if (!m_standIn.isEmpty())
            Q_EMIT conversationRequested(m_standIn);
    });
    bannerLayout->addWidget(m_standInButton, 0, Qt::AlignVCenter);
    m_awayBanner->hide();
    layout->addWidget(m_awayBanner);

    // Composer.
    auto *composerBox = new QWidget(this);
    composerBox->setObjectName(QStringLiteral("composerWidget"));
    auto *composerLayout = new QVBoxLayout(composerBox);
    composerLayout->setContentsMargins(Theme::SpaceL, Theme::SpaceM, Theme::SpaceL, Theme::SpaceM);
    composerLayout->setSpacing(Theme::SpaceS);
    m_noticeLabel = plainLabel(composerBox, QStringLiteral("chatNoticeLabel"));
    m_noticeLabel->setWordWrap(true);
    m_noticeLabel->setForegroundRole(QPalette::PlaceholderText);
    m_noticeLabel->hide();
    composerLayout->addWidget(m_noticeLabel);
    m_errorLabel = plainLabel(composerBox, QStringLiteral("composerErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    Theme::tint(m_errorLabel, Theme::Tint::Negative);
    composerLayout->addWidget(m_errorLabel);
    auto *row = new QHBoxLayout;
    row->setSpacing(Theme::SpaceM);
    m_composer = new ComposerEdit(composerBox);
    m_composer->setObjectName(QStringLiteral("composerTextEdit"));
    m_composer->setAccessibleName(tr("Message"));
    m_composer->setPlaceholderText(tr("Write a message… (Enter sends, Shift+Enter for a new line)"));
    connect(m_composer, &ComposerEdit::sendRequested, this, &ChatView::send);
    connect(m_composer, &ComposerEdit::textChanged, this, &ChatView::updateComposerState);
    row->addWidget(m_composer, 1);
    m_sendButton = new QPushButton(tr("Send"), composerBox);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setAccessibleName(tr("Send message"));
    m_sendButton->setToolTip(tr("Send (Enter)"));
    m_sendButton->setAutoDefault(false);
    connect(m_sendButton, &QPushButton::clicked, this, &ChatView::send);
    row->addWidget(m_sendButton, 0, Qt::AlignBottom);
    composerLayout->addLayout(row);
    m_counterLabel = plainLabel(composerBox, QStringLiteral("composerCounterLabel"));
    m_counterLabel->setAlignment(Qt::AlignRight);
    m_counterLabel->setForegroundRole(QPalette::PlaceholderText);
    m_counterLabel->hide();
    composerLayout->addWidget(m_counterLabel);
    layout->addWidget(composerBox);

    connect(m_backend->images(), &ImageCache::photoChanged, this, [this](const QString &username) {
        if (username == m_model->peer())
            m_avatar->setPhoto(m_backend->images()->photo(username));
        m_list->viewport()->update();
    });
    connect(m_backend, &ClientBackend::directoryChanged, this, &ChatView::updateHeader);
    connect(m_backend, &ClientBackend::groupChanged, this, [this](const QString &id) {
        if (id == m_model->peer())
            updateHeader();
    });
    connect(m_backend->sync()->outbox(), &Outbox::itemChanged, this, [this](const OutboxItem &item) {
        if (item.kind == OutboxItem::Kind::Conversation && item.conversation == m_model->peer() && item.isFailed())
            updateHeader();
    });
    connect(m_backend, &ClientBackend::statusesChanged, this, [this](const QStringList &usernames) {
        if (usernames.isEmpty() || usernames.contains(m_model->peer()) || usernames.contains(m_standIn))
            updateStatus();
    });
    auto *clock = new QTimer(this);
    clock->setInterval(30 * 1000);
    connect(clock, &QTimer::timeout, this, &ChatView::updateHeader);
    clock->start();
    updateComposerState();
}

QString ChatView::peer() const
{
    return m_model->peer();
}

void ChatView::setPeer(const QString &peer)
{
    if (peer != m_model->peer()) {
        m_composer->clear();
        m_errorLabel->hide();
    }
    m_model->setPeer(peer);
    updateHeader();
}

void ChatView::focusComposer()
{
    m_composer->setFocus(Qt::OtherFocusReason);
}

const std::optional<GroupChat> &ChatView::group() const
{
    return m_model->group();
}

const MessageRecord *ChatView::currentMessage() const
{
    return m_model->record(m_list->currentIndex().row());
}

void ChatView::updateHeader()
{
    if (m_model->group()) {
        updateGroup();
        return;
    }
    m_memberAvatars->hide();
    m_notMeButton->hide();
    m_markAnswerButton->hide();
    m_resolutionBanner->hide();
    m_noticeLabel->hide();
    m_statusLabel->show();
    m_detailLabel->setToolTip(QString());
    m_composer->setEnabled(true);
    const QString peer = m_model->peer();
    const std::optional<Profile> profile = m_backend->profileByUsername(peer);
    const QString name = m_backend->displayName(peer);
    m_avatar->setPerson(peer, name);
    m_avatar->setPhoto(m_backend->images()->photo(peer));
    m_nameLabel->setText(name);
    QStringList detail;
    if (profile) {
        if (!profile->title.isEmpty())
            detail.append(profile->title);
        const QString time = LocalTime::timeText(profile->timeZone);
        if (!time.isEmpty())
            detail.append(tr("%1 local time").arg(time));
    }
    m_detailLabel->setText(detail.join(QStringLiteral("  ·  ")));
    m_detailLabel->setVisible(!detail.isEmpty());
    m_profileLink->setVisible(profile.has_value());
    m_emptyLabel->setText(
        tr("No messages with %1 yet.\nSay hello — they will get it even if you are offline now.").arg(name));
    updateStatus();
}

void ChatView::updateGroup()
{
    const GroupChat &group = *m_model->group();
    const Conversation &c = group.conversation;
    const QString me = m_backend->me();
    m_avatar->setPerson(c.id, c.title);
    m_avatar->setPhoto({});
    m_nameLabel->setText(c.title);
    m_presenceDot->hide();
    m_awayBanner->hide();
    m_profileLink->hide();
    const bool left = group.hasLeft(me);
    QString state;
    if (group.isQuestion() && group.asker() == me) {
        state = c.isResolved() ? tr("Your question · answered") : tr("Your question · open");
    } else if (group.isQuestion()) {
        const QString asker = m_backend->displayName(group.asker());
        state = c.isResolved() ? tr("Question by %1 · answered").arg(asker) : tr("Question by %1 · open").arg(asker);
    } else {
        state = tr("Group");
    }
    if (group.pending) {
        state += QStringLiteral(" · ") + tr("waiting to reach the server");
        // A conversation the server refused to start (someone who is not a member) never will.
        for (const OutboxItem &item : m_backend->sync()->outbox()->items()) {
            if (item.kind == OutboxItem::Kind::Conversation && item.key == c.id && item.isFailed()) {
                m_errorLabel->setText(tr("This conversation could not be started: %1").arg(item.errorMessage));
                m_errorLabel->show();
            }
        }
    }
    // The state under the title; who is in it beside it, as avatars (their names in the tooltip).
    m_statusLabel->hide();
    QStringList names;
    for (const QString &username : c.currentMembers())
        names.append(username == me ? tr("you", "among the people in a conversation")
                                    : m_backend->displayName(username));
    const QString people = tr("%n people: %1", nullptr, int(names.size())).arg(names.join(QStringLiteral(", ")));
    m_detailLabel->setText(state + QStringLiteral(" · ") + tr("%n people", "in a conversation", int(names.size())));
    m_detailLabel->setToolTip(Theme::plainToolTip(people));
    m_detailLabel->setVisible(true);
    m_memberAvatars->setAccessibleName(people);
    updateMemberAvatars(group);

    // The thank-you line, for everyone: who answered, and the asker's thanks.
    const MessageRecord *answer = nullptr;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->record(row)->message.id == group.answerId() && group.answerId() != 0)
            answer = m_model->record(row);
    }
    if (c.resolution) {
        const bool mine = c.resolution->by == me;
        const QString by = m_backend->displayName(c.resolution->by);
        const QString writer = answer ? m_backend->displayName(answer->message.sender) : QString();
        m_resolutionLabel->setText(writer.isEmpty() ? tr("✓ Answered — thank you!")
                                                    : tr("✓ Answered by %1 — thank you!").arg(writer));
        QString excerpt = answer ? answer->message.body.simplified() : QString();
        if (excerpt.size() > 160)
            excerpt = excerpt.left(159) + QChar(0x2026);
        if (excerpt.isEmpty())
            m_resolutionDetailLabel->setText(mine ? tr("You marked the answer that solved it.")
                                                  : tr("%1 marked the answer that solved it.").arg(by));
        else
            m_resolutionDetailLabel->setText(mine ? tr("You marked this answer: “%1”").arg(excerpt)
                                                  : tr("%1 marked this answer: “%2”").arg(by, excerpt));
        const QPalette theme = palette();
        QPalette wash = m_resolutionBanner->palette();
        wash.setColor(QPalette::Window, Theme::mix(theme.color(QPalette::Base), Theme::positive(theme), 0.14));
        m_resolutionBanner->setPalette(wash);
        m_resolutionBanner->setAccessibleName(m_resolutionLabel->text());
        m_resolutionBanner->show();
    } else {
        m_resolutionBanner->hide();
    }

    m_noticeLabel->setText(left ? (group.isQuestion() ? tr("You left this question: you get nothing more of it.")
                                                      : tr("You left this group: you get nothing more of it."))
                                : QString());
    m_noticeLabel->setVisible(left);
    m_composer->setEnabled(!left);
    m_emptyLabel->setText(group.isQuestion() ? tr("No messages in this question yet.")
                                             : tr("No messages in %1 yet.").arg(c.title));
    updateActions();
    updateComposerState();
}

void ChatView::updateMemberAvatars(const GroupChat &group)
{
    auto *layout = static_cast<QHBoxLayout *>(m_memberAvatars->layout());
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QString me = m_backend->me();
    constexpr int Shown = 6;
    const QStringList members = group.conversation.currentMembers();
    for (const QString &username : members.mid(0, Shown)) {
        const ConversationMember *member = group.conversation.member(username);
        auto *avatar = new AvatarWidget(26, m_memberAvatars);
        avatar->setObjectName(QStringLiteral("memberAvatar"));
        const QString name = m_backend->displayName(username);
        avatar->setPerson(username, name);
        avatar->setPhoto(m_backend->images()->photo(username));
        QString tip = username == me ? tr("%1 (you)").arg(name) : name;
        if (member && member->role == ConversationRole::Asker)
            tip = tr("%1 — asked the question").arg(tip);
        if (member && !member->addedBy.isEmpty())
            tip = tr("%1 — suggested by %2").arg(tip, m_backend->displayName(member->addedBy));
        avatar->setToolTip(Theme::plainToolTip(tip));
        avatar->setAccessibleName(tip);
        layout->addWidget(avatar);
    }
    if (members.size() > Shown) {
        auto *more =
            plainLabel(tr("+%1").arg(members.size() - Shown), m_memberAvatars, QStringLiteral("moreMembersLabel"));
        more->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(more);
    }
    m_memberAvatars->show();
}

bool ChatView::canMarkAsAnswer(const MessageRecord *record) const
{
    const std::optional<GroupChat> &group = m_model->group();
    return record && group && group->isQuestion() && group->asker() == m_backend->me() && record->message.id != 0
        && record->message.sender != m_backend->me() && record->message.id != group->answerId();
}

void ChatView::updateActions()
{
    const std::optional<GroupChat> &group = m_model->group();
    const QString me = m_backend->me();
    const bool question = group && group->isQuestion();
    m_notMeButton->setVisible(question && group->asker() != me && group->conversation.isCurrentMember(me));
    m_markAnswerButton->setVisible(question && group->asker() == me);
    m_markAnswerButton->setEnabled(canMarkAsAnswer(currentMessage()));
}

void ChatView::sayNotMe()
{
    const std::optional<GroupChat> &group = m_model->group();
    if (!group)
        return;
    // Whoever is or was in it cannot be added again.
    QStringList everyone;
    for (const ConversationMember &member : group->conversation.members)
        everyone.append(member.username);
    auto *dialog = new NotMeDialog(m_backend, group->conversation.title, everyone, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id = group->id()] {
        const Expected<QString> left = m_backend->leaveConversation(id, dialog->suggested());
        if (!left) {
            m_errorLabel->setText(left.error().message);
            m_errorLabel->show();
        }
    });
    dialog->open();
}

void ChatView::markAnswer(qint64 messageId)
{
    const Expected<QString> marked = m_backend->markAnswer(m_model->peer(), messageId);
    if (!marked) {
        m_errorLabel->setText(marked.error().message);
        m_errorLabel->show();
    }
}

void ChatView::updateStatus()
{
    if (m_model->group())
        return;
    const QString peer = m_model->peer();
    const Status status = m_backend->status(peer);
    const bool known = !peer.isEmpty();
    m_presenceDot->setVisible(known);
    m_presenceDot->setStatus(status);
    const QString line = StatusText::line(status);
    // Tooltip and accessible name say the state in words: the colour is not the only cue.
    const QString words = StatusText::description(status);
    m_statusLabel->setText(line.isEmpty() ? StatusText::stateWords(status) : line);
    m_statusLabel->setToolTip(Theme::plainToolTip(words));
    m_statusLabel->setAccessibleName(tr("Status: %1").arg(words));

    const bool away =
        known && (status.availability == Availability::OutOfOffice || status.availability == Availability::Dnd);
    m_standIn = away && status.outOfOffice && status.availability == Availability::OutOfOffice
        ? status.outOfOffice->standIn
        : QString();
    if (!away) {
        m_awayBanner->hide();
        return;
    }
    const QString name = m_backend->displayName(peer);
    if (status.availability == Availability::OutOfOffice) {
        m_awayTitleLabel->setText(
            status.outOfOffice && status.outOfOffice->to.isValid()
                ? tr("%1 is out of office until %2.").arg(name, StatusText::dayText(status.outOfOffice->to))
                : tr("%1 is out of office.").arg(name));
    } else {
        m_awayTitleLabel->setText(
            status.until.isValid()
                ? tr("%1 does not want to be disturbed until %2.").arg(name, StatusText::untilText(status.until))
                : tr("%1 does not want to be disturbed.").arg(name));
    }
    QStringList note;
    if (status.availability == Availability::OutOfOffice && status.outOfOffice && !status.outOfOffice->note.isEmpty())
        note.append(status.outOfOffice->note);
    else if (!status.text.isEmpty())
        note.append(status.text);
    if (!m_standIn.isEmpty() && m_standIn == m_backend->me()) {
        note.append(tr("You are standing in for %1.").arg(name));
        m_standIn.clear();
    } else if (!m_standIn.isEmpty()) {
        note.append(tr("In the meantime, please write to %1.").arg(m_backend->displayName(m_standIn)));
    }
    m_awayNoteLabel->setText(note.join(QLatin1Char('\n')));
    m_awayNoteLabel->setVisible(!note.isEmpty());
    m_standInButton->setVisible(!m_standIn.isEmpty());
    if (!m_standIn.isEmpty())
        m_standInButton->setText(tr("Message %1").arg(m_backend->displayName(m_standIn)));
    m_awayBanner->setAccessibleName(m_awayTitleLabel->text());
    // A wash of the status colour, so the banner stands apart from the messages and the composer.
    // (Only the Window role is set: the rest follows the theme.)
    const QPalette theme = palette();
    QPalette wash = m_awayBanner->palette();
    wash.setColor(QPalette::Window,
                  Theme::mix(theme.color(QPalette::Base), StatusText::color(StatusText::look(status), theme), 0.12));
    m_awayBanner->setPalette(wash);
    m_awayBanner->show();
}

void ChatView::updateComposerState()
{
    const QString text = m_composer->toPlainText();
    const int length = int(text.size());
    m_sendButton->setEnabled(m_composer->isEnabled() && !text.trimmed().isEmpty() && length <= Limits::MessageBodyMax);
    m_counterLabel->setVisible(length >= CounterFrom);
    if (length >= CounterFrom) {
        m_counterLabel->setText(tr("%1 of %2 characters").arg(length).arg(Limits::MessageBodyMax));
        Theme::tint(m_counterLabel, length > Limits::MessageBodyMax ? Theme::Tint::Negative : Theme::Tint::None);
    }
}

void ChatView::send()
{
    QString text = m_composer->toPlainText();
    // Leading and trailing blank lines are almost always accidental.
    while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char(' ')))
        text.chop(1);
    while (text.startsWith(QLatin1Char('\n')))
        text.remove(0, 1);
    if (text.trimmed().isEmpty() || m_model->peer().isEmpty())
        return;
    Outbox *outbox = m_backend->sync()->outbox();
    const Expected<QString> queued = m_model->group() ? outbox->sendToConversation(m_model->peer(), text)
                                                      : outbox->sendMessage(m_model->peer(), text);
    if (!queued) {
        m_errorLabel->setText(queued.error().message);
        m_errorLabel->show();
        return;
    }
    m_errorLabel->hide();
    m_composer->clear();
    m_atBottom = true;
}

void ChatView::scrollToBottomIfNear(bool force)
{
    if (force || m_atBottom) {
        // After the view laid out the new rows.
        QTimer::singleShot(0, m_list, [list = m_list] { list->scrollToBottom(); });
    }
}

void ChatView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_list->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(this);
    menu.addAction(tr("Copy text"), this,
                   [index] { QApplication::clipboard()->setText(index.data(ChatModel::BodyRole).toString()); });
    if (const MessageRecord *record = m_model->record(index.row()); canMarkAsAnswer(record)) {
        QAction *mark =
            menu.addAction(tr("Mark as the Answer"), this, [this, id = record->message.id] { markAnswer(id); });
        mark->setObjectName(QStringLiteral("markAnswerAction"));
    }
    const auto state = MessageRecord::State(index.data(ChatModel::StateRole).toInt());
    if (index.data(ChatModel::OutgoingRole).toBool() && state == MessageRecord::State::Failed) {
        const QString clientId = index.data(ChatModel::ClientIdRole).toString();
        Outbox *outbox = m_backend->sync()->outbox();
        for (const OutboxItem &item : outbox->items()) {
            if (item.key != clientId)
                continue;
            menu.addSeparator();
            menu.addAction(tr("Try sending again"), this, [outbox, id = item.id] { outbox->retry(id); });
            menu.addAction(tr("Delete this message"), this, [outbox, id = item.id] { outbox->discard(id); });
        }
    }
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

} // namespace Colleagues
