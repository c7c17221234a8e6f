// SPDX-License-Identifier: MIT
#include "tests/ui/LocalServer.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QTcpServer>

namespace Colleagues::Testing {

LocalServer::LocalServer(QString binary)
    : m_binary(binary.isEmpty() ? QStringLiteral(COLLEAGUES_SERVER_BINARY) : std::move(binary))
{ }

LocalServer::~LocalServer()
{
    stop();
}

bool LocalServer::command(const QStringList &arguments, const QByteArray &input, QByteArray *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(m_binary, arguments + QStringList {QStringLiteral("--data-dir"), m_dir.path()});
    if (!process.waitForStarted(10000)) {
        m_error = process.errorString();
        return false;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        m_error = QStringLiteral("timed out: %1").arg(arguments.join(QLatin1Char(' ')));
        return false;
    }
    const QByteArray out = process.readAll();
    if (output)
        *output = out;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QString::fromUtf8(out);
        return false;
    }
    return true;
}

bool LocalServer::addUser(const QString &username, const QString &password)
{
    return command({QStringLiteral("user"), QStringLiteral("add"), username}, password.toUtf8() + '\n');
}

bool LocalServer::setPassword(const QString &username, const QString &password)
{
    return command({QStringLiteral("user"), QStringLiteral("passwd"), username}, password.toUtf8() + '\n');
}

bool LocalServer::importCsv(const QString &path)
{
    return command({QStringLiteral("import-csv"), path});
}

bool LocalServer::seedDemo(int people, quint64 seed)
{
    return command({QStringLiteral("seed-demo"), QStringLiteral("--people"), QString::number(people),
                    QStringLiteral("--seed"), QString::number(seed)});
}

bool LocalServer::start(quint16 port, const QStringList &extra)
{
    stop();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QStringList arguments {QStringLiteral("serve"), QStringLiteral("--listen"),
                                 QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--data-dir"), m_dir.path()};
    m_process->start(m_binary, arguments + extra);
    if (!m_process->waitForStarted(10000)) {
        m_error = m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on (\\S+)"));
    QByteArray seen;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())))
            && m_process->state() != QProcess::Running)
            break;
        seen += m_process->readAllStandardOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(seen));
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            return true;
        }
    }
    m_error = QStringLiteral("the server did not start: %1").arg(QString::fromUtf8(seen));
    stop();
    return false;
}

void LocalServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

bool LocalServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

quint16 LocalServer::closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace Colleagues::Testing
