// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

//! Bearer tokens: 256 random bits handed to the client, kept by the server only as a hash.
namespace Colleagues::Server::Tokens {

//! A new token: 32 bytes from the system's CSPRNG, base64url without padding (43 characters).
QByteArray generate();

//! SHA-256 of \a token, raw 32 bytes: what storage keeps and looks sessions up by.
QByteArray hash(const QByteArray &token);

} // namespace Colleagues::Server::Tokens
