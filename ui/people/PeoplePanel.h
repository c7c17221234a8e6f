// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedWidget;
class QTimer;
class QToolButton;
class QVBoxLayout;

namespace Colleagues {

class ClientBackend;
class FilterButton;
class LinkButton;
class ProfilePane;
class ResultsModel;
struct Profile;
class SkillMapWidget;
struct SearchPage;

/*!
 * The People page: the search field (results as you type), the department and location
 * filters, the results list with its tips and no-results pages, and the profile of the person
 * selected. The panel is the middle column; its profilePane() is for the window to place on the
 * right. Keyboard first: Up/Down/Enter in the search field move through the results and open one.
 */
class PeoplePanel : public QWidget
{
    Q_OBJECT

public:
    explicit PeoplePanel(ClientBackend *backend, QWidget *parent = nullptr);

    //! The profile of the person shown, for the window to place beside the panel.
    ProfilePane *profilePane() const { return m_profilePane; }
    //! Shows \a username's profile in the pane, then emits personShown(); or says they are gone.
    void showPerson(const QString &username);
    //! Asks where to save \a profile as a contact card (.vcf) and writes it there.
    void saveContact(const Profile &profile);
    //! The person a "message" command means: the selected result, else the profile on screen.
    QString selectedUsername() const;
    //! Puts the cursor in the search field with its text selected.
    void focusSearch(Qt::FocusReason reason);
    //! Searches for \a query as if it had been typed (the org chart's "and N more").
    void search(const QString &query);
    //! The people on this page now: the result rows on screen and the profile shown.
    QStringList peopleShown() const;
    //! The line under the search field that says how \a page's query was read ("Kubernetes ·
    //! not Terraform · in Berlin — from “…”"); empty when it was read as its words.
    static QString understoodText(const SearchPage &page);

Q_SIGNALS:
    //! The pane shows a person: the window brings the page and the pane to the front.
    void personShown();
    void conversationRequested(const QString &username);
    void editProfileRequested();
    void orgChartRequested(const QString &username);
    //! The own status menu, from one's own profile.
    void statusMenuRequested(const QPoint &globalPos);
    //! A short message for the status bar.
    void statusMessage(const QString &text, int timeoutMs);
    //! peopleShown() may have changed.
    void peopleShownChanged();
    //! "Ask these people…": a question to the best of \a ranked (usernames of the results, best
    //! first) of the search \a query.
    void askRequested(const QStringList &ranked, const QString &query);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildSearchBar();
    void buildEmptyState(QWidget *page, QVBoxLayout *column);
    void buildNoResults(QWidget *page, QVBoxLayout *column);
    //! A page of text in the results stack, named \a objectName, that \a build fills: it scrolls.
    QWidget *addTextPage(const QString &objectName, void (PeoplePanel::*build)(QWidget *page, QVBoxLayout *column));
    bool hasQuery() const;
    void runSearch();
    //! The understood-query line and the partial-match line for \a page (empty: hidden).
    void showUnderstanding(const SearchPage &page);
    //! "Available now first" for \a page: on and not to be turned off while the query asks for it.
    void showAvailableAsked(const SearchPage &page);
    static QString availableToolTip();
    void onResultsReplaced();
    void onCurrentResultChanged();
    void openResult(const QString &username);
    void onDirectoryChanged(const QStringList &ids);
    void onStatusesChanged(const QStringList &usernames);
    void showPersonStatus();
    void askThesePeople();

    ClientBackend *m_backend;
    ResultsModel *m_resultsModel;
    ProfilePane *m_profilePane = nullptr;
    QLineEdit *m_searchLineEdit = nullptr;
    FilterButton *m_departmentFilter = nullptr;
    FilterButton *m_locationFilter = nullptr;
    QPushButton *m_clearFiltersButton = nullptr;
    QLabel *m_countLabel = nullptr;
    QToolButton *m_skillMapButton = nullptr;
    QToolButton *m_availableButton = nullptr; //!< people available now first
    //! The query asks for the available first itself ("designers available now", available:yes):
    //! m_availableButton shows it, and m_availableOwn is what the user had chosen.
    bool m_availableAsked = false;
    bool m_availableOwn = false;
    QPushButton *m_askButton = nullptr; //!< "Ask these people…", while there are results
    SkillMapWidget *m_skillMap = nullptr;
    QLabel *m_correctionLabel = nullptr;
    QLabel *m_understoodLabel = nullptr; //!< how the query was read: "Kubernetes · in Berlin · experts first"
    LinkButton *m_literalButton = nullptr; //!< search the words as typed, or understood again
    QLabel *m_partialLabel = nullptr; //!< "No one matches all of: …; closest matches"
    bool m_literal = false; //!< the current query is searched as typed (until it changes)
    QStackedWidget *m_resultsStack = nullptr;
    QWidget *m_emptyState = nullptr; //!< the page of the results stack (a scroll area)
    QWidget *m_noResults = nullptr;
    QLabel *m_noResultsLabel = nullptr;
    QLabel *m_noResultsTips = nullptr;
    QListView *m_resultsView = nullptr;
    QTimer *m_searchTimer = nullptr;
    QTimer *m_selectionTimer = nullptr;
    QString m_selectedId;
    QString m_shownSearch; //!< what the results on show were searched for (searchKey())
};

} // namespace Colleagues
