// SPDX-License-Identifier: MIT
#include "ui/SettingsDialog.h"

#include "client/ClientStore.h"
#include "client/sync/Session.h"
#include "client/sync/SyncClient.h"
#include "client/sync/TokenStore.h"
#include "ui/ClientBackend.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/Theme.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace Colleagues {

SettingsDialog::SettingsDialog(ClientBackend *backend, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::SpaceXXL, Theme::SpaceXL, Theme::SpaceXXL, Theme::SpaceXL);
    layout->setSpacing(Theme::SpaceL);
    const QSettings settings;
    // A check box that shows the setting \a key (\a byDefault when it is not set).
    const auto settingCheckBox = [this, &settings, layout](const QString &text, const QString &objectName,
                                                           const QString &key, bool byDefault) {
        auto *box = new QCheckBox(text, this);
        box->setObjectName(objectName);
        box->setChecked(settings.value(key, byDefault).toBool());
        layout->addWidget(box);
        return box;
    };

    layout->addWidget(headingLabel(tr("Notifications"), this, 1.05));
    m_notificationsCheckBox =
        settingCheckBox(tr("Show a desktop notification for new messages while Colleagues is in the background"),
                        QStringLiteral("notificationsCheckBox"), QStringLiteral("notifications/enabled"), true);

    layout->addWidget(headingLabel(tr("Account"), this, 1.05));
    Session *session = m_backend->sync()->session();
    auto *form = new QFormLayout;
    form->setHorizontalSpacing(Theme::SpaceXL);
    auto value = [this](const QString &text) { return valueLabel(text, this); };
    form->addRow(tr("Signed in as:"), value(session->isSignedIn() ? session->username() : tr("not signed in")));
    form->addRow(tr("Server:"), value(session->serverUrl().toString()));
    QString where;
    switch (session->tokenStorage()) {
    case TokenStore::Where::Keychain: where = tr("in the system keychain"); break;
    case TokenStore::Where::File: where = tr("in a private file (%1)").arg(session->tokenStore()->tokenFile()); break;
    case TokenStore::Where::Memory: where = tr("only until Colleagues quits (no keychain available)"); break;
    case TokenStore::Where::Nowhere: where = tr("not kept"); break;
    }
    form->addRow(tr("Sign-in kept:"), value(where));
    form->addRow(tr("Local data:"),
                 value(QDir::toNativeSeparators(QFileInfo(m_backend->store()->filePath()).absolutePath())));
    layout->addLayout(form);
    m_tokenFileCheckBox =
        settingCheckBox(tr("Where no keychain is available, keep my sign-in in a private file "
                           "(readable only by me) so I stay signed in"),
                        QStringLiteral("tokenFileCheckBox"), QStringLiteral("account/tokenFile"), false);
    layout->addWidget(hintLabel(tr("Your password is never stored. The directory and your messages are kept on this "
                                   "computer so Colleagues works offline."),
                                this));
    layout->addStretch();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

void SettingsDialog::apply()
{
    QSettings settings;
    settings.setValue(QStringLiteral("notifications/enabled"), m_notificationsCheckBox->isChecked());
    settings.setValue(QStringLiteral("account/tokenFile"), m_tokenFileCheckBox->isChecked());
    TokenStore *tokens = m_backend->sync()->session()->tokenStore();
    if (m_tokenFileCheckBox->isChecked() && !TokenStore::hasSessionBus())
        tokens->setTokenFile(QFileInfo(m_backend->store()->filePath()).absolutePath() + QStringLiteral("/token"));
    else if (!m_tokenFileCheckBox->isChecked())
        tokens->setTokenFile({});
}

} // namespace Colleagues
