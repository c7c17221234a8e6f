// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Colleagues::Server {

struct HttpRequest;
struct HttpResponse;

/*!
 * gzip for large answers (RFC 9110 content codings). Only GET answers of 200 with a JSON body
 * of at least MinBytes and no ETag are compressed — sync pages above all, where a first sync
 * of a large directory moves tens of megabytes — and only when the request's Accept-Encoding
 * allows gzip. Answers to sign-in, password changes and other writes are never compressed, so
 * a secret never shares a compressed body with text an attacker chose (BREACH).
 */
namespace Compression {

inline constexpr qsizetype MinBytes = 1024;
//! zlib's level, its default: a 1,000-profile sync page (829 KB) shrinks 6.4-fold (5.5-fold at
//! level 3, which takes about half the time: some 10 ms more a page on this 2-core machine).
inline constexpr int Level = 6;

//! Whether an Accept-Encoding value allows gzip ("gzip", "x-gzip" or "*", with a q above 0).
bool acceptsGzip(const QByteArray &acceptEncoding);

//! \a data in the gzip format (RFC 1952); empty if zlib failed.
QByteArray gzip(const QByteArray &data, int level = Level);

// The pieces gzip() is made of, for answers put together from parts compressed apart
// (PageCompressor): a header, deflate blocks (RFC 1951) that follow one another, a trailer.

//! The ten bytes that start a gzip member: no name, no time, "Unix" (as zlib writes them).
QByteArray gzipHeader();
//! Appends the gzip trailer of a text of \a length bytes whose CRC-32 is \a crc.
void appendGzipTrailer(QByteArray &out, quint32 crc, qint64 length);
//! The CRC-32 (as gzip's trailer has it) of \a data, continuing \a crc.
quint32 crc32(QByteArrayView data, quint32 crc = 0);
//! \a data as raw deflate blocks at \a level: with \a final, a whole stream; otherwise ending on
//! a byte boundary (a sync flush), so that more blocks may follow. Empty if zlib failed.
QByteArray deflateRaw(QByteArrayView data, bool final, int level = Level);
//! Appends \a data as stored (uncompressed) deflate blocks, the last of them final when \a final:
//! for text too short to be worth a deflate stream of its own.
void appendStored(QByteArray &out, QByteArrayView data, bool final);

//! Compresses \a response in place when \a request accepts it and it is worth it; adds
//! Content-Encoding and Vary. Returns whether it did.
bool compressIfAccepted(const HttpRequest &request, HttpResponse &response);

} // namespace Compression

} // namespace Colleagues::Server
