// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>

namespace Colleagues {

//! The app's few icons, drawn as vectors in the palette's text colour (crisp at any scale,
//! right in light and dark themes, no icon theme needed).
namespace Icons {

enum class Glyph { Search, Messages, Person, Sync, Org };

//! \a badge > 0 adds a count badge (unread messages).
QIcon icon(Glyph glyph, int badge = 0);

} // namespace Icons
} // namespace Colleagues
