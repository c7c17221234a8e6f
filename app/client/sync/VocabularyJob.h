// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/ApiJob.h"
#include "core/Expected.h"
#include "core/Vocabulary.h"

namespace Colleagues {

/*!
 * GET /api/v1/vocabulary, with If-None-Match when a version is known (304: not modified).
 * The body is kept raw: decoding a large vocabulary is left to decode(), off the GUI thread.
 */
class VocabularyJob : public ApiJob
{
    Q_OBJECT

public:
    using ApiJob::ApiJob;

    bool isNotModified() const { return httpStatus() == 304; }

    //! Decodes and checks an answer body (any thread).
    static Expected<Vocabulary> decode(const QByteArray &body);

protected:
    bool acceptsStatus(int status) const override { return status == 304; }
};

} // namespace Colleagues
