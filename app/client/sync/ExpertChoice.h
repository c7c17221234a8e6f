// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace Colleagues {

//! Who a question goes to ("Ask these people…", `colleagues ask`): see chooseExperts().
struct ExpertChoice
{
    QStringList chosen; //!< usernames, best ranked first
    QStringList outOfOffice; //!< ranked among them but out of office: left out, and named to the asker
};

/*!
 * Goes down \a ranked (usernames, best first: a search's results) until \a top people are chosen,
 * skipping \a me and leaving out everyone whose status (\a statusOf) says they are out of office
 * now; those are listed in outOfOffice. At most \a top are chosen, fewer when the list runs out.
 */
ExpertChoice chooseExperts(const QStringList &ranked, int top, const QString &me,
                           const std::function<Status(const QString &)> &statusOf);

} // namespace Colleagues
