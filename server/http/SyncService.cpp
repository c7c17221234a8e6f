// SPDX-License-Identifier: MIT
#include "server/http/SyncService.h"

#include "core/Conversation.h"
#include "core/Message.h"
#include "core/Profile.h"
#include "core/Status.h"
#include "core/Validation.h"
#include "server/http/Compression.h"
#include "server/http/JsonWriter.h"
#include "server/http/PageCompressor.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Colleagues::Server {

SyncService::SyncService(Storage *storage, const VisibilityPolicy *policy)
    : m_storage(storage)
    , m_policy(policy)
{ }

std::optional<ApiError> SyncService::cutToViewer(const Session &viewer, QList<Profile> &profiles) const
{
    const bool admin = viewer.role == Role::Admin;
    // The viewer's place in the directory is read once a page, and only when it matters.
    std::optional<Reader> reader;
    for (Profile &profile : profiles) {
        if (!reader && !admin && profile.username != viewer.username && m_policy->needsTeam(profile)) {
            Expected<Reader> loaded = Reader::load(*m_storage, viewer);
            if (!loaded)
                return ApiError::fromStorage(loaded.error());
            reader = std::move(loaded).value();
        }
        profile = m_policy->forReader(std::move(profile), viewer.username, admin, reader ? &*reader : nullptr);
    }
    return std::nullopt;
}

ApiResult<SyncService::Presence> SyncService::presenceParameter(const QUrlQuery &query)
{
    const QString name = QStringLiteral("presence");
    if (!query.hasQueryItem(name))
        return Presence::Active;
    const QString value = query.queryItemValue(name);
    if (value == u"active")
        return Presence::Active;
    if (value == u"idle")
        return Presence::Idle;
    return ApiError::make(ApiError::Kind::Malformed, QStringLiteral("malformed"),
                          QStringLiteral("presence must be active or idle."), name);
}

ApiResult<QSet<QString>> SyncService::watchParameter(const QUrlQuery &query)
{
    const QString name = QStringLiteral("watch");
    QSet<QString> watched;
    if (!query.hasQueryItem(name))
        return watched;
    const QStringList parts =
        query.queryItemValue(name, QUrl::FullyDecoded).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.size() > Limits::WatchMax) {
        return ApiError::make(ApiError::Kind::Malformed, QStringLiteral("too_many"),
                              QStringLiteral("watch may name at most %1 people.").arg(Limits::WatchMax), name);
    }
    for (const QString &part : parts) {
        const QString username = part.trimmed().toLower();
        if (!Validation::checkUsername(username).isError())
            watched.insert(username);
    }
    return watched;
}

bool SyncService::isEmpty(const SyncPage &page)
{
    return !page.startOver && page.profiles.isEmpty() && page.removedIds.isEmpty() && page.messages.isEmpty()
        && page.statuses.isEmpty() && page.conversations.isEmpty();
}

bool SyncService::concerns(const SyncPage &page, const QString &viewer, const QSet<QString> &watched)
{
    if (page.startOver || page.hasMore || !page.profiles.isEmpty() || !page.removedIds.isEmpty()
        || !page.messages.isEmpty() || !page.conversations.isEmpty())
        return true;
    return std::any_of(page.statuses.cbegin(), page.statuses.cend(), [&](const SyncStatusPtr &item) {
        return item->status.username == viewer || watched.contains(item->status.username);
    });
}

ApiResult<SyncPage> SyncService::page(const Session &viewer, qint64 cursor, int limit) const
{
    qint64 at = cursor;
    for (int round = 0; round < 1000; ++round) {
        Expected<SyncPage> page = m_storage->changesSince(viewer.username, at, limit);
        if (!page)
            return ApiError::fromStorage(page.error());
        if (!isEmpty(page.value()) || !page->hasMore || page->next <= at) {
            if (std::optional<ApiError> failed = cutToViewer(viewer, page.value().profiles))
                return *failed;
            return std::move(page).value();
        }
        at = page->next;
    }
    SyncPage page;
    page.next = at;
    page.hasMore = true;
    return page;
}

ApiResult<SyncPage> SyncService::statusPage(qint64 cursor, qint64 upTo, int limit) const
{
    Expected<SyncPage> page = m_storage->statusesSince(cursor, upTo, limit);
    if (!page)
        return ApiError::fromStorage(page.error());
    return std::move(page).value();
}

namespace {

void addVocabularyVersion(JsonWriter &w, const QString &vocabularyVersion)
{
    if (vocabularyVersion.isEmpty())
        return;
    w.raw(",\"vocabulary_version\":");
    w.string(vocabularyVersion);
}

//! The page's JSON up to its statuses: it ends with `"statuses":[`.
void writeBeforeStatuses(JsonWriter &w, const SyncPage &page)
{
    // Members in sorted order, as QJsonDocument writes them: conversations come before the
    // messages they hold.
    w.raw("{\"conversations\":");
    w.array(page.conversations, [&w](const Conversation &conversation) {
        w.raw(QJsonDocument(Colleagues::toJson(conversation)).toJson(QJsonDocument::Compact).constData());
    });
    w.raw(",\"has_more\":");
    w.boolean(page.hasMore);
    w.raw(",\"messages\":");
    w.array(page.messages, [&w](const Message &message) { w.message(message); });
    w.raw(",\"next\":");
    w.number(page.next);
    w.raw(",\"profiles\":");
    w.array(page.profiles, [&w](const Profile &profile) { w.profile(profile); });
    w.raw(",\"removed\":");
    w.array(page.removedIds, [&w](const QString &id) { w.string(id); });
    w.raw(",\"statuses\":[");
}

void writeStatuses(JsonWriter &w, const QList<SyncStatusPtr> &statuses)
{
    for (qsizetype i = 0; i < statuses.size(); ++i) {
        const SyncStatusPtr &item = statuses.at(i);
        if (i)
            w.raw(',');
        if (item->json.isEmpty())
            w.status(item->status);
        else
            w.raw(item->json);
    }
}

//! The page's JSON after its statuses: it starts with the `]` that ends them.
void writeAfterStatuses(JsonWriter &w, qint64 total, const QString &vocabularyVersion)
{
    w.raw(']');
    if (total >= 0) {
        w.raw(",\"total\":");
        w.number(total);
    }
    addVocabularyVersion(w, vocabularyVersion);
    w.raw('}');
}

} // namespace

QByteArray SyncService::toJson(const SyncPage &page, qint64 total, const QString &vocabularyVersion)
{
    if (page.startOver) {
        JsonWriter w(128);
        w.raw(R"({"has_more":true,"next":0,"start_over":true)");
        addVocabularyVersion(w, vocabularyVersion);
        w.raw('}');
        return w.take();
    }
    JsonWriter w(1024 + page.profiles.size() * 900 + page.messages.size() * 300 + page.statuses.size() * 200);
    writeBeforeStatuses(w, page);
    writeStatuses(w, page.statuses);
    writeAfterStatuses(w, total, vocabularyVersion);
    return w.take();
}

HttpResponse SyncService::toResponse(const SyncPage &page, qint64 total, const QString &vocabularyVersion,
                                     PageCompressor *compressor)
{
    const bool pieces = compressor && !page.startOver && !page.statuses.isEmpty()
        && std::none_of(page.statuses.cbegin(), page.statuses.cend(),
                        [](const SyncStatusPtr &status) { return status->json.isEmpty(); });
    if (!pieces)
        return HttpResponse::json(200, toJson(page, total, vocabularyVersion));
    JsonWriter before(1024 + page.profiles.size() * 900 + page.messages.size() * 300);
    writeBeforeStatuses(before, page);
    JsonWriter after(128);
    writeAfterStatuses(after, total, vocabularyVersion);
    const QByteArray prefix = before.take();
    const QByteArray suffix = after.take();
    qsizetype size = prefix.size() + suffix.size();
    for (const SyncStatusPtr &status : page.statuses)
        size += status->json.size() + 1;
    if (size >= Compression::MinBytes) {
        QByteArray compressed = compressor->gzip(prefix, page.statuses, suffix);
        if (!compressed.isEmpty()) {
            HttpResponse response = HttpResponse::json(200, std::move(compressed));
            response.addHeader(QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip"));
            response.addHeader(QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Encoding"));
            return response;
        }
    }
    // Too short to compress (or zlib failed): the same page from the parts written above.
    JsonWriter w(size);
    w.raw(prefix);
    writeStatuses(w, page.statuses);
    w.raw(suffix);
    return HttpResponse::json(200, w.take());
}

QByteArray SyncService::emptyJson(qint64 cursor, const QString &vocabularyVersion)
{
    SyncPage page;
    page.next = cursor;
    return toJson(page, -1, vocabularyVersion);
}

} // namespace Colleagues::Server
