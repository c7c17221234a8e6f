// SPDX-License-Identifier: MIT
#include "server/cli/PasswordInput.h"

#include "core/TextFold.h"

#include <QRandomGenerator>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace Colleagues::Server::Cli {

namespace {

// Reads one line (without its line end) from a file descriptor, byte by byte so nothing
// beyond the line is consumed. False at end of input before any byte.
bool readLine(int fd, QByteArray *line)
{
    line->clear();
    char c = 0;
    bool any = false;
    while (true) {
        const ssize_t n = ::read(fd, &c, 1);
        if (n <= 0)
            return any;
        any = true;
        if (c == '\n')
            break;
        if (line->size() <= MaxPasswordBytes) // keep one byte more, to tell "too long"
            line->append(c);
    }
    if (line->endsWith('\r'))
        line->chop(1);
    return true;
}

QByteArray readHidden(const QString &prompt)
{
    QTextStream err(stderr);
    err << prompt;
    err.flush();
    termios saved {};
    const bool haveTerminal = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (haveTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    readLine(STDIN_FILENO, &line);
    if (haveTerminal)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    return line;
}

Error refused(const QString &message)
{
    return Error {Error::Code::InvalidFormat, QStringLiteral("password"), message};
}

} // namespace

Error checkPassword(const QByteArray &password)
{
    if (password.isEmpty())
        return Error {Error::Code::Required, QStringLiteral("password"), QStringLiteral("The password is empty.")};
    if (password.size() > MaxPasswordBytes) {
        return Error {Error::Code::TooLong, QStringLiteral("password"),
                      QStringLiteral("The password is longer than %1 bytes.").arg(MaxPasswordBytes)};
    }
    if (codePointCount(QString::fromUtf8(password)) < MinPasswordLength) {
        return Error {Error::Code::OutOfRange, QStringLiteral("password"),
                      QStringLiteral("The password must be at least %1 characters long.").arg(MinPasswordLength)};
    }
    return {};
}

Expected<QByteArray> readNewPassword(const QString &username)
{
    QByteArray password;
    if (::isatty(STDIN_FILENO)) {
        password = readHidden(QStringLiteral("New password for %1: ").arg(username));
        if (const Error bad = checkPassword(password))
            return bad;
        QByteArray again = readHidden(QStringLiteral("Repeat the password: "));
        const bool same = again == password;
        again.fill('\0');
        if (!same) {
            password.fill('\0');
            return refused(QStringLiteral("The passwords do not match."));
        }
        return password;
    }
    if (!readLine(STDIN_FILENO, &password))
        return refused(QStringLiteral("No password on standard input (expected one line)."));
    if (const Error bad = checkPassword(password))
        return bad;
    return password;
}

QByteArray generatePassword()
{
    static constexpr char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    constexpr int size = sizeof(alphabet) - 1;
    QByteArray password(16, Qt::Uninitialized);
    for (char &c : password)
        c = alphabet[QRandomGenerator::system()->bounded(size)];
    return password;
}

} // namespace Colleagues::Server::Cli
