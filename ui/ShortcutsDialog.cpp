// SPDX-License-Identifier: MIT
#include "ui/ShortcutsDialog.h"

#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/Theme.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QKeySequence>
#include <QLabel>
#include <QVBoxLayout>

namespace Colleagues {

namespace {
QString keys(const QKeySequence &sequence)
{
    return sequence.toString(QKeySequence::NativeText);
}
} // namespace

QList<ShortcutsDialog::Entry> ShortcutsDialog::entries()
{
    return {
        {{}, tr("Finding people")},
        {tr("%1 or %2").arg(keys(QKeySequence(Qt::CTRL | Qt::Key_K)), keys(QKeySequence::Find)),
         tr("Go to the search field")},
        {tr("Up / Down, Page Up / Page Down"), tr("Move through the results from the search field")},
        {tr("Enter"), tr("Open the selected person's profile")},
        {keys(QKeySequence(Qt::CTRL | Qt::Key_Return)), tr("Write a message to the selected person")},
        {tr("Esc"), tr("Clear the search")},
        {{}, tr("Messages")},
        {tr("Enter"), tr("Send the message")},
        {tr("Shift+Enter"), tr("Start a new line")},
        {keys(QKeySequence::Copy), tr("Copy the selected message")},
        {{}, tr("Org chart")},
        {tr("Up / Down"), tr("Move from card to card")},
        {tr("Left / Right"), tr("Go to the manager / expand the team or go to the first report")},
        {tr("Space"), tr("Expand or collapse the team")},
        {tr("Enter"), tr("Open the profile, or the whole list behind \"and N more\"")},
        {tr("%1 / %2 / %3")
             .arg(keys(QKeySequence(Qt::CTRL | Qt::Key_Plus)), keys(QKeySequence(Qt::CTRL | Qt::Key_Minus)),
                  keys(QKeySequence(Qt::CTRL | Qt::Key_0))),
         tr("Zoom in / out / actual size")},
        {{}, tr("Everywhere")},
        {keys(QKeySequence(Qt::CTRL | Qt::Key_1)), tr("People")},
        {keys(QKeySequence(Qt::CTRL | Qt::Key_2)), tr("Messages")},
        {keys(QKeySequence(Qt::CTRL | Qt::Key_3)), tr("My profile")},
        {keys(QKeySequence(Qt::CTRL | Qt::Key_4)), tr("Org chart")},
        {keys(QKeySequence::Save), tr("Save my profile (while editing it)")},
        {keys(QKeySequence::Refresh), tr("Sync now")},
        {keys(QKeySequence(Qt::CTRL | Qt::Key_Comma)), tr("Settings")},
        {keys(QKeySequence(Qt::CTRL | Qt::Key_Slash)), tr("This list of shortcuts")},
        {keys(QKeySequence::Quit), tr("Quit")},
    };
}

ShortcutsDialog::ShortcutsDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::SpaceXXL, Theme::SpaceXL, Theme::SpaceXXL, Theme::SpaceXL);
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(Theme::SpaceXXL);
    grid->setVerticalSpacing(Theme::SpaceS + 2);
    int row = 0;
    for (const Entry &entry : entries()) {
        if (entry.keys.isEmpty()) {
            QLabel *title = headingLabel(entry.action, this, 1.05);
            if (row > 0)
                grid->setRowMinimumHeight(row++, Theme::SpaceM);
            grid->addWidget(title, row++, 0, 1, 2);
            continue;
        }
        QLabel *keyLabel = headingLabel(entry.keys, this, 1.0);
        keyLabel->setForegroundRole(QPalette::Link);
        grid->addWidget(keyLabel, row, 0);
        grid->addWidget(plainLabel(entry.action, this), row, 1);
        ++row;
    }
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace Colleagues
