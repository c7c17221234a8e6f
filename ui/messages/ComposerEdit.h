// SPDX-License-Identifier: MIT
#pragma once

#include <QPlainTextEdit>

namespace Colleagues {

//! The message composer: Enter sends, Shift+Enter starts a new line; grows with its text up
//! to a few lines, then scrolls.
class ComposerEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit ComposerEdit(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void sendRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    int heightForLines(int lines) const;
};

} // namespace Colleagues
