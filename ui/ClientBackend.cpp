// SPDX-License-Identifier: MIT
#include "ui/ClientBackend.h"

#include "core/VCard.h"

#include "client/ClientStore.h"
#include "client/sync/Outbox.h"
#include "client/sync/PhotoCache.h"
#include "client/sync/Session.h"
#include "client/sync/StatusBook.h"
#include "client/sync/SyncClient.h"
#include "client/sync/SyncEngine.h"
#include "ui/people/SearchService.h"
#include "ui/widgets/ImageCache.h"

#include <QFile>

namespace Colleagues {

ClientBackend::ClientBackend(ClientStore *store, SyncClient *sync, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sync(sync)
    , m_search(new SearchService(store->filePath(), this))
    , m_images(new ImageCache(this))
{
    m_images->setLoader([this](const QString &username, const QString &photoTag) { loadPhoto(username, photoTag); });
    connect(m_sync->photos(), &PhotoCache::photoReady, this,
            [this](const QString &username, const QString &, const QString &path) {
                QFile file(path);
                m_images->setPhotoData(username, file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
            });

    SyncEngine *engine = m_sync->engine();
    // A synced vocabulary (aliases, places, related skills) is what the next search understands.
    connect(m_store, &ClientStore::vocabularyChanged, m_search, &SearchService::reloadVocabulary);
    connect(engine, &SyncEngine::profilesChanged, this, [this](const QStringList &ids) {
        m_names.clear();
        Q_EMIT directoryChanged(ids);
    });
    connect(engine, &SyncEngine::profilesRemoved, this, [this](const QStringList &ids) {
        m_names.clear();
        Q_EMIT directoryChanged(ids);
    });
    connect(engine, &SyncEngine::directoryReset, this, [this] {
        m_names.clear();
        Q_EMIT directoryChanged({});
    });
    connect(engine, &SyncEngine::conversationsChanged, this, [this](const QList<GroupChat> &groups) {
        for (const GroupChat &group : groups)
            Q_EMIT groupChanged(group.id());
        Q_EMIT conversationsChanged();
    });
    connect(engine, &SyncEngine::messagesReceived, this,
            [this](const QList<MessageRecord> &messages) { onMessages(messages, true); });
    connect(engine, &SyncEngine::messagesUpdated, this,
            [this](const QList<MessageRecord> &messages) { onMessages(messages, false); });
    Outbox *outbox = m_sync->outbox();
    connect(outbox, &Outbox::messageQueued, this,
            [this](const MessageRecord &message) { onMessages({message}, false); });
    connect(outbox, &Outbox::messageChanged, this,
            [this](const MessageRecord &message) { onMessages({message}, false); });
    connect(outbox, &Outbox::conversationChanged, this, [this](const GroupChat &group) {
        Q_EMIT groupChanged(group.id());
        Q_EMIT conversationsChanged();
    });
    connect(outbox, &Outbox::profileSaved, this, [this](const Profile &profile) {
        m_names.clear();
        m_images->invalidate(profile.username);
        Q_EMIT directoryChanged({profile.id});
    });
    connect(m_sync->statuses(), &StatusBook::statusesChanged, this, &ClientBackend::statusesChanged);
    connect(m_sync->statuses(), &StatusBook::statusesReset, this, [this] { Q_EMIT statusesChanged({}); });
    connect(m_sync->session(), &Session::signedOut, this, [this] {
        Q_EMIT conversationsChanged();
        Q_EMIT directoryChanged({});
    });
}

ClientBackend::~ClientBackend() = default;

Status ClientBackend::status(const QString &username) const
{
    return m_sync->statuses()->status(username);
}

StatusBook *ClientBackend::statuses() const
{
    return m_sync->statuses();
}

QString ClientBackend::me() const
{
    return m_sync->session()->isSignedIn() ? m_sync->session()->username() : QString();
}

std::optional<Profile> ClientBackend::profile(const QString &id) const
{
    return m_store->profile(id);
}

QByteArray ClientBackend::contactCard(const Profile &profile) const
{
    VCardPhoto photo;
    const QString cached = m_sync->photos()->cachedPath(profile.photoTag);
    if (QFile file(cached); !cached.isEmpty() && file.open(QIODevice::ReadOnly))
        photo.data = file.readAll();
    return toVCard(profile, photo);
}

std::optional<Profile> ClientBackend::profileByUsername(const QString &username) const
{
    if (username.isEmpty())
        return std::nullopt;
    return m_store->profileByUsername(username);
}

QList<Profile> ClientBackend::directReports(const QString &username) const
{
    return m_store->directReports(username);
}

QString ClientBackend::displayName(const QString &username) const
{
    auto it = m_names.constFind(username);
    if (it != m_names.constEnd())
        return *it;
    const std::optional<Profile> p = profileByUsername(username);
    const QString name = p && !p->displayName.isEmpty() ? p->displayName : username;
    m_names.insert(username, name);
    return name;
}

QStringList ClientBackend::skillNames() const
{
    QStringList names;
    for (const SkillUsage &usage : m_store->skillUsage(2000))
        names.append(usage.name);
    return names;
}

QStringList ClientBackend::personChoices() const
{
    QStringList choices;
    for (const auto &[username, name] : m_store->people(50000))
        choices.append(name.isEmpty() ? username : QStringLiteral("%1 (%2)").arg(name, username));
    return choices;
}

void ClientBackend::markConversationRead(const QString &peer)
{
    m_sync->markConversationRead(peer);
    Q_EMIT conversationsChanged();
}

std::optional<GroupChat> ClientBackend::groupChat(const QString &key) const
{
    return m_sync->groupChat(key);
}

Expected<QString> ClientBackend::startConversation(ConversationKind kind, const QString &title,
                                                   const QStringList &members, const QString &text)
{
    return m_sync->outbox()->startConversation(kind, title, members, text);
}

Expected<QString> ClientBackend::leaveConversation(const QString &id, const QString &suggest)
{
    return m_sync->outbox()->leaveConversation(id, suggest);
}

Expected<QString> ClientBackend::markAnswer(const QString &id, qint64 messageId)
{
    return m_sync->outbox()->resolveConversation(id, messageId);
}

void ClientBackend::loadPhoto(const QString &username, QString photoTag)
{
    if (photoTag.isEmpty()) {
        const std::optional<Profile> p = profileByUsername(username);
        if (!p || p->photoTag.isEmpty())
            return;
        photoTag = p->photoTag;
    }
    const QString path = m_sync->photos()->photo(username, photoTag);
    if (path.isEmpty())
        return; // photoReady() follows
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        m_images->setPhotoData(username, file.readAll());
}

void ClientBackend::onMessages(const QList<MessageRecord> &messages, bool arrived)
{
    QStringList peers;
    const QString self = me();
    for (const MessageRecord &record : messages) {
        if (!peers.contains(record.peer))
            peers.append(record.peer);
        if (arrived && record.message.sender != self)
            Q_EMIT incomingMessage(record);
    }
    for (const QString &peer : std::as_const(peers))
        Q_EMIT messagesChanged(peer);
    Q_EMIT conversationsChanged();
}

} // namespace Colleagues
