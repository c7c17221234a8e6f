// SPDX-License-Identifier: MIT
#include "ui/widgets/LevelChart.h"

#include "ui/widgets/Theme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QEvent>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QValueAxis>

#include <numeric>

namespace Colleagues {

LevelChart::LevelChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(160);
    rebuild();
}

void LevelChart::setRows(const QStringList &categories, const QList<std::array<int, 6>> &counts, bool withNone)
{
    m_categories = categories;
    m_counts = counts;
    m_withNone = withNone;
    rebuild();
}

void LevelChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        rebuild();
}

void LevelChart::rebuild()
{
    const QPalette pal = palette();
    auto *chart = new QChart;
    chart->setBackgroundBrush(pal.color(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setLabelColor(pal.color(QPalette::Text));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setFont(Theme::scaledFont(font(), 0.85));
    auto *series = new QHorizontalStackedBarSeries(chart);
    // Bars top to bottom in the given order: Qt Charts draws the first category at the bottom.
    QStringList categories = m_categories;
    std::reverse(categories.begin(), categories.end());
    const int firstLevel = m_withNone ? 0 : 1;
    int widest = 0; // people in the longest bar
    for (const std::array<int, 6> &row : std::as_const(m_counts))
        widest = std::max(widest, std::accumulate(row.begin() + firstLevel, row.end(), 0));
    for (int level = firstLevel; level <= 5; ++level) {
        auto *set = new QBarSet(level == 0 ? tr("other match") : tr("level %1").arg(level), series);
        const QColor accent = pal.color(QPalette::Highlight);
        set->setColor(level == 0 ? Theme::separator(pal)
                                 : Theme::mix(pal.color(QPalette::Base), accent, 0.2 + 0.16 * level));
        set->setBorderColor(pal.color(QPalette::Base));
        for (qsizetype i = m_counts.size() - 1; i >= 0; --i)
            set->append(m_counts[i][size_t(level)]);
        series->append(set);
    }
    connect(series, &QHorizontalStackedBarSeries::clicked, this, [this, categories](int index, QBarSet *) {
        if (index >= 0 && index < categories.size())
            Q_EMIT categoryClicked(categories[index]);
    });
    chart->addSeries(series);
    auto *names = new QBarCategoryAxis(chart);
    names->append(categories);
    names->setLabelsColor(pal.color(QPalette::Text));
    names->setLabelsFont(Theme::scaledFont(font(), 0.85));
    names->setGridLineVisible(false);
    chart->addAxis(names, Qt::AlignLeft);
    series->attachAxis(names);
    auto *values = new QValueAxis(chart);
    values->setLabelFormat(QStringLiteral("%d"));
    values->setLabelsColor(Theme::secondaryText(pal));
    values->setLabelsFont(Theme::scaledFont(font(), 0.85));
    values->setGridLineColor(Theme::separator(pal));
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    // Set after attaching, which takes the series' own range: none while there are no rows.
    values->setRange(0, std::max(1, widest));
    values->applyNiceNumbers();
    QChart *old = this->chart();
    setChart(chart);
    if (old && old != chart)
        delete old;
}

} // namespace Colleagues
