// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <type_traits>
#include <utility>
#include <variant>

namespace Colleagues {

/*!
 * Either a value or an error (a small stand-in for C++23's std::expected). Core, client and
 * storage answer Expected<T>, whose error is a Core Error; the server's HTTP services answer
 * Expected<T, ApiError> (ApiResult<T>). The bool conversion says whether there is a value,
 * never what the value is: an Expected<bool> holding false is true.
 */
template<typename T, typename E = Error>
class Expected
{
    static_assert(!std::is_same_v<T, E>, "Expected needs a value type that differs from its error type");

public:
    Expected(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    Expected(E error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    bool hasValue() const { return m_data.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    //! The value; only when hasValue().
    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    //! The value, or \a fallback when there is none.
    T valueOr(T fallback) const & { return hasValue() ? value() : std::move(fallback); }

    //! The error; only when !hasValue().
    const E &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, E> m_data;
};

} // namespace Colleagues
