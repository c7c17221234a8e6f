// SPDX-License-Identifier: MIT
#pragma once

#include "server/guard/LineReader_p.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace Colleagues::Server {

//! Why the guard refused a request or closed a connection (internal; HttpGuard::Reason mirrors it).
enum class GuardReason {
    PayloadTooLarge, //!< 413: declared or streamed body over the limit for its path
    HeadersTooLarge, //!< 431: head over maxHeadBytes, a header line over maxLineBytes, or too many headers
    UriTooLong, //!< 414: request line over maxLineBytes
    Malformed, //!< 400: not HTTP/1.x, bad request line, header or chunk syntax
    NotImplemented, //!< 501: unknown method or transfer coding
    VersionNotSupported, //!< 505: HTTP/x.y other than 1.0 and 1.1
    SlowRequest, //!< 408: head or body not received within its deadline (slowloris)
    IdleTimeout, //!< closed silently: no bytes between requests for idleTimeout
    ConnectionLimit, //!< 503: over maxConnections
    PipelineOverflow, //!< closed: more than maxPipelinedBytes queued behind an unanswered request
    TlsHandshake, //!< closed: TLS handshake failed or timed out
    SlowReader, //!< closed: an answered response made no write progress for idleTimeout
    BrokenByHttpServer, //!< 400: Qt HttpServer's own parser gave up on the connection
};

//! A refusal: status 0 means "close without answering".
struct GuardRejection
{
    GuardReason reason = GuardReason::Malformed;
    int status = 0;
    QByteArray code;
    QString message;
};

//! Incremental, allocation-light scanner of HTTP/1.1 requests as they arrive on one connection.
//! It never keeps bodies: it only counts them. feed() stops at every event so the caller can act
//! (start a deadline, answer 100-continue, hold the next request back, refuse).
class RequestScanner
{
public:
    struct Limits
    {
        qint64 maxHeadBytes = 16 * 1024;
        qint64 maxLineBytes = 8 * 1024;
        int maxHeaderCount = 100;
        //! Body limit for a method and a (percent-decoded, query-less) path.
        std::function<qint64(const QByteArray &method, const QByteArray &path)> bodyLimit;
        qint64 defaultBodyLimit = 1024 * 1024;
    };

    enum class Event {
        None, //!< every byte given was consumed; the request is not complete
        HeadStarted, //!< the first byte of a new request was consumed
        HeadComplete, //!< the blank line ending the head was consumed
        RequestComplete, //!< the last byte of the request was consumed; feed() takes nothing more until reset
        Rejected, //!< see rejection(); feed() takes nothing more
    };

    struct Step
    {
        qint64 consumed = 0;
        Event event = Event::None;
    };

    enum class Phase { Idle, Head, Body, Complete, Rejected };

    explicit RequestScanner(Limits limits);

    //! Consumes bytes up to the next event (or all of them) and says what happened.
    Step feed(const char *data, qint64 size);

    //! After RequestComplete: accept the next request on the connection.
    void startNextRequest();

    Phase phase() const { return m_phase; }
    const GuardRejection &rejection() const { return m_rejection; }

    // What the current request's head declared (valid from HeadComplete on).
    const QByteArray &method() const { return m_method; }
    const QByteArray &path() const { return m_path; }
    bool expectsContinue() const { return m_expectContinue; }
    bool hasBody() const { return m_bodyMode != BodyMode::None; }
    qint64 bodyLimit() const { return m_bodyLimit; }
    qint64 bodyBytesSeen() const { return m_bodyTotal; }
    //! The Content-Length of the current request, -1 when it has none.
    qint64 declaredLength() const { return m_hasContentLength ? m_contentLength : -1; }

private:
    enum class BodyMode { None, Length, Chunked };
    enum class ChunkState { Size, Data, DataEnd, Trailer };

    Step reject(GuardReason reason, int status, const char *code, const QString &message, qint64 consumed);
    // Returns false (and sets the rejection) when the line is not acceptable.
    bool takeHeadLine(const QByteArray &line);
    bool takeRequestLine(const QByteArray &line);
    bool takeHeaderLine(const QByteArray &line);
    bool finishHead();
    bool takeChunkSizeLine(const QByteArray &line);
    bool takeTrailerLine(const QByteArray &line);
    void fail(GuardReason reason, int status, const char *code, const QString &message);

    Limits m_limits;
    Phase m_phase = Phase::Idle;
    GuardRejection m_rejection;

    // head
    LineReader m_line;
    qint64 m_headBytes = 0;
    int m_headerCount = 0;
    bool m_sawRequestLine = false;
    QByteArray m_method;
    QByteArray m_path;
    bool m_http11 = true;
    bool m_hasHost = false;
    bool m_expectContinue = false;
    bool m_hasContentLength = false;
    bool m_chunked = false;
    bool m_hasTransferEncoding = false;
    qint64 m_contentLength = 0;

    // body
    BodyMode m_bodyMode = BodyMode::None;
    qint64 m_bodyLimit = 0;
    qint64 m_bodyTotal = 0;
    qint64 m_remaining = 0;
    ChunkState m_chunkState = ChunkState::Size;
    qint64 m_trailerBytes = 0;
};

} // namespace Colleagues::Server
