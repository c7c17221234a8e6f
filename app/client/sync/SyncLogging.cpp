#include "SyncLogging.h"

namespace Colleagues {
Q_LOGGING_CATEGORY(lcSync, "colleagues.sync", QtWarningMsg)
} // namespace Colleagues
