// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace Colleagues {

/*!
 * A QLabel that shows \a text as typed: Qt::PlainText is set before any text, so a name such as
 * `<img src=x>` never renders as markup (QLabel's default, Qt::AutoText, guesses). Every label in
 * the UI comes from here or from the styled variants below; \a objectName is set when given.
 */
QLabel *plainLabel(const QString &text, QWidget *parent, const QString &objectName = {});
//! An empty plain-text label, for text set later.
QLabel *plainLabel(QWidget *parent, const QString &objectName = {});

//! A plain-text heading: the font scaled by \a scale, DemiBold.
QLabel *headingLabel(const QString &text, QWidget *parent, qreal scale, const QString &objectName = {});
//! A plain-text caption above a group ("Preview", "Skills" in a profile): small, DemiBold, muted.
QLabel *captionLabel(const QString &text, QWidget *parent, const QString &objectName = {});
//! A plain-text explanation under a heading: word-wrapped, muted.
QLabel *hintLabel(const QString &text, QWidget *parent, const QString &objectName = {});

//! A plain-text value to read and copy (an address, a field in a dialog): word-wrapped, selectable.
QLabel *valueLabel(const QString &text, QWidget *parent, const QString &objectName = {});

//! Where a form says what is wrong: an empty, hidden plain-text label, word-wrapped, in the
//! negative colour.
QLabel *errorLabel(QWidget *parent, const QString &objectName);

} // namespace Colleagues
