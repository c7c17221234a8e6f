// SPDX-License-Identifier: MIT
#include "ui/profile/PhotoCropDialog.h"

#include "ui/widgets/AvatarWidget.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/Theme.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace Colleagues {

//! Shows the image with a movable square selection.
class CropArea : public QWidget
{
    Q_OBJECT

public:
    explicit CropArea(const QImage &image, QWidget *parent = nullptr)
        : QWidget(parent)
        , m_image(image)
    {
        setObjectName(QStringLiteral("cropAreaWidget"));
        setAccessibleName(tr("Photo crop area"));
        setFocusPolicy(Qt::StrongFocus);
        setMinimumSize(320, 320);
        setCursor(Qt::OpenHandCursor);
        const int side = std::min(image.width(), image.height());
        m_crop = QRectF((image.width() - side) / 2.0, (image.height() - side) / 2.0, side, side);
    }

    QRectF crop() const { return m_crop; }
    int maxSide() const { return std::min(m_image.width(), m_image.height()); }
    int minSide() const { return std::max(16, maxSide() / 8); }

    void setSide(qreal side)
    {
        side = std::clamp(side, qreal(minSide()), qreal(maxSide()));
        const QPointF center = m_crop.center();
        m_crop = QRectF(center.x() - side / 2, center.y() - side / 2, side, side);
        clampCrop();
    }

    QSize sizeHint() const override { return {440, 440}; }

Q_SIGNALS:
    void cropChanged();

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.fillRect(rect(), palette().color(QPalette::Base));
        const QRectF target = imageRect();
        painter.drawImage(target, m_image);
        const QRectF cropOnScreen = toScreen(m_crop);
        QPainterPath outside;
        outside.addRect(target);
        QPainterPath circle;
        circle.addEllipse(cropOnScreen);
        QColor shade = palette().color(QPalette::Window);
        shade.setAlphaF(0.65f);
        painter.fillPath(outside.subtracted(circle), shade);
        painter.setPen(QPen(palette().color(QPalette::Highlight), hasFocus() ? 2.5 : 1.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cropOnScreen);
        painter.drawEllipse(cropOnScreen);
    }

    void mousePressEvent(QMouseEvent *event) override
    {
        m_dragFrom = event->position();
        m_dragCrop = m_crop;
        setCursor(Qt::ClosedHandCursor);
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        if (!(event->buttons() & Qt::LeftButton))
            return;
        const qreal scale = imageScale();
        m_crop = m_dragCrop.translated((event->position() - m_dragFrom) / scale);
        clampCrop();
    }

    void mouseReleaseEvent(QMouseEvent *) override { setCursor(Qt::OpenHandCursor); }

    void wheelEvent(QWheelEvent *event) override
    {
        const qreal steps = event->angleDelta().y() / 120.0;
        setSide(m_crop.width() * std::pow(0.9, steps));
    }

    void keyPressEvent(QKeyEvent *event) override
    {
        const qreal step = std::max<qreal>(1, m_crop.width() / 20);
        QPointF delta;
        switch (event->key()) {
        case Qt::Key_Left: delta = {-step, 0}; break;
        case Qt::Key_Right: delta = {step, 0}; break;
        case Qt::Key_Up: delta = {0, -step}; break;
        case Qt::Key_Down: delta = {0, step}; break;
        default: QWidget::keyPressEvent(event); return;
        }
        m_crop.translate(delta);
        clampCrop();
    }

private:
    qreal imageScale() const { return std::min(width() / qreal(m_image.width()), height() / qreal(m_image.height())); }
    QRectF imageRect() const
    {
        const qreal scale = imageScale();
        const QSizeF size(m_image.width() * scale, m_image.height() * scale);
        return QRectF(QPointF((width() - size.width()) / 2, (height() - size.height()) / 2), size);
    }
    QRectF toScreen(const QRectF &r) const
    {
        const qreal scale = imageScale();
        const QPointF origin = imageRect().topLeft();
        return QRectF(origin + r.topLeft() * scale, r.size() * scale);
    }
    void clampCrop()
    {
        m_crop.moveLeft(std::clamp(m_crop.left(), 0.0, m_image.width() - m_crop.width()));
        m_crop.moveTop(std::clamp(m_crop.top(), 0.0, m_image.height() - m_crop.height()));
        update();
        Q_EMIT cropChanged();
    }

    QImage m_image;
    QRectF m_crop;
    QPointF m_dragFrom;
    QRectF m_dragCrop;
};

PhotoCropDialog::PhotoCropDialog(const QImage &image, QWidget *parent)
    : QDialog(parent)
    , m_image(image)
{
    setObjectName(QStringLiteral("photoCropDialog"));
    setWindowTitle(tr("Crop Your Photo"));
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(Theme::SpaceL);
    layout->addWidget(hintLabel(tr("Drag the circle over your face. The wheel or the slider changes its size."), this));
    auto *row = new QHBoxLayout;
    row->setSpacing(Theme::SpaceXL);
    m_area = new CropArea(image, this);
    row->addWidget(m_area, 1);
    auto *side = new QVBoxLayout;
    side->addWidget(captionLabel(tr("Preview"), this));
    m_preview = new AvatarWidget(112, this);
    m_preview->setObjectName(QStringLiteral("cropPreviewWidget"));
    side->addWidget(m_preview);
    side->addStretch();
    row->addLayout(side);
    layout->addLayout(row, 1);
    m_sizeSlider = new QSlider(Qt::Horizontal, this);
    m_sizeSlider->setObjectName(QStringLiteral("cropSizeSlider"));
    m_sizeSlider->setAccessibleName(tr("Crop size"));
    m_sizeSlider->setRange(m_area->minSide(), m_area->maxSide());
    m_sizeSlider->setValue(m_area->maxSide());
    connect(m_sizeSlider, &QSlider::valueChanged, m_area, [this](int value) { m_area->setSide(value); });
    layout->addWidget(m_sizeSlider);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Use Photo"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_area, &CropArea::cropChanged, this, &PhotoCropDialog::updatePreview);
    connect(m_area, &CropArea::cropChanged, this, [this] {
        QSignalBlocker blocker(m_sizeSlider);
        m_sizeSlider->setValue(int(m_area->crop().width()));
    });
    updatePreview();
}

QImage PhotoCropDialog::croppedImage(int maxSide) const
{
    const QRect crop = m_area->crop().toAlignedRect().intersected(m_image.rect());
    QImage square = m_image.copy(crop);
    if (square.width() > maxSide)
        square = square.scaled(maxSide, maxSide, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return square;
}

void PhotoCropDialog::updatePreview()
{
    m_preview->setPhoto(croppedImage(224));
}

} // namespace Colleagues

#include "PhotoCropDialog.moc"
