// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/ApiError.h"
#include "ui/widgets/FormDialog.h"

class QLineEdit;

namespace Colleagues {

class Session;

//! Asks for the server address, username and password, signs in through the Session, and
//! explains failures in plain words: wrong password, server unreachable, TLS problem.
class SignInDialog : public FormDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(Session *session, QWidget *parent = nullptr);

    void setServer(const QString &server);
    void setUsername(const QString &username);
    //! The sentence shown for \a error when signing in to \a server failed.
    static QString describe(const ApiError &error, const QString &server);

    //! The server address and username as typed (trimmed).
    QString server() const;
    QString username() const;

private:
    void submit() override;
    void setBusy(bool busy);
    void updateButton();

    Session *m_session;
    QLineEdit *m_serverLineEdit;
    QLineEdit *m_usernameLineEdit;
    QLineEdit *m_passwordLineEdit;
    bool m_busy = false;
};

} // namespace Colleagues
