// SPDX-License-Identifier: MIT
#include "server/accounts/Tokens.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>

namespace Colleagues::Server::Tokens {

QByteArray generate()
{
    std::array<quint32, 8> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray raw(reinterpret_cast<const char *>(words.data()), sizeof(words));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray hash(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

} // namespace Colleagues::Server::Tokens
