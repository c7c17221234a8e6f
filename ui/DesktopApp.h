// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Colleagues {

class ClientBackend;
class ClientStore;
class MainWindow;
class SyncClient;

/*!
 * The desktop app's objects, built and wired in one place: the local store, one network
 * access manager, the sync client, the UI backend and the main window. main() creates one;
 * tests create one per simulated user.
 */
class DesktopApp : public QObject
{
    Q_OBJECT

public:
    explicit DesktopApp(QObject *parent = nullptr);
    ~DesktopApp() override;

    //! Opens the store in \a dataDirectory (the default location when empty) and builds the
    //! window. On failure, errorString() says why.
    bool open(const QString &dataDirectory = QString());
    //! Shows the window and starts syncing (restoring the saved sign-in, or asking for one).
    void start();

    QString errorString() const { return m_errorString; }
    ClientStore *store() const { return m_store.get(); }
    SyncClient *sync() const { return m_sync; }
    ClientBackend *backend() const { return m_backend; }
    MainWindow *window() const { return m_window.get(); }

    //! Sets the application's name, icon and style touches; call once after QApplication.
    static void setUpApplication();
    //! Installs the English plural forms ("1 person", "2 people") where the app speaks English;
    //! other languages have theirs in their translation. Once per application; the commands
    //! (`colleagues search`) need them too.
    static void installPluralForms();

private:
    std::unique_ptr<ClientStore> m_store;
    QNetworkAccessManager *m_network = nullptr;
    SyncClient *m_sync = nullptr;
    ClientBackend *m_backend = nullptr;
    std::unique_ptr<MainWindow> m_window;
    QString m_errorString;
};

} // namespace Colleagues
