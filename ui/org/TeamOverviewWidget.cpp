// SPDX-License-Identifier: MIT
#include "ui/org/TeamOverviewWidget.h"

#include "client/org/OrgChart.h"
#include "client/org/TeamOverview.h"
#include "ui/widgets/LevelChart.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/Theme.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace Colleagues {

namespace {

QString countsLine(const QList<TeamOverview::Count> &counts, int max)
{
    QStringList parts;
    for (qsizetype i = 0; i < counts.size() && i < max; ++i)
        parts.append(QStringLiteral("%1 %2").arg(counts[i].value, QLocale().toString(counts[i].people)));
    if (counts.size() > max)
        parts.append(TeamOverviewWidget::tr("%n more", nullptr, int(counts.size() - max)));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

TeamOverviewWidget::TeamOverviewWidget(ClientStore *store, OrgChart *chart, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_chart(chart)
{
    setObjectName(QStringLiteral("teamOverviewWidget"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::SpaceXL, Theme::SpaceL, Theme::SpaceXL, Theme::SpaceL);
    layout->setSpacing(Theme::SpaceS);
    m_titleLabel = plainLabel(this, QStringLiteral("teamTitleLabel"));
    m_titleLabel->setFont(Theme::scaledFont(font(), 1.1, QFont::DemiBold));
    m_titleLabel->setWordWrap(true);
    layout->addWidget(m_titleLabel);
    m_content = new QWidget(this);
    auto *outer = layout;
    layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::SpaceS);
    outer->addWidget(m_content, 1);
    m_headcountLabel = plainLabel(this, QStringLiteral("teamHeadcountLabel"));
    layout->addWidget(m_headcountLabel);
    layout->addSpacing(Theme::SpaceS);
    layout->addWidget(captionLabel(tr("Locations"), this));
    m_locationsLabel = plainLabel(this, QStringLiteral("teamLocationsLabel"));
    m_locationsLabel->setWordWrap(true);
    layout->addWidget(m_locationsLabel);
    layout->addWidget(captionLabel(tr("Time zones"), this));
    m_timeZonesLabel = plainLabel(this, QStringLiteral("teamTimeZonesLabel"));
    m_timeZonesLabel->setWordWrap(true);
    layout->addWidget(m_timeZonesLabel);
    layout->addSpacing(Theme::SpaceS);
    layout->addWidget(captionLabel(tr("Most common skills, people per level"), this));
    m_skillsChart = new LevelChart(this);
    m_skillsChart->setObjectName(QStringLiteral("teamSkillsChart"));
    m_skillsChart->setMinimumHeight(260);
    m_skillsChart->setAccessibleName(tr("Most common skills of the team, people per level"));
    layout->addWidget(m_skillsChart, 1);
    showTeam(QString());
}

void TeamOverviewWidget::showTeam(const QString &username)
{
    m_manager = username;
    const OrgPerson *p = m_chart->person(username);
    const bool manager = p && m_chart->headcount(p->id) > 0;
    m_content->setVisible(manager);
    if (!manager) {
        m_titleLabel->setText(p ? tr("No one reports to %1.").arg(p->displayName)
                                : tr("Choose a manager to see their team."));
        return;
    }
    const TeamOverview overview = TeamOverview::of(m_store, *m_chart, p->id);
    m_titleLabel->setText(tr("Team of %1").arg(p->displayName));
    m_headcountLabel->setText(tr("%n people in the team", nullptr, overview.headcount));
    m_locationsLabel->setText(countsLine(overview.locations, 6));
    m_timeZonesLabel->setText(countsLine(overview.timeZones, 6));
    QStringList names;
    QList<std::array<int, 6>> counts;
    for (const TeamOverview::SkillLevels &skill : overview.skills) {
        names.append(skill.name);
        counts.append({0, skill.people[0], skill.people[1], skill.people[2], skill.people[3], skill.people[4]});
    }
    m_skillsChart->setRows(names, counts, false);
}

} // namespace Colleagues
