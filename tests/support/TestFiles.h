// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QFileDevice>
#include <QString>

namespace Colleagues::Test {

//! Creates the file \a path holding \a data, as a test plants a file where the code under test
//! will look, and gives it \a permissions; without \a permissions it keeps those the umask gave
//! it. False when the file cannot be written or its permissions set.
bool plantFile(const QString &path, const QByteArray &data, QFileDevice::Permissions permissions = {});

} // namespace Colleagues::Test
