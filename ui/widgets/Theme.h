// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

class QFrame;
class QWidget;

class QDateTime;
class QWidget;

namespace Colleagues {

//! Colours, type sizes and spacing derived from the system palette and font, so the app
//! follows light and dark themes and scales with the font and the screen.
namespace Theme {

//! Spacing steps in device-independent pixels.
inline constexpr int SpaceXS = 2;
inline constexpr int SpaceS = 4;
inline constexpr int SpaceM = 8;
inline constexpr int SpaceL = 12;
inline constexpr int SpaceXL = 16;
inline constexpr int SpaceXXL = 24;

bool isDark(const QPalette &palette);
//! \a a blended towards \a b by \a amount (0: a, 1: b).
QColor mix(const QColor &a, const QColor &b, qreal amount);
//! Text that is less important than the main text: titles, times, hints.
QColor secondaryText(const QPalette &palette);
//! Hairlines between rows and sections.
QColor separator(const QPalette &palette);
//! Background of a chip; \a strong for a chip that matched the query.
QColor chipBackground(const QPalette &palette, bool strong);
QColor chipText(const QPalette &palette, bool strong);
//! Background behind the part of a text that matched the query.
QColor matchBackground(const QPalette &palette);
//! Colours that carry meaning: online, offline, error.
QColor positive(const QPalette &palette);
QColor warning(const QPalette &palette);
QColor negative(const QPalette &palette);

//! A stable colour for a person, from their username (the same on every run and machine).
QColor avatarColor(const QString &username, const QPalette &palette);
QColor avatarTextColor(const QColor &background);
//! One or two letters for an initials avatar: "Ada Lovelace" -> "AL".
QString initials(const QString &displayName);

//! \a base scaled by \a factor (relative to its point or pixel size), optionally bold.
QFont scaledFont(const QFont &base, qreal factor, QFont::Weight weight = QFont::Normal);

//! A tooltip that shows \a text literally, even when it looks like markup.
QString plainToolTip(const QString &text);

//! The short time format of the user's locale without seconds ("14:05", "2:05 PM").
QString shortTimeFormat();

//! A date and time for labels: the locale's short date and shortTimeFormat().
QString dateTimeText(const QDateTime &when);

//! A hairline between sections (a plain line in the Midlight colour).
QFrame *hairline(QWidget *parent, Qt::Orientation orientation = Qt::Horizontal);

//! Colours with a meaning, applied to a widget's palette by tint().
enum class Tint {
    None, //!< the theme's colours (removes a tint)
    Negative, //!< errors: the text in the negative colour
    Accent, //!< the one prominent button: accent background, accent text
};

//! Gives \a widget the colours of \a tint, and gives them again whenever the palette changes
//! (light/dark switch), so tinted widgets follow the system theme like the rest.
void tint(QWidget *widget, Tint tint);

} // namespace Theme
} // namespace Colleagues
