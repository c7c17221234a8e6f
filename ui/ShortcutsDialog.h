// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

namespace Colleagues {

//! Lists the keyboard shortcuts (Help ▸ Keyboard Shortcuts).
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);

    struct Entry
    {
        QString keys;
        QString action;
    };
    //! Every shortcut with what it does, grouped by place (group title first, keys empty).
    static QList<Entry> entries();
};

} // namespace Colleagues
