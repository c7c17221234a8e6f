// SPDX-License-Identifier: MIT
#include "ui/people/PersonPicker.h"

#include "ui/ClientBackend.h"
#include "ui/people/ResultDelegate.h"
#include "ui/people/ResultsModel.h"
#include "ui/widgets/Theme.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QVBoxLayout>

namespace Colleagues {

namespace {
//! The results without the excluded people.
class ExcludingProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setExcluded(const QStringList &usernames)
    {
        m_excluded = usernames;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        return !m_excluded.contains(index.data(ResultsModel::UsernameRole).toString());
    }

private:
    QStringList m_excluded;
};
} // namespace

PersonPicker::PersonPicker(ClientBackend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_model(new ResultsModel(backend->search(), this))
    , m_proxy(new ExcludingProxy(this))
{
    setObjectName(QStringLiteral("personPicker"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::SpaceS);
    m_searchLineEdit = new QLineEdit(this);
    m_searchLineEdit->setObjectName(QStringLiteral("personSearchLineEdit"));
    m_searchLineEdit->setPlaceholderText(tr("Find a colleague: a name, a skill, a team…"));
    m_searchLineEdit->setAccessibleName(tr("Find a colleague"));
    m_searchLineEdit->setClearButtonEnabled(true);
    m_searchLineEdit->installEventFilter(this);
    layout->addWidget(m_searchLineEdit);

    m_proxy->setSourceModel(m_model);
    m_listView = new QListView(this);
    m_listView->setObjectName(QStringLiteral("personListView"));
    m_listView->setAccessibleName(tr("People found"));
    m_listView->setModel(m_proxy);
    auto *delegate = new ResultDelegate(backend->images(), m_listView);
    delegate->setStatuses([backend](const QString &username) { return backend->status(username); }, backend,
                          &ClientBackend::statusesChanged);
    m_listView->setItemDelegate(delegate);
    m_listView->setUniformItemSizes(true);
    m_listView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listView->setMinimumHeight(220);
    layout->addWidget(m_listView, 1);

    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setInterval(0); // a paste or key repeat is one search
    connect(timer, &QTimer::timeout, this, &PersonPicker::runSearch);
    connect(m_searchLineEdit, &QLineEdit::textChanged, timer, qOverload<>(&QTimer::start));
    connect(m_listView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { Q_EMIT selectedChanged(selectedUsername()); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { Q_EMIT selectedChanged(selectedUsername()); });
    connect(m_listView, &QListView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT activated(index.data(ResultsModel::UsernameRole).toString()); });
}

void PersonPicker::setExcluded(const QStringList &usernames)
{
    m_excluded = usernames;
    static_cast<ExcludingProxy *>(m_proxy)->setExcluded(usernames);
}

void PersonPicker::setQuery(const QString &query)
{
    m_searchLineEdit->setText(query);
    runSearch();
}

QString PersonPicker::selectedUsername() const
{
    return m_listView->currentIndex().data(ResultsModel::UsernameRole).toString();
}

void PersonPicker::focusSearch()
{
    m_searchLineEdit->setFocus(Qt::OtherFocusReason);
}

void PersonPicker::runSearch()
{
    // Without words, everyone in name order: scrolling finds a person too.
    SearchRequest request;
    request.query = m_searchLineEdit->text().trimmed();
    m_model->setRequest(request);
}

bool PersonPicker::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down move through the people found; Enter picks the current one.
    if (watched == m_searchLineEdit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) && m_proxy->rowCount() > 0) {
            if (!m_listView->currentIndex().isValid())
                m_listView->setCurrentIndex(m_proxy->index(0, 0));
            else
                QApplication::sendEvent(m_listView, key);
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && m_listView->currentIndex().isValid()) {
            Q_EMIT activated(selectedUsername());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Colleagues
