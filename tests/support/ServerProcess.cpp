// SPDX-License-Identifier: MIT
#include "tests/support/ServerProcess.h"

#include "core/ProfileCsv.h"
#include "tests/support/Binaries.h"
#include "tests/support/TestDatabase.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryFile>

#include <sys/prctl.h>

#include <csignal>

namespace Colleagues::Test {

namespace {
constexpr int CommandTimeoutMs = 600000; // seed-demo of 100,000 people in a benchmark
constexpr int StartTimeoutMs = 60000;
constexpr int StopTimeoutMs = 30000;
} // namespace

ServerProcess::ServerProcess()
    : m_ownDir(std::make_unique<QTemporaryDir>())
    , m_dataArguments {QStringLiteral("--data-dir"), m_ownDir->path()}
{
    if (!m_ownDir->isValid())
        m_error = QStringLiteral("cannot create a temporary data folder: %1").arg(m_ownDir->errorString());
}

ServerProcess::ServerProcess(const QString &dataDir)
    : m_dataArguments {QStringLiteral("--data-dir"), dataDir}
{
    QDir().mkpath(dataDir);
}

ServerProcess::ServerProcess(const TestDatabase &database)
    : m_dataArguments(database.dataArguments())
{ }

ServerProcess::~ServerProcess()
{
    stop();
}

QString ServerProcess::dataDir() const
{
    return m_dataArguments.first() == u"--data-dir" ? m_dataArguments.value(1) : QString();
}

CliRun ServerProcess::run(const QStringList &arguments, const QByteArray &input) const
{
    return runCli(serverBinary(), arguments + m_dataArguments, input, CommandTimeoutMs);
}

bool ServerProcess::command(const QStringList &arguments, const QByteArray &input)
{
    const CliRun r = run(arguments, input);
    if (r.succeeded())
        return true;
    m_error = QStringLiteral("colleagues-server %1 failed: %2").arg(arguments.join(QLatin1Char(' ')), r.describe());
    return false;
}

bool ServerProcess::addUser(const QString &username, const QString &password, bool admin)
{
    QStringList arguments {QStringLiteral("user"), QStringLiteral("add"), username};
    if (admin)
        arguments << QStringLiteral("--admin");
    return command(arguments, password.toUtf8() + '\n');
}

bool ServerProcess::setPassword(const QString &username, const QString &password)
{
    return command({QStringLiteral("user"), QStringLiteral("passwd"), username}, password.toUtf8() + '\n');
}

bool ServerProcess::importCsv(const QString &path)
{
    return command({QStringLiteral("import-csv"), path});
}

bool ServerProcess::importProfiles(const QList<Profile> &profiles)
{
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/colleagues-import-XXXXXX.csv"));
    if (!file.open() || file.write(profilesToCsv(profiles)) < 0 || !file.flush()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return importCsv(file.fileName());
}

bool ServerProcess::seedDemo(int people, quint64 seed)
{
    return command({QStringLiteral("seed-demo"), QStringLiteral("--people"), QString::number(people),
                    QStringLiteral("--seed"), QString::number(seed)});
}

bool ServerProcess::start(quint16 port, const QStringList &extra)
{
    m_extra = extra;
    return startOn(port);
}

bool ServerProcess::restart()
{
    const quint16 previous = port();
    if (startOn(previous))
        return true;
    // The old port may be taken meanwhile (or in TIME_WAIT on some systems): take a free one.
    return previous != 0 && startOn(0);
}

bool ServerProcess::startOn(quint16 port)
{
    kill();
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(serverBinary());
    m_process->setArguments(
        QStringList {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)}
        + m_dataArguments + m_extra);
    if (m_logFile.isEmpty()) {
        m_logDir = std::make_unique<QTemporaryDir>();
        m_logFile = m_logDir->filePath(QStringLiteral("server.log"));
    }
    m_process->setStandardErrorFile(m_logFile, QIODevice::Append);
    // The server ends with the test or benchmark, however that ends.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(serverBinary(), m_process->errorString());
        m_process.reset();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on (\\S+)\\r?\\n"));
    QByteArray seen;
    QDeadlineTimer deadline(StartTimeoutMs);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(int(qBound(qint64(1), deadline.remainingTime(), qint64(1000))));
        seen += m_process->readAllStandardOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(seen));
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            static const QRegularExpression metrics(QStringLiteral("metrics on (\\S+)\\r?\\n"));
            m_metricsUrl = QUrl(metrics.match(QString::fromUtf8(seen)).captured(1));
            ++m_starts;
            return true;
        }
    }
    m_error = QStringLiteral("the server did not start on port %1; stdout: %2 log: %3")
                  .arg(port)
                  .arg(QString::fromUtf8(seen), QString::fromUtf8(log().right(4000)));
    kill();
    return false;
}

int ServerProcess::stop()
{
    if (!m_process)
        return -1;
    int exitCode = -1;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (m_process->waitForFinished(StopTimeoutMs)) {
            exitCode = m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
        } else {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    } else {
        exitCode = m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    }
    m_process.reset();
    return exitCode;
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
    m_process.reset();
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 ServerProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QByteArray ServerProcess::log()
{
    QFile file(m_logFile);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

quint16 ServerProcess::unusedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace Colleagues::Test
