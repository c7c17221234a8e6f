// SPDX-License-Identifier: MIT
#include "client/sync/SyncClient.h"

#include "client/ClientStore.h"
#include "client/sync/ApiClient.h"
#include "client/sync/Outbox.h"
#include "client/sync/PhotoCache.h"
#include "client/sync/Session.h"
#include "client/sync/StatusBook.h"
#include "client/sync/SyncDatabase.h"
#include "client/sync/SyncEngine.h"
#include "client/sync/SyncLogging.h"
#include "client/sync/SyncSchema_p.h"
#include "client/sync/TokenStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace Colleagues {

namespace {

// Read marks the server has not acknowledged yet, kept in the store so that they survive a
// restart while offline: {"peer": up-to message id}. Cleared with the account's sync state.
constexpr char UnsentReadMarksKey[] = "sync.unsent_read_marks";

QString encodeReadMarks(const QHash<QString, qint64> &marks)
{
    QJsonObject o;
    for (auto it = marks.cbegin(); it != marks.cend(); ++it)
        o.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QHash<QString, qint64> decodeReadMarks(const QString &text)
{
    QHash<QString, qint64> marks;
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (const qint64 upTo = it.value().toInteger(); upTo > 0)
            marks.insert(it.key(), upTo);
    }
    return marks;
}

} // namespace

SyncClient::SyncClient(ClientStore *store, QNetworkAccessManager *network, QObject *parent,
                       const QString &photoDirectory)
    : QObject(parent)
    , m_database(new SyncDatabase(store, this))
    , m_api(new ApiClient(network, this))
    , m_tokens(new TokenStore(this))
    , m_session(new Session(m_api, m_database, m_tokens, this))
    , m_engine(new SyncEngine(m_api, m_database, this))
    , m_outbox(new Outbox(m_api, m_database, this))
    , m_photos(new PhotoCache(
          m_api, photoDirectory.isEmpty() ? PhotoCache::defaultDirectory(store->filePath()) : photoDirectory, this))
    , m_statuses(new StatusBook(m_api, m_database, m_engine, this))
    , m_readMarksRetry(new QTimer(this))
{
    m_readMarksRetry->setSingleShot(true);
    connect(m_readMarksRetry, &QTimer::timeout, this, &SyncClient::sendReadMarks);
    qRegisterMetaType<Colleagues::SyncState>();
    qRegisterMetaType<Colleagues::MessageRecord>();
    qRegisterMetaType<Colleagues::GroupChat>();
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
    delete m_statuses;
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
    m_readMarksBackoff.setPolicy(policy);
}

void SyncClient::start(bool once)
{
    m_once = once;
    m_session->restore();
}

void SyncClient::begin()
{
    // Marks left from an earlier run (or made before signing in) go out with this session;
    // another account's never do (its sync state was cleared with the account change).
    if (m_readMarksUser != m_session->username()) {
        m_unsentReadMarks.clear();
        m_readMarksSending.clear();
    }
    m_readMarksUser = m_session->username();
    const QHash<QString, qint64> stored =
        decodeReadMarks(SyncSchema::syncValue(m_database->readHandle(), UnsentReadMarksKey));
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        m_unsentReadMarks.insert(it.key(), std::max(it.value(), m_unsentReadMarks.value(it.key())));
    sendReadMarks();

    m_engine->setUsername(m_session->username());
    m_statuses->setMe(m_session->username());
    m_statuses->reload(); // another account's are gone
    m_outbox->setUsername(m_session->username());
    if (m_once)
        m_engine->syncOnce();
    else
        m_engine->start();
    m_outbox->start();
    Q_EMIT started();
}

void SyncClient::stop()
{
    m_engine->stop();
    m_outbox->pause();
}

QList<ChatSummary> SyncClient::conversations() const
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

std::optional<GroupChat> SyncClient::groupChat(const QString &id) const
{
    return SyncSchema::groupChat(m_database->readHandle(), id);
}

QList<GroupChat> SyncClient::groupChats() const
{
    return SyncSchema::groupChats(m_database->readHandle());
}

void SyncClient::markConversationRead(const QString &peer)
{
    if (const std::optional<GroupChat> group = groupChat(peer)) {
        const QString me = m_session->username();
        const ConversationMember *mine = group->conversation.member(me);
        // One who left gets nothing more of it, and has nothing to mark.
        if (!mine || !mine->isCurrent() || group->pending)
            return;
        qint64 upTo = 0;
        for (const MessageRecord &m : messages(peer)) {
            if (m.message.sender != me)
                upTo = std::max(upTo, m.message.id);
        }
        if (upTo > mine->readUpTo)
            m_outbox->markConversationRead(peer, upTo);
        return;
    }
    qint64 upTo = 0;
    for (const MessageRecord &m : messages(peer)) {
        if (m.message.sender == peer && !m.message.readAt.isValid())
            upTo = std::max(upTo, m.message.id);
    }
    if (upTo == 0)
        return;
    m_unsentReadMarks.insert(peer, std::max(upTo, m_unsentReadMarks.value(peer)));
    const QString marks = encodeReadMarks(m_unsentReadMarks);
    m_database->write<bool>(
        [peer, upTo, marks](SyncSchema::SyncWriter &w) {
            return w.markConversationRead(peer, upTo)
                && w.setValues({{QString::fromLatin1(UnsentReadMarksKey), marks}});
        },
        this, [](bool) {});
    sendReadMarks();
}

void SyncClient::forgetReadMark(const QString &peer, qint64 upTo)
{
    if (m_unsentReadMarks.value(peer) != upTo)
        return; // a later mark is still to go
    m_unsentReadMarks.remove(peer);
    const QString marks = encodeReadMarks(m_unsentReadMarks);
    m_database->write<bool>(
        [marks](SyncSchema::SyncWriter &w) {
            return w.setValues({{QString::fromLatin1(UnsentReadMarksKey), marks}});
        },
        this, [](bool) {});
}

void SyncClient::sendReadMarks()
{
    if (!m_api->hasToken())
        return;
    m_readMarksRetry->stop();
    for (auto it = m_unsentReadMarks.cbegin(); it != m_unsentReadMarks.cend(); ++it) {
        const QString peer = it.key();
        const qint64 upTo = it.value();
        if (m_readMarksSending.contains(peer))
            continue; // a later mark goes when this one is back
        m_readMarksSending.insert(peer);
        qCDebug(lcSync) << "sending the read mark of" << peer << "up to" << upTo;
        MarkReadJob *job = m_api->markRead(peer, upTo);
        connect(job, &ApiJob::succeeded, this, [this, peer, upTo] {
            m_readMarksSending.remove(peer);
            m_readMarksBackoff.reset();
            forgetReadMark(peer, upTo);
            if (m_unsentReadMarks.contains(peer))
                sendReadMarks(); // moved up meanwhile
        });
        connect(job, &ApiJob::failed, this, [this, peer, upTo](const ApiError &error) {
            m_readMarksSending.remove(peer);
            if (error.kind == ApiError::Kind::Auth || error.kind == ApiError::Kind::Tls)
                return; // goes with the next session, or once the connection is trusted
            if (!error.isTemporary()) {
                forgetReadMark(peer, upTo); // the server will never take it (e.g. the peer is gone)
                return;
            }
            // The server may take it in a moment; the next connection sends it too.
            if (!m_readMarksRetry->isActive())
                m_readMarksRetry->start(m_readMarksBackoff.next(error.retryAfter));
        });
    }
}

} // namespace Colleagues
