// SPDX-License-Identifier: MIT
#pragma once

#include "server/http/ApiError.h"

#include <QByteArray>

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
 * declared size is absurd (decompression bombs) and corrupt or truncated files (422), before
 * allocating for them. Thread-safe; at most two photos are decoded at once.
 */
class PhotoCodec
{
public:
    static constexpr int MaxSide = 512;
    static constexpr qsizetype MaxUploadBytes = 2 * 1024 * 1024;
    static constexpr int MaxInputSide = 12000; //!< either side of an upload, in pixels
    static constexpr qint64 MaxJpegPixels = 60'000'000; //!< JPEGs decode scaled down, cheaply
    static constexpr qint64 MaxPngPixels = 16'000'000; //!< PNGs decode whole (64 MB as RGBA)
    static constexpr int JpegQuality = 85;

    enum class Format { Unknown, Jpeg, Png };
    //! The format by its signature, whatever the Content-Type said.
    static Format sniff(const QByteArray &data);

    static ApiResult<EncodedPhoto> normalize(const QByteArray &data);
};

} // namespace Colleagues::Server
