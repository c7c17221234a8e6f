// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTimer;
class QToolBar;
class QToolButton;

namespace Colleagues {

class ChatView;
class ClientBackend;
class ConversationsPanel;
class Notifier;
class OrgPanel;
class PeoplePanel;
class PresenceMonitor;
class ProfileEditor;
class StatusMenu;

/*!
 * The main window: a navigation rail (People, Messages, My profile), the search with its
 * results or the conversations in the middle, and the profile, chat or profile editor on the
 * right; sync status in the status bar. Keyboard first: the search field has focus at start
 * and on Ctrl+K / Ctrl+F, Up/Down/Enter move through results from it.
 */
class NewConversationDialog;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ClientBackend *backend, QWidget *parent = nullptr);
    ~MainWindow() override;

    enum class Section { People, Messages, MyProfile, Org };
    void showSection(Section section);
    Section section() const { return m_section; }

    //! Shows \a username's profile (from a link, a result, a notification).
    void showPerson(const QString &username);
    //! Opens the conversation with \a peer (a username, or a group conversation's id) and puts
    //! the cursor in the composer.
    void openConversation(const QString &peer);
    //! "Ask these people…": the dialog for a question to the best of \a ranked (usernames, best
    //! first) found for \a query; the conversation opens once it is sent.
    void askPeople(const QStringList &ranked, const QString &query);
    //! "New group…": the dialog for a group conversation.
    void newGroup();
    void showMyProfile();
    //! Shows the org chart around \a username (the signed-in person or the top when empty).
    void showOrgChart(const QString &username = QString());
    OrgPanel *orgPanel() const { return m_orgPanel; }
    //! Whether the user is at the computer (what sync reports as presence).
    PresenceMonitor *presenceMonitor() const { return m_presence; }
    //! The people whose status is on screen now, most important first (at most 200).
    QStringList watchedPeople() const;
    //! Opens the sign-in dialog (non-modal to the data: the directory stays usable).
    void signIn();
    void signOut();
    //! Opens the "Change Password" dialog; \a required: the password was set by an administrator.
    void changePassword(bool required = false);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    QWidget *buildPlaceholder(QWidget *parent);
    void openNewConversationDialog(NewConversationDialog *dialog);
    void updateNavigation();
    void updateAccountActions();
    void showShortcuts();
    void showSearchHelp();
    void showSettings();
    void showAbout();
    void onSignInRequired();
    void updateMyStatus();
    void updateWatchList();

    ClientBackend *m_backend;
    Section m_section = Section::People;
    QToolBar *m_navBar = nullptr;
    QAction *m_peopleAction = nullptr;
    QAction *m_messagesAction = nullptr;
    QAction *m_myProfileAction = nullptr;
    QAction *m_orgAction = nullptr;
    OrgPanel *m_orgPanel = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_changePasswordAction = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_middleStack = nullptr;
    QStackedWidget *m_rightStack = nullptr;
    QWidget *m_placeholder = nullptr;
    QLabel *m_placeholderLabel = nullptr;

    PeoplePanel *m_people = nullptr;

    ConversationsPanel *m_conversations = nullptr;

    ChatView *m_chatView = nullptr;
    ProfileEditor *m_profileEditor = nullptr;
    Notifier *m_notifier = nullptr;
    bool m_signInShown = false;
    PresenceMonitor *m_presence = nullptr;
    QTimer *m_watchTimer = nullptr; //!< gathers UI changes into one watch list update
    StatusMenu *m_statusMenu = nullptr;
    QToolButton *m_statusButton = nullptr; //!< one's own status, with the status menu
};

} // namespace Colleagues
