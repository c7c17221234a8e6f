// SPDX-License-Identifier: MIT
#include "ui/widgets/ImageCache.h"

namespace Colleagues {

namespace {
constexpr int StoredSize = 256; // enough for the largest avatar at 200% scaling
}

ImageCache::ImageCache(QObject *parent)
    : QObject(parent)
{
    m_images.setMaxCost(48 * 1024); // in KiB
}

QImage ImageCache::photo(const QString &username)
{
    if (const QImage *image = m_images.object(username))
        return *image;
    if (!m_requested.contains(username)) {
        m_requested.insert(username);
        if (m_loader)
            m_loader(username, QString());
    }
    return {};
}

QImage ImageCache::photo(const QString &username, const QString &photoTag)
{
    if (photoTag.isEmpty())
        return {};
    if (const QImage *image = m_images.object(username))
        return *image;
    if (!m_requested.contains(username)) {
        m_requested.insert(username);
        if (m_loader)
            m_loader(username, photoTag);
    }
    return {};
}

void ImageCache::setPhotoData(const QString &username, const QByteArray &data)
{
    setPhoto(username, data.isEmpty() ? QImage() : QImage::fromData(data));
}

void ImageCache::setPhoto(const QString &username, const QImage &image)
{
    m_requested.insert(username);
    if (image.isNull()) {
        m_images.remove(username);
    } else {
        QImage scaled = image;
        if (std::min(image.width(), image.height()) > StoredSize)
            scaled = image.scaled(StoredSize, StoredSize, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
        scaled = scaled.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        m_images.insert(username, new QImage(scaled), int(std::max<qsizetype>(1, scaled.sizeInBytes() / 1024)));
    }
    Q_EMIT photoChanged(username);
}

void ImageCache::invalidate(const QString &username)
{
    m_images.remove(username);
    m_requested.remove(username);
    Q_EMIT photoChanged(username);
}

} // namespace Colleagues
