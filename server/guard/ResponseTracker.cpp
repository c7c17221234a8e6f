// SPDX-License-Identifier: MIT
#include "server/guard/ResponseTracker_p.h"

#include <QByteArrayView>

namespace Colleagues::Server {

namespace {
// Our own server writes these heads; past this size we stop trusting the framing.
constexpr qint64 maxResponseHeadBytes = 64 * 1024;
} // namespace

void ResponseTracker::resetHead()
{
    m_state = State::Head;
    m_line.clear();
    m_headBytes = 0;
    m_sawStatus = false;
    m_status = 0;
    m_contentLength = -1;
    m_chunked = false;
    m_remaining = 0;
}

int ResponseTracker::feed(const char *data, qint64 size)
{
    int completed = 0;
    qint64 pos = 0;
    while (pos < size) {
        if (m_state == State::UntilClose)
            return completed;
        if (m_state == State::Length || m_state == State::ChunkData) {
            const qint64 take = qMin(m_remaining, size - pos);
            m_remaining -= take;
            pos += take;
            if (m_remaining == 0) {
                if (m_state == State::Length) {
                    resetHead();
                    m_headRequest = false;
                    ++completed;
                } else {
                    m_state = State::ChunkDataEnd;
                }
            }
            continue;
        }
        const LineReader::Piece piece = LineReader::piece(data + pos, size - pos);
        m_headBytes += piece.size;
        if (m_line.pendingSize() + piece.size > maxResponseHeadBytes) {
            m_state = State::UntilClose; // cannot follow it any more: treat it as close-delimited
            return completed;
        }
        const std::optional<QByteArray> line = m_line.append(data + pos, piece);
        pos += piece.size;
        if (!line)
            continue;
        if (takeLine(*line))
            ++completed;
    }
    return completed;
}

bool ResponseTracker::takeLine(const QByteArray &line)
{
    switch (m_state) {
    case State::Head:
        if (!m_sawStatus) {
            if (line.isEmpty())
                return false;
            m_sawStatus = true;
            // "HTTP/1.1 200 OK"
            const qsizetype sp = line.indexOf(' ');
            bool ok = false;
            m_status = sp < 0 ? 0 : line.mid(sp + 1, 3).toInt(&ok);
            if (!ok)
                m_status = 0;
            return false;
        }
        if (!line.isEmpty()) {
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return false;
            const QByteArrayView name = QByteArrayView(line).first(colon);
            const QByteArrayView value = LineReader::trimmed(QByteArrayView(line).sliced(colon + 1));
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
                bool ok = false;
                const qint64 length = value.toByteArray().toLongLong(&ok);
                m_contentLength = ok && length >= 0 ? length : -1;
            } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
                m_chunked = value.endsWith("chunked");
            }
            return false;
        }
        // End of the head.
        if (m_status >= 100 && m_status < 200 && m_status != 101) {
            resetHead(); // interim response (100 Continue): the final one follows
            return false;
        }
        if (m_status == 101) {
            m_state = State::UntilClose;
            return false;
        }
        if (m_headRequest || m_status == 204 || m_status == 304 || (!m_chunked && m_contentLength == 0)) {
            resetHead();
            m_headRequest = false;
            return true;
        }
        if (m_chunked) {
            m_state = State::ChunkSize;
            m_line.clear();
            return false;
        }
        if (m_contentLength > 0) {
            m_state = State::Length;
            m_remaining = m_contentLength;
            return false;
        }
        m_state = State::UntilClose;
        return false;
    case State::ChunkSize: {
        bool ok = false;
        const qsizetype semi = line.indexOf(';');
        const qint64 chunk = LineReader::trimmed(QByteArrayView(line).first(semi < 0 ? line.size() : semi))
                                 .toByteArray()
                                 .toLongLong(&ok, 16);
        if (!ok || chunk < 0) {
            m_state = State::UntilClose;
            return false;
        }
        if (chunk == 0) {
            m_state = State::Trailer;
            return false;
        }
        m_state = State::ChunkData;
        m_remaining = chunk;
        return false;
    }
    case State::ChunkDataEnd: m_state = State::ChunkSize; return false;
    case State::Trailer:
        if (!line.isEmpty())
            return false;
        resetHead();
        m_headRequest = false;
        return true;
    case State::Length:
    case State::ChunkData:
    case State::UntilClose: break;
    }
    return false;
}

} // namespace Colleagues::Server
