// SPDX-License-Identifier: MIT
#include "server/http/PhotoCodec.h"

#include <QThreadPool>

#include <png.h>
#include <turbojpeg.h>

#include <atomic>
#include <cstring>
#include <future>
#include <memory>
#include <optional>
#include <vector>

namespace Colleagues::Server {

namespace {

// Photos decoding or waiting for a decoder; more than Decoders + MaxWaiting are refused.
std::atomic<int> g_inHand {0};
std::function<void()> g_beforeDecode; // set by tests before any decode runs

// The codec's own threads, so that large photos never occupy the request workers' pool.
// Never destroyed: a photo may still be decoding when static objects go away.
QThreadPool &decoderPool()
{
    static QThreadPool *const pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(PhotoCodec::Decoders);
        return p;
    }();
    return *pool;
}

ApiError invalid(const QString &message)
{
    return ApiError::make(ApiError::Kind::Invalid, QStringLiteral("invalid_image"), message, QStringLiteral("photo"));
}

ApiError tooBigProgressive(int width, int height)
{
    return ApiError::make(ApiError::Kind::Invalid, QStringLiteral("image_too_large"),
                          QStringLiteral("The image is a progressive JPEG of %1x%2 pixels; progressive JPEGs may have "
                                         "at most %3 pixels. Save it as a baseline JPEG or make it smaller.")
                              .arg(width)
                              .arg(height)
                              .arg(PhotoCodec::MaxProgressivePixels),
                          QStringLiteral("photo"));
}

ApiError tooManyPixels(int width, int height, qint64 limit)
{
    return ApiError::make(ApiError::Kind::Invalid, QStringLiteral("image_too_large"),
                          QStringLiteral("The image is %1x%2 pixels; photos of this kind may have at most %3 pixels.")
                              .arg(width)
                              .arg(height)
                              .arg(limit),
                          QStringLiteral("photo"));
}

// Walks a JPEG's markers up to its frame header: whether the frame is progressive (SOF2, SOF6,
// SOF10, SOF14), or nothing when no frame header comes before the first scan.
std::optional<bool> jpegIsProgressive(const QByteArray &data)
{
    const auto at = [&data](qsizetype k) { return static_cast<unsigned char>(data[k]); };
    qsizetype i = 2; // after SOI
    while (i < data.size()) {
        if (at(i) != 0xFF)
            return std::nullopt;
        while (i < data.size() && at(i) == 0xFF)
            ++i; // fill bytes
        if (i >= data.size())
            return std::nullopt;
        const unsigned char marker = at(i++);
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8))
            continue; // markers without a length
        if (marker == 0xD9 || marker == 0xDA || i + 2 > data.size())
            return std::nullopt;
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            return marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
        const int length = (at(i) << 8) | at(i + 1);
        if (length < 2)
            return std::nullopt;
        i += length;
    }
    return std::nullopt;
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

ApiResult<EncodedPhoto> normalizeJpeg(const QByteArray &data, const PhotoCodec::Header &header)
{
    TjHandle decoder(tjInitDecompress());
    if (!decoder)
        return ApiError::databaseUnavailable();
    const int width = header.width, height = header.height;
    const auto *bytes = reinterpret_cast<const unsigned char *>(data.constData());

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

//! Starts reading the PNG file \a data into \a image (its header read); the error, with \a image
//! freed, when it is corrupt.
std::optional<ApiError> beginPngRead(png_image &image, const QByteArray &data)
{
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (png_image_begin_read_from_memory(&image, data.constData(), std::size_t(data.size())))
        return std::nullopt;
    const QString why = QString::fromLatin1(image.message);
    png_image_free(&image);
    return invalid(QStringLiteral("The PNG file is corrupt: %1.").arg(why));
}

ApiResult<EncodedPhoto> normalizePng(const QByteArray &data, const PhotoCodec::Header &header)
{
    png_image image;
    if (std::optional<ApiError> corrupt = beginPngRead(image, data))
        return *corrupt;
    const int width = header.width, height = header.height;
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

ApiResult<PhotoCodec::Header> PhotoCodec::inspect(const QByteArray &data)
{
    if (data.size() > MaxUploadBytes) {
        return ApiError::make(ApiError::Kind::PayloadTooLarge, QStringLiteral("payload_too_large"),
                              QStringLiteral("Photos may be at most %1 bytes.").arg(MaxUploadBytes),
                              QStringLiteral("photo"));
    }
    Header header;
    header.format = sniff(data);
    if (header.format == Format::Unknown) {
        return ApiError::make(ApiError::Kind::UnsupportedMediaType, QStringLiteral("unsupported_media_type"),
                              QStringLiteral("A photo must be a JPEG or PNG image."), QStringLiteral("photo"));
    }
    if (header.format == Format::Jpeg) {
        TjHandle decoder(tjInitDecompress());
        if (!decoder)
            return ApiError::databaseUnavailable();
        int subsampling = 0, colorspace = 0;
        if (tjDecompressHeader3(decoder.get(), reinterpret_cast<const unsigned char *>(data.constData()),
                                static_cast<unsigned long>(data.size()), &header.width, &header.height, &subsampling,
                                &colorspace)
            != 0)
            return invalid(QStringLiteral("The JPEG file is corrupt: its header cannot be read."));
        // A frame libjpeg accepted but this walk cannot find counts as progressive: the safe side.
        header.progressive = jpegIsProgressive(data).value_or(true);
    } else {
        png_image image;
        if (std::optional<ApiError> corrupt = beginPngRead(image, data))
            return *corrupt;
        header.width = int(qMin<png_uint_32>(image.width, 0x7fffffff));
        header.height = int(qMin<png_uint_32>(image.height, 0x7fffffff));
        png_image_free(&image);
    }
    const QString kind = header.format == Format::Jpeg ? QStringLiteral("JPEG") : QStringLiteral("PNG");
    if (header.width <= 0 || header.height <= 0)
        return invalid(QStringLiteral("The %1 file is corrupt: it has no pixels.").arg(kind));
    if (header.width > MaxInputSide || header.height > MaxInputSide)
        return tooBig(header.width, header.height);
    const qint64 pixels = qint64(header.width) * header.height;
    if (header.progressive && pixels > MaxProgressivePixels)
        return tooBigProgressive(header.width, header.height);
    const qint64 limit = header.format == Format::Jpeg ? MaxJpegPixels : MaxPngPixels;
    if (pixels > limit)
        return tooManyPixels(header.width, header.height, limit);
    return header;
}

ApiResult<EncodedPhoto> PhotoCodec::normalize(const QByteArray &data)
{
    const ApiResult<Header> header = inspect(data);
    if (!header)
        return header.error();
    if (g_inHand.fetch_add(1) >= Decoders + MaxWaiting) {
        g_inHand.fetch_sub(1);
        ApiError busy = ApiError::make(ApiError::Kind::Unavailable, QStringLiteral("busy"),
                                       QStringLiteral("Too many photos are being processed; try again in a moment."),
                                       QStringLiteral("photo"));
        busy.retryAfterSeconds = BusyRetryAfterSeconds;
        return busy;
    }
    auto result = std::make_shared<std::promise<ApiResult<EncodedPhoto>>>();
    std::future<ApiResult<EncodedPhoto>> done = result->get_future();
    const Header h = header.value();
    decoderPool().start([result, data, h] {
        if (g_beforeDecode)
            g_beforeDecode();
        ApiResult<EncodedPhoto> encoded = h.format == Format::Jpeg ? normalizeJpeg(data, h) : normalizePng(data, h);
        g_inHand.fetch_sub(1); // before the caller wakes: its photo is out of hand when it has the answer
        result->set_value(std::move(encoded));
    });
    return done.get();
}

int PhotoCodec::inHand()
{
    return g_inHand.load();
}

void PhotoCodec::setBeforeDecode(std::function<void()> hook)
{
    g_beforeDecode = std::move(hook);
}

} // namespace Colleagues::Server
