// SPDX-License-Identifier: MIT
// bench-presence: what presence costs the database, on SQLite and (with COLLEAGUES_TEST_PG) on
// PostgreSQL, at 10,000 connected people (the load target):
// 1. a flush of 100 transitions (online <-> away) in one transaction, as PresenceService writes
//    every 250 ms: 100 transitions a second need one such batch a second;
// 2. the seen_at refresh of all 10,000 connected people in batches of 200 (due every 30 s);
// 3. a sweep with nothing due (every 5 s on every instance);
// 4. a sync page with 100 changed statuses for one reader.
// Prints each figure with its target.

#include "bench/Report.h"
#include "tests/support/TestDatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

using namespace Colleagues;
using namespace Colleagues::Server;
using namespace Colleagues::Test;

namespace {

constexpr int People = 10000;

using Bench::out;

void figure(const QString &what, double value, double target)
{
    out() << QStringLiteral("%1 %2 ms (target <= %3 ms) %4\n")
                 .arg(what, -64)
                 .arg(value, 8, 'f', 2)
                 .arg(target)
                 .arg(value <= target ? QStringLiteral("ok") : QStringLiteral("OVER"));
    out().flush();
}

QString name(int i)
{
    return QStringLiteral("person%1").arg(i, 5, 10, QLatin1Char('0'));
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

bool run(const QString &backend)
{
    QString skip;
    QString error;
    std::unique_ptr<TestDatabase> db = TestDatabase::create(backend, &skip, &error);
    if (!db) {
        out() << backend << ": skipped (" << (skip.isEmpty() ? error : skip) << ")\n";
        return skip.isEmpty() ? false : true;
    }
    Storage &storage = db->storage();
    QList<Account> accounts;
    for (int i = 0; i < People; ++i) {
        Account a;
        a.username = name(i);
        accounts.append(a);
    }
    if (!storage.createAccounts(accounts)) {
        out() << backend << ": cannot create accounts\n";
        return false;
    }
    // Everybody connected (online) once, as after a morning's sign-ins.
    const QDateTime start = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < People; i += 200) {
        QList<PresenceReport> batch;
        for (int j = i; j < std::min(People, i + 200); ++j)
            batch.append(PresenceReport {name(j), Presence::Online, start});
        if (!storage.reportPresence(batch)) {
            out() << backend << ": cannot report presence\n";
            return false;
        }
    }
    out() << "== " << backend << ", " << People << " people online\n";

    QElapsedTimer timer;
    QList<double> flushes;
    qint64 transitions = 0;
    const qint64 before = storage.latestSequence();
    for (int round = 0; round < 40; ++round) {
        QList<PresenceReport> batch;
        const Presence presence = round % 2 == 0 ? Presence::Away : Presence::Online;
        for (int j = 0; j < 100; ++j)
            batch.append(
                PresenceReport {name((round / 2 * 100 + j) % People), presence, QDateTime::currentDateTimeUtc()});
        timer.start();
        const auto changes = storage.reportPresence(batch);
        flushes.append(double(timer.nsecsElapsed()) / 1e6);
        if (!changes)
            return false;
        transitions += changes->size();
    }
    figure(QStringLiteral("flush of 100 transitions, one transaction (median of 40)"), median(flushes), 50);
    out() << "  transitions written: " << transitions << "\n";

    timer.start();
    for (int i = 0; i < People; i += 200) {
        QList<PresenceReport> batch;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int j = i; j < std::min(People, i + 200); ++j)
            batch.append(PresenceReport {name(j), std::nullopt, now});
        if (!storage.reportPresence(batch))
            return false;
    }
    figure(QStringLiteral("seen_at refresh of 10,000 people, 50 batches"), double(timer.nsecsElapsed()) / 1e6, 2000);

    QList<double> sweeps;
    for (int round = 0; round < 20; ++round) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        timer.start();
        const auto swept = storage.sweepStatuses(now, now.addSecs(-120), {});
        sweeps.append(double(timer.nsecsElapsed()) / 1e6);
        if (!swept || !swept->isEmpty())
            return false;
    }
    figure(QStringLiteral("sweep with nothing due (median of 20)"), median(sweeps), 20);

    // The last 100 changes, as a client that last synced before them reads them.
    const qint64 cursor = storage.latestSequence() - 100;
    QList<double> pages;
    for (int round = 0; round < 20; ++round) {
        timer.start();
        const auto page = storage.changesSince(name(1), std::max(before, cursor), 1000);
        pages.append(double(timer.nsecsElapsed()) / 1e6);
        if (!page || page->statuses.size() != 100)
            return false;
    }
    figure(QStringLiteral("sync page with 100 changed statuses (median of 20)"), median(pages), 20);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    bool ok = run(QStringLiteral("sqlite"));
    ok = run(QStringLiteral("postgres")) && ok;
    return ok ? 0 : 1;
}
