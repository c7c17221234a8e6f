// SPDX-License-Identifier: MIT
#include "tests/support/CliRun.h"

#include <QProcess>
#include <QTest>

namespace Colleagues::Test {

QString CliRun::describe() const
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(exitCode).arg(out, err);
}

CliRun runCli(const QString &program, const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    QProcess p;
    p.start(program, arguments);
    CliRun r;
    if (!p.waitForStarted()) {
        r.err = QStringLiteral("cannot start %1: %2").arg(program, p.errorString());
        return r;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace Colleagues::Test
