// SPDX-License-Identifier: MIT
// PhotoCodec: JPEG and PNG uploads are decoded (libjpeg-turbo, libpng) and re-encoded at most
// 512x512; anything else, corrupt files and decompression bombs are refused before any large
// allocation.

#include "server/http/PhotoCodec.h"
#include "tests/support/TestImages.h"

#include <QSemaphore>
#include <QTest>

#include <thread>
#include <vector>

using namespace Colleagues;
using namespace Colleagues::Server;
using namespace Colleagues::Test;

namespace {

// Rewrites the dimensions in a baseline (SOF0) or progressive (SOF2) JPEG's frame header (the
// header lies; the data does not).
QByteArray withJpegSize(QByteArray jpeg, int width, int height)
{
    qsizetype sof = jpeg.indexOf(QByteArray("\xFF\xC0", 2));
    if (sof < 0)
        sof = jpeg.indexOf(QByteArray("\xFF\xC2", 2));
    if (sof < 0)
        return {};
    jpeg[sof + 5] = char(height >> 8);
    jpeg[sof + 6] = char(height & 0xff);
    jpeg[sof + 7] = char(width >> 8);
    jpeg[sof + 8] = char(width & 0xff);
    return jpeg;
}

} // namespace

class TestApiPhotoCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reencodes_data();
    void reencodes();
    void refuses_data();
    void refuses();
    void inspectsHeaders();
    void stripsWhatWasSent();
    void busyDecodersRefuseMore();
};

void TestApiPhotoCodec::reencodes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("mimeType");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addRow("large landscape jpeg") << makeJpeg(4000, 3000) << QByteArray("image/jpeg") << 512 << 384;
    QTest::addRow("tall jpeg") << makeJpeg(300, 1200) << QByteArray("image/jpeg") << 128 << 512;
    QTest::addRow("small jpeg keeps its size") << makeJpeg(100, 80) << QByteArray("image/jpeg") << 100 << 80;
    QTest::addRow("exactly 512") << makeJpeg(512, 512) << QByteArray("image/jpeg") << 512 << 512;
    QTest::addRow("grayscale jpeg") << makeGrayJpeg(1024, 1024) << QByteArray("image/jpeg") << 512 << 512;
    QTest::addRow("progressive jpeg under the limit")
        << makeProgressiveJpeg(2000, 1500) << QByteArray("image/jpeg") << 512 << 384;
    QTest::addRow("png with alpha") << makePng(1000, 500, true) << QByteArray("image/png") << 512 << 256;
    QTest::addRow("png without alpha") << makePng(640, 480, false) << QByteArray("image/png") << 512 << 384;
    QTest::addRow("grayscale png") << makeGrayPng(700, 700) << QByteArray("image/png") << 512 << 512;
    QTest::addRow("one pixel") << makePng(1, 1, false) << QByteArray("image/png") << 1 << 1;
    QTest::addRow("a thin line") << makePng(5000, 2, false) << QByteArray("image/png") << 512 << 1;
}

void TestApiPhotoCodec::reencodes()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, mimeType);
    QFETCH(int, width);
    QFETCH(int, height);
    const ApiResult<EncodedPhoto> photo = PhotoCodec::normalize(input);
    QVERIFY2(photo, photo ? "" : qPrintable(photo.error().message));
    QCOMPARE(photo->mimeType, mimeType);
    QCOMPARE(photo->width, width);
    QCOMPARE(photo->height, height);
    QCOMPARE(imageSize(photo->data), qMakePair(width, height));
    // The result decodes again (it is a valid image of the same kind).
    const ApiResult<EncodedPhoto> again = PhotoCodec::normalize(photo->data);
    QVERIFY(again);
    QCOMPARE(again->width, width);
}

void TestApiPhotoCodec::refuses_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QByteArray jpeg = makeJpeg(200, 100);
    QTest::addRow("empty") << QByteArray() << 415 << u"unsupported_media_type"_qs;
    QTest::addRow("text") << QByteArray("hello, world") << 415 << u"unsupported_media_type"_qs;
    QTest::addRow("gif") << QByteArray("GIF89a\x01\x00\x01\x00") << 415 << u"unsupported_media_type"_qs;
    QTest::addRow("svg") << QByteArray("<svg xmlns='http://www.w3.org/2000/svg'/>") << 415
                         << u"unsupported_media_type"_qs;
    QTest::addRow("jpeg signature only") << QByteArray("\xFF\xD8\xFF\xE0", 4) << 422 << u"invalid_image"_qs;
    QTest::addRow("truncated jpeg") << jpeg.left(jpeg.size() - 40) << 422 << u"invalid_image"_qs;
    QTest::addRow("png signature only") << QByteArray("\x89PNG\r\n\x1A\n", 8) << 422 << u"invalid_image"_qs;
    QTest::addRow("truncated png") << makePng(64, 64, true).left(60) << 422 << u"invalid_image"_qs;
    // A JPEG whose header claims 60000 x 60000 pixels: refused from the header alone.
    QTest::addRow("jpeg bomb") << withJpegSize(jpeg, 60000, 60000) << 422 << u"image_too_large"_qs;
    QTest::addRow("jpeg too wide") << withJpegSize(jpeg, 20000, 10) << 422 << u"image_too_large"_qs;
    QTest::addRow("png over the pixel limit") << makeGrayPng(5000, 4000) << 422 << u"image_too_large"_qs;
    // Baseline JPEGs: at most 24 MP (this one claims 7000 x 4000 = 28 MP).
    QTest::addRow("jpeg over the pixel limit") << withJpegSize(jpeg, 7000, 4000) << 422 << u"image_too_large"_qs;
    // Progressive JPEGs hold every coefficient in memory while decoding: at most 4 MP.
    QTest::addRow("progressive jpeg over 4 MP") << makeProgressiveJpeg(2400, 1800) << 422 << u"image_too_large"_qs;
    // The review's case, 12000 x 5000 progressive: refused from the header, so the truncated scans
    // are never read (it would be invalid_image if decoding had started).
    const QByteArray progressive = makeProgressiveJpeg(64, 64);
    QTest::addRow("progressive 12000x5000, truncated")
        << withJpegSize(progressive, 12000, 5000).left(progressive.indexOf(QByteArray("\xFF\xDA", 2)) + 40) << 422
        << u"image_too_large"_qs;
    QByteArray big = makeJpeg(8, 8);
    big.append(QByteArray(PhotoCodec::MaxUploadBytes, '\0'));
    QTest::addRow("over 2 MiB") << big << 413 << u"payload_too_large"_qs;
}

void TestApiPhotoCodec::refuses()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);
    QFETCH(QString, code);
    QVERIFY(!input.isNull() || status == 415);
    const ApiResult<EncodedPhoto> photo = PhotoCodec::normalize(input);
    QVERIFY(!photo);
    QCOMPARE(photo.error().httpStatus(), status);
    QCOMPARE(photo.error().code, code);
    QCOMPARE(photo.error().field, u"photo"_qs);
    QVERIFY(!photo.error().message.isEmpty());
}

void TestApiPhotoCodec::inspectsHeaders()
{
    const ApiResult<PhotoCodec::Header> baseline = PhotoCodec::inspect(makeJpeg(300, 200));
    QVERIFY(baseline);
    QCOMPARE(baseline->format, PhotoCodec::Format::Jpeg);
    QVERIFY(!baseline->progressive);
    QCOMPARE(baseline->width, 300);
    QCOMPARE(baseline->height, 200);
    const ApiResult<PhotoCodec::Header> progressive = PhotoCodec::inspect(makeProgressiveJpeg(300, 200));
    QVERIFY(progressive);
    QVERIFY(progressive->progressive);
    const ApiResult<PhotoCodec::Header> png = PhotoCodec::inspect(makePng(30, 20, true));
    QVERIFY(png);
    QCOMPARE(png->format, PhotoCodec::Format::Png);
    QCOMPARE(png->width, 30);
}

void TestApiPhotoCodec::stripsWhatWasSent()
{
    // Anything after the image (or metadata inside it) does not survive re-encoding.
    QByteArray jpeg = makeJpeg(64, 64);
    const QByteArray secret("GPS 52.5200 N 13.4050 E");
    jpeg.insert(2, QByteArray("\xFF\xE1", 2) + char(0) + char(secret.size() + 2) + secret);
    const ApiResult<EncodedPhoto> photo = PhotoCodec::normalize(jpeg);
    QVERIFY2(photo, photo ? "" : qPrintable(photo.error().message));
    QVERIFY(!photo->data.contains(secret));
}

void TestApiPhotoCodec::busyDecodersRefuseMore()
{
    // Both decoders held inside a decode, one more photo waiting for them: the next is refused
    // at once with 503 "busy" and Retry-After, and the ones in hand still finish.
    QSemaphore started;
    QSemaphore release;
    PhotoCodec::setBeforeDecode([&] {
        started.release();
        release.acquire();
    });
    const QByteArray photo = makeJpeg(800, 600);
    const int inHand = PhotoCodec::Decoders + PhotoCodec::MaxWaiting;
    std::vector<ApiResult<EncodedPhoto>> results(size_t(inHand), ApiResult<EncodedPhoto>(ApiError {}));
    std::vector<std::thread> uploads;
    for (int i = 0; i < inHand; ++i)
        uploads.emplace_back([&, i] { results[size_t(i)] = PhotoCodec::normalize(photo); });
    QVERIFY(started.tryAcquire(PhotoCodec::Decoders, 10000));
    QTRY_COMPARE(PhotoCodec::inHand(), inHand);

    const ApiResult<EncodedPhoto> refused = PhotoCodec::normalize(photo);
    QVERIFY(!refused);
    QCOMPARE(refused.error().httpStatus(), 503);
    QCOMPARE(refused.error().code, QStringLiteral("busy"));
    QCOMPARE(refused.error().retryAfterSeconds, PhotoCodec::BusyRetryAfterSeconds);
    QCOMPARE(PhotoCodec::inHand(), inHand);

    release.release(inHand);
    for (std::thread &upload : uploads)
        upload.join();
    PhotoCodec::setBeforeDecode({});
    for (const ApiResult<EncodedPhoto> &result : results)
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(PhotoCodec::inHand(), 0);
    // Free again: the next photo is decoded.
    QVERIFY(PhotoCodec::normalize(photo));
}

QTEST_GUILESS_MAIN(TestApiPhotoCodec)
#include "tst_api_photocodec.moc"
