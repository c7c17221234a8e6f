// SPDX-License-Identifier: MIT
#pragma once

#include "ui/org/OrgPainter.h"

#include <QAbstractScrollArea>
#include <QPersistentModelIndex>

namespace Colleagues {

class OrgModel;

//! Draws an OrgModel with OrgPainter and lets the user move through it: arrow keys (Up/Down to
//! the card above or below, Left to the manager, Right to expand or go to the first report), Space
//! to expand or collapse (minus collapses), Enter or a click to open a person (or the list behind
//! "and N more"), a click on the arrow to expand or collapse, Ctrl+wheel and Ctrl+plus/minus/0 to
//! zoom.
class OrgChartView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit OrgChartView(QWidget *parent = nullptr);

    void setModel(OrgModel *model);
    OrgModel *model() const { return m_model; }
    QModelIndex currentIndex() const { return m_current; }
    void setCurrentIndex(const QModelIndex &index);
    qreal zoom() const { return m_zoom; }
    void setZoom(qreal zoom);
    //! The cards as laid out now (tests, screenshots).
    const QList<OrgBox> &boxes() const { return m_boxes; }

Q_SIGNALS:
    void personActivated(const QString &username);
    //! "and N more" under \a manager was opened.
    void moreActivated(const QString &manager);
    void currentChanged(const QModelIndex &index);
    void zoomChanged(qreal zoom);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void relayout();
    void updateScrollBars();
    void ensureVisible(const QModelIndex &index);
    void activate(const QModelIndex &index);
    int boxOf(const QModelIndex &index) const;
    int boxAt(const QPoint &viewportPoint) const;

    OrgModel *m_model = nullptr;
    QList<OrgBox> m_boxes;
    QPersistentModelIndex m_current;
    qreal m_zoom = 1.0;
};

} // namespace Colleagues
