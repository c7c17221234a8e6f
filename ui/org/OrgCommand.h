// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Colleagues {

//! `colleagues org USERNAME [--depth N] [--json] [--svg FILE] [--png FILE]`: a person's place in
//! the organisation from the local store, as JSON (docs/cli.md) or drawn by the chart's own
//! painting code (OrgPainter) into SVG or PNG, without a display.
namespace OrgCommand {

//! True when \a arguments ask for a drawing (the caller then needs a QGuiApplication).
bool drawsPicture(const QStringList &arguments);
//! Runs the command; \a arguments: the program name, then the command's own (without "org"). Returns the exit code:
//! 0 success, 1 failure (no such person, store or file not usable), 2 wrong usage.
int run(const QStringList &arguments);

} // namespace OrgCommand
} // namespace Colleagues
