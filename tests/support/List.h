// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

#include <initializer_list>

namespace Colleagues::Test {

//! A QStringList from UTF-8 literals (the project builds with QT_NO_CAST_FROM_ASCII):
//! QCOMPARE(usernames, list({"ada", "zoë"})).
QStringList list(std::initializer_list<const char *> items);

} // namespace Colleagues::Test
