// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace Colleagues::Server {

/*!
 * While alive, collects the process's log messages (formatted as Qt's default handler would,
 * honouring QT_MESSAGE_PATTERN) and writes them to stderr in batches: at most every
 * FlushIntervalMs, when the buffer fills, and at once for warnings and worse. Qt's own handler
 * writes and flushes every line, one system call per request for the access log. Thread-safe.
 */
class BufferedLog
{
public:
    static constexpr int FlushIntervalMs = 100;
    static constexpr qsizetype FlushBytes = 64 * 1024;

    BufferedLog(); //!< installs the handler and a flush timer in the current thread
    ~BufferedLog(); //!< flushes and restores the previous handler
    BufferedLog(const BufferedLog &) = delete;
    BufferedLog &operator=(const BufferedLog &) = delete;

    static void flush();
};

} // namespace Colleagues::Server
