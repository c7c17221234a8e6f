// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

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
//! zlib's level: 3 takes under half the time of the default 6 and shrinks sync pages ~5-fold.
inline constexpr int Level = 3;

//! Whether an Accept-Encoding value allows gzip ("gzip", "x-gzip" or "*", with a q above 0).
bool acceptsGzip(const QByteArray &acceptEncoding);

//! \a data in the gzip format (RFC 1952); empty if zlib failed.
QByteArray gzip(const QByteArray &data, int level = Level);

//! Compresses \a response in place when \a request accepts it and it is worth it; adds
//! Content-Encoding and Vary. Returns whether it did.
bool compressIfAccepted(const HttpRequest &request, HttpResponse &response);

} // namespace Compression

} // namespace Colleagues::Server
