// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace Colleagues {

class OrgChart;

//! The org chart around one person as a tree, for the chart view and its export: the
//! management chain from the top down to the person's manager, the person among their peers,
//! and their direct reports. Anyone with reports can be expanded (ExpandedRole; their reports are
//! read from the OrgChart then); a team larger than pageSize() shows its first people and an "and N more" row.
//! Broken data (a missing manager, a cycle) shows as problem rows above the top.
class OrgModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class Kind { Chain, Focus, Peer, Report, More, Problem };
    Q_ENUM(Kind)
    enum Role {
        UsernameRole = Qt::UserRole + 1,
        TitleRole,
        HeadcountRole, //!< everyone under the person, every level
        KindRole, //!< Kind
        ExpandedRole, //!< bool, settable: shows the children
        MoreCountRole, //!< for More: how many are not shown
        ManagerRole, //!< for More: the manager's username (the list to open)
    };
    Q_ENUM(Role)

    explicit OrgModel(OrgChart *chart, QObject *parent = nullptr);
    ~OrgModel() override;

    //! Shows the chart around \a username (a reset); false when no one has that username.
    bool setFocusPerson(const QString &username);
    QString focusPerson() const;
    QModelIndex focusIndex() const;
    //! How many reports a team shows before "and N more" (default 50).
    void setPageSize(int size) { m_pageSize = qMax(1, size); }
    int pageSize() const { return m_pageSize; }
    //! Expands the focus person's reports \a levels levels deep (the command line's --depth).
    void expandBelowFocus(int levels);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node) const;
    Node *addPerson(Node *parent, qint64 id, Kind kind);
    //! Reads the reports of \a index's person when first expanded (rows inserted).
    void loadReports(const QModelIndex &index);
    void addReports(Node *node, qint64 mustShow);
    void rebuild();

    OrgChart *m_chart;
    std::unique_ptr<Node> m_root;
    QString m_focus;
    Node *m_focusNode = nullptr;
    int m_pageSize = 50;
};

} // namespace Colleagues
