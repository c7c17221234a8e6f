// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Colleagues::Test {

//! What a run of a command-line program left behind.
struct CliRun
{
    int exitCode = -1; //!< -1: it crashed, was killed, or did not start
    QString out;
    QString err;

    bool succeeded() const { return exitCode == 0; }
    //! Exit code, stdout and stderr, for a failure message.
    QString describe() const;
};

//! Runs \a program (serverBinary(), clientBinary()) to its end with \a input on its stdin,
//! processing events meanwhile (a proxy or server may live in this process); it is killed
//! after \a timeoutMs.
CliRun runCli(const QString &program, const QStringList &arguments, const QByteArray &input = {},
              int timeoutMs = 300000);

} // namespace Colleagues::Test
