// SPDX-License-Identifier: MIT
#include "server/http/PhotoCodec.h"

#include <QSemaphore>

#include <png.h>
#include <turbojpeg.h>

#include <cstring>
#include <memory>
#include <vector>

namespace Colleagues::Server {

namespace {

QSemaphore g_decoders(2);

ApiError invalid(const QString &message)
{
    return ApiError::make(ApiError::Kind::Invalid, QStringLiteral("invalid_image"), message, QStringLiteral("photo"));
}

ApiError tooBig(int width, int height)
{
    return ApiError::make(ApiError::Kind::Invalid, QStringLiteral("image_too_large"),
                          QStringLiteral("The image is %1x%2 pixels; photos may be at most %3 pixels on a side.")
                              .arg(width)
                              .arg(height)
                              .arg(PhotoCodec::MaxInputSide),
                          QStringLiteral("photo"));
}

struct Pixels
{
    int width = 0;
    int height = 0;
    int channels = 3;
    std::vector<unsigned char> data;
};

// Fits width x height inside MaxSide x MaxSide, keeping the aspect ratio.
void fitted(int width, int height, int &outWidth, int &outHeight)
{
    if (width <= PhotoCodec::MaxSide && height <= PhotoCodec::MaxSide) {
        outWidth = width;
        outHeight = height;
        return;
    }
    if (width >= height) {
        outWidth = PhotoCodec::MaxSide;
        outHeight = qMax(1, int((qint64(height) * PhotoCodec::MaxSide + width / 2) / width));
    } else {
        outHeight = PhotoCodec::MaxSide;
        outWidth = qMax(1, int((qint64(width) * PhotoCodec::MaxSide + height / 2) / height));
    }
}

// Area-averaging downscale: every destination pixel is the mean of the source pixels it covers.
Pixels downscale(const Pixels &src, int width, int height)
{
    if (width == src.width && height == src.height)
        return src;
    Pixels dst;
    dst.width = width;
    dst.height = height;
    dst.channels = src.channels;
    dst.data.resize(std::size_t(width) * std::size_t(height) * std::size_t(src.channels));
    const int c = src.channels;
    std::vector<int> x0(std::size_t(width) + 1);
    for (int x = 0; x <= width; ++x)
        x0[std::size_t(x)] = int(qint64(x) * src.width / width);
    std::vector<quint64> sums(static_cast<std::size_t>(c));
    for (int y = 0; y < height; ++y) {
        const int y0 = int(qint64(y) * src.height / height);
        const int y1 = qMax(y0 + 1, int(qint64(y + 1) * src.height / height));
        for (int x = 0; x < width; ++x) {
            const int xa = x0[std::size_t(x)];
            const int xb = qMax(xa + 1, x0[std::size_t(x) + 1]);
            std::fill(sums.begin(), sums.end(), 0);
            for (int sy = y0; sy < y1; ++sy) {
                const unsigned char *row =
                    src.data.data() + (std::size_t(sy) * std::size_t(src.width) + std::size_t(xa)) * std::size_t(c);
                for (int sx = xa; sx < xb; ++sx) {
                    for (int k = 0; k < c; ++k)
                        sums[std::size_t(k)] += row[k];
                    row += c;
                }
            }
            const quint64 n = quint64(y1 - y0) * quint64(xb - xa);
            unsigned char *out =
                dst.data.data() + (std::size_t(y) * std::size_t(width) + std::size_t(x)) * std::size_t(c);
            for (int k = 0; k < c; ++k)
                out[k] = static_cast<unsigned char>((sums[std::size_t(k)] + n / 2) / n);
        }
    }
    return dst;
}

struct TjDeleter
{
    void operator()(void *handle) const { tjDestroy(handle); }
};
using TjHandle = std::unique_ptr<void, TjDeleter>;

ApiResult<EncodedPhoto> normalizeJpeg(const QByteArray &data)
{
    TjHandle decoder(tjInitDecompress());
    if (!decoder)
        return ApiError::databaseUnavailable();
    int width = 0, height = 0, subsampling = 0, colorspace = 0;
    const auto *bytes = reinterpret_cast<const unsigned char *>(data.constData());
    if (tjDecompressHeader3(decoder.get(), bytes, static_cast<unsigned long>(data.size()), &width, &height,
                            &subsampling, &colorspace)
        != 0)
        return invalid(QStringLiteral("The JPEG file is corrupt: its header cannot be read."));
    if (width <= 0 || height <= 0)
        return invalid(QStringLiteral("The JPEG file is corrupt: it has no pixels."));
    if (width > PhotoCodec::MaxInputSide || height > PhotoCodec::MaxInputSide
        || qint64(width) * height > PhotoCodec::MaxJpegPixels)
        return tooBig(width, height);

    // Let libjpeg-turbo do most of the shrinking while decoding (1/2, 1/4, 1/8 scaling),
    // keeping at least the target size, then average the rest.
    int targetWidth = 0, targetHeight = 0;
    fitted(width, height, targetWidth, targetHeight);
    int scaledWidth = width, scaledHeight = height;
    int factorCount = 0;
    const tjscalingfactor *factors = tjGetScalingFactors(&factorCount);
    for (int i = 0; factors && i < factorCount; ++i) {
        const int w = TJSCALED(width, factors[i]);
        const int h = TJSCALED(height, factors[i]);
        if (w >= targetWidth && h >= targetHeight && qint64(w) * h < qint64(scaledWidth) * scaledHeight) {
            scaledWidth = w;
            scaledHeight = h;
        }
    }
    Pixels pixels;
    pixels.width = scaledWidth;
    pixels.height = scaledHeight;
    pixels.channels = 3;
    pixels.data.resize(std::size_t(scaledWidth) * std::size_t(scaledHeight) * 3);
    if (tjDecompress2(decoder.get(), bytes, static_cast<unsigned long>(data.size()), pixels.data.data(), scaledWidth, 0,
                      scaledHeight, TJPF_RGB, TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS | TJFLAG_ACCURATEDCT)
        != 0) {
        return invalid(QStringLiteral("The JPEG file is corrupt or truncated (%1).")
                           .arg(QString::fromLocal8Bit(tjGetErrorStr2(decoder.get()))));
    }
    const Pixels out = downscale(pixels, targetWidth, targetHeight);

    TjHandle encoder(tjInitCompress());
    if (!encoder)
        return ApiError::databaseUnavailable();
    unsigned char *jpeg = nullptr;
    unsigned long jpegSize = 0;
    if (tjCompress2(encoder.get(), out.data.data(), out.width, 0, out.height, TJPF_RGB, &jpeg, &jpegSize, TJSAMP_420,
                    PhotoCodec::JpegQuality, TJFLAG_ACCURATEDCT)
        != 0) {
        tjFree(jpeg);
        return invalid(QStringLiteral("The photo could not be re-encoded."));
    }
    EncodedPhoto photo;
    photo.data = QByteArray(reinterpret_cast<const char *>(jpeg), qsizetype(jpegSize));
    tjFree(jpeg);
    photo.mimeType = QByteArrayLiteral("image/jpeg");
    photo.width = out.width;
    photo.height = out.height;
    return photo;
}

ApiResult<EncodedPhoto> normalizePng(const QByteArray &data)
{
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data.constData(), std::size_t(data.size()))) {
        const QString why = QString::fromLatin1(image.message);
        png_image_free(&image);
        return invalid(QStringLiteral("The PNG file is corrupt: %1.").arg(why));
    }
    const int width = int(qMin<png_uint_32>(image.width, 0x7fffffff));
    const int height = int(qMin<png_uint_32>(image.height, 0x7fffffff));
    if (width <= 0 || height <= 0) {
        png_image_free(&image);
        return invalid(QStringLiteral("The PNG file is corrupt: it has no pixels."));
    }
    if (width > PhotoCodec::MaxInputSide || height > PhotoCodec::MaxInputSide
        || qint64(width) * height > PhotoCodec::MaxPngPixels) {
        png_image_free(&image);
        return tooBig(width, height);
    }
    const bool alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    image.format = alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
    Pixels pixels;
    pixels.width = width;
    pixels.height = height;
    pixels.channels = alpha ? 4 : 3;
    pixels.data.resize(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, pixels.data.data(), 0, nullptr)) {
        const QString why = QString::fromLatin1(image.message);
        png_image_free(&image);
        return invalid(QStringLiteral("The PNG file is corrupt or truncated: %1.").arg(why));
    }
    png_image_free(&image);

    int targetWidth = 0, targetHeight = 0;
    fitted(width, height, targetWidth, targetHeight);
    const Pixels out = downscale(pixels, targetWidth, targetHeight);

    png_image output;
    std::memset(&output, 0, sizeof output);
    output.version = PNG_IMAGE_VERSION;
    output.width = png_uint_32(out.width);
    output.height = png_uint_32(out.height);
    output.format = alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
    png_alloc_size_t size = 0;
    if (!png_image_write_to_memory(&output, nullptr, &size, 0, out.data.data(), 0, nullptr)) {
        png_image_free(&output);
        return invalid(QStringLiteral("The photo could not be re-encoded."));
    }
    QByteArray encoded(qsizetype(size), Qt::Uninitialized);
    if (!png_image_write_to_memory(&output, encoded.data(), &size, 0, out.data.data(), 0, nullptr)) {
        png_image_free(&output);
        return invalid(QStringLiteral("The photo could not be re-encoded."));
    }
    encoded.truncate(qsizetype(size));
    EncodedPhoto photo;
    photo.data = encoded;
    photo.mimeType = QByteArrayLiteral("image/png");
    photo.width = out.width;
    photo.height = out.height;
    return photo;
}

} // namespace

PhotoCodec::Format PhotoCodec::sniff(const QByteArray &data)
{
    if (data.startsWith(QByteArrayLiteral("\xFF\xD8\xFF")))
        return Format::Jpeg;
    if (data.startsWith(QByteArrayLiteral("\x89PNG\r\n\x1A\n")))
        return Format::Png;
    return Format::Unknown;
}

ApiResult<EncodedPhoto> PhotoCodec::normalize(const QByteArray &data)
{
    if (data.size() > MaxUploadBytes) {
        return ApiError::make(ApiError::Kind::PayloadTooLarge, QStringLiteral("payload_too_large"),
                              QStringLiteral("Photos may be at most %1 bytes.").arg(MaxUploadBytes),
                              QStringLiteral("photo"));
    }
    const Format format = sniff(data);
    if (format == Format::Unknown) {
        return ApiError::make(ApiError::Kind::UnsupportedMediaType, QStringLiteral("unsupported_media_type"),
                              QStringLiteral("A photo must be a JPEG or PNG image."), QStringLiteral("photo"));
    }
    QSemaphoreReleaser releaser;
    g_decoders.acquire();
    releaser = QSemaphoreReleaser(g_decoders);
    return format == Format::Jpeg ? normalizeJpeg(data) : normalizePng(data);
}

} // namespace Colleagues::Server
