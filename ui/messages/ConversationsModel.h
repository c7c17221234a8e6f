// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/SyncTypes.h"
#include "ui/widgets/RowListModel.h"

namespace Colleagues {

class ClientBackend;

//! The conversations, most recent first, with the last message and the unread count: chats with
//! one person and group conversations (questions and groups), whose key (PeerRole) is their id.
//! An adapter over the client's conversation list, reloaded when messages change; it can show
//! only the open questions one asked, or those asked of one.
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
        GroupRole, //!< a group conversation (a question or a group)
        QuestionRole, //!< a question asked of a few people
        ResolvedRole, //!< a question whose answer was marked
        AskedByMeRole, //!< a question I asked
        LeftRole, //!< I left it ("not me")
        MembersRole, //!< QStringList: usernames of those in it now (groups)
        SummaryRole, //!< a group's kind and state in words: "Question · open"; empty for a person
        LastSenderRole, //!< the display name of whoever wrote the last message, in a group; else empty
    };

    //! Which conversations are listed.
    enum class Filter {
        All,
        AskedByMe, //!< open questions I asked
        AskedOfMe, //!< open questions asked of me (I am in them and have not left)
    };
    Q_ENUM(Role)

    explicit ConversationsModel(ClientBackend *backend, QObject *parent = nullptr);

    void reload();
    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
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
    bool accepts(const ChatSummary &conversation) const;
    QString summary(const GroupChat &group) const;

    ClientBackend *m_backend;
    QString m_activePeer;
    int m_lastTotal = -1;
    Filter m_filter = Filter::All;
};

} // namespace Colleagues
