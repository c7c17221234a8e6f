// SPDX-License-Identifier: MIT
#include "ui/PresenceMonitor.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QEvent>
#include <QTimer>

namespace Colleagues {

PresenceMonitor::PresenceMonitor(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &PresenceMonitor::check);
    m_sinceInput.start();
    m_timer->start(m_idleAfterMs);
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
    // The desktop's screen saver says when the screen locks. No session bus (a server, a
    // container, a test): only input counts.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        const bool freedesktop = bus.connect(
            QString(), QStringLiteral("/org/freedesktop/ScreenSaver"), QStringLiteral("org.freedesktop.ScreenSaver"),
            QStringLiteral("ActiveChanged"), this, SLOT(onScreenSaverActiveChanged(bool)));
        const bool gnome =
            bus.connect(QString(), QStringLiteral("/org/gnome/ScreenSaver"), QStringLiteral("org.gnome.ScreenSaver"),
                        QStringLiteral("ActiveChanged"), this, SLOT(onScreenSaverActiveChanged(bool)));
        m_watchesLock = freedesktop || gnome;
    }
}

void PresenceMonitor::setIdleAfter(int ms)
{
    m_idleAfterMs = std::max(1, ms);
    check();
}

void PresenceMonitor::noteActivity()
{
    m_sinceInput.restart();
    if (m_inputIdle) {
        const bool wasIdle = isIdle();
        m_inputIdle = false;
        update(wasIdle);
    }
    if (!m_timer->isActive())
        m_timer->start(m_idleAfterMs);
}

void PresenceMonitor::check()
{
    const qint64 elapsed = m_sinceInput.elapsed();
    if (elapsed >= m_idleAfterMs) {
        if (!m_inputIdle) {
            const bool wasIdle = isIdle();
            m_inputIdle = true;
            update(wasIdle);
        }
        return; // the next input starts the timer again
    }
    m_timer->start(int(m_idleAfterMs - elapsed));
}

void PresenceMonitor::setScreenLocked(bool locked)
{
    if (m_locked == locked)
        return;
    const bool wasIdle = isIdle();
    m_locked = locked;
    if (!locked)
        m_sinceInput.restart(); // unlocking is input
    update(wasIdle);
}

void PresenceMonitor::onScreenSaverActiveChanged(bool active)
{
    setScreenLocked(active);
}

void PresenceMonitor::update(bool wasIdle)
{
    if (isIdle() != wasIdle)
        Q_EMIT idleChanged(isIdle());
}

bool PresenceMonitor::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::HoverMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress: noteActivity(); break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Colleagues
