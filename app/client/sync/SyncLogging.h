// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace Colleagues {
//! colleagues.sync: the sync engine, outbox, API client and keychain. Never logs tokens or passwords.
Q_DECLARE_LOGGING_CATEGORY(lcSync)
} // namespace Colleagues
