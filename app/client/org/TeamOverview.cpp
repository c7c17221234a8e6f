// SPDX-License-Identifier: MIT
#include "client/org/TeamOverview.h"

#include "client/ClientStore.h"
#include "client/Sqlite_p.h"
#include "client/org/OrgChart.h"

#include <QHash>

#include <algorithm>

namespace Colleagues {

namespace {

QList<TeamOverview::Count> sorted(const QHash<QString, int> &counts)
{
    QList<TeamOverview::Count> list;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        list.append(TeamOverview::Count {it.key(), it.value()});
    std::sort(list.begin(), list.end(), [](const TeamOverview::Count &l, const TeamOverview::Count &r) {
        return l.people != r.people ? l.people > r.people : l.value < r.value;
    });
    return list;
}

} // namespace

TeamOverview TeamOverview::of(ClientStore *store, const OrgChart &chart, qint64 id, int topSkills)
{
    TeamOverview overview;
    const std::vector<qint64> team = chart.team(id);
    overview.headcount = int(team.size());
    if (team.empty() || !store || !store->handle())
        return overview;
    QHash<QString, int> locations;
    QHash<QString, int> timeZones;
    for (qint64 member : team) {
        const OrgPerson *p = chart.person(member);
        ++locations[p->location];
        if (!p->timeZone.isEmpty())
            ++timeZones[p->timeZone];
    }
    overview.locations = sorted(locations);
    overview.timeZones = sorted(timeZones);

    // Skills by their key (case and accents aside), with the spelling most people use.
    struct Tally
    {
        SkillLevels levels;
        QHash<QString, int> spellings;
    };
    QHash<QString, Tally> skills;
    Sql::Statement read(store->handle(), "SELECT name, key, level FROM skills WHERE local_id = ?1");
    for (qint64 member : team) {
        read.bind(1, member);
        while (read.next()) {
            const int level = std::clamp(read.integer(2), 1, 5);
            Tally &tally = skills[read.text(1)];
            ++tally.levels.people[size_t(level - 1)];
            ++tally.spellings[read.text(0)];
        }
        read.reset();
    }
    for (auto it = skills.begin(); it != skills.end(); ++it) {
        it->levels.name = sorted(it->spellings).constFirst().value;
        overview.skills.append(it->levels);
    }
    std::sort(overview.skills.begin(), overview.skills.end(), [](const SkillLevels &l, const SkillLevels &r) {
        return l.total() != r.total() ? l.total() > r.total() : l.name < r.name;
    });
    if (overview.skills.size() > topSkills)
        overview.skills.resize(topSkills);
    return overview;
}

} // namespace Colleagues
