#include "Notifier.h"

#include "ClientBackend.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QWidget>

namespace Colleagues {

Notifier::Notifier(ClientBackend *backend, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_window(window)
    , m_tray(new QSystemTrayIcon(this))
{
    m_tray->setIcon(QApplication::windowIcon());
    m_tray->setToolTip(QApplication::applicationDisplayName());
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (!m_lastPeer.isEmpty())
            Q_EMIT conversationRequested(m_lastPeer);
    });
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger && !m_lastPeer.isEmpty())
            Q_EMIT conversationRequested(m_lastPeer);
    });
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_tray->show();
    connect(m_backend, &ClientBackend::incomingMessage, this, &Notifier::notify);
}

void Notifier::notify(const MessageRecord &message)
{
    if (!m_enabled || (m_window && m_window->isActiveWindow()))
        return;
    m_lastPeer = message.peer;
    const QString title = m_backend->displayName(message.message.sender);
    QString text = message.message.body.simplified();
    if (text.size() > 160)
        text = text.left(159) + QChar(0x2026);
    // Notification servers may render markup: the tray gets the text as plain as it can be.
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, text, QSystemTrayIcon::Information, 8000);
    if (m_window)
        QApplication::alert(m_window, 0);
    Q_EMIT notified(message.peer, title, text);
}

} // namespace Colleagues
