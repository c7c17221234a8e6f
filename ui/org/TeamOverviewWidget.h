// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace Colleagues {

class ClientStore;
class LevelChart;
class OrgChart;

//! The team overview beside the org chart: for a manager, how many people are under them,
//! where they are and in which time zones, and the team's most common skills by level (a chart).
class TeamOverviewWidget : public QWidget
{
    Q_OBJECT

public:
    TeamOverviewWidget(ClientStore *store, OrgChart *chart, QWidget *parent = nullptr);

    //! Shows the team of \a username; someone without reports shows a hint instead.
    void showTeam(const QString &username);
    QString manager() const { return m_manager; }

private:
    ClientStore *m_store;
    OrgChart *m_chart;
    QString m_manager;
    QLabel *m_titleLabel;
    QWidget *m_content;
    QLabel *m_headcountLabel;
    QLabel *m_locationsLabel;
    QLabel *m_timeZonesLabel;
    LevelChart *m_skillsChart;
};

} // namespace Colleagues
