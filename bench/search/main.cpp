// SPDX-License-Identifier: MIT
// bench-search: the client directory store and search engine at 100,000 profiles.
//
// 1. Generates N profiles (deterministic for --seed; --generator demo, mixed or even) or takes
//    a given CSV (--csv FILE), and times `import-csv`'s path: parse + validate the CSV, then one
//    transaction into a fresh store.
// 2. In a fresh child process (so that memory is the app's, not the generator's): opens the
//    store, runs a varied query set through the public SearchEngine API (first page of 50 with
//    facets), the same queries as raw FTS5 SQL (the engine's floor) and as a naive LIKE scan
//    (the baseline), and reports latency percentiles, ratios and the process's memory. With
//    --cold, the store's files are first dropped from the OS page cache and the first searches
//    after opening it are reported on their own (the first searches after login).
//
// Usage: bench-search --help

#include "bench/Report.h"
#include "bench/load/ProcessStats.h"
#include "bench/search/ProfileGenerator.h"
#include "client/ClientStore.h"
#include "client/search/SearchEngine.h"
#include "client/search/SearchQuery.h"
#include "client/search/SearchText.h"
#include "core/ProfileCsv.h"
#include "core/Vocabulary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <sqlite3.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace Colleagues;

namespace {

using Bench::out;

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

//! CPU time of this thread in ms: on a shared, loaded machine, wall time measures the other
//! processes too, so every figure is given both ways.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().trimmed()) : QString();
}

struct Stats
{
    std::vector<double> samples;
    void add(double ms) { samples.push_back(ms); }
    double percentile(double p) const
    {
        if (samples.empty())
            return 0;
        std::vector<double> sorted = samples;
        std::sort(sorted.begin(), sorted.end());
        const size_t index = std::min(sorted.size() - 1, size_t(p / 100.0 * double(sorted.size() - 1) + 0.5));
        return sorted[index];
    }
    double max() const { return samples.empty() ? 0 : *std::max_element(samples.begin(), samples.end()); }
};

// ---------------------------------------------------------------------------------------------
// A cold store: its files out of the OS page cache, as after a reboot or heavy disk use.

QStringList storeFiles(const QString &dataDir)
{
    const QString db = QDir(dataDir).filePath(ClientStore::databaseFileName());
    return {db, db + QStringLiteral("-wal"), db + QStringLiteral("-shm")};
}

//! Pages of the store's files in the OS page cache, in percent of their size (mincore()).
double residentPercent(const QString &dataDir)
{
    const long pageSize = sysconf(_SC_PAGESIZE);
    qint64 pages = 0;
    qint64 resident = 0;
    for (const QString &path : storeFiles(dataDir)) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
        if (fd < 0)
            continue;
        const off_t size = lseek(fd, 0, SEEK_END);
        if (size > 0) {
            void *map = mmap(nullptr, size_t(size), PROT_READ, MAP_SHARED, fd, 0);
            if (map != MAP_FAILED) {
                std::vector<unsigned char> vector(size_t((size + pageSize - 1) / pageSize));
                if (mincore(map, size_t(size), vector.data()) == 0) {
                    pages += qint64(vector.size());
                    for (unsigned char page : vector)
                        resident += page & 1;
                }
                munmap(map, size_t(size));
            }
        }
        ::close(fd);
    }
    return pages > 0 ? 100.0 * double(resident) / double(pages) : 0;
}

//! Drops the store's files from the page cache: written back first, then POSIX_FADV_DONTNEED
//! (no root needed). With \a everything, also every clean page of every file
//! (/proc/sys/vm/drop_caches, root only), like a first start after heavy disk use elsewhere.
QString dropFromPageCache(const QString &dataDir, bool everything)
{
    for (const QString &path : storeFiles(dataDir)) {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
        if (fd < 0)
            continue;
        fdatasync(fd);
        posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
    QString how = QStringLiteral("posix_fadvise(DONTNEED) on the store's files");
    if (everything) {
        sync();
        QFile drop(QStringLiteral("/proc/sys/vm/drop_caches"));
        if (drop.open(QIODevice::WriteOnly) && drop.write("3\n") == 2)
            how += QStringLiteral(" and /proc/sys/vm/drop_caches (every file)");
        else
            how += QStringLiteral("; /proc/sys/vm/drop_caches not writable (%1)").arg(drop.errorString());
    }
    return how;
}

// ---------------------------------------------------------------------------------------------
// Query set: varied, drawn from the directory itself with a fixed seed (not from the fixtures).

struct QueryClass
{
    QString name;
    QStringList queries;
    bool misspelled = false;
    bool everyday = false; //!< everyday words (questions, aliases, places): summarised on their own
};

QStringList wordsOf(const Profile &p)
{
    QStringList words;
    auto add = [&](const QString &text) {
        for (const SearchText::Word &w : SearchText::words(text))
            words.append(text.mid(w.start, w.length));
    };
    add(p.displayName);
    add(p.title);
    add(p.department);
    add(p.location);
    for (const Skill &s : p.skills)
        add(s.name);
    for (const QString &i : p.interests)
        add(i);
    add(p.bio);
    return words;
}

QString misspell(QString word, QRandomGenerator &random)
{
    const int edits = word.size() >= 8 ? 2 : 1;
    for (int e = 0; e < edits; ++e) {
        const int at = 1 + random.bounded(int(word.size()) - 2);
        switch (random.bounded(4)) {
        case 0: std::swap(word[at], word[at + 1]); break; // transposition
        case 1: word.remove(at, 1); break; // deletion
        case 2: word.insert(at, QChar(u'a' + random.bounded(26))); break; // insertion
        default: word[at] = QChar(u'a' + random.bounded(26)); break; // substitution
        }
    }
    return word;
}

std::vector<QueryClass> buildQueries(ClientStore &store, quint64 seed, int perClass)
{
    QRandomGenerator random(quint32(seed * 7919 + 17));
    // A sample of people to draw words from.
    QList<Profile> sample;
    const qint64 count = store.profileCount();
    sqlite3_stmt *statement = nullptr;
    sqlite3_prepare_v2(store.handle(), "SELECT id FROM profiles WHERE local_id = ?1", -1, &statement, nullptr);
    while (sample.size() < 1000 && count > 0) {
        sqlite3_bind_int64(statement, 1, 1 + random.bounded(count));
        if (sqlite3_step(statement) == SQLITE_ROW) {
            const QString id = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
            if (auto p = store.profile(id))
                sample.append(*p);
        }
        sqlite3_reset(statement);
    }
    sqlite3_finalize(statement);

    auto randomProfile = [&]() -> const Profile & { return sample[random.bounded(int(sample.size()))]; };
    auto prefix = [&](const QString &word, int minimum) {
        const int n = int(word.size());
        if (n <= minimum)
            return word;
        return word.left(minimum + random.bounded(n - minimum + 1));
    };

    std::vector<QueryClass> classes;
    QueryClass one {QStringLiteral("1 char"), {}};
    for (char c = 'a'; c <= 'z'; ++c)
        one.queries.append(QString(QLatin1Char(c)));
    classes.push_back(one);

    QueryClass two {QStringLiteral("2 chars"), {}};
    while (two.queries.size() < perClass / 2) {
        const QStringList words = wordsOf(randomProfile());
        const QString word = words[random.bounded(int(words.size()))].toLower();
        if (word.size() >= 2)
            two.queries.append(word.left(2));
    }
    classes.push_back(two);

    for (int terms = 1; terms <= 3; ++terms) {
        QueryClass prefixes {QStringLiteral("%1 term prefix").arg(terms), {}};
        while (prefixes.queries.size() < perClass) {
            const QStringList words = wordsOf(randomProfile());
            QStringList query;
            for (int t = 0; t < terms; ++t)
                query.append(prefix(words[random.bounded(int(words.size()))], t + 1 == terms ? 1 : 3));
            prefixes.queries.append(query.join(QLatin1Char(' ')));
        }
        classes.push_back(prefixes);
    }

    QueryClass filters {QStringLiteral("filters"), {}};
    while (filters.queries.size() < perClass / 2) {
        const Profile &p = randomProfile();
        if (p.skills.isEmpty())
            continue;
        const Skill &skill = p.skills[random.bounded(int(p.skills.size()))];
        switch (filters.queries.size() % 3) {
        case 0:
            filters.queries.append(QStringLiteral("skill:\"%1\" level>=%2").arg(skill.name).arg(skill.level));
            break;
        case 1:
            filters.queries.append(QStringLiteral("dept:\"%1\" %2").arg(p.department, prefix(skill.name, 2)));
            break;
        default:
            filters.queries.append(QStringLiteral("location:\"%1\" %2").arg(p.location, prefix(p.title, 3)));
            break;
        }
    }
    classes.push_back(filters);

    QueryClass typos {QStringLiteral("misspelled"), {}, true};
    while (typos.queries.size() < perClass) {
        const Profile &p = randomProfile();
        QStringList candidates;
        for (const QString &word : wordsOf(p)) {
            if (word.size() >= 5 && !SearchText::hasSymbols(SearchText::encode(word)))
                candidates.append(word.toLower());
        }
        if (candidates.isEmpty())
            continue;
        QString query = misspell(candidates[random.bounded(int(candidates.size()))], random);
        if (typos.queries.size() % 3 == 2) // some with a second, correct term
            query += QLatin1Char(' ') + prefix(wordsOf(p).constFirst(), 3);
        typos.queries.append(query);
    }
    classes.push_back(typos);

    // Everyday words: questions in English and German, aliases, "in PLACE", regions and the
    // asker's time zone, experts, what is left out, with the skills and cities of the directory.
    const QStringList templates {
        QStringLiteral("who knows %1"),
        QStringLiteral("who can help with %1"),
        QStringLiteral("%1 expert in %2"),
        QStringLiteral("anyone in %2 good at %1"),
        QStringLiteral("wer kennt sich mit %1 aus"),
        QStringLiteral("%1 experte aus %2"),
        QStringLiteral("looking for someone who knows %1"),
        QStringLiteral("senior %1"),
        QStringLiteral("%1 experts in europe"),
        QStringLiteral("apac %1"),
        QStringLiteral("who knows %1 in my time zone"),
        QStringLiteral("%1 but not in %2"),
        QStringLiteral("who leads %1 in %2"),
    };
    const QStringList aliases {QStringLiteral("k8s"),
                               QStringLiteral("js"),
                               QStringLiteral("tf"),
                               QStringLiteral("ml"),
                               QStringLiteral("py"),
                               QStringLiteral("golang"),
                               QStringLiteral("ts"),
                               QStringLiteral("postgres"),
                               QStringLiteral("bangalore"),
                               QStringLiteral("who knows k8s"),
                               QStringLiteral("devops"),
                               QStringLiteral("anyone speaking spanish"),
                               QStringLiteral("python in munich"),
                               QStringLiteral("python or go"),
                               QStringLiteral("kubernetes or terraform in berlin"),
                               QStringLiteral("engineers in berlin"),
                               QStringLiteral("people in finance"),
                               QStringLiteral("designers in emea"),
                               QStringLiteral("who is in the uk"),
                               QStringLiteral("python in north america"),
                               QStringLiteral("python -java"),
                               QStringLiteral("engineers not in emea"),
                               QStringLiteral("who leads the mobile team"),
                               QStringLiteral("who leads the team")};
    QueryClass everyday {QStringLiteral("everyday words"), aliases, false, true};
    while (everyday.queries.size() < perClass) {
        const Profile &p = randomProfile();
        if (p.skills.isEmpty())
            continue;
        const QString skill = p.skills[random.bounded(int(p.skills.size()))].name.toLower();
        QString query = templates[random.bounded(int(templates.size()))];
        everyday.queries.append(query.replace(QLatin1String("%1"), skill).replace(QLatin1String("%2"), p.location));
    }
    classes.push_back(everyday);
    return classes;
}

// ---------------------------------------------------------------------------------------------
// The engine's floor: the same terms as raw FTS5 SQL (prefix AND, bm25 order, first 50) plus
// the facet counts from one pass over the same matches.

struct RawFts
{
    sqlite3 *db = nullptr;
    sqlite3_stmt *page = nullptr;
    sqlite3_stmt *facets = nullptr;

    explicit RawFts(sqlite3 *handle)
        : db(handle)
    {
        sqlite3_prepare_v2(db,
                           "SELECT rowid FROM profile_fts WHERE profile_fts MATCH ?1 "
                           "ORDER BY bm25(profile_fts, 10, 6, 4, 4, 13, 12, 11, 10, 9, 3, 1) LIMIT 50",
                           -1, &page, nullptr);
        sqlite3_prepare_v2(db,
                           "SELECT p.department, p.location, count(*) FROM profile_fts "
                           "JOIN profiles p ON p.local_id = profile_fts.rowid "
                           "WHERE profile_fts MATCH ?1 GROUP BY 1, 2",
                           -1, &facets, nullptr);
    }
    ~RawFts()
    {
        sqlite3_finalize(page);
        sqlite3_finalize(facets);
    }

    static QByteArray expression(const QString &query)
    {
        const SearchQuery parsed = SearchQuery::parse(query);
        QStringList clauses;
        for (const auto &term : parsed.terms)
            clauses.append(QLatin1Char('"') + term.token + QStringLiteral("\"*"));
        for (const auto &skill : parsed.skills)
            clauses.append(QStringLiteral("{skills5 skills4 skills3 skills2 skills1} : \"%1\"").arg(skill.keyToken));
        for (const auto &filter : parsed.departments)
            clauses.append(
                QStringLiteral("{department} : (\"%1\"*)").arg(filter.tokens.join(QStringLiteral("\" AND \""))));
        for (const auto &filter : parsed.locations)
            clauses.append(
                QStringLiteral("{location} : (\"%1\"*)").arg(filter.tokens.join(QStringLiteral("\" AND \""))));
        return clauses.join(QStringLiteral(" AND ")).toUtf8();
    }

    //! Returns the number of matches (from the facet counts).
    int run(const QByteArray &match)
    {
        int rows = 0;
        sqlite3_bind_text(page, 1, match.constData(), int(match.size()), SQLITE_STATIC);
        while (sqlite3_step(page) == SQLITE_ROW)
            ++rows;
        sqlite3_reset(page);
        int total = 0;
        QHash<QByteArray, int> departments;
        QHash<QByteArray, int> locations;
        sqlite3_bind_text(facets, 1, match.constData(), int(match.size()), SQLITE_STATIC);
        while (sqlite3_step(facets) == SQLITE_ROW) {
            const int n = sqlite3_column_int(facets, 2);
            departments[QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(facets, 0)))] += n;
            locations[QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(facets, 1)))] += n;
            total += n;
        }
        sqlite3_reset(facets);
        return total;
    }
};

// The baseline: what a first version without an index would do — LIKE '%term%' over every
// field, first 50 by name, facets over the same WHERE.
double likeScan(sqlite3 *db, const QString &query)
{
    const SearchQuery parsed = SearchQuery::parse(query);
    QStringList where;
    QList<QByteArray> values;
    for (const auto &term : parsed.terms) {
        where.append(
            QStringLiteral(
                "(p.display_name LIKE ?%1 OR p.username LIKE ?%1 OR p.title LIKE ?%1 OR p.department LIKE ?%1 OR "
                "p.location LIKE ?%1 OR p.bio LIKE ?%1 OR EXISTS (SELECT 1 FROM skills s WHERE s.local_id = p.local_id "
                "AND s.name LIKE ?%1) OR EXISTS (SELECT 1 FROM interests i WHERE i.local_id = p.local_id AND i.text "
                "LIKE ?%1))")
                .arg(values.size() + 1));
        values.append('%' + term.folded.toUtf8() + '%');
    }
    if (where.isEmpty())
        where.append(QStringLiteral("1"));
    const QString condition = where.join(QStringLiteral(" AND "));
    QElapsedTimer timer;
    timer.start();
    for (const QString &sql :
         {QStringLiteral("SELECT p.local_id FROM profiles p WHERE %1 ORDER BY p.sort_key LIMIT 50"),
          QStringLiteral("SELECT p.department, p.location, count(*) FROM profiles p WHERE %1 "
                         "GROUP BY 1, 2")}) {
        sqlite3_stmt *statement = nullptr;
        const QByteArray text = sql.arg(condition).toUtf8();
        if (sqlite3_prepare_v2(db, text.constData(), -1, &statement, nullptr) != SQLITE_OK)
            continue;
        for (int i = 0; i < values.size(); ++i)
            sqlite3_bind_text(statement, i + 1, values[i].constData(), int(values[i].size()), SQLITE_STATIC);
        while (sqlite3_step(statement) == SQLITE_ROW) { }
        sqlite3_finalize(statement);
    }
    return msSince(timer);
}

//! One measurement both ways: CPU time of the thread, and wall time.
struct Timing
{
    Stats cpu;
    Stats wall;
    template<typename F>
    void measure(F &&work)
    {
        QElapsedTimer timer;
        const double cpuStart = threadCpuMs();
        timer.start();
        work();
        wall.add(msSince(timer));
        cpu.add(threadCpuMs() - cpuStart);
    }
    void append(const Timing &other)
    {
        cpu.samples.insert(cpu.samples.end(), other.cpu.samples.begin(), other.cpu.samples.end());
        wall.samples.insert(wall.samples.end(), other.wall.samples.begin(), other.wall.samples.end());
    }
};

QString row(const QString &name, int n, const Timing &engine, const Timing &raw, const Timing &like)
{
    auto ratio = [](double a, double b) { return b > 0 ? QString::number(a / b, 'f', 2) : QStringLiteral("-"); };
    auto number = [](const Stats &stats, double p) {
        return stats.samples.empty() ? QStringLiteral("-") : QString::number(stats.percentile(p), 'f', 2);
    };
    return QStringLiteral("%1 %2 | %3 %4 %5 | %6 %7 | %8 %9 | %10 %11 | %12 %13")
        .arg(name, -16)
        .arg(n, 4)
        .arg(number(engine.cpu, 50), 7)
        .arg(number(engine.cpu, 99), 7)
        .arg(engine.cpu.max(), 7, 'f', 2)
        .arg(number(engine.wall, 50), 7)
        .arg(number(engine.wall, 99), 7)
        .arg(number(raw.cpu, 50), 8)
        .arg(number(raw.cpu, 99), 8)
        .arg(ratio(engine.cpu.percentile(50), raw.cpu.percentile(50)), 6)
        .arg(ratio(engine.cpu.percentile(99), raw.cpu.percentile(99)), 6)
        .arg(number(like.cpu, 50), 8)
        .arg(number(like.cpu, 99), 8);
}

//! What the query process does (the options of --query-only).
struct QueryRun
{
    QString dataDir;
    quint64 seed = 1;
    int perClass = 200;
    int likeQueries = 10;
    int rawQueries = 40;
    int rounds = 3;
    bool cold = false; //!< drop the store from the page cache first; report the first searches
    bool dropAll = false; //!< also /proc/sys/vm/drop_caches
    int coldQueries = 100; //!< how many first searches
    QStringList only; //!< just these queries, timed one by one
};

//! The first searches after opening a cold store: one of each class in turn, each run once.
void runColdSearches(SearchEngine &engine, const std::vector<QueryClass> &classes, int count, const QString &dataDir)
{
    std::vector<Timing> byClass(classes.size());
    Timing all;
    double firstWall = -1;
    double firstCpu = -1;
    for (int i = 0; all.wall.samples.size() < size_t(count); ++i) {
        bool any = false;
        for (size_t c = 0; c < classes.size() && all.wall.samples.size() < size_t(count); ++c) {
            if (i >= classes[c].queries.size())
                continue;
            any = true;
            Timing one;
            one.measure([&] { engine.search(classes[c].queries[i], 0, 50); });
            if (firstWall < 0) {
                firstWall = one.wall.samples.front();
                firstCpu = one.cpu.samples.front();
            }
            byClass[c].append(one);
            all.append(one);
        }
        if (!any)
            break;
    }
    out() << "\nfirst " << all.wall.samples.size()
          << " searches after opening the cold store, each once (one query of each class in turn):\n";
    out() << QStringLiteral("%1 %2 | %3 %4 %5 | %6 %7 %8\n")
                 .arg(QStringLiteral("query class"), -16)
                 .arg(QStringLiteral("n"), 4)
                 .arg(QStringLiteral("wall50"), 7)
                 .arg(QStringLiteral("wall99"), 7)
                 .arg(QStringLiteral("wallmax"), 7)
                 .arg(QStringLiteral("cpu p50"), 7)
                 .arg(QStringLiteral("cpu p99"), 7)
                 .arg(QStringLiteral("cpu max"), 7);
    auto line = [](const QString &name, const Timing &t) {
        return QStringLiteral("%1 %2 | %3 %4 %5 | %6 %7 %8\n")
            .arg(name, -16)
            .arg(t.wall.samples.size(), 4)
            .arg(t.wall.percentile(50), 7, 'f', 2)
            .arg(t.wall.percentile(99), 7, 'f', 2)
            .arg(t.wall.max(), 7, 'f', 2)
            .arg(t.cpu.percentile(50), 7, 'f', 2)
            .arg(t.cpu.percentile(99), 7, 'f', 2)
            .arg(t.cpu.max(), 7, 'f', 2);
    };
    for (size_t c = 0; c < classes.size(); ++c)
        out() << line(classes[c].name, byClass[c]);
    out() << line(QStringLiteral("ALL first"), all);
    out() << "the very first search: " << QString::number(firstWall, 'f', 2) << " ms wall, "
          << QString::number(firstCpu, 'f', 2)
          << " ms CPU; store in the page cache after them: " << QString::number(residentPercent(dataDir), 'f', 0)
          << "%\n";
    auto verdict = [](bool ok) { return ok ? QStringLiteral("ok") : QStringLiteral("MISSED"); };
    out() << "cold targets (wall): median <= 5 ms: " << QString::number(all.wall.percentile(50), 'f', 2) << " ms "
          << verdict(all.wall.percentile(50) <= 5)
          << "; p99 <= 20 ms: " << QString::number(all.wall.percentile(99), 'f', 2) << " ms "
          << verdict(all.wall.percentile(99) <= 20) << "\n";
    out().flush();
}

//! --query: the given queries, each five times, one line each (for looking into one query).
void runGivenQueries(SearchEngine &engine, const QStringList &queries)
{
    for (const QString &q : queries) {
        Timing timing;
        SearchPage page;
        for (int i = 0; i < 5; ++i)
            timing.measure([&] { page = engine.search(q, 0, 50); });
        out() << QStringLiteral("%1 | cpu first %2 min %3 p50 %4 | wall p50 %5 | %6 people%7%8\n")
                     .arg(q, -32)
                     .arg(timing.cpu.samples.front(), 7, 'f', 2)
                     .arg(*std::min_element(timing.cpu.samples.begin(), timing.cpu.samples.end()), 7, 'f', 2)
                     .arg(timing.cpu.percentile(50), 7, 'f', 2)
                     .arg(timing.wall.percentile(50), 7, 'f', 2)
                     .arg(page.total, 6)
                     .arg(page.partial ? QStringLiteral(", partial") : QString(),
                          page.correctedQuery.isEmpty()
                              ? QString()
                              : QStringLiteral(", corrected to \"%1\"").arg(page.correctedQuery));
    }
    out().flush();
}

int runQueries(const QueryRun &run)
{
    const QString &dataDir = run.dataDir;
    std::vector<QueryClass> classes;
    if (run.cold) {
        // The queries are drawn from the directory first; then the store is closed and dropped
        // from the page cache, so that opening it and the first searches read from the disk.
        {
            ClientStore store;
            if (!store.open(dataDir)) {
                out() << "cannot open the store: " << store.errorString() << "\n";
                return 1;
            }
            classes = buildQueries(store, run.seed, run.perClass);
        }
        const double before = residentPercent(dataDir);
        const QString how = dropFromPageCache(dataDir, run.dropAll);
        out() << "\ncold store: " << how << "; store in the page cache: " << QString::number(before, 'f', 0)
              << "% before, " << QString::number(residentPercent(dataDir), 'f', 0) << "% after\n";
    }
    const qint64 rssBefore = Load::residentKiB(QCoreApplication::applicationPid());
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = threadCpuMs();
    ClientStore store;
    if (!store.open(dataDir)) {
        out() << "cannot open the store: " << store.errorString() << "\n";
        return 1;
    }
    SearchEngine engine(&store);
    engine.setVocabulary(Vocabulary::defaults());
    if (!engine.prepare()) {
        out() << "cannot prepare the search engine\n";
        return 1;
    }
    const double openMs = msSince(timer);
    const double openCpuMs = threadCpuMs() - cpuStart;
    const qint64 rssOpen = Load::residentKiB(QCoreApplication::applicationPid());
    out() << "\nstore " << QDir(dataDir).filePath(ClientStore::databaseFileName()) << ": " << store.profileCount()
          << " profiles; open + prepare search (per-person table, prefix table, vocabulary) "
          << QString::number(openMs, 'f', 0) << " ms wall, " << QString::number(openCpuMs, 'f', 0) << " ms CPU"
          << (run.cold ? QStringLiteral(" (cold); store in the page cache after: %1%")
                             .arg(QString::number(residentPercent(dataDir), 'f', 0))
                       : QString())
          << "\n";
    out().flush();
    if (!run.only.isEmpty()) {
        runGivenQueries(engine, run.only);
        return 0;
    }
    if (run.cold)
        runColdSearches(engine, classes, run.coldQueries, dataDir);
    else
        classes = buildQueries(store, run.seed, run.perClass);
    const int perClass = run.perClass;
    const int likeQueries = run.likeQueries;
    const int rawQueries = run.rawQueries;
    const int rounds = run.rounds;
    Q_UNUSED(perClass)
    RawFts raw(store.handle());

    // Warm-up: one pass through every query (page cache, statement caches).
    for (const QueryClass &c : classes) {
        for (const QString &q : c.queries)
            engine.search(q, 0, 50);
    }

    out() << "\nwarm: every query ran once before the timed passes\n";
    out() << "load average at start: " << loadAverage() << " (" << QThread::idealThreadCount() << " CPUs)\n";
    out() << "latency in ms, CPU time of the thread (cpu) and wall time (wall);\n"
          << "engine = SearchEngine::search(query, 0, 50): page of 50 light rows with reasons + facets over all;\n"
          << "raw FTS5 = the same terms as prefix AND in SQL: bm25 top 50 + one facet GROUP BY pass;\n"
          << "ratio = engine / raw FTS5 (cpu); LIKE = naive LIKE '%term%' scan of every field (cpu)\n\n";
    out() << QStringLiteral("%1 %2 | %3 %4 %5 | %6 %7 | %8 %9 | %10 %11 | %12 %13\n")
                 .arg(QStringLiteral("query class"), -16)
                 .arg(QStringLiteral("n"), 4)
                 .arg(QStringLiteral("cpu p50"), 7)
                 .arg(QStringLiteral("cpu p99"), 7)
                 .arg(QStringLiteral("cpu max"), 7)
                 .arg(QStringLiteral("wall50"), 7)
                 .arg(QStringLiteral("wall99"), 7)
                 .arg(QStringLiteral("fts p50"), 8)
                 .arg(QStringLiteral("fts p99"), 8)
                 .arg(QStringLiteral("r p50"), 6)
                 .arg(QStringLiteral("r p99"), 6)
                 .arg(QStringLiteral("like p50"), 8)
                 .arg(QStringLiteral("like p99"), 8);

    Timing allPrefix, allPrefixRaw, allPrefixLike, typoEngine, typoRaw, typoLike, everydayEngine, everydayRaw,
        everydayLike;
    int partial = 0;
    int corrected = 0;
    struct Sample
    {
        double cpu;
        double wall;
        const QueryClass *queryClass;
        const QString *query;
    };
    std::vector<Sample> slowest;
    const bool engineOnly = qEnvironmentVariableIsSet("BENCH_SEARCH_ENGINE_ONLY");
    for (const QueryClass &c : classes) {
        Timing engineTiming, rawTiming, likeTiming;
        for (int round = 0; round < rounds; ++round) {
            for (const QString &q : c.queries) {
                SearchPage page;
                engineTiming.measure([&] { page = engine.search(q, 0, 50); });
                slowest.push_back({engineTiming.cpu.samples.back(), engineTiming.wall.samples.back(), &c, &q});
                if (round == 0) {
                    corrected += page.correctedQuery.isEmpty() ? 0 : 1;
                    partial += page.partial ? 1 : 0;
                }
                if (!engineOnly && round == 0 && (&q - c.queries.data()) < rawQueries) {
                    const QByteArray match = RawFts::expression(q);
                    rawTiming.measure([&] { raw.run(match); });
                }
            }
        }
        for (int i = 0; i < std::min<int>(likeQueries, int(c.queries.size())); ++i)
            likeTiming.measure([&] { likeScan(store.handle(), c.queries[i]); });
        out() << row(c.name, int(c.queries.size()), engineTiming, rawTiming, likeTiming) << "\n";
        out().flush();
        (c.everyday ? everydayEngine : c.misspelled ? typoEngine : allPrefix).append(engineTiming);
        (c.everyday ? everydayRaw : c.misspelled ? typoRaw : allPrefixRaw).append(rawTiming);
        (c.everyday ? everydayLike : c.misspelled ? typoLike : allPrefixLike).append(likeTiming);
    }
    out() << row(QStringLiteral("ALL non-typo"), int(allPrefix.cpu.samples.size()), allPrefix, allPrefixRaw,
                 allPrefixLike)
          << "\n";
    out() << row(QStringLiteral("ALL misspelled"), int(typoEngine.cpu.samples.size()), typoEngine, typoRaw, typoLike)
          << "\n";
    out() << row(QStringLiteral("ALL everyday"), int(everydayEngine.cpu.samples.size()), everydayEngine, everydayRaw,
                 everydayLike)
          << "\n";

    std::sort(slowest.begin(), slowest.end(), [](const Sample &l, const Sample &r) { return l.cpu > r.cpu; });
    out() << "\nslowest searches (cpu | wall ms, class, query):\n";
    QSet<const QString *> shown;
    for (const Sample &sample : slowest) {
        if (shown.size() >= 8)
            break;
        if (shown.contains(sample.query))
            continue;
        shown.insert(sample.query);
        out() << "  " << QString::number(sample.cpu, 'f', 2) << " | " << QString::number(sample.wall, 'f', 2) << "  "
              << sample.queryClass->name << "  \"" << *sample.query << "\"\n";
    }

    const qint64 rss = Load::residentKiB(QCoreApplication::applicationPid());
    const qint64 peak = Load::peakResidentKiB(QCoreApplication::applicationPid());
    out() << "\n(n = distinct queries; each ran " << rounds << " times after a warm-up pass. Misspelled queries: raw\n"
          << " FTS5 runs the misspelled terms as typed, having no typo tolerance, so it is only the lookup's floor;\n"
          << " " << corrected << " queries were corrected, " << partial
          << " answered with partial matches. Terms of 1-4 characters use the engine's in-memory prefix\n"
          << " table, so for them raw FTS5 is the engine without it.)\n";
    out() << "\nmemory: RSS " << rssBefore / 1024 << " MB at start, " << rssOpen / 1024 << " MB with the store open, "
          << rss / 1024 << " MB after the queries, peak " << peak / 1024 << " MB\n";

    out() << "\ntargets (100,000 profiles), CPU time | wall time:\n";
    auto verdict = [](bool ok) { return ok ? QStringLiteral("ok") : QStringLiteral("MISSED"); };
    auto line = [&](const char *what, const Stats &cpu, const Stats &wall, double p, double target) {
        out() << "  " << what << QString::number(cpu.percentile(p), 'f', 2) << " ms "
              << verdict(cpu.percentile(p) <= target) << " | " << QString::number(wall.percentile(p), 'f', 2) << " ms "
              << verdict(wall.percentile(p) <= target) << "\n";
    };
    line("prefix queries median <= 5 ms:  ", allPrefix.cpu, allPrefix.wall, 50, 5);
    line("prefix queries p99 <= 20 ms:    ", allPrefix.cpu, allPrefix.wall, 99, 20);
    line("misspelled p99 <= 50 ms:        ", typoEngine.cpu, typoEngine.wall, 99, 50);
    line("everyday words median <= 5 ms:  ", everydayEngine.cpu, everydayEngine.wall, 50, 5);
    line("everyday words p99 <= 20 ms:    ", everydayEngine.cpu, everydayEngine.wall, 99, 20);
    out() << "  RSS with store open <= 150 MB:  " << peak / 1024 << " MB peak " << verdict(peak / 1024 <= 150) << "\n";
    out().flush();
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Benchmark of the client store and search engine: imports a directory (generated, or a given CSV) into a\n"
        "fresh store, then times a varied query mix through SearchEngine against raw FTS5 and a LIKE scan.\n"
        "\n"
        "Directories of another shape than the demo company's:\n"
        "  --generator even   60 skills held by ~10% of people each, 12 cities, syllable names\n"
        "  --generator mixed  international names, a flat skill taxonomy with symbols, long bios\n"
        "  --csv FILE         any CSV in the import-csv format (docs/admin-guide.md), e.g. one written by\n"
        "                     --write-csv FILE or by gen-profiles\n"
        "A cold store (the first searches after login): --cold drops the store's files from the OS page\n"
        "cache (posix_fadvise DONTNEED, no root needed) before opening it and reports the first searches on\n"
        "their own; --drop-caches also empties the whole page cache (root).\n"
        "\n"
        "Examples:\n"
        "  bench-search --people 100000 --data-dir /tmp/bs-demo\n"
        "  bench-search --generator even --write-csv /tmp/even.csv\n"
        "  bench-search --csv /tmp/even.csv --data-dir /tmp/bs-even --import-only\n"
        "  bench-search --data-dir /tmp/bs-even --query-only --cold"));
    parser.addHelpOption();
    const QCommandLineOption people(QStringLiteral("people"), QStringLiteral("Profiles to generate."),
                                    QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Generator seed."), QStringLiteral("S"),
                                  QStringLiteral("1"));
    const QCommandLineOption generator(QStringLiteral("generator"),
                                       QStringLiteral("Generator: demo (the demo company), mixed or even."),
                                       QStringLiteral("NAME"), QStringLiteral("demo"));
    const QCommandLineOption csvOption(QStringLiteral("csv"),
                                       QStringLiteral("Import this people CSV (import-csv format) instead of "
                                                      "generating."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption writeCsv(QStringLiteral("write-csv"),
                                      QStringLiteral("Only generate and write the CSV to FILE (no store, no queries)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Store directory (default: a temporary one)."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption queries(QStringLiteral("queries"), QStringLiteral("Queries per class."),
                                     QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption rounds(QStringLiteral("rounds"), QStringLiteral("Timed passes over the queries."),
                                    QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption like(QStringLiteral("like"), QStringLiteral("LIKE-scan queries per class."),
                                  QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption rawOption(QStringLiteral("raw"), QStringLiteral("Raw FTS5 queries per class."),
                                       QStringLiteral("N"), QStringLiteral("40"));
    const QCommandLineOption queryOnly(QStringLiteral("query-only"),
                                       QStringLiteral("Only run the queries on an existing --data-dir."));
    const QCommandLineOption importOnly(QStringLiteral("import-only"),
                                        QStringLiteral("Only generate and import (no queries)."));
    const QCommandLineOption cold(QStringLiteral("cold"),
                                  QStringLiteral("Drop the store from the OS page cache before opening it and report "
                                                 "the first searches after opening on their own."));
    const QCommandLineOption coldQueries(QStringLiteral("cold-queries"),
                                         QStringLiteral("How many first searches --cold reports."), QStringLiteral("N"),
                                         QStringLiteral("100"));
    const QCommandLineOption dropCaches(QStringLiteral("drop-caches"),
                                        QStringLiteral("With --cold: also empty the whole page cache "
                                                       "(/proc/sys/vm/drop_caches, root only)."));
    const QCommandLineOption only(QStringLiteral("query"),
                                  QStringLiteral("Time just this query (repeatable), five runs each, on --data-dir."),
                                  QStringLiteral("Q"));
    for (const auto &option : {people, seed, generator, csvOption, writeCsv, dataDir, queries, rounds, like, rawOption,
                               queryOnly, importOnly, cold, coldQueries, dropCaches, only})
        parser.addOption(option);
    parser.process(app);

    const quint64 seedValue = parser.value(seed).toULongLong();
    QueryRun run;
    run.dataDir = parser.value(dataDir);
    run.seed = seedValue;
    run.perClass = parser.value(queries).toInt();
    run.likeQueries = parser.value(like).toInt();
    run.rawQueries = parser.value(rawOption).toInt();
    run.rounds = parser.value(rounds).toInt();
    run.cold = parser.isSet(cold) || parser.isSet(dropCaches);
    run.dropAll = parser.isSet(dropCaches);
    run.coldQueries = parser.value(coldQueries).toInt();
    run.only = parser.values(only);
    if (parser.isSet(queryOnly) || !run.only.isEmpty()) {
        if (run.dataDir.isEmpty()) {
            out() << "--query-only and --query need the --data-dir of an imported store\n";
            return 2;
        }
        return runQueries(run);
    }
    const std::optional<Bench::Generator> generatorValue = Bench::generatorNamed(parser.value(generator));
    if (!generatorValue) {
        out() << "unknown --generator " << parser.value(generator) << " (demo, mixed or even)\n";
        return 2;
    }

    const int count = parser.value(people).toInt();
    QElapsedTimer timer;
    timer.start();
    if (parser.isSet(writeCsv)) {
        QString source;
        const QByteArray csv = profilesToCsv(Bench::generateProfiles(*generatorValue, count, seedValue, &source));
        QFile file(parser.value(writeCsv));
        if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size()) {
            out() << "cannot write " << file.fileName() << ": " << file.errorString() << "\n";
            return 1;
        }
        out() << "wrote " << count << " profiles from " << source << " (seed " << seedValue << ") to "
              << file.fileName() << ", " << csv.size() / (1024 * 1024) << " MB, in "
              << QString::number(msSince(timer) / 1000, 'f', 1) << " s\n";
        return 0;
    }

    QTemporaryDir temporary;
    const QString directory = parser.isSet(dataDir) ? parser.value(dataDir) : temporary.path();
    QDir().mkpath(directory);
    for (const QString &path : storeFiles(directory))
        QFile::remove(path);

    QString csvPath = parser.value(csvOption);
    if (csvPath.isEmpty()) {
        QString source;
        QByteArray csv = profilesToCsv(Bench::generateProfiles(*generatorValue, count, seedValue, &source));
        csvPath = QDir(directory).filePath(QStringLiteral("people.csv"));
        QFile file(csvPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size()) {
            out() << "cannot write " << csvPath << "\n";
            return 1;
        }
        out() << "bench-search: " << count << " profiles from " << source << " (seed " << seedValue << "), CSV "
              << csv.size() / (1024 * 1024) << " MB, generated in " << QString::number(msSince(timer) / 1000, 'f', 1)
              << " s\n";
    } else {
        if (!QFileInfo(csvPath).isReadable()) {
            out() << "cannot read " << csvPath << "\n";
            return 1;
        }
        out() << "bench-search: profiles from " << csvPath << ", " << QFileInfo(csvPath).size() / (1024 * 1024)
              << " MB\n";
    }
    out().flush();

    // The import-csv path: read + validate the file, then one transaction into the store.
    timer.restart();
    const double cpu0 = threadCpuMs();
    ProfileCsvResult parsed;
    {
        QFile file(csvPath);
        if (!file.open(QIODevice::ReadOnly)) {
            out() << "cannot read " << csvPath << ": " << file.errorString() << "\n";
            return 1;
        }
        parsed = readProfileCsv(&file);
    }
    const double parseMs = msSince(timer);
    const double cpu1 = threadCpuMs();
    QElapsedTimer writeTimer;
    writeTimer.start();
    {
        ClientStore store;
        if (!store.open(directory)) {
            out() << "cannot open the store: " << store.errorString() << "\n";
            return 1;
        }
        BatchResult result;
        DirectoryBatch batch;
        batch.upserts = std::move(parsed.profiles);
        if (!store.applyBatch(batch, &result)) {
            out() << "import failed: " << store.errorString() << "\n";
            return 1;
        }
    }
    const double writeMs = msSince(writeTimer);
    const double importMs = msSince(timer);
    const double cpu2 = threadCpuMs();
    auto seconds = [](double ms) { return QString::number(ms / 1000, 'f', 2); };
    out() << "load average: " << loadAverage() << " (" << QThread::idealThreadCount() << " CPUs)\n";
    out() << "import: " << parsed.lines.size() << " rows, " << parsed.errors.size() << " rejected\n"
          << "  read + validate CSV:                       " << seconds(cpu1 - cpu0) << " s CPU, " << seconds(parseMs)
          << " s wall\n"
          << "  write store (one transaction, FTS5 index): " << seconds(cpu2 - cpu1) << " s CPU, " << seconds(writeMs)
          << " s wall\n"
          << "  total (target <= 10 s):                    " << seconds(cpu2 - cpu0) << " s CPU "
          << (cpu2 - cpu0 <= 10000 ? "ok" : "MISSED") << ", " << seconds(importMs) << " s wall "
          << (importMs <= 10000 ? "ok" : "MISSED") << "\n";
    const qint64 dbSize = QFileInfo(QDir(directory).filePath(ClientStore::databaseFileName())).size();
    out() << "store file: " << dbSize / (1024 * 1024) << " MB\n";
    out().flush();
    parsed = {};
    if (parser.isSet(importOnly))
        return 0;

    // Queries in a fresh process, so that its memory is what the app would have.
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    QStringList arguments {QStringLiteral("--query-only"),
                           QStringLiteral("--data-dir"),
                           directory,
                           QStringLiteral("--seed"),
                           QString::number(seedValue),
                           QStringLiteral("--queries"),
                           parser.value(queries),
                           QStringLiteral("--rounds"),
                           parser.value(rounds),
                           QStringLiteral("--like"),
                           parser.value(like),
                           QStringLiteral("--raw"),
                           parser.value(rawOption),
                           QStringLiteral("--cold-queries"),
                           parser.value(coldQueries)};
    if (run.cold)
        arguments.append(QStringLiteral("--cold"));
    if (run.dropAll)
        arguments.append(QStringLiteral("--drop-caches"));
    child.start(QCoreApplication::applicationFilePath(), arguments);
    child.waitForFinished(-1);
    return child.exitCode();
}
