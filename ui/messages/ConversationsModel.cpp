// SPDX-License-Identifier: MIT
#include "ui/messages/ConversationsModel.h"

#include "client/sync/SyncClient.h"
#include "ui/ClientBackend.h"
#include "ui/widgets/StatusText.h"

namespace Colleagues {

ConversationsModel::ConversationsModel(ClientBackend *backend, QObject *parent)
    : RowListModel(parent)
    , m_backend(backend)
{
    connect(m_backend, &ClientBackend::conversationsChanged, this, &ConversationsModel::reload);
    connect(m_backend, &ClientBackend::directoryChanged, this, [this] { allRowsChanged({Qt::DisplayRole, NameRole}); });
    // The dots and status lines of the list.
    connect(m_backend, &ClientBackend::statusesChanged, this, [this] { allRowsChanged({Qt::AccessibleTextRole}); });
    reload();
}

void ConversationsModel::reload()
{
    QList<ChatSummary> rows = m_backend->me().isEmpty() ? QList<ChatSummary>() : m_backend->sync()->conversations();
    rows.removeIf([this](const ChatSummary &c) { return !accepts(c); });
    std::stable_sort(rows.begin(), rows.end(),
                     [](const ChatSummary &a, const ChatSummary &b) { return a.lastActivity > b.lastActivity; });
    bool samePeers = rows.size() == m_rows.size();
    for (qsizetype i = 0; samePeers && i < rows.size(); ++i)
        samePeers = rows.at(i).peer == m_rows.at(i).peer;
    if (samePeers) {
        m_rows = rows;
        allRowsChanged();
    } else {
        // The order changed: a layout change keeps the selection on the same conversation.
        Q_EMIT layoutAboutToBeChanged();
        const QModelIndexList before = persistentIndexList();
        QStringList peers;
        for (const QModelIndex &i : before)
            peers.append(m_rows.at(i.row()).peer);
        m_rows = rows;
        QModelIndexList after;
        for (const QString &peer : std::as_const(peers)) {
            const int row = rowOf(peer);
            after.append(row >= 0 ? index(row) : QModelIndex());
        }
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged();
    }
    const int total = totalUnread();
    if (total != m_lastTotal) {
        m_lastTotal = total;
        Q_EMIT totalUnreadChanged(total);
    }
}

void ConversationsModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

bool ConversationsModel::accepts(const ChatSummary &c) const
{
    if (m_filter == Filter::All)
        return true;
    if (!c.group || !c.group->isQuestion() || c.group->conversation.isResolved())
        return false;
    const QString me = m_backend->me();
    if (m_filter == Filter::AskedByMe)
        return c.group->asker() == me;
    return c.group->asker() != me && c.group->conversation.isCurrentMember(me);
}

QString ConversationsModel::summary(const GroupChat &group) const
{
    if (!group.isQuestion())
        return tr("Group · %n people", nullptr, int(group.conversation.currentMembers().size()));
    if (group.hasLeft(m_backend->me()))
        return tr("Question · you left");
    return group.conversation.isResolved() ? tr("Question · answered") : tr("Question · open");
}

void ConversationsModel::setActivePeer(const QString &peer)
{
    if (peer == m_activePeer)
        return;
    const QString previous = m_activePeer;
    m_activePeer = peer;
    for (const QString &p : {previous, peer}) {
        const int row = rowOf(p);
        if (row >= 0)
            Q_EMIT dataChanged(index(row), index(row), {UnreadRole});
    }
    const int total = totalUnread();
    if (total != m_lastTotal) {
        m_lastTotal = total;
        Q_EMIT totalUnreadChanged(total);
    }
}

int ConversationsModel::rowOf(const QString &peer) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).peer == peer)
            return int(i);
    }
    return -1;
}

int ConversationsModel::unread(const ChatSummary &conversation) const
{
    return conversation.peer == m_activePeer ? 0 : conversation.unreadCount;
}

int ConversationsModel::totalUnread() const
{
    int total = 0;
    for (const ChatSummary &c : m_rows)
        total += unread(c);
    return total;
}

QStringList ConversationsModel::peers() const
{
    QStringList out;
    out.reserve(m_rows.size());
    for (const ChatSummary &c : m_rows)
        out.append(c.peer);
    return out;
}

QVariant ConversationsModel::rowData(const ChatSummary &c, const QModelIndex &, int role) const
{
    const QString me = m_backend->me();
    const QString name = c.group ? c.group->conversation.title : m_backend->displayName(c.peer);
    const bool outgoing = c.group ? c.lastMessage.message.sender == me : c.lastMessage.message.sender != c.peer;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return name;
    case Qt::AccessibleTextRole: {
        const int n = unread(c);
        QString text = name + QStringLiteral(", ")
            + (c.group ? summary(*c.group) : StatusText::description(m_backend->status(c.peer)));
        if (n > 0)
            text += QStringLiteral(", ") + tr("%n unread", nullptr, n);
        return text + QStringLiteral(", ") + c.lastMessage.message.body.left(80);
    }
    case PeerRole: return c.peer;
    case LastMessageRole: return c.lastMessage.message.body;
    case LastActivityRole: return c.lastActivity;
    case UnreadRole: return unread(c);
    case StateRole: return int(c.lastMessage.state);
    case OutgoingRole: return outgoing;
    case GroupRole: return c.group.has_value();
    case QuestionRole: return c.group && c.group->isQuestion();
    case ResolvedRole: return c.group && c.group->conversation.isResolved();
    case AskedByMeRole: return c.group && c.group->isQuestion() && c.group->asker() == me;
    case LeftRole: return c.group && c.group->hasLeft(me);
    case MembersRole: return c.group ? c.group->conversation.currentMembers() : QStringList();
    case SummaryRole: return c.group ? summary(*c.group) : QString();
    case LastSenderRole:
        return c.group && !outgoing && !c.lastMessage.message.sender.isEmpty()
            ? m_backend->displayName(c.lastMessage.message.sender)
            : QString();
    default: return {};
    }
}

QHash<int, QByteArray> ConversationsModel::roleNames() const
{
    return withRoleNames<Role>(RowListModel::roleNames());
}

} // namespace Colleagues
