#include "SyncService.h"

#include "Message.h"
#include "Profile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Colleagues::Server {

SyncService::SyncService(Storage *storage)
    : m_storage(storage)
{ }

bool SyncService::isEmpty(const SyncPage &page)
{
    return !page.startOver && page.profiles.isEmpty() && page.removedIds.isEmpty() && page.messages.isEmpty();
}

ApiResult<SyncPage> SyncService::page(const QString &viewer, qint64 cursor, int limit) const
{
    qint64 at = cursor;
    for (int round = 0; round < 1000; ++round) {
        Result<SyncPage> page = m_storage->changesSince(viewer, at, limit);
        if (!page)
            return ApiError::fromStorage(page.error());
        if (!isEmpty(page.value()) || !page->hasMore || page->next <= at)
            return std::move(page).value();
        at = page->next;
    }
    SyncPage page;
    page.next = at;
    page.hasMore = true;
    return page;
}

QByteArray SyncService::toJson(const SyncPage &page)
{
    QJsonObject o;
    if (page.startOver) {
        o.insert(QStringLiteral("start_over"), true);
        o.insert(QStringLiteral("next"), 0);
        o.insert(QStringLiteral("has_more"), true);
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    QJsonArray profiles;
    for (const Profile &p : page.profiles)
        profiles.append(Colleagues::toJson(p));
    QJsonArray messages;
    for (const Message &m : page.messages)
        messages.append(Colleagues::toJson(m));
    o.insert(QStringLiteral("profiles"), profiles);
    o.insert(QStringLiteral("removed"), QJsonArray::fromStringList(page.removedIds));
    o.insert(QStringLiteral("messages"), messages);
    o.insert(QStringLiteral("next"), page.next);
    o.insert(QStringLiteral("has_more"), page.hasMore);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray SyncService::emptyJson(qint64 cursor)
{
    SyncPage page;
    page.next = cursor;
    return toJson(page);
}

} // namespace Colleagues::Server
