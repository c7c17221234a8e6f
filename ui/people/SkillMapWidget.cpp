// SPDX-License-Identifier: MIT
#include "ui/people/SkillMapWidget.h"

#include "ui/widgets/LevelChart.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/Theme.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Colleagues {

SkillMapWidget::SkillMapWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("skillMapWidget"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::SpaceL, 0, Theme::SpaceL, Theme::SpaceS);
    layout->setSpacing(Theme::SpaceS);
    m_titleLabel = plainLabel(this, QStringLiteral("skillMapTitleLabel"));
    m_titleLabel->setForegroundRole(QPalette::PlaceholderText);
    m_titleLabel->setWordWrap(true);
    layout->addWidget(m_titleLabel);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("skillMapTabWidget"));
    m_tabs->setDocumentMode(true);
    m_locations = new LevelChart(m_tabs);
    m_locations->setObjectName(QStringLiteral("skillMapLocationsChart"));
    m_locations->setAccessibleName(tr("People found by location and skill level"));
    m_departments = new LevelChart(m_tabs);
    m_departments->setObjectName(QStringLiteral("skillMapDepartmentsChart"));
    m_departments->setAccessibleName(tr("People found by department and skill level"));
    m_tabs->addTab(m_locations, tr("By location"));
    m_tabs->addTab(m_departments, tr("By department"));
    m_tabs->setMinimumHeight(260);
    m_tabs->setMaximumHeight(340); // the results stay the main thing
    layout->addWidget(m_tabs);
    connect(m_locations, &LevelChart::categoryClicked, this, &SkillMapWidget::locationClicked);
    connect(m_departments, &LevelChart::categoryClicked, this, &SkillMapWidget::departmentClicked);
}

void SkillMapWidget::setSkillMap(const SkillMap &map)
{
    m_titleLabel->setText(
        tr("Where the %n people found are, by the level of their matching skill. Click a bar to filter.", nullptr,
           map.total));
    auto apply = [](LevelChart *chart, const QList<SkillMap::Row> &rows) {
        QStringList names;
        QList<std::array<int, 6>> counts;
        bool any = false;
        for (const SkillMap::Row &row : rows) {
            names.append(row.value);
            counts.append(row.people);
            any = any || row.people[0] > 0;
        }
        chart->setRows(names, counts, any);
    };
    apply(m_locations, map.locations);
    apply(m_departments, map.departments);
}

} // namespace Colleagues
