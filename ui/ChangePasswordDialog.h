// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/ApiError.h"
#include "ui/widgets/FormDialog.h"

class QLineEdit;

namespace Colleagues {

class ApiClient;
class Session;

/*!
 * Asks for the current password and a new one (twice) and changes it on the server
 * (PUT /api/v1/me/password). With \a required (the password was set by an administrator)
 * it says why it opened. Errors are shown as sentences and the typed text is kept.
 */
class ChangePasswordDialog : public FormDialog
{
    Q_OBJECT

public:
    ChangePasswordDialog(ApiClient *api, Session *session, bool required, QWidget *parent = nullptr);

    //! The sentence shown for \a error answered to a change.
    static QString describe(const ApiError &error);

private:
    void submit() override;

    ApiClient *m_api;
    Session *m_session;
    QLineEdit *m_currentLineEdit;
    QLineEdit *m_newLineEdit;
    QLineEdit *m_repeatLineEdit;
};

} // namespace Colleagues
