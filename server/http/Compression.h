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
//! zlib's level, its default: a 1,000-profile sync page (829 KB) shrinks 6.4-fold (5.5-fold at
//! level 3, which takes about half the time: some 10 ms more a page on this 2-core machine).
inline constexpr int Level = 6;

//! Whether an Accept-Encoding value allows gzip ("gzip", "x-gzip" or "*", with a q above 0).
bool acceptsGzip(const QByteArray &acceptEncoding);

//! \a data in the gzip format (RFC 1952); empty if zlib failed.
QByteArray gzip(const QByteArray &data, int level = Level);

//! Compresses \a response in place when \a request accepts it and it is worth it; adds
//! Content-Encoding and Vary. Returns whether it did.
bool compressIfAccepted(const HttpRequest &request, HttpResponse &response);

} // namespace Compression

} // namespace Colleagues::Server
