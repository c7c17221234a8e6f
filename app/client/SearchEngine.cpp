// SPDX-License-Identifier: MIT
#include "client/SearchEngine.h"

#include "client/ClientStore.h"
#include "client/SearchQuery.h"
#include "client/SearchText.h"
#include "client/Sqlite_p.h"
#include "client/StoreSchema_p.h"
#include "client/TermDictionary.h"
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

// FTS5 columns of profile_fts, in order.
enum Column {
    NameColumn,
    TitleColumn,
    DepartmentColumn,
    LocationColumn,
    Skills5Column,
    Skills4Column,
    Skills3Column,
    Skills2Column,
    Skills1Column,
    InterestsColumn,
    BioColumn,
    ColumnCount
};

// Field weights: skills above title, title above interests, interests above the bio; a skill
// counts more the higher its level. Department and location sit between title and interests.
constexpr double ColumnWeight[ColumnCount] = {10, 6, 4, 4, 13, 12, 11, 10, 9, 3, 1};
// A word equal to the term counts fully; a word that only starts with it (the user is still
// typing, or it is a longer word) less: an exact skill at level 1 still beats a prefix at 5.
constexpr double ExactFactor = 1.0;
constexpr double PrefixFactor = 0.6;
constexpr double CorrectedFactor = 0.9;
// A query whose every term is in someone's name puts that person first.
constexpr double NameBonus = 100;
constexpr double ExactNameBonus = 50;
// Results are ordered by tier first: each term matched without correction adds one tier.
constexpr double TierStep = 1000;
constexpr int MaxTerms = 16;
// A term matching fewer documents than this is checked for a likely typo.
constexpr int RareTermDocs = 3;
// Terms up to this many characters are matched in the in-memory prefix table, not by FTS5.
constexpr int ShortTermLength = 4;

enum PhraseKind : quint8 { ExactPhrase, PrefixPhrase, CorrectedPhrase, FilterPhrase };

//! Where one term matched in one document: a bit per FTS5 column for each kind of match.
struct TermHit
{
    quint16 exact = 0;
    quint16 prefix = 0;
    quint16 corrected = 0;
    quint16 any() const { return exact | prefix | corrected; }
};

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

//! The best column weight in each 11-bit column mask, for each kind of match.
struct WeightTable
{
    float exact[1 << ColumnCount];
    float prefix[1 << ColumnCount];
    float corrected[1 << ColumnCount];

    WeightTable()
    {
        for (int mask = 0; mask < (1 << ColumnCount); ++mask) {
            double best = 0;
            for (int column = 0; column < ColumnCount; ++column) {
                if (mask & (1 << column))
                    best = std::max(best, ColumnWeight[column]);
            }
            exact[mask] = float(best * ExactFactor);
            prefix[mask] = float(best * PrefixFactor);
            corrected[mask] = float(best * CorrectedFactor);
        }
    }
};

const WeightTable &weights()
{
    static const WeightTable table;
    return table;
}

//! The columns of the skills of level \a minLevel and above.
quint16 skillColumnMask(int minLevel)
{
    quint16 mask = 0;
    for (int level = std::max(1, minLevel); level <= 5; ++level)
        mask |= quint16(1u << (Skills5Column + (5 - level)));
    return mask;
}

//! The tiered score of a document from its term hits; false when a term did not match or the
//! level filter is not met.
bool scoreDocument(const TermHit *hits, int count, quint16 levelMask, double *value)
{
    const WeightTable &table = weights();
    double score = 0;
    int exactTerms = 0;
    bool allName = count > 0;
    bool allNameExact = count > 0;
    bool levelOk = levelMask == 0;
    for (int t = 0; t < count; ++t) {
        const TermHit &hit = hits[t];
        const double direct = std::max(table.exact[hit.exact & 0x7FF], table.prefix[hit.prefix & 0x7FF]);
        if (direct > 0) {
            score += direct;
            ++exactTerms;
        } else if (hit.corrected) {
            score += table.corrected[hit.corrected & 0x7FF];
        } else {
            return false;
        }
        allName = allName && (hit.any() & (1u << NameColumn));
        allNameExact = allNameExact && (hit.exact & (1u << NameColumn));
        levelOk = levelOk || (hit.any() & levelMask);
    }
    if (!levelOk)
        return false;
    if (allName && (count > 1 || allNameExact))
        score += NameBonus + (allNameExact ? ExactNameBonus : 0);
    *value = exactTerms * TierStep + score;
    return true;
}

// The in-memory prefix table: for each person, the distinct first four characters of every
// indexed token (a-z, 0-9 and _, six bits each) with the columns they occur in, and the columns
// where the token is exactly those characters. One sorted run of 64-bit entries per person:
// prefix (24 bits) << 22 | columns (11 bits) << 11 | exact columns (11 bits).
constexpr int PrefixShift = 22;
constexpr int OtherChar = 63; //!< a character outside the table's alphabet, after the first
// The indexed text of each person, as the prefix table reads it.
#define COLLEAGUES_SEARCH_ROWS                                                                                         \
    "SELECT local_id, name, title, department, location, skills5, skills4, skills3, skills2, skills1, interests, bio " \
    "FROM profile_search "
constexpr const char *AllSearchRows = COLLEAGUES_SEARCH_ROWS "ORDER BY local_id";
constexpr const char *OneSearchRow = COLLEAGUES_SEARCH_ROWS "WHERE local_id = ?1";
#undef COLLEAGUES_SEARCH_ROWS
constexpr int FirstCharStartShift = 22;
constexpr quint32 FirstCharStartUnknown = 1023; //!< a run too long to say: search all of it

int prefixChar(char16_t c)
{
    if (c >= u'a' && c <= u'z')
        return 1 + (c - u'a');
    if (c >= u'0' && c <= u'9')
        return 27 + (c - u'0');
    if (c == u'_')
        return 37;
    return -1;
}

//! The first character of a table id, and a hash (0-255) of its first two.
int firstCharOf(quint32 prefixId)
{
    return int(prefixId >> (6 * (ShortTermLength - 1)));
}

quint32 pairBit(quint32 prefixId)
{
    const quint32 pair = prefixId >> (6 * (ShortTermLength - 2));
    return (pair * 2654435761u) >> 24;
}

//! The table's id of a query term of 1 to ShortTermLength table characters, or -1.
int shortTermId(QStringView token, int *length)
{
    if (token.isEmpty() || token.size() > ShortTermLength)
        return -1;
    int id = 0;
    for (int i = 0; i < ShortTermLength; ++i) {
        int c = 0;
        if (i < token.size()) {
            c = prefixChar(token[i].unicode());
            if (c < 0)
                return -1;
        }
        id = (id << 6) | c;
    }
    *length = int(token.size());
    return id;
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

//! A term of the query as the engine searches it.
struct PlanTerm
{
    QString folded;
    QString token;
    QStringList corrections;
    int shortId = -1; //!< id in the in-memory prefix table when the term is short, else -1
    int shortLength = 0;
};

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

MatchReason::Kind better(MatchReason::Kind a, MatchReason::Kind b)
{
    return int(a) <= int(b) ? a : b;
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
    // The in-memory prefix table (see PrefixShift): entries of local_id i are
    // prefixEntries[prefixOffsets[i] .. prefixEnds[i]). After a change, the runs of the people
    // who changed are appended (their old runs stay, unused, until the next full load).
    std::vector<quint32> prefixOffsets;
    std::vector<quint32> prefixEnds;
    size_t unusedEntries = 0;
    std::vector<quint64> prefixEntries;
    // Per person, a quick "cannot match" test before searching their entries: the set of first
    // characters, and a 256-bit set of hashed first-two-characters.
    struct PrefixFilter
    {
        quint64 firstChars = 0;
        quint64 pairs[4] = {};
    };
    std::vector<PrefixFilter> prefixFilters;
    // One-character terms, the most common and most expensive queries (typing starts with one),
    // need no search: per person, one 32-bit entry per first character they have, in character
    // order, found by counting the lower bits of firstChars: columns | exact columns << 11 |
    // where the prefixes with that first character start in the person's run << 22 (longer
    // terms only look there).
    std::vector<quint32> firstCharOffsets;
    std::vector<quint32> firstCharEnds;
    std::vector<quint32> firstCharEntries;
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
    void resetPrefixTable();
    void endPrefixRun(size_t id);
    void appendPrefixRow(qint64 id, sqlite3_stmt *row, std::vector<quint64> &scratch);
    static quint64 rowHash(sqlite3_stmt *row);
    bool updateChanged();
    bool loadDictionary();
    qint64 dataVersion();
    QByteArray indexState();

    TermHit shortHit(qint64 localId, const PlanTerm &term) const;
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

void SearchEngine::Private::appendPrefixRow(qint64 id, sqlite3_stmt *row, std::vector<quint64> &scratch)
{
    // Per person: one raw entry per token, then sorted and merged by prefix id.
    prefixOffsets[size_t(id)] = quint32(prefixEntries.size());
    firstCharOffsets[size_t(id)] = quint32(firstCharEntries.size());
    prefixFilters[size_t(id)] = PrefixFilter {};
    scratch.clear();
    for (int column = 0; column < ColumnCount; ++column) {
        const auto *text = reinterpret_cast<const unsigned char *>(sqlite3_column_text(row, column + 1));
        const int bytes = sqlite3_column_bytes(row, column + 1);
        for (int i = 0; i < bytes;) {
            while (i < bytes && text[i] == ' ')
                ++i;
            const int start = i;
            while (i < bytes && text[i] != ' ')
                ++i;
            const int length = i - start;
            if (length == 0)
                continue;
            const int c0 = prefixChar(text[start]);
            if (c0 < 0)
                continue; // no query of table characters is a prefix of it
            bool exact = length <= ShortTermLength;
            quint64 prefixId = quint64(c0);
            for (int k = 1; k < ShortTermLength; ++k) {
                int c = 0;
                if (k < length) {
                    c = prefixChar(text[start + k]);
                    if (c < 0) {
                        c = OtherChar;
                        exact = false;
                    }
                }
                prefixId = (prefixId << 6) | quint64(c);
            }
            scratch.push_back((prefixId << PrefixShift) | (quint64(1u << column) << 11)
                              | (exact ? quint64(1u << column) : 0));
        }
    }
    std::sort(scratch.begin(), scratch.end());
    PrefixFilter &filter = prefixFilters[size_t(id)];
    int lastFirstChar = -1;
    for (quint64 entry : scratch) {
        const quint32 prefixId = quint32(entry >> PrefixShift);
        filter.firstChars |= quint64(1) << firstCharOf(prefixId);
        const quint32 bit = pairBit(prefixId);
        filter.pairs[bit >> 6] |= quint64(1) << (bit & 63);
        if (!prefixEntries.empty() && prefixEntries.size() > prefixOffsets[size_t(id)]
            && (prefixEntries.back() >> PrefixShift) == (entry >> PrefixShift))
            prefixEntries.back() |= entry;
        else
            prefixEntries.push_back(entry);
        // Entries are sorted by prefix, so those of one first character are adjacent.
        const quint32 columns = quint32((entry >> 11) & 0x7FF);
        const quint32 exact =
            prefixId == (quint32(firstCharOf(prefixId)) << (6 * (ShortTermLength - 1))) ? quint32(entry & 0x7FF) : 0;
        if (firstCharEntries.size() > firstCharOffsets[size_t(id)] && firstCharOf(prefixId) == lastFirstChar) {
            firstCharEntries.back() |= columns | (exact << 11);
        } else {
            // Where this character's run of prefixes starts in the person's entries.
            const quint32 start =
                std::min<quint32>(FirstCharStartUnknown, quint32(prefixEntries.size() - 1 - prefixOffsets[size_t(id)]));
            firstCharEntries.push_back(columns | (exact << 11) | (start << FirstCharStartShift));
        }
        lastFirstChar = firstCharOf(prefixId);
    }
    prefixEnds[size_t(id)] = quint32(prefixEntries.size());
    firstCharEnds[size_t(id)] = quint32(firstCharEntries.size());
    rowHashes[size_t(id)] = rowHash(row);
}

void SearchEngine::Private::resetPrefixTable()
{
    prefixOffsets.assign(docs.size() + 1, 0);
    prefixEnds.assign(docs.size(), 0);
    unusedEntries = 0;
    prefixFilters.assign(docs.size(), PrefixFilter {});
    prefixEntries.clear();
    prefixEntries.reserve(byName.size() * 48);
    firstCharOffsets.assign(docs.size() + 1, 0);
    firstCharEnds.assign(docs.size(), 0);
    firstCharEntries.clear();
    firstCharEntries.reserve(byName.size() * 20);
    rowHashes.assign(docs.size(), 0);
}

void SearchEngine::Private::endPrefixRun(size_t id)
{
    prefixOffsets[id] = quint32(prefixEntries.size());
    firstCharOffsets[id] = quint32(firstCharEntries.size());
    if (id < prefixEnds.size()) {
        prefixEnds[id] = prefixOffsets[id];
        firstCharEnds[id] = firstCharOffsets[id];
        prefixFilters[id] = PrefixFilter {};
        rowHashes[id] = 0;
    }
}

bool SearchEngine::Private::loadPrefixTable()
{
    resetPrefixTable();
    std::vector<quint64> scratch;
    Sql::Statement rows(db, AllSearchRows);
    size_t next = 0;
    while (rows.next()) {
        const qint64 id = rows.int64(0);
        if (id < 0 || size_t(id) >= docs.size())
            continue;
        for (; next < size_t(id); ++next)
            endPrefixRun(next); // no row: an empty run
        appendPrefixRow(id, rows.handle(), scratch);
        next = size_t(id) + 1;
    }
    for (; next <= docs.size(); ++next)
        endPrefixRun(next);
    // Room for the runs of people who change later, without moving the table.
    auto fit = [](auto &entries) {
        std::remove_reference_t<decltype(entries)> fitted;
        fitted.reserve(entries.size() + entries.size() / 50 + 1024);
        fitted.assign(entries.begin(), entries.end());
        entries.swap(fitted);
    };
    fit(prefixEntries);
    fit(firstCharEntries);
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
    if (docs.size() > prefixEnds.size()) {
        // New people beyond the last local_id: empty runs until their text is appended.
        const size_t from = prefixEnds.size();
        prefixOffsets.resize(docs.size() + 1, 0);
        firstCharOffsets.resize(docs.size() + 1, 0);
        prefixEnds.resize(docs.size(), 0);
        firstCharEnds.resize(docs.size(), 0);
        prefixFilters.resize(docs.size(), PrefixFilter {});
        rowHashes.resize(docs.size(), 0);
        for (size_t id = from; id <= docs.size(); ++id)
            endPrefixRun(id);
    }
    present.resize(rowHashes.size(), 0);
    for (size_t id = 0; id < rowHashes.size(); ++id) {
        if (rowHashes[id] != 0 && !present[id]) {
            unusedEntries += prefixEnds[id] - prefixOffsets[id];
            endPrefixRun(id); // gone
        }
    }
    Sql::Statement one(db, OneSearchRow);
    std::vector<quint64> scratch;
    QSet<QString> words;
    for (qint64 id : changed) {
        if (size_t(id) >= docs.size())
            continue;
        unusedEntries += prefixEnds[size_t(id)] - prefixOffsets[size_t(id)];
        one.bind(1, id);
        if (one.next()) {
            appendPrefixRow(id, one.handle(), scratch);
            // Their words, to count again in the dictionary.
            for (int column = 1; column <= ColumnCount && dictionaryLoaded; ++column) {
                for (const QString &word : one.text(column).split(QLatin1Char(' '), Qt::SkipEmptyParts))
                    words.insert(word);
            }
        } else {
            endPrefixRun(size_t(id));
        }
        one.reset();
    }
    if (!one.ok() || unusedEntries > prefixEntries.size() / 10)
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

TermHit SearchEngine::Private::shortHit(qint64 localId, const PlanTerm &term) const
{
    TermHit hit;
    const size_t index = size_t(localId);
    if (index + 1 >= prefixOffsets.size())
        return hit;
    const PrefixFilter &filter = prefixFilters[index];
    const quint64 firstBit = quint64(1) << firstCharOf(quint32(term.shortId));
    if (!(filter.firstChars & firstBit))
        return hit;
    const quint32 rank = quint32(qPopulationCount(filter.firstChars & (firstBit - 1)));
    const quint32 firstEntry = firstCharOffsets[index] + rank;
    const quint32 entry = firstCharEntries[firstEntry];
    if (term.shortLength == 1) {
        hit.prefix = quint16(entry & 0x7FF);
        hit.exact = quint16((entry >> 11) & 0x7FF);
        return hit;
    }
    const quint32 bit = pairBit(quint32(term.shortId));
    if (!(filter.pairs[bit >> 6] & (quint64(1) << (bit & 63))))
        return hit;
    // Only the person's prefixes with the term's first character need looking at.
    auto begin = prefixEntries.begin() + prefixOffsets[index];
    auto end = prefixEntries.begin() + prefixEnds[index];
    const quint32 start = entry >> FirstCharStartShift;
    if (start != FirstCharStartUnknown) {
        if (firstEntry + 1 < firstCharEnds[index]) {
            const quint32 nextStart = firstCharEntries[firstEntry + 1] >> FirstCharStartShift;
            if (nextStart != FirstCharStartUnknown)
                end = begin + nextStart;
        }
        begin += start;
    }
    // The ids starting with the term's characters form one range.
    const int freeBits = 6 * (ShortTermLength - term.shortLength);
    const quint64 low = quint64(term.shortId) << PrefixShift;
    const quint64 high = quint64(term.shortId + (1 << freeBits)) << PrefixShift;
    auto it = begin;
    while (it != end && *it < low)
        ++it;
    for (; it != end && *it < high; ++it) {
        hit.prefix |= quint16((*it >> 11) & 0x7FF);
        if ((*it >> PrefixShift) == quint64(term.shortId))
            hit.exact |= quint16(*it & 0x7FF);
    }
    return hit;
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
        PlanTerm plan {term.folded, term.token, {}};
        plan.shortId = shortTermId(term.token, &plan.shortLength);
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
        (terms[size_t(i)].shortId >= 0 && terms[size_t(i)].corrections.isEmpty() ? shortTerms : longTerms).push_back(i);
    // The longest short term first: it rejects most people soonest.
    std::stable_sort(shortTerms.begin(), shortTerms.end(),
                     [&](int l, int r) { return terms[size_t(l)].shortLength > terms[size_t(r)].shortLength; });
    const quint16 levelMask = query.minLevel > 0 && query.skills.isEmpty() ? skillColumnMask(query.minLevel) : 0;
    std::vector<TermHit> hits(terms.size());

    auto consider = [&](qint64 id, const TermHit *longHits) {
        const Doc &doc = docs[size_t(id)];
        for (size_t i = 0; i < longTerms.size(); ++i)
            hits[size_t(longTerms[i])] = longHits[i];
        for (int t : shortTerms) {
            hits[size_t(t)] = shortHit(id, terms[size_t(t)]);
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

namespace {

//! How \a word matches \a term, or -1.
int wordMatch(const SearchText::Word &word, const PlanTerm &term)
{
    int best = -1;
    auto consider = [&](const QString &token) {
        int kind = -1;
        if (token == term.token)
            kind = int(MatchReason::Kind::Exact);
        else if (token.startsWith(term.token))
            kind = int(MatchReason::Kind::Prefix);
        else if (term.corrections.contains(token))
            kind = int(MatchReason::Kind::Corrected);
        if (kind >= 0 && (best < 0 || kind < best))
            best = kind;
    };
    consider(word.token);
    for (const QString &part : word.parts)
        consider(part);
    return best;
}

//! The span of \a word that \a term covers: the typed prefix for a prefix match of a plain
//! word, else the whole word.
MatchSpan spanOf(QStringView text, const SearchText::Word &word, const PlanTerm &term, MatchReason::Kind kind)
{
    MatchSpan span {int(word.start), int(word.length)};
    if (kind != MatchReason::Kind::Prefix || !word.token.startsWith(term.token))
        return span;
    const QStringView original = text.mid(word.start, word.length);
    if (word.folded.size() != original.size())
        return span;
    // Find how many folded characters the typed prefix covers.
    for (qsizetype n = 1; n <= word.folded.size(); ++n) {
        if (SearchText::encode(QStringView(word.folded).left(n)).size() >= term.token.size()) {
            span.length = int(n);
            break;
        }
    }
    return span;
}

struct FieldMatch
{
    bool matched = false;
    MatchReason::Kind kind = MatchReason::Kind::Corrected;
    QList<MatchSpan> spans;
    QStringList terms;
};

FieldMatch matchField(QStringView text, const std::vector<PlanTerm> &terms)
{
    FieldMatch result;
    if (text.isEmpty() || terms.empty())
        return result;
    const auto words = SearchText::words(text);
    for (const SearchText::Word &word : words) {
        for (const PlanTerm &term : terms) {
            const int kind = wordMatch(word, term);
            if (kind < 0)
                continue;
            const auto k = MatchReason::Kind(kind);
            result.kind = result.matched ? better(result.kind, k) : k;
            result.matched = true;
            const MatchSpan span = spanOf(text, word, term, k);
            if (!result.spans.contains(span))
                result.spans.append(span);
            if (!result.terms.contains(term.folded))
                result.terms.append(term.folded);
        }
    }
    return result;
}

bool phraseFilterMatches(QStringView text, const SearchQuery::PhraseFilter &filter)
{
    const auto words = SearchText::words(text);
    for (qsizetype i = 0; i < filter.tokens.size(); ++i) {
        const bool last = i + 1 == filter.tokens.size();
        const bool found = std::any_of(words.cbegin(), words.cend(), [&](const SearchText::Word &word) {
            return last ? word.token.startsWith(filter.tokens[i]) : word.token == filter.tokens[i];
        });
        if (!found)
            return false;
    }
    return true;
}

} // namespace

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
    const QString bio = rowStatement.text(7);
    row.photoTag = rowStatement.text(8);
    rowStatement.reset();

    auto addField = [&](const char *field, const QString &text, const QString &value = QString(), int level = 0) {
        FieldMatch found = matchField(text, terms);
        if (!found.matched)
            return found;
        MatchReason reason;
        reason.field = QLatin1String(field);
        reason.value = value;
        reason.level = level;
        reason.kind = found.kind;
        reason.spans = found.spans;
        reason.terms = found.terms;
        row.reasons.append(reason);
        return found;
    };

    // Only the fields whose columns matched are split into words again.
    auto matched = [&](int column) { return (match.columns >> column) & 1; };
    if (matched(NameColumn)) {
        addField("name", row.displayName);
        addField("username", row.username);
    }
    if (matched(TitleColumn))
        addField("title", row.title);
    const FieldMatch department = matched(DepartmentColumn) ? addField("department", row.department) : FieldMatch {};
    const FieldMatch location = matched(LocationColumn) ? addField("location", row.location) : FieldMatch {};
    const bool skillsMatched = (match.columns & skillColumnMask(1)) || !query.skills.isEmpty();

    skillsStatement.bind(1, match.localId);
    while (skillsMatched && skillsStatement.next()) {
        const QString name = skillsStatement.text(0);
        const int level = skillsStatement.integer(1);
        FieldMatch found = matchField(name, terms);
        const bool filtered = std::any_of(query.skills.cbegin(), query.skills.cend(), [&](const auto &filter) {
            return SearchText::skillKeyToken(name) == filter.keyToken;
        });
        if (found.matched && query.minLevel > 0 && query.skills.isEmpty() && level < query.minLevel)
            found.matched = false; // matched, but below the level asked for
        if (!found.matched && !filtered)
            continue;
        MatchReason reason;
        reason.field = QStringLiteral("skill");
        reason.value = name;
        reason.level = level;
        reason.kind = found.matched ? found.kind : MatchReason::Kind::Filter;
        reason.spans = found.spans;
        reason.terms = found.terms;
        row.reasons.append(reason);
        row.matchedSkills.append(MatchedSkill {name, level, found.spans});
    }
    skillsStatement.reset();
    std::stable_sort(row.matchedSkills.begin(), row.matchedSkills.end(),
                     [](const MatchedSkill &l, const MatchedSkill &r) { return l.level > r.level; });

    interestsStatement.bind(1, match.localId);
    while (matched(InterestsColumn) && interestsStatement.next()) {
        const QString interest = interestsStatement.text(0);
        addField("interest", interest, interest);
    }
    interestsStatement.reset();
    if (matched(BioColumn))
        addField("bio", bio);

    // Filters on department and location are reasons too.
    auto addFilter = [&](const char *field, const QString &text, const QList<SearchQuery::PhraseFilter> &filters,
                         bool alreadyMatched) {
        if (alreadyMatched)
            return;
        for (const auto &filter : filters) {
            if (phraseFilterMatches(text, filter)) {
                MatchReason reason;
                reason.field = QLatin1String(field);
                reason.kind = MatchReason::Kind::Filter;
                row.reasons.append(reason);
                return;
            }
        }
    };
    addFilter("department", row.department, query.departments, department.matched);
    addFilter("location", row.location, query.locations, location.matched);
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
                           [](const PlanTerm &t) { return t.shortId >= 0 && t.corrections.isEmpty(); });
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
