// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/SyncDatabase.h"

#include <QObject>
#include <QTest>
#include <QtGlobal>

#include <functional>
#include <optional>
#include <utility>

namespace Colleagues::Test {

//! Runs \a work on \a db's writer thread and waits (up to 10 s) for its result; R {} (with a
//! warning) when the worker does not answer.
template<typename R>
R runOn(SyncDatabase &db, std::function<R(SyncSchema::SyncWriter &)> work)
{
    std::optional<R> result;
    QObject context;
    db.write<R>(std::move(work), &context, [&](R r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        qWarning("the sync worker did not answer");
    return result.value_or(R {});
}

} // namespace Colleagues::Test
