// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"
#include "core/Validation.h"

#include <QByteArray>
#include <QString>

namespace Colleagues::Server::Cli {

inline constexpr int MinPasswordLength = Limits::PasswordMin;
inline constexpr int MaxPasswordBytes = 1024;

//! Reads a new password for \a username: from the terminal, asked twice with echo off, when
//! standard input is a terminal; otherwise the first line of standard input. An Error says
//! why the password is refused (empty, shorter than MinPasswordLength, mismatch, ...).
Expected<QByteArray> readNewPassword(const QString &username);

//! Checks a password against the length rules; Code::None when acceptable.
Error checkPassword(const QByteArray &password);

//! A random password for a new account: 16 characters from an alphabet without look-alikes
//! (about 93 bits).
QByteArray generatePassword();

} // namespace Colleagues::Server::Cli
