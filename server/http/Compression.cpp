// SPDX-License-Identifier: MIT
#include "server/http/Compression.h"

#include "server/http/HttpRequest.h"
#include "server/http/HttpResponse.h"

#include <zlib.h>

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

QByteArray gzip(const QByteArray &data, int level)
{
    z_stream stream {};
    // 15 window bits + 16: a gzip header and trailer instead of zlib's.
    if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    const qsizetype written = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        return {};
    out.truncate(written);
    return out;
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
