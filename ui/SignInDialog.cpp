// SPDX-License-Identifier: MIT
#include "ui/SignInDialog.h"

#include "client/sync/ApiClient.h"
#include "client/sync/Session.h"

#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

namespace Colleagues {

SignInDialog::SignInDialog(Session *session, QWidget *parent)
    : FormDialog(QStringLiteral("signIn"),
                 {tr("Sign in to Colleagues"), tr("Sign in to your company's directory"),
                  tr("Use the server address and account your administrator gave you."), tr("Sign-in problem"),
                  tr("Sign In")},
                 parent)
    , m_session(session)
{
    QFormLayout *form = this->form();
    m_serverLineEdit = new QLineEdit(this);
    m_serverLineEdit->setObjectName(QStringLiteral("serverLineEdit"));
    m_serverLineEdit->setPlaceholderText(tr("https://colleagues.example.com"));
    m_serverLineEdit->setAccessibleName(tr("Server address"));
    form->addRow(tr("&Server:"), m_serverLineEdit);
    m_usernameLineEdit = new QLineEdit(this);
    m_usernameLineEdit->setObjectName(QStringLiteral("usernameLineEdit"));
    m_usernameLineEdit->setAccessibleName(tr("Username"));
    m_usernameLineEdit->setPlaceholderText(tr("e.g. ada"));
    form->addRow(tr("&Username:"), m_usernameLineEdit);
    m_passwordLineEdit = new QLineEdit(this);
    m_passwordLineEdit->setObjectName(QStringLiteral("passwordLineEdit"));
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_passwordLineEdit->setAccessibleName(tr("Password"));
    form->addRow(tr("&Password:"), m_passwordLineEdit);

    for (QLineEdit *edit : {m_serverLineEdit, m_usernameLineEdit, m_passwordLineEdit})
        connect(edit, &QLineEdit::textChanged, this, &SignInDialog::updateButton);

    connect(m_session, &Session::signedIn, this, [this] {
        if (!m_busy)
            return;
        setBusy(false);
        m_passwordLineEdit->clear();
        accept();
    });
    connect(m_session, &Session::signInFailed, this, [this](const ApiError &error) {
        if (!m_busy)
            return;
        setBusy(false);
        showProblem(describe(error, m_serverLineEdit->text().trimmed()));
        if (error.kind == ApiError::Kind::Auth) {
            m_passwordLineEdit->selectAll();
            m_passwordLineEdit->setFocus();
        } else {
            m_serverLineEdit->setFocus();
        }
    });
    setMinimumWidth(440);
    updateButton();
}

void SignInDialog::setServer(const QString &server)
{
    m_serverLineEdit->setText(server);
}

void SignInDialog::setUsername(const QString &username)
{
    m_usernameLineEdit->setText(username);
    if (!username.isEmpty())
        m_passwordLineEdit->setFocus();
}

QString SignInDialog::server() const
{
    return m_serverLineEdit->text().trimmed();
}

QString SignInDialog::username() const
{
    return m_usernameLineEdit->text().trimmed();
}

QString SignInDialog::describe(const ApiError &error, const QString &server)
{
    switch (error.kind) {
    case ApiError::Kind::Auth: return tr("The username or password is not right. Check them and try again.");
    case ApiError::Kind::RateLimited: {
        const qint64 seconds = std::max<qint64>(1, error.retryAfter.count() / 1000);
        return seconds >= 60
            ? tr("Too many attempts. Wait %n minute(s), then try again.", nullptr, int((seconds + 59) / 60))
            : tr("Too many attempts. Wait %n second(s), then try again.", nullptr, int(seconds));
    }
    case ApiError::Kind::Network:
        return tr("Cannot reach the server at %1. Check the address and your network connection.").arg(server);
    case ApiError::Kind::Tls:
        return tr("Cannot connect securely to %1: its certificate is not trusted or the secure connection failed (%2). "
                  "Check the address, or ask your administrator.")
            .arg(server, error.detail.isEmpty() ? error.userMessage : error.detail);
    case ApiError::Kind::Server:
        return tr("The server at %1 has a problem right now. Try again in a moment.").arg(server);
    case ApiError::Kind::Protocol:
    case ApiError::Kind::Http:
        if (error.httpStatus == 404)
            return tr("%1 does not look like a Colleagues server. Check the address.").arg(server);
        return tr("The server at %1 gave an answer Colleagues does not understand. Check the address.").arg(server);
    default: return error.userMessage.isEmpty() ? tr("Signing in failed.") : error.userMessage;
    }
}

void SignInDialog::submit()
{
    if (m_busy)
        return;
    const QUrl url = ApiClient::normalizedServerUrl(m_serverLineEdit->text());
    if (!url.isValid() || url.host().isEmpty()) {
        showProblem(tr("Enter the server address, for example https://colleagues.example.com."));
        m_serverLineEdit->setFocus();
        return;
    }
    showProgress(tr("Signing in…"));
    setBusy(true);
    m_session->signIn(url, m_usernameLineEdit->text().trimmed(), m_passwordLineEdit->text());
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QLineEdit *edit : {m_serverLineEdit, m_usernameLineEdit, m_passwordLineEdit})
        edit->setEnabled(!busy);
    updateButton();
}

void SignInDialog::updateButton()
{
    submitButton()->setEnabled(!m_busy && !m_serverLineEdit->text().trimmed().isEmpty()
                               && !m_usernameLineEdit->text().trimmed().isEmpty()
                               && !m_passwordLineEdit->text().isEmpty());
}

} // namespace Colleagues
