// SPDX-License-Identifier: MIT
#include "server/http/BufferedLog.h"

#include <QByteArray>
#include <QMutex>
#include <QTimer>

#include <cerrno>
#include <memory>
#include <unistd.h>

namespace Colleagues::Server {

namespace {

QMutex g_mutex;
QByteArray g_buffer;
QtMessageHandler g_previous = nullptr;
std::unique_ptr<QTimer> g_timer;

void writeAll(const QByteArray &data)
{
    const char *p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(STDERR_FILENO, p, std::size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        p += n;
        left -= n;
    }
}

void flushLocked()
{
    if (!g_buffer.isEmpty()) {
        writeAll(g_buffer);
        g_buffer.clear();
    }
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line = qFormatLogMessage(type, context, message).toLocal8Bit() + '\n';
    const QMutexLocker locker(&g_mutex);
    g_buffer.append(line);
    if (type != QtInfoMsg && type != QtDebugMsg)
        flushLocked();
    else if (g_buffer.size() >= BufferedLog::FlushBytes)
        flushLocked();
}

} // namespace

BufferedLog::BufferedLog()
{
    g_previous = qInstallMessageHandler(handler);
    g_timer = std::make_unique<QTimer>();
    g_timer->setInterval(FlushIntervalMs);
    QObject::connect(g_timer.get(), &QTimer::timeout, [] { flush(); });
    g_timer->start();
}

BufferedLog::~BufferedLog()
{
    g_timer.reset();
    qInstallMessageHandler(g_previous);
    flush();
}

void BufferedLog::flush()
{
    const QMutexLocker locker(&g_mutex);
    flushLocked();
}

} // namespace Colleagues::Server
