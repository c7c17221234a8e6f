// SPDX-License-Identifier: MIT
#pragma once

#include "server/http/ApiError.h"
#include "server/http/HttpResponse.h"
#include "server/http/VisibilityPolicy.h"
#include "server/storage/Storage.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QUrlQuery>

namespace Colleagues::Server {

class PageCompressor;

//! Pages of changes after a cursor, as one user may see them, and their JSON.
class SyncService
{
public:
    static constexpr int DefaultLimit = 1000;
    static constexpr int MaxLimit = 5000;
    static constexpr int MaxTimeoutSeconds = 60;

    SyncService(Storage *storage, const VisibilityPolicy *policy);

    enum class Presence { Active, Idle };
    //! The `presence` query parameter: active (the default) or idle; 400 otherwise.
    static ApiResult<Presence> presenceParameter(const QUrlQuery &query);
    //! The `watch` query parameter: at most Limits::WatchMax comma-separated usernames (400
    //! beyond); names that cannot be usernames are ignored, as unknown ones are.
    static ApiResult<QSet<QString>> watchParameter(const QUrlQuery &query);

    //! The changes after \a cursor visible to \a viewer (blocking), each profile as the viewer
    //! may see it (VisibilityPolicy). Skips over stretches of changes the viewer may not see, so
    //! an empty page with has_more never comes back.
    ApiResult<SyncPage> page(const Session &viewer, qint64 cursor, int limit) const;
    //! page() for a viewer whom nothing but statuses after \a cursor concerns up to \a upTo
    //! (Storage::statusesSince(): no read of the database, as a rule).
    ApiResult<SyncPage> statusPage(qint64 cursor, qint64 upTo, int limit) const;

    static bool isEmpty(const SyncPage &page);
    //! Whether \a page must end a held request of \a viewer at once: anything but statuses of
    //! people the viewer neither is nor watches (those wait for the next page).
    static bool concerns(const SyncPage &page, const QString &viewer, const QSet<QString> &watched);
    //! `{"conversations", "profiles", "removed", "messages", "statuses", "next", "has_more"}` or
    //! `{"start_over": true, ...}`.
    //! \a total, when >= 0, is the directory's size, sent with the first page of a first sync
    //! so that clients can show progress (n of total). \a vocabularyVersion, when not empty, is
    //! sent as "vocabulary_version" (clients fetch the vocabulary when theirs differs).
    static QByteArray toJson(const SyncPage &page, qint64 total = -1, const QString &vocabularyVersion = {});
    static QByteArray emptyJson(qint64 cursor, const QString &vocabularyVersion = {});
    //! The answer with the page: gzip by \a compressor when given (the client accepts gzip) and
    //! the page has statuses and is long enough; otherwise the JSON, which the exchange
    //! compresses when it is worth it (Compression::compressIfAccepted()).
    static HttpResponse toResponse(const SyncPage &page, qint64 total, const QString &vocabularyVersion,
                                   PageCompressor *compressor);

private:
    std::optional<ApiError> cutToViewer(const Session &viewer, QList<Profile> &profiles) const;

    Storage *m_storage;
    const VisibilityPolicy *m_policy;
};

} // namespace Colleagues::Server
