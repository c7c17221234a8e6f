// SPDX-License-Identifier: MIT
#include "client/sync/ExpertChoice.h"

namespace Colleagues {

ExpertChoice chooseExperts(const QStringList &ranked, int top, const QString &me,
                           const std::function<Status(const QString &)> &statusOf)
{
    ExpertChoice choice;
    for (const QString &username : ranked) {
        if (choice.chosen.size() >= top)
            break;
        if (username.isEmpty() || username == me || choice.chosen.contains(username)
            || choice.outOfOffice.contains(username))
            continue;
        if (statusOf(username).availability == Availability::OutOfOffice)
            choice.outOfOffice.append(username);
        else
            choice.chosen.append(username);
    }
    return choice;
}

} // namespace Colleagues
