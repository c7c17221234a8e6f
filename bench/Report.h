// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QTextStream>

namespace Colleagues::Bench {

//! Where a benchmark writes its report: standard output.
QTextStream &out();
//! Writes \a line and a newline to out() and flushes, so that a long run shows each figure as
//! it comes.
void say(const QString &line);

} // namespace Colleagues::Bench
