// SPDX-License-Identifier: MIT
#pragma once

#include "server/guard/LineReader_p.h"

#include <QByteArray>

namespace Colleagues::Server {

//! Follows the framing of the responses a connection writes (status line, Content-Length or
//! chunked, HEAD/1xx/204/304) so the guard knows when the answer to a request is complete and the
//! next pipelined request may be handed to Qt HttpServer.
class ResponseTracker
{
public:
    //! The next response answers a HEAD request (it has no body whatever its headers say).
    void setNextIsHeadResponse(bool head) { m_headRequest = head; }

    //! Feeds bytes as they are written; returns how many final responses ended in them.
    int feed(const char *data, qint64 size);

    //! No response has begun since the last one ended.
    bool isIdle() const { return m_state == State::Head && m_line.isEmpty() && m_headBytes == 0; }
    //! The response in progress has no length: it ends when the connection closes.
    bool isCloseDelimited() const { return m_state == State::UntilClose; }

private:
    enum class State { Head, Length, ChunkSize, ChunkData, ChunkDataEnd, Trailer, UntilClose };

    bool takeLine(const QByteArray &line); // returns true when a final response ended
    void resetHead();

    State m_state = State::Head;
    LineReader m_line;
    qint64 m_headBytes = 0;
    bool m_headRequest = false;
    bool m_sawStatus = false;
    int m_status = 0;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    qint64 m_remaining = 0;
};

} // namespace Colleagues::Server
