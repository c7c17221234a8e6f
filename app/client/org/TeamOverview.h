// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <array>

namespace Colleagues {

class ClientStore;
class OrgChart;

//! A manager's team at a glance: how many, where, in which time zones, and what they know.
struct TeamOverview
{
    struct Count
    {
        QString value;
        int people = 0;
    };
    struct SkillLevels
    {
        QString name; //!< the most common spelling
        std::array<int, 5> people {}; //!< people at level 1..5
        int total() const { return people[0] + people[1] + people[2] + people[3] + people[4]; }
    };

    int headcount = 0; //!< everyone under the manager, every level
    QList<Count> locations; //!< most people first
    QList<Count> timeZones;
    QList<SkillLevels> skills; //!< the most common skills, most people first

    //! Everyone under \a id in \a chart (refreshed), read from \a store: \a topSkills skills.
    static TeamOverview of(ClientStore *store, const OrgChart &chart, qint64 id, int topSkills = 8);
};

} // namespace Colleagues
