// SPDX-License-Identifier: MIT
#include "ui/org/OrgChartView.h"

#include "ui/org/OrgModel.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

namespace Colleagues {

OrgChartView::OrgChartView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Window);
    setFrameShape(QFrame::NoFrame);
    setAccessibleName(tr("Org chart"));
}

void OrgChartView::setModel(OrgModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
            relayout();
            setCurrentIndex(m_model->focusIndex());
        });
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(m_model, signal, this, &OrgChartView::relayout);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &OrgChartView::relayout);
    }
    relayout();
    if (m_model)
        setCurrentIndex(m_model->focusIndex());
}

void OrgChartView::setCurrentIndex(const QModelIndex &index)
{
    if (index == m_current)
        return;
    m_current = index;
    ensureVisible(index);
    viewport()->update();
    Q_EMIT currentChanged(index);
}

void OrgChartView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, 0.25, 3.0);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    m_zoom = zoom;
    updateScrollBars();
    ensureVisible(m_current);
    viewport()->update();
    Q_EMIT zoomChanged(m_zoom);
}

void OrgChartView::relayout()
{
    m_boxes = OrgPainter::layout(m_model);
    updateScrollBars();
    viewport()->update();
}

void OrgChartView::updateScrollBars()
{
    const QSizeF size = OrgPainter::size(m_boxes) * m_zoom;
    const QSize view = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, int(size.width()) - view.width()));
    verticalScrollBar()->setRange(0, std::max(0, int(size.height()) - view.height()));
    horizontalScrollBar()->setPageStep(view.width());
    verticalScrollBar()->setPageStep(view.height());
    verticalScrollBar()->setSingleStep(int((OrgPainter::CardHeight + OrgPainter::Gap) * m_zoom / 2));
}

void OrgChartView::ensureVisible(const QModelIndex &index)
{
    const int box = boxOf(index);
    if (box < 0)
        return;
    const QRectF rect(m_boxes[box].rect.topLeft() * m_zoom, m_boxes[box].rect.size() * m_zoom);
    const QRect view(QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value()), viewport()->size());
    const int margin = int(OrgPainter::Margin * m_zoom);
    if (rect.top() - margin < view.top())
        verticalScrollBar()->setValue(int(rect.top()) - margin);
    else if (rect.bottom() + margin > view.bottom())
        verticalScrollBar()->setValue(int(rect.bottom()) + margin - view.height());
    if (rect.left() - margin < view.left() || rect.right() > view.right())
        horizontalScrollBar()->setValue(int(rect.left()) - margin);
}

int OrgChartView::boxOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return -1;
    for (int i = 0; i < m_boxes.size(); ++i) {
        if (m_boxes[i].index == index)
            return i;
    }
    return -1;
}

int OrgChartView::boxAt(const QPoint &point) const
{
    const QPointF at =
        (QPointF(point) + QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value())) / m_zoom;
    for (int i = 0; i < m_boxes.size(); ++i) {
        if (m_boxes[i].rect.contains(at))
            return i;
    }
    return -1;
}

void OrgChartView::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const auto kind = index.data(OrgModel::KindRole).value<OrgModel::Kind>();
    if (kind == OrgModel::Kind::More)
        Q_EMIT moreActivated(index.data(OrgModel::ManagerRole).toString());
    else if (kind != OrgModel::Kind::Problem)
        Q_EMIT personActivated(index.data(OrgModel::UsernameRole).toString());
}

void OrgChartView::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(viewport());
    painter.translate(-horizontalScrollBar()->value(), -verticalScrollBar()->value());
    painter.scale(m_zoom, m_zoom);
    const QRectF exposed(QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value()) / m_zoom,
                         QSizeF(viewport()->size()) / m_zoom);
    OrgPainter(palette(), font()).paint(&painter, m_boxes, m_current, exposed);
}

void OrgChartView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void OrgChartView::keyPressEvent(QKeyEvent *event)
{
    const int box = boxOf(m_current);
    const bool zoomKey = event->modifiers() & Qt::ControlModifier;
    if (zoomKey && (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal)) {
        setZoom(m_zoom * 1.25);
        return;
    }
    if (zoomKey && event->key() == Qt::Key_Minus) {
        setZoom(m_zoom / 1.25);
        return;
    }
    if (zoomKey && event->key() == Qt::Key_0) {
        setZoom(1.0);
        return;
    }
    if (m_boxes.isEmpty()) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const QModelIndex current = m_current;
    switch (event->key()) {
    case Qt::Key_Up: setCurrentIndex(m_boxes[std::max(0, box - 1)].index); return;
    case Qt::Key_Down: setCurrentIndex(m_boxes[std::min(int(m_boxes.size()) - 1, box + 1)].index); return;
    case Qt::Key_Home: setCurrentIndex(m_boxes.first().index); return;
    case Qt::Key_End: setCurrentIndex(m_boxes.last().index); return;
    case Qt::Key_Left:
        // Always up to the manager (walking a chain to the top); Space or minus collapses.
        if (box >= 0 && m_boxes[box].parentBox >= 0)
            setCurrentIndex(m_boxes[m_boxes[box].parentBox].index);
        return;
    case Qt::Key_Minus:
        if (m_model->hasChildren(current))
            m_model->setData(current, false, OrgModel::ExpandedRole);
        return;
    case Qt::Key_Right:
        if (box >= 0 && m_model->hasChildren(current)) {
            if (!current.data(OrgModel::ExpandedRole).toBool())
                m_model->setData(current, true, OrgModel::ExpandedRole);
            else if (m_model->rowCount(current) > 0)
                setCurrentIndex(m_model->index(0, 0, current));
        }
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter: activate(current); return;
    case Qt::Key_Space:
        if (m_model->hasChildren(current))
            m_model->setData(current, !current.data(OrgModel::ExpandedRole).toBool(), OrgModel::ExpandedRole);
        return;
    default: break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void OrgChartView::mousePressEvent(QMouseEvent *event)
{
    const int box = boxAt(event->position().toPoint());
    if (box < 0 || event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const QModelIndex index = m_boxes[box].index;
    setCurrentIndex(index);
    const QPointF at =
        (event->position() + QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value())) / m_zoom;
    if (m_boxes[box].toggle.contains(at))
        m_model->setData(index, !index.data(OrgModel::ExpandedRole).toBool(), OrgModel::ExpandedRole);
    else
        activate(index);
}

void OrgChartView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        setZoom(m_zoom * (event->angleDelta().y() > 0 ? 1.1 : 1 / 1.1));
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void OrgChartView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        viewport()->update();
}

} // namespace Colleagues
