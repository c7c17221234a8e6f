// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

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
 */
class ChatView : public QWidget
{
    Q_OBJECT

public:
    explicit ChatView(ClientBackend *backend, QWidget *parent = nullptr);

    void setPeer(const QString &peer);
    QString peer() const;
    void focusComposer();

Q_SIGNALS:
    void profileRequested(const QString &username);
    //! "Message <stand-in>" in the out-of-office banner.
    void conversationRequested(const QString &username);

private:
    void send();
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
    bool m_atBottom = true;
};

} // namespace Colleagues
