// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"

#include <QByteArray>
#include <QJsonObject>

namespace Colleagues {

//! Limits on any JSON document we accept, whoever sent it.
namespace JsonLimits {
inline constexpr qsizetype MaxDocumentBytes = 1024 * 1024;
inline constexpr int MaxDepth = 32;
} // namespace JsonLimits

//! Parses a JSON document that must be an object. Rejects empty input, malformed JSON
//! (with the parser's reason and offset), documents over the size limit, nesting deeper
//! than JsonLimits::MaxDepth, and top-level values that are not objects.
Expected<QJsonObject> parseJsonObject(const QByteArray &data, qsizetype maxBytes = JsonLimits::MaxDocumentBytes);

} // namespace Colleagues
