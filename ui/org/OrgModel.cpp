// SPDX-License-Identifier: MIT
#include "ui/org/OrgModel.h"

#include "client/org/OrgChart.h"
#include "ui/widgets/RowListModel.h"

#include <QCoreApplication>

namespace Colleagues {

struct OrgModel::Node
{
    Kind kind = Kind::Report;
    qint64 person = -1;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;
    bool fetched = false; //!< children read (or none to read)
    bool expanded = false;
    int more = 0; //!< for More
    QString text; //!< for Problem
};

OrgModel::OrgModel(OrgChart *chart, QObject *parent)
    : QAbstractItemModel(parent)
    , m_chart(chart)
    , m_root(std::make_unique<Node>())
{
    m_root->fetched = true;
    connect(m_chart, &OrgChart::changed, this, [this] {
        if (!m_focus.isEmpty())
            rebuild();
    });
}

OrgModel::~OrgModel() = default;

bool OrgModel::setFocusPerson(const QString &username)
{
    if (m_chart->idOf(username) < 0)
        return false;
    m_focus = username;
    rebuild();
    return true;
}

QString OrgModel::focusPerson() const
{
    return m_focus;
}

QModelIndex OrgModel::focusIndex() const
{
    return m_focusNode ? indexOf(m_focusNode) : QModelIndex();
}

OrgModel::Node *OrgModel::addPerson(Node *parent, qint64 id, Kind kind)
{
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->person = id;
    node->parent = parent;
    node->row = int(parent->children.size());
    node->fetched = m_chart->headcount(id) == 0;
    parent->children.push_back(std::move(node));
    return parent->children.back().get();
}

void OrgModel::addReports(Node *node, qint64 mustShow)
{
    node->fetched = true;
    // Someone already above in this tree (a cycle) is not shown again below.
    std::vector<qint64> above;
    for (const Node *at = node; at && at->person >= 0; at = at->parent)
        above.push_back(at->person);
    const QList<qint64> reports = m_chart->directReports(node->person);
    int shown = 0;
    int hidden = 0;
    for (qint64 id : reports) {
        if (std::find(above.begin(), above.end(), id) != above.end())
            continue;
        if (shown < m_pageSize || id == mustShow) {
            Node *child =
                addPerson(node, id, id == mustShow ? Kind::Focus : (mustShow >= 0 ? Kind::Peer : Kind::Report));
            if (id == mustShow)
                m_focusNode = child;
            ++shown;
        } else {
            ++hidden;
        }
    }
    if (hidden > 0) {
        auto more = std::make_unique<Node>();
        more->kind = Kind::More;
        more->person = node->person;
        more->parent = node;
        more->row = int(node->children.size());
        more->fetched = true;
        more->more = hidden;
        node->children.push_back(std::move(more));
    }
}

void OrgModel::rebuild()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->fetched = true;
    m_focusNode = nullptr;
    const qint64 focus = m_chart->idOf(m_focus);
    if (focus >= 0) {
        QList<OrgProblem> problems;
        const QList<qint64> chain = m_chart->chain(focus, &problems);
        for (const OrgProblem &problem : std::as_const(problems)) {
            auto node = std::make_unique<Node>();
            node->kind = Kind::Problem;
            node->parent = m_root.get();
            node->row = int(m_root->children.size());
            node->fetched = true;
            node->text = problem.kind == OrgProblem::Kind::MissingManager
                ? tr("%1 reports to %2, who is not in the directory").arg(problem.usernames.value(0), problem.manager)
                : tr("Reporting cycle: %1")
                      .arg(problem.usernames.join(QStringLiteral(" → ")) + QStringLiteral(" → ")
                           + problem.usernames.value(0));
            m_root->children.push_back(std::move(node));
        }
        Node *at = m_root.get();
        for (qsizetype i = chain.size() - 1; i >= 1; --i) {
            at = addPerson(at, chain[i], Kind::Chain);
            at->fetched = true;
            at->expanded = true;
        }
        if (chain.isEmpty()) {
            m_focusNode = addPerson(at, focus, Kind::Focus);
        } else {
            at = addPerson(at, chain.first(), Kind::Chain);
            at->expanded = true;
            addReports(at, focus);
        }
        if (m_focusNode && !m_focusNode->fetched)
            addReports(m_focusNode, -1);
        if (m_focusNode)
            m_focusNode->expanded = true;
    }
    endResetModel();
}

void OrgModel::expandBelowFocus(int levels)
{
    std::vector<Node *> level {m_focusNode};
    for (int depth = 0; depth < levels && !level.empty(); ++depth) {
        std::vector<Node *> next;
        for (Node *node : level) {
            if (!node || node->person < 0 || node->kind == Kind::More)
                continue;
            const QModelIndex index = indexOf(node);
            loadReports(index);
            if (!node->children.empty())
                setData(index, true, ExpandedRole);
            for (const auto &child : node->children)
                next.push_back(child.get());
        }
        level.swap(next);
    }
}

OrgModel::Node *OrgModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex OrgModel::indexOf(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

QModelIndex OrgModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0 || (parent.isValid() && parent.model() != this))
        return {};
    const Node *node = nodeOf(parent);
    if (size_t(row) >= node->children.size())
        return {};
    return indexOf(node->children[size_t(row)].get());
}

QModelIndex OrgModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int OrgModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int OrgModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent);
    return 1;
}

bool OrgModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *node = nodeOf(parent);
    return !node->children.empty() || !node->fetched;
}

void OrgModel::loadReports(const QModelIndex &parent)
{
    if (!parent.isValid() || nodeOf(parent)->fetched)
        return;
    Node *node = nodeOf(parent);
    // Read into a stand-in first, so that the rows announced are the rows added.
    Node reading;
    reading.person = node->person;
    reading.parent = node->parent;
    addReports(&reading, -1);
    if (reading.children.empty()) {
        node->fetched = true;
        return;
    }
    // Fetched before the rows are announced: whoever listens may ask again meanwhile.
    node->fetched = true;
    beginInsertRows(parent, 0, int(reading.children.size()) - 1);
    node->children = std::move(reading.children);
    for (auto &child : node->children)
        child->parent = node;
    endInsertRows();
}

QVariant OrgModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const Node *node = nodeOf(index);
    const OrgPerson *person = node->kind == Kind::Problem ? nullptr : m_chart->person(node->person);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        if (node->kind == Kind::Problem)
            return node->text;
        if (node->kind == Kind::More)
            return tr("and %n more", nullptr, node->more);
        return person ? person->displayName : QString();
    case Qt::ToolTipRole:
        if (node->kind == Kind::More)
            return tr("Show everyone who reports to %1").arg(person ? person->displayName : QString());
        return {};
    case UsernameRole:
        return node->kind == Kind::Problem || node->kind == Kind::More || !person ? QString() : person->username;
    case TitleRole: return person && node->kind != Kind::More ? person->title : QString();
    case HeadcountRole:
        return node->kind == Kind::Problem || node->kind == Kind::More ? 0 : m_chart->headcount(node->person);
    case KindRole: return QVariant::fromValue(node->kind);
    case ExpandedRole: return node->expanded;
    case MoreCountRole: return node->more;
    case ManagerRole: return node->kind == Kind::More && person ? person->username : QString();
    default: return {};
    }
}

bool OrgModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.model() != this || role != ExpandedRole)
        return false;
    Node *node = nodeOf(index);
    if (node->kind == Kind::More || node->kind == Kind::Problem)
        return false;
    if (value.toBool())
        loadReports(index);
    if (node->expanded == value.toBool())
        return true;
    node->expanded = value.toBool();
    Q_EMIT dataChanged(index, index, {ExpandedRole});
    return true;
}

Qt::ItemFlags OrgModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return nodeOf(index)->kind == Kind::Problem ? Qt::ItemIsEnabled : Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QHash<int, QByteArray> OrgModel::roleNames() const
{
    return withRoleNames<Role>(QAbstractItemModel::roleNames());
}

} // namespace Colleagues
