// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/SyncTypes.h"
#include "ui/widgets/RowListModel.h"

namespace Colleagues {

class ClientBackend;

//! The conversations, most recent first, with the last message and the unread count: an
//! adapter over the client's conversation list, reloaded when messages change.
class ConversationsModel : public RowListModel<ChatSummary>
{
    Q_OBJECT

public:
    enum Role {
        PeerRole = Qt::UserRole + 1,
        NameRole,
        LastMessageRole,
        LastActivityRole,
        UnreadRole,
        StateRole, //!< MessageRecord::State of the last message, as int
        OutgoingRole, //!< the last message was sent by me
    };
    Q_ENUM(Role)

    explicit ConversationsModel(ClientBackend *backend, QObject *parent = nullptr);

    void reload();
    //! The conversation on screen: shown as read whatever the store says.
    void setActivePeer(const QString &peer);
    int rowOf(const QString &peer) const;
    int totalUnread() const;
    //! The other person of each conversation, most recent first.
    QStringList peers() const;

    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void totalUnreadChanged(int unread);

protected:
    QVariant rowData(const ChatSummary &c, const QModelIndex &index, int role) const override;

private:
    int unread(const ChatSummary &conversation) const;

    ClientBackend *m_backend;
    QString m_activePeer;
    int m_lastTotal = -1;
};

} // namespace Colleagues
