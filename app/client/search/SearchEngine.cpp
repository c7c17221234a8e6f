// SPDX-License-Identifier: MIT
#include "client/search/SearchEngine.h"

#include "client/ClientStore.h"
#include "client/Sqlite_p.h"
#include "client/StoreSchema_p.h"
#include "client/search/MatchReasons.h"
#include "client/search/PlanTerm.h"
#include "client/search/PrefixTable.h"
#include "client/search/Ranking.h"
#include "client/search/SearchQuery.h"
#include "client/search/SearchText.h"
#include "client/search/TermDictionary.h"
#include "core/TextFold.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QtAlgorithms>

#include <algorithm>
#include <vector>

Q_LOGGING_CATEGORY(lcSearch, "colleagues.search", QtInfoMsg)

namespace Colleagues {

namespace {

using namespace Ranking;

constexpr int MaxTerms = 16;
// A term matching fewer documents than this is checked for a likely typo.
constexpr int RareTermDocs = 3;

enum PhraseKind : quint8 { ExactPhrase, PrefixPhrase, CorrectedPhrase, FilterPhrase };

//! What colleagues_collect() needs to know about the MATCH expression, and where it writes.
struct CollectPlan
{
    int termCount = 0; //!< terms searched through FTS5 (the long ones)
    struct Phrase
    {
        int term;
        PhraseKind kind;
    };
    std::vector<Phrase> phrases; //!< in the order of the expression (FTS5's phrase numbers)
    std::vector<qint64> rowids; //!< out: the matching rows
    std::vector<TermHit> hits; //!< out: termCount hits per row
};

constexpr const char *CollectPlanType = "colleagues_collect_plan";

//! colleagues_collect(profile_fts, plan): records the current row and, per term, the columns
//! where each kind of phrase matched. One call per matching row; the score is computed in C++.
void collectFunction(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int argc,
                     sqlite3_value **argv)
{
    auto *plan = argc > 0 ? static_cast<CollectPlan *>(sqlite3_value_pointer(argv[0], CollectPlanType)) : nullptr;
    if (!plan) {
        sqlite3_result_error(context, "colleagues_collect needs its plan", -1);
        return;
    }
    plan->rowids.push_back(api->xRowid(fts));
    const size_t base = plan->hits.size();
    plan->hits.resize(base + size_t(plan->termCount));
    TermHit *hits = plan->hits.data() + base;
    const int phraseCount = std::min<int>(api->xPhraseCount(fts), int(plan->phrases.size()));
    for (int p = 0; p < phraseCount; ++p) {
        const CollectPlan::Phrase &phrase = plan->phrases[size_t(p)];
        if (phrase.kind == FilterPhrase)
            continue;
        TermHit &hit = hits[phrase.term];
        quint16 &mask = phrase.kind == ExactPhrase ? hit.exact
            : phrase.kind == PrefixPhrase          ? hit.prefix
                                                   : hit.corrected;
        Fts5PhraseIter iter;
        int column = -1;
        for (api->xPhraseFirstColumn(fts, p, &iter, &column); column >= 0;
             api->xPhraseNextColumn(fts, &iter, &column)) {
            if (column < ColumnCount)
                mask |= quint16(1u << column);
        }
    }
    sqlite3_result_null(context);
}

bool registerCollectFunction(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK)
        return false;
    sqlite3_bind_pointer(statement, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    if (!api || api->iVersion < 2)
        return false;
    return api->xCreateFunction(api, "colleagues_collect", nullptr, collectFunction, nullptr) == SQLITE_OK;
}

// The indexed text of each person, as the prefix table reads it.
#define COLLEAGUES_SEARCH_ROWS                                                                                         \
    "SELECT local_id, name, title, department, location, skills5, skills4, skills3, skills2, skills1, interests, bio " \
    "FROM profile_search "
constexpr const char *AllSearchRows = COLLEAGUES_SEARCH_ROWS "ORDER BY local_id";
constexpr const char *OneSearchRow = COLLEAGUES_SEARCH_ROWS "WHERE local_id = ?1";
#undef COLLEAGUES_SEARCH_ROWS

//! The columns of a profile_search row as the prefix table takes them.
std::array<QByteArrayView, ColumnCount> rowColumns(sqlite3_stmt *row)
{
    std::array<QByteArrayView, ColumnCount> columns;
    for (int column = 0; column < ColumnCount; ++column) {
        columns[size_t(column)] = QByteArrayView(reinterpret_cast<const char *>(sqlite3_column_text(row, column + 1)),
                                                 sqlite3_column_bytes(row, column + 1));
    }
    return columns;
}

QString quoted(const QString &token)
{
    QString out = token;
    out.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

QString skillColumns(int minLevel)
{
    static const char *names[] = {"skills5", "skills4", "skills3", "skills2", "skills1"};
    QString out = QStringLiteral("{");
    for (int level = 5; level >= std::max(1, minLevel); --level) {
        if (out.size() > 1)
            out += QLatin1Char(' ');
        out += QLatin1String(names[5 - level]);
    }
    return out + QLatin1Char('}');
}

struct Match
{
    qint64 localId;
    double value;
    qint32 nameRank;
    quint16 columns = 0; //!< the FTS5 columns any term matched in: the fields to explain
};

bool before(const Match &l, const Match &r)
{
    if (l.value != r.value)
        return l.value > r.value;
    return l.nameRank < r.nameRank;
}

} // namespace

struct SearchEngine::Private
{
    struct Doc
    {
        qint32 department = -1;
        qint32 location = -1;
        qint32 nameRank = -1; //!< -1: no such profile
    };

    ClientStore *store = nullptr;
    sqlite3 *db = nullptr;
    bool collectRegistered = false;

    // The per-person table, indexed by local_id, and the name order.
    std::vector<Doc> docs;
    std::vector<qint64> byName;
    QStringList departmentNames;
    QStringList locationNames;
    // The in-memory prefix table, by local_id (see PrefixTable).
    PrefixTable prefixTable;
    // A hash of each person's indexed text (0: no row), to find who changed after a commit.
    std::vector<quint64> rowHashes;
    int dictionaryStaleDocs = 0; //!< people changed since the term dictionary was loaded whole
    bool docsLoaded = false;
    quint64 loadedGeneration = 0;
    qint64 loadedDataVersion = -1;
    QByteArray loadedIndexState; //!< the FTS5 index's structure record when the tables were loaded

    TermDictionary dictionary;
    bool dictionaryLoaded = false;

    Sql::Statement matchStatement;
    Sql::Statement rowStatement;
    Sql::Statement skillsStatement;
    Sql::Statement interestsStatement;
    Sql::Statement dataVersionStatement;
    Sql::Statement indexStateStatement;

    // The last query's results, reused when the UI fetches the next page.
    struct Cached
    {
        QString key;
        std::vector<Match> matches;
        size_t sorted = 0;
        SearchPage facts; //!< facets, corrections, total, error
        std::vector<PlanTerm> terms;
        SearchQuery query;
        //! Every match in local_id order, facet selections aside, when the query was answered
        //! from the prefix table alone: the candidates of a query that types on from it.
        std::vector<qint64> candidates;
    } cache;

    bool ensureOpen();
    bool ensureFresh();
    bool loadDocs();
    bool loadPrefixTable();
    void setPrefixRow(qint64 id, sqlite3_stmt *row);
    void removePrefixRow(size_t id);
    static quint64 rowHash(sqlite3_stmt *row);
    bool updateChanged();
    bool loadDictionary();
    qint64 dataVersion();
    QByteArray indexState();

    std::vector<PlanTerm> planTerms(const SearchQuery &query, QList<Correction> *corrections);
    QString matchExpression(const SearchQuery &query, const std::vector<PlanTerm> &terms,
                            const std::vector<int> &longTerms, CollectPlan *plan) const;
    bool collect(const SearchQuery &query, const std::vector<PlanTerm> &terms, std::vector<Match> *matches,
                 QString *error, const std::vector<qint64> *within = nullptr);
    SearchResult result(const Match &match, const SearchQuery &query, const std::vector<PlanTerm> &terms);
};

bool SearchEngine::Private::ensureOpen()
{
    if (!store || !store->isOpen()) {
        db = nullptr;
        return false;
    }
    if (db != store->handle()) {
        db = store->handle();
        collectRegistered = registerCollectFunction(db);
        if (!collectRegistered)
            qCWarning(lcSearch) << "cannot register the FTS5 function:" << Sql::errorMessage(db);
        matchStatement.prepare(
            db, "SELECT colleagues_collect(profile_fts, ?1) FROM profile_fts WHERE profile_fts MATCH ?2");
        rowStatement.prepare(db,
                             "SELECT id, username, display_name, title, department, location, time_zone, bio, "
                             "photo_tag FROM profiles WHERE local_id = ?1");
        skillsStatement.prepare(db, "SELECT name, level FROM skills WHERE local_id = ?1 ORDER BY position");
        interestsStatement.prepare(db, "SELECT text FROM interests WHERE local_id = ?1 ORDER BY position");
        dataVersionStatement.prepare(db, "PRAGMA data_version");
        // FTS5 keeps the list of its index segments in record 10 of its data table; every commit
        // that changes the index (any profile written or removed) changes that record.
        indexStateStatement.prepare(db, "SELECT block FROM profile_fts_data WHERE id = 10");
        docsLoaded = false;
        dictionaryLoaded = false;
        cache = {};
    }
    return collectRegistered;
}

QByteArray SearchEngine::Private::indexState()
{
    QByteArray state;
    if (indexStateStatement.next()) {
        sqlite3_stmt *statement = indexStateStatement.handle();
        state = QByteArray(static_cast<const char *>(sqlite3_column_blob(statement, 0)),
                           sqlite3_column_bytes(statement, 0));
    }
    indexStateStatement.reset();
    return state;
}

qint64 SearchEngine::Private::dataVersion()
{
    qint64 version = -1;
    if (dataVersionStatement.next())
        version = dataVersionStatement.int64(0);
    dataVersionStatement.reset();
    return version;
}

bool SearchEngine::Private::ensureFresh()
{
    if (!ensureOpen())
        return false;
    // data_version changes when another connection (the store's worker, another process)
    // commits; the generation when this store object wrote.
    const qint64 version = dataVersion();
    if (docsLoaded && version != loadedDataVersion && store->directoryGeneration() == loadedGeneration) {
        // Messages, the outbox and the sync cursor are committed far more often than the
        // directory: when the index did not change, neither did anything loaded here.
        const QByteArray state = indexState();
        if (!state.isEmpty() && state == loadedIndexState)
            loadedDataVersion = version;
    }
    if (docsLoaded && (version != loadedDataVersion || store->directoryGeneration() != loadedGeneration)) {
        // A few people changed (a sync delta): only they are read again; many: everything.
        loadedDataVersion = version;
        loadedGeneration = store->directoryGeneration();
        loadedIndexState = indexState();
        cache = {};
        if (!updateChanged()) {
            docsLoaded = false;
            dictionaryLoaded = false;
        }
    }
    if (!docsLoaded) {
        loadedDataVersion = version;
        loadedGeneration = store->directoryGeneration();
        loadedIndexState = indexState();
        QElapsedTimer timer;
        timer.start();
        if (!loadDocs())
            return false;
        const qint64 docsNs = timer.nsecsElapsed();
        if (!loadPrefixTable())
            return false;
        qCDebug(lcSearch) << "loaded" << byName.size() << "people:" << docsNs / 1000000 << "ms per-person table,"
                          << (timer.nsecsElapsed() - docsNs) / 1000000 << "ms prefix table";
        docsLoaded = true;
    }
    return true;
}

bool SearchEngine::Private::loadDocs()
{
    docs.clear();
    byName.clear();
    departmentNames.clear();
    locationNames.clear();
    Sql::Statement maxId(db, "SELECT coalesce(max(local_id), 0), count(*) FROM profiles");
    if (!maxId.next())
        return false;
    docs.assign(size_t(maxId.int64(0) + 1), Doc {});
    byName.reserve(size_t(maxId.int64(1)));

    QHash<QString, qint32> departments;
    QHash<QString, qint32> locations;
    auto intern = [](QHash<QString, qint32> &ids, QStringList &names, const QString &value) {
        auto it = ids.constFind(value);
        if (it != ids.constEnd())
            return *it;
        const qint32 id = qint32(names.size());
        names.append(value);
        ids.insert(value, id);
        return id;
    };
    // The covering index profiles_by_name gives the name order without sorting.
    Sql::Statement rows(db,
                        "SELECT local_id, department, location FROM profiles INDEXED BY profiles_by_name "
                        "ORDER BY sort_key, username");
    qint32 rank = 0;
    while (rows.next()) {
        const qint64 id = rows.int64(0);
        if (id < 0 || size_t(id) >= docs.size())
            continue;
        Doc &doc = docs[size_t(id)];
        doc.department = intern(departments, departmentNames, rows.text(1));
        doc.location = intern(locations, locationNames, rows.text(2));
        doc.nameRank = rank++;
        byName.push_back(id);
    }
    if (!rows.ok()) {
        qCWarning(lcSearch) << "cannot load the directory:" << rows.errorMessage();
        return false;
    }
    return true;
}

quint64 SearchEngine::Private::rowHash(sqlite3_stmt *row)
{
    // Column by column, each length first: moving a word between columns changes the hash.
    size_t hash = 0;
    for (int column = 1; column <= ColumnCount; ++column) {
        const void *text = sqlite3_column_blob(row, column);
        const int bytes = sqlite3_column_bytes(row, column);
        hash = qHashMulti(hash, bytes);
        if (bytes > 0)
            hash = qHashBits(text, size_t(bytes), hash);
    }
    return quint64(hash) | 1; // never 0, which means "no row"
}

void SearchEngine::Private::setPrefixRow(qint64 id, sqlite3_stmt *row)
{
    const auto columns = rowColumns(row);
    prefixTable.setPerson(size_t(id), columns);
    rowHashes[size_t(id)] = rowHash(row);
}

void SearchEngine::Private::removePrefixRow(size_t id)
{
    prefixTable.removePerson(id);
    if (id < rowHashes.size())
        rowHashes[id] = 0;
}

bool SearchEngine::Private::loadPrefixTable()
{
    prefixTable.reset(docs.size(), byName.size());
    rowHashes.assign(docs.size(), 0);
    Sql::Statement rows(db, AllSearchRows);
    while (rows.next()) {
        const qint64 id = rows.int64(0);
        if (id < 0 || size_t(id) >= docs.size())
            continue;
        setPrefixRow(id, rows.handle());
    }
    prefixTable.squeeze();
    if (!rows.ok()) {
        qCWarning(lcSearch) << "cannot load the prefix table:" << rows.errorMessage();
        return false;
    }
    return true;
}

bool SearchEngine::Private::updateChanged()
{
    QElapsedTimer timer;
    timer.start();
    // Who changed: a new row, a row whose text hashes differently, a row that is gone.
    const size_t limit = std::max<size_t>(64, byName.size() / 50);
    std::vector<qint64> changed;
    std::vector<char> present(rowHashes.size(), 0);
    {
        Sql::Statement rows(db, AllSearchRows);
        while (rows.next()) {
            const qint64 id = rows.int64(0);
            if (id < 0)
                continue;
            if (size_t(id) < rowHashes.size()) {
                present[size_t(id)] = 1;
                if (rowHashes[size_t(id)] == rowHash(rows.handle()))
                    continue;
            }
            changed.push_back(id);
            if (changed.size() > limit)
                return false;
        }
        if (!rows.ok())
            return false;
    }
    size_t removed = 0;
    for (size_t id = 0; id < rowHashes.size(); ++id)
        removed += rowHashes[id] != 0 && !present[id] ? 1 : 0;
    if (changed.size() + removed > limit)
        return false;
    const qint64 scanNs = timer.nsecsElapsed();

    // The per-person table (name order, facet values) is read again whole; in the prefix table
    // the changed people get new runs, appended.
    if (!loadDocs())
        return false;
    const qint64 docsNs = timer.nsecsElapsed();
    if (docs.size() > prefixTable.people()) {
        // New people beyond the last local_id: empty runs until their text is appended.
        prefixTable.resize(docs.size());
        rowHashes.resize(docs.size(), 0);
    }
    present.resize(rowHashes.size(), 0);
    for (size_t id = 0; id < rowHashes.size(); ++id) {
        if (rowHashes[id] != 0 && !present[id])
            removePrefixRow(id); // gone
    }
    Sql::Statement one(db, OneSearchRow);
    QSet<QString> words;
    for (qint64 id : changed) {
        if (size_t(id) >= docs.size())
            continue;
        one.bind(1, id);
        if (one.next()) {
            setPrefixRow(id, one.handle());
            // Their words, to count again in the dictionary.
            for (int column = 1; column <= ColumnCount && dictionaryLoaded; ++column) {
                for (const QString &word : one.text(column).split(QLatin1Char(' '), Qt::SkipEmptyParts))
                    words.insert(word);
            }
        } else {
            removePrefixRow(size_t(id));
        }
        one.reset();
    }
    if (!one.ok() || prefixTable.needsCompaction())
        return false; // a full load compacts the table
    const qint64 prefixNs = timer.nsecsElapsed();

    // The term dictionary: the changed people's words get their document counts again. Words they
    // no longer use keep a count one too high until the term dictionary is loaded whole again, after
    // as many changes as a full load would have taken.
    if (dictionaryLoaded) {
        dictionaryStaleDocs += int(changed.size() + removed);
        if (size_t(dictionaryStaleDocs) > limit) {
            dictionaryLoaded = false;
        } else {
            Sql::Statement count(db, "SELECT doc FROM profile_vocab WHERE term = ?1");
            for (const QString &word : std::as_const(words)) {
                count.bind(1, word);
                dictionary.setDocs(word, count.next() ? count.integer(0) : 0);
                count.reset();
            }
        }
    }
    qCDebug(lcSearch) << "updated" << changed.size() << "changed and" << removed
                      << "removed people:" << scanNs / 1000000 << "ms to find them," << (docsNs - scanNs) / 1000000
                      << "ms per-person table," << (prefixNs - docsNs) / 1000000 << "ms prefix table,"
                      << (timer.nsecsElapsed() - prefixNs) / 1000000 << "ms term dictionary";
    return true;
}

bool SearchEngine::Private::loadDictionary()
{
    dictionaryStaleDocs = 0;
    QElapsedTimer timer;
    timer.start();
    dictionary.clear();
    Sql::Statement rows(db, "SELECT term, doc FROM profile_vocab");
    while (rows.next())
        dictionary.add(rows.text(0), rows.integer(1));
    dictionary.finish();
    dictionaryLoaded = rows.ok();
    qCDebug(lcSearch) << "loaded the term dictionary," << dictionary.size() << "terms:" << timer.elapsed() << "ms";
    return dictionaryLoaded;
}

std::vector<PlanTerm> SearchEngine::Private::planTerms(const SearchQuery &query, QList<Correction> *corrections)
{
    std::vector<PlanTerm> terms;
    for (const SearchQuery::Term &term : query.terms) {
        if (int(terms.size()) >= MaxTerms)
            break;
        PlanTerm plan {term.folded, term.token, {}, PrefixTable::term(term.token)};
        if (TermDictionary::maxEdits(term.token) > 0 && !SearchText::hasSymbols(term.token)) {
            // The term dictionary answers "how many people does this prefix match" without FTS5,
            // which would merge the doclists of every term with that prefix first.
            if (!dictionaryLoaded)
                loadDictionary();
            const int exactDocs = dictionary.prefixDocs(term.token, RareTermDocs);
            if (exactDocs < RareTermDocs) {
                const auto candidates = dictionary.corrections(term.token, 8);
                for (const TermDictionary::Candidate &candidate : candidates) {
                    // Only the nearest, and only words clearly more common than what was typed.
                    if (candidate.distance != candidates.first().distance || plan.corrections.size() >= 3)
                        break;
                    if (candidate.docs >= 3 * exactDocs)
                        plan.corrections.append(candidate.term);
                }
                if (!plan.corrections.isEmpty())
                    corrections->append(Correction {term.folded, plan.corrections.first(), exactDocs > 0});
            }
        }
        terms.push_back(std::move(plan));
    }
    return terms;
}

QString SearchEngine::Private::matchExpression(const SearchQuery &query, const std::vector<PlanTerm> &terms,
                                               const std::vector<int> &longTerms, CollectPlan *plan) const
{
    QStringList clauses;
    plan->termCount = int(longTerms.size());
    plan->phrases.clear();
    for (int i = 0; i < int(longTerms.size()); ++i) {
        const PlanTerm &term = terms[size_t(longTerms[size_t(i)])];
        QString out =
            QStringLiteral("(") + quoted(term.token) + QStringLiteral(" OR ") + quoted(term.token) + QLatin1Char('*');
        plan->phrases.push_back({i, ExactPhrase});
        plan->phrases.push_back({i, PrefixPhrase});
        for (const QString &correction : term.corrections) {
            out += QStringLiteral(" OR ") + quoted(correction);
            plan->phrases.push_back({i, CorrectedPhrase});
        }
        clauses.append(out + QLatin1Char(')'));
    }
    for (const SearchQuery::SkillFilter &skill : query.skills) {
        clauses.append(skillColumns(query.minLevel) + QStringLiteral(" : ") + quoted(skill.keyToken));
        plan->phrases.push_back({0, FilterPhrase});
    }
    // level>=N with terms is checked on the terms' hits; alone, it asks for any skill.
    if (query.minLevel > 0 && query.skills.isEmpty() && terms.empty()) {
        clauses.append(skillColumns(query.minLevel) + QStringLiteral(" : \"_k\"*"));
        plan->phrases.push_back({0, FilterPhrase});
    }
    auto phraseFilter = [&](const char *column, const SearchQuery::PhraseFilter &filter) {
        QStringList words;
        for (qsizetype i = 0; i < filter.tokens.size(); ++i) {
            words.append(quoted(filter.tokens[i]) + (i + 1 == filter.tokens.size() ? QStringLiteral("*") : QString()));
            plan->phrases.push_back({0, FilterPhrase});
        }
        clauses.append(QStringLiteral("{%1} : (%2)").arg(QLatin1String(column), words.join(QStringLiteral(" AND "))));
    };
    for (const auto &filter : query.departments)
        phraseFilter("department", filter);
    for (const auto &filter : query.locations)
        phraseFilter("location", filter);
    return clauses.join(QStringLiteral(" AND "));
}

bool SearchEngine::Private::collect(const SearchQuery &query, const std::vector<PlanTerm> &terms,
                                    std::vector<Match> *matches, QString *error, const std::vector<qint64> *within)
{
    matches->clear();
    if (query.isEmpty()) {
        matches->reserve(byName.size());
        for (size_t rank = 0; rank < byName.size(); ++rank)
            matches->push_back(Match {byName[rank], 0.0, qint32(rank), 0});
        return true;
    }
    // Short terms (1 to 4 characters, the expensive ones for FTS5: they match most people) are
    // looked up in the in-memory prefix table; longer ones, corrections and filters in FTS5.
    std::vector<int> shortTerms;
    std::vector<int> longTerms;
    for (int i = 0; i < int(terms.size()); ++i)
        (terms[size_t(i)].shortTerm.isValid() && terms[size_t(i)].corrections.isEmpty() ? shortTerms : longTerms)
            .push_back(i);
    // The longest short term first: it rejects most people soonest.
    std::stable_sort(shortTerms.begin(), shortTerms.end(), [&](int l, int r) {
        return terms[size_t(l)].shortTerm.length > terms[size_t(r)].shortTerm.length;
    });
    const quint16 levelMask = query.minLevel > 0 && query.skills.isEmpty() ? skillColumnMask(query.minLevel) : 0;
    std::vector<TermHit> hits(terms.size());

    auto consider = [&](qint64 id, const TermHit *longHits) {
        const Doc &doc = docs[size_t(id)];
        for (size_t i = 0; i < longTerms.size(); ++i)
            hits[size_t(longTerms[i])] = longHits[i];
        for (int t : shortTerms) {
            const PrefixTable::Hit hit = prefixTable.lookup(size_t(id), terms[size_t(t)].shortTerm);
            hits[size_t(t)] = TermHit {hit.exact, hit.prefix, 0};
            if (!hits[size_t(t)].any())
                return;
        }
        double value = 0;
        if (scoreDocument(hits.data(), int(hits.size()), levelMask, &value) || terms.empty()) {
            quint16 columns = 0;
            for (const TermHit &hit : hits)
                columns |= hit.any();
            matches->push_back(Match {id, value, doc.nameRank, columns});
        }
    };

    // level>=N with terms is checked on their hits; everything else that is not short needs FTS5.
    const bool needsFts = !longTerms.empty() || !query.skills.isEmpty() || !query.departments.isEmpty()
        || !query.locations.isEmpty() || (query.minLevel > 0 && terms.empty());
    if (!needsFts && within) {
        // The query types on from the last one: only its matches can match.
        matches->reserve(within->size());
        for (qint64 id : *within) {
            if (size_t(id) < docs.size() && docs[size_t(id)].nameRank >= 0)
                consider(id, nullptr);
        }
        return true;
    }
    if (!needsFts) {
        // By local_id: the prefix table is read front to back. A short term matches much of
        // the directory (one letter: most of it).
        matches->reserve(byName.size());
        for (size_t id = 0; id < docs.size(); ++id) {
            if (docs[id].nameRank >= 0)
                consider(qint64(id), nullptr);
        }
        return true;
    }

    CollectPlan plan;
    const QString expression = matchExpression(query, terms, longTerms, &plan);
    plan.rowids.reserve(4096);
    matchStatement.bindPointer(1, &plan, CollectPlanType);
    matchStatement.bind(2, expression);
    while (matchStatement.next()) { }
    const bool ok = matchStatement.ok();
    if (!ok)
        *error = QStringLiteral("search failed: %1").arg(matchStatement.errorMessage());
    matchStatement.reset();
    if (!ok) {
        qCWarning(lcSearch) << *error << expression;
        return false;
    }
    for (size_t row = 0; row < plan.rowids.size(); ++row) {
        const qint64 id = plan.rowids[row];
        if (id < 0 || size_t(id) >= docs.size() || docs[size_t(id)].nameRank < 0)
            continue; // changed after the table was loaded; the next search reloads
        consider(id, plan.hits.data() + row * size_t(plan.termCount));
    }
    return true;
}

SearchResult SearchEngine::Private::result(const Match &match, const SearchQuery &query,
                                           const std::vector<PlanTerm> &terms)
{
    SearchResult row;
    row.score = match.value;
    rowStatement.bind(1, match.localId);
    if (!rowStatement.next()) {
        rowStatement.reset();
        return row;
    }
    row.id = rowStatement.text(0);
    row.username = rowStatement.text(1);
    row.displayName = rowStatement.text(2);
    row.title = rowStatement.text(3);
    row.department = rowStatement.text(4);
    row.location = rowStatement.text(5);
    row.timeZone = rowStatement.text(6);
    MatchReasons::Texts texts;
    texts.bio = rowStatement.text(7);
    row.photoTag = rowStatement.text(8);
    rowStatement.reset();

    // Skills and interests are read only when they can be reasons.
    if ((match.columns & skillColumnMask(1)) || !query.skills.isEmpty()) {
        skillsStatement.bind(1, match.localId);
        while (skillsStatement.next())
            texts.skills.append(Skill {skillsStatement.text(0), skillsStatement.integer(1)});
        skillsStatement.reset();
    }
    if (match.columns & (1u << InterestsColumn)) {
        interestsStatement.bind(1, match.localId);
        while (interestsStatement.next())
            texts.interests.append(interestsStatement.text(0));
        interestsStatement.reset();
    }
    MatchReasons::explain(&row, texts, match.columns, query, terms);
    return row;
}

SearchEngine::SearchEngine(ClientStore *store, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->store = store;
}

SearchEngine::~SearchEngine() = default;

bool SearchEngine::prepare()
{
    if (!d->ensureFresh())
        return false;
    return d->dictionaryLoaded || d->loadDictionary();
}

void SearchEngine::invalidate()
{
    d->docsLoaded = false;
    d->dictionaryLoaded = false;
    d->cache = {};
}

SearchPage SearchEngine::search(const QString &query, int offset, int limit)
{
    SearchRequest request;
    request.query = query;
    request.offset = offset;
    request.limit = limit;
    return search(request);
}

SearchPage SearchEngine::search(const SearchRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    SearchPage page;
    page.query = request.query;
    page.offset = std::max(0, request.offset);
    if (!d->ensureFresh()) {
        page.error = d->store && d->store->isOpen() ? QStringLiteral("the search index is not available")
                                                    : QStringLiteral("the local store is not open");
        return page;
    }

    const QString key = request.query + QChar(0x1F) + request.departments.join(QChar(0x1E)) + QChar(0x1F)
        + request.locations.join(QChar(0x1E));
    Private::Cached &cache = d->cache;
    if (cache.key != key || page.offset == 0) {
        Private::Cached last = std::move(cache);
        cache = {};
        cache.key = key;
        cache.query = SearchQuery::parse(request.query);
        cache.facts.error = cache.query.error;
        cache.terms = d->planTerms(cache.query, &cache.facts.corrections);
        if (!cache.facts.corrections.isEmpty()) {
            QStringList corrected;
            for (const PlanTerm &term : cache.terms)
                corrected.append(term.corrections.isEmpty() ? term.folded : term.corrections.first());
            cache.facts.correctedQuery = corrected.join(QLatin1Char(' '));
        }
        // Typing on ("d", "da", "dat", "data", "data p") narrows the last query: when both are
        // short terms of the prefix table alone and every earlier term is a prefix of the new
        // one in its place, the new matches are among the last ones.
        const bool shortOnly = !cache.query.terms.isEmpty() && cache.query.skills.isEmpty()
            && cache.query.departments.isEmpty() && cache.query.locations.isEmpty()
            && std::all_of(cache.terms.cbegin(), cache.terms.cend(),
                           [](const PlanTerm &t) { return t.shortTerm.isValid() && t.corrections.isEmpty(); });
        bool narrows = shortOnly && !last.candidates.empty() && last.query.minLevel == cache.query.minLevel
            && last.terms.size() <= cache.terms.size();
        for (size_t i = 0; narrows && i < last.terms.size(); ++i)
            narrows = cache.terms[i].token.startsWith(last.terms[i].token);
        std::vector<Match> all;
        QString error;
        if (!d->collect(cache.query, cache.terms, &all, &error, narrows ? &last.candidates : nullptr))
            cache.facts.error = error;
        if (shortOnly && cache.facts.error.isEmpty()) {
            cache.candidates.reserve(all.size());
            for (const Match &match : all)
                cache.candidates.push_back(match.localId);
        }

        // Facet selections: each dimension's counts ignore its own selection.
        auto selection = [](const QStringList &wanted, const QStringList &names) {
            std::vector<char> allowed;
            if (wanted.isEmpty())
                return allowed;
            allowed.assign(size_t(names.size()), 0);
            for (qsizetype i = 0; i < names.size(); ++i)
                allowed[size_t(i)] = wanted.contains(names[i]) ? 1 : 0;
            return allowed;
        };
        const std::vector<char> departmentOk = selection(request.departments, d->departmentNames);
        const std::vector<char> locationOk = selection(request.locations, d->locationNames);
        std::vector<int> departmentCounts(size_t(d->departmentNames.size()), 0);
        std::vector<int> locationCounts(size_t(d->locationNames.size()), 0);
        cache.matches.reserve(departmentOk.empty() && locationOk.empty() ? 0 : all.size());
        for (const Match &match : all) {
            const Private::Doc &doc = d->docs[size_t(match.localId)];
            const bool dOk = departmentOk.empty() || departmentOk[size_t(doc.department)];
            const bool lOk = locationOk.empty() || locationOk[size_t(doc.location)];
            if (lOk)
                ++departmentCounts[size_t(doc.department)];
            if (dOk)
                ++locationCounts[size_t(doc.location)];
            if (dOk && lOk && !(departmentOk.empty() && locationOk.empty()))
                cache.matches.push_back(match);
        }
        if (departmentOk.empty() && locationOk.empty())
            cache.matches = std::move(all);
        auto facets = [](const std::vector<int> &counts, const QStringList &names) {
            QList<FacetCount> out;
            for (size_t i = 0; i < counts.size(); ++i) {
                if (counts[i] > 0 && !names[qsizetype(i)].isEmpty())
                    out.append(FacetCount {names[qsizetype(i)], counts[i]});
            }
            std::sort(out.begin(), out.end(), [](const FacetCount &l, const FacetCount &r) {
                return l.count != r.count ? l.count > r.count : l.value < r.value;
            });
            return out;
        };
        cache.facts.departments = facets(departmentCounts, d->departmentNames);
        cache.facts.locations = facets(locationCounts, d->locationNames);
        cache.facts.total = int(cache.matches.size());
    }

    const size_t end = std::min(cache.matches.size(), size_t(page.offset) + size_t(std::max(0, request.limit)));
    if (end > cache.sorted) {
        std::partial_sort(cache.matches.begin(), cache.matches.begin() + qsizetype(end), cache.matches.end(), before);
        cache.sorted = end;
    }
    page.total = cache.facts.total;
    page.departments = cache.facts.departments;
    page.locations = cache.facts.locations;
    page.corrections = cache.facts.corrections;
    page.correctedQuery = cache.facts.correctedQuery;
    page.error = cache.facts.error;
    for (size_t i = size_t(page.offset); i < end; ++i)
        page.results.append(d->result(cache.matches[i], cache.query, cache.terms));
    page.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return page;
}

std::optional<Profile> SearchEngine::profile(const QString &id) const
{
    return d->store ? d->store->profile(id) : std::nullopt;
}

QString SearchEngine::syntaxHelp()
{
    return QStringLiteral("Words match the start of words in a person's name, username, title, department,\n"
                          "location, skills, interests and bio; every word must match. Case and accents do not\n"
                          "matter (\"muller\" finds Müller); symbols do (\"c++\", \"c#\", \".net\", \"node.js\",\n"
                          "\"ci/cd\"). A misspelled word is corrected when nothing matches it (\"kubernets\").\n"
                          "Filters:\n"
                          "  skill:NAME        has the skill NAME (skill:rust, skill:\"machine learning\", skill:c++)\n"
                          "  dept:NAME         department contains NAME (dept:\"Data Platform\"); also department:\n"
                          "  location:NAME     location contains NAME (location:berlin); also loc:\n"
                          "  level>=N          a matching skill at level N (1-5) or above; also level:N\n"
                          "Results rank skills (by level) above titles, titles above interests, interests above\n"
                          "the bio; a query that is someone's name puts them first.");
}

} // namespace Colleagues
