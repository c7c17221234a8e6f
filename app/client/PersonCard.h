// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Colleagues {

/*!
 * What a line about a person shows, as the store has it: who they are, what they do, and where
 * and when they are. Search results and the org chart's people are cards with more.
 */
struct PersonCard
{
    QString username;
    QString displayName;
    QString title;
    QString department;
    QString location;
    QString timeZone; //!< IANA name; empty when unknown
};

} // namespace Colleagues
