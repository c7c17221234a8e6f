// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractButton>

namespace Colleagues {

//! A text link that opens something in the app (a person's profile): link colour, underlined
//! on hover and focus, reachable with Tab, activated with Space or Enter. Plain text only.
class LinkButton : public QAbstractButton
{
    Q_OBJECT

public:
    explicit LinkButton(const QString &text, QWidget *parent = nullptr);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    bool m_hovered = false;
};

} // namespace Colleagues
