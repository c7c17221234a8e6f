// SPDX-License-Identifier: MIT
#pragma once

#include "client/search/SearchTypes.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QTabWidget;
QT_END_NAMESPACE

namespace Colleagues {

class LevelChart;

//! The skill map beside the results: where the people found are, by location and by department,
//! each bar split by the level of their matching skill. Clicking a bar asks for that filter.
class SkillMapWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SkillMapWidget(QWidget *parent = nullptr);

    void setSkillMap(const SkillMap &map);
    LevelChart *locationsChart() const { return m_locations; }
    LevelChart *departmentsChart() const { return m_departments; }

Q_SIGNALS:
    void locationClicked(const QString &location);
    void departmentClicked(const QString &department);

private:
    QLabel *m_titleLabel;
    QTabWidget *m_tabs;
    LevelChart *m_locations;
    LevelChart *m_departments;
};

} // namespace Colleagues
