// SPDX-License-Identifier: MIT
// Writes a generated demo company in the profile CSV import format and reports how long
// generating and writing took (on stderr, so the CSV can go to stdout).
//   gen-profiles --people N --seed S [--out FILE]
#include "bench/load/ProcessStats.h"
#include "core/ProfileCsv.h"
#include "demo/DemoCompany.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

namespace {

// Peak resident memory in MiB from /proc (Linux); -1 elsewhere.
qint64 peakMemoryMiB()
{
    const qint64 kib = Colleagues::Load::peakResidentKiB(QCoreApplication::applicationPid());
    return kib < 0 ? -1 : kib / 1024;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gen-profiles"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes a generated demo company as profile CSV."));
    parser.addHelpOption();
    const QCommandLineOption peopleOption(QStringLiteral("people"), QStringLiteral("How many people (default 400)."),
                                          QStringLiteral("N"), QStringLiteral("400"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Generator seed (default 1)."),
                                        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Write to FILE instead of stdout."),
                                       QStringLiteral("FILE"));
    parser.addOptions({peopleOption, seedOption, outOption});
    parser.process(app);

    QTextStream err(stderr);
    bool peopleOk = false;
    bool seedOk = false;
    const int people = parser.value(peopleOption).toInt(&peopleOk);
    const quint64 seed = parser.value(seedOption).toULongLong(&seedOk);
    if (!peopleOk || people < 1 || !seedOk) {
        err << "gen-profiles: --people must be a positive number and --seed a non-negative number\n";
        return 2;
    }

    QElapsedTimer timer;
    timer.start();
    const Colleagues::DemoCompanyData company = Colleagues::generateDemoCompany(people, seed);
    const qint64 generateMs = timer.restart();
    const QByteArray csv = Colleagues::profilesToCsv(company.profiles);
    const qint64 csvMs = timer.restart();

    const QString out = parser.value(outOption);
    if (out.isEmpty()) {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly) || stdoutFile.write(csv) != csv.size()) {
            err << "gen-profiles: could not write to stdout\n";
            return 1;
        }
    } else {
        QSaveFile file(out);
        if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
            err << "gen-profiles: could not write " << out << ": " << file.errorString() << '\n';
            return 1;
        }
    }
    const qint64 writeMs = timer.elapsed();

    err << "generated " << people << " people (seed " << seed << ") in " << generateMs << " ms";
    if (generateMs > 0)
        err << " (" << qint64(people) * 1000 / generateMs << " people/s)";
    err << "; CSV " << csv.size() / 1024 << " KiB built in " << csvMs << " ms, written in " << writeMs << " ms";
    if (const qint64 peak = peakMemoryMiB(); peak >= 0)
        err << "; peak memory " << peak << " MiB";
    err << '\n';
    return 0;
}
