// SPDX-License-Identifier: MIT
#include "server/http/PresenceService.h"

#include "server/http/ApiShared.h"
#include "server/http/Metrics.h"
#include "server/storage/Storage.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcPresence, "colleagues.server.presence", QtInfoMsg)

namespace Colleagues::Server {

namespace {

//! Reports per transaction: each commit's NOTIFY names the people it changed, and must stay
//! under PostgreSQL's 8000-byte payload limit.
constexpr qsizetype BatchSize = 200;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

PresenceService::PresenceService(Storage *storage, ApiShared *shared, Metrics *metrics,
                                 std::chrono::seconds offlineAfter, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_shared(shared)
    , m_metrics(metrics)
    , m_offlineAfterMs(std::chrono::milliseconds(offlineAfter).count())
    // Often enough that another instance's sweeper never finds a connected person stale.
    , m_refreshMs(std::clamp<qint64>(m_offlineAfterMs / 4, FlushMs, 30000))
    , m_sweepInterval(std::clamp<qint64>(m_offlineAfterMs / 4, FlushMs, 5000))
{ }

PresenceService::~PresenceService() = default;

PresenceService::Person &PresenceService::personLocked(const QString &username)
{
    return m_people[username];
}

void PresenceService::touch(const QString &username)
{
    const QMutexLocker locker(&m_mutex);
    personLocked(username).lastSeen = nowMs();
}

void PresenceService::reportSync(const QString &username, bool idle)
{
    const QMutexLocker locker(&m_mutex);
    Person &p = personLocked(username);
    p.lastSeen = nowMs();
    p.idle = idle;
}

void PresenceService::holdStarted(const QString &username, bool idle)
{
    const QMutexLocker locker(&m_mutex);
    Person &p = personLocked(username);
    ++(idle ? p.heldIdle : p.heldActive);
    p.lastSeen = nowMs();
}

void PresenceService::holdEnded(const QString &username, bool idle)
{
    const QMutexLocker locker(&m_mutex);
    Person &p = personLocked(username);
    int &held = idle ? p.heldIdle : p.heldActive;
    held = qMax(0, held - 1);
    p.lastSeen = nowMs();
}

std::optional<Presence> PresenceService::presenceLocked(const Person &p, qint64 now) const
{
    if (p.heldActive > 0)
        return Presence::Online;
    if (p.heldIdle > 0)
        return Presence::Away;
    if (now - p.lastSeen < m_offlineAfterMs)
        return p.idle ? Presence::Away : Presence::Online;
    return std::nullopt;
}

bool PresenceService::isConnected(const QString &username) const
{
    const QMutexLocker locker(&m_mutex);
    const auto it = m_people.constFind(username);
    return it != m_people.cend() && presenceLocked(*it, nowMs()).has_value();
}

void PresenceService::start()
{
    m_flushTimer = new QTimer(this);
    m_flushTimer->setInterval(FlushMs);
    connect(m_flushTimer, &QTimer::timeout, this, &PresenceService::flush);
    m_flushTimer->start();
    m_sweepTimer = new QTimer(this);
    m_sweepTimer->setInterval(m_sweepInterval);
    connect(m_sweepTimer, &QTimer::timeout, this, &PresenceService::sweep);
    m_sweepTimer->start();
}

void PresenceService::stop()
{
    // The timers go here, in their thread; this object may be destroyed in another one.
    delete m_flushTimer;
    m_flushTimer = nullptr;
    delete m_sweepTimer;
    m_sweepTimer = nullptr;
    flush();
}

void PresenceService::flush()
{
    const qint64 now = nowMs();
    QList<PresenceReport> reports;
    int connected = 0;
    {
        const QMutexLocker locker(&m_mutex);
        for (auto it = m_people.begin(); it != m_people.end();) {
            Person &p = *it;
            const std::optional<Presence> presence = presenceLocked(p, now);
            // While a sync is held the person is seen right now.
            const qint64 seen = p.heldActive + p.heldIdle > 0 ? now : p.lastSeen;
            if (!presence) {
                // Gone from here: the last moment seen goes out once; the sweeper (of any
                // instance) turns the person offline when no instance saw them since.
                if (seen > p.writtenSeen && p.written)
                    reports.append(
                        PresenceReport {it.key(), std::nullopt, QDateTime::fromMSecsSinceEpoch(seen, Qt::UTC)});
                it = m_people.erase(it);
                continue;
            }
            ++connected;
            if (p.written != presence) {
                reports.append(PresenceReport {it.key(), presence, QDateTime::fromMSecsSinceEpoch(seen, Qt::UTC)});
                p.written = presence;
                p.writtenSeen = seen;
            } else if (seen - p.writtenSeen >= m_refreshMs) {
                reports.append(PresenceReport {it.key(), std::nullopt, QDateTime::fromMSecsSinceEpoch(seen, Qt::UTC)});
                p.writtenSeen = seen;
            }
            ++it;
        }
    }
    m_metrics->setPresenceConnected(connected);
    for (qsizetype i = 0; i < reports.size(); i += BatchSize) {
        const QList<PresenceReport> batch = reports.mid(i, BatchSize);
        const Expected<QList<StatusChange>> changes = m_storage->reportPresence(batch);
        if (!changes) {
            qCWarning(lcPresence).noquote() << "cannot record presence:" << changes.error().message;
            // Written again at the next flush.
            const QMutexLocker locker(&m_mutex);
            for (const PresenceReport &report : batch) {
                auto it = m_people.find(report.username);
                if (it != m_people.end()) {
                    it->written.reset();
                    it->writtenSeen = 0;
                }
            }
            continue;
        }
        wake(changes.value());
    }
}

void PresenceService::sweep()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Expected<QList<StatusChange>> changes = m_storage->sweepStatuses(
        now, now.addMSecs(-m_offlineAfterMs), [this](const QString &username) { return isConnected(username); });
    if (!changes) {
        qCWarning(lcPresence).noquote() << "cannot sweep statuses:" << changes.error().message;
        return;
    }
    wake(changes.value());
}

void PresenceService::wake(const QList<StatusChange> &changes)
{
    if (changes.isEmpty())
        return;
    m_metrics->addPresenceTransitions(int(changes.size()));
    for (const StatusChange &change : changes)
        m_shared->hint(change.sequence, {statusAudience(change.username)});
}

} // namespace Colleagues::Server
