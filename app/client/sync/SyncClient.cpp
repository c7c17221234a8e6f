#include "SyncClient.h"

#include "ApiClient.h"
#include "ClientStore.h"
#include "Outbox.h"
#include "PhotoCache.h"
#include "Session.h"
#include "SyncDatabase.h"
#include "SyncEngine.h"
#include "SyncSchema_p.h"
#include "TokenStore.h"

#include <QFileInfo>

namespace Colleagues {

SyncClient::SyncClient(ClientStore *store, QNetworkAccessManager *network, QObject *parent,
                       const QString &photoDirectory)
    : QObject(parent)
    , m_database(new SyncDatabase(store, this))
    , m_api(new ApiClient(network, this))
    , m_tokens(new TokenStore(this))
    , m_session(new Session(m_api, m_database, m_tokens, this))
    , m_engine(new SyncEngine(m_api, m_database, this))
    , m_outbox(new Outbox(m_api, m_database, this))
    , m_photos(new PhotoCache(m_api,
                              photoDirectory.isEmpty()
                                  ? QFileInfo(store->filePath()).absolutePath() + QStringLiteral("/photos")
                                  : photoDirectory,
                              this))
{
    qRegisterMetaType<Colleagues::SyncState>();
    qRegisterMetaType<Colleagues::MessageRecord>();
    qRegisterMetaType<Colleagues::OutboxItem>();
    qRegisterMetaType<Colleagues::ProfileConflict>();
    qRegisterMetaType<Colleagues::ApiError>();

    connect(m_session, &Session::signedIn, this, &SyncClient::begin);
    connect(m_session, &Session::restored, this, [this](bool signedIn) {
        if (signedIn)
            begin();
        else
            m_engine->suspendForSignIn();
    });
    connect(m_session, &Session::signInRequired, this, [this] {
        m_engine->suspendForSignIn();
        m_outbox->pause();
    });
    connect(m_session, &Session::signedOut, this, [this] {
        m_engine->suspendForSignIn();
        m_outbox->pause();
    });
    // The server answers again: what waited for it goes now.
    connect(m_engine, &SyncEngine::connected, this, [this] {
        m_outbox->retryNow();
        sendReadMarks();
    });
}

SyncClient::~SyncClient()
{
    // The engine and outbox go before the database they write through.
    delete m_engine;
    delete m_outbox;
    delete m_photos;
    delete m_session;
    delete m_database;
}

void SyncClient::setBackoffPolicy(const BackoffPolicy &policy)
{
    m_engine->setBackoffPolicy(policy);
    m_outbox->setBackoffPolicy(policy);
}

void SyncClient::start(bool once)
{
    m_once = once;
    m_session->restore();
}

void SyncClient::begin()
{
    m_engine->setUsername(m_session->username());
    m_outbox->setUsername(m_session->username());
    if (m_once)
        m_engine->syncOnce();
    else
        m_engine->start();
    m_outbox->start();
    emit started();
}

void SyncClient::stop()
{
    m_engine->stop();
    m_outbox->pause();
}

QList<Conversation> SyncClient::conversations() const
{
    return SyncSchema::conversations(m_database->readHandle());
}

QList<MessageRecord> SyncClient::messages(const QString &peer, int limit) const
{
    if (peer.isEmpty())
        return {};
    return SyncSchema::messages(m_database->readHandle(), peer, limit);
}

QList<MessageRecord> SyncClient::allMessages() const
{
    return SyncSchema::messages(m_database->readHandle(), QString(), -1);
}

void SyncClient::markConversationRead(const QString &peer)
{
    qint64 upTo = 0;
    for (const MessageRecord &m : messages(peer)) {
        if (m.message.sender == peer && !m.message.readAt.isValid())
            upTo = std::max(upTo, m.message.id);
    }
    if (upTo == 0)
        return;
    m_database->write<bool>([peer, upTo](SyncSchema::SyncWriter &w) { return w.markConversationRead(peer, upTo); },
                            this, [](bool) {});
    m_unsentReadMarks.insert(peer, std::max(upTo, m_unsentReadMarks.value(peer)));
    sendReadMarks();
}

void SyncClient::sendReadMarks()
{
    if (!m_api->hasToken())
        return;
    for (auto it = m_unsentReadMarks.cbegin(); it != m_unsentReadMarks.cend(); ++it) {
        const QString peer = it.key();
        const qint64 upTo = it.value();
        MarkReadJob *job = m_api->markRead(peer, upTo);
        connect(job, &ApiJob::succeeded, this, [this, peer, upTo] {
            if (m_unsentReadMarks.value(peer) == upTo)
                m_unsentReadMarks.remove(peer);
        });
    }
}

} // namespace Colleagues
