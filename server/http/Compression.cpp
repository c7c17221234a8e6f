// SPDX-License-Identifier: MIT
#include "server/http/Compression.h"

#include "server/http/HttpRequest.h"
#include "server/http/HttpResponse.h"

#include <zlib.h>

#include <algorithm>

namespace Colleagues::Server::Compression {

bool acceptsGzip(const QByteArray &acceptEncoding)
{
    for (const QByteArray &item : acceptEncoding.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        const QByteArray coding = parts.first().trimmed().toLower();
        if (coding != "gzip" && coding != "x-gzip" && coding != "*")
            continue;
        double q = 1.0;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts[i].trimmed().toLower();
            if (parameter.startsWith("q="))
                q = parameter.mid(2).toDouble();
        }
        return q > 0;
    }
    return false;
}

namespace {

void appendLittleEndian(QByteArray &out, quint32 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.append(char((value >> (8 * i)) & 0xff));
}

} // namespace

QByteArray gzip(const QByteArray &data, int level)
{
    const QByteArray deflated = deflateRaw(data, true, level);
    if (deflated.isEmpty())
        return {};
    QByteArray out = gzipHeader();
    out.reserve(out.size() + deflated.size() + 8);
    out += deflated;
    appendGzipTrailer(out, crc32(data), data.size());
    return out;
}

QByteArray gzipHeader()
{
    static constexpr char Header[] = {'\x1f', '\x8b', 8, 0, 0, 0, 0, 0, 0, 3};
    return QByteArray(Header, sizeof Header);
}

void appendGzipTrailer(QByteArray &out, quint32 crc, qint64 length)
{
    appendLittleEndian(out, crc, 4);
    appendLittleEndian(out, quint32(length & 0xffffffff), 4);
}

quint32 crc32(QByteArrayView data, quint32 crc)
{
    if (data.isEmpty())
        return crc; // zlib answers a null buffer with the initial value, whatever crc is
    return quint32(crc32_z(crc, reinterpret_cast<const Bytef *>(data.data()), size_t(data.size())));
}

QByteArray deflateRaw(QByteArrayView data, bool final, int level)
{
    z_stream stream {};
    if (deflateInit2(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    // deflateBound() is for a finished stream; a sync flush adds its empty stored block.
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))) + 16, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, final ? Z_FINISH : Z_SYNC_FLUSH);
    const bool complete =
        final ? result == Z_STREAM_END : result == Z_OK && stream.avail_in == 0 && stream.avail_out > 0;
    const qsizetype written = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (!complete)
        return {};
    out.truncate(written);
    return out;
}

void appendStored(QByteArray &out, QByteArrayView data, bool final)
{
    constexpr qsizetype MaxStored = 65535;
    qsizetype at = 0;
    do {
        const qsizetype size = std::min(MaxStored, data.size() - at);
        const bool last = at + size == data.size();
        out.append(char(final && last ? 1 : 0)); // BFINAL, BTYPE 00; the rest of the byte is padding
        appendLittleEndian(out, quint32(size), 2);
        appendLittleEndian(out, quint32(~size & 0xffff), 2);
        out.append(data.data() + at, size);
        at += size;
    } while (at < data.size());
}

bool compressIfAccepted(const HttpRequest &request, HttpResponse &response)
{
    if (request.method != "GET" || response.status != 200 || response.body.size() < MinBytes
        || !response.contentType.startsWith("application/json") || !response.header("ETag").isEmpty()
        || !response.header("Content-Encoding").isEmpty() || !acceptsGzip(request.header("accept-encoding")))
        return false;
    QByteArray compressed = gzip(response.body);
    if (compressed.isEmpty() || compressed.size() >= response.body.size())
        return false;
    response.body = std::move(compressed);
    response.addHeader(QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip"));
    response.addHeader(QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Encoding"));
    return true;
}

} // namespace Colleagues::Server::Compression
