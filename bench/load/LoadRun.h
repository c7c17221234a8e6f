// SPDX-License-Identifier: MIT
#pragma once

#include "bench/load/EventLoop.h"
#include "bench/load/HttpConnection.h"
#include "bench/load/SyncPageScan.h"

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QRandomGenerator>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace Colleagues::Load {

struct LoadOptions
{
    struct Server
    {
        sockaddr_in address {};
        QByteArray host; //!< Host header, "127.0.0.1:8080"
        qint64 pid = 0; //!< for RSS and CPU; 0: not sampled
        std::optional<sockaddr_in> metrics; //!< serve --metrics-listen, for held long-polls
    };
    std::vector<Server> servers; //!< client i talks to servers[i % size]
    QString accountsFile; //!< "username,password" lines
    QString tokensFile; //!< "username,token" lines kept between runs; empty: none
    int clients = 500;
    int durationSeconds = 300;
    double messageRate = 100; //!< messages a second, all clients together
    double presenceRate = 0; //!< status changes a second (0: none)
    double statusPutShare = 0.2; //!< of the changes, made by PUT /api/v1/me/status
    int watch = 10; //!< random people each client watches, besides its partners
    int partners = 3; //!< people each client writes to (and watches)
    int pollTimeoutSeconds = 25; //!< as the app's SyncEngine
    //! Sync requests say Accept-Encoding: gzip, as the app's do (Qt's network access asks for it).
    bool acceptGzip = true;
    int niceValue = 0; //!< what the load tool runs at (reported)
    int signInParallel = 8; //!< per server; the server lets ten password checks run per address
    double connectRate = 1000; //!< new long-poll connections a second during the ramp
    int connectInFlight = 200; //!< connections being set up at once during the ramp
    int poolConnections = 512; //!< per server at most, for short requests
    quint32 seed = 1;
    //! Members of one group conversation among the connected clients (0: none), created after the
    //! ramp, to which random members send groupRate messages a second during the run.
    int groupSize = 0;
    double groupRate = 2;
    double targetDeliveryP99Ms = 200;
    double targetGroupDeliveryP99Ms = 300; //!< a group message delivered to every member
    double targetPresenceP99Ms = 1000;
    qint64 targetRssMiB = 1024;
};

/*!
 * The simulated clients and the measurement: signs every client in (or reuses its token),
 * fetches the directory once, opens every client's long-poll (paced), then sends messages and
 * makes status changes at the given rates for the duration and reports what arrived, how fast,
 * what failed, and what the server and the machine used meanwhile.
 */
class LoadRun
{
public:
    explicit LoadRun(LoadOptions options);
    ~LoadRun();

    //! Runs everything and prints the figures; the exit status (0: every target met).
    int run();

private:
    struct Person;
    struct Change;
    struct Sent;
    struct GroupSent;
    struct Sample;
    //! Called once a send is settled: acknowledged (after \a ackMs) or given up.
    using Settled = std::function<void(bool acked, double ackMs)>;

    bool readAccounts();
    void readTokens();
    void appendToken(const Person &person);
    void chooseRelations();
    bool signIn();
    void signInOne(int index, const std::function<void()> &done);
    bool touchAll();
    bool fullSync();
    void probeStatuses();
    void ramp();
    void measure();
    int report();

    void poll(int index);
    void onPolled(int index, const HttpAnswer &answer);
    void onStatusSeen(int watcher, const SyncPageScan::StatusSeen &status, double atMs);
    void sendMessage(int from, int to);
    void submitSend(int from, const QByteArray &key, const QByteArray &body, int attempt, Settled settled);
    // The group conversation (GroupFanOut.cpp).
    bool createGroup();
    void sendToGroup();
    void onGroupMessageSeen(int member, const QByteArray &clientId, double atMs);
    bool groupDrained() const;
    //! Prints the group's figures; returns how many of its messages went wrong.
    int reportGroup();
    bool changeStatus(int index);
    //! A change of \a index starts: its watchers who poll now should see it (an earlier change
    //! they have not seen is forgotten).
    void expectWatchers(int index);
    //! Nobody will see \a index's change (it was refused).
    void forgetWatchers(int index);
    void togglePresence(int index);
    void putStatus(int index);
    void sample();
    void scrapeMetrics(int server);
    void repeat(double intervalMs, std::function<bool()> tick);

    QByteArray syncTarget(const Person &person) const;
    QList<QPair<QByteArray, QByteArray>> syncHeaders() const;
    void countError(const QByteArray &what, const HttpAnswer &answer);
    int errorTotal() const;

    LoadOptions m_options;
    EventLoop m_loop;
    QRandomGenerator m_random;
    std::vector<std::unique_ptr<RequestPool>> m_pools; // per server
    std::vector<std::unique_ptr<HttpConnection>> m_metricsConnections; // per server
    std::vector<Person> m_people;
    QHash<QByteArray, int> m_byName;
    std::vector<std::vector<int>> m_watchers; // by person: who watches them
    std::vector<Change> m_changes; // by person: their latest status change
    QHash<QByteArray, Sent> m_messages; // by Idempotency-Key
    QByteArray m_groupId; //!< the group conversation; empty: none
    std::vector<int> m_groupMembers; // the creator first
    QHash<QByteArray, GroupSent> m_groupMessages; // by Idempotency-Key
    double m_groupCreateMs = 0;
    bool m_statuses = false; //!< the server serves statuses (GET /api/v1/me/status)
    qint64 m_startCursor = 0;

    // Figures.
    bool m_measuring = false; //!< errors count towards "no error" from the ramp on
    QMap<QByteArray, int> m_errors; // "poll: 503", "send: connection refused", ...
    QMap<QByteArray, int> m_setupErrors; // sign-in, token check and first sync
    std::vector<double> m_sendLatency;
    std::vector<double> m_deliveryLatency; //!< up to the kernel's arrival time stamp
    std::vector<double> m_deliveryReadLatency; //!< up to when the load tool read it
    std::vector<double> m_presenceLatency;
    std::vector<double> m_groupSendLatency;
    std::vector<double> m_groupMemberLatency; // send -> each member's long-poll
    std::vector<double> m_groupAllLatency; // send -> the last member's long-poll
    int m_groupDuplicates = 0;
    int m_groupSendsGivenUp = 0;
    int m_duplicates = 0;
    int m_sendsGivenUp = 0;
    int m_changesMade = 0;
    int m_presenceToggles = 0;
    int m_statusPuts = 0;
    int m_changesSkipped = 0;
    qint64 m_watchExpected = 0;
    qint64 m_pages = 0;
    qint64 m_pageBytes = 0; //!< as they came
    qint64 m_pageBytesDecoded = 0;
    qint64 m_statusesReceived = 0;
    int m_statusSerial = 0;
    int m_signedInNow = 0;
    int m_tokensReused = 0;
    double m_signInSeconds = 0;
    double m_touchSeconds = 0;
    double m_fullSyncSeconds = 0;
    int m_fullSyncProfiles = 0;
    qint64 m_fullSyncBytes = 0;
    double m_rampSeconds = 0;
    int m_heldAfterRamp = -1;
    double m_measureStartMs = 0;
    double m_measureSeconds = 0;
    std::vector<Sample> m_samples;
    std::vector<int> m_held; // latest colleagues_sync_longpolls_waiting per server
    std::vector<int> m_queued; // latest colleagues_worker_jobs_queued per server
    //! Counters of a server's metrics, the latest scraped.
    struct ServerCounters
    {
        double wakeAlls = -1; // colleagues_sync_longpoll_wake_all_total
        double audienceReads = -1; // colleagues_sync_longpoll_audience_reads_total
        double pagesFromMemory = -1; // colleagues_sync_longpoll_pages_from_memory_total
        double syncAnswers = -1; // 200 answers of GET /api/v1/sync
        double workerJobs = -1; // colleagues_worker_jobs_started_total
        double workerWaitSeconds = -1; // colleagues_worker_queue_wait_seconds_total
        //! colleagues_sync_longpoll_sequence_wait_seconds: (le, cumulative count), +Inf last
        std::vector<std::pair<double, double>> sequenceWaits;
    };
    std::vector<ServerCounters> m_counters; // per server
    std::vector<ServerCounters> m_countersAtStart; // the same when the run began
    std::vector<QMap<QByteArray, int>> m_guardRejections; // latest colleagues_http_guard_rejections_total by reason
    std::vector<double> m_cpuAtStart; // per server, seconds
    double m_ownCpuAtStart = 0;
};

} // namespace Colleagues::Load
