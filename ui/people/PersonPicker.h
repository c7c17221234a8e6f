// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;

namespace Colleagues {

class ClientBackend;
class ResultsModel;

/*!
 * Finding one colleague by typing: a search field and the people it finds (the People page's
 * search, names, skills and filters alike), for the dialogs that ask for a person — suggesting
 * someone when saying "not me", adding someone to a question or a group. People in
 * setExcluded() (already members, oneself) are not offered.
 */
class PersonPicker : public QWidget
{
    Q_OBJECT

public:
    explicit PersonPicker(ClientBackend *backend, QWidget *parent = nullptr);

    void setExcluded(const QStringList &usernames);
    //! Searches for \a query as if it had been typed.
    void setQuery(const QString &query);
    //! The person picked (the current row); empty when none.
    QString selectedUsername() const;
    void focusSearch();

Q_SIGNALS:
    void selectedChanged(const QString &username);
    //! A person was chosen with Enter or a double click.
    void activated(const QString &username);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void runSearch();

    ClientBackend *m_backend;
    ResultsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_searchLineEdit;
    QListView *m_listView;
    QStringList m_excluded;
};

} // namespace Colleagues
