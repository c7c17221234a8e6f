// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QString>

#include <array>
#include <atomic>
#include <functional>

namespace Colleagues::Server {

//! The server's Prometheus metrics: requests by route, method and status, a latency histogram
//! by route, waiting long-polls, open connections, sign-in failures and database errors.
//! Shared by every HTTP thread; every member is thread-safe.
class Metrics
{
public:
    static constexpr std::array<double, 15> Buckets {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                     0.5,   1.0,    2.5,   5.0,  10.0,  30.0, 60.0};

    void recordRequest(const QString &route, const QByteArray &method, int status, double seconds);
    void addWaitingLongPolls(int delta) { m_waitingLongPolls.fetch_add(delta, std::memory_order_relaxed); }
    void addOpenConnections(int delta) { m_openConnections.fetch_add(delta, std::memory_order_relaxed); }
    void countSignInFailure() { m_signInFailures.fetch_add(1, std::memory_order_relaxed); }
    void countThrottledSignIn() { m_throttledSignIns.fetch_add(1, std::memory_order_relaxed); }
    //! Every held long-poll was woken: whom changes concern could not be known (nor read).
    void countWakeAll() { m_wakeAlls.fetch_add(1, std::memory_order_relaxed); }
    //! A long-poll hub read whom changes concern from the database (their hints did not come in time).
    void countAudienceRead() { m_audienceReads.fetch_add(1, std::memory_order_relaxed); }
    //! A held long-poll's page was made from the statuses in memory, without a database read.
    void countPageFromMemory() { m_pagesFromMemory.fetch_add(1, std::memory_order_relaxed); }
    //! A change waited \a seconds in a long-poll hub, from when it was first seen until every
    //! change before it was known and its own audience too (a gap in the sequence, a late hint).
    void recordSequenceWait(double seconds);
    //! A job was queued for the worker pool (\a delta 1) or started (-1).
    void addQueuedJobs(int delta) { m_queuedJobs.fetch_add(delta, std::memory_order_relaxed); }
    //! A worker job started \a seconds after it was queued.
    void recordQueueWait(double seconds)
    {
        m_startedJobs.fetch_add(1, std::memory_order_relaxed);
        m_queueWaitMicroseconds.fetch_add(quint64(seconds * 1e6), std::memory_order_relaxed);
    }
    //! Bytes of answer bodies written, as sent (compressed when they were).
    void addBodyBytes(qint64 bytes) { m_bodyBytes.fetch_add(quint64(bytes), std::memory_order_relaxed); }

    //! People this instance sees connected (online or away) now.
    void setPresenceConnected(int count) { m_presenceConnected.store(count, std::memory_order_relaxed); }
    //! Status changes written by presence and the sweeper (online, away, offline, expiries).
    void addPresenceTransitions(int count)
    {
        m_presenceTransitions.fetch_add(quint64(count), std::memory_order_relaxed);
    }

    int waitingLongPolls() const { return m_waitingLongPolls.load(std::memory_order_relaxed); }

    //! Appends more metric families (e.g. the guard's) to exposition(); set it before serving.
    void setExtraSource(std::function<QByteArray()> source) { m_extra = std::move(source); }

    //! The text exposition format (version 0.0.4).
    QByteArray exposition() const;
    static QByteArray contentType() { return QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"); }

private:
    struct Histogram
    {
        std::array<quint64, Buckets.size()> buckets {};
        quint64 count = 0;
        double sum = 0;

        void add(double seconds);
        //! Appends the bucket, sum and count lines of the histogram \a name, with \a labels
        //! (`route="…"`, or empty) on every line.
        void append(QByteArray &out, const QByteArray &name, const QByteArray &labels) const;
    };

    mutable QMutex m_mutex; // guards the two maps and m_sequenceWait
    QMap<QString, quint64> m_requests; // key: route \t method \t status
    QMap<QString, Histogram> m_latency; // key: route
    Histogram m_sequenceWait;
    std::atomic<int> m_waitingLongPolls {0};
    std::atomic<int> m_openConnections {0};
    std::atomic<quint64> m_signInFailures {0};
    std::atomic<quint64> m_throttledSignIns {0};
    std::atomic<quint64> m_bodyBytes {0};
    std::atomic<quint64> m_wakeAlls {0};
    std::atomic<quint64> m_audienceReads {0};
    std::atomic<quint64> m_pagesFromMemory {0};
    std::atomic<int> m_presenceConnected {0};
    std::atomic<int> m_queuedJobs {0};
    std::atomic<quint64> m_startedJobs {0};
    std::atomic<quint64> m_queueWaitMicroseconds {0};
    std::atomic<quint64> m_presenceTransitions {0};
    std::function<QByteArray()> m_extra;
};

} // namespace Colleagues::Server
