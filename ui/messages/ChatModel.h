// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/SyncTypes.h"

#include <QAbstractListModel>

namespace Colleagues {

class ClientBackend;

//! The messages of one conversation, oldest first, with each one's delivery state: an adapter
//! over the client's messages, updated in place when they change and appended when new.
class ChatModel : public QAbstractListModel
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

    explicit ChatModel(ClientBackend *backend, QObject *parent = nullptr);

    void setPeer(const QString &peer);
    QString peer() const { return m_peer; }
    void reload();
    const MessageRecord *record(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QDateTime timeOf(const MessageRecord &record) const;
    QList<MessageRecord> load() const;

    ClientBackend *m_backend;
    QString m_peer;
    QList<MessageRecord> m_rows;
};

} // namespace Colleagues
