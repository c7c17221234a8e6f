// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/SyncTypes.h"

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;
class QWidget;

namespace Colleagues {

class ClientBackend;

/*!
 * Desktop notifications for new messages while the window is not active (a question asked of
 * one says so), through QSystemTrayIcon; clicking one opens the conversation. Where no system
 * tray exists, the window asks for attention instead (taskbar highlight).
 */
class Notifier : public QObject
{
    Q_OBJECT

public:
    Notifier(ClientBackend *backend, QWidget *window, QObject *parent = nullptr);

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    //! The peer of the last notification shown (what a click opens).
    QString lastPeer() const { return m_lastPeer; }

    //! Shows the notification for \a message (called for incoming messages).
    void notify(const MessageRecord &message);
    /*!
     * The notification's title for \a message: who wrote it; in a group conversation, and where;
     * for the question itself, to one of those it was asked of, "Ada asks you: <its title>".
     */
    QString titleFor(const MessageRecord &message) const;

    /*!
     * The notification body for \a text. Freedesktop notification servers that advertise
     * "body-markup" read the body as HTML, so there it is escaped: a message's markup shows
     * literally and never loads an image or makes a link.
     */
    static QString trayBody(const QString &text, bool serverReadsMarkup);

Q_SIGNALS:
    //! A notification was shown (title and text as shown).
    void notified(const QString &peer, const QString &title, const QString &text);
    //! The user clicked the notification: show this conversation.
    void conversationRequested(const QString &peer);

private:
    ClientBackend *m_backend;
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray;
    QString m_lastPeer;
    bool m_enabled = true;
    bool m_serverReadsMarkup = true; //!< until the notification server says otherwise
};

} // namespace Colleagues
