// SPDX-License-Identifier: MIT
#include "ui/messages/ComposerEdit.h"

#include <QAbstractTextDocumentLayout>
#include <QKeyEvent>
#include <QTextDocument>

namespace Colleagues {

namespace {
constexpr int MaxLines = 6;
}

ComposerEdit::ComposerEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(this, &QPlainTextEdit::textChanged, this, &QWidget::updateGeometry);
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            &QWidget::updateGeometry);
}

int ComposerEdit::heightForLines(int lines) const
{
    const QMargins margins = contentsMargins();
    return lines * fontMetrics().lineSpacing() + int(2 * document()->documentMargin()) + margins.top()
        + margins.bottom() + 2;
}

QSize ComposerEdit::sizeHint() const
{
    // documentSize() counts visual lines (wrapped) in a QPlainTextEdit's layout.
    const int lines = std::clamp(int(document()->documentLayout()->documentSize().height()), 1, MaxLines);
    return {QPlainTextEdit::sizeHint().width(), heightForLines(lines)};
}

QSize ComposerEdit::minimumSizeHint() const
{
    return {100, heightForLines(1)};
}

void ComposerEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & (Qt::ShiftModifier | Qt::AltModifier))) {
        Q_EMIT sendRequested();
        event->accept();
        return;
    }
    if (enter && (event->modifiers() & Qt::ShiftModifier)) {
        insertPlainText(QStringLiteral("\n"));
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace Colleagues
