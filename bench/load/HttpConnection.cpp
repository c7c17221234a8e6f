// SPDX-License-Identifier: MIT
#include "bench/load/HttpConnection.h"

#include <QtEndian>

#include <libdeflate.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <memory>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Colleagues::Load {

int HttpConnection::s_connecting = 0;
int HttpConnection::s_staleRetries = 0;

const char *failureName(NetFailure failure)
{
    switch (failure) {
    case NetFailure::None: return "none";
    case NetFailure::Refused: return "connection refused";
    case NetFailure::ConnectError: return "connect failed";
    case NetFailure::Reset: return "connection closed or reset before the answer";
    case NetFailure::Timeout: return "no answer in time";
    }
    return "?";
}

QByteArray httpRequest(const QByteArray &method, const QByteArray &target, const QByteArray &host,
                       const QByteArray &token, const QByteArray &body,
                       const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray r;
    r.reserve(256 + target.size() + body.size());
    r += method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n";
    if (!token.isEmpty())
        r += "Authorization: Bearer " + token + "\r\n";
    for (const auto &[name, value] : headers)
        r += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    r += "\r\n" + body;
    return r;
}

HttpConnection::HttpConnection(EventLoop *loop, const sockaddr_in &server)
    : m_loop(loop)
    , m_server(server)
{ }

HttpConnection::~HttpConnection()
{
    closeSocket();
}

void HttpConnection::request(QByteArray request, double deadlineMs, Done done)
{
    m_request = std::move(request);
    m_written = 0;
    m_in.clear();
    m_done = std::move(done);
    m_retried = false;
    const std::uint64_t id = ++m_requestId;
    m_loop->after(deadlineMs, [this, id] {
        if (m_requestId == id && m_done)
            fail(NetFailure::Timeout);
    });
    if (m_fd < 0)
        open();
    else
        writeOut();
}

void HttpConnection::abort()
{
    ++m_requestId;
    m_done = nullptr;
    closeSocket();
}

void HttpConnection::open()
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        m_loop->after(0, [this, id = m_requestId] {
            if (m_requestId == id && m_done)
                fail(NetFailure::ConnectError);
        });
        return;
    }
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    // The kernel stamps when data arrived: an answer counts as received then, not when this
    // one thread, busy with thousands of other clients, got round to reading it.
    ::setsockopt(m_fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one);
    m_reused = false;
    const int rc = ::connect(m_fd, reinterpret_cast<const sockaddr *>(&m_server), sizeof m_server);
    if (rc != 0 && errno != EINPROGRESS) {
        const NetFailure failure = errno == ECONNREFUSED ? NetFailure::Refused : NetFailure::ConnectError;
        ::close(m_fd);
        m_fd = -1;
        m_loop->after(0, [this, id = m_requestId, failure] {
            if (m_requestId == id && m_done)
                fail(failure);
        });
        return;
    }
    m_connecting = rc != 0;
    if (m_connecting)
        ++s_connecting;
    m_wantWrite = true;
    m_key = m_loop->add(m_fd, this, EPOLLIN | EPOLLOUT | EPOLLRDHUP);
}

void HttpConnection::closeSocket()
{
    if (m_fd < 0)
        return;
    m_arrivedRealMs = 0;
    if (m_connecting) {
        --s_connecting;
        m_connecting = false;
    }
    m_loop->remove(m_key, m_fd);
    ::close(m_fd);
    m_fd = -1;
}

void HttpConnection::fail(NetFailure failure)
{
    // The server may close a keep-alive connection that sat idle just as a request leaves on it:
    // nothing of the answer came, so send it once more on a fresh connection.
    const bool stale = m_reused && !m_retried && m_in.isEmpty()
        && (failure == NetFailure::Reset || failure == NetFailure::ConnectError);
    closeSocket();
    if (stale && m_done) {
        m_retried = true;
        ++s_staleRetries;
        m_written = 0;
        open();
        return;
    }
    HttpAnswer answer;
    answer.failure = failure;
    answer.receivedMs = answer.readMs = nowMs();
    finish(std::move(answer));
}

void HttpConnection::finish(HttpAnswer answer)
{
    ++m_requestId;
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(answer);
}

void HttpConnection::updateInterest()
{
    if (m_fd >= 0)
        m_loop->modify(m_key, m_fd, std::uint32_t(EPOLLIN | EPOLLRDHUP) | (m_wantWrite ? std::uint32_t(EPOLLOUT) : 0u));
}

void HttpConnection::handleEvents(std::uint32_t events)
{
    if (m_connecting) {
        if (!(events & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
            return;
        int error = 0;
        socklen_t length = sizeof error;
        ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length);
        --s_connecting;
        m_connecting = false;
        if (error != 0)
            return fail(error == ECONNREFUSED ? NetFailure::Refused : NetFailure::ConnectError);
    }
    if (events & EPOLLOUT)
        writeOut();
    if (m_fd >= 0 && (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
        readIn();
}

void HttpConnection::writeOut()
{
    if (!m_done || m_connecting)
        return;
    while (m_written < m_request.size()) {
        const ssize_t n =
            ::send(m_fd, m_request.constData() + m_written, size_t(m_request.size() - m_written), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                if (!m_wantWrite) {
                    m_wantWrite = true;
                    updateInterest();
                }
                return;
            }
            return fail(NetFailure::Reset);
        }
        m_written += n;
    }
    if (m_wantWrite) {
        m_wantWrite = false;
        updateInterest();
    }
}

void HttpConnection::readIn()
{
    char buffer[65536];
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(timespec))];
    for (;;) {
        iovec vector {buffer, sizeof buffer};
        msghdr message {};
        message.msg_iov = &vector;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        const ssize_t n = ::recvmsg(m_fd, &message, 0);
        if (n > 0) {
            // On TCP: when the last segment read arrived.
            for (cmsghdr *c = CMSG_FIRSTHDR(&message); c; c = CMSG_NXTHDR(&message, c)) {
                if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
                    timespec arrived {};
                    std::memcpy(&arrived, CMSG_DATA(c), sizeof arrived);
                    m_arrivedRealMs = double(arrived.tv_sec) * 1e3 + double(arrived.tv_nsec) / 1e6;
                }
            }
            m_in.append(buffer, n);
            if (parse())
                return;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        // Closed (n == 0) or reset: with a request out, it failed; an idle connection just goes.
        if (m_done)
            return fail(NetFailure::Reset);
        closeSocket();
        return;
    }
}

namespace {

//! The end of a chunked body in \a data from \a from, with the decoded body; -1 if incomplete.
qsizetype dechunk(const QByteArray &data, qsizetype from, QByteArray *body)
{
    qsizetype at = from;
    for (;;) {
        const qsizetype lineEnd = data.indexOf("\r\n", at);
        if (lineEnd < 0)
            return -1;
        bool ok = false;
        const qint64 size = data.mid(at, lineEnd - at).split(';').value(0).trimmed().toLongLong(&ok, 16);
        if (!ok)
            return -1;
        at = lineEnd + 2;
        if (size == 0) {
            const qsizetype end = data.indexOf("\r\n", at);
            return end < 0 ? -1 : end + 2; // no trailers expected
        }
        if (data.size() < at + size + 2)
            return -1;
        body->append(data.constData() + at, size);
        at += size + 2;
    }
}

//! Inflates the gzip member in \a body in place; false if it is not one. libdeflate rather than
//! zlib: this tool inflates every page of its 10,000 clients (over 100 MB a second) on the
//! machine the servers run on, and takes that time from them.
bool gunzip(QByteArray *body)
{
    static thread_local const std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor *)>
        decompressor(libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
    if (!decompressor || body->size() < 18) // a header and a trailer at least
        return false;
    // The trailer's last four bytes: the inflated size (modulo 4 GiB; pages are far smaller).
    const quint32 size = qFromLittleEndian<quint32>(body->constData() + body->size() - 4);
    QByteArray out(std::max<qsizetype>(size, 1), Qt::Uninitialized);
    size_t consumed = 0;
    size_t produced = 0;
    const libdeflate_result result =
        libdeflate_gzip_decompress_ex(decompressor.get(), body->constData(), size_t(body->size()), out.data(),
                                      size_t(out.size()), &consumed, &produced);
    if (result != LIBDEFLATE_SUCCESS || consumed != size_t(body->size()) || produced != size)
        return false;
    out.truncate(qsizetype(produced));
    *body = std::move(out);
    return true;
}

} // namespace

bool HttpConnection::parse()
{
    const qsizetype headEnd = m_in.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    const qsizetype statusEnd = m_in.indexOf("\r\n");
    const QList<QByteArray> statusLine = m_in.left(statusEnd).split(' ');
    HttpAnswer answer;
    answer.status = statusLine.value(1).toInt();
    qint64 length = -1;
    bool close = false;
    bool chunked = false;
    bool gzipped = false;
    qsizetype at = statusEnd + 2;
    while (at < headEnd) {
        qsizetype lineEnd = m_in.indexOf("\r\n", at);
        if (lineEnd < 0 || lineEnd > headEnd)
            lineEnd = headEnd;
        const QByteArray line = QByteArray::fromRawData(m_in.constData() + at, lineEnd - at);
        at = lineEnd + 2;
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "connection")
            close = value.toLower() == "close";
        else if (name == "transfer-encoding")
            chunked = value.toLower().contains("chunked");
        else if (name == "content-encoding")
            gzipped = value.toLower() == "gzip";
        else if (name == "retry-after")
            answer.retryAfterSeconds = value.toInt();
    }
    const qsizetype bodyStart = headEnd + 4;
    if (chunked) {
        if (dechunk(m_in, bodyStart, &answer.body) < 0)
            return false;
    } else if (length >= 0) {
        if (m_in.size() < bodyStart + length)
            return false;
        answer.body = m_in.mid(bodyStart, length);
    } else if (answer.status != 204 && answer.status != 304 && !(answer.status >= 100 && answer.status < 200)) {
        return false; // a body up to the end of the connection: not sent by this server
    }
    answer.wireBytes = answer.body.size();
    if (gzipped && !gunzip(&answer.body)) {
        answer.status = 0; // not what the server said it is
        answer.failure = NetFailure::Reset;
    }
    if (answer.status == 100) { // "100 Continue": the real answer follows
        m_in.remove(0, bodyStart);
        return parse();
    }
    answer.readMs = nowMs();
    answer.receivedMs = answer.readMs;
    if (m_arrivedRealMs > 0) {
        timespec now {};
        clock_gettime(CLOCK_REALTIME, &now);
        const double waited = double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6 - m_arrivedRealMs;
        answer.receivedMs -= std::clamp(waited, 0.0, 60000.0);
    }
    m_in.clear();
    m_reused = true;
    if (close)
        closeSocket();
    finish(std::move(answer));
    return true;
}

RequestPool::RequestPool(EventLoop *loop, const sockaddr_in &server, int maxConnections)
    : m_loop(loop)
    , m_server(server)
    , m_max(std::max(1, maxConnections))
{ }

RequestPool::~RequestPool()
{
    for (HttpConnection *c : m_connections)
        delete c;
}

int RequestPool::busy() const
{
    return int(
        std::count_if(m_connections.begin(), m_connections.end(), [](const HttpConnection *c) { return c->isBusy(); }));
}

void RequestPool::submit(QByteArray request, double deadlineMs, HttpConnection::Done done)
{
    if (int(m_connections.size()) >= m_max && busy() >= m_max)
        ++m_waited;
    m_queue.emplace_back(std::move(request), deadlineMs, std::move(done));
    pump();
}

void RequestPool::pump()
{
    while (!m_queue.empty()) {
        // An idle open connection first, then an idle closed one, then a new one.
        HttpConnection *free = nullptr;
        for (HttpConnection *c : m_connections) {
            if (!c->isBusy() && (!free || (c->isOpen() && !free->isOpen())))
                free = c;
            if (free && free->isOpen())
                break;
        }
        if (!free && int(m_connections.size()) < m_max) {
            free = new HttpConnection(m_loop, m_server);
            m_connections.push_back(free);
        }
        if (!free)
            return;
        auto [request, deadline, done] = std::move(m_queue.front());
        m_queue.pop_front();
        free->request(std::move(request), deadline, [this, done = std::move(done)](const HttpAnswer &answer) {
            done(answer);
            pump();
        });
        m_peakBusy = std::max(m_peakBusy, busy());
    }
}

} // namespace Colleagues::Load
