// SPDX-License-Identifier: MIT
#include "client/sync/Outbox.h"

#include "client/sync/ApiClient.h"
#include "client/sync/SyncDatabase.h"
#include "client/sync/SyncLogging.h"
#include "client/sync/SyncSchema_p.h"
#include "core/Validation.h"

#include <QJsonDocument>
#include <QTimer>
#include <QUuid>

namespace Colleagues {

using namespace SyncSchema;

namespace {
QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

OutboxItem failureOf(const ApiError &error)
{
    OutboxItem f;
    f.errorKind = error.kindName();
    f.errorCode = error.code;
    f.errorField = error.field;
    f.errorMessage = error.userMessage;
    f.httpStatus = error.httpStatus;
    return f;
}

std::optional<Profile> profileOf(const OutboxItem &item)
{
    Expected<Profile> p =
        profileFromJson(item.payload.value(QStringLiteral("profile")).toObject(), ProfileJsonMode::Update);
    if (!p)
        return std::nullopt;
    return std::move(p).value();
}
} // namespace

Outbox::Outbox(ApiClient *api, SyncDatabase *database, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_database(database)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &Outbox::pump);
}

Outbox::~Outbox() = default;

void Outbox::setBackoffPolicy(const BackoffPolicy &policy)
{
    m_connectivity.setPolicy(policy);
}

// Queueing ----------------------------------------------------------------------------------

Expected<QString> Outbox::sendMessage(const QString &to, const QString &body)
{
    Message m;
    m.recipient = to;
    m.body = body;
    return send(std::move(m));
}

Expected<QString> Outbox::send(Message m)
{
    m.sender = m_username;
    Validation::normalize(m);
    const bool toGroup = !m.conversation.isEmpty();
    if (!toGroup) {
        if (const Error e = Validation::checkUsername(m.recipient, QStringLiteral("to")); e)
            return e;
    }
    const QList<Error> errors = Validation::validate(m);
    if (!errors.isEmpty())
        return errors.first();
    return enqueueMessage([me = m_username, m, toGroup](SyncWriter &w, const QString &key, MessageRecord *record) {
        return toGroup ? w.enqueueGroupMessage(me, m.conversation, m.body, key, record)
                       : w.enqueueMessage(me, m.recipient, m.body, key, record);
    });
}

Expected<QString> Outbox::saveProfile(const Profile &edit, qint64 baseRevision)
{
    Profile p = edit;
    Validation::normalize(p);
    QList<Error> errors = Validation::validate(p);
    errors.removeIf([&p](const Error &e) { return e.field == QLatin1String("username") && p.username.isEmpty(); });
    if (!errors.isEmpty())
        return errors.first();
    return enqueue(
        [p, baseRevision](SyncWriter &w, const QString &key) { return w.enqueueProfile(p, baseRevision, key); });
}

Expected<QString> Outbox::uploadPhoto(const QByteArray &image, const QByteArray &mimeType)
{
    if (mimeType != "image/jpeg" && mimeType != "image/png")
        return Error {Error::Code::InvalidFormat, QStringLiteral("photo"), tr("A photo must be a JPEG or PNG image.")};
    if (image.isEmpty() || image.size() > 8 * 1024 * 1024)
        return Error {Error::Code::TooLong, QStringLiteral("photo"), tr("A photo must be at most 8 MiB.")};
    return enqueue(
        [image, mimeType](SyncWriter &w, const QString &key) { return w.enqueuePhoto(image, mimeType, key); });
}

// Group conversations ------------------------------------------------------------------------

Expected<QString> Outbox::startConversation(ConversationKind kind, const QString &title, const QStringList &members,
                                            const QString &text)
{
    const QString body = Validation::normalizeMultiLine(text);
    if (!body.isEmpty()) {
        if (const Error e = Validation::checkMessageBody(body); e)
            return e;
    }
    ConversationRequest request;
    request.id = newKey();
    request.kind = kind;
    request.title = title;
    request.members = members;
    // The rules the server applies (but whether the members are active accounts).
    Expected<ConversationRequest> checked = conversationRequestFromJson(toJson(request), m_username);
    if (!checked)
        return checked.error();
    Conversation c;
    c.id = checked->id;
    c.kind = checked->kind;
    c.title = checked->title;
    c.createdBy = m_username;
    c.createdAt = QDateTime::currentDateTimeUtc();
    ConversationMember creator;
    creator.username = m_username;
    creator.role = kind == ConversationKind::Question ? ConversationRole::Asker : ConversationRole::Member;
    c.members.append(creator);
    for (const QString &username : std::as_const(checked->members)) {
        ConversationMember m;
        m.username = username;
        c.members.append(m);
    }
    enqueueGroup([c](SyncWriter &w, const QString &, GroupChat *group) { return w.enqueueConversation(c, group); });
    // Written after the conversation (one writer, in order), and sent after it (one ordering group).
    if (!body.isEmpty())
        sendToConversation(c.id, body);
    return c.id;
}

Expected<QString> Outbox::sendToConversation(const QString &conversation, const QString &body)
{
    Message m;
    m.conversation = conversation;
    m.body = body;
    return send(std::move(m));
}

QString Outbox::enqueueMessage(EnqueueMessage enqueue)
{
    const QString key = newKey();
    struct Queued
    {
        std::optional<OutboxItem> item;
        MessageRecord record;
        QString error;
    };
    m_database->write<Queued>(
        [enqueue = std::move(enqueue), key](SyncWriter &w) {
            Queued q;
            q.item = enqueue(w, key, &q.record);
            if (!q.item)
                q.error = w.errorString();
            return q;
        },
        this,
        [this](const Queued &q) {
            if (!q.item) {
                qCWarning(lcSync) << "could not queue a message:" << q.error;
                Q_EMIT errorOccurred(ApiError::protocol(q.error));
                return;
            }
            Q_EMIT messageQueued(q.record);
            Q_EMIT itemQueued(*q.item);
            schedule();
        });
    return key;
}

Expected<QString> Outbox::leaveConversation(const QString &conversation, const QString &suggest)
{
    const QString who = suggest.trimmed().toLower();
    if (!who.isEmpty()) {
        if (const Error e = Validation::checkUsername(who, QStringLiteral("suggest")); e)
            return e;
        if (who == m_username)
            return Error {Error::Code::InvalidFormat, QStringLiteral("suggest"),
                          tr("Suggest someone else: you are the one leaving.")};
    }
    return enqueueGroup([conversation, me = m_username, who](SyncWriter &w, const QString &key, GroupChat *group) {
        return w.enqueueLeave(conversation, me, who, key, group);
    });
}

Expected<QString> Outbox::resolveConversation(const QString &conversation, qint64 messageId)
{
    if (messageId <= 0)
        return Error {Error::Code::OutOfRange, QStringLiteral("message"),
                      tr("Only a message the server has can be marked as the answer.")};
    return enqueueGroup(
        [conversation, me = m_username, messageId](SyncWriter &w, const QString &key, GroupChat *group) {
            return w.enqueueResolve(conversation, me, messageId, key, group);
        });
}

void Outbox::markConversationRead(const QString &conversation, qint64 upToId)
{
    m_database->write<std::optional<OutboxItem>>(
        [conversation, me = m_username, upToId, key = newKey()](SyncWriter &w) {
            return w.enqueueRead(conversation, me, upToId, key);
        },
        this,
        [this, conversation](const std::optional<OutboxItem> &item) {
            if (!item)
                return;
            // The unread count went down.
            if (std::optional<GroupChat> group = groupChat(m_database->readHandle(), conversation))
                Q_EMIT conversationChanged(*group);
            Q_EMIT itemQueued(*item);
            schedule();
        });
}

QString Outbox::enqueueGroup(EnqueueGroup enqueue)
{
    const QString key = newKey();
    struct Queued
    {
        std::optional<OutboxItem> item;
        GroupChat group;
    };
    m_database->write<Queued>(
        [enqueue = std::move(enqueue), key](SyncWriter &w) {
            Queued q;
            q.item = enqueue(w, key, &q.group);
            if (!q.item)
                qCWarning(lcSync) << "could not queue a conversation change:" << w.errorString();
            return q;
        },
        this,
        [this](const Queued &q) {
            if (!q.item)
                return;
            Q_EMIT conversationChanged(q.group);
            Q_EMIT itemQueued(*q.item);
            schedule();
        });
    return key;
}

QString Outbox::enqueue(Enqueue enqueue)
{
    const QString key = newKey();
    m_database->write<std::optional<OutboxItem>>(
        [enqueue = std::move(enqueue), key](SyncWriter &w) { return enqueue(w, key); }, this,
        [this](const std::optional<OutboxItem> &item) {
            if (!item)
                return;
            Q_EMIT itemQueued(*item);
            schedule();
        });
    return key;
}

// State -------------------------------------------------------------------------------------

QList<OutboxItem> Outbox::items(bool includeSent) const
{
    return outboxItems(m_database->readHandle(), includeSent);
}

std::optional<OutboxItem> Outbox::item(qint64 id) const
{
    return outboxItem(m_database->readHandle(), id);
}

int Outbox::pendingCount() const
{
    int n = 0;
    for (const OutboxItem &i : items(false))
        n += i.state == OutboxItem::State::Pending || i.state == OutboxItem::State::Sending ? 1 : 0;
    return n;
}

std::optional<ProfileConflict> Outbox::conflict(qint64 id) const
{
    const std::optional<OutboxItem> i = item(id);
    if (!i || !i->hasConflict())
        return std::nullopt;
    const QJsonObject theirs = QJsonDocument::fromJson(outboxConflict(m_database->readHandle(), id)).object();
    Expected<Profile> server = profileFromJson(theirs);
    const std::optional<Profile> mine = profileOf(*i);
    if (!server || !mine)
        return std::nullopt;
    ProfileConflict c;
    c.outboxId = id;
    c.mine = *mine;
    c.theirs = *server;
    c.baseRevision = i->payload.value(QStringLiteral("base_revision")).toInteger();
    return c;
}

// Control -----------------------------------------------------------------------------------

void Outbox::start()
{
    m_paused = false;
    if (m_started) {
        schedule();
        return;
    }
    m_started = true;
    m_database->write<bool>([](SyncWriter &w) { return w.resetSending(); }, this, [this](bool) { schedule(); });
}

void Outbox::pause()
{
    m_paused = true;
    m_timer->stop();
}

void Outbox::retryNow()
{
    m_connectivity.reset();
    m_notBefore = {};
    schedule();
}

void Outbox::retry(qint64 id)
{
    const std::optional<OutboxItem> i = item(id);
    if (!i || i->state != OutboxItem::State::Failed)
        return;
    m_database->write<bool>([id, payload = i->payload](SyncWriter &w) { return w.requeue(id, payload); }, this,
                            [this, id](bool) {
                                emitItem(id);
                                schedule();
                            });
}

void Outbox::discard(qint64 id)
{
    if (m_busy.contains(id))
        return;
    m_database->write<bool>([id](SyncWriter &w) { return w.remove(id); }, this,
                            [this, id](bool ok) {
                                if (ok)
                                    Q_EMIT itemRemoved(id);
                            });
}

void Outbox::resolveKeepMine(qint64 id)
{
    if (const auto c = conflict(id))
        resolve(id, c->mine);
}

void Outbox::resolveTakeTheirs(qint64 id)
{
    resolve(id, std::nullopt);
}

void Outbox::resolveMerge(qint64 id, const QStringList &takeTheirs)
{
    if (const auto c = conflict(id))
        resolve(id, c->merged(takeTheirs));
}

void Outbox::resolve(qint64 id, const std::optional<Profile> &send)
{
    const std::optional<ProfileConflict> c = conflict(id);
    if (!c)
        return;
    if (!send) {
        discard(id);
        return;
    }
    const QJsonObject payload {{QStringLiteral("profile"), toJson(*send)},
                               {QStringLiteral("base_revision"), c->theirs.revision}};
    m_database->write<bool>([id, payload](SyncWriter &w) { return w.requeue(id, payload); }, this,
                            [this, id](bool) {
                                emitItem(id);
                                schedule();
                            });
}

// Sending -----------------------------------------------------------------------------------

void Outbox::schedule(std::chrono::milliseconds delay)
{
    if (!m_started || m_paused)
        return;
    if (m_timer->isActive() && m_timer->remainingTimeAsDuration() <= delay)
        return;
    m_timer->start(delay);
}

void Outbox::pump()
{
    if (!m_started || m_paused || !m_api->hasToken())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_notBefore.isValid() && now < m_notBefore) {
        schedule(std::chrono::milliseconds {now.msecsTo(m_notBefore)});
        return;
    }
    QSet<QString> blocked;
    for (const QString &conversation : std::as_const(m_busy))
        blocked.insert(conversation);
    bool pending = false;
    for (const OutboxItem &i : items(false)) {
        if (i.state == OutboxItem::State::Failed)
            continue; // a failed item does not hold back the ones after it
        pending = true;
        if (blocked.contains(i.conversation))
            continue; // one at a time per conversation, in order
        blocked.insert(i.conversation);
        if (!m_busy.contains(i.id))
            send(i);
    }
    if (!pending && m_busy.isEmpty())
        Q_EMIT drained();
}

void Outbox::send(const OutboxItem &item)
{
    m_busy.insert(item.id, item.conversation);
    const qint64 id = item.id;
    m_database->write<bool>([id](SyncWriter &w) { return w.markSending(id); }, this,
                            [this, id](bool) { emitItem(id); });

    ApiJob *job = startJob(item);
    if (!job) {
        ApiError e;
        e.kind = ApiError::Kind::Validation;
        e.userMessage = tr("This change cannot be sent: it is not valid.");
        onFailed(item, e, {});
        return;
    }
    connect(job, &ApiJob::finished, this, [this, item, job] {
        if (job->isSucceeded()) {
            Answer answer;
            if (auto *m = qobject_cast<SendMessageJob *>(job))
                answer.message = m->message();
            else if (auto *p = qobject_cast<SaveProfileJob *>(job))
                answer.profile = p->profile();
            else if (auto *u = qobject_cast<UploadPhotoJob *>(job))
                answer.profile = u->profile();
            else if (auto *c = qobject_cast<ConversationJob *>(job))
                answer.conversation = c->conversation();
            onSucceeded(item, answer);
        } else {
            Profile theirs;
            if (auto *p = qobject_cast<SaveProfileJob *>(job); p && p->hasServerProfile())
                theirs = p->serverProfile();
            onFailed(item, job->error(), theirs);
        }
    });
}

ApiJob *Outbox::startJob(const OutboxItem &item)
{
    const QJsonObject &p = item.payload;
    switch (item.kind) {
    case OutboxItem::Kind::Message:
        if (p.contains(QStringLiteral("conversation")))
            return m_api->sendToConversation(p.value(QStringLiteral("conversation")).toString(),
                                             p.value(QStringLiteral("body")).toString(), item.key);
        return m_api->sendMessage(p.value(QStringLiteral("to")).toString(), p.value(QStringLiteral("body")).toString(),
                                  item.key);
    case OutboxItem::Kind::Profile: {
        const std::optional<Profile> edit = profileOf(item);
        if (!edit)
            return nullptr;
        return m_api->saveProfile(*edit, p.value(QStringLiteral("base_revision")).toInteger());
    }
    case OutboxItem::Kind::Photo:
        return m_api->uploadPhoto(outboxData(m_database->readHandle(), item.id),
                                  p.value(QStringLiteral("mime_type")).toString().toLatin1());
    case OutboxItem::Kind::Conversation: {
        const Expected<ConversationRequest> request = conversationRequestFromJson(p, m_username);
        if (!request)
            return nullptr;
        return m_api->createConversation(*request);
    }
    case OutboxItem::Kind::Leave:
        return m_api->leaveConversation(item.conversation, p.value(QStringLiteral("suggest")).toString());
    case OutboxItem::Kind::Resolve:
        return m_api->resolveConversation(item.conversation, p.value(QStringLiteral("message")).toInteger());
    case OutboxItem::Kind::Read:
        return m_api->markConversationRead(item.conversation, p.value(QStringLiteral("up_to")).toInteger());
    }
    return nullptr;
}

void Outbox::onSucceeded(const OutboxItem &item, const Answer &answer)
{
    const Message &message = answer.message;
    const Profile &profile = answer.profile;
    m_connectivity.reset();
    m_notBefore = {};
    const qint64 id = item.id;
    if (item.kind == OutboxItem::Kind::Message) {
        struct Sent
        {
            bool ok = false;
            MessageRecord record;
        };
        m_database->write<Sent>(
            [id, message](SyncWriter &w) {
                Sent s;
                s.ok = w.markMessageSent(id, message, &s.record);
                return s;
            },
            this,
            [this, id](const Sent &s) {
                if (s.ok)
                    Q_EMIT messageChanged(s.record);
                emitItem(id);
                finishItem(id);
            });
        return;
    }
    if (item.kind == OutboxItem::Kind::Conversation || item.kind == OutboxItem::Kind::Leave
        || item.kind == OutboxItem::Kind::Resolve || item.kind == OutboxItem::Kind::Read) {
        struct Sent
        {
            bool ok = false;
            GroupChat group;
        };
        m_database->write<Sent>(
            [id, conversation = answer.conversation](SyncWriter &w) {
                Sent s;
                s.ok = w.markConversationSent(id, conversation, &s.group);
                return s;
            },
            this,
            [this, id](const Sent &s) {
                if (s.ok && !s.group.id().isEmpty())
                    Q_EMIT conversationChanged(s.group);
                emitItem(id);
                finishItem(id);
            });
        return;
    }
    const qint64 base = item.payload.value(QStringLiteral("base_revision")).toInteger(-1);
    m_database->write<bool>([id, profile, base](SyncWriter &w) { return w.markProfileSent(id, profile, base); }, this,
                            [this, id, profile](bool) {
                                if (!profile.username.isEmpty())
                                    Q_EMIT profileSaved(profile);
                                emitItem(id);
                                finishItem(id);
                            });
}

void Outbox::onFailed(const OutboxItem &item, const ApiError &error, const Profile &serverProfile)
{
    const qint64 id = item.id;
    qCInfo(lcSync) << "outbox item" << id << outboxKindName(item.kind) << "failed:" << error.kindName() << error.detail;

    if (item.kind == OutboxItem::Kind::Profile && error.httpStatus == 412) {
        if (!serverProfile.username.isEmpty()) {
            reportConflict(item, serverProfile);
            return;
        }
        // The 412 came without the current profile: fetch it.
        GetProfileJob *job = m_api->fetchProfile(m_username);
        connect(job, &ApiJob::finished, this, [this, item, job] {
            if (job->isSucceeded())
                reportConflict(item, job->profile());
            else
                onFailed(item, job->error(), {});
        });
        return;
    }

    OutboxItem failure = failureOf(error);
    if (error.kind == ApiError::Kind::Auth) {
        // Kept as it is: it goes out after the next sign-in.
        pause();
        m_database->write<bool>([id, failure](SyncWriter &w) { return w.markRetry(id, failure); }, this,
                                [this, id](bool) {
                                    emitItem(id);
                                    finishItem(id);
                                });
        return;
    }
    if (error.isTemporary() || error.kind == ApiError::Kind::Tls) {
        const std::chrono::milliseconds delay = m_connectivity.next(error.retryAfter);
        m_notBefore = QDateTime::currentDateTimeUtc().addMSecs(delay.count());
        failure.nextAttemptAt = m_notBefore;
        m_database->write<bool>([id, failure](SyncWriter &w) { return w.markRetry(id, failure); }, this,
                                [this, id](bool) {
                                    emitItem(id);
                                    finishItem(id);
                                });
        return;
    }
    // Permanent: the server will never accept this as it is.
    struct Failed
    {
        bool ok = false;
        MessageRecord record;
    };
    Q_EMIT errorOccurred(error);
    m_database->write<Failed>(
        [id, failure](SyncWriter &w) {
            Failed f;
            f.ok = w.markFailed(id, failure, {}, &f.record);
            return f;
        },
        this,
        [this, id](const Failed &f) {
            if (f.ok && f.record.localId)
                Q_EMIT messageChanged(f.record);
            emitItem(id);
            finishItem(id);
        });
}

void Outbox::reportConflict(const OutboxItem &item, const Profile &theirs)
{
    const qint64 id = item.id;
    ProfileConflict c;
    c.outboxId = id;
    c.mine = profileOf(item).value_or(Profile {});
    c.theirs = theirs;
    c.baseRevision = item.payload.value(QStringLiteral("base_revision")).toInteger();
    if (c.differingFields().isEmpty()) {
        // The server already has exactly this edit (an earlier attempt got through).
        onSucceeded(item, Answer {{}, theirs, {}});
        return;
    }
    OutboxItem failure;
    failure.errorKind = QStringLiteral("conflict");
    failure.errorCode = QStringLiteral("precondition_failed");
    failure.httpStatus = 412;
    failure.errorMessage = tr("Your profile was changed elsewhere since you started editing. "
                              "Choose which version to keep.");
    const QByteArray theirsJson = QJsonDocument(toJson(theirs)).toJson(QJsonDocument::Compact);
    m_database->write<bool>([id, failure, theirsJson](SyncWriter &w) { return w.markFailed(id, failure, theirsJson); },
                            this,
                            [this, id, c](bool) {
                                emitItem(id);
                                Q_EMIT conflictDetected(c);
                                finishItem(id);
                            });
}

void Outbox::finishItem(qint64 id)
{
    m_busy.remove(id);
    schedule(m_notBefore.isValid()
                 ? std::chrono::milliseconds {std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(m_notBefore))}
                 : std::chrono::milliseconds {0});
}

void Outbox::emitItem(qint64 id)
{
    if (const std::optional<OutboxItem> i = item(id))
        Q_EMIT itemChanged(*i);
}

} // namespace Colleagues
