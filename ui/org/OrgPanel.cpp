// SPDX-License-Identifier: MIT
#include "ui/org/OrgPanel.h"

#include "client/org/OrgChart.h"
#include "ui/ClientBackend.h"
#include "ui/org/OrgChartView.h"
#include "ui/org/OrgModel.h"
#include "ui/org/TeamOverviewWidget.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Colleagues {

OrgPanel::OrgPanel(ClientBackend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_chart(new OrgChart(backend->store(), this))
    , m_model(new OrgModel(m_chart, this))
{
    setObjectName(QStringLiteral("orgPanel"));
    m_model->setObjectName(QStringLiteral("orgModel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(Theme::SpaceXL, Theme::SpaceL, Theme::SpaceXL, Theme::SpaceL);
    header->setSpacing(Theme::SpaceM);
    auto *titles = new QVBoxLayout;
    m_titleLabel = plainLabel(this, QStringLiteral("orgTitleLabel"));
    m_titleLabel->setFont(Theme::scaledFont(font(), 1.3, QFont::DemiBold));
    titles->addWidget(m_titleLabel);
    m_problemsLabel = plainLabel(this, QStringLiteral("orgProblemsLabel"));
    m_problemsLabel->setWordWrap(true);
    titles->addWidget(m_problemsLabel);
    header->addLayout(titles, 1);
    auto button = [this, header](const QString &text, const QString &tip, const QString &name) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setObjectName(name);
        b->setAutoRaise(true);
        header->addWidget(b);
        return b;
    };
    m_zoomOutButton = button(QStringLiteral("−"), tr("Zoom out (Ctrl+minus)"), QStringLiteral("zoomOutButton"));
    m_zoomResetButton = button(QStringLiteral("100 %"), tr("Actual size (Ctrl+0)"), QStringLiteral("zoomResetButton"));
    m_zoomInButton = button(QStringLiteral("+"), tr("Zoom in (Ctrl+plus)"), QStringLiteral("zoomInButton"));
    layout->addLayout(header);
    layout->addWidget(Theme::hairline(this));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("orgSplitter"));
    splitter->setChildrenCollapsible(false);
    m_view = new OrgChartView(splitter);
    m_view->setObjectName(QStringLiteral("orgChartView"));
    m_view->setModel(m_model);
    m_teamOverview = new TeamOverviewWidget(backend->store(), m_chart, splitter);
    m_teamOverview->setMinimumWidth(300);
    splitter->addWidget(m_view);
    splitter->addWidget(m_teamOverview);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    // The team of the card the user is on, once they stop on it (a big team takes a moment).
    auto *overviewTimer = new QTimer(this);
    overviewTimer->setSingleShot(true);
    overviewTimer->setInterval(150);
    connect(overviewTimer, &QTimer::timeout, this, [this] {
        QString username = m_view->currentIndex().data(OrgModel::UsernameRole).toString();
        if (username.isEmpty())
            username = m_model->focusPerson();
        if (username != m_teamOverview->manager() || m_chart->generation() != m_overviewGeneration) {
            m_overviewGeneration = m_chart->generation();
            m_teamOverview->showTeam(username);
        }
    });
    connect(m_view, &OrgChartView::currentChanged, overviewTimer, qOverload<>(&QTimer::start));

    connect(m_zoomOutButton, &QToolButton::clicked, this, [this] { m_view->setZoom(m_view->zoom() / 1.25); });
    connect(m_zoomInButton, &QToolButton::clicked, this, [this] { m_view->setZoom(m_view->zoom() * 1.25); });
    connect(m_zoomResetButton, &QToolButton::clicked, this, [this] { m_view->setZoom(1.0); });
    connect(m_view, &OrgChartView::zoomChanged, this, [this](qreal zoom) {
        m_zoomResetButton->setText(QLocale().toString(qRound(zoom * 100)) + QStringLiteral(" %"));
    });
    connect(m_view, &OrgChartView::personActivated, this, &OrgPanel::profileRequested);
    connect(m_view, &OrgChartView::moreActivated, this, &OrgPanel::reportsListRequested);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OrgPanel::updateHeader);
    // The directory changed (a sync delta): the chart reads the changed people again.
    connect(m_backend, &ClientBackend::directoryChanged, this, [this] {
        if (!m_model->focusPerson().isEmpty())
            m_chart->refresh();
    });
    updateHeader();
}

OrgPanel::~OrgPanel() = default;

bool OrgPanel::showPerson(const QString &username)
{
    m_chart->refresh();
    if (!m_model->setFocusPerson(username))
        return false;
    m_view->setFocus(Qt::OtherFocusReason);
    return true;
}

void OrgPanel::showDefault()
{
    if (!m_model->focusPerson().isEmpty()) {
        m_chart->refresh();
        return;
    }
    m_chart->refresh();
    if (!m_backend->me().isEmpty() && showPerson(m_backend->me()))
        return;
    const QList<qint64> tops = m_chart->tops();
    if (!tops.isEmpty())
        showPerson(m_chart->person(tops.first())->username);
    updateHeader();
}

QString OrgPanel::person() const
{
    return m_model->focusPerson();
}

void OrgPanel::updateHeader()
{
    const OrgPerson *p = m_chart->person(m_model->focusPerson());
    if (!p) {
        m_titleLabel->setText(tr("Org chart"));
        m_problemsLabel->setText(tr("No one is in the local directory yet."));
        return;
    }
    m_titleLabel->setText(tr("Org chart of %1").arg(p->displayName));
    const int headcount = m_chart->headcount(p->id);
    const int reports = int(m_chart->directReports(p->id).size());
    m_problemsLabel->setText(headcount > 0 ? tr("%n direct report(s)", nullptr, reports) + QStringLiteral(" · ")
                                     + tr("%n people in the team", nullptr, headcount)
                                           : tr("No one reports to %1.").arg(p->displayName));
}

} // namespace Colleagues
