// SPDX-License-Identifier: MIT
#pragma once

#include "server/http/ApiError.h"

#include <QByteArray>

#include <functional>

namespace Colleagues::Server {

//! A photo as the server keeps it: re-encoded, metadata stripped, at most MaxSide on each side.
struct EncodedPhoto
{
    QByteArray data;
    QByteArray mimeType; //!< "image/jpeg" or "image/png"
    int width = 0;
    int height = 0;
};

/*!
 * Decodes an uploaded JPEG (libjpeg-turbo) or PNG (libpng's simplified API) and re-encodes
 * it at most 512x512, keeping the aspect ratio, so the server never links Qt Gui and never
 * stores what a client sent verbatim. Rejects what is not a JPEG or PNG (415), images whose
 * declared size is too large (decompression bombs; progressive JPEGs, which libjpeg must hold
 * whole in memory, above MaxProgressivePixels) and corrupt or truncated files (422), from the
 * header alone, before allocating for them. Thread-safe: decoding runs on a pool of its own
 * (Decoders threads) while the calling worker waits; when Decoders + MaxWaiting photos are
 * already in hand, the next one is refused at once with 503 "busy" and Retry-After, so photos
 * never hold more than Decoders + MaxWaiting request workers.
 */
class PhotoCodec
{
public:
    static constexpr int MaxSide = 512;
    static constexpr qsizetype MaxUploadBytes = 2 * 1024 * 1024;
    static constexpr int MaxInputSide = 12000; //!< either side of an upload, in pixels
    static constexpr qint64 MaxJpegPixels = 24'000'000; //!< baseline JPEGs decode scaled down, cheaply
    //! Progressive JPEGs keep every coefficient in memory (~3 bytes a pixel) and decode every scan.
    static constexpr qint64 MaxProgressivePixels = 4'000'000;
    static constexpr qint64 MaxPngPixels = 16'000'000; //!< PNGs decode whole (64 MB as RGBA)
    static constexpr int JpegQuality = 85;
    static constexpr int Decoders = 2; //!< photos decoded at once
    static constexpr int MaxWaiting = 1; //!< photos waiting for a decoder (each holds its request worker) before 503
    static constexpr int BusyRetryAfterSeconds = 2;

    enum class Format { Unknown, Jpeg, Png };
    //! The format by its signature, whatever the Content-Type said.
    static Format sniff(const QByteArray &data);

    //! What a JPEG's or PNG's header says, read without decoding anything.
    struct Header
    {
        Format format = Format::Unknown;
        int width = 0;
        int height = 0;
        bool progressive = false; //!< a progressive (or otherwise multi-scan) JPEG
    };
    //! Reads \a data's header and applies the size limits: 413, 415 or 422 as normalize() would.
    static ApiResult<Header> inspect(const QByteArray &data);

    //! Decodes and re-encodes \a data on the codec's own pool; the caller waits for the result.
    static ApiResult<EncodedPhoto> normalize(const QByteArray &data);

    //! Photos being decoded or waiting for a decoder now.
    static int inHand();
    //! For tests: runs on the decoder thread before each decode (e.g. to keep decoders busy).
    static void setBeforeDecode(std::function<void()> hook);
};

} // namespace Colleagues::Server
