// SPDX-License-Identifier: MIT
#include "client/sync/PhotoCache.h"

#include "core/PrivateFiles.h"

#include "client/sync/ApiClient.h"
#include "client/sync/SyncLogging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Colleagues {

PhotoCache::PhotoCache(ApiClient *api, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_directory(directory)
{ }

namespace {

QString fileFor(const QString &directory, const QString &tag)
{
    // Tags are opaque: hash them into a safe file name.
    const QByteArray name = QCryptographicHash::hash(tag.toUtf8(), QCryptographicHash::Sha256).toHex().left(40);
    return directory + QLatin1Char('/') + QString::fromLatin1(name);
}

} // namespace

QString PhotoCache::defaultDirectory(const QString &storeFile)
{
    return QFileInfo(storeFile).absolutePath() + QStringLiteral("/photos");
}

QString PhotoCache::cachedFile(const QString &directory, const QString &tag)
{
    if (tag.isEmpty())
        return {};
    const QString path = fileFor(directory, tag);
    return QFile::exists(path) ? path : QString();
}

QString PhotoCache::pathFor(const QString &tag) const
{
    return fileFor(m_directory, tag);
}

QString PhotoCache::cachedPath(const QString &tag) const
{
    return cachedFile(m_directory, tag);
}

QString PhotoCache::photo(const QString &username, const QString &tag)
{
    if (tag.isEmpty())
        return {};
    const QString path = cachedPath(tag);
    if (!path.isEmpty()) {
        if (!m_revalidated.contains(tag)) {
            m_revalidated.insert(tag);
            fetch(username, tag);
        }
        return path;
    }
    fetch(username, {});
    return {};
}

void PhotoCache::fetch(const QString &username, const QString &knownTag)
{
    if (m_inFlight.contains(username))
        return;
    m_inFlight.insert(username);
    PhotoJob *job = m_api->fetchPhoto(username, knownTag);
    connect(job, &ApiJob::finished, this, [this, job, username, knownTag] {
        m_inFlight.remove(username);
        if (!job->isSucceeded()) {
            Q_EMIT photoFailed(username, job->error());
            return;
        }
        if (job->isNotModified()) {
            Q_EMIT photoUnchanged(username, knownTag);
            return;
        }
        const QString tag = job->tag().isEmpty() ? knownTag : job->tag();
        if (tag.isEmpty() || job->body().isEmpty()) {
            Q_EMIT photoFailed(username, ApiError::protocol(QStringLiteral("photo without a tag or bytes")));
            return;
        }
        // Photos others may see only in the app stay private on disk too.
        QString error;
        if (!PrivateFiles::makeDirectory(m_directory, &error)
            || !PrivateFiles::writeFile(pathFor(tag), job->body(), &error)) {
            qCWarning(lcSync) << "cannot cache a photo in" << m_directory << error;
            Q_EMIT photoFailed(username, ApiError::protocol(error));
            return;
        }
        m_revalidated.insert(tag);
        Q_EMIT photoReady(username, tag, pathFor(tag));
    });
}

} // namespace Colleagues
