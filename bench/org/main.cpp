// SPDX-License-Identifier: MIT
// bench-org: the org chart at N people (default 100,000; the demo company's generator).
// 1. Fills a local store (or reuses the one in --data-dir when it holds N people).
// 2. All headcounts: OrgChart::refresh() from nothing (reading the store, then computing).
// 3. A sync delta (a person moved to another manager, written as the sync engine writes a page):
//    refresh() reads the change log and computes every headcount again.
// 4. The org chart of sample people (the top, managers with the most reports, the deepest
//    person, people at random) built, laid out and painted into a 1280x900 image, as the view does.
// 5. `colleagues org TOP --svg FILE` as a fresh process.
// 6. The skill map of the query with nearest 10,000 results: the search with and without the map.
// Prints each figure with its target.

#include "bench/Report.h"
#include "client/ClientStore.h"
#include "client/org/OrgChart.h"
#include "client/search/SearchEngine.h"
#include "core/Vocabulary.h"
#include "demo/DemoCompany.h"
#include "ui/org/OrgModel.h"
#include "ui/org/OrgPainter.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUuid>

#include <algorithm>

using namespace Colleagues;

namespace {

using Bench::out;

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

void figure(const char *what, double value, double target)
{
    out() << QStringLiteral("%1 %2 ms (target <= %3 ms) %4\n")
                 .arg(QLatin1String(what), -58)
                 .arg(value, 8, 'f', 2)
                 .arg(target)
                 .arg(value <= target ? QStringLiteral("ok") : QStringLiteral("OVER"));
    out().flush();
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The org chart at N people."));
    parser.addHelpOption();
    const QCommandLineOption people(QStringList {QStringLiteral("people")}, QStringLiteral("People (100000)."),
                                    QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption dataDir(QStringList {QStringLiteral("data-dir")},
                                     QStringLiteral("Keep the store in DIR (reused when it has N people)."),
                                     QStringLiteral("DIR"));
    parser.addOption(people);
    parser.addOption(dataDir);
    parser.process(app);
    const int count = parser.value(people).toInt();
    QTemporaryDir temporary;
    const QString dir = parser.isSet(dataDir) ? parser.value(dataDir) : temporary.path();

    ClientStore store;
    if (!store.open(dir)) {
        out() << "cannot open the store: " << store.errorString() << "\n";
        return 1;
    }
    if (store.profileCount() != count) {
        QElapsedTimer timer;
        timer.start();
        QList<Profile> profiles = generateDemoCompany(count, 1).profiles;
        for (Profile &p : profiles)
            p.id = QUuid::createUuidV5(QUuid(), p.username).toString(QUuid::WithoutBraces);
        DirectoryBatch batch;
        batch.upserts = profiles;
        if (!store.applyBatch(batch)) {
            out() << "cannot fill the store: " << store.errorString() << "\n";
            return 1;
        }
        out() << "generated and stored " << count << " people in " << timer.elapsed() << " ms\n";
    }
    out() << "people: " << store.profileCount() << "\n";

    // 2. All headcounts.
    OrgChart chart(&store);
    QElapsedTimer timer;
    std::vector<double> loads;
    for (int i = 0; i < 3; ++i) {
        chart.invalidate();
        timer.start();
        if (!chart.refresh())
            return 1;
        loads.push_back(ms(timer.nsecsElapsed()));
    }
    std::sort(loads.begin(), loads.end());
    out() << "  (reading the store " << chart.lastReadUs() / 1000.0 << " ms, computing every headcount "
          << chart.lastComputeUs() / 1000.0 << " ms)\n";
    figure("all headcounts from the store (median of 3)", loads[1], 200);

    // 3. Sync deltas: a person with reports moves to another manager.
    QRandomGenerator random(42);
    std::vector<double> deltas;
    for (int i = 0; i < 5; ++i) {
        qint64 mover = -1;
        while (mover < 0) {
            const qint64 id = random.bounded(qint64(chart.idLimit()));
            if (chart.person(id) && chart.headcount(id) > 0 && chart.managerOf(id) >= 0)
                mover = id;
        }
        qint64 target = -1;
        while (target < 0) {
            const qint64 id = random.bounded(qint64(chart.idLimit()));
            if (chart.person(id) && chart.headcount(id) > 0 && id != mover && !chart.chain(id).contains(mover)
                && !chart.chain(mover).contains(id))
                target = id;
        }
        auto profile = store.profileByUsername(chart.person(mover)->username);
        profile->manager = chart.person(target)->username;
        ++profile->revision;
        DirectoryBatch batch;
        batch.upserts = {*profile};
        store.applyBatch(batch);
        const int before = chart.headcount(target);
        timer.start();
        chart.refresh();
        deltas.push_back(ms(timer.nsecsElapsed()));
        if (chart.headcount(target) != before + chart.headcount(mover) + 1)
            out() << "  WRONG headcount after the move\n";
    }
    // The figures are only worth something when right: every headcount as a fresh read has it.
    OrgChart fresh(&store);
    fresh.refresh();
    for (qint64 id = 0; size_t(id) < chart.idLimit(); ++id) {
        if (chart.headcount(id) != fresh.headcount(id)) {
            out() << "  WRONG: headcounts after the deltas differ from a fresh read\n";
            break;
        }
    }
    std::sort(deltas.begin(), deltas.end());
    figure("headcounts current after a sync delta (max of 5)", deltas.back(), 20);

    // 4. The chart of sample people, painted.
    QList<qint64> samples;
    const QList<qint64> tops = chart.tops();
    samples.append(tops.first());
    qint64 widest = -1;
    qint64 deepest = -1;
    int deepestLength = -1;
    for (qint64 id = 0; size_t(id) < chart.idLimit(); ++id) {
        if (!chart.person(id))
            continue;
        if (widest < 0 || chart.directReports(id).size() > chart.directReports(widest).size())
            widest = id;
        if (id % 97 == 0 || chart.headcount(id) == 0) {
            const int length = int(chart.chain(id).size());
            if (length > deepestLength) {
                deepest = id;
                deepestLength = length;
            }
        }
    }
    samples.append(widest);
    samples.append(deepest);
    while (samples.size() < 20) {
        const qint64 id = random.bounded(qint64(chart.idLimit()));
        if (chart.person(id))
            samples.append(id);
    }
    out() << "  widest manager: " << chart.directReports(widest).size()
          << " direct reports; deepest chain: " << deepestLength << " managers\n";
    QImage image(1280, 900, QImage::Format_ARGB32_Premultiplied);
    const OrgPainter painter(QGuiApplication::palette(), QGuiApplication::font());
    std::vector<double> paints;
    for (qint64 id : std::as_const(samples)) {
        timer.start();
        OrgModel model(&chart);
        model.setFocusPerson(chart.person(id)->username);
        const QList<OrgBox> boxes = OrgPainter::layout(&model);
        image.fill(Qt::white);
        QPainter p(&image);
        painter.paint(&p, boxes, model.focusIndex(), QRectF(0, 0, 1280, 900));
        p.end();
        paints.push_back(ms(timer.nsecsElapsed()));
    }
    std::sort(paints.begin(), paints.end());
    out() << "  chart painted: median " << paints[paints.size() / 2] << " ms over " << paints.size() << " people\n";
    figure("org chart of a person built and painted (max of 20)", paints.back(), 100);

    // 5. The command line, for the top.
    const QString svg = temporary.filePath(QStringLiteral("top.svg"));
    std::vector<double> runs;
    for (int i = 0; i < 3; ++i) {
        QProcess child;
        timer.start();
        child.start(QStringLiteral(COLLEAGUES_CLIENT_BINARY),
                    {QStringLiteral("org"), chart.person(tops.first())->username, QStringLiteral("--svg"), svg,
                     QStringLiteral("--data-dir"), dir});
        child.waitForFinished(60000);
        runs.push_back(ms(timer.nsecsElapsed()));
        if (child.exitCode() != 0)
            out() << "  colleagues org failed: " << child.readAllStandardError() << "\n";
    }
    std::sort(runs.begin(), runs.end());
    figure("colleagues org TOP --svg FILE, a fresh process (median of 3)", runs[1], 1000);

    // 6. The skill map of a query with about 10,000 results.
    SearchEngine engine(&store);
    engine.setVocabulary(Vocabulary::defaults());
    QString query;
    int total = 0;
    for (const char *candidate : {"skill:python", "skill:java", "skill:sql", "skill:kubernetes", "skill:go",
                                  "skill:docker", "engineer", "skill:excel", "manager", "location:london"}) {
        const int n = engine.search(QString::fromLatin1(candidate), 0, 0).total;
        if (query.isEmpty() || std::abs(n - 10000) < std::abs(total - 10000)) {
            query = QString::fromLatin1(candidate);
            total = n;
        }
    }
    std::vector<double> plain;
    std::vector<double> mapped;
    SkillMap map;
    for (int i = 0; i < 5; ++i) {
        SearchRequest request;
        request.query = query;
        request.limit = 50;
        timer.start();
        engine.search(request);
        plain.push_back(ms(timer.nsecsElapsed()));
        request.skillMapRows = 8;
        timer.start();
        map = engine.search(request).skillMap;
        mapped.push_back(ms(timer.nsecsElapsed()));
    }
    std::sort(plain.begin(), plain.end());
    std::sort(mapped.begin(), mapped.end());
    out() << "  query \"" << query << "\": " << total << " results, " << map.locations.size() << " locations and "
          << map.departments.size() << " departments in the map; the search alone " << plain[2] << " ms\n";
    figure("skill map with its search, first page (median of 5)", mapped[2], 50);
    figure("skill map itself (median with map - median without)", std::max(0.0, mapped[2] - plain[2]), 50);
    return 0;
}
