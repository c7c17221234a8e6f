// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;

namespace Colleagues {

class ClientBackend;

//! Settings: notifications, where the sign-in is kept, and the account and data in use.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(ClientBackend *backend, QWidget *parent = nullptr);

private:
    void apply();

    ClientBackend *m_backend;
    QCheckBox *m_notificationsCheckBox;
    QCheckBox *m_tokenFileCheckBox;
};

} // namespace Colleagues
