// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QPalette>
#include <QString>

class QPainter;
class QRectF;

namespace Colleagues {

//! Draws a person's round avatar: their photo, or their initials on a stable colour.
namespace Avatar {

void paint(QPainter *painter, const QRectF &rect, const QString &username, const QString &displayName,
           const QImage &photo, const QPalette &palette);

} // namespace Avatar
} // namespace Colleagues
