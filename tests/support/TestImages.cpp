// SPDX-License-Identifier: MIT
#include "tests/support/TestImages.h"

#include <QtGlobal>

#include <png.h>
#include <turbojpeg.h>

#include <cstring>
#include <vector>

namespace Colleagues::Test {

namespace {

QByteArray encodeJpeg(const std::vector<unsigned char> &pixels, int width, int height, int pixelFormat, int subsampling,
                      int quality, int flags = 0)
{
    tjhandle handle = tjInitCompress();
    unsigned char *jpeg = nullptr;
    unsigned long size = 0;
    tjCompress2(handle, pixels.data(), width, 0, height, pixelFormat, &jpeg, &size, subsampling, quality, flags);
    QByteArray out(reinterpret_cast<const char *>(jpeg), qsizetype(size));
    tjFree(jpeg);
    tjDestroy(handle);
    return out;
}

QByteArray encodePng(const std::vector<unsigned char> &pixels, int width, int height, png_uint_32 format)
{
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = png_uint_32(width);
    image.height = png_uint_32(height);
    image.format = format;
    png_alloc_size_t size = 0;
    png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr);
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    png_image_write_to_memory(&image, out.data(), &size, 0, pixels.data(), 0, nullptr);
    out.truncate(qsizetype(size));
    return out;
}

//! RGB pixels, row by row, of two gradients: \a across (0 to 255 from left to right) and \a down
//! (0 to 255 from top to bottom), each in the channel its index names, and \a fill in the third.
std::vector<unsigned char> gradientRgb(int width, int height, int across, int down, unsigned char fill)
{
    std::vector<unsigned char> rgb(std::size_t(width) * std::size_t(height) * 3, fill);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            unsigned char *p = &rgb[(std::size_t(y) * std::size_t(width) + std::size_t(x)) * 3];
            p[across] = static_cast<unsigned char>(x * 255 / qMax(1, width - 1));
            p[down] = static_cast<unsigned char>(y * 255 / qMax(1, height - 1));
        }
    }
    return rgb;
}

} // namespace

QByteArray makeJpeg(int width, int height)
{
    return encodeJpeg(gradientRgb(width, height, 0, 1, 128), width, height, TJPF_RGB, TJSAMP_420, 90);
}

QByteArray makeProgressiveJpeg(int width, int height)
{
    return encodeJpeg(gradientRgb(width, height, 2, 0, 64), width, height, TJPF_RGB, TJSAMP_420, 90,
                      TJFLAG_PROGRESSIVE);
}

QByteArray makePng(int width, int height, bool alpha)
{
    const int channels = alpha ? 4 : 3;
    std::vector<unsigned char> pixels(std::size_t(width) * std::size_t(height) * std::size_t(channels));
    for (std::size_t i = 0; i < pixels.size(); ++i)
        pixels[i] = static_cast<unsigned char>((i * 7) & 0xff);
    return encodePng(pixels, width, height, alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB);
}

QByteArray makeGrayJpeg(int width, int height)
{
    return encodeJpeg(std::vector<unsigned char>(std::size_t(width) * std::size_t(height), 0x40), width, height,
                      TJPF_GRAY, TJSAMP_GRAY, 80);
}

QByteArray makeGrayPng(int width, int height)
{
    return encodePng(std::vector<unsigned char>(std::size_t(width) * std::size_t(height), 0x80), width, height,
                     PNG_FORMAT_GRAY);
}

QPair<int, int> imageSize(const QByteArray &data)
{
    if (data.startsWith("\xFF\xD8\xFF")) {
        tjhandle handle = tjInitDecompress();
        int w = -1, h = -1, subsampling = 0, colorspace = 0;
        const int rc = tjDecompressHeader3(handle, reinterpret_cast<const unsigned char *>(data.constData()),
                                           static_cast<unsigned long>(data.size()), &w, &h, &subsampling, &colorspace);
        tjDestroy(handle);
        return rc == 0 ? qMakePair(w, h) : qMakePair(-1, -1);
    }
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data.constData(), std::size_t(data.size())))
        return {-1, -1};
    const QPair<int, int> size(int(image.width), int(image.height));
    png_image_free(&image);
    return size;
}

} // namespace Colleagues::Test
