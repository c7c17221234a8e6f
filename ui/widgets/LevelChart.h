// SPDX-License-Identifier: MIT
#pragma once

#include <QChartView>
#include <QList>
#include <QStringList>

#include <array>

QT_BEGIN_NAMESPACE
class QBarSet;
QT_END_NAMESPACE

namespace Colleagues {

//! A horizontal stacked bar chart (Qt Charts) of people per skill level: one bar per category
//! (a place, a department, a skill), a segment per level, coloured from the palette so it follows
//! light and dark. Clicking a bar reports its category.
class LevelChart : public QChartView
{
    Q_OBJECT

public:
    explicit LevelChart(QWidget *parent = nullptr);

    //! \a counts[i][0] people without a matching skill (shown only when \a withNone), [1..5] per level.
    void setRows(const QStringList &categories, const QList<std::array<int, 6>> &counts, bool withNone);
    QStringList categories() const { return m_categories; }

Q_SIGNALS:
    void categoryClicked(const QString &category);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    QStringList m_categories;
    QList<std::array<int, 6>> m_counts;
    bool m_withNone = false;
};

} // namespace Colleagues
