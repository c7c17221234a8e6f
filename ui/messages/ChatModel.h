// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/SyncTypes.h"
#include "ui/widgets/RowListModel.h"

namespace Colleagues {

class ClientBackend;

//! The messages of one conversation, oldest first, with each one's delivery state: an adapter
//! over the client's messages, updated in place when they change and appended when new. The
//! conversation is a chat with one person, or a group conversation (its key is its id): there
//! each message says who wrote it, and which one the asker marked as the answer.
class ChatModel : public RowListModel<MessageRecord>
{
    Q_OBJECT

public:
    enum Role {
        BodyRole = Qt::UserRole + 1,
        SenderRole,
        OutgoingRole,
        TimeRole, //!< sent-at, or the time it was queued while pending (local time)
        StateRole, //!< MessageRecord::State as int
        ReadRole, //!< the recipient read it
        ErrorRole, //!< why it failed
        DayBreakRole, //!< the first message of its day: a heading goes above it
        ClientIdRole,
        SenderNameRole, //!< in a group conversation, who wrote an incoming message; else empty
        AnswerRole, //!< the message the asker marked as the answer to the question
        MessageIdRole, //!< the server's id (0 while pending)
    };
    Q_ENUM(Role)

    explicit ChatModel(ClientBackend *backend, QObject *parent = nullptr);

    void setPeer(const QString &peer);
    QString peer() const { return m_peer; }
    void reload();
    const MessageRecord *record(int row) const;
    //! The group conversation on screen; nullopt for a chat with one person.
    const std::optional<GroupChat> &group() const { return m_group; }

    QHash<int, QByteArray> roleNames() const override;

protected:
    QVariant rowData(const MessageRecord &r, const QModelIndex &index, int role) const override;

private:
    QDateTime timeOf(const MessageRecord &record) const;
    QList<MessageRecord> load() const;
    void reloadGroup();
    bool isOutgoing(const MessageRecord &record) const;

    ClientBackend *m_backend;
    QString m_peer;
    std::optional<GroupChat> m_group;
};

} // namespace Colleagues
