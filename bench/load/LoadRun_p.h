// SPDX-License-Identifier: MIT
#pragma once

// Internal to colleagues-load: what LoadRun keeps of each client, change and message, shared by
// its source files.

#include "bench/load/LoadRun.h"

#include <QSet>

namespace Colleagues::Load {

struct LoadRun::Person
{
    QByteArray user;
    QByteArray password;
    QByteArray token;
    int server = 0;
    std::unique_ptr<HttpConnection> poll;
    qint64 cursor = 0;
    bool idle = false;
    bool ready = false; //!< signed in with a working token
    bool polling = false;
    bool failed = false;
    int signInAttempts = 0;
    std::vector<int> partners;
    std::vector<int> watching;
    std::vector<int> unseen; //!< people it watches whose latest change it has not seen yet
    QByteArray watchParam; //!< "a,b,c", percent-encoded
};

struct LoadRun::Change
{
    double atMs = 0;
    bool presence = true; //!< a presence toggle (else a PUT of the status text)
    QByteArray expect; //!< the presence ("online", "away") or the text watchers should see
    std::vector<int> waiting; //!< watchers who have not seen it yet
    bool inFlight = false; //!< the PUT is not answered yet
};

struct LoadRun::Sent
{
    double startMs = 0;
    int recipient = 0;
    bool acked = false;
    bool delivered = false;
    bool settled = false; //!< acknowledged or given up
};

struct LoadRun::Sample
{
    double atSeconds = 0;
    std::vector<qint64> rssKiB; // per server
    std::vector<int> held; // per server
    std::vector<int> queued; // per server: jobs waiting for a worker
    double load = 0;
    bool measuring = false;
};

struct LoadRun::GroupSent
{
    double startMs = 0;
    int sender = 0;
    int expected = 0; //!< members other than the sender polling when it was sent
    QSet<int> seenBy; //!< members whose long-poll brought it
    bool acked = false;
    bool settled = false; //!< acknowledged or given up
};

} // namespace Colleagues::Load
