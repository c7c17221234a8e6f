// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QListView;
class QStackedWidget;

namespace Colleagues {

class ClientBackend;
class ConversationsModel;

/*!
 * The Messages page's list: one's conversations, most recent first, with a filter for the open
 * questions one asked or was asked, "New Group…", and a word on what to do while there are none.
 * The panel is the middle column; the window shows the chosen conversation beside it.
 */
class ConversationsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ConversationsPanel(ClientBackend *backend, QWidget *parent = nullptr);

    ConversationsModel *model() const { return m_model; }
    //! Marks \a peer's conversation as the current one without emitting conversationChosen();
    //! clears the selection when the list does not show it.
    void select(const QString &peer);
    //! Shows every conversation again, whatever the filter was.
    void showAll();
    //! The people the list shows: the partners of chats and the members of group conversations.
    QStringList peopleShown() const;

Q_SIGNALS:
    //! The current conversation changed to \a peer (a username, or a group conversation's id).
    void conversationChosen(const QString &peer);
    //! Enter or a double-click on a conversation: the user wants to write.
    void conversationActivated();
    void newGroupRequested();
    //! The rows on screen may have changed (reloaded, added, scrolled).
    void peopleShownChanged();

private:
    void updateEmptyState();

    ClientBackend *m_backend;
    ConversationsModel *m_model;
    QComboBox *m_filter = nullptr;
    QStackedWidget *m_stack = nullptr;
    QListView *m_view = nullptr;
    QWidget *m_empty = nullptr;
};

} // namespace Colleagues
