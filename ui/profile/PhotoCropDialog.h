// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QImage>

class QSlider;

namespace Colleagues {

class AvatarWidget;
class CropArea;

//! Crops a chosen picture to a square: drag the square (or use the arrow keys), set its size
//! with the slider or the mouse wheel, and see the round avatar it makes.
class PhotoCropDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PhotoCropDialog(const QImage &image, QWidget *parent = nullptr);

    //! The square crop, at most \a maxSide pixels wide.
    QImage croppedImage(int maxSide = 512) const;

private:
    void updatePreview();

    QImage m_image;
    CropArea *m_area;
    QSlider *m_sizeSlider;
    AvatarWidget *m_preview;
};

} // namespace Colleagues
