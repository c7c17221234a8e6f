// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/SyncTypes.h"

#include <QWidget>

#include <optional>

class QFrame;
class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace Colleagues {

class AvatarWidget;
class ChatModel;
class ClientBackend;
class ComposerEdit;
class LinkButton;
class PresenceDot;

/*!
 * One conversation: a header with the person, the messages as bubbles with their state, and
 * a composer (Enter sends, Shift+Enter adds a line). Sending goes through the outbox, so a
 * message typed offline shows as waiting and goes out by itself.
 *
 * A group conversation (a question or a group; its key is its id) has its title and members'
 * avatars in the header. A member of a question can say "Not me…" (leave, suggesting someone);
 * its asker can mark a message as the answer, after which everyone sees the question answered,
 * with a thank-you line.
 */
class ChatView : public QWidget
{
    Q_OBJECT

public:
    explicit ChatView(ClientBackend *backend, QWidget *parent = nullptr);

    //! Shows the chat with \a peer: a username, or a group conversation's id.
    void setPeer(const QString &peer);
    QString peer() const;
    //! The group conversation on screen; nullopt for a chat with one person.
    const std::optional<GroupChat> &group() const;
    //! The message selected in the list (for "Mark as the Answer"); nullptr when none.
    const MessageRecord *currentMessage() const;
    void focusComposer();

Q_SIGNALS:
    void profileRequested(const QString &username);
    //! "Message <stand-in>" in the out-of-office banner.
    void conversationRequested(const QString &username);

private:
    void send();
    //! The header and banners of a group conversation.
    void updateGroup();
    void updateMemberAvatars(const GroupChat &group);
    void updateActions();
    void sayNotMe();
    void markAnswer(qint64 messageId);
    //! Whether \a record can be marked as the answer by me now.
    bool canMarkAsAnswer(const MessageRecord *record) const;
    void updateHeader();
    //! The peer's dot and status line, and the banner when they are out of office or on dnd.
    void updateStatus();
    void updateComposerState();
    void showContextMenu(const QPoint &pos);
    void scrollToBottomIfNear(bool force);

    ClientBackend *m_backend;
    ChatModel *m_model;
    AvatarWidget *m_avatar;
    QLabel *m_nameLabel;
    QLabel *m_detailLabel;
    PresenceDot *m_presenceDot;
    QLabel *m_statusLabel;
    QFrame *m_awayBanner;
    QLabel *m_awayTitleLabel;
    QLabel *m_awayNoteLabel;
    QPushButton *m_standInButton;
    QString m_standIn;
    LinkButton *m_profileLink;
    QStackedWidget *m_stack;
    QLabel *m_emptyLabel;
    QListView *m_list;
    ComposerEdit *m_composer;
    QPushButton *m_sendButton;
    QLabel *m_counterLabel;
    QLabel *m_errorLabel;
    QWidget *m_memberAvatars;
    QPushButton *m_notMeButton;
    QPushButton *m_markAnswerButton;
    QFrame *m_resolutionBanner;
    QLabel *m_resolutionLabel;
    QLabel *m_resolutionDetailLabel;
    QLabel *m_noticeLabel; //!< why the composer is off (one left the question)
    bool m_atBottom = true;
};

} // namespace Colleagues
