// SPDX-License-Identifier: MIT
// bench-photo: what one photo upload costs PhotoCodec::normalize(): the review's progressive
// 12000x5000 JPEG (refused from its header), and the largest photos still accepted. Prints the
// median time of five runs, the outcome and how far the resident size peaked above where it was.

#include "bench/load/ProcessStats.h"
#include "server/http/PhotoCodec.h"
#include "tests/support/TestImages.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QList>

#include <algorithm>
#include <cstdio>

using namespace Colleagues::Server;
using namespace Colleagues::Test;

namespace {

// Linux: resets the peak resident size (VmHWM) to the current one, so that each case's own
// peak is seen, not the one of making the test image.
void resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

void measure(const char *name, const QByteArray &image)
{
    QList<qint64> times;
    QString outcome;
    const qint64 before = Colleagues::Load::residentKiB(QCoreApplication::applicationPid());
    resetPeak();
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        const ApiResult<EncodedPhoto> photo = PhotoCodec::normalize(image);
        times.append(timer.nsecsElapsed());
        outcome = photo ? QStringLiteral("%1x%2").arg(photo->width).arg(photo->height)
                        : QStringLiteral("%1 %2").arg(photo.error().httpStatus()).arg(photo.error().code);
    }
    std::sort(times.begin(), times.end());
    const qint64 peak = Colleagues::Load::peakResidentKiB(QCoreApplication::applicationPid());
    std::printf("%-40s %8lld KB  %9.3f ms  %-24s +%lld MiB\n", name, static_cast<long long>(image.size() / 1024),
                double(times.at(2)) / 1e6, qPrintable(outcome), static_cast<long long>((peak - before) / 1024));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("%-40s %11s  %12s  %-24s %s\n", "photo", "size", "median", "outcome", "peak RSS growth");
    measure("progressive 12000x5000 (the review's)", makeProgressiveJpeg(12000, 5000));
    measure("progressive 2000x2000 (4 MP, accepted)", makeProgressiveJpeg(2000, 2000));
    measure("baseline 6000x4000 (24 MP, accepted)", makeJpeg(6000, 4000));
    measure("png 4000x4000 (16 MP, accepted)", makeGrayPng(4000, 4000));
    return 0;
}
