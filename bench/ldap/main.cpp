// SPDX-License-Identifier: MIT
// bench-ldap: figures for ldap-sync against a real slapd (Debian's), end to end through the
// colleagues-server command line.
//
//   bench-ldap [--people 100000] [--changes 100] [--backend sqlite|postgres]
//
// 1. A full ldap-sync of PEOPLE generated entries (paged: slapd's size limit is 500) into an
//    empty database.                                                       target <= 60 s
// 2. ldapmodify changes CHANGES entries (title), then a re-sync.           target <= 5 s
// 3. A re-sync with no change.
// PostgreSQL needs COLLEAGUES_TEST_PG (scripts/postgres-env.sh).

#include "bench/Report.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/Slapd.h"
#include "tests/support/TestDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <sys/resource.h>

using namespace Colleagues;
using namespace Colleagues::Test;

namespace {

using Bench::say;

//! The summary line of ldap-sync's output ("Read ... entries: ...").
QString summary(const CliRun &run)
{
    QStringList lines;
    for (const QString &line : run.out.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Read ")) || line.startsWith(QLatin1String("Reading the directory")))
            lines.append(line);
    }
    return lines.isEmpty() ? run.describe() : lines.join(QStringLiteral("\n  "));
}

//! CPU seconds (user + system) of the children that ended so far: the ldap-sync processes.
double childCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

//! ", CPU x s" for the run that began when the children had used \a before.
QString cpu(double before)
{
    return QStringLiteral(" (ldap-sync's own CPU time %1 s)").arg(childCpuSeconds() - before, 0, 'f', 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption peopleOption(QStringLiteral("people"), QStringLiteral("Entries (default 100000)."),
                                          QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption changesOption(QStringLiteral("changes"),
                                           QStringLiteral("Entries changed before the re-sync (default 100)."),
                                           QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption backendOption(QStringLiteral("backend"), QStringLiteral("sqlite or postgres."),
                                           QStringLiteral("NAME"), QStringLiteral("sqlite"));
    parser.addOptions({peopleOption, changesOption, backendOption});
    parser.process(app);
    const int people = parser.value(peopleOption).toInt();
    const int changes = qMin(parser.value(changesOption).toInt(), people);
    if (!Slapd::isInstalled()) {
        say(QStringLiteral("bench-ldap: slapd is not installed (apt install slapd ldap-utils)."));
        return 1;
    }

    QElapsedTimer timer;
    timer.start();
    // A directory that has been there a while: its entries last changed a day ago (were they all
    // stamped with the seconds of slapadd, a re-sync would read again every entry of the last one).
    const GeneratedPeople generated = peopleLdif(people, QDateTime::currentDateTimeUtc().addDays(-1));
    Slapd slapd(500);
    if (!slapd.start(generated.ldif)) {
        say(QStringLiteral("bench-ldap: %1").arg(slapd.errorString()));
        return 1;
    }
    say(QStringLiteral("slapd with %1 people (slapadd and start): %2 s")
            .arg(people)
            .arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    QFile map(slapd.path(QStringLiteral("bench.map")));
    if (!map.open(QIODevice::WriteOnly) || map.write(testDirectoryMap()) < 0)
        return 1;
    map.close();

    QString skip;
    QString error;
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<ServerProcess> server;
    if (parser.value(backendOption) == QLatin1String("postgres")) {
        db = TestDatabase::create(QStringLiteral("postgres"), &skip, &error);
        if (!db) {
            say(QStringLiteral("bench-ldap: no PostgreSQL: %1%2").arg(skip, error));
            return 1;
        }
        server = std::make_unique<ServerProcess>(*db);
    } else {
        server = std::make_unique<ServerProcess>();
    }
    const QStringList sync = QStringList {QStringLiteral("ldap-sync")} + slapd.connectionArguments()
        + QStringList {QStringLiteral("--map"), map.fileName()};

    double cpuBefore = childCpuSeconds();
    timer.restart();
    const CliRun first = server->run(sync);
    const double firstSeconds = timer.elapsed() / 1000.0;
    if (!first.succeeded()) {
        say(QStringLiteral("bench-ldap: the first sync failed: %1").arg(first.describe()));
        return 1;
    }
    say(QStringLiteral("full ldap-sync of %1 entries (%2): %3 s (target <= 60 s)%4")
            .arg(people)
            .arg(parser.value(backendOption))
            .arg(firstSeconds, 0, 'f', 2)
            .arg(cpu(cpuBefore)));
    say(QStringLiteral("  %1").arg(summary(first)));

    QByteArray ldif;
    for (int i = 0; i < changes; ++i) {
        const int index = int((qint64(i) * 7919) % people);
        ldif += Slapd::ldifLine("dn", GeneratedPeople::dn(index)) + "changetype: modify\nreplace: title\n"
            + Slapd::ldifLine("title", QStringLiteral("Changed %1").arg(i)) + '\n';
    }
    const CliRun modified = slapd.modify(ldif);
    if (!modified.succeeded()) {
        say(QStringLiteral("bench-ldap: ldapmodify failed: %1").arg(modified.describe()));
        return 1;
    }
    cpuBefore = childCpuSeconds();
    timer.restart();
    const CliRun resync = server->run(sync);
    const double resyncSeconds = timer.elapsed() / 1000.0;
    say(QStringLiteral("re-sync after %1 changes: %2 s (target <= 5 s)%3")
            .arg(changes)
            .arg(resyncSeconds, 0, 'f', 2)
            .arg(cpu(cpuBefore)));
    say(QStringLiteral("  %1").arg(summary(resync)));

    cpuBefore = childCpuSeconds();
    timer.restart();
    const CliRun idle = server->run(sync);
    say(QStringLiteral("re-sync without changes: %1 s%2").arg(timer.elapsed() / 1000.0, 0, 'f', 2).arg(cpu(cpuBefore)));
    say(QStringLiteral("  %1").arg(summary(idle)));
    return resync.succeeded() && idle.succeeded() ? 0 : 1;
}
