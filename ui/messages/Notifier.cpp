// SPDX-License-Identifier: MIT
#include "ui/messages/Notifier.h"

#include "client/sync/SyncClient.h"
#include "ui/ClientBackend.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
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

    // Ask the notification server once, without waiting, whether it reads markup in bodies.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        const QDBusMessage call = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/org/freedesktop/Notifications"),
            QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("GetCapabilities"));
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 5000), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
            const QDBusPendingReply<QStringList> reply = *w;
            if (!reply.isError())
                m_serverReadsMarkup = reply.value().contains(QStringLiteral("body-markup"));
            w->deleteLater();
        });
    }
}

QString Notifier::titleFor(const MessageRecord &message) const
{
    const QString sender = m_backend->displayName(message.message.sender);
    const std::optional<GroupChat> group =
        message.message.isInConversation() ? m_backend->groupChat(message.peer) : std::nullopt;
    if (!group)
        return sender;
    // The question itself, to one of those asked of: its first message from the asker.
    if (group->isQuestion() && message.message.sender == group->asker()) {
        qint64 first = 0;
        for (const MessageRecord &m : m_backend->sync()->messages(message.peer)) {
            if (m.message.sender == group->asker() && m.message.id != 0 && (first == 0 || m.message.id < first))
                first = m.message.id;
        }
        if (first == message.message.id)
            return tr("%1 asks you: %2").arg(sender, group->conversation.title);
    }
    return tr("%1 in “%2”").arg(sender, group->conversation.title);
}

QString Notifier::trayBody(const QString &text, bool serverReadsMarkup)
{
    return serverReadsMarkup ? text.toHtmlEscaped() : text;
}

void Notifier::notify(const MessageRecord &message)
{
    if (!m_enabled || (m_window && m_window->isActiveWindow()))
        return;
    m_lastPeer = message.peer;
    const QString title = titleFor(message);
    QString text = message.message.body.simplified();
    if (text.size() > 160)
        text = text.left(159) + QChar(0x2026);
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, trayBody(text, m_serverReadsMarkup), QSystemTrayIcon::Information, 8000);
    if (m_window)
        QApplication::alert(m_window, 0);
    Q_EMIT notified(message.peer, title, text);
}

} // namespace Colleagues
