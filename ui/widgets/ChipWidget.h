// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace Colleagues {

//! A skill (with level pips) or an interest shown as a chip; focusable for screen readers.
class ChipWidget : public QWidget
{
    Q_OBJECT

public:
    //! \a level 0 for a chip without level (interests).
    ChipWidget(const QString &text, int level, QWidget *parent = nullptr);

    QString text() const { return m_text; }
    int level() const { return m_level; }
    void setMatched(bool matched);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QString m_text;
    int m_level;
    bool m_matched = false;
};

} // namespace Colleagues
