// SPDX-License-Identifier: MIT
#pragma once

#include "core/Conversation.h"
#include "core/Expected.h"
#include "core/Message.h"
#include "core/Profile.h"
#include "core/Status.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace Colleagues {

//! One answer of GET /api/v1/sync, decoded and validated: what changed after a cursor.
struct SyncBatch
{
    bool startOver = false; //!< the cursor is too old: throw local directory state away and resync
    QList<Profile> profiles; //!< upserted profiles
    QStringList removedIds; //!< ids of removed profiles
    //! The caller's group conversations that changed, each as it is now (before their messages).
    QList<Conversation> conversations;
    QList<Message> messages; //!< new messages and read receipts (messages with read_at set)
    QList<Status> statuses; //!< people's statuses that changed, each as it is now
    qint64 next = 0; //!< cursor to ask from next time
    bool hasMore = false; //!< more pages wait after next
    qint64 total = -1; //!< profiles in the directory, when the server says; -1 otherwise
    QString vocabularyVersion; //!< the version of the server's vocabulary; empty if it did not say

    bool isEmpty() const
    {
        return profiles.isEmpty() && removedIds.isEmpty() && messages.isEmpty() && statuses.isEmpty()
            && conversations.isEmpty();
    }

    //! Parses and validates a sync answer. Any invalid element fails the whole batch: the
    //! cursor must not move past data we could not store.
    static Expected<SyncBatch> fromJson(const QByteArray &body);
};

} // namespace Colleagues
