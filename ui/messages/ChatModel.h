// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/SyncTypes.h"
#include "ui/widgets/RowListModel.h"

namespace Colleagues {

class ClientBackend;

//! The messages of one conversation, oldest first, with each one's delivery state: an adapter
//! over the client's messages, updated in place when they change and appended when new.
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
    };
    Q_ENUM(Role)

    explicit ChatModel(ClientBackend *backend, QObject *parent = nullptr);

    void setPeer(const QString &peer);
    QString peer() const { return m_peer; }
    void reload();
    const MessageRecord *record(int row) const;

    QHash<int, QByteArray> roleNames() const override;

protected:
    QVariant rowData(const MessageRecord &r, const QModelIndex &index, int role) const override;

private:
    QDateTime timeOf(const MessageRecord &record) const;
    QList<MessageRecord> load() const;

    ClientBackend *m_backend;
    QString m_peer;
};

} // namespace Colleagues
