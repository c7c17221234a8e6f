// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Colleagues {

//! A structured error: a machine-readable code, the field it concerns (if any) and a
//! human sentence that names the field and the rule. Shared by client and server so
//! both report the same problem in the same words.
struct Error
{
    enum class Code {
        None,
        Required, //!< a required value is missing or empty
        TooLong, //!< a text is over its length limit
        TooMany, //!< a list has more items than allowed
        OutOfRange, //!< a number is outside its allowed range
        InvalidFormat, //!< syntax is wrong (email, username, time zone, ...)
        InvalidType, //!< a JSON value has the wrong type
        UnknownField, //!< a JSON object has a field we do not know
        ForbiddenCharacter, //!< control characters or bidirectional overrides
        Duplicate, //!< the same item appears twice
        Malformed, //!< the document itself cannot be parsed
    };

    Code code = Code::None;
    QString field; //!< dotted path, e.g. "skills[3].level"; empty when not about a field
    QString message; //!< one human sentence, safe to show to a user

    bool isError() const { return code != Code::None; }
    explicit operator bool() const { return isError(); }

    //! Stable snake_case name of the code, used in JSON error bodies.
    static QString codeName(Code code);
    QString codeName() const { return codeName(code); }
};

} // namespace Colleagues
