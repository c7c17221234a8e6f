// SPDX-License-Identifier: MIT
#include "server/http/ApiShared.h"

#include "server/http/LongPollHub.h"
#include "server/storage/Storage.h"

namespace Colleagues::Server {

namespace {
// Sequence values committed by the current thread while a handler's storage call runs.
thread_local QList<qint64> *t_captured = nullptr;
} // namespace

ApiShared::ApiShared(Storage *storage, QObject *parent)
    : QObject(parent)
    , m_vocabulary(storage)
{
    // Runs in the committing thread, before the change is answered: drops cached profiles and
    // lets the handler learn the sequence values it caused.
    connect(
        storage, &Storage::changed, this,
        [this](qint64 sequence) {
            m_profileCache.invalidate();
            if (t_captured)
                t_captured->append(sequence);
        },
        Qt::DirectConnection);
    // Sessions are then trusted for longer: every re-poll no longer costs a session query.
    if (storage->hearsRevocations()) {
        m_sessionCache.setMaxAgeMs(SessionCache::HeardMaxAgeMs);
        connect(
            storage, &Storage::sessionsRevoked, this, [this] { m_sessionCache.clear(); }, Qt::DirectConnection);
    }
}

void ApiShared::addHub(LongPollHub *hub)
{
    const QMutexLocker locker(&m_mutex);
    m_hubs.append(hub);
}

void ApiShared::removeHub(LongPollHub *hub)
{
    const QMutexLocker locker(&m_mutex);
    m_hubs.removeAll(hub);
}

void ApiShared::hint(qint64 sequence, const QStringList &usernames)
{
    const QMutexLocker locker(&m_mutex);
    for (const QPointer<LongPollHub> &hub : std::as_const(m_hubs)) {
        LongPollHub *h = hub.data();
        if (!h)
            continue;
        QMetaObject::invokeMethod(
            h, [h, sequence, usernames] { h->hint(sequence, usernames); }, Qt::QueuedConnection);
    }
}

void ApiShared::startCapture(QList<qint64> *into)
{
    t_captured = into;
}

void ApiShared::stopCapture()
{
    t_captured = nullptr;
}

} // namespace Colleagues::Server
