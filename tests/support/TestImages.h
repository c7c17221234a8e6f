// SPDX-License-Identifier: MIT
#pragma once

// Images for photo uploads, made with libjpeg-turbo and libpng (not with Qt's codecs, which
// the server does not use either).

#include <QByteArray>
#include <QPair>

namespace Colleagues::Test {

//! A baseline JPEG or PNG of \a width x \a height.
QByteArray makeJpeg(int width, int height);
QByteArray makePng(int width, int height, bool alpha);
//! A progressive JPEG (SOF2, many scans) of \a width x \a height.
QByteArray makeProgressiveJpeg(int width, int height);
//! A plain gray JPEG (8-bit grayscale) or PNG of \a width x \a height.
QByteArray makeGrayJpeg(int width, int height);
QByteArray makeGrayPng(int width, int height);
//! Width and height of an encoded JPEG or PNG, or {-1, -1}.
QPair<int, int> imageSize(const QByteArray &data);

} // namespace Colleagues::Test
