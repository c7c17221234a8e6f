// SPDX-License-Identifier: MIT
#include "core/Json.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Colleagues {

namespace {

// QJsonDocument recurses per nesting level; refuse deep documents before parsing.
int nestingDepth(const QByteArray &data)
{
    int depth = 0;
    int maxDepth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : data) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"': inString = true; break;
        case '{':
        case '[': maxDepth = std::max(maxDepth, ++depth); break;
        case '}':
        case ']': --depth; break;
        default: break;
        }
    }
    return maxDepth;
}

} // namespace

Expected<QJsonObject> parseJsonObject(const QByteArray &data, qsizetype maxBytes)
{
    if (data.trimmed().isEmpty())
        return Error {
            Error::Code::Malformed, {}, QStringLiteral("The request body is empty; a JSON object was expected.")};
    if (data.size() > maxBytes) {
        return Error {Error::Code::TooLong,
                      {},
                      QStringLiteral("The JSON document is %1 bytes; the limit is %2.").arg(data.size()).arg(maxBytes)};
    }
    if (nestingDepth(data) > JsonLimits::MaxDepth) {
        return Error {Error::Code::Malformed,
                      {},
                      QStringLiteral("The JSON document is nested deeper than %1 levels.").arg(JsonLimits::MaxDepth)};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error {Error::Code::Malformed,
                      {},
                      QStringLiteral("The body is not valid JSON: %1 at byte %2.")
                          .arg(parseError.errorString())
                          .arg(parseError.offset)};
    }
    if (!doc.isObject())
        return Error {Error::Code::InvalidType, {}, QStringLiteral("The JSON document must be an object.")};
    return doc.object();
}

} // namespace Colleagues
