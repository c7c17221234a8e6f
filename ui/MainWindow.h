// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTimer;
class QToolBar;

namespace Colleagues {

class ChatView;
class ClientBackend;
class ConversationsModel;
class FilterButton;
class Notifier;
class ProfileEditor;
class ProfilePane;
class ResultsModel;
class SyncStatusWidget;

/*!
 * The main window: a navigation rail (People, Messages, My profile), the search with its
 * results or the conversations in the middle, and the profile, chat or profile editor on the
 * right; sync status in the status bar. Keyboard first: the search field has focus at start
 * and on Ctrl+K / Ctrl+F, Up/Down/Enter move through results from it.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ClientBackend *backend, QWidget *parent = nullptr);
    ~MainWindow() override;

    enum class Section { People, Messages, MyProfile };
    void showSection(Section section);
    Section section() const { return m_section; }

    //! Shows \a username's profile (from a link, a result, a notification).
    void showPerson(const QString &username);
    //! Opens the conversation with \a peer and puts the cursor in the composer.
    void openConversation(const QString &peer);
    void showMyProfile();
    //! Opens the sign-in dialog (non-modal to the data: the directory stays usable).
    void signIn();
    void signOut();

    QLineEdit *searchLineEdit() const { return m_searchLineEdit; }
    QListView *resultsView() const { return m_resultsView; }
    ResultsModel *resultsModel() const { return m_resultsModel; }
    QListView *conversationsView() const { return m_conversationsView; }
    ConversationsModel *conversationsModel() const { return m_conversationsModel; }
    ProfilePane *profilePane() const { return m_profilePane; }
    ChatView *chatView() const { return m_chatView; }
    ProfileEditor *profileEditor() const { return m_profileEditor; }
    Notifier *notifier() const { return m_notifier; }
    FilterButton *departmentFilter() const { return m_departmentFilter; }
    FilterButton *locationFilter() const { return m_locationFilter; }
    QLabel *correctionLabel() const { return m_correctionLabel; }
    SyncStatusWidget *syncStatus() const { return m_syncStatus; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    QWidget *buildSearchPanel();
    QWidget *buildEmptyState(QWidget *parent);
    QWidget *buildNoResults(QWidget *parent);
    QWidget *buildConversationsPanel();
    QWidget *buildPlaceholder(QWidget *parent);
    void scheduleSearch();
    void runSearch();
    void onResultsReplaced();
    void onCurrentResultChanged();
    void onConversationActivated();
    void updateNavigation();
    void updateAccountActions();
    void showShortcuts();
    void showSearchHelp();
    void showSettings();
    void showAbout();
    void onSignInRequired();

    ClientBackend *m_backend;
    Section m_section = Section::People;
    QToolBar *m_navBar = nullptr;
    QAction *m_peopleAction = nullptr;
    QAction *m_messagesAction = nullptr;
    QAction *m_myProfileAction = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_middleStack = nullptr;
    QStackedWidget *m_rightStack = nullptr;
    QWidget *m_placeholder = nullptr;
    QLabel *m_placeholderLabel = nullptr;

    QLineEdit *m_searchLineEdit = nullptr;
    FilterButton *m_departmentFilter = nullptr;
    FilterButton *m_locationFilter = nullptr;
    QPushButton *m_clearFiltersButton = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_correctionLabel = nullptr;
    QStackedWidget *m_resultsStack = nullptr;
    QWidget *m_emptyState = nullptr; //!< the page of the results stack (a scroll area)
    QWidget *m_noResults = nullptr;
    QLabel *m_noResultsLabel = nullptr;
    QListView *m_resultsView = nullptr;
    ResultsModel *m_resultsModel = nullptr;
    QTimer *m_searchTimer = nullptr;
    QTimer *m_selectionTimer = nullptr;
    QString m_selectedId;

    QListView *m_conversationsView = nullptr;
    ConversationsModel *m_conversationsModel = nullptr;
    QStackedWidget *m_conversationsStack = nullptr;

    ProfilePane *m_profilePane = nullptr;
    ChatView *m_chatView = nullptr;
    ProfileEditor *m_profileEditor = nullptr;
    Notifier *m_notifier = nullptr;
    SyncStatusWidget *m_syncStatus = nullptr;
    bool m_signInShown = false;
};

} // namespace Colleagues
