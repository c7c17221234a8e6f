// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/ApiJob.h"

namespace Colleagues {

/*!
 * GET /api/v1/sync?since=&limit=&timeout=. The body is kept raw: decoding a large page is
 * left to whoever stores it (SyncBatch::fromJson, off the GUI thread).
 */
class SyncJob : public ApiJob
{
    Q_OBJECT

public:
    using ApiJob::ApiJob;

    qint64 since() const { return m_since; }

private:
    friend class ApiClient;
    qint64 m_since = 0;
};

} // namespace Colleagues
