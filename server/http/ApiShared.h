// SPDX-License-Identifier: MIT
#pragma once

#include "server/http/MessageRate.h"
#include "server/http/PageCompressor.h"
#include "server/http/ProfileCache.h"
#include "server/http/SessionCache.h"
#include "server/http/SessionService.h"
#include "server/http/SignInGate.h"
#include "server/http/VisibilityPolicy.h"
#include "server/http/VocabularyService.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

namespace Colleagues::Server {

class LongPollHub;
class PresenceService;
class Storage;

/*!
 * What the HTTP threads share: the profile and session caches, the sign-ins in flight, the served
 * vocabulary, the compressed pieces of sync pages, and the long-poll hubs of every thread, so
 * that a commit handled on one thread wakes the right long-polls held by all of them.
 * Thread-safe.
 */
class ApiShared : public QObject
{
    Q_OBJECT

public:
    explicit ApiShared(Storage *storage, QObject *parent = nullptr);

    ProfileCache &profileCache() { return m_profileCache; }
    SessionCache &sessionCache() { return m_sessionCache; }
    SignInGate &signInGate() { return m_signInGate; }
    PageCompressor &pageCompressor() { return m_pageCompressor; }
    MessageRate &messageRate() { return m_messageRate; }
    VocabularyService &vocabulary() { return m_vocabulary; }
    //! Set before the HTTP threads start; read-only afterwards.
    const VisibilityPolicy &visibilityPolicy() const { return m_visibilityPolicy; }
    void setVisibilityPolicy(const VisibilityPolicy &policy) { m_visibilityPolicy = policy; }
    //! Sign-in through a company directory (serve --auth ldap); set before the HTTP threads start.
    const DirectoryCheck &directoryCheck() const { return m_directoryCheck; }
    void setDirectoryCheck(DirectoryCheck check) { m_directoryCheck = std::move(check); }

    //! Who is connected (serve sets it before the HTTP threads start); null: no presence.
    PresenceService *presence() const { return m_presence; }
    void setPresence(PresenceService *presence) { m_presence = presence; }

    void addHub(LongPollHub *hub);
    void removeHub(LongPollHub *hub);
    //! Tells every hub, in its own thread, that \a sequence concerns only \a usernames.
    void hint(qint64 sequence, const QStringList &usernames);

    //! Runs \a work and hints every sequence value it commits on the calling thread to the
    //! long-polls of audienceOf(result); to none when that is std::nullopt.
    template<typename Work, typename AudienceOf>
    auto hintingCommits(Work &&work, AudienceOf &&audienceOf) -> decltype(work())
    {
        QList<qint64> captured;
        startCapture(&captured);
        auto result = work();
        stopCapture();
        if (const std::optional<QStringList> audience = audienceOf(result)) {
            for (qint64 sequence : std::as_const(captured))
                hint(sequence, *audience);
        }
        return result;
    }

private:
    //! Collects the sequence values the calling thread commits until stopCapture().
    static void startCapture(QList<qint64> *into);
    static void stopCapture();

    ProfileCache m_profileCache;
    SessionCache m_sessionCache;
    SignInGate m_signInGate;
    PageCompressor m_pageCompressor;
    MessageRate m_messageRate;
    VocabularyService m_vocabulary;
    VisibilityPolicy m_visibilityPolicy;
    DirectoryCheck m_directoryCheck;
    PresenceService *m_presence = nullptr;
    QMutex m_mutex;
    QList<QPointer<LongPollHub>> m_hubs;
};

} // namespace Colleagues::Server
