// SPDX-License-Identifier: MIT
#include "ui/MainWindow.h"

#include "client/search/SearchEngine.h"
#include "client/sync/Session.h"
#include "client/sync/SyncClient.h"
#include "client/sync/SyncEngine.h"
#include "client/sync/TokenStore.h"
#include "ui/ClientBackend.h"
#include "ui/SettingsDialog.h"
#include "ui/ShortcutsDialog.h"
#include "ui/SignInDialog.h"
#include "ui/messages/ChatView.h"
#include "ui/messages/ComposerEdit.h"
#include "ui/messages/ConversationDelegate.h"
#include "ui/messages/ConversationsModel.h"
#include "ui/messages/Notifier.h"
#include "ui/people/FilterButton.h"
#include "ui/people/ProfilePane.h"
#include "ui/people/ResultDelegate.h"
#include "ui/people/ResultsModel.h"
#include "ui/people/SearchService.h"
#include "ui/profile/ProfileEditor.h"
#include "ui/widgets/FlowLayout.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/ImageCache.h"
#include "ui/widgets/LinkButton.h"
#include "ui/widgets/SyncStatusWidget.h"
#include "ui/widgets/Theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace Colleagues {

namespace {

QLabel *plain(const QString &text, QWidget *parent, const QString &objectName = {})
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    return label;
}

QFrame *hairline(QWidget *parent, Qt::Orientation orientation = Qt::Horizontal)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(orientation == Qt::Horizontal ? QFrame::HLine : QFrame::VLine);
    line->setFrameShadow(QFrame::Plain);
    line->setForegroundRole(QPalette::Midlight);
    return line;
}

} // namespace

MainWindow::MainWindow(ClientBackend *backend, QWidget *parent)
    : QMainWindow(parent)
    , m_backend(backend)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Colleagues"));
    m_resultsModel = new ResultsModel(m_backend->search(), this);
    m_conversationsModel = new ConversationsModel(m_backend, this);

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
    for (QAction *action : group->actions()) {
        action->setCheckable(true);
        m_navBar->addAction(action);
    }
    m_peopleAction->setChecked(true);
    connect(m_peopleAction, &QAction::triggered, this, [this] { showSection(Section::People); });
    connect(m_messagesAction, &QAction::triggered, this, [this] { showSection(Section::Messages); });
    connect(m_myProfileAction, &QAction::triggered, this, &MainWindow::showMyProfile);
    addToolBar(Qt::LeftToolBarArea, m_navBar);

    // Middle and right.
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(1);
    m_middleStack = new QStackedWidget(m_splitter);
    m_middleStack->setObjectName(QStringLiteral("middleStackedWidget"));
    m_middleStack->addWidget(buildSearchPanel());
    m_middleStack->addWidget(buildConversationsPanel());
    m_middleStack->setMinimumWidth(320);
    m_rightStack = new QStackedWidget(m_splitter);
    m_rightStack->setObjectName(QStringLiteral("detailStackedWidget"));
    m_placeholder = buildPlaceholder(m_rightStack);
    m_rightStack->addWidget(m_placeholder);
    m_profilePane = new ProfilePane(m_backend->images(), m_rightStack);
    m_rightStack->addWidget(m_profilePane);
    m_chatView = new ChatView(m_backend, m_rightStack);
    m_rightStack->addWidget(m_chatView);
    m_profileEditor = new ProfileEditor(m_backend, m_rightStack);
    m_rightStack->addWidget(m_profileEditor);
    m_rightStack->setMinimumWidth(380);
    m_splitter->addWidget(m_middleStack);
    m_splitter->addWidget(m_rightStack);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    setCentralWidget(m_splitter);

    connect(m_profilePane, &ProfilePane::profileRequested, this, &MainWindow::showPerson);
    connect(m_profilePane, &ProfilePane::messageRequested, this, &MainWindow::openConversation);
    connect(m_profilePane, &ProfilePane::editRequested, this, &MainWindow::showMyProfile);
    connect(m_chatView, &ChatView::profileRequested, this, &MainWindow::showPerson);

    m_syncStatus = new SyncStatusWidget(m_backend->sync(), this);
    statusBar()->addPermanentWidget(m_syncStatus);
    statusBar()->setSizeGripEnabled(true);

    m_notifier = new Notifier(m_backend, this, this);
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
    connect(m_conversationsModel, &ConversationsModel::totalUnreadChanged, this, &MainWindow::updateNavigation);
    connect(m_backend, &ClientBackend::directoryChanged, this, [this](const QStringList &ids) {
        // Results and the open profile follow the directory; the query runs again off the GUI thread.
        if (!m_searchLineEdit->text().trimmed().isEmpty() || !m_departmentFilter->selection().isEmpty()
            || !m_locationFilter->selection().isEmpty())
            m_resultsModel->refresh();
        if (m_profilePane->hasProfile() && (ids.isEmpty() || ids.contains(m_profilePane->profile().id)))
            showPerson(m_profilePane->profile().username);
    });
    connect(m_backend->images(), &ImageCache::photoChanged, this, [this] {
        m_resultsView->viewport()->update();
        m_conversationsView->viewport()->update();
    });

    Session *session = m_backend->sync()->session();
    connect(session, &Session::restored, this, [this](bool signedIn) {
        updateAccountActions();
        if (!signedIn && !m_signInShown)
            signIn();
    });
    connect(session, &Session::signedIn, this, &MainWindow::updateAccountActions);
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

    // A minute hand for the local times in the list.
    auto *clock = new QTimer(this);
    clock->setInterval(30 * 1000);
    connect(clock, &QTimer::timeout, m_resultsView->viewport(), qOverload<>(&QWidget::update));
    clock->start();

    resize(1180, 760);
    m_backend->search()->prepare();
    m_searchLineEdit->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_signInAction = file->addAction(tr("Sign &In…"), this, &MainWindow::signIn);
    m_signInAction->setObjectName(QStringLiteral("signInAction"));
    m_signOutAction = file->addAction(tr("Sign &Out"), this, &MainWindow::signOut);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
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
        m_searchLineEdit->setFocus(Qt::ShortcutFocusReason);
        m_searchLineEdit->selectAll();
    });
    find->setObjectName(QStringLiteral("findAction"));
    find->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence::Find});
    find->setShortcutContext(Qt::WindowShortcut);
    m_peopleAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_messagesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_myProfileAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    go->addAction(m_peopleAction);
    go->addAction(m_messagesAction);
    go->addAction(m_myProfileAction);
    go->addSeparator();
    QAction *message = go->addAction(tr("&Message Selected Person"), this, [this] {
        if (const SearchResult *r = m_resultsModel->result(m_resultsView->currentIndex().row()))
            openConversation(r->username);
        else if (m_profilePane->hasProfile() && m_rightStack->currentWidget() == m_profilePane)
            openConversation(m_profilePane->profile().username);
    });
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

QWidget *MainWindow::buildSearchPanel()
{
    auto *panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("searchPanelWidget"));
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *top = new QWidget(panel);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(Theme::SpaceL, Theme::SpaceL, Theme::SpaceL, Theme::SpaceM);
    topLayout->setSpacing(Theme::SpaceM);
    m_searchLineEdit = new QLineEdit(top);
    m_searchLineEdit->setObjectName(QStringLiteral("searchLineEdit"));
    m_searchLineEdit->setPlaceholderText(tr("Search people, skills, teams, places…"));
    m_searchLineEdit->setAccessibleName(tr("Search people"));
    m_searchLineEdit->setAccessibleDescription(
        tr("Results update as you type. Up and Down move through them, Enter opens one."));
    m_searchLineEdit->setClearButtonEnabled(true);
    m_searchLineEdit->setFont(Theme::scaledFont(font(), 1.1));
    m_searchLineEdit->addAction(Icons::icon(Icons::Glyph::Search), QLineEdit::LeadingPosition)->setText(tr("Search"));
    // Qt's clear button has no name of its own for screen readers.
    if (auto *clear = m_searchLineEdit->findChild<QAction *>(QStringLiteral("_q_qlineeditclearaction")))
        clear->setText(tr("Clear search"));
    m_searchLineEdit->setMinimumHeight(m_searchLineEdit->sizeHint().height() + 8);
    m_searchLineEdit->installEventFilter(this);
    topLayout->addWidget(m_searchLineEdit);

    auto *filters = new QHBoxLayout;
    filters->setSpacing(Theme::SpaceS + 2);
    m_departmentFilter = new FilterButton(tr("Department"), top);
    m_departmentFilter->setObjectName(QStringLiteral("departmentFilterButton"));
    m_locationFilter = new FilterButton(tr("Location"), top);
    m_locationFilter->setObjectName(QStringLiteral("locationFilterButton"));
    m_clearFiltersButton = new QPushButton(tr("Clear filters"), top);
    m_clearFiltersButton->setObjectName(QStringLiteral("clearFiltersButton"));
    m_clearFiltersButton->setFlat(true);
    m_clearFiltersButton->hide();
    connect(m_clearFiltersButton, &QPushButton::clicked, this, [this] {
        m_departmentFilter->clearSelection();
        m_locationFilter->clearSelection();
    });
    for (FilterButton *button : {m_departmentFilter, m_locationFilter})
        connect(button, &FilterButton::selectionChanged, this, &MainWindow::scheduleSearch);
    filters->addWidget(m_departmentFilter);
    filters->addWidget(m_locationFilter);
    filters->addWidget(m_clearFiltersButton);
    filters->addStretch();
    m_countLabel = plain(QString(), top, QStringLiteral("resultCountLabel"));
    m_countLabel->setForegroundRole(QPalette::PlaceholderText);
    filters->addWidget(m_countLabel);
    topLayout->addLayout(filters);
    m_correctionLabel = plain(QString(), top, QStringLiteral("correctionLabel"));
    m_correctionLabel->setWordWrap(true);
    QFont italic = m_correctionLabel->font();
    italic.setItalic(true);
    m_correctionLabel->setFont(italic);
    m_correctionLabel->hide();
    topLayout->addWidget(m_correctionLabel);
    layout->addWidget(top);
    layout->addWidget(hairline(panel));

    m_resultsStack = new QStackedWidget(panel);
    // The text pages scroll rather than being cut in a small window or at 200%, and their
    // word-wrapped labels are not measured again each time a result count changes.
    auto textPage = [this](QWidget *page) {
        auto *scroll = new QScrollArea(m_resultsStack);
        scroll->setObjectName(page->objectName() + QStringLiteral("ScrollArea"));
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidgetResizable(true);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        scroll->setBackgroundRole(QPalette::Base);
        scroll->setWidget(page);
        m_resultsStack->addWidget(scroll);
        return scroll;
    };
    m_emptyState = textPage(buildEmptyState(m_resultsStack));
    m_resultsView = new QListView(m_resultsStack);
    m_resultsView->setObjectName(QStringLiteral("resultsListView"));
    m_resultsView->setAccessibleName(tr("People found"));
    m_resultsView->setModel(m_resultsModel);
    m_resultsView->setItemDelegate(new ResultDelegate(m_backend->images(), m_resultsView));
    m_resultsView->setFrameShape(QFrame::NoFrame);
    m_resultsView->setUniformItemSizes(true);
    m_resultsView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_resultsView->verticalScrollBar()->setSingleStep(24);
    m_resultsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resultsView->setMouseTracking(true);
    m_resultsView->setAttribute(Qt::WA_Hover);
    m_resultsView->installEventFilter(this);
    m_resultsStack->addWidget(m_resultsView);
    m_noResults = textPage(buildNoResults(m_resultsStack));
    layout->addWidget(m_resultsStack, 1);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(0); // coalesce what arrives in one event-loop turn (a paste, key repeat)
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::runSearch);
    connect(m_searchLineEdit, &QLineEdit::textChanged, this, &MainWindow::scheduleSearch);
    connect(m_resultsModel, &ResultsModel::resultsReplaced, this, &MainWindow::onResultsReplaced);
    m_selectionTimer = new QTimer(this);
    m_selectionTimer->setSingleShot(true);
    m_selectionTimer->setInterval(60); // holding Down does not load every profile on the way
    connect(m_selectionTimer, &QTimer::timeout, this, &MainWindow::onCurrentResultChanged);
    connect(m_resultsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { m_selectionTimer->start(); });
    connect(m_resultsView, &QListView::activated, this, [this](const QModelIndex &index) {
        if (const SearchResult *r = ResultsModel::result(index)) {
            showPerson(r->username);
            m_profilePane->messageButton()->setFocus(Qt::OtherFocusReason);
        }
    });
    return panel;
}

QWidget *MainWindow::buildEmptyState(QWidget *parent)
{
    auto *page = new QWidget(parent);
    page->setObjectName(QStringLiteral("emptyStateWidget"));
    page->setBackgroundRole(QPalette::Base);
    page->setAutoFillBackground(true);
    auto *outer = new QVBoxLayout(page);
    outer->setContentsMargins(Theme::SpaceXXL, Theme::SpaceXXL + 8, Theme::SpaceXXL, Theme::SpaceXXL);
    outer->setSpacing(Theme::SpaceM);
    auto *title = plain(tr("Find the colleague who knows"), page, QStringLiteral("emptyStateTitleLabel"));
    title->setFont(Theme::scaledFont(font(), 1.35, QFont::DemiBold));
    title->setWordWrap(true);
    outer->addWidget(title);
    auto *intro = plain(tr("Type a skill, a name, a team or a place. Results appear as you type, "
                           "and typos are forgiven."),
                        page, QStringLiteral("emptyStateIntroLabel"));
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);
    outer->addWidget(intro);
    outer->addSpacing(Theme::SpaceL);

    auto *tryLabel = plain(tr("Try"), page);
    tryLabel->setFont(Theme::scaledFont(font(), 0.92, QFont::DemiBold));
    tryLabel->setForegroundRole(QPalette::PlaceholderText);
    outer->addWidget(tryLabel);
    const QStringList examples {QStringLiteral("kubernetes"), QStringLiteral("skill:rust level>=4"),
                                QStringLiteral("dept:\"Data Platform\""), QStringLiteral("location:berlin"),
                                QStringLiteral("c++")};
    // The examples wrap onto more lines when the column is narrow, rather than being cut.
    auto *exampleBox = new QWidget(page);
    exampleBox->setObjectName(QStringLiteral("exampleQueriesWidget"));
    auto *exampleRow = new FlowLayout(exampleBox, Theme::SpaceM);
    exampleRow->setContentsMargins(0, 0, 0, 0);
    for (const QString &example : examples) {
        auto *link = new LinkButton(example, exampleBox);
        link->setObjectName(QStringLiteral("exampleQueryButton"));
        link->setAccessibleName(tr("Search for %1").arg(example));
        connect(link, &LinkButton::clicked, this, [this, example] {
            m_searchLineEdit->setText(example);
            m_searchLineEdit->setFocus();
        });
        exampleRow->addWidget(link);
    }
    outer->addWidget(exampleBox);
    outer->addSpacing(Theme::SpaceL);

    auto *filtersTitle = plain(tr("Filters you can type"), page);
    filtersTitle->setFont(Theme::scaledFont(font(), 0.92, QFont::DemiBold));
    filtersTitle->setForegroundRole(QPalette::PlaceholderText);
    outer->addWidget(filtersTitle);
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(Theme::SpaceXL);
    grid->setVerticalSpacing(Theme::SpaceS + 2);
    const std::pair<QString, QString> syntax[] = {
        {QStringLiteral("skill:NAME"), tr("has the skill (skill:python, skill:\"machine learning\")")},
        {QStringLiteral("level>=N"), tr("a matching skill at level N or above (1 to 5)")},
        {QStringLiteral("dept:NAME"), tr("works in the department (dept:sales)")},
        {QStringLiteral("location:NAME"), tr("works in the place (location:\"são paulo\")")},
    };
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    int row = 0;
    for (const auto &[code, meaning] : syntax) {
        auto *codeLabel = plain(code, page);
        codeLabel->setFont(mono);
        codeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(codeLabel, row, 0, Qt::AlignTop);
        auto *meaningLabel = plain(meaning, page);
        meaningLabel->setWordWrap(true);
        grid->addWidget(meaningLabel, row, 1);
        ++row;
    }
    grid->setColumnStretch(1, 1);
    outer->addLayout(grid);
    outer->addSpacing(Theme::SpaceL);
    auto *keys = plain(tr("↑ ↓ move through results · Enter opens a profile · Ctrl+Enter writes a message · "
                          "Ctrl+K comes back here"),
                       page, QStringLiteral("emptyStateKeysLabel"));
    keys->setWordWrap(true);
    keys->setForegroundRole(QPalette::PlaceholderText);
    outer->addWidget(keys);
    outer->addStretch();
    return page;
}

QWidget *MainWindow::buildNoResults(QWidget *parent)
{
    auto *page = new QWidget(parent);
    page->setObjectName(QStringLiteral("noResultsWidget"));
    page->setBackgroundRole(QPalette::Base);
    page->setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(Theme::SpaceXXL, Theme::SpaceXXL + 8, Theme::SpaceXXL, Theme::SpaceXXL);
    layout->setSpacing(Theme::SpaceM);
    m_noResultsLabel = plain(QString(), page, QStringLiteral("noResultsLabel"));
    m_noResultsLabel->setFont(Theme::scaledFont(font(), 1.2, QFont::DemiBold));
    m_noResultsLabel->setWordWrap(true);
    layout->addWidget(m_noResultsLabel);
    auto *tips = plain(tr("• Check the spelling, or type only the start of a word\n"
                          "• Use fewer words: every word has to match\n"
                          "• Search for a skill or a team rather than a job title\n"
                          "• Remove a filter such as level>=4 or location:"),
                       page, QStringLiteral("noResultsTipsLabel"));
    tips->setWordWrap(true);
    tips->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(tips);
    auto *clear = new QPushButton(tr("Clear search and filters"), page);
    clear->setObjectName(QStringLiteral("clearSearchButton"));
    connect(clear, &QPushButton::clicked, this, [this] {
        m_departmentFilter->clearSelection();
        m_locationFilter->clearSelection();
        m_searchLineEdit->clear();
        m_searchLineEdit->setFocus();
    });
    layout->addWidget(clear, 0, Qt::AlignLeft);
    layout->addStretch();
    return page;
}

QWidget *MainWindow::buildConversationsPanel()
{
    auto *panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("conversationsPanelWidget"));
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *title = plain(tr("Messages"), panel, QStringLiteral("conversationsTitleLabel"));
    title->setFont(Theme::scaledFont(font(), 1.25, QFont::DemiBold));
    title->setContentsMargins(Theme::SpaceL + 2, Theme::SpaceL + 2, Theme::SpaceL, Theme::SpaceL);
    layout->addWidget(title);
    layout->addWidget(hairline(panel));
    m_conversationsStack = new QStackedWidget(panel);
    m_conversationsView = new QListView(m_conversationsStack);
    m_conversationsView->setObjectName(QStringLiteral("conversationsListView"));
    m_conversationsView->setAccessibleName(tr("Conversations"));
    m_conversationsView->setModel(m_conversationsModel);
    m_conversationsView->setItemDelegate(new ConversationDelegate(m_backend->images(), m_conversationsView));
    m_conversationsView->setFrameShape(QFrame::NoFrame);
    m_conversationsView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_conversationsView->setMouseTracking(true);
    m_conversationsView->setAttribute(Qt::WA_Hover);
    connect(m_conversationsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onConversationActivated);
    connect(m_conversationsView, &QListView::activated, this, [this] { m_chatView->focusComposer(); });
    m_conversationsStack->addWidget(m_conversationsView);
    auto *empty = plain(tr("No conversations yet.\n\nFind someone under People and press Message — "
                           "you can write even while offline."),
                        m_conversationsStack, QStringLiteral("noConversationsLabel"));
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignCenter);
    empty->setMargin(Theme::SpaceXXL);
    empty->setForegroundRole(QPalette::PlaceholderText);
    empty->setBackgroundRole(QPalette::Base);
    empty->setAutoFillBackground(true);
    m_conversationsStack->addWidget(empty);
    auto updateEmpty = [this, empty] {
        m_conversationsStack->setCurrentWidget(
            m_conversationsModel->rowCount() > 0 ? static_cast<QWidget *>(m_conversationsView) : empty);
    };
    connect(m_conversationsModel, &QAbstractItemModel::modelReset, this, updateEmpty);
    connect(m_conversationsModel, &QAbstractItemModel::layoutChanged, this, updateEmpty);
    connect(m_conversationsModel, &QAbstractItemModel::dataChanged, this, updateEmpty);
    updateEmpty();
    layout->addWidget(m_conversationsStack, 1);
    return panel;
}

QWidget *MainWindow::buildPlaceholder(QWidget *parent)
{
    auto *page = new QWidget(parent);
    page->setObjectName(QStringLiteral("placeholderWidget"));
    page->setBackgroundRole(QPalette::Base);
    page->setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(page);
    m_placeholderLabel = plain(QString(), page, QStringLiteral("placeholderLabel"));
    m_placeholderLabel->setAlignment(Qt::AlignCenter);
    m_placeholderLabel->setWordWrap(true);
    m_placeholderLabel->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_placeholderLabel);
    return page;
}

void MainWindow::showSection(Section section)
{
    m_section = section;
    switch (section) {
    case Section::People:
        m_peopleAction->setChecked(true);
        m_middleStack->show();
        m_middleStack->setCurrentIndex(0);
        m_conversationsModel->setActivePeer({});
        if (m_profilePane->hasProfile()) {
            m_rightStack->setCurrentWidget(m_profilePane);
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
            m_conversationsModel->setActivePeer(m_chatView->peer());
            m_backend->markConversationRead(m_chatView->peer());
        } else {
            m_placeholderLabel->setText(tr("Choose a conversation, or find someone and press Message."));
            m_rightStack->setCurrentWidget(m_placeholder);
        }
        break;
    case Section::MyProfile:
        m_myProfileAction->setChecked(true);
        m_conversationsModel->setActivePeer({});
        m_middleStack->hide();
        m_profileEditor->load();
        m_rightStack->setCurrentWidget(m_profileEditor);
        break;
    }
}

void MainWindow::showPerson(const QString &username)
{
    const std::optional<Profile> profile = m_backend->profileByUsername(username);
    if (!profile) {
        statusBar()->showMessage(tr("%1 is not in the directory (any more).").arg(username), 5000);
        return;
    }
    const std::optional<Profile> manager = m_backend->profileByUsername(profile->manager);
    m_profilePane->setProfile(*profile, manager, m_backend->directReports(profile->username),
                              profile->username == m_backend->me());
    if (m_section != Section::People)
        showSection(Section::People);
    m_rightStack->setCurrentWidget(m_profilePane);
}

void MainWindow::openConversation(const QString &peer)
{
    if (peer.isEmpty())
        return;
    m_chatView->setPeer(peer);
    showSection(Section::Messages);
    const int row = m_conversationsModel->rowOf(peer);
    if (row >= 0) {
        QSignalBlocker blocker(m_conversationsView->selectionModel());
        m_conversationsView->setCurrentIndex(m_conversationsModel->index(row));
    } else {
        m_conversationsView->clearSelection();
    }
    m_chatView->focusComposer();
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

void MainWindow::scheduleSearch()
{
    m_searchTimer->start();
}

void MainWindow::runSearch()
{
    SearchRequest request;
    request.query = m_searchLineEdit->text();
    request.departments = m_departmentFilter->selection();
    request.locations = m_locationFilter->selection();
    const bool filtered = !request.departments.isEmpty() || !request.locations.isEmpty();
    m_clearFiltersButton->setVisible(filtered);
    if (request.query.trimmed().isEmpty() && !filtered) {
        // Before typing: tips, not the whole directory. The person who was about to be shown
        // (the selection follows with a delay) is no longer there.
        m_selectionTimer->stop();
        m_resultsStack->setCurrentWidget(m_emptyState);
        m_correctionLabel->hide();
        m_countLabel->clear();
    }
    m_resultsModel->setRequest(request);
}

void MainWindow::onResultsReplaced()
{
    const SearchPage &page = m_resultsModel->summary();
    const QLocale locale;
    const bool filtered = !m_departmentFilter->selection().isEmpty() || !m_locationFilter->selection().isEmpty();
    const bool typed = !m_resultsModel->request().query.trimmed().isEmpty();
    m_departmentFilter->setFacets(page.departments);
    m_locationFilter->setFacets(page.locations);
    if (!typed && !filtered) {
        m_resultsStack->setCurrentWidget(m_emptyState);
        m_countLabel->setText(tr("%n people in the directory", nullptr, page.total));
        m_correctionLabel->hide();
        return;
    }
    m_countLabel->setText(tr("%n people", nullptr, page.total));
    if (!page.correctedQuery.isEmpty()) {
        m_correctionLabel->setText(tr("Showing results for %1").arg(page.correctedQuery));
        m_correctionLabel->show();
    } else if (!page.error.isEmpty()) {
        m_correctionLabel->setText(page.error);
        m_correctionLabel->show();
    } else {
        m_correctionLabel->hide();
    }
    if (page.total == 0) {
        m_noResultsLabel->setText(typed ? tr("No one matches “%1”").arg(m_resultsModel->request().query.trimmed())
                                        : tr("No one matches these filters"));
        m_resultsStack->setCurrentWidget(m_noResults);
        return;
    }
    m_resultsStack->setCurrentWidget(m_resultsView);
    // Keep the person that was selected, else select the best match so Enter opens it.
    int row = 0;
    for (int i = 0; i < m_resultsModel->rowCount(); ++i) {
        if (m_resultsModel->result(i)->id == m_selectedId) {
            row = i;
            break;
        }
    }
    // The profile pane follows (through the selection timer), so it shows who is selected.
    m_resultsView->setCurrentIndex(m_resultsModel->index(row));
    m_resultsView->scrollTo(m_resultsModel->index(row));
}

void MainWindow::onCurrentResultChanged()
{
    const SearchResult *result = ResultsModel::result(m_resultsView->currentIndex());
    if (!result)
        return;
    m_selectedId = result->id;
    // Typing on usually keeps the same person on top: no need to rebuild the pane.
    if (m_section == Section::People
        && (m_profilePane->profile().id != result->id || m_rightStack->currentWidget() != m_profilePane))
        showPerson(result->username);
}

void MainWindow::onConversationActivated()
{
    const QString peer = m_conversationsView->currentIndex().data(ConversationsModel::PeerRole).toString();
    if (peer.isEmpty())
        return;
    m_chatView->setPeer(peer);
    m_rightStack->setCurrentWidget(m_chatView);
    m_conversationsModel->setActivePeer(peer);
    m_backend->markConversationRead(peer);
}

void MainWindow::updateNavigation()
{
    const int unread = m_conversationsModel->totalUnread();
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
    m_signOutAction->setText(signedIn ? tr("Sign &Out %1").arg(m_backend->me()) : tr("Sign &Out"));
    m_conversationsModel->reload();
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
        saved.setValue(QStringLiteral("account/server"), dialog->serverLineEdit()->text().trimmed());
        saved.setValue(QStringLiteral("account/username"), dialog->usernameLineEdit()->text().trimmed());
        statusBar()->showMessage(tr("Signed in as %1").arg(m_backend->me()), 5000);
    });
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

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_searchLineEdit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_PageDown:
        case Qt::Key_PageUp:
            if (m_resultsStack->currentWidget() == m_resultsView && m_resultsModel->rowCount() > 0) {
                // The list moves its current row; the cursor stays in the search field.
                QApplication::sendEvent(m_resultsView, key);
                return true;
            }
            break;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (m_resultsStack->currentWidget() == m_resultsView) {
                QModelIndex current = m_resultsView->currentIndex();
                if (!current.isValid() && m_resultsModel->rowCount() > 0)
                    current = m_resultsModel->index(0);
                if (const SearchResult *r = ResultsModel::result(current)) {
                    if (key->modifiers() & Qt::ControlModifier) {
                        openConversation(r->username);
                    } else {
                        m_selectionTimer->stop();
                        showPerson(r->username);
                        m_profilePane->messageButton()->setFocus(Qt::OtherFocusReason);
                    }
                }
                return true;
            }
            break;
        case Qt::Key_Escape:
            if (!m_searchLineEdit->text().isEmpty()) {
                m_searchLineEdit->clear();
                return true;
            }
            break;
        default: break;
        }
    }
    if (watched == m_resultsView && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        // Typing in the list goes on in the search field.
        if (!key->text().isEmpty() && key->text().at(0).isPrint() && !(key->modifiers() & Qt::ControlModifier)) {
            m_searchLineEdit->setFocus();
            QApplication::sendEvent(m_searchLineEdit, key);
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_section == Section::Messages
        && !m_chatView->peer().isEmpty())
        m_backend->markConversationRead(m_chatView->peer());
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        updateNavigation();
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
