// SPDX-License-Identifier: MIT
#include "tests/reliability/CrashableServer.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

namespace Colleagues::Reliability {

CrashableServer::CrashableServer(QString program, QStringList databaseArguments, QString logFile)
    : m_program(std::move(program))
    , m_databaseArguments(std::move(databaseArguments))
    , m_logFile(std::move(logFile))
{ }

CrashableServer::~CrashableServer()
{
    stop();
}

bool CrashableServer::run(const QStringList &arguments, const QByteArray &input, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(m_program, arguments + m_databaseArguments);
    if (!p.waitForStarted()) {
        m_error = p.errorString();
        return false;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    const bool finished = p.waitForFinished(120000);
    const QString text = QString::fromUtf8(p.readAll());
    if (output)
        *output = text;
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QStringLiteral("%1 failed: %2").arg(arguments.join(QLatin1Char(' ')), text);
        return false;
    }
    return true;
}

bool CrashableServer::start(quint16 port)
{
    if (startOn(port))
        return true;
    // The old port may still be taken (or in TIME_WAIT on some systems): take a free one.
    return port != 0 && startOn(0);
}

bool CrashableServer::startOn(quint16 port)
{
    kill();
    m_process = std::make_unique<QProcess>();
    m_process->setStandardErrorFile(m_logFile, QIODevice::Append);
    m_process->start(
        m_program,
        QStringList {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)}
            + m_databaseArguments);
    if (!m_process->waitForStarted(10000)) {
        m_error = m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on https?://[^:/]+:(\\d+)"));
    QByteArray seen;
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 1000)));
        seen += m_process->readAllStandardOutput();
        const QRegularExpressionMatch m = listening.match(QString::fromUtf8(seen));
        if (m.hasMatch()) {
            m_port = quint16(m.captured(1).toUInt());
            ++m_starts;
            return true;
        }
    }
    m_error = QStringLiteral("the server did not start on port %1: %2").arg(port).arg(QString::fromUtf8(seen));
    kill();
    return false;
}

void CrashableServer::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
    m_process.reset();
}

bool CrashableServer::stop()
{
    if (!m_process)
        return true;
    bool clean = true;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(30000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
            clean = false;
        } else {
            clean = m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
        }
    }
    m_process.reset();
    return clean;
}

bool CrashableServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QUrl CrashableServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

qint64 CrashableServer::pid() const
{
    return m_process ? m_process->processId() : 0;
}

} // namespace Colleagues::Reliability
