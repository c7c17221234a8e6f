// SPDX-License-Identifier: MIT
#include "core/Error.h"

namespace Colleagues {

QString Error::codeName(Code code)
{
    switch (code) {
    case Code::None: return QStringLiteral("none");
    case Code::Required: return QStringLiteral("required");
    case Code::TooLong: return QStringLiteral("too_long");
    case Code::TooMany: return QStringLiteral("too_many");
    case Code::OutOfRange: return QStringLiteral("out_of_range");
    case Code::InvalidFormat: return QStringLiteral("invalid_format");
    case Code::InvalidType: return QStringLiteral("invalid_type");
    case Code::UnknownField: return QStringLiteral("unknown_field");
    case Code::ForbiddenCharacter: return QStringLiteral("forbidden_character");
    case Code::Duplicate: return QStringLiteral("duplicate");
    case Code::Malformed: return QStringLiteral("malformed");
    }
    return QStringLiteral("unknown");
}

} // namespace Colleagues
