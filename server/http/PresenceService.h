// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

namespace Colleagues::Server {

class ApiShared;
class Metrics;
class Storage;
struct StatusChange;

/*!
 * Presence (docs/api.md "Status"): which people this instance sees connected (a held sync, or
 * a request in the last offline-after seconds) and whether their user is there (a sync's
 * presence=active|idle). The HTTP threads tell it what they see (thread-safe, in memory); it
 * writes the transitions to online and away coalesced, in one transaction every FlushMs, and
 * refreshes each connected person's seen_at now and then. Its sweeper turns offline whoever
 * no instance saw for offline-after (seen_at, shared by every instance on one database), and
 * applies until expiry and out-of-office windows. Each change wakes only the held syncs of
 * the person and of those watching them (ApiShared::hint with statusAudience()).
 *
 * Lives in its own thread: start() and stop() are called there.
 */
class PresenceService : public QObject
{
    Q_OBJECT

public:
    static constexpr int FlushMs = 250;

    PresenceService(Storage *storage, ApiShared *shared, Metrics *metrics, std::chrono::seconds offlineAfter,
                    QObject *parent = nullptr);
    ~PresenceService() override;

    //! Any authenticated request of \a username.
    void touch(const QString &username);
    //! A sync of \a username said its user is \a idle (or active).
    void reportSync(const QString &username, bool idle);
    //! A sync of \a username is held (a long-poll) / no longer held.
    void holdStarted(const QString &username, bool idle);
    void holdEnded(const QString &username, bool idle);
    //! Whether this instance sees \a username connected now.
    bool isConnected(const QString &username) const;

    std::chrono::milliseconds sweepInterval() const { return m_sweepInterval; }

public Q_SLOTS:
    //! Starts the flush and sweep timers (in this object's thread).
    void start();
    //! Writes what is pending and stops the timers.
    void stop();

private:
    struct Person
    {
        int heldActive = 0;
        int heldIdle = 0;
        qint64 lastSeen = 0; //!< ms since the epoch
        bool idle = false; //!< what its last sync said
        std::optional<Presence> written; //!< what this instance last wrote (nullopt: nothing yet)
        qint64 writtenSeen = 0;
    };

    void flush();
    void sweep();
    void wake(const QList<StatusChange> &changes);
    std::optional<Presence> presenceLocked(const Person &person, qint64 now) const;
    Person &personLocked(const QString &username);

    Storage *m_storage;
    ApiShared *m_shared;
    Metrics *m_metrics;
    const qint64 m_offlineAfterMs;
    const qint64 m_refreshMs; //!< how often a connected person's seen_at is written
    const std::chrono::milliseconds m_sweepInterval;

    mutable QMutex m_mutex; // guards m_people
    QHash<QString, Person> m_people;

    QTimer *m_flushTimer = nullptr;
    QTimer *m_sweepTimer = nullptr;
};

} // namespace Colleagues::Server
