// SPDX-License-Identifier: MIT
#include "ui/ChangePasswordDialog.h"

#include "core/Validation.h"

#include "client/sync/ApiClient.h"
#include "client/sync/Session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

namespace Colleagues {

namespace {
// The server's rule (colleagues-server user passwd): at least 8 characters.
constexpr int MinPasswordLength = Limits::PasswordMin;
} // namespace

ChangePasswordDialog::ChangePasswordDialog(ApiClient *api, Session *session, bool required, QWidget *parent)
    : FormDialog(QStringLiteral("changePassword"),
                 {tr("Change Password"), required ? tr("Please choose your own password") : tr("Change your password"),
                  required ? tr("Your password was set by an administrator or an import, so others may know it. "
                                "Choose a new one that only you know. Until you do, you are asked again at every "
                                "sign-in.")
                           : tr("Your other devices are signed out when the password changes."),
                  tr("Password problem"), tr("Change Password")},
                 parent)
    , m_api(api)
    , m_session(session)
{
    // Wide enough that the hint wraps into a few lines and a long password fits its field.
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);
    QFormLayout *form = this->form();
    auto passwordEdit = [this](const char *name, const QString &accessible) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setEchoMode(QLineEdit::Password);
        edit->setAccessibleName(accessible);
        return edit;
    };
    m_currentLineEdit = passwordEdit("currentPasswordLineEdit", tr("Current password"));
    form->addRow(tr("&Current password:"), m_currentLineEdit);
    m_newLineEdit = passwordEdit("newPasswordLineEdit", tr("New password"));
    m_newLineEdit->setPlaceholderText(tr("at least %1 characters").arg(MinPasswordLength));
    form->addRow(tr("&New password:"), m_newLineEdit);
    m_repeatLineEdit = passwordEdit("repeatPasswordLineEdit", tr("Repeat the new password"));
    form->addRow(tr("&Repeat:"), m_repeatLineEdit);
    if (required)
        buttons()->button(QDialogButtonBox::Cancel)->setText(tr("Later"));
}

QString ChangePasswordDialog::describe(const ApiError &error)
{
    if (error.kind == ApiError::Kind::RateLimited)
        return tr("Too many wrong passwords. Please wait a few minutes and try again.");
    if (error.kind == ApiError::Kind::Auth && error.field == QLatin1String("current"))
        return tr("The current password is wrong.");
    if (error.kind == ApiError::Kind::Auth)
        return tr("Your sign-in has expired. Sign in again, then change the password.");
    if (error.kind == ApiError::Kind::Validation && error.field == QLatin1String("new")) {
        if (error.code == QLatin1String("unchanged"))
            return tr("The new password must differ from the current one.");
        if (error.code == QLatin1String("too_long"))
            return tr("The new password is too long.");
        return tr("The new password must be at least %1 characters long.").arg(MinPasswordLength);
    }
    if (error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Tls)
        return tr("The server cannot be reached. Your password was not changed.");
    return tr("The password could not be changed: %1").arg(error.userMessage);
}

void ChangePasswordDialog::submit()
{
    const QString current = m_currentLineEdit->text();
    const QString next = m_newLineEdit->text();
    if (current.isEmpty()) {
        m_currentLineEdit->setFocus();
        return showProblem(tr("Enter your current password."));
    }
    if (next.size() < MinPasswordLength) {
        m_newLineEdit->setFocus();
        return showProblem(tr("The new password must be at least %1 characters long.").arg(MinPasswordLength));
    }
    if (next != m_repeatLineEdit->text()) {
        m_repeatLineEdit->setFocus();
        return showProblem(tr("The two new passwords are not the same."));
    }
    if (next == current) {
        m_newLineEdit->setFocus();
        return showProblem(tr("The new password must differ from the current one."));
    }
    submitButton()->setEnabled(false);
    showProgress(tr("Changing the password…"));
    ChangePasswordJob *job = m_api->changePassword(current, next);
    connect(job, &ApiJob::finished, this, [this, job] {
        submitButton()->setEnabled(true);
        if (!job->isSucceeded()) {
            showProblem(describe(job->error()));
            return;
        }
        if (m_session)
            m_session->setPasswordChanged();
        accept();
    });
}

} // namespace Colleagues
