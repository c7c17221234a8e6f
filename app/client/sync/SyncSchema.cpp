// SPDX-License-Identifier: MIT
#include "client/sync/SyncSchema_p.h"

#include "client/Sqlite_p.h"
#include "client/StoreSchema_p.h"

#include "client/sync/SyncLogging.h"

#include <QElapsedTimer>

#include <QJsonDocument>
#include <QSet>
#include <ctime>

namespace Colleagues::SyncSchema {

using namespace Rows;

const char *const Migration4 = R"sql(
ALTER TABLE outbox ADD COLUMN data BLOB;
ALTER TABLE outbox ADD COLUMN error_kind TEXT;
ALTER TABLE outbox ADD COLUMN error_code TEXT;
ALTER TABLE outbox ADD COLUMN error_field TEXT;
ALTER TABLE outbox ADD COLUMN http_status INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN conflict TEXT;
CREATE INDEX outbox_by_conversation ON outbox(conversation, local_id);
CREATE INDEX messages_by_sequence ON messages(sequence);
)sql";

namespace {

//! CPU time of the calling thread: what a page costs, apart from waiting for the CPU.
qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

constexpr const char *OutboxColumns = "local_id, kind, idempotency_key, conversation, payload, state, attempts, "
                                      "next_attempt_at, last_error, created_at, error_kind, error_code, error_field, "
                                      "http_status";

OutboxItem readOutbox(const Sql::Statement &s)
{
    OutboxItem i;
    i.id = s.int64(0);
    i.kind = outboxKindFromName(s.text(1));
    i.key = s.text(2);
    i.conversation = s.text(3);
    i.payload = QJsonDocument::fromJson(s.text(4).toUtf8()).object();
    i.state = outboxStateFromName(s.text(5));
    i.attempts = s.integer(6);
    i.nextAttemptAt = fromIso(s.text(7));
    i.errorMessage = s.text(8);
    i.createdAt = fromIso(s.text(9));
    i.errorKind = s.text(10);
    i.errorCode = s.text(11);
    i.errorField = s.text(12);
    i.httpStatus = s.integer(13);
    return i;
}

} // namespace

// Rows: shared with GroupSchema.cpp ----------------------------------------------------------

namespace Rows {

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QString &s)
{
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}

void bindOptional(Sql::Statement &s, int index, const QString &value)
{
    if (value.isEmpty())
        s.bindNull(index);
    else
        s.bind(index, value);
}

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

MessageRecord readMessage(const Sql::Statement &s, int c)
{
    MessageRecord r;
    r.localId = s.int64(c + 0);
    r.message.id = s.int64(c + 1);
    r.message.clientId = s.text(c + 2);
    r.peer = s.text(c + 3);
    r.message.sender = s.text(c + 4);
    r.message.recipient = s.text(c + 5);
    r.message.body = s.text(c + 6);
    r.message.sentAt = fromIso(s.text(c + 7));
    r.message.sequence = s.int64(c + 8);
    r.message.readAt = fromIso(s.text(c + 9));
    r.state = messageStateFromName(s.text(c + 10));
    if (r.state == MessageRecord::State::Failed)
        r.error = s.text(c + 11);
    r.message.conversation = s.text(c + 12);
    return r;
}

} // namespace Rows

QString syncValue(sqlite3 *db, const char *key)
{
    Sql::Statement s(db, "SELECT value FROM sync_state WHERE key = ?1");
    s.bind(1, QString::fromLatin1(key));
    return s.next() ? s.text(0) : QString();
}

qint64 cursor(sqlite3 *db)
{
    return syncValue(db, Keys::Cursor).toLongLong();
}

QList<MessageRecord> messages(sqlite3 *db, const QString &peer, int limit)
{
    // Server order first; messages still waiting to go out come last, in the order written.
    const QByteArray sql = QByteArray("SELECT ") + MessageColumns
        + " FROM messages m WHERE (?1 = '' OR m.peer = ?1) "
          "ORDER BY m.sequence IS NULL DESC, m.sequence DESC, m.local_id DESC LIMIT ?2";
    Sql::Statement s(db, sql.constData());
    s.bind(1, peer);
    s.bind(2, qint64(limit));
    QList<MessageRecord> out;
    while (s.next())
        out.append(readMessage(s));
    // The inner query picks the newest; present them oldest first.
    std::sort(out.begin(), out.end(), [](const MessageRecord &a, const MessageRecord &b) {
        const bool aPending = a.message.sequence == 0, bPending = b.message.sequence == 0;
        if (aPending != bPending)
            return bPending;
        if (a.message.sequence != b.message.sequence)
            return a.message.sequence < b.message.sequence;
        return a.localId < b.localId;
    });
    return out;
}

std::optional<MessageRecord> messageByClientId(sqlite3 *db, const QString &clientId)
{
    const QByteArray sql = QByteArray("SELECT ") + MessageColumns + " FROM messages m WHERE m.client_id = ?1";
    Sql::Statement s(db, sql.constData());
    s.bind(1, clientId);
    if (!s.next())
        return std::nullopt;
    return readMessage(s);
}

QList<ChatSummary> conversations(sqlite3 *db)
{
    const QByteArray sql = QByteArray("SELECT c.peer, c.unread_count, c.last_activity, ") + MessageColumns
        + " FROM conversations c LEFT JOIN messages m ON m.local_id = c.last_message_id "
          "ORDER BY c.last_activity DESC, c.peer";
    Sql::Statement s(db, sql.constData());
    QList<ChatSummary> out;
    while (s.next()) {
        ChatSummary c;
        c.peer = s.text(0);
        c.unreadCount = s.integer(1);
        c.lastActivity = fromIso(s.text(2));
        if (!s.isNull(3))
            c.lastMessage = readMessage(s, 3);
        out.append(c);
    }
    out += groupSummaries(db);
    std::stable_sort(out.begin(), out.end(),
                     [](const ChatSummary &a, const ChatSummary &b) { return a.lastActivity > b.lastActivity; });
    return out;
}

QList<Status> statuses(sqlite3 *db)
{
    Sql::Statement s(db, "SELECT json FROM statuses ORDER BY username");
    QList<Status> out;
    while (s.next()) {
        // Written by upsertStatus() from a status that decoded: a row that does not is skipped.
        Expected<Status> status = statusFromJson(QJsonDocument::fromJson(s.text(0).toUtf8()).object());
        if (status)
            out.append(std::move(status).value());
    }
    return out;
}

QList<OutboxItem> outboxItems(sqlite3 *db, bool includeSent)
{
    const QByteArray sql = QByteArray("SELECT ") + OutboxColumns + " FROM outbox "
        + (includeSent ? "" : "WHERE state <> 'sent' ") + "ORDER BY local_id";
    Sql::Statement s(db, sql.constData());
    QList<OutboxItem> out;
    while (s.next())
        out.append(readOutbox(s));
    return out;
}

std::optional<OutboxItem> outboxItem(sqlite3 *db, qint64 id)
{
    const QByteArray sql = QByteArray("SELECT ") + OutboxColumns + " FROM outbox WHERE local_id = ?1";
    Sql::Statement s(db, sql.constData());
    s.bind(1, id);
    if (!s.next())
        return std::nullopt;
    return readOutbox(s);
}

QByteArray outboxConflict(sqlite3 *db, qint64 id)
{
    Sql::Statement s(db, "SELECT conflict FROM outbox WHERE local_id = ?1");
    s.bind(1, id);
    return s.next() && !s.isNull(0) ? s.text(0).toUtf8() : QByteArray();
}

QByteArray outboxData(sqlite3 *db, qint64 id)
{
    Sql::Statement s(db, "SELECT data FROM outbox WHERE local_id = ?1");
    s.bind(1, id);
    if (!s.next())
        return {};
    const void *blob = sqlite3_column_blob(s.handle(), 0);
    return QByteArray(static_cast<const char *>(blob), sqlite3_column_bytes(s.handle(), 0));
}

// SyncWriter ---------------------------------------------------------------------------------

struct SyncWriter::Statements
{
    Sql::Statement updateMessage;
    Sql::Statement insertMessage;
    Sql::Statement messageByLocalId;
    Sql::Statement refreshConversation;
    Sql::Statement insertOutbox;
    Sql::Statement outboxById;
    Sql::Statement setOutboxState;
    Sql::Statement setMessageState;
    Sql::Statement upsertStatus;
    Sql::Statement removeStatus;
};

SyncWriter::SyncWriter(sqlite3 *db)
    : m_db(db)
    , m_directory(std::make_unique<StoreSchema::DirectoryWriter>(db))
    , m_s(std::make_unique<Statements>())
{
    m_valid = m_directory->isValid()
        && m_s->updateMessage.prepare(
            db,
            "UPDATE messages SET server_id = ?1, sent_at = ?2, sequence = ?3, read_at = ?4, state = 'sent', "
            "body = ?5, sender = ?6, recipient = ?7, peer = ?8, client_id = COALESCE(client_id, ?9), "
            "conversation = ?10 WHERE server_id = ?1 OR (?9 IS NOT NULL AND client_id = ?9) RETURNING local_id")
        && m_s->insertMessage.prepare(
            db,
            "INSERT INTO messages(server_id, client_id, peer, sender, recipient, body, sent_at, sequence, read_at, "
            "state, conversation) VALUES(?1, ?9, ?8, ?6, ?7, ?5, ?2, ?3, ?4, 'sent', ?10) RETURNING local_id")
        && m_s->messageByLocalId.prepare(
            db, (QByteArray("SELECT ") + MessageColumns + " FROM messages m WHERE m.local_id = ?1").constData())
        && m_s->refreshConversation.prepare(
            db,
            "INSERT OR REPLACE INTO conversations(peer, last_message_id, last_activity, unread_count) "
            "SELECT ?1, m.local_id, COALESCE(m.sent_at, ?2), "
            "(SELECT count(*) FROM messages u WHERE u.peer = ?1 AND u.sender = ?1 AND u.read_at IS NULL) "
            "FROM messages m WHERE m.peer = ?1 "
            "ORDER BY m.sequence IS NULL DESC, m.sequence DESC, m.local_id DESC LIMIT 1")
        && m_s->insertOutbox.prepare(
            db,
            "INSERT INTO outbox(kind, idempotency_key, conversation, payload, state, created_at, data) "
            "VALUES(?1, ?2, ?3, ?4, 'pending', ?5, ?6) RETURNING local_id")
        && m_s->outboxById.prepare(
            db, (QByteArray("SELECT ") + OutboxColumns + " FROM outbox WHERE local_id = ?1").constData())
        && m_s->setOutboxState.prepare(
            db,
            "UPDATE outbox SET state = ?2, attempts = attempts + ?3, next_attempt_at = ?4, last_error = ?5, "
            "error_kind = ?6, error_code = ?7, error_field = ?8, http_status = ?9 WHERE local_id = ?1")
        && m_s->setMessageState.prepare(db, "UPDATE messages SET state = ?2 WHERE client_id = ?1 AND state <> 'sent'")
        && m_s->upsertStatus.prepare(
            db, "INSERT OR REPLACE INTO statuses(username, presence, availability, json) VALUES(?1, ?2, ?3, ?4)")
        && m_s->removeStatus.prepare(db, "DELETE FROM statuses WHERE username = ?1");
    if (!m_valid)
        m_error = m_directory->isValid() ? Sql::errorMessage(db) : m_directory->errorString();
}

SyncWriter::~SyncWriter() = default;

bool SyncWriter::failStatement(const Sql::Statement &s)
{
    m_error = s.errorMessage();
    return false;
}

bool SyncWriter::upsertMessage(const Message &m, const QString &me, bool *inserted, MessageRecord *record)
{
    // A chat has one key: the other person, or the group conversation.
    const QString peer = m.isInConversation() ? m.conversation : m.sender == me ? m.recipient : m.sender;
    for (Sql::Statement *s : {&m_s->updateMessage, &m_s->insertMessage}) {
        s->bind(1, m.id);
        bindOptional(*s, 2, iso(m.sentAt));
        s->bind(3, m.sequence);
        bindOptional(*s, 4, iso(m.readAt));
        s->bind(5, m.body);
        s->bind(6, m.sender);
        s->bind(7, m.recipient);
        s->bind(8, peer);
        bindOptional(*s, 9, m.clientId);
        bindOptional(*s, 10, m.conversation);
        qint64 localId = 0;
        if (s->next())
            localId = s->int64(0);
        s->reset();
        if (!s->ok())
            return failStatement(*s);
        if (localId != 0) {
            *inserted = s == &m_s->insertMessage;
            m_s->messageByLocalId.bind(1, localId);
            if (m_s->messageByLocalId.next())
                *record = readMessage(m_s->messageByLocalId);
            m_s->messageByLocalId.reset();
            return true;
        }
    }
    m_error = QStringLiteral("message %1 was neither updated nor inserted").arg(m.id);
    return false;
}

bool SyncWriter::upsertStatus(const Status &status)
{
    // The default status is what having no row means.
    if (status.isDefault()) {
        m_s->removeStatus.bind(1, status.username);
        return m_s->removeStatus.exec() || failStatement(m_s->removeStatus);
    }
    m_s->upsertStatus.bind(1, status.username);
    m_s->upsertStatus.bind(2, presenceName(status.presence));
    m_s->upsertStatus.bind(3, availabilityName(status.availability));
    m_s->upsertStatus.bind(4, jsonText(toJson(status)));
    return m_s->upsertStatus.exec() || failStatement(m_s->upsertStatus);
}

bool SyncWriter::refreshChat(const QString &key)
{
    return isGroup(key) ? refreshGroup(key) : refreshConversation(key);
}

bool SyncWriter::refreshConversation(const QString &peer)
{
    m_s->refreshConversation.bind(1, peer);
    m_s->refreshConversation.bind(2, iso(QDateTime::currentDateTimeUtc()));
    return m_s->refreshConversation.exec() || failStatement(m_s->refreshConversation);
}

QString parseError(const Error &error)
{
    return QStringLiteral("unusable sync answer: %1 %2").arg(error.field, error.message);
}

PageResult SyncWriter::applyPage(const QByteArray &body, qint64 since, const QString &me)
{
    Expected<SyncBatch> decoded = SyncBatch::fromJson(body);
    if (!decoded) {
        PageResult r;
        r.error = parseError(decoded.error());
        return r;
    }
    return applyPage(*decoded, since, me);
}

PageResult SyncWriter::applyPage(const SyncBatch &batch, qint64 since, const QString &me)
{
    PageResult r;
    QElapsedTimer clock;
    clock.start();
    const qint64 cpuAtStart = threadCpuNs();
    r.startOver = batch.startOver;
    r.next = batch.next;
    r.hasMore = batch.hasMore;
    r.total = batch.total;
    if (batch.startOver)
        return r;

    Sql::Transaction transaction(m_db);
    if (!transaction.isActive()) {
        r.error = Sql::errorMessage(m_db);
        return r;
    }
    // The page must continue exactly where the stored directory is; anything else was
    // already applied, or belongs to a directory that was reset since.
    if (cursor(m_db) != since) {
        r.stale = true;
        return r;
    }
    r.initialDone = syncValue(m_db, Keys::InitialDone) == QLatin1String("1");
    r.initialReceived = syncValue(m_db, Keys::InitialReceived).toLongLong();
    if (!r.initialDone && !m_bulk && batch.profiles.size() >= 200) {
        // The first sync touches most pages of the indexes with every page: a cache that holds
        // them writes each once per commit instead of evicting and re-reading it. Given back below.
        // Fewer, larger checkpoints too: each one syncs the file to disk.
        Sql::exec(m_db, "PRAGMA cache_size=-131072; PRAGMA wal_autocheckpoint=16384;");
        m_bulk = true;
    }

    for (const QString &id : batch.removedIds) {
        bool removed = false;
        if (!m_directory->remove(id, &removed)) {
            r.error = m_directory->errorString();
            return r;
        }
        if (removed)
            r.removedProfileIds.append(id);
    }
    // A first sync brings profiles the store does not have yet (a repeat is looked up anyway).
    if (!m_directory->upsertAll(batch.profiles, !r.initialDone)) {
        r.error = m_directory->errorString();
        return r;
    }
    r.changedProfileIds.reserve(batch.profiles.size());
    for (const Profile &p : batch.profiles)
        r.changedProfileIds.append(p.id);
    // Conversations before their messages: a message's conversation is known when it comes.
    for (const Conversation &c : batch.conversations) {
        bool isNew = false;
        if (!upsertGroup(c, false, &isNew)) {
            r.error = m_error;
            return r;
        }
        if (isNew)
            r.newConversationIds.append(c.id);
    }
    QSet<QString> peers;
    for (const Conversation &c : batch.conversations)
        peers.insert(c.id);
    for (const Message &m : batch.messages) {
        bool inserted = false;
        MessageRecord record;
        if (!upsertMessage(m, me, &inserted, &record)) {
            r.error = m_error;
            return r;
        }
        peers.insert(record.peer);
        (inserted ? r.newMessages : r.updatedMessages).append(record);
    }
    for (const QString &peer : std::as_const(peers)) {
        if (!refreshChat(peer)) {
            r.error = m_error;
            return r;
        }
    }
    for (const Conversation &c : batch.conversations) {
        if (std::optional<GroupChat> group = groupChat(m_db, c.id))
            r.changedConversations.append(std::move(*group));
    }
    for (const Status &status : batch.statuses) {
        if (!upsertStatus(status)) {
            r.error = m_error;
            return r;
        }
    }
    r.changedStatuses = batch.statuses;

    if (!r.initialDone) {
        r.initialReceived += batch.profiles.size();
        r.initialDone = !batch.hasMore;
    }
    bool ok = m_directory->setSyncValue(QLatin1String(Keys::Cursor), QString::number(batch.next))
        && m_directory->setSyncValue(QLatin1String(Keys::InitialReceived), QString::number(r.initialReceived))
        && m_directory->setSyncValue(QLatin1String(Keys::InitialDone), r.initialDone ? QStringLiteral("1") : QString());
    if (ok && batch.total >= 0)
        ok = m_directory->setSyncValue(QLatin1String(Keys::Total), QString::number(batch.total));
    if (!ok) {
        r.error = m_directory->errorString();
        return r;
    }
    if (!transaction.commit(&r.error))
        return r;
    r.error.clear();
    if (r.initialDone && m_bulk) {
        Sql::exec(m_db, "PRAGMA cache_size=-16000; PRAGMA wal_autocheckpoint=1000; PRAGMA shrink_memory;");
        m_bulk = false;
    }
    qCDebug(lcSync) << "page after" << since << ":" << batch.profiles.size() << "profiles," << batch.messages.size()
                    << "messages; stored in" << clock.elapsed() << "ms," << (threadCpuNs() - cpuAtStart) / 1000000
                    << "ms of CPU";
    return r;
}

bool SyncWriter::resetForResync()
{
    Sql::Transaction transaction(m_db);
    // Profiles cascade to skills, interests and the search index. Messages the server
    // confirmed come back with the resync; those still in the outbox stay.
    if (!transaction.isActive()
        || !Sql::exec(m_db,
                      "DELETE FROM profiles; DELETE FROM statuses;"
                      "DELETE FROM messages WHERE state = 'sent';"
                      "DELETE FROM conversations WHERE peer NOT IN (SELECT peer FROM messages);"
                      // Group conversations the server has come back with the resync; those
                      // created here and not sent yet stay, with what waits to go into them.
                      "DELETE FROM group_conversations WHERE sequence IS NOT NULL;"
                      "DELETE FROM sync_state WHERE key IN ('sync.cursor', 'sync.initial_done', "
                      "'sync.initial_received', 'sync.total');",
                      &m_error))
        return false;
    Sql::Statement peers(m_db,
                         "SELECT DISTINCT peer FROM messages WHERE conversation IS NULL "
                         "UNION SELECT id FROM group_conversations");
    QStringList list;
    while (peers.next())
        list.append(peers.text(0));
    for (const QString &peer : std::as_const(list)) {
        if (!refreshChat(peer))
            return false;
    }
    return transaction.commit(&m_error);
}

bool SyncWriter::resetForAccountChange()
{
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive()
        || !Sql::exec(m_db,
                      "DELETE FROM profiles; DELETE FROM conversations; DELETE FROM messages; DELETE FROM outbox;"
                      "DELETE FROM group_conversations;"
                      "DELETE FROM statuses;"
                      "DELETE FROM sync_state WHERE key LIKE 'sync.%' OR key LIKE 'account.%';",
                      &m_error))
        return false;
    return transaction.commit(&m_error);
}

bool SyncWriter::storeStatus(const Status &status)
{
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive(&m_error))
        return false;
    return upsertStatus(status) && transaction.commit(&m_error);
}

bool SyncWriter::setValues(const QList<QPair<QString, QString>> &values)
{
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive(&m_error))
        return false;
    for (const auto &[key, value] : values) {
        if (!m_directory->setSyncValue(key, value)) {
            m_error = m_directory->errorString();
            return false;
        }
    }
    return transaction.commit(&m_error);
}

std::optional<OutboxItem> SyncWriter::insertOutbox(OutboxItem::Kind kind, const QString &key,
                                                   const QString &conversation, const QJsonObject &payload,
                                                   const QByteArray &data)
{
    Sql::Statement &s = m_s->insertOutbox;
    s.bind(1, outboxKindName(kind));
    s.bind(2, key);
    s.bind(3, conversation);
    s.bind(4, jsonText(payload));
    s.bind(5, iso(QDateTime::currentDateTimeUtc()));
    if (data.isNull())
        s.bindNull(6);
    else
        sqlite3_bind_blob(s.handle(), 6, data.constData(), int(data.size()), SQLITE_TRANSIENT);
    qint64 id = 0;
    if (s.next())
        id = s.int64(0);
    s.reset();
    if (!s.ok() || id == 0) {
        failStatement(s);
        return std::nullopt;
    }
    m_s->outboxById.bind(1, id);
    std::optional<OutboxItem> item;
    if (m_s->outboxById.next())
        item = readOutbox(m_s->outboxById);
    m_s->outboxById.reset();
    return item;
}

std::optional<OutboxItem> SyncWriter::enqueueMessage(const QString &me, const QString &to, const QString &body,
                                                     const QString &clientId, MessageRecord *record)
{
    return enqueuePending(me, to, QString(), body, clientId, record);
}

std::optional<OutboxItem> SyncWriter::enqueueGroupMessage(const QString &me, const QString &conversation,
                                                          const QString &body, const QString &clientId,
                                                          MessageRecord *record)
{
    return enqueuePending(me, QString(), conversation, body, clientId, record);
}

std::optional<OutboxItem> SyncWriter::enqueuePending(const QString &me, const QString &to, const QString &conversation,
                                                     const QString &body, const QString &clientId,
                                                     MessageRecord *record)
{
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive(&m_error))
        return std::nullopt;
    // One key per chat (peer): the person, or the group conversation, which also orders the outbox.
    const QString peer = conversation.isEmpty() ? to : conversation;
    Sql::Statement insert(m_db,
                          "INSERT INTO messages(client_id, peer, sender, recipient, body, state, conversation) "
                          "VALUES(?1, ?2, ?3, ?4, ?5, 'pending', ?6) RETURNING local_id");
    insert.bind(1, clientId);
    insert.bind(2, peer);
    insert.bind(3, me);
    insert.bind(4, to);
    insert.bind(5, body);
    bindOptional(insert, 6, conversation);
    qint64 localId = 0;
    if (insert.next())
        localId = insert.int64(0);
    insert.reset();
    if (!insert.ok() || localId == 0) {
        failStatement(insert);
        return std::nullopt;
    }
    const QJsonObject payload {{conversation.isEmpty() ? QStringLiteral("to") : QStringLiteral("conversation"), peer},
                               {QStringLiteral("body"), body}};
    std::optional<OutboxItem> item = insertOutbox(OutboxItem::Kind::Message, clientId, peer, payload, {});
    if (!item || !refreshChat(peer) || !transaction.commit(&m_error))
        return std::nullopt;
    m_s->messageByLocalId.bind(1, localId);
    if (m_s->messageByLocalId.next())
        *record = readMessage(m_s->messageByLocalId);
    m_s->messageByLocalId.reset();
    return item;
}

std::optional<OutboxItem> SyncWriter::enqueueProfile(const Profile &edit, qint64 baseRevision, const QString &key)
{
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive(&m_error))
        return std::nullopt;
    QJsonObject payload {{QStringLiteral("profile"), toJson(edit)}, {QStringLiteral("base_revision"), baseRevision}};
    // A save not yet on its way is replaced by the newer edit; it keeps its place and base.
    Sql::Statement queued(m_db,
                          "SELECT local_id, payload FROM outbox WHERE kind = 'profile' AND state = 'pending' "
                          "ORDER BY local_id DESC LIMIT 1");
    if (queued.next()) {
        const qint64 id = queued.int64(0);
        const QJsonObject old = QJsonDocument::fromJson(queued.text(1).toUtf8()).object();
        queued.reset();
        payload.insert(QStringLiteral("base_revision"), old.value(QStringLiteral("base_revision")).toInteger());
        Sql::Statement update(m_db, "UPDATE outbox SET payload = ?2 WHERE local_id = ?1");
        update.bind(1, id);
        update.bind(2, jsonText(payload));
        if (!update.exec()) {
            failStatement(update);
            return std::nullopt;
        }
        if (!transaction.commit(&m_error))
            return std::nullopt;
        return outboxItem(m_db, id);
    }
    queued.reset();
    std::optional<OutboxItem> item =
        insertOutbox(OutboxItem::Kind::Profile, key, QStringLiteral("profile"), payload, {});
    if (!item || !transaction.commit(&m_error))
        return std::nullopt;
    return item;
}

std::optional<OutboxItem> SyncWriter::enqueuePhoto(const QByteArray &image, const QByteArray &mimeType,
                                                   const QString &key)
{
    // A newer photo replaces one that has not gone out yet.
    Sql::Statement drop(m_db, "DELETE FROM outbox WHERE kind = 'photo' AND state = 'pending'");
    if (!drop.exec()) {
        failStatement(drop);
        return std::nullopt;
    }
    return insertOutbox(OutboxItem::Kind::Photo, key, QStringLiteral("photo"),
                        QJsonObject {{QStringLiteral("mime_type"), QString::fromLatin1(mimeType)},
                                     {QStringLiteral("bytes"), qint64(image.size())}},
                        image.isNull() ? QByteArray("") : image);
}

bool SyncWriter::resetSending()
{
    // Sent items stay visible for a day (the state of a profile save), then go; a message's
    // state lives on in its messages row.
    Sql::Statement purge(m_db, "DELETE FROM outbox WHERE state = 'sent' AND created_at < ?1");
    purge.bind(1, iso(QDateTime::currentDateTimeUtc().addDays(-1)));
    return Sql::exec(m_db, "UPDATE outbox SET state = 'pending' WHERE state = 'sending'", &m_error)
        && (purge.exec() || failStatement(purge));
}

bool SyncWriter::markSending(qint64 id)
{
    Sql::Statement s(m_db, "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE local_id = ?1");
    s.bind(1, id);
    return s.exec() || failStatement(s);
}

namespace {
void bindFailure(Sql::Statement &s, qint64 id, const char *state, const OutboxItem &f)
{
    s.bind(1, id);
    s.bind(2, QString::fromLatin1(state));
    s.bind(3, 0);
    bindOptional(s, 4, iso(f.nextAttemptAt));
    bindOptional(s, 5, f.errorMessage);
    bindOptional(s, 6, f.errorKind);
    bindOptional(s, 7, f.errorCode);
    bindOptional(s, 8, f.errorField);
    s.bind(9, f.httpStatus);
}
} // namespace

bool SyncWriter::markItemSent(qint64 id)
{
    bindFailure(m_s->setOutboxState, id, "sent", OutboxItem {});
    return m_s->setOutboxState.exec() || failStatement(m_s->setOutboxState);
}

bool SyncWriter::markRetry(qint64 id, const OutboxItem &failure)
{
    bindFailure(m_s->setOutboxState, id, "pending", failure);
    return m_s->setOutboxState.exec() || failStatement(m_s->setOutboxState);
}

bool SyncWriter::markFailed(qint64 id, const OutboxItem &failure, const QByteArray &conflict, MessageRecord *record)
{
    Sql::Transaction transaction(m_db);
    bindFailure(m_s->setOutboxState, id, "failed", failure);
    if (!transaction.isActive() || !m_s->setOutboxState.exec())
        return failStatement(m_s->setOutboxState);
    Sql::Statement setConflict(m_db, "UPDATE outbox SET conflict = ?2 WHERE local_id = ?1");
    setConflict.bind(1, id);
    if (conflict.isEmpty())
        setConflict.bindNull(2);
    else
        setConflict.bindUtf8(2, conflict);
    if (!setConflict.exec())
        return failStatement(setConflict);
    const std::optional<OutboxItem> item = outboxItem(m_db, id);
    if (item && item->kind == OutboxItem::Kind::Message) {
        m_s->setMessageState.bind(1, item->key);
        m_s->setMessageState.bind(2, QStringLiteral("failed"));
        if (!m_s->setMessageState.exec())
            return failStatement(m_s->setMessageState);
        if (record) {
            if (const auto m = messageByClientId(m_db, item->key))
                *record = *m;
        }
    }
    return transaction.commit(&m_error);
}

bool SyncWriter::markMessageSent(qint64 id, const Message &message, MessageRecord *record)
{
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive(&m_error))
        return false;
    if (!markItemSent(id))
        return false;
    bool inserted = false;
    if (!upsertMessage(message, message.sender, &inserted, record) || !refreshChat(record->peer))
        return false;
    return transaction.commit(&m_error);
}

bool SyncWriter::markProfileSent(qint64 id, const Profile &saved, qint64 oldRevision)
{
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive(&m_error))
        return false;
    if (!markItemSent(id))
        return false;
    // A sent photo's bytes are the server's now.
    Sql::Statement conflict(m_db, "UPDATE outbox SET conflict = NULL, data = NULL WHERE local_id = ?1");
    conflict.bind(1, id);
    if (!conflict.exec())
        return failStatement(conflict);
    if (!saved.username.isEmpty()) {
        if (!m_directory->upsert(saved)) {
            m_error = m_directory->errorString();
            return false;
        }
        // Saves queued after this one were made on top of it: move them to its revision.
        Sql::Statement rebase(m_db,
                              "UPDATE outbox SET payload = json_set(payload, '$.base_revision', ?2) "
                              "WHERE kind = 'profile' AND state = 'pending' "
                              "AND json_extract(payload, '$.base_revision') = ?1");
        rebase.bind(1, oldRevision);
        rebase.bind(2, saved.revision);
        if (!rebase.exec())
            return failStatement(rebase);
    }
    return transaction.commit(&m_error);
}

bool SyncWriter::requeue(qint64 id, const QJsonObject &payload)
{
    Sql::Transaction transaction(m_db);
    Sql::Statement s(m_db,
                     "UPDATE outbox SET state = 'pending', payload = ?2, conflict = NULL, attempts = 0, "
                     "next_attempt_at = NULL, last_error = NULL, error_kind = NULL, error_code = NULL, "
                     "error_field = NULL, http_status = 0 WHERE local_id = ?1");
    s.bind(1, id);
    s.bind(2, jsonText(payload));
    if (!transaction.isActive() || !s.exec())
        return failStatement(s);
    const std::optional<OutboxItem> item = outboxItem(m_db, id);
    if (item && item->kind == OutboxItem::Kind::Message) {
        m_s->setMessageState.bind(1, item->key);
        m_s->setMessageState.bind(2, QStringLiteral("pending"));
        if (!m_s->setMessageState.exec())
            return failStatement(m_s->setMessageState);
    }
    return transaction.commit(&m_error);
}

bool SyncWriter::remove(qint64 id)
{
    Sql::Transaction transaction(m_db);
    const std::optional<OutboxItem> item = outboxItem(m_db, id);
    if (item && item->kind == OutboxItem::Kind::Message && item->state != OutboxItem::State::Sent) {
        Sql::Statement drop(m_db, "DELETE FROM messages WHERE client_id = ?1 AND state <> 'sent'");
        drop.bind(1, item->key);
        if (!drop.exec() || !refreshChat(item->conversation))
            return failStatement(drop);
    }
    Sql::Statement s(m_db, "DELETE FROM outbox WHERE local_id = ?1");
    s.bind(1, id);
    if (!s.exec())
        return failStatement(s);
    return transaction.commit(&m_error);
}

bool SyncWriter::markConversationRead(const QString &peer, qint64 upToId)
{
    Sql::Transaction transaction(m_db);
    Sql::Statement s(m_db,
                     "UPDATE messages SET read_at = ?3 WHERE peer = ?1 AND sender = ?1 AND read_at IS NULL "
                     "AND server_id IS NOT NULL AND server_id <= ?2");
    s.bind(1, peer);
    s.bind(2, upToId);
    s.bind(3, iso(QDateTime::currentDateTimeUtc()));
    if (!transaction.isActive() || !s.exec())
        return failStatement(s);
    return refreshConversation(peer) && transaction.commit(&m_error);
}

} // namespace Colleagues::SyncSchema
