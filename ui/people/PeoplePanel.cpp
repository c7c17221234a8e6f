// SPDX-License-Identifier: MIT
#include "ui/people/PeoplePanel.h"

#include "core/VCard.h"

#include "ui/ClientBackend.h"
#include "ui/people/FilterButton.h"
#include "ui/people/ProfilePane.h"
#include "ui/people/ResultDelegate.h"
#include "ui/people/ResultsModel.h"
#include "ui/people/SearchService.h"
#include "ui/people/SkillMapWidget.h"
#include "ui/widgets/FlowLayout.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/LinkButton.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/StatusText.h"
#include "ui/widgets/Theme.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Colleagues {

namespace {

//! What makes a search another one: its words, filters and order; not its page or skill map.
QString searchKey(const SearchRequest &request)
{
    return QStringList {request.query.simplified(), request.departments.join(u'\n'), request.locations.join(u'\n'),
                        QString::number(request.literal), QString::number(request.preferAvailable)}
        .join(u'\x1e');
}

} // namespace

PeoplePanel::PeoplePanel(ClientBackend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_resultsModel(new ResultsModel(backend->search(), this))
{
    setObjectName(QStringLiteral("searchPanelWidget"));
    m_resultsModel->setObjectName(QStringLiteral("resultsModel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildSearchBar());
    layout->addWidget(Theme::hairline(this));

    m_resultsStack = new QStackedWidget(this);
    m_emptyState = addTextPage(QStringLiteral("emptyStateWidget"), &PeoplePanel::buildEmptyState);
    m_resultsView = new QListView(m_resultsStack);
    m_resultsView->setObjectName(QStringLiteral("resultsListView"));
    m_resultsView->setAccessibleName(tr("People found"));
    m_resultsView->setModel(m_resultsModel);
    // A person dragged out of the list arrives as a contact card (address book, mail, folder).
    m_resultsModel->setContactCards([this](const QString &username) -> QPair<QString, QByteArray> {
        const std::optional<Profile> profile = m_backend->profileByUsername(username);
        if (!profile)
            return {};
        return {vCardFileName(*profile), m_backend->contactCard(*profile)};
    });
    m_resultsModel->setStatusWords(
        [this](const QString &username) { return StatusText::description(m_backend->status(username)); });
    m_resultsView->setDragEnabled(true);
    m_resultsView->setDragDropMode(QAbstractItemView::DragOnly);
    m_resultsView->setDefaultDropAction(Qt::CopyAction);
    auto *delegate = new ResultDelegate(m_backend->images(), m_resultsView);
    delegate->setStatuses([this](const QString &username) { return m_backend->status(username); }, m_backend,
                          &ClientBackend::statusesChanged);
    m_resultsView->setItemDelegate(delegate);
    m_resultsView->setFrameShape(QFrame::NoFrame);
    m_resultsView->setUniformItemSizes(true);
    m_resultsView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_resultsView->verticalScrollBar()->setSingleStep(24);
    m_resultsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resultsView->setMouseTracking(true);
    m_resultsView->setAttribute(Qt::WA_Hover);
    m_resultsView->installEventFilter(this);
    m_resultsStack->addWidget(m_resultsView);
    m_noResults = addTextPage(QStringLiteral("noResultsWidget"), &PeoplePanel::buildNoResults);
    layout->addWidget(m_resultsStack, 1);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(0); // coalesce what arrives in one event-loop turn (a paste, key repeat)
    connect(m_searchTimer, &QTimer::timeout, this, &PeoplePanel::runSearch);
    connect(m_searchLineEdit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    // A new query is understood again, even if the last one was searched as typed.
    connect(m_searchLineEdit, &QLineEdit::textChanged, this, [this] { m_literal = false; });
    connect(m_availableButton, &QToolButton::toggled, m_searchTimer, qOverload<>(&QTimer::start));
    for (FilterButton *button : {m_departmentFilter, m_locationFilter})
        connect(button, &FilterButton::selectionChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_resultsModel, &ResultsModel::resultsReplaced, this, &PeoplePanel::onResultsReplaced);
    m_selectionTimer = new QTimer(this);
    m_selectionTimer->setSingleShot(true);
    m_selectionTimer->setInterval(60); // holding Down does not load every profile on the way
    connect(m_selectionTimer, &QTimer::timeout, this, &PeoplePanel::onCurrentResultChanged);
    // Who is selected is known at once (results that come in meanwhile keep them); the pane follows.
    connect(m_resultsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (const SearchResult *r = ResultsModel::result(current))
                    m_selectedId = r->id;
                m_selectionTimer->start();
            });
    connect(m_resultsView, &QListView::activated, this, [this](const QModelIndex &index) {
        if (const SearchResult *r = ResultsModel::result(index))
            openResult(r->username);
    });

    // Made after the search column, so Tab goes from the results to the profile.
    m_profilePane = new ProfilePane(m_backend->images(), this);
    m_profilePane->hide(); // until the window places it
    connect(m_profilePane, &ProfilePane::profileRequested, this, &PeoplePanel::showPerson);
    connect(m_profilePane, &ProfilePane::messageRequested, this, &PeoplePanel::conversationRequested);
    connect(m_profilePane, &ProfilePane::editRequested, this, &PeoplePanel::editProfileRequested);
    connect(m_profilePane, &ProfilePane::saveContactRequested, this, [this] { saveContact(m_profilePane->profile()); });
    connect(m_profilePane, &ProfilePane::orgChartRequested, this, &PeoplePanel::orgChartRequested);
    connect(m_profilePane, &ProfilePane::statusMenuRequested, this, &PeoplePanel::statusMenuRequested);
    connect(m_backend, &ClientBackend::directoryChanged, this, &PeoplePanel::onDirectoryChanged);
    connect(m_backend, &ClientBackend::statusesChanged, this, &PeoplePanel::onStatusesChanged);
    // The people on screen are the ones whose status changes sync should bring at once.
    connect(m_resultsModel, &ResultsModel::resultsReplaced, this, &PeoplePanel::peopleShownChanged);
    connect(m_resultsView->verticalScrollBar(), &QScrollBar::valueChanged, this, &PeoplePanel::peopleShownChanged);
    connect(this, &PeoplePanel::personShown, this, &PeoplePanel::peopleShownChanged);
    // A minute hand for the local times in the list.
    auto *clock = new QTimer(this);
    clock->setInterval(30 * 1000);
    connect(clock, &QTimer::timeout, m_resultsView->viewport(), qOverload<>(&QWidget::update));
    clock->start();
    m_backend->search()->prepare();
}

QWidget *PeoplePanel::buildSearchBar()
{
    auto *top = new QWidget(this);
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
    filters->addWidget(m_departmentFilter);
    filters->addWidget(m_locationFilter);
    filters->addWidget(m_clearFiltersButton);
    m_skillMapButton = new QToolButton(top);
    m_skillMapButton->setObjectName(QStringLiteral("skillMapButton"));
    m_skillMapButton->setText(tr("Skill map"));
    m_skillMapButton->setToolTip(tr("Where the people found are, by location and department"));
    m_skillMapButton->setCheckable(true);
    m_skillMapButton->setAutoRaise(true);
    filters->addWidget(m_skillMapButton);
    m_availableButton = new QToolButton(top);
    m_availableButton->setObjectName(QStringLiteral("availableFirstButton"));
    m_availableButton->setText(tr("Available now first"));
    m_availableButton->setToolTip(availableToolTip());
    m_availableButton->setCheckable(true);
    m_availableButton->setAutoRaise(true);
    filters->addWidget(m_availableButton);
    filters->addStretch();
    m_countLabel = plainLabel(top, QStringLiteral("resultCountLabel"));
    m_countLabel->setForegroundRole(QPalette::PlaceholderText);
    filters->addWidget(m_countLabel);
    topLayout->addLayout(filters);
    // One question to the best few of what was found.
    m_askButton = new QPushButton(tr("Ask These People…"), top);
    m_askButton->setObjectName(QStringLiteral("askPeopleButton"));
    m_askButton->setToolTip(
        tr("Send one question to the best matches at once; everyone sees every answer, and you mark the one that "
           "solved it"));
    m_askButton->setAutoDefault(false);
    m_askButton->hide();
    connect(m_askButton, &QPushButton::clicked, this, &PeoplePanel::askThesePeople);
    m_skillMap = new SkillMapWidget(top);
    m_skillMap->hide();
    topLayout->addWidget(m_skillMap);
    connect(m_skillMapButton, &QToolButton::toggled, this, [this](bool on) {
        m_skillMap->setVisible(on);
        runSearch();
    });
    // A bar of the map picks that value as the facet filter.
    connect(m_skillMap, &SkillMapWidget::locationClicked, this,
            [this](const QString &value) { m_locationFilter->setSelection({value}); });
    connect(m_skillMap, &SkillMapWidget::departmentClicked, this,
            [this](const QString &value) { m_departmentFilter->setSelection({value}); });
    m_correctionLabel = plainLabel(top, QStringLiteral("correctionLabel"));
    m_correctionLabel->setWordWrap(true);
    QFont italic = m_correctionLabel->font();
    italic.setItalic(true);
    m_correctionLabel->setFont(italic);
    m_correctionLabel->hide();
    topLayout->addWidget(m_correctionLabel);

    // How the query was understood (the whole width: a long reading wraps, and a label beside
    // another widget was given too few lines), with one click to search the words as typed
    // instead, beside the question to the people found.
    m_understoodLabel = plainLabel(top, QStringLiteral("understoodLabel"));
    m_understoodLabel->setWordWrap(true);
    m_understoodLabel->setForegroundRole(QPalette::PlaceholderText);
    m_understoodLabel->hide();
    topLayout->addWidget(m_understoodLabel);
    m_literalButton = new LinkButton(tr("Search exactly as typed"), top);
    m_literalButton->setObjectName(QStringLiteral("searchLiterallyButton"));
    m_literalButton->hide();
    connect(m_literalButton, &LinkButton::clicked, this, [this] {
        m_literal = !m_literal;
        runSearch();
    });
    // Under the reading, what can be done with it: search as typed, or ask the people found.
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_literalButton, 0, Qt::AlignVCenter);
    actions->addStretch();
    actions->addWidget(m_askButton);
    topLayout->addLayout(actions);
    setTabOrder(m_literalButton, m_askButton);
    m_partialLabel = plainLabel(top, QStringLiteral("partialMatchLabel"));
    m_partialLabel->setWordWrap(true);
    m_partialLabel->hide();
    topLayout->addWidget(m_partialLabel);
    return top;
}

QWidget *PeoplePanel::addTextPage(const QString &objectName,
                                  void (PeoplePanel::*build)(QWidget *page, QVBoxLayout *column))
{
    auto *page = new QWidget(m_resultsStack);
    page->setObjectName(objectName);
    auto *column = new QVBoxLayout(page);
    column->setContentsMargins(Theme::SpaceXXL, Theme::SpaceXXL + 8, Theme::SpaceXXL, Theme::SpaceXXL);
    column->setSpacing(Theme::SpaceM);
    (this->*build)(page, column);
    // The text pages scroll rather than being cut in a small window or at 200%, and their
    // word-wrapped labels are not measured again each time a result count changes.
    page->setBackgroundRole(QPalette::Base);
    page->setAutoFillBackground(true);
    auto *scroll = new QScrollArea(m_resultsStack);
    scroll->setObjectName(page->objectName() + QStringLiteral("ScrollArea"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setBackgroundRole(QPalette::Base);
    scroll->setWidget(page);
    m_resultsStack->addWidget(scroll);
    return scroll;
}

void PeoplePanel::buildEmptyState(QWidget *page, QVBoxLayout *outer)
{
    QLabel *title =
        headingLabel(tr("Find the colleague who knows"), page, 1.35, QStringLiteral("emptyStateTitleLabel"));
    title->setWordWrap(true);
    outer->addWidget(title);
    outer->addWidget(hintLabel(tr("Type a skill, a name, a team or a place. Results appear as you type, "
                                  "and typos are forgiven."),
                               page, QStringLiteral("emptyStateIntroLabel")));
    outer->addSpacing(Theme::SpaceL);

    outer->addWidget(captionLabel(tr("Try"), page));
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

    outer->addWidget(captionLabel(tr("Filters you can type"), page));
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(Theme::SpaceXL);
    grid->setVerticalSpacing(Theme::SpaceS + 2);
    const std::pair<QString, QString> syntax[] = {
        {QStringLiteral("skill:NAME"), tr("has the skill (skill:python, skill:\"machine learning\")")},
        {QStringLiteral("level>=N"), tr("a matching skill at level N or above (1 to 5)")},
        {QStringLiteral("dept:NAME"), tr("works in the department (dept:sales)")},
        {QStringLiteral("location:NAME"), tr("works in the place (location:\"são paulo\")")},
        {QStringLiteral("team:USERNAME"), tr("works under that person, at any level (team:grace)")},
        {QStringLiteral("reports:USERNAME"), tr("reports to that person directly (reports:grace)")},
    };
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    int row = 0;
    for (const auto &[code, meaning] : syntax) {
        QLabel *codeLabel = plainLabel(code, page);
        codeLabel->setFont(mono);
        codeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(codeLabel, row, 0, Qt::AlignTop);
        QLabel *meaningLabel = plainLabel(meaning, page);
        meaningLabel->setWordWrap(true);
        grid->addWidget(meaningLabel, row, 1);
        ++row;
    }
    grid->setColumnStretch(1, 1);
    outer->addLayout(grid);
    outer->addSpacing(Theme::SpaceL);
    outer->addWidget(hintLabel(tr("↑ ↓ move through results · Enter opens a profile · Ctrl+Enter writes a message · "
                                  "Ctrl+K comes back here"),
                               page, QStringLiteral("emptyStateKeysLabel")));
    outer->addStretch();
}

void PeoplePanel::buildNoResults(QWidget *page, QVBoxLayout *layout)
{
    m_noResultsLabel = headingLabel(QString(), page, 1.2, QStringLiteral("noResultsLabel"));
    m_noResultsLabel->setWordWrap(true);
    layout->addWidget(m_noResultsLabel);
    m_noResultsTips = hintLabel(tr("• Check the spelling, or type only the start of a word\n"
                                   "• Use fewer words: every word has to match\n"
                                   "• Search for a skill or a team rather than a job title\n"
                                   "• Remove a filter such as level>=4 or location:"),
                                page, QStringLiteral("noResultsTipsLabel"));
    layout->addWidget(m_noResultsTips);
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
}

void PeoplePanel::showPerson(const QString &username)
{
    const std::optional<Profile> profile = m_backend->profileByUsername(username);
    if (!profile) {
        Q_EMIT statusMessage(tr("%1 is not in the directory (any more).").arg(username), 5000);
        return;
    }
    const std::optional<Profile> manager = m_backend->profileByUsername(profile->manager);
    m_profilePane->setProfile(*profile, manager, m_backend->directReports(profile->username),
                              profile->username == m_backend->me());
    showPersonStatus();
    Q_EMIT personShown();
}

void PeoplePanel::showPersonStatus()
{
    if (!m_profilePane->hasProfile())
        return;
    const Status status = m_backend->status(m_profilePane->profile().username);
    const QString standIn = status.outOfOffice ? status.outOfOffice->standIn : QString();
    m_profilePane->setPersonStatus(status, standIn.isEmpty() ? QString() : m_backend->displayName(standIn));
}

QStringList PeoplePanel::peopleShown() const
{
    QStringList people;
    if (m_resultsStack->currentWidget() == m_resultsView) {
        // The rows on screen (and a few around them, for scrolling).
        const QRect area = m_resultsView->viewport()->rect();
        const QModelIndex top = m_resultsView->indexAt(area.topLeft());
        const int first = top.isValid() ? top.row() : 0;
        const int rowHeight = std::max(1, m_resultsView->sizeHintForRow(0));
        const int last = std::min(m_resultsModel->rowCount() - 1, first + area.height() / rowHeight + 2);
        for (int row = std::max(0, first - 2); row <= last; ++row) {
            if (const SearchResult *r = m_resultsModel->result(row))
                people.append(r->username);
        }
    }
    if (m_profilePane->hasProfile() && !m_profilePane->isHidden())
        people.append(m_profilePane->profile().username);
    return people;
}

void PeoplePanel::onStatusesChanged(const QStringList &usernames)
{
    if (m_profilePane->hasProfile() && (usernames.isEmpty() || usernames.contains(m_profilePane->profile().username)))
        showPersonStatus();
    // "Available now first" orders by status: a change may reorder the results.
    const SearchRequest &request = m_resultsModel->request();
    if (hasQuery()
        && (request.preferAvailable || request.query.contains(QLatin1String("available:"), Qt::CaseInsensitive)))
        m_resultsModel->refresh();
}

void PeoplePanel::saveContact(const Profile &profile)
{
    if (profile.username.isEmpty())
        return;
    // Read now: the person may change while the dialog is open, the card is of what was shown.
    const QByteArray card = m_backend->contactCard(profile);
    const QString name = profile.displayName.isEmpty() ? profile.username : profile.displayName;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    auto *dialog = new QFileDialog(this, tr("Save Contact"), QDir(folder).filePath(vCardFileName(profile)),
                                   tr("Contact cards (*.vcf)"));
    dialog->setObjectName(QStringLiteral("saveContactDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("vcf"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, card, name](const QString &fileName) {
        QSaveFile file(fileName);
        if (file.open(QIODevice::WriteOnly) && file.write(card) == card.size() && file.commit()) {
            Q_EMIT statusMessage(tr("Saved %1's contact to %2").arg(name, QDir::toNativeSeparators(fileName)), 8000);
            return;
        }
        auto *box = new QMessageBox(
            QMessageBox::Warning, tr("Save Contact"),
            tr("The contact could not be saved to %1: %2").arg(QDir::toNativeSeparators(fileName), file.errorString()),
            QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("saveContactErrorBox"));
        box->setTextFormat(Qt::PlainText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    dialog->open();
}

QString PeoplePanel::understoodText(const SearchPage &page)
{
    // In the vocabulary's spelling where it knows the term ("Kubernetes", not "kubernetes").
    const QStringList parts = page.understood.describe(UnderstoodQuery::Detail::Names);
    if (parts.isEmpty())
        return {};
    return tr("%1 \u2014 from \u201c%2\u201d").arg(parts.join(QStringLiteral(" \u00b7 ")), page.query.trimmed());
}

QString PeoplePanel::availableToolTip()
{
    return tr("People who are online and neither on do-not-disturb nor out of office come first; "
              "everyone else still follows");
}

void PeoplePanel::showAvailableAsked(const SearchPage &page)
{
    // What the query asks for beyond the button (the request carries the button's own state).
    const bool asked = page.understood.availableFirst && !m_resultsModel->request().preferAvailable;
    if (asked == m_availableAsked)
        return;
    const QSignalBlocker blocker(m_availableButton);
    if (asked)
        m_availableOwn = m_availableButton->isChecked();
    m_availableAsked = asked;
    m_availableButton->setChecked(asked || m_availableOwn);
    m_availableButton->setEnabled(!asked);
    m_availableButton->setToolTip(asked ? tr("Your search asks for the people available now first; without "
                                             "those words, this button decides again")
                                        : availableToolTip());
}

void PeoplePanel::showUnderstanding(const SearchPage &page)
{
    showAvailableAsked(page);
    const QString understood = m_literal ? QString() : understoodText(page);
    if (m_literal) {
        m_understoodLabel->setText(tr("Searched exactly as typed."));
        m_literalButton->setText(tr("Understand my words"));
    } else {
        m_understoodLabel->setText(understood);
        m_literalButton->setText(tr("Search exactly as typed"));
    }
    const bool show = m_literal || !understood.isEmpty();
    m_understoodLabel->setVisible(show);
    m_literalButton->setVisible(show);

    if (page.partial && page.total > 0) {
        m_partialLabel->setText(page.understood.partialText(UnderstoodQuery::Detail::Names));
        m_partialLabel->show();
    } else {
        m_partialLabel->hide();
    }
}

QString PeoplePanel::selectedUsername() const
{
    if (const SearchResult *r = m_resultsModel->result(m_resultsView->currentIndex().row()))
        return r->username;
    // The pane is hidden while another page is on the right.
    if (m_profilePane->hasProfile() && !m_profilePane->isHidden())
        return m_profilePane->profile().username;
    return {};
}

void PeoplePanel::search(const QString &query)
{
    m_searchLineEdit->setText(query);
    m_searchLineEdit->setFocus(Qt::OtherFocusReason);
}

void PeoplePanel::focusSearch(Qt::FocusReason reason)
{
    m_searchLineEdit->setFocus(reason);
    m_searchLineEdit->selectAll();
}

bool PeoplePanel::hasQuery() const
{
    return !m_searchLineEdit->text().trimmed().isEmpty() || !m_departmentFilter->selection().isEmpty()
        || !m_locationFilter->selection().isEmpty();
}

void PeoplePanel::runSearch()
{
    SearchRequest request;
    request.query = m_searchLineEdit->text();
    request.departments = m_departmentFilter->selection();
    request.locations = m_locationFilter->selection();
    request.literal = m_literal;
    request.preferAvailable = m_availableAsked ? m_availableOwn : m_availableButton->isChecked();
    request.skillMapRows = m_skillMapButton->isChecked() ? 6 : 0;
    const bool filtered = !request.departments.isEmpty() || !request.locations.isEmpty();
    m_clearFiltersButton->setVisible(filtered);
    if (request.query.trimmed().isEmpty() && !filtered) {
        // Before typing: tips, not the whole directory. The person who was about to be shown
        // (the selection follows with a delay) is no longer there.
        m_selectionTimer->stop();
        m_shownSearch.clear();
        m_resultsStack->setCurrentWidget(m_emptyState);
        m_correctionLabel->hide();
        m_countLabel->clear();
        showUnderstanding({});
    }
    m_resultsModel->setRequest(request);
}

void PeoplePanel::onResultsReplaced()
{
    const SearchPage &page = m_resultsModel->summary();
    const QString key = searchKey(m_resultsModel->request());
    const bool sameSearch = key == m_shownSearch;
    m_shownSearch = key;
    if (m_skillMapButton->isChecked())
        m_skillMap->setSkillMap(page.skillMap);
    const bool filtered = !m_departmentFilter->selection().isEmpty() || !m_locationFilter->selection().isEmpty();
    const bool typed = !m_resultsModel->request().query.trimmed().isEmpty();
    m_departmentFilter->setFacets(page.departments);
    m_locationFilter->setFacets(page.locations);
    m_askButton->setVisible((typed || filtered) && page.total > 0 && !m_backend->me().isEmpty());
    // Before typing, or a question typed on the way to what it asks ("who can help"): the tips.
    const bool onlyAsking = page.understood.onlyAsking;
    if ((!typed && !filtered) || onlyAsking) {
        m_resultsStack->setCurrentWidget(m_emptyState);
        if (onlyAsking)
            m_countLabel->clear();
        else
            m_countLabel->setText(tr("%n people in the directory", nullptr, page.total));
        m_correctionLabel->hide();
        showUnderstanding({});
        return;
    }
    showUnderstanding(page);
    m_countLabel->setText(tr("%n people", nullptr, page.total));
    if (!page.correctedQuery.isEmpty()) {
        m_correctionLabel->setText(tr("Showing results for %1").arg(page.correctedQuery));
        m_correctionLabel->show();
    } else if (!page.error.isEmpty()) {
        // The engine's sentences are the command line's too ("colleagues search: your profile …");
        // here one stands alone, so it starts as a sentence does.
        QString sentence = page.error;
        sentence[0] = sentence[0].toUpper();
        m_correctionLabel->setText(sentence);
        m_correctionLabel->show();
    } else {
        m_correctionLabel->hide();
    }
    if (page.total == 0) {
        // A question about people rather than words ("who is out of office", "grace's team"):
        // the tips about words do not apply.
        const UnderstoodQuery &u = page.understood;
        const bool aboutWords = !typed || !u.terms.isEmpty();
        if (typed && !aboutWords && u.outOfOffice.value_or(false))
            m_noResultsLabel->setText(tr("No one is out of office now"));
        else
            m_noResultsLabel->setText(typed ? tr("No one matches “%1”").arg(m_resultsModel->request().query.trimmed())
                                            : tr("No one matches these filters"));
        m_noResultsTips->setVisible(aboutWords);
        m_resultsStack->setCurrentWidget(m_noResults);
        return;
    }
    m_resultsStack->setCurrentWidget(m_resultsView);
    // The same search again (the directory changed, a sync came in): keep the person who was
    // selected. Another search: its best match, at the top, so Enter opens it — not the person
    // picked before, scrolled to far down the new list.
    int row = 0;
    for (int i = 0; sameSearch && i < m_resultsModel->rowCount(); ++i) {
        if (m_resultsModel->result(i)->id == m_selectedId) {
            row = i;
            break;
        }
    }
    // The profile pane follows (through the selection timer), so it shows who is selected.
    m_resultsView->setCurrentIndex(m_resultsModel->index(row));
    m_resultsView->scrollTo(m_resultsModel->index(row));
}

void PeoplePanel::askThesePeople()
{
    QStringList ranked;
    for (int row = 0; row < m_resultsModel->rowCount(); ++row)
        ranked.append(m_resultsModel->result(row)->username);
    if (!ranked.isEmpty())
        Q_EMIT askRequested(ranked, m_resultsModel->request().query.trimmed());
}

void PeoplePanel::onCurrentResultChanged()
{
    const SearchResult *result = ResultsModel::result(m_resultsView->currentIndex());
    if (!result)
        return;
    m_selectedId = result->id;
    // Only while the page is on screen. Typing on usually keeps the same person on top: no
    // need to rebuild the pane.
    if (isVisibleTo(window()) && (m_profilePane->profile().id != result->id || m_profilePane->isHidden()))
        showPerson(result->username);
}

void PeoplePanel::openResult(const QString &username)
{
    showPerson(username);
    m_profilePane->focusMessageButton();
}

void PeoplePanel::onDirectoryChanged(const QStringList &ids)
{
    // Results and the open profile follow the directory; the query runs again off the GUI thread.
    if (hasQuery())
        m_resultsModel->refresh();
    if (m_profilePane->hasProfile() && (ids.isEmpty() || ids.contains(m_profilePane->profile().id)))
        showPerson(m_profilePane->profile().username);
}

bool PeoplePanel::eventFilter(QObject *watched, QEvent *event)
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
                    if (key->modifiers() & Qt::ControlModifier)
                        Q_EMIT conversationRequested(r->username);
                    else {
                        m_selectionTimer->stop();
                        openResult(r->username);
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
    return QWidget::eventFilter(watched, event);
}

} // namespace Colleagues
