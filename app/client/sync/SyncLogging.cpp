// SPDX-License-Identifier: MIT
#include "client/sync/SyncLogging.h"

namespace Colleagues {
Q_LOGGING_CATEGORY(lcSync, "colleagues.sync", QtWarningMsg)
} // namespace Colleagues
