// SPDX-License-Identifier: MIT
#pragma once

#include "core/Status.h"

#include <QMenu>

namespace Colleagues {

class ClientBackend;

/*!
 * The menu on one's own name in the navigation rail: Available, Do not disturb (for an hour,
 * until tomorrow, until a chosen time), a status line, out of office, and clearing it all.
 * Each choice goes to the server at once; offline it fails with a sentence saying the status
 * was not changed (it is not queued).
 */
class StatusMenu : public QMenu
{
    Q_OBJECT

public:
    explicit StatusMenu(ClientBackend *backend, QWidget *parent = nullptr);

    //! The choice that keeps what \a current says and changes nothing (the base of every item).
    static StatusChoice choiceOf(const Status &current);
    //! When "until tomorrow" ends: tomorrow at 8:00 local time.
    static QDateTime tomorrowMorning(const QDateTime &now = QDateTime::currentDateTime());

    //! Sends \a choice; shows what went wrong, if anything, in a message box (or \a onError).
    void apply(const StatusChoice &choice, std::function<void(const QString &)> onError = {});

Q_SIGNALS:
    //! A sentence for the status bar: the status was changed, or why not.
    void statusMessage(const QString &text, int timeoutMs);

private:
    Status mine() const;
    void chooseDndUntil();
    void chooseStatusLine();
    void chooseOutOfOffice();
    void updateChecks();

    ClientBackend *m_backend;
    QAction *m_available;
    QAction *m_dnd;
};

} // namespace Colleagues
