// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QToolButton;
QT_END_NAMESPACE

namespace Colleagues {

class ClientBackend;
class OrgChart;
class OrgChartView;
class OrgModel;
class TeamOverviewWidget;

//! The Org chart page: a person's management chain up to the top, their peers and their direct
//! reports, from the local store (works offline), kept current as the directory syncs.
class OrgPanel : public QWidget
{
    Q_OBJECT

public:
    explicit OrgPanel(ClientBackend *backend, QWidget *parent = nullptr);
    ~OrgPanel() override;

    //! Shows the chart around \a username; false when they are not in the local directory.
    bool showPerson(const QString &username);
    //! The chart around the signed-in person, or the top of the company, when none is shown yet.
    void showDefault();
    QString person() const;
    OrgChart *chart() const { return m_chart; }
    OrgModel *model() const { return m_model; }
    OrgChartView *view() const { return m_view; }
    TeamOverviewWidget *teamOverview() const { return m_teamOverview; }

Q_SIGNALS:
    void profileRequested(const QString &username);
    //! The list behind "and N more": everyone who reports to \a manager.
    void reportsListRequested(const QString &manager);

private:
    void updateHeader();

    ClientBackend *m_backend;
    OrgChart *m_chart;
    OrgModel *m_model;
    OrgChartView *m_view;
    TeamOverviewWidget *m_teamOverview;
    QLabel *m_titleLabel;
    QLabel *m_problemsLabel;
    QToolButton *m_zoomOutButton;
    QToolButton *m_zoomInButton;
    QToolButton *m_zoomResetButton;
    quint64 m_overviewGeneration = 0;
};

} // namespace Colleagues
