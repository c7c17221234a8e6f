// SPDX-License-Identifier: MIT
#pragma once

#include <QLatin1String>
#include <QString>
#include <QStringView>

#include <cstddef>
#include <optional>

namespace Colleagues {

//! An enum value with the name it has in the API, the stores and the command line's output
//! ("out_of_office"); a table of them maps the enum both ways (nameIn(), valueIn()).
template<typename E>
struct Named
{
    E value;
    const char *name;
};

//! The name of \a value in \a names; empty when it has none.
template<typename E, std::size_t N>
QString nameIn(const Named<E> (&names)[N], E value)
{
    for (const Named<E> &n : names) {
        if (n.value == value)
            return QLatin1String(n.name);
    }
    return {};
}

//! The value named \a name in \a names; nothing when none is.
template<typename E, std::size_t N>
std::optional<E> valueIn(const Named<E> (&names)[N], QStringView name)
{
    for (const Named<E> &n : names) {
        if (name == QLatin1String(n.name))
            return n.value;
    }
    return std::nullopt;
}

} // namespace Colleagues
