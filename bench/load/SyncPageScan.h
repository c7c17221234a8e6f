// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <functional>
#include <optional>

namespace Colleagues::Load {

/*!
 * What the load tool needs from a sync page, read without building a QJsonDocument: at 10,000
 * clients pages come by the thousand a second, most of them full of statuses, and a DOM for
 * each would make the load tool the bottleneck of the measurement. The scanner walks the JSON
 * text once (strings, escapes, nesting) and hands out the members it is asked for, without
 * copying them (a million statuses a second must not mean millions of allocations).
 */
struct SyncPageScan
{
    struct MessageSeen
    {
        QByteArray clientId;
        QByteArray to; //!< empty for a message to a conversation
        QByteArray conversation; //!< the conversation's id; empty for a 1:1 message
    };
    struct StatusSeen
    {
        QByteArray username;
        QByteArray presence;
        QByteArray text;
    };

    qint64 next = -1;
    bool hasMore = false;
    bool startOver = false;
    bool hasStatuses = false; //!< the page has a "statuses" member (a server with statuses)
    int statusCount = 0;
    int profileCount = 0;

    //! Scans \a body; calls \a onMessage and \a onStatus per element (their strings may point
    //! into \a body: copy what must outlive the call). False if it is not a JSON object or its
    //! "next" is missing.
    bool scan(const QByteArray &body, const std::function<void(const MessageSeen &)> &onMessage,
              const std::function<void(const StatusSeen &)> &onStatus);
};

} // namespace Colleagues::Load
