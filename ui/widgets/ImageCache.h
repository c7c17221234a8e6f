// SPDX-License-Identifier: MIT
#pragma once

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

namespace Colleagues {

/*!
 * Decoded profile photos for painting, keyed by username, bounded in memory. Asking for a
 * photo that is not here yet calls the loader once (which fetches it, lazily, through the
 * client's photo cache) and answers a null image until setPhotoData() brings it.
 */
class ImageCache : public QObject
{
    Q_OBJECT

public:
    //! Loads \a username's photo of version \a photoTag (empty: not known here, to look up).
    using Loader = std::function<void(const QString &username, const QString &photoTag)>;

    explicit ImageCache(QObject *parent = nullptr);

    void setLoader(Loader loader) { m_loader = std::move(loader); }

    //! The photo, or a null image (then the initials avatar is shown).
    QImage photo(const QString &username);
    //! The same when the photo's tag is known (a search result has it): an empty tag means no
    //! photo, and nothing is looked up.
    QImage photo(const QString &username, const QString &photoTag);
    //! Stores the encoded image \a data (JPEG or PNG) for \a username; empty data: no photo.
    void setPhotoData(const QString &username, const QByteArray &data);
    void setPhoto(const QString &username, const QImage &image);
    //! Forgets \a username's photo (it changed); the next photo() loads it again.
    void invalidate(const QString &username);

Q_SIGNALS:
    void photoChanged(const QString &username);

private:
    QCache<QString, QImage> m_images;
    QSet<QString> m_requested; //!< loading, or known to have no photo
    Loader m_loader;
};

} // namespace Colleagues
