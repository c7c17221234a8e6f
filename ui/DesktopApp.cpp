// SPDX-License-Identifier: MIT
#include "ui/DesktopApp.h"

#include "client/ClientStore.h"
#include "client/sync/Session.h"
#include "client/sync/SyncClient.h"
#include "client/sync/TokenStore.h"
#include "ui/ClientBackend.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTranslator>

namespace Colleagues {

DesktopApp::DesktopApp(QObject *parent)
    : QObject(parent)
    , m_store(std::make_unique<ClientStore>())
    , m_network(new QNetworkAccessManager(this))
{ }

DesktopApp::~DesktopApp()
{
    // The window uses the backend, which uses the sync client, which uses the store.
    m_window.reset();
    delete m_backend;
    delete m_sync;
    m_store.reset();
}

void DesktopApp::installPluralForms()
{
    // The commands run in a QCoreApplication: not qApp, which is a QApplication here.
    QCoreApplication *app = QCoreApplication::instance();
    if (app->findChild<QTranslator *>(QStringLiteral("englishPluralForms"), Qt::FindDirectChildrenOnly))
        return;
    const QString language = QLocale().uiLanguages().value(0, QStringLiteral("en"));
    if (language.startsWith(QLatin1String("en")) || QLocale().language() == QLocale::C) {
        auto *plurals = new QTranslator(app);
        plurals->setObjectName(QStringLiteral("englishPluralForms"));
        if (plurals->load(QStringLiteral(":/i18n/plurals/colleagues_en.qm")))
            QCoreApplication::installTranslator(plurals);
    }
}

void DesktopApp::setUpApplication()
{
    installPluralForms();
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Colleagues"));
    QApplication::setDesktopFileName(QStringLiteral("org.colleagues.Colleagues"));
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256, 512})
        icon.addFile(QStringLiteral(":/icons/%1/colleagues.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("colleagues"), icon));
}

bool DesktopApp::open(const QString &dataDirectory)
{
    if (!m_store->open(dataDirectory)) {
        m_errorString = tr("The local directory cannot be opened: %1").arg(m_store->errorString());
        return false;
    }
    m_sync = new SyncClient(m_store.get(), m_network, this);
    // Opted in (Settings): keep the sign-in in a private file where no keychain exists.
    if (QSettings().value(QStringLiteral("account/tokenFile"), false).toBool() && !TokenStore::hasSessionBus())
        m_sync->tokenStore()->setTokenFile(QFileInfo(m_store->filePath()).absolutePath() + QStringLiteral("/token"));
    m_backend = new ClientBackend(m_store.get(), m_sync, this);
    m_window = std::make_unique<MainWindow>(m_backend);
    return true;
}

void DesktopApp::start()
{
    m_window->show();
    m_window->activateWindow();
    m_sync->start();
}

} // namespace Colleagues
