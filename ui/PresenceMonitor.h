// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace Colleagues {

/*!
 * Whether the user is at the computer, for the presence sync reports (active or idle): idle
 * after a while without keyboard or mouse input in the application (10 minutes unless set), or
 * while the screen is locked (org.freedesktop.ScreenSaver and org.gnome.ScreenSaver's
 * ActiveChanged on the session bus; without a session bus, only input counts).
 */
class PresenceMonitor : public QObject
{
    Q_OBJECT

public:
    explicit PresenceMonitor(QObject *parent = nullptr);

    //! How long without input makes the user idle (tests make it short).
    void setIdleAfter(int ms);
    int idleAfter() const { return m_idleAfterMs; }
    bool isIdle() const { return m_inputIdle || m_locked; }
    //! Whether the screen saver service told us about the lock (false without a session bus).
    bool watchesScreenLock() const { return m_watchesLock; }

    //! Input happened (the application's event filter calls this; tests may too).
    void noteActivity();
    //! The screen was locked or unlocked (the D-Bus signal calls this; tests may too).
    void setScreenLocked(bool locked);

Q_SIGNALS:
    void idleChanged(bool idle);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private Q_SLOTS:
    void onScreenSaverActiveChanged(bool active);

private:
    void check();
    void update(bool wasIdle);

    QTimer *m_timer;
    QElapsedTimer m_sinceInput;
    int m_idleAfterMs = 10 * 60 * 1000;
    bool m_inputIdle = false;
    bool m_locked = false;
    bool m_watchesLock = false;
};

} // namespace Colleagues
