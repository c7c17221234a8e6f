// SPDX-License-Identifier: MIT
#include "server/guard/RequestScanner_p.h"

#include <QByteArrayView>

namespace Colleagues::Server {

namespace {

// RFC 9110 token characters.
bool isTchar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9'))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool isToken(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return false;
    for (char c : bytes) {
        if (!isTchar(c))
            return false;
    }
    return true;
}

// Field values: visible characters, obs-text, space and tab; no other control characters.
bool isFieldValue(QByteArrayView bytes)
{
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

// The methods Colleagues serves; anything else that is a token gets 501.
bool isKnownMethod(QByteArrayView m)
{
    static const char *const known[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"};
    for (const char *k : known) {
        if (m == QByteArrayView(k))
            return true;
    }
    return false;
}

constexpr qint64 hugeLength = std::numeric_limits<qint64>::max() / 2;

// Parses a non-empty decimal; values too large to matter become hugeLength.
bool parseDecimal(QByteArrayView v, qint64 *out)
{
    if (v.isEmpty())
        return false;
    qint64 value = 0;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
        value = value > (hugeLength - 9) / 10 ? hugeLength : value * 10 + (c - '0');
    }
    *out = qMin(value, hugeLength);
    return true;
}

constexpr qint64 maxChunkLineBytes = 1024;

} // namespace

RequestScanner::RequestScanner(Limits limits)
    : m_limits(std::move(limits))
{ }

void RequestScanner::fail(GuardReason reason, int status, const char *code, const QString &message)
{
    m_phase = Phase::Rejected;
    m_rejection = GuardRejection {reason, status, QByteArray(code), message};
}

RequestScanner::Step RequestScanner::reject(GuardReason reason, int status, const char *code, const QString &message,
                                            qint64 consumed)
{
    fail(reason, status, code, message);
    return Step {consumed, Event::Rejected};
}

void RequestScanner::startNextRequest()
{
    if (m_phase != Phase::Complete)
        return;
    m_phase = Phase::Idle;
    m_line.clear();
    m_headBytes = 0;
    m_headerCount = 0;
    m_sawRequestLine = false;
    m_method.clear();
    m_path.clear();
    m_http11 = true;
    m_hasHost = false;
    m_expectContinue = false;
    m_hasContentLength = false;
    m_chunked = false;
    m_hasTransferEncoding = false;
    m_contentLength = 0;
    m_bodyMode = BodyMode::None;
    m_bodyLimit = 0;
    m_bodyTotal = 0;
    m_remaining = 0;
    m_chunkState = ChunkState::Size;
    m_trailerBytes = 0;
}

RequestScanner::Step RequestScanner::feed(const char *data, qint64 size)
{
    qint64 pos = 0;
    while (pos < size) {
        switch (m_phase) {
        case Phase::Complete:
        case Phase::Rejected: return Step {pos, Event::None};

        case Phase::Idle: m_phase = Phase::Head; return Step {pos, Event::HeadStarted};

        case Phase::Head: {
            const LineReader::Piece piece = LineReader::piece(data + pos, size - pos);
            const qint64 take = piece.size;
            if (m_line.pendingSize() + piece.textSize() > m_limits.maxLineBytes) {
                if (!m_sawRequestLine)
                    return reject(
                        GuardReason::UriTooLong, 414, "uri_too_long",
                        QStringLiteral("The request line is longer than %1 bytes.").arg(m_limits.maxLineBytes),
                        pos + take);
                return reject(GuardReason::HeadersTooLarge, 431, "headers_too_large",
                              QStringLiteral("A header line is longer than %1 bytes.").arg(m_limits.maxLineBytes),
                              pos + take);
            }
            m_headBytes += take;
            if (m_headBytes > m_limits.maxHeadBytes)
                return reject(GuardReason::HeadersTooLarge, 431, "headers_too_large",
                              QStringLiteral("The request head is larger than %1 bytes.").arg(m_limits.maxHeadBytes),
                              pos + take);
            const std::optional<QByteArray> taken = m_line.append(data + pos, piece);
            pos += take;
            if (!taken)
                break;
            const QByteArray &line = *taken;
            if (line.contains('\r')) {
                fail(GuardReason::Malformed, 400, "bad_request", QStringLiteral("A bare CR in the request head."));
                return Step {pos, Event::Rejected};
            }
            if (!m_sawRequestLine && line.isEmpty())
                break; // RFC 9112 2.2: empty lines before the request line are ignored
            if (m_sawRequestLine && line.isEmpty()) {
                if (!finishHead())
                    return Step {pos, Event::Rejected};
                if (m_bodyMode == BodyMode::None) {
                    m_phase = Phase::Complete;
                    return Step {pos, Event::RequestComplete};
                }
                m_phase = Phase::Body;
                return Step {pos, Event::HeadComplete};
            }
            if (!takeHeadLine(line))
                return Step {pos, Event::Rejected};
            break;
        }

        case Phase::Body: {
            if (m_bodyMode == BodyMode::Length || m_chunkState == ChunkState::Data) {
                const qint64 take = qMin(m_remaining, size - pos);
                m_remaining -= take;
                pos += take;
                if (m_bodyMode == BodyMode::Length) {
                    m_bodyTotal += take;
                    if (m_remaining == 0) {
                        m_phase = Phase::Complete;
                        return Step {pos, Event::RequestComplete};
                    }
                } else if (m_remaining == 0) {
                    m_chunkState = ChunkState::DataEnd;
                }
                break;
            }
            // Chunk-size lines, the CRLF after chunk data and trailer lines.
            const LineReader::Piece piece = LineReader::piece(data + pos, size - pos);
            const qint64 take = piece.size;
            const qint64 lineLimit = m_chunkState == ChunkState::Trailer ? m_limits.maxLineBytes : maxChunkLineBytes;
            if (m_line.pendingSize() + piece.textSize() > lineLimit)
                return reject(GuardReason::Malformed, 400, "bad_request",
                              QStringLiteral("A chunk header or trailer line is too long."), pos + take);
            const std::optional<QByteArray> taken = m_line.append(data + pos, piece);
            pos += take;
            if (!taken)
                break;
            const QByteArray &line = *taken;
            bool ok = true;
            switch (m_chunkState) {
            case ChunkState::Size: ok = takeChunkSizeLine(line); break;
            case ChunkState::DataEnd:
                ok = line.isEmpty();
                if (!ok)
                    fail(GuardReason::Malformed, 400, "bad_request",
                         QStringLiteral("Chunk data is not followed by CRLF."));
                m_chunkState = ChunkState::Size;
                break;
            case ChunkState::Trailer:
                if (line.isEmpty()) {
                    m_phase = Phase::Complete;
                    return Step {pos, Event::RequestComplete};
                }
                m_trailerBytes += take;
                ok = takeTrailerLine(line);
                break;
            case ChunkState::Data: break;
            }
            if (!ok)
                return Step {pos, Event::Rejected};
            break;
        }
        }
    }
    return Step {pos, Event::None};
}

bool RequestScanner::takeHeadLine(const QByteArray &line)
{
    if (!m_sawRequestLine) {
        m_sawRequestLine = true;
        return takeRequestLine(line);
    }
    return takeHeaderLine(line);
}

bool RequestScanner::takeRequestLine(const QByteArray &line)
{
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || sp2 == sp1 + 1 || line.indexOf(' ', sp2 + 1) >= 0) {
        fail(GuardReason::Malformed, 400, "bad_request", QStringLiteral("The request line is not HTTP/1.1."));
        return false;
    }
    const QByteArrayView method = QByteArrayView(line).first(sp1);
    const QByteArrayView target = QByteArrayView(line).sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = QByteArrayView(line).sliced(sp2 + 1);

    if (!isToken(method)) {
        fail(GuardReason::Malformed, 400, "bad_request", QStringLiteral("The request method is not a token."));
        return false;
    }
    if (version == "HTTP/1.1") {
        m_http11 = true;
    } else if (version == "HTTP/1.0") {
        m_http11 = false;
    } else if (version.size() == 8 && version.startsWith("HTTP/") && version[5] >= '0' && version[5] <= '9'
               && version[6] == '.' && version[7] >= '0' && version[7] <= '9') {
        fail(GuardReason::VersionNotSupported, 505, "http_version_not_supported",
             QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are served."));
        return false;
    } else {
        fail(GuardReason::Malformed, 400, "bad_request", QStringLiteral("The request line is not HTTP/1.1."));
        return false;
    }
    for (char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f) {
            fail(GuardReason::Malformed, 400, "bad_request",
                 QStringLiteral("The request target has characters that must be percent-encoded."));
            return false;
        }
    }
    const bool asterisk = target == "*" && method == "OPTIONS";
    if (!target.startsWith('/') && !asterisk) {
        fail(GuardReason::Malformed, 400, "bad_request", QStringLiteral("The request target must start with '/'."));
        return false;
    }
    if (!isKnownMethod(method)) {
        fail(GuardReason::NotImplemented, 501, "not_implemented",
             QStringLiteral("The method %1 is not served.").arg(QString::fromLatin1(method)));
        return false;
    }
    m_method = method.toByteArray();
    qsizetype end = target.indexOf('?');
    const qsizetype hash = target.indexOf('#');
    if (end < 0 || (hash >= 0 && hash < end))
        end = hash;
    m_path = QByteArray::fromPercentEncoding(target.first(end < 0 ? target.size() : end).toByteArray());
    return true;
}

bool RequestScanner::takeHeaderLine(const QByteArray &line)
{
    if (++m_headerCount > m_limits.maxHeaderCount) {
        fail(GuardReason::HeadersTooLarge, 431, "headers_too_large",
             QStringLiteral("The request has more than %1 header fields.").arg(m_limits.maxHeaderCount));
        return false;
    }
    if (line.front() == ' ' || line.front() == '\t') {
        fail(GuardReason::Malformed, 400, "bad_request", QStringLiteral("Folded header lines are not accepted."));
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView name = colon < 0 ? QByteArrayView() : QByteArrayView(line).first(colon);
    if (!isToken(name)) {
        fail(GuardReason::Malformed, 400, "bad_request", QStringLiteral("A header line has no valid field name."));
        return false;
    }
    const QByteArrayView value = LineReader::trimmed(QByteArrayView(line).sliced(colon + 1));
    if (!isFieldValue(value)) {
        fail(GuardReason::Malformed, 400, "bad_request",
             QStringLiteral("A header field value has control characters."));
        return false;
    }
    if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
        qint64 length = 0;
        if (m_hasContentLength || !parseDecimal(value, &length)) {
            fail(GuardReason::Malformed, 400, "bad_request",
                 QStringLiteral("Content-Length must be given once, as a decimal number."));
            return false;
        }
        m_hasContentLength = true;
        m_contentLength = length;
    } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
        if (m_hasTransferEncoding) {
            fail(GuardReason::Malformed, 400, "bad_request", QStringLiteral("Transfer-Encoding is given twice."));
            return false;
        }
        m_hasTransferEncoding = true;
        if (value.compare("chunked", Qt::CaseInsensitive) != 0) {
            fail(GuardReason::NotImplemented, 501, "not_implemented",
                 QStringLiteral("Only the chunked transfer coding is accepted."));
            return false;
        }
        m_chunked = true;
    } else if (name.compare("Host", Qt::CaseInsensitive) == 0) {
        if (m_hasHost) {
            fail(GuardReason::Malformed, 400, "bad_request", QStringLiteral("Host is given twice."));
            return false;
        }
        m_hasHost = true;
    } else if (name.compare("Expect", Qt::CaseInsensitive) == 0) {
        m_expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
    }
    return true;
}

bool RequestScanner::finishHead()
{
    if (m_http11 && !m_hasHost) {
        fail(GuardReason::Malformed, 400, "bad_request", QStringLiteral("An HTTP/1.1 request needs a Host header."));
        return false;
    }
    if (m_hasTransferEncoding && m_hasContentLength) {
        fail(GuardReason::Malformed, 400, "bad_request",
             QStringLiteral("Content-Length and Transfer-Encoding must not both be given."));
        return false;
    }
    m_bodyLimit = m_limits.bodyLimit ? m_limits.bodyLimit(m_method, m_path) : m_limits.defaultBodyLimit;
    if (m_chunked) {
        m_bodyMode = BodyMode::Chunked;
        m_chunkState = ChunkState::Size;
        return true;
    }
    if (m_contentLength > m_bodyLimit) {
        fail(GuardReason::PayloadTooLarge, 413, "payload_too_large",
             QStringLiteral("The request body is larger than %1 bytes, the limit for this request.").arg(m_bodyLimit));
        return false;
    }
    if (m_contentLength > 0) {
        m_bodyMode = BodyMode::Length;
        m_remaining = m_contentLength;
    }
    return true;
}

bool RequestScanner::takeChunkSizeLine(const QByteArray &line)
{
    qsizetype i = 0;
    qint64 chunk = 0;
    while (i < line.size()) {
        const char c = line.at(i);
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0)
            break;
        chunk = chunk > (hugeLength - 15) / 16 ? hugeLength : chunk * 16 + digit;
        ++i;
    }
    const QByteArrayView rest = LineReader::trimmed(QByteArrayView(line).sliced(i));
    if (i == 0 || (!rest.isEmpty() && !rest.startsWith(';')) || !isFieldValue(rest)) {
        fail(GuardReason::Malformed, 400, "bad_request", QStringLiteral("A chunk size line is malformed."));
        return false;
    }
    if (chunk == 0) {
        m_chunkState = ChunkState::Trailer;
        return true;
    }
    if (chunk > m_bodyLimit - m_bodyTotal) {
        fail(GuardReason::PayloadTooLarge, 413, "payload_too_large",
             QStringLiteral("The request body is larger than %1 bytes, the limit for this request.").arg(m_bodyLimit));
        return false;
    }
    m_bodyTotal += chunk;
    m_remaining = chunk;
    m_chunkState = ChunkState::Data;
    return true;
}

bool RequestScanner::takeTrailerLine(const QByteArray &line)
{
    if (m_trailerBytes > m_limits.maxHeadBytes || ++m_headerCount > m_limits.maxHeaderCount) {
        fail(GuardReason::HeadersTooLarge, 431, "headers_too_large",
             QStringLiteral("The chunked trailer is too large."));
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(QByteArrayView(line).first(colon))
        || !isFieldValue(QByteArrayView(line).sliced(colon + 1))) {
        fail(GuardReason::Malformed, 400, "bad_request", QStringLiteral("A trailer line is malformed."));
        return false;
    }
    return true;
}

} // namespace Colleagues::Server
