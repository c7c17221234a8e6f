// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/ApiError.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

namespace Colleagues {

class ApiClient;

/*!
 * Profile photos, fetched lazily the first time one is shown and cached on disk by photo
 * tag (a tag names one image for good). A cached photo is revalidated once per run with
 * If-None-Match; a 304 keeps it, a 200 brings the newer image under its new tag.
 */
class PhotoCache : public QObject
{
    Q_OBJECT

public:
    //! \a directory holds the cached files (created when needed).
    PhotoCache(ApiClient *api, const QString &directory, QObject *parent = nullptr);

    //! Where photos of the store in \a storeFile are cached unless another folder is given.
    static QString defaultDirectory(const QString &storeFile);
    //! The cached file for \a tag in \a directory, or an empty string; no network.
    static QString cachedFile(const QString &directory, const QString &tag);

    QString directory() const { return m_directory; }
    //! The cached file for \a tag, or an empty string when it is not cached.
    QString cachedPath(const QString &tag) const;

    /*!
     * The photo of \a username whose profile says \a tag. Returns the cached file at once when
     * there is one (and revalidates it in the background the first time); otherwise returns an
     * empty string and fetches it: photoReady() follows.
     */
    QString photo(const QString &username, const QString &tag);

Q_SIGNALS:
    void photoReady(const QString &username, const QString &tag, const QString &path);
    //! A revalidation found the cached photo current (304).
    void photoUnchanged(const QString &username, const QString &tag);
    void photoFailed(const QString &username, const Colleagues::ApiError &error);

private:
    void fetch(const QString &username, const QString &knownTag);
    QString pathFor(const QString &tag) const;

    ApiClient *m_api;
    QString m_directory;
    QSet<QString> m_inFlight; //!< usernames
    QSet<QString> m_revalidated; //!< tags checked with the server in this run
};

} // namespace Colleagues
