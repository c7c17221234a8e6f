// SPDX-License-Identifier: MIT
#include "ui/messages/ChatModel.h"

#include "client/sync/SyncClient.h"
#include "ui/ClientBackend.h"

namespace Colleagues {

ChatModel::ChatModel(ClientBackend *backend, QObject *parent)
    : RowListModel(parent)
    , m_backend(backend)
{
    connect(m_backend, &ClientBackend::messagesChanged, this, [this](const QString &peer) {
        if (peer == m_peer)
            reload();
    });
    // Members' read marks and the answer change the rows' read state and the marked answer.
    connect(m_backend, &ClientBackend::groupChanged, this, [this](const QString &id) {
        if (id != m_peer)
            return;
        reloadGroup();
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {ReadRole, AnswerRole});
    });
}

void ChatModel::reloadGroup()
{
    m_group = m_peer.isEmpty() ? std::nullopt : m_backend->groupChat(m_peer);
}

bool ChatModel::isOutgoing(const MessageRecord &record) const
{
    return m_group ? record.message.sender == m_backend->me() : record.message.sender != m_peer;
}

void ChatModel::setPeer(const QString &peer)
{
    if (peer == m_peer)
        return;
    beginResetModel();
    m_peer = peer;
    reloadGroup();
    m_rows = load();
    endResetModel();
}

QList<MessageRecord> ChatModel::load() const
{
    QList<MessageRecord> rows = m_peer.isEmpty() ? QList<MessageRecord>() : m_backend->sync()->messages(m_peer);
    // In the order the server committed them (its time, then its id); those still waiting
    // to go out last, in the order they were written.
    std::stable_sort(rows.begin(), rows.end(), [](const MessageRecord &a, const MessageRecord &b) {
        const bool aSent = a.message.id != 0, bSent = b.message.id != 0;
        if (aSent != bSent)
            return aSent;
        if (!aSent)
            return a.localId < b.localId;
        if (a.message.sentAt != b.message.sentAt)
            return a.message.sentAt < b.message.sentAt;
        return a.message.id < b.message.id;
    });
    return rows;
}

void ChatModel::reload()
{
    const QList<MessageRecord> rows = load();
    // Usually the old rows are a prefix of the new ones (new messages at the end): update
    // those in place and insert the rest, so the view keeps its position and selection.
    bool prefix = rows.size() >= m_rows.size();
    for (qsizetype i = 0; prefix && i < m_rows.size(); ++i)
        prefix = rows.at(i).localId == m_rows.at(i).localId;
    if (!prefix) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    const int old = int(m_rows.size());
    for (int i = 0; i < old; ++i) {
        if (!(rows.at(i).message == m_rows.at(i).message) || rows.at(i).state != m_rows.at(i).state
            || rows.at(i).error != m_rows.at(i).error) {
            m_rows[i] = rows.at(i);
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
    if (rows.size() > old) {
        beginInsertRows({}, old, int(rows.size()) - 1);
        m_rows.append(rows.mid(old));
        endInsertRows();
    }
}

const MessageRecord *ChatModel::record(int row) const
{
    return rowAt(row);
}

QDateTime ChatModel::timeOf(const MessageRecord &record) const
{
    return record.message.sentAt.isValid() ? record.message.sentAt.toLocalTime() : QDateTime();
}

QVariant ChatModel::rowData(const MessageRecord &r, const QModelIndex &index, int role) const
{
    const bool outgoing = isOutgoing(r);
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole: return r.message.body;
    case Qt::AccessibleTextRole: {
        const QString who = outgoing ? tr("You") : m_backend->displayName(r.message.sender);
        const QString text = tr("%1: %2").arg(who, r.message.body);
        return data(index, AnswerRole).toBool() ? tr("%1 (marked as the answer)").arg(text) : text;
    }
    case SenderNameRole: return m_group && !outgoing ? m_backend->displayName(r.message.sender) : QString();
    case AnswerRole: return m_group && r.message.id != 0 && r.message.id == m_group->answerId();
    case MessageIdRole: return r.message.id;
    case SenderRole: return r.message.sender;
    case OutgoingRole: return outgoing;
    case TimeRole: return timeOf(r);
    case StateRole: return int(r.state);
    case ReadRole: {
        if (!m_group)
            return r.message.readAt.isValid();
        // In a group: read once everyone else in it now has read it.
        if (r.message.id == 0)
            return false;
        bool anyone = false;
        for (const ConversationMember &m : m_group->conversation.members) {
            if (!m.isCurrent() || m.username == r.message.sender)
                continue;
            anyone = true;
            if (m.readUpTo < r.message.id)
                return false;
        }
        return anyone;
    }
    case ErrorRole: return r.error;
    case ClientIdRole: return r.message.clientId;
    case DayBreakRole: {
        const QDateTime t = timeOf(r);
        if (index.row() == 0)
            return true;
        const QDateTime previous = timeOf(m_rows.at(index.row() - 1));
        // Pending messages have no server time yet: they belong to today.
        const QDate day = t.isValid() ? t.date() : QDate::currentDate();
        const QDate previousDay = previous.isValid() ? previous.date() : QDate::currentDate();
        return day != previousDay;
    }
    default: return {};
    }
}

QHash<int, QByteArray> ChatModel::roleNames() const
{
    return withRoleNames<Role>(RowListModel::roleNames());
}

} // namespace Colleagues
