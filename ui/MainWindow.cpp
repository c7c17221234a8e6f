// SPDX-License-Identifier: MIT
#include "ui/MainWindow.h"

#include "client/search/SearchEngine.h"
#include "client/sync/Session.h"
#include "client/sync/StatusBook.h"
#include "client/sync/SyncClient.h"
#include "client/sync/SyncEngine.h"
#include "client/sync/TokenStore.h"
#include "ui/ChangePasswordDialog.h"
#include "ui/ClientBackend.h"
#include "ui/PresenceMonitor.h"
#include "ui/SettingsDialog.h"
#include "ui/ShortcutsDialog.h"
#include "ui/SignInDialog.h"
#include "ui/messages/ChatView.h"
#include "ui/messages/ComposerEdit.h"
#include "ui/messages/ConversationsModel.h"
#include "ui/messages/ConversationsPanel.h"
#include "ui/messages/NewConversationDialog.h"
#include "ui/messages/Notifier.h"
#include "ui/org/OrgPanel.h"
#include "ui/people/PeoplePanel.h"
#include "ui/people/ProfilePane.h"
#include "ui/profile/ProfileEditor.h"
#include "ui/profile/StatusMenu.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/StatusText.h"
#include "ui/widgets/SyncStatusWidget.h"
#include "ui/widgets/Theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Colleagues {

MainWindow::MainWindow(ClientBackend *backend, QWidget *parent)
    : QMainWindow(parent)
    , m_backend(backend)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Colleagues"));

    // Navigation rail.
    m_navBar = new QToolBar(tr("Navigation"), this);
    m_navBar->setObjectName(QStringLiteral("navigationToolBar"));
    m_navBar->setMovable(false);
    m_navBar->setFloatable(false);
    m_navBar->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    m_navBar->setIconSize(QSize(26, 26));
    m_navBar->toggleViewAction()->setVisible(false);
    auto *group = new QActionGroup(this);
    m_peopleAction = new QAction(Icons::icon(Icons::Glyph::Search), tr("People"), group);
    m_peopleAction->setObjectName(QStringLiteral("peopleAction"));
    m_messagesAction = new QAction(Icons::icon(Icons::Glyph::Messages), tr("Messages"), group);
    m_messagesAction->setObjectName(QStringLiteral("messagesAction"));
    m_myProfileAction = new QAction(Icons::icon(Icons::Glyph::Person), tr("My Profile"), group);
    m_myProfileAction->setObjectName(QStringLiteral("myProfileAction"));
    m_orgAction = new QAction(Icons::icon(Icons::Glyph::Org), tr("Org Chart"), group);
    m_orgAction->setObjectName(QStringLiteral("orgAction"));
    for (QAction *action : group->actions()) {
        action->setCheckable(true);
        m_navBar->addAction(action);
    }
    m_peopleAction->setChecked(true);
    connect(m_peopleAction, &QAction::triggered, this, [this] { showSection(Section::People); });
    connect(m_messagesAction, &QAction::triggered, this, [this] { showSection(Section::Messages); });
    connect(m_myProfileAction, &QAction::triggered, this, &MainWindow::showMyProfile);
    connect(m_orgAction, &QAction::triggered, this, [this] { showOrgChart(); });
    addToolBar(Qt::LeftToolBarArea, m_navBar);
    // One's own status at the foot of the rail, with the menu to change it.
    auto *spacer = new QWidget(m_navBar);
    spacer->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    m_navBar->addWidget(spacer);
    m_statusMenu = new StatusMenu(m_backend, this);
    m_statusButton = new QToolButton(m_navBar);
    m_statusButton->setObjectName(QStringLiteral("myStatusButton"));
    m_statusButton->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    m_statusButton->setIconSize(QSize(26, 26));
    m_statusButton->setPopupMode(QToolButton::InstantPopup);
    m_statusButton->setMenu(m_statusMenu);
    m_statusButton->setAutoRaise(true);
    m_navBar->addWidget(m_statusButton);

    // Middle and right.
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(1);
    m_middleStack = new QStackedWidget(m_splitter);
    m_middleStack->setObjectName(QStringLiteral("middleStackedWidget"));
    m_people = new PeoplePanel(m_backend, m_middleStack);
    m_middleStack->addWidget(m_people);
    m_conversations = new ConversationsPanel(m_backend, m_middleStack);
    m_middleStack->addWidget(m_conversations);
    m_middleStack->setMinimumWidth(320);
    m_rightStack = new QStackedWidget(m_splitter);
    m_rightStack->setObjectName(QStringLiteral("detailStackedWidget"));
    m_placeholder = buildPlaceholder(m_rightStack);
    m_rightStack->addWidget(m_placeholder);
    m_rightStack->addWidget(m_people->profilePane());
    m_chatView = new ChatView(m_backend, m_rightStack);
    m_rightStack->addWidget(m_chatView);
    m_profileEditor = new ProfileEditor(m_backend, m_rightStack);
    m_rightStack->addWidget(m_profileEditor);
    m_orgPanel = new OrgPanel(m_backend, m_rightStack);
    m_rightStack->addWidget(m_orgPanel);
    m_rightStack->setMinimumWidth(380);
    m_splitter->addWidget(m_middleStack);
    m_splitter->addWidget(m_rightStack);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    setCentralWidget(m_splitter);

    connect(m_people, &PeoplePanel::personShown, this, [this] {
        if (m_section != Section::People)
            showSection(Section::People);
        m_rightStack->setCurrentWidget(m_people->profilePane());
    });
    connect(m_people, &PeoplePanel::conversationRequested, this, &MainWindow::openConversation);
    connect(m_people, &PeoplePanel::askRequested, this, &MainWindow::askPeople);
    connect(m_people, &PeoplePanel::editProfileRequested, this, &MainWindow::showMyProfile);
    connect(m_people, &PeoplePanel::orgChartRequested, this, &MainWindow::showOrgChart);
    connect(m_orgPanel, &OrgPanel::profileRequested, this, &MainWindow::showPerson);
    connect(m_orgPanel, &OrgPanel::reportsListRequested, this, [this](const QString &manager) {
        showSection(Section::People);
        m_people->search(QStringLiteral("reports:") + manager);
    });
    connect(m_people, &PeoplePanel::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_conversations, &ConversationsPanel::conversationChosen, this, [this](const QString &peer) {
        m_chatView->setPeer(peer);
        m_rightStack->setCurrentWidget(m_chatView);
        m_conversations->model()->setActivePeer(peer);
        m_backend->markConversationRead(peer);
    });
    connect(m_conversations, &ConversationsPanel::conversationActivated, m_chatView, &ChatView::focusComposer);
    connect(m_conversations, &ConversationsPanel::newGroupRequested, this, &MainWindow::newGroup);
    connect(m_chatView, &ChatView::profileRequested, this, &MainWindow::showPerson);
    connect(m_chatView, &ChatView::conversationRequested, this, &MainWindow::openConversation);
    connect(m_statusMenu, &StatusMenu::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_people, &PeoplePanel::statusMenuRequested, this,
            [this](const QPoint &globalPos) { m_statusMenu->popup(globalPos); });

    // Presence: idle after a while without input or with the screen locked; sync says so.
    m_presence = new PresenceMonitor(this);
    connect(m_presence, &PresenceMonitor::idleChanged, m_backend->sync()->engine(), &SyncEngine::setIdle);
    // The people on screen are watched: their status changes come at once. The list follows
    // the UI, gathered over a moment so that scrolling sends one update.
    m_watchTimer = new QTimer(this);
    m_watchTimer->setSingleShot(true);
    m_watchTimer->setInterval(400);
    connect(m_watchTimer, &QTimer::timeout, this, &MainWindow::updateWatchList);
    auto watchSoon = [this] { m_watchTimer->start(); };
    connect(m_people, &PeoplePanel::peopleShownChanged, this, watchSoon);
    connect(m_conversations, &ConversationsPanel::peopleShownChanged, this, watchSoon);
    connect(m_backend, &ClientBackend::statusesChanged, this, [this, watchSoon](const QStringList &usernames) {
        // A stand-in named in a new out-of-office status is on screen too.
        watchSoon();
        if (usernames.isEmpty() || usernames.contains(m_backend->me()))
            updateMyStatus();
    });
    connect(m_backend->sync(), &SyncClient::started, this, [this] {
        m_backend->statuses()->fetchMyStatus(this, [this](const Status &, const ApiError &) { updateMyStatus(); });
        updateMyStatus();
        m_watchTimer->start();
    });

    statusBar()->addPermanentWidget(new SyncStatusWidget(m_backend->sync(), this));
    statusBar()->setSizeGripEnabled(true);

    m_notifier = new Notifier(m_backend, this, this);
    m_notifier->setObjectName(QStringLiteral("notifier"));
    m_notifier->setEnabled(QSettings().value(QStringLiteral("notifications/enabled"), true).toBool());
    connect(m_notifier, &Notifier::conversationRequested, this, [this](const QString &peer) {
        showNormal();
        raise();
        activateWindow();
        openConversation(peer);
    });

    // Keep the open conversation read while it is on screen.
    connect(m_backend, &ClientBackend::messagesChanged, this, [this](const QString &peer) {
        if (m_section == Section::Messages && m_chatView->peer() == peer && isActiveWindow())
            m_backend->markConversationRead(peer);
    });
    connect(m_conversations->model(), &ConversationsModel::totalUnreadChanged, this, &MainWindow::updateNavigation);

    Session *session = m_backend->sync()->session();
    connect(session, &Session::restored, this, [this](bool signedIn) {
        updateAccountActions();
        if (!signedIn && !m_signInShown)
            signIn();
    });
    connect(session, &Session::signedIn, this, &MainWindow::updateAccountActions);
    connect(session, &Session::signedIn, this, [this, session] {
        // A password an administrator chose: ask for the person's own right away.
        if (session->mustChangePassword())
            changePassword(true);
    });
    connect(session, &Session::signedOut, this, &MainWindow::updateAccountActions);
    connect(session, &Session::signInRequired, this, &MainWindow::onSignInRequired);
    connect(session, &Session::notice, this, [this, session](const QString &message) {
        // The client's notice speaks of command-line options; the window points to Settings.
        if (session->tokenStorage() == TokenStore::Where::Memory)
            statusBar()->showMessage(tr("No keychain is available: you stay signed in until Colleagues quits. "
                                        "Settings can keep your sign-in in a private file."),
                                     15000);
        else
            statusBar()->showMessage(message, 15000);
    });

    buildMenus();
    updateAccountActions();
    updateNavigation();
    showSection(Section::People);

    resize(1180, 760);
    m_people->focusSearch(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_signInAction = file->addAction(tr("Sign &In…"), this, &MainWindow::signIn);
    m_signInAction->setObjectName(QStringLiteral("signInAction"));
    m_signOutAction = file->addAction(tr("Sign &Out"), this, &MainWindow::signOut);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    m_changePasswordAction = file->addAction(tr("Change &Password…"), this, [this] { changePassword(); });
    m_changePasswordAction->setObjectName(QStringLiteral("changePasswordAction"));
    file->addSeparator();
    QAction *sync = file->addAction(tr("S&ync Now"), m_backend->sync()->engine(), &SyncEngine::syncNow);
    sync->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction *settings = file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setShortcuts({QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    QAction *find = go->addAction(tr("&Find People"), this, [this] {
        showSection(Section::People);
        m_people->focusSearch(Qt::ShortcutFocusReason);
    });
    find->setObjectName(QStringLiteral("findAction"));
    find->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence::Find});
    find->setShortcutContext(Qt::WindowShortcut);
    m_peopleAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_messagesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_myProfileAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    m_orgAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    go->addAction(m_peopleAction);
    go->addAction(m_messagesAction);
    go->addAction(m_myProfileAction);
    go->addAction(m_orgAction);
    go->addSeparator();
    QAction *message =
        go->addAction(tr("&Message Selected Person"), this, [this] { openConversation(m_people->selectedUsername()); });
    message->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Slash), QKeySequence::HelpContents});
    help->addAction(tr("&Search Syntax"), this, &MainWindow::showSearchHelp);
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Colleagues"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

QWidget *MainWindow::buildPlaceholder(QWidget *parent)
{
    auto *page = new QWidget(parent);
    page->setObjectName(QStringLiteral("placeholderWidget"));
    page->setBackgroundRole(QPalette::Base);
    page->setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(page);
    m_placeholderLabel = plainLabel(QString(), page, QStringLiteral("placeholderLabel"));
    m_placeholderLabel->setAlignment(Qt::AlignCenter);
    m_placeholderLabel->setWordWrap(true);
    m_placeholderLabel->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_placeholderLabel);
    return page;
}

void MainWindow::showSection(Section section)
{
    m_section = section;
    if (m_watchTimer)
        m_watchTimer->start();
    switch (section) {
    case Section::People:
        m_peopleAction->setChecked(true);
        m_middleStack->show();
        m_middleStack->setCurrentIndex(0);
        m_conversations->model()->setActivePeer({});
        if (m_people->profilePane()->hasProfile()) {
            m_rightStack->setCurrentWidget(m_people->profilePane());
        } else {
            m_placeholderLabel->setText(tr("Choose a person to see their profile."));
            m_rightStack->setCurrentWidget(m_placeholder);
        }
        break;
    case Section::Messages:
        m_messagesAction->setChecked(true);
        m_middleStack->show();
        m_middleStack->setCurrentIndex(1);
        if (!m_chatView->peer().isEmpty()) {
            m_rightStack->setCurrentWidget(m_chatView);
            m_conversations->model()->setActivePeer(m_chatView->peer());
            m_backend->markConversationRead(m_chatView->peer());
        } else {
            m_placeholderLabel->setText(tr("Choose a conversation, or find someone and press Message."));
            m_rightStack->setCurrentWidget(m_placeholder);
        }
        break;
    case Section::MyProfile:
        m_myProfileAction->setChecked(true);
        m_conversations->model()->setActivePeer({});
        m_middleStack->hide();
        m_profileEditor->load();
        m_rightStack->setCurrentWidget(m_profileEditor);
        break;
    case Section::Org:
        m_orgAction->setChecked(true);
        m_conversations->model()->setActivePeer({});
        m_middleStack->hide();
        m_rightStack->setCurrentWidget(m_orgPanel);
        break;
    }
}

QStringList MainWindow::watchedPeople() const
{
    QStringList people;
    auto add = [&people](const QString &username) {
        if (!username.isEmpty() && !people.contains(username))
            people.append(username);
    };
    // The open chat and its stand-in first, then the page on screen, then the conversations.
    // A group conversation's members stand for it.
    if (const std::optional<GroupChat> &open = m_chatView->group()) {
        for (const QString &username : open->conversation.currentMembers())
            add(username);
    } else if (!m_chatView->peer().isEmpty()) {
        add(m_chatView->peer());
        const Status status = m_backend->status(m_chatView->peer());
        if (status.outOfOffice)
            add(status.outOfOffice->standIn);
    }
    // The People page's rows and profile while the page is on screen.
    if (m_section == Section::People) {
        for (const QString &username : m_people->peopleShown())
            add(username);
    }
    for (const QString &username : m_conversations->peopleShown())
        add(username);
    people.removeAll(m_backend->me());
    return people.mid(0, Limits::WatchMax);
}

void MainWindow::updateWatchList()
{
    // The engine ends the held request only when the set changed.
    m_backend->sync()->engine()->setWatchList(watchedPeople());
}

void MainWindow::updateMyStatus()
{
    const QString me = m_backend->me();
    const Status status = m_backend->status(me);
    QPixmap dot(QSize(26, 26) * devicePixelRatioF());
    dot.setDevicePixelRatio(devicePixelRatioF());
    dot.fill(Qt::transparent);
    {
        QPainter painter(&dot);
        // The ring around the dot in the rail's colour, not the lists'.
        QPalette rail = m_navBar->palette();
        rail.setColor(QPalette::Base, rail.color(QPalette::Window));
        StatusText::paintDot(&painter, QRectF(4, 4, 18, 18), status, rail);
    }
    m_statusButton->setIcon(QIcon(dot));
    m_statusButton->setText(me.isEmpty() ? tr("Status") : StatusText::shortWords(status));
    const QString words = me.isEmpty() ? tr("Not signed in") : StatusText::description(status);
    m_statusButton->setToolTip(Theme::plainToolTip(tr("Your status: %1. Click to change it.").arg(words)));
    m_statusButton->setAccessibleName(tr("Your status: %1").arg(words));
    m_statusButton->setEnabled(!me.isEmpty());
}

void MainWindow::showPerson(const QString &username)
{
    m_people->showPerson(username);
}

void MainWindow::openConversation(const QString &peer)
{
    if (peer.isEmpty())
        return;
    m_chatView->setPeer(peer);
    showSection(Section::Messages);
    m_conversations->select(peer);
    m_chatView->focusComposer();
}

void MainWindow::askPeople(const QStringList &ranked, const QString &query)
{
    auto *dialog = new NewConversationDialog(m_backend, NewConversationDialog::Mode::Question, this);
    dialog->setCandidates(ranked, query);
    openNewConversationDialog(dialog);
}

void MainWindow::newGroup()
{
    if (m_backend->me().isEmpty()) {
        statusBar()->showMessage(tr("Sign in to start a group."), 5000);
        signIn();
        return;
    }
    openNewConversationDialog(new NewConversationDialog(m_backend, NewConversationDialog::Mode::Group, this));
}

void MainWindow::openNewConversationDialog(NewConversationDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewConversationDialog::conversationStarted, this, [this](const QString &id) {
        // The conversation is in the store once the outbox wrote it: show it then.
        m_conversations->showAll();
        if (m_backend->groupChat(id)) {
            openConversation(id);
            return;
        }
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(m_backend, &ClientBackend::conversationsChanged, this, [this, id, connection] {
            if (!m_backend->groupChat(id))
                return;
            disconnect(*connection);
            openConversation(id);
        });
    });
    dialog->open();
}

void MainWindow::showOrgChart(const QString &username)
{
    showSection(Section::Org);
    if (username.isEmpty() || !m_orgPanel->showPerson(username))
        m_orgPanel->showDefault();
}

void MainWindow::showMyProfile()
{
    if (m_backend->me().isEmpty()) {
        statusBar()->showMessage(tr("Sign in to edit your profile."), 5000);
        signIn();
        showSection(m_section);
        return;
    }
    showSection(Section::MyProfile);
}

void MainWindow::updateNavigation()
{
    const int unread = m_conversations->model()->totalUnread();
    m_messagesAction->setIcon(Icons::icon(Icons::Glyph::Messages, unread));
    m_messagesAction->setText(tr("Messages"));
    m_messagesAction->setToolTip(unread > 0 ? tr("Messages — %n unread", nullptr, unread) : tr("Messages"));
    if (auto *button = m_navBar->widgetForAction(m_messagesAction))
        button->setAccessibleName(unread > 0 ? tr("Messages, %n unread", nullptr, unread) : tr("Messages"));
    setWindowTitle(unread > 0 ? tr("Colleagues (%1)").arg(unread) : tr("Colleagues"));
}

void MainWindow::updateAccountActions()
{
    const bool signedIn = !m_backend->me().isEmpty();
    m_signInAction->setEnabled(!signedIn);
    m_signOutAction->setEnabled(signedIn);
    m_changePasswordAction->setEnabled(signedIn);
    m_signOutAction->setText(signedIn ? tr("Sign &Out %1").arg(m_backend->me()) : tr("Sign &Out"));
    m_conversations->model()->reload();
    updateMyStatus();
}

void MainWindow::signIn()
{
    if (auto *existing = findChild<SignInDialog *>()) {
        existing->raise();
        existing->activateWindow();
        return;
    }
    m_signInShown = true;
    Session *session = m_backend->sync()->session();
    auto *dialog = new SignInDialog(session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QSettings settings;
    dialog->setServer(session->serverUrl().isEmpty() ? settings.value(QStringLiteral("account/server")).toString()
                                                     : session->serverUrl().toString());
    dialog->setUsername(session->username().isEmpty() ? settings.value(QStringLiteral("account/username")).toString()
                                                      : session->username());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QSettings saved;
        saved.setValue(QStringLiteral("account/server"), dialog->server());
        saved.setValue(QStringLiteral("account/username"), dialog->username());
        statusBar()->showMessage(tr("Signed in as %1").arg(m_backend->me()), 5000);
    });
    dialog->open();
}

void MainWindow::changePassword(bool required)
{
    if (auto *existing = findChild<ChangePasswordDialog *>()) {
        existing->raise();
        existing->activateWindow();
        return;
    }
    auto *dialog = new ChangePasswordDialog(m_backend->sync()->api(), m_backend->sync()->session(), required, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        statusBar()->showMessage(tr("Your password was changed. Your other devices are signed out."), 10000);
    });
    if (required) {
        connect(dialog, &QDialog::rejected, this, [this] {
            statusBar()->showMessage(tr("Your password is still the one your administrator set. Change it with "
                                        "File › Change Password…"),
                                     15000);
        });
    }
    dialog->open();
}

void MainWindow::signOut()
{
    const auto answer = QMessageBox::question(
        this, tr("Sign out?"),
        tr("Sign out of Colleagues? The directory stays on this computer; messages waiting to be sent go out "
           "after you sign in again."),
        QMessageBox::Cancel | QMessageBox::Ok, QMessageBox::Ok);
    if (answer != QMessageBox::Ok)
        return;
    m_backend->sync()->session()->signOut();
    m_chatView->setPeer({});
    showSection(Section::People);
}

void MainWindow::onSignInRequired()
{
    updateAccountActions();
    statusBar()->showMessage(tr("Your sign-in has expired. Sign in again — nothing you wrote is lost."), 10000);
    signIn();
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(this);
    dialog.exec();
}

void MainWindow::showSearchHelp()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("Search Syntax"));
    box.setTextFormat(Qt::PlainText);
    box.setText(tr("How to search"));
    box.setInformativeText(SearchEngine::syntaxHelp());
    box.exec();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_backend, this);
    if (dialog.exec() == QDialog::Accepted)
        m_notifier->setEnabled(QSettings().value(QStringLiteral("notifications/enabled"), true).toBool());
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Colleagues"),
        tr("Colleagues %1\n\nFind the colleague who knows, and message them.").arg(QApplication::applicationVersion()));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_section == Section::Messages
        && !m_chatView->peer().isEmpty())
        m_backend->markConversationRead(m_chatView->peer());
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        updateNavigation();
        // After the rail has its new palette too.
        if (m_statusButton)
            QTimer::singleShot(0, this, &MainWindow::updateMyStatus);
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_profileEditor->isModified() && m_section == Section::MyProfile) {
        const auto answer = QMessageBox::question(this, tr("Discard changes?"),
                                                  tr("Your profile has changes you have not saved. Close anyway?"),
                                                  QMessageBox::Cancel | QMessageBox::Discard, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            event->ignore();
            return;
        }
    }
    QMainWindow::closeEvent(event);
}

} // namespace Colleagues
