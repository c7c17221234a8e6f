// SPDX-License-Identifier: MIT
#include "client/search/SearchEngine.h"

#include "client/ClientStore.h"
#include "client/Sqlite_p.h"
#include "client/StoreSchema_p.h"
#include "client/org/OrgChart.h"
#include "client/search/MatchReasons.h"
#include "client/search/PlanTerm.h"
#include "client/search/PrefixTable.h"
#include "client/search/QueryUnderstanding.h"
#include "client/search/Ranking.h"
#include "client/search/Regions.h"
#include "client/search/SearchQuery.h"
#include "client/search/SearchText.h"
#include "client/search/TermDictionary.h"
#include "client/search/TitleWords.h"
#include "client/sync/SyncSchema_p.h"
#include "core/TextFold.h"
#include "core/Vocabulary.h"

#include <QDataStream>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QIODevice>
#include <QLoggingCategory>
#include <QSet>
#include <QThreadPool>
#include <QTimeZone>
#include <QtAlgorithms>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

Q_LOGGING_CATEGORY(lcSearch, "colleagues.search", QtInfoMsg)

namespace Colleagues {

namespace {

using namespace Ranking;

constexpr int MaxTerms = 16;
// The per-person table is saved again after this many entries of the change log.
constexpr qint64 SaveAfterChanges = 64;
// The format of the saved per-person table ("CPT" and a version).
constexpr quint32 SavedDocsFormat = 0x43505402;
// A term matching fewer documents than this is checked for a likely typo.
constexpr int RareTermDocs = 3;

enum PhraseKind : quint8 { ExactPhrase, KeyPhrase, PrefixPhrase, CorrectedPhrase, RelatedPhrase, FilterPhrase };

//! What colleagues_collect() needs to know about the MATCH expression, and where it writes.
struct CollectPlan
{
    int termCount = 0; //!< terms whose hits are recorded
    struct Phrase
    {
        int term;
        PhraseKind kind;
        bool continues = false; //!< ANDed with the phrase before (a multi-word name): columns of both
    };
    std::vector<Phrase> phrases; //!< in the order of the expression (FTS5's phrase numbers)
    std::vector<qint64> rowids; //!< out: the matching rows, ascending
    std::vector<TermHit> hits; //!< out: termCount hits per row
    bool recordFilters = false; //!< also record the columns of the filters (skill: for experts first)
    std::vector<quint16> filterColumns; //!< out: per row, when recordFilters

    //! True when row \a id matched, with its hits in \a found; ids must be asked for in
    //! ascending order.
    bool find(qint64 id, size_t *cursor, const TermHit **found) const
    {
        while (*cursor < rowids.size() && rowids[*cursor] < id)
            ++*cursor;
        if (*cursor >= rowids.size() || rowids[*cursor] != id)
            return false;
        *found = hits.data() + *cursor * size_t(termCount);
        return true;
    }
};

constexpr const char *CollectPlanType = "colleagues_collect_plan";

void addHit(TermHit &hit, PhraseKind kind, quint16 mask)
{
    switch (kind) {
    case ExactPhrase: hit.exact |= mask; break;
    case KeyPhrase:
        hit.exact |= mask;
        hit.key |= mask;
        break;
    case PrefixPhrase: hit.prefix |= mask; break;
    case CorrectedPhrase: hit.corrected |= mask; break;
    case RelatedPhrase: hit.related |= mask; break;
    case FilterPhrase: break;
    }
}

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
    if (plan->recordFilters)
        plan->filterColumns.push_back(0);
    // A group of phrases (one, or the words of a name) counts in the columns all of them are in.
    quint16 group = 0;
    const CollectPlan::Phrase *groupPhrase = nullptr;
    for (int p = 0; p < phraseCount; ++p) {
        const CollectPlan::Phrase &phrase = plan->phrases[size_t(p)];
        quint16 mask = 0;
        if (phrase.kind != FilterPhrase || plan->recordFilters) {
            Fts5PhraseIter iter;
            int column = -1;
            for (api->xPhraseFirstColumn(fts, p, &iter, &column); column >= 0;
                 api->xPhraseNextColumn(fts, &iter, &column)) {
                if (column < ColumnCount)
                    mask |= quint16(1u << column);
            }
        }
        if (phrase.kind == FilterPhrase) {
            if (plan->recordFilters)
                plan->filterColumns.back() |= mask;
            continue;
        }
        if (phrase.continues) {
            group &= mask;
            continue;
        }
        if (groupPhrase)
            addHit(hits[groupPhrase->term], groupPhrase->kind, group);
        groupPhrase = &phrase;
        group = mask;
    }
    if (groupPhrase)
        addHit(hits[groupPhrase->term], groupPhrase->kind, group);
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

//! Asks the OS to read the store's files into its page cache (readahead), on a pool thread:
//! after a cold start the first searches then find the rows of a page and the FTS5 doclists in
//! memory instead of waiting for the disk a page at a time. The kernel reads at most a few MB per
//! request and a request waits for the disk's queue, hence chunks, off the caller's thread. Up
//! to 1 GiB; the page cache, not this process, holds it.
void prefetch(const QString &databasePath)
{
#ifdef Q_OS_LINUX
    const QByteArray path = QFile::encodeName(databasePath);
    QThreadPool::globalInstance()->start([path] {
        for (const QByteArray &file : {path, path + "-wal"}) {
            const int fd = ::open(file.constData(), O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                continue;
            constexpr off_t Chunk = off_t(4) << 20;
            const off_t size = std::min<off_t>(lseek(fd, 0, SEEK_END), off_t(1) << 30);
            for (off_t offset = 0; offset < size; offset += Chunk)
                posix_fadvise(fd, offset, Chunk, POSIX_FADV_WILLNEED);
            ::close(fd);
        }
    });
#else
    Q_UNUSED(databasePath)
#endif
}

struct Match
{
    qint64 localId;
    double value;
    qint32 nameRank;
    quint16 columns = 0; //!< the FTS5 columns any term matched in: the fields to explain
    quint16 missing = 0; //!< in a partial result, a bit per term it does not match (MaxTerms 16)
    quint8 skillLevel = 0; //!< the level of the best skill a term or skill: matched; 0: none
    //! A bit per term that ranks first where it matches (PlanTerm::preferred) and matched here.
    quint16 preferredFound = 0;
};

//! Department or location names, interned by their UTF-8 bytes (the per-person table holds ids).
struct FacetValues
{
    struct Hash
    {
        using is_transparent = void;
        size_t operator()(std::string_view value) const { return std::hash<std::string_view> {}(value); }
    };
    QStringList *names;
    std::unordered_map<std::string, qint32, Hash, std::equal_to<>> ids;

    void clear()
    {
        names->clear();
        ids.clear();
    }
    void add(const QString &name)
    {
        ids.emplace(name.toStdString(), qint32(names->size()));
        names->append(name);
    }
    //! The id of the text in \a column of \a row.
    qint32 id(sqlite3_stmt *row, int column)
    {
        const std::string_view value(reinterpret_cast<const char *>(sqlite3_column_text(row, column)),
                                     size_t(sqlite3_column_bytes(row, column)));
        const auto it = ids.find(value);
        if (it != ids.end())
            return it->second;
        const qint32 id = qint32(names->size());
        names->append(QString::fromUtf8(value.data(), qsizetype(value.size())));
        ids.emplace(std::string(value), id);
        return id;
    }
};

//! Places asked for as alternatives, some of them regions: "in europe", "emea or apac", "in lagos
//! or europe". People are in the group when they are in any of them.
struct PlaceGroup
{
    QList<const Region *> regions;
    //! Places by name beside a region ("lagos"): each as the folded words a location says it with
    //! (a place of the vocabulary: its name and its other names). Places by name alone are words
    //! of the location column instead.
    QList<QStringList> places;
    friend bool operator==(const PlaceGroup &, const PlaceGroup &) = default;
};

//! Where the words ask people to be, beyond the location column: in regions ("in europe",
//! "emea"), and in the asker's time zone ("in my time zone").
struct Where
{
    //! People are in every group, in any place of one: "emea people in germany or austria" is
    //! {EMEA}, {Germany, Austria}.
    QList<PlaceGroup> regions;
    QList<const Region *> excludedRegions; //!< "not in europe": no one in any of them
    //! "in my time zone", "my team", "my manager", "my department": the asker's (SearchEngine::search()
    //! resolves them).
    QList<QueryUnderstanding::Mine> mine;
    //! "who reports to diego", "diego's team": the name's folded words (resolveSomeone()), and
    //! what of theirs is asked for.
    QStringList someone;
    const VocabularyEntry *someoneTitle = nullptr; //!< "who reports to the ceo": whose title it is
    QueryUnderstanding::Theirs theirs = QueryUnderstanding::Theirs::Reports;
    std::optional<bool> outOfOffice; //!< "who is out of office" (true), "not on leave" (false)
    int offset = 0; //!< the asker's offset from UTC now, in seconds, for "in my time zone"
    QString department; //!< the asker's department, which every result is in
    QString location; //!< "near me": the asker's location, which every result is at
    qint64 asker = -1; //!< "near me": the asker's local id, whom the results leave out
    bool asks(QueryUnderstanding::Mine kind) const { return mine.contains(kind); }
    bool sameTimeZone() const { return asks(QueryUnderstanding::Mine::TimeZone); }
    bool any() const
    {
        return !regions.isEmpty() || !excludedRegions.isEmpty() || sameTimeZone() || !department.isEmpty()
            || !location.isEmpty();
    }
    friend bool operator==(const Where &, const Where &) = default;
};

//! The name \a person (a Profile, an OrgPerson) goes by: the display name, else the username.
template<typename Person>
QString shownName(const Person &person)
{
    return person.displayName.isEmpty() ? person.username : person.displayName;
}

//! "UTC+01:00", "UTC-03:30", "UTC".
QString utcOffsetText(int seconds)
{
    if (seconds == 0)
        return QStringLiteral("UTC");
    const int minutes = std::abs(seconds) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(seconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

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
        qint32 timeZone = -1; //!< into timeZoneNames ("" when the profile names none)
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
    FacetValues departmentIds {&departmentNames, {}};
    FacetValues locationIds {&locationNames, {}};
    QStringList timeZoneNames;
    FacetValues timeZoneIds {&timeZoneNames, {}};
    //! Each of timeZoneNames as QTimeZone knows it, read when a place is first asked for.
    struct Zone
    {
        QTimeZone zone; //!< invalid when the time zone database does not know the name
        QLocale::Territory territory = QLocale::AnyTerritory;
        bool known = false; //!< of an area ("Europe/Berlin"): says where someone is ("UTC" does not)
    };
    std::vector<Zone> zones;
    // The in-memory prefix table, by local_id (see PrefixTable), and everyone's title words in order,
    // loaded with it.
    PrefixTable prefixTable;
    TitleWords titleWords;
    int dictionaryStaleDocs = 0; //!< people changed since the term dictionary was loaded whole
    bool docsLoaded = false;
    //! The last entry of the store's log of changed people (directory_changes) the tables include.
    qint64 loadedChange = -1;
    //! The entry the per-person table saved in the store includes; -1: none saved.
    qint64 savedChange = -1;

    // Loading in steps (SearchEngine::prepareStep()): each table being read keeps its statement
    // open between steps, so that it reads one snapshot of the store. Until the prefix table is
    // complete, short words are searched in FTS5.
    bool loadInSteps = false;
    bool prefixReady = false;
    Sql::Statement prefixRows;
    Sql::Statement dictionaryRows;
    std::vector<qint64> pendingPrefix; //!< changed while the prefix table was loading: read again after
    QSet<QString> pendingWords; //!< words of changed people whose document counts are to be read again

    TermDictionary dictionary;
    bool dictionaryLoaded = false;
    // The words of the directory's names and locations (UTF-8 tokens), for query understanding;
    // words people stopped using stay until the next full load.
    QSet<QByteArray> nameWords;
    QSet<QByteArray> placeWords;
    QSet<QByteArray> looseSkillWords; //!< words of someone's skill of several words ("go" of "Go-to-market")
    Vocabulary vocabulary;

    Sql::Statement matchStatement;
    Sql::Statement titleStatement; //!< one person's title words, before the prefix table has them
    Sql::Statement emailStatement; //!< the usernames of the people whose email address starts so
    Sql::Statement phoneEndStatement; //!< the usernames of the people whose phone number ends so
    Sql::Statement phoneKeyStatement; //!< the usernames of the people with a phone key
    Sql::Statement phoneStartStatement; //!< the usernames of the people whose number starts so
    Sql::Statement rowStatement;
    Sql::Statement skillsStatement;
    Sql::Statement interestsStatement;
    Sql::Statement lastChangeStatement;

    OrgChart *orgChart = nullptr;
    std::unique_ptr<OrgChart> ownOrgChart;
    //! The org chart given (setOrgChart()) or one of its own, refreshed; null when it cannot be read.
    OrgChart *freshOrgChart();

    //! Which departments are under which, as of the change log entry \a change: a department is
    //! under the one most of its people whose manager works elsewhere report to (more than half:
    //! one person reporting across does not move their department).
    struct DepartmentTree
    {
        qint64 change = -1;
        QHash<QString, QString> names; //!< folded name -> as the first profile read writes it
        QHash<QString, QStringList> children; //!< folded name -> folded names of those right under it
        //! Folded: the departments of the people at the top of the organisation, under whom
        //! every other department is; asking for one asks for its own people only.
        QSet<QString> tops;
    } departmentTree;
    //! The departments under the one whose folded name is \a folded, every level, as profiles write
    //! them, by name; empty when there are none, or it is a top one. \a name gets the department's
    //! own name.
    QStringList departmentsUnder(const QString &folded, QString *name);
    //! True when \a folded is the folded name of a department someone leads or is led from.
    bool isDepartment(const QString &folded);
    //! A word for what people do beside nothing but departments ("engineers in finance",
    //! "developers in marketing"): working in one says nothing of what someone does, so the word
    //! is asked for rather than only ranking, and when no one there does it, the closest matches
    //! say so.
    void askRoleBesideDepartments(QList<QueryUnderstanding::Term> *terms);
    //! Reads departmentTree again when the directory changed.
    void freshDepartmentTree();

    // The last query's results, reused when the UI fetches the next page.
    //! Words a title may say, in order, that rank those who have it first.
    struct TitleBonus
    {
        //! The term whose name it is ("product manager"): counts only where the term matched the
        //! title, once a term; past the terms: an expert word the title may have ("senior")
        size_t term;
        TitleWords::Phrase words;
        double bonus;
        //! Past \a term: the words of \a term and this next one, typed together ("security
        //! operations"), which a title or department may say together; counts only where both
        //! matched the title or department, once for the two.
        size_t lastTerm = 0;
        bool together() const { return lastTerm > term; }
    };
    struct Cached
    {
        QString key;
        std::vector<Match> matches;
        size_t sorted = 0;
        SearchPage facts; //!< facets, corrections, total, error, understood, partial
        std::vector<PlanTerm> terms;
        std::vector<PlanTerm> excluded; //!< the terms whose people are left out ("not java", "-java")
        SearchQuery query;
        //! Every match in local_id order, facet selections aside, when the query was answered
        //! from the prefix table alone: the candidates of a query that types on from it.
        std::vector<qint64> candidates;
        //! By local id: available now (online, neither dnd nor out of office), as of the query.
        std::vector<char> available;
        bool preferAvailable = false;
        //! When leaders come first ("who leads the mobile team"), by local id: how many other
        //! matches are under each match (SearchResult::leads), and how they rank (countLeads()).
        std::vector<int> leads;
        std::vector<float> leadership;
        Where where; //!< asked for in words ("in europe", "in my time zone"): every result is there
        std::vector<TitleBonus> titleBonuses;
    } cache;

    //! Who is available now, by local id (the statuses sync keeps in the store).
    std::vector<char> availableNow();
    //! By local id: who is out of office now.
    std::vector<char> outOfOfficeNow();
    //! By local id: the people whose status \a sql (a SELECT of profiles' local ids) finds.
    std::vector<char> peopleByStatus(const char *sql);

    bool ensureOpen();
    bool ensureFresh();
    //! "who leads the mobile team": fills cache.leads and cache.leadership for cache.matches.
    void countLeads();
    //! By local id: who the query's team: and reports: filters keep (all of them at once).
    std::vector<char> orgSelection(const SearchQuery &query, QString *error);
    SkillMap skillMapOfCache(int rows) const;
    bool startLoading();
    bool loadDocs();
    bool loadSavedDocs();
    void saveDocs();
    bool loadPrefixRows(QDeadlineTimer deadline);
    void setPrefixRow(qint64 id, sqlite3_stmt *row);
    bool readPrefixRows(const std::vector<qint64> &ids);
    bool updateChanged(qint64 lastChange);
    bool updateDocs(const std::vector<qint64> &changed);
    bool loadDictionary(QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever));
    bool countPendingWords(QDeadlineTimer deadline);
    qint64 lastChange();

    //! True when an indexed word, or a word of a person changed since the dictionary was read, is
    //! \a token followed by more.
    bool hasLongerWord(const QString &token) const;
    bool isNameWord(const QString &folded) const;
    bool isPlaceWord(const QString &folded) const;
    //! The usernames of the people whose email address starts with \a folded (at most 100).
    QStringList usernamesByEmail(const QString &folded);
    //! The usernames of the people whose phone number is the one \a query's words spell, or ends
    //! with it (at least six digits; at most 100 people); empty when the words are no number.
    QStringList usernamesByPhone(const SearchQuery &query);
    //! True when the title of \a id says \a phrase as written; while the prefix table is loading,
    //! a title it has not read yet is read here.
    bool titleSays(qint64 id, const TitleWords::Phrase &phrase);
    //! Whether the title or department of \a id says \a phrase as written.
    bool titleOrDepartmentSays(qint64 id, const TitleWords::Phrase &phrase);
    //! The terms to search for, and in \a excluded those whose people are left out.
    std::vector<PlanTerm> planTerms(const SearchQuery &query, bool literal, UnderstoodQuery *understood,
                                    Options *options, QList<Correction> *corrections, Where *where,
                                    std::vector<TitleBonus> *titleBonuses, std::vector<PlanTerm> *excluded);
    //! By local id: who is not left out by \a excluded and the query's excluded filters.
    std::vector<char> exclusionSelection(const SearchQuery &query, const std::vector<PlanTerm> &excluded,
                                         QString *error);
    //! By local id: who is where \a where asks (by time zone, or a location that names it).
    std::vector<char> placeSelection(const Where &where);
    //! "my team", "my reports", "my department" of \a asker (empty: the signed-in account) as
    //! filters: org filters in \a query, the department in \a where; says so in \a page.
    void resolveMine(const QString &asker, Where *where, SearchQuery *query, SearchPage *page);
    //! "who reports to diego ramirez", "diego's team", "diego's manager": the people of the one
    //! person the name is (of those called so, for reports and a team, the one people report to)
    //! as a filter in \a query; else an error in \a page.
    void resolveSomeone(Where *where, SearchQuery *query, SearchPage *page);
    QString termClause(const PlanTerm &term, int index, bool typed, bool withRelated, CollectPlan *plan) const;
    QString filterClauses(const SearchQuery &query, bool anyTerms, CollectPlan *plan) const;
    bool runFts(const QString &expression, CollectPlan *plan, QString *error);
    bool collect(const SearchQuery &query, const std::vector<PlanTerm> &terms, const Options &options,
                 const std::vector<TitleBonus> &titleBonuses, bool withRelated, std::vector<Match> *matches,
                 QString *error, const std::vector<qint64> *within = nullptr);
    SearchResult result(const Match &match, const SearchQuery &query, const std::vector<PlanTerm> &terms,
                        const QString &place);
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
        titleStatement.prepare(db, "SELECT title, department FROM profile_search WHERE local_id = ?1");
        // The range of addresses that start with ?1 (lower case), on the profiles_by_email index.
        emailStatement.prepare(db,
                               "SELECT username FROM profiles WHERE lower(email) >= ?1 AND lower(email) < ?2 "
                               "ORDER BY lower(email) LIMIT 100");
        // On the profiles_by_phone index: the keys that start with ?1 (digits; ':' follows '9').
        phoneEndStatement.prepare(db,
                                  "SELECT username FROM profiles WHERE phone_key >= ?1 AND phone_key < ?1 || ':' "
                                  "AND phone_key <> '' LIMIT 100");
        phoneKeyStatement.prepare(db, "SELECT username FROM profiles WHERE phone_key = ?1 AND phone_key <> ''");
        phoneStartStatement.prepare(
            db,
            "SELECT username FROM profiles WHERE phone_digits >= ?1 AND phone_digits < ?1 || ':' "
            "AND phone_digits <> '' ORDER BY phone_digits LIMIT 100");
        rowStatement.prepare(db,
                             "SELECT id, username, display_name, title, department, location, time_zone, bio, "
                             "photo_tag FROM profiles WHERE local_id = ?1");
        skillsStatement.prepare(db, "SELECT name, level FROM skills WHERE local_id = ?1 ORDER BY position");
        interestsStatement.prepare(db, "SELECT text FROM interests WHERE local_id = ?1 ORDER BY position");
        lastChangeStatement.prepare(db, "SELECT coalesce(max(seq), 0) FROM directory_changes");
        docsLoaded = false;
        dictionaryLoaded = false;
        prefixRows = {};
        dictionaryRows = {};
        cache = {};
    }
    return collectRegistered;
}

qint64 SearchEngine::Private::lastChange()
{
    qint64 change = -1;
    if (lastChangeStatement.next())
        change = lastChangeStatement.int64(0);
    lastChangeStatement.reset();
    return change;
}

bool SearchEngine::Private::ensureFresh()
{
    if (!ensureOpen())
        return false;
    if (docsLoaded) {
        // The store logs who changed (a sync delta, another process): only they are read
        // again; when many changed, everything is.
        const qint64 change = lastChange();
        if (change != loadedChange) {
            cache = {};
            if (change < 0 || !updateChanged(change))
                docsLoaded = false;
        }
    }
    if (!docsLoaded && !startLoading())
        return false;
    // Unless prepareStep() loads the prefix table in the background, a search waits for it.
    return loadInSteps || prefixReady || loadPrefixRows(QDeadlineTimer(QDeadlineTimer::Forever));
}

bool SearchEngine::Private::startLoading()
{
    QElapsedTimer timer;
    timer.start();
    // The OS reads the store's files ahead while the tables load (a cold start after login).
    prefetch(store->filePath());
    prefixRows = {};
    dictionaryRows = {};
    pendingPrefix.clear();
    pendingWords.clear();
    prefixReady = false;
    dictionaryLoaded = false;
    // The per-person table as saved at the last start, brought up to date from the change log;
    // else read whole. The log entry is read first: whatever changes while the tables load is
    // logged after it.
    savedChange = -1;
    if (loadSavedDocs()) {
        savedChange = loadedChange;
        const qint64 change = lastChange();
        if (change < 0 || (change != loadedChange && !updateChanged(change)))
            savedChange = -1;
    }
    const qint64 savedNs = timer.nsecsElapsed();
    if (savedChange < 0) {
        loadedChange = lastChange();
        if (loadedChange < 0 || !loadDocs())
            return false;
    }
    docsLoaded = true;
    qCDebug(lcSearch) << "loaded" << byName.size() << "people:" << timer.elapsed() << "ms per-person table"
                      << (savedChange < 0 ? "(read whole," : "(saved,") << savedNs / 1000000
                      << "ms to read the saved one)";
    return true;
}

bool SearchEngine::Private::loadDocs()
{
    docs.clear();
    byName.clear();
    departmentIds.clear();
    locationIds.clear();
    timeZoneIds.clear();
    zones.clear();
    Sql::Statement maxId(db, "SELECT coalesce(max(local_id), 0), count(*) FROM profiles");
    if (!maxId.next())
        return false;
    docs.assign(size_t(maxId.int64(0) + 1), Doc {});
    byName.reserve(size_t(maxId.int64(1)));

    // The covering index profiles_by_name gives the name order without sorting.
    Sql::Statement rows(db,
                        "SELECT local_id, department, location, time_zone FROM profiles INDEXED BY profiles_by_name "
                        "ORDER BY sort_key, username");
    qint32 rank = 0;
    while (rows.next()) {
        const qint64 id = rows.int64(0);
        if (id < 0 || size_t(id) >= docs.size())
            continue;
        Doc &doc = docs[size_t(id)];
        doc.department = departmentIds.id(rows.handle(), 1);
        doc.location = locationIds.id(rows.handle(), 2);
        doc.timeZone = timeZoneIds.id(rows.handle(), 3);
        doc.nameRank = rank++;
        byName.push_back(id);
    }
    if (!rows.ok()) {
        qCWarning(lcSearch) << "cannot load the directory:" << rows.errorMessage();
        return false;
    }
    return true;
}

bool SearchEngine::Private::loadSavedDocs()
{
    static_assert(std::is_trivially_copyable_v<Doc>);
    Sql::Statement saved(db, "SELECT change, data FROM search_tables WHERE name = 'people'");
    if (!saved.next())
        return false;
    const qint64 change = saved.int64(0);
    const QByteArray data = QByteArray::fromRawData(static_cast<const char *>(sqlite3_column_blob(saved.handle(), 1)),
                                                    sqlite3_column_bytes(saved.handle(), 1));
    QDataStream in(data);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 format = 0;
    quint64 count = 0;
    quint64 people = 0;
    in >> format >> count >> people;
    if (in.status() != QDataStream::Ok || format != SavedDocsFormat || people > count
        || count * sizeof(Doc) > quint64(data.size()))
        return false;
    docs.assign(size_t(count), Doc {});
    const qint64 bytes = qint64(count * sizeof(Doc));
    if (in.readRawData(reinterpret_cast<char *>(docs.data()), bytes) != bytes)
        return false;
    QStringList departments;
    QStringList locations;
    QStringList timeZones;
    in >> departments >> locations >> timeZones;
    if (in.status() != QDataStream::Ok)
        return false;
    // Checked as it is read again: every person in range, the name order a permutation.
    byName.assign(size_t(people), -1);
    for (size_t id = 0; id < docs.size(); ++id) {
        const Doc &doc = docs[id];
        if (doc.nameRank < 0)
            continue;
        if (quint64(doc.nameRank) >= people || byName[size_t(doc.nameRank)] >= 0 || doc.department < 0
            || doc.department >= departments.size() || doc.location < 0 || doc.location >= locations.size()
            || doc.timeZone < 0 || doc.timeZone >= timeZones.size())
            return false;
        byName[size_t(doc.nameRank)] = qint64(id);
    }
    if (std::find(byName.begin(), byName.end(), -1) != byName.end())
        return false;
    departmentIds.clear();
    locationIds.clear();
    timeZoneIds.clear();
    zones.clear();
    for (const QString &name : std::as_const(departments))
        departmentIds.add(name);
    for (const QString &name : std::as_const(locations))
        locationIds.add(name);
    for (const QString &name : std::as_const(timeZones))
        timeZoneIds.add(name);
    loadedChange = change;
    return true;
}

void SearchEngine::Private::saveDocs()
{
    QByteArray data;
    {
        QDataStream out(&data, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << SavedDocsFormat << quint64(docs.size()) << quint64(byName.size());
        out.writeRawData(reinterpret_cast<const char *>(docs.data()), qint64(docs.size() * sizeof(Doc)));
        out << departmentNames << locationNames << timeZoneNames;
    }
    // Never waits for the sync writer's lock: saved after a later change instead. Whatever
    // changed since loadedChange is read again from the log at the next start.
    sqlite3_busy_timeout(db, 0);
    Sql::Statement save(db, "INSERT OR REPLACE INTO search_tables(name, change, data) VALUES('people', ?1, ?2)");
    if (save.isValid()) {
        save.bind(1, loadedChange);
        sqlite3_bind_blob(save.handle(), 2, data.constData(), int(data.size()), SQLITE_STATIC);
    }
    if (!save.isValid() || !save.exec())
        qCDebug(lcSearch) << "did not save the per-person table:" << Sql::errorMessage(db);
    sqlite3_busy_timeout(db, StoreSchema::BusyTimeoutMs);
    savedChange = loadedChange;
}

void SearchEngine::Private::setPrefixRow(qint64 id, sqlite3_stmt *row)
{
    const auto columns = rowColumns(row);
    prefixTable.setPerson(size_t(id), columns);
    titleWords.setPerson(size_t(id), columns[TitleColumn], columns[DepartmentColumn]);
    // The tokens of a column, as the index separates them (by single spaces).
    std::vector<QByteArrayView> tokens;
    auto split = [&tokens](QByteArrayView text) {
        tokens.clear();
        SearchText::forEachIndexToken(text, [&tokens](QByteArrayView token) { tokens.push_back(token); });
    };
    // Words of names and locations, for query understanding ("will" is a name; "in lagos" a place).
    auto addWords = [&](QSet<QByteArray> &set, QByteArrayView text) {
        split(text);
        for (QByteArrayView token : tokens)
            set.insert(token.toByteArray());
    };
    addWords(nameWords, columns[NameColumn]);
    addWords(placeWords, columns[LocationColumn]);
    // A skill column is each skill's whole-key token ("_k…") followed by its words.
    for (int column = Skills5Column; column <= Skills1Column; ++column) {
        split(columns[size_t(column)]);
        for (size_t start = 0; start < tokens.size();) {
            size_t end = start + 1;
            while (end < tokens.size() && !tokens[end].startsWith("_k"))
                ++end;
            if (end - start > 2) { // the key and more than one word
                for (size_t i = start + 1; i < end; ++i)
                    looseSkillWords.insert(tokens[i].toByteArray());
            }
            start = end;
        }
    }
}

bool SearchEngine::Private::readPrefixRows(const std::vector<qint64> &ids)
{
    Sql::Statement one(db, OneSearchRow);
    for (qint64 id : ids) {
        one.bind(1, id);
        if (one.next()) {
            setPrefixRow(id, one.handle());
            // Their words, to count again in the term dictionary.
            for (int column = 1; column <= ColumnCount && (dictionaryLoaded || dictionaryRows.isValid()); ++column) {
                for (const QString &word : one.text(column).split(QLatin1Char(' '), Qt::SkipEmptyParts))
                    pendingWords.insert(word);
            }
        } else if (!one.ok()) {
            return false;
        } else {
            prefixTable.removePerson(size_t(id));
            titleWords.removePerson(size_t(id));
        }
        one.reset();
    }
    return true;
}

bool SearchEngine::Private::loadPrefixRows(QDeadlineTimer deadline)
{
    if (!prefixRows.isValid()) {
        prefixTable.reset(docs.size(), byName.size());
        titleWords.reset(docs.size());
        nameWords.clear();
        placeWords.clear();
        looseSkillWords.clear();
        if (!prefixRows.prepare(db, AllSearchRows)) {
            qCWarning(lcSearch) << "cannot read the prefix table:" << Sql::errorMessage(db);
            docsLoaded = false;
            return false;
        }
    }
    while (prefixRows.next()) {
        const qint64 id = prefixRows.int64(0);
        if (id >= 0 && size_t(id) < docs.size())
            setPrefixRow(id, prefixRows.handle());
        if (deadline.hasExpired())
            return true; // the rest in the next step
    }
    const bool ok = prefixRows.ok();
    prefixRows = {};
    if (!ok) {
        qCWarning(lcSearch) << "cannot load the prefix table:" << Sql::errorMessage(db);
        docsLoaded = false;
        return false;
    }
    prefixTable.squeeze();
    prefixReady = true;
    std::vector<qint64> changed;
    changed.swap(pendingPrefix);
    return readPrefixRows(changed);
}

bool SearchEngine::Private::updateChanged(qint64 change)
{
    QElapsedTimer timer;
    timer.start();
    const size_t limit = std::max<size_t>(64, byName.size() / 50);
    // Writing a person logs a delete and an insert: twice as many entries as people, at most.
    if (change < loadedChange || quint64(change - loadedChange) > 2 * limit)
        return false;
    qint64 last = 0;
    const std::optional<std::vector<qint64>> changedIds = StoreSchema::directoryChangesSince(db, loadedChange, &last);
    if (!changedIds)
        return false;
    const std::vector<qint64> &changed = *changedIds;
    if (changed.size() > limit)
        return false;
    loadedChange = last;

    if (!updateDocs(changed))
        return false;
    const qint64 docsNs = timer.nsecsElapsed();
    // In the prefix table the changed people get new runs, appended; while it loads, after it.
    if (prefixReady) {
        if (!readPrefixRows(changed) || prefixTable.needsCompaction())
            return false; // a full load compacts the table
    } else {
        pendingPrefix.insert(pendingPrefix.end(), changed.begin(), changed.end());
        for (qint64 id : changed)
            titleWords.removePerson(size_t(id)); // read again when a search needs it
    }
    // The term dictionary: the changed people's words get their document counts again, after the
    // search (prepareStep()) or before one that needs them. Words they no longer use keep a count
    // one too high until the dictionary is loaded whole again, after as many changes as a full
    // load would have taken.
    if (dictionaryLoaded) {
        dictionaryStaleDocs += int(changed.size());
        if (size_t(dictionaryStaleDocs) > limit) {
            dictionaryLoaded = false;
            pendingWords.clear();
        }
    }
    qCDebug(lcSearch) << "updated" << changed.size() << "changed people:" << docsNs / 1000 << "us per-person table,"
                      << (timer.nsecsElapsed() - docsNs) / 1000 << "us prefix table";
    return true;
}

bool SearchEngine::Private::updateDocs(const std::vector<qint64> &changed)
{
    // Name order key as SQLite sorts it (ORDER BY sort_key, username; binary collation): the
    // UTF-8 bytes, compared as unsigned bytes, a NUL between the two (a shorter sort key first).
    auto nameKey = [](sqlite3_stmt *row, int column) {
        QByteArray key(reinterpret_cast<const char *>(sqlite3_column_text(row, column)),
                       sqlite3_column_bytes(row, column));
        key += '\0';
        key.append(reinterpret_cast<const char *>(sqlite3_column_text(row, column + 1)),
                   sqlite3_column_bytes(row, column + 1));
        return key;
    };
    Sql::Statement one(db,
                       "SELECT department, location, time_zone, sort_key, username FROM profiles WHERE local_id = ?1");
    Sql::Statement key(db, "SELECT sort_key, username FROM profiles WHERE local_id = ?1");
    const qint64 maxChanged = changed.empty() ? -1 : changed.back();
    if (maxChanged >= 0 && size_t(maxChanged) >= docs.size())
        docs.resize(size_t(maxChanged) + 1, Doc {});

    // The changed people leave the name order, and come back in their (new) place.
    std::erase_if(byName, [&](qint64 id) { return std::binary_search(changed.begin(), changed.end(), id); });
    bool ok = true;
    auto keyOf = [&](qint64 id) {
        QByteArray out;
        key.bind(1, id);
        if (key.next())
            out = nameKey(key.handle(), 0);
        else
            ok = false; // gone meanwhile: the next search catches up
        key.reset();
        return out;
    };
    for (qint64 id : changed) {
        Doc &doc = docs[size_t(id)];
        doc = Doc {};
        one.bind(1, id);
        if (one.next()) {
            doc.department = departmentIds.id(one.handle(), 0);
            doc.location = locationIds.id(one.handle(), 1);
            doc.timeZone = timeZoneIds.id(one.handle(), 2);
            const QByteArray mine = nameKey(one.handle(), 3);
            const auto place = std::lower_bound(byName.begin(), byName.end(), mine,
                                                [&](qint64 other, const QByteArray &k) { return keyOf(other) < k; });
            byName.insert(place, id);
            doc.nameRank = 0; // numbered below
        } else if (!one.ok()) {
            ok = false;
        }
        one.reset();
    }
    for (size_t rank = 0; rank < byName.size(); ++rank)
        docs[size_t(byName[rank])].nameRank = qint32(rank);
    return ok;
}

bool SearchEngine::Private::loadDictionary(QDeadlineTimer deadline)
{
    QElapsedTimer timer;
    timer.start();
    if (!dictionaryRows.isValid()) {
        dictionary.clear();
        dictionaryStaleDocs = 0;
        pendingWords.clear();
        if (!dictionaryRows.prepare(db, "SELECT term, doc FROM profile_vocab"))
            return false;
    }
    int read = 0;
    while (dictionaryRows.next()) {
        dictionary.add(dictionaryRows.text(0), dictionaryRows.integer(1));
        if (++read % 64 == 0 && deadline.hasExpired())
            return true; // the rest in the next step
    }
    const bool ok = dictionaryRows.ok();
    dictionaryRows = {};
    if (!ok) {
        qCWarning(lcSearch) << "cannot load the term dictionary:" << Sql::errorMessage(db);
        return false;
    }
    dictionary.finish();
    dictionaryLoaded = true;
    qCDebug(lcSearch) << "loaded the term dictionary," << dictionary.size() << "terms (last step" << timer.elapsed()
                      << "ms)";
    return true;
}

bool SearchEngine::Private::countPendingWords(QDeadlineTimer deadline)
{
    if (pendingWords.isEmpty() || !dictionaryLoaded)
        return true;
    Sql::Statement count(db, "SELECT doc FROM profile_vocab WHERE term = ?1");
    while (!pendingWords.isEmpty() && !deadline.hasExpired()) {
        const QString word = *pendingWords.cbegin();
        pendingWords.erase(pendingWords.cbegin());
        count.bind(1, word);
        dictionary.setDocs(word, count.next() ? count.integer(0) : 0);
        if (!count.ok())
            return false;
        count.reset();
    }
    return true;
}

bool SearchEngine::Private::hasLongerWord(const QString &token) const
{
    if (dictionary.hasLongerTerm(token))
        return true;
    return std::any_of(pendingWords.cbegin(), pendingWords.cend(),
                       [&](const QString &word) { return word.size() > token.size() && word.startsWith(token); });
}

bool SearchEngine::Private::titleSays(qint64 id, const TitleWords::Phrase &phrase)
{
    if (!titleWords.has(size_t(id)) && titleStatement.isValid()) {
        titleStatement.bind(1, id);
        if (titleStatement.next()) {
            auto column = [this](int i) {
                const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(titleStatement.handle(), i));
                return QByteArrayView(text, sqlite3_column_bytes(titleStatement.handle(), i));
            };
            titleWords.setPerson(size_t(id), column(0), column(1));
        }
        titleStatement.reset();
    }
    return titleWords.says(size_t(id), phrase);
}

bool SearchEngine::Private::titleOrDepartmentSays(qint64 id, const TitleWords::Phrase &phrase)
{
    return titleSays(id, phrase) || titleWords.departmentSays(size_t(id), phrase);
}

namespace {

//! Appends the usernames \a statement (bound) selects to \a usernames, each once, and resets it.
void readUsernames(Sql::Statement &statement, QStringList *usernames)
{
    while (statement.next()) {
        if (const QString username = statement.text(0); !usernames->contains(username))
            usernames->append(username);
    }
    if (!statement.ok())
        qCWarning(lcSearch) << "cannot look up people by email address or phone number:" << statement.errorMessage();
    statement.reset();
}

} // namespace

QStringList SearchEngine::Private::usernamesByEmail(const QString &folded)
{
    QStringList usernames;
    if (!emailStatement.isValid())
        return usernames;
    // Addresses are ASCII as a rule, which lower() folds as foldText() does.
    emailStatement.bind(1, folded);
    emailStatement.bind(2, folded + QString(QChar::highSurrogate(0x10FFFF)) + QChar::lowSurrogate(0x10FFFF));
    readUsernames(emailStatement, &usernames);
    return usernames;
}

QStringList SearchEngine::Private::usernamesByPhone(const SearchQuery &query)
{
    // Digits and what numbers are written with ("+49 30 7792-0664", "(415) 555.0100"), no more
    // digits than an international number has.
    QString typed;
    for (const SearchQuery::Term &term : query.terms) {
        for (const QChar c : term.folded) {
            if (c.isDigit())
                typed.append(c);
            else if (c != u'-' && c != u'.' && c != u'/')
                return {};
        }
    }
    if (typed.size() > 15 || !phoneEndStatement.isValid() || !phoneKeyStatement.isValid()
        || !phoneStartStatement.isValid())
        return {};
    QStringList usernames;
    if (const QString key = SearchText::phoneKey(typed); key.size() >= 6) {
        // The numbers that end with it ("7792 0664"; "030 7792 0664" for "+49 30 7792 0664").
        phoneEndStatement.bind(1, key);
        readUsernames(phoneEndStatement, &usernames);
        // The numbers it ends with: a country code typed before a number written without one.
        for (qsizetype length = 6; length < key.size(); ++length) {
            phoneKeyStatement.bind(1, key.left(length));
            readUsernames(phoneKeyStatement, &usernames);
        }
    }
    // A number being typed: the numbers that start so, from its country code on after a "+"
    // ("+44 20"), else from six digits on ("020 7946").
    if (usernames.isEmpty() && typed.size() >= (query.plusFirst ? 2 : 6)) {
        phoneStartStatement.bind(1, typed);
        readUsernames(phoneStartStatement, &usernames);
    }
    return usernames;
}

bool SearchEngine::Private::isNameWord(const QString &folded) const
{
    return nameWords.contains(SearchText::encode(folded).toUtf8());
}

bool SearchEngine::Private::isPlaceWord(const QString &folded) const
{
    return placeWords.contains(SearchText::encode(folded).toUtf8());
}

namespace {

//! The index tokens of a name: its words ("Machine learning" -> machine, learning).
PlanTerm::Group nameTokens(const QString &name)
{
    PlanTerm::Group tokens;
    for (const SearchText::Word &word : SearchText::words(name))
        tokens.append(word.token);
    return tokens;
}

void addGroup(QList<PlanTerm::Group> *groups, const PlanTerm::Group &group)
{
    if (!group.isEmpty() && !groups->contains(group))
        groups->append(group);
}

//! The names of a skill or place as the index has them: each name's words, and for a skill of
//! several words the whole-key token its profiles are indexed with.
QList<PlanTerm::Group> entryGroups(const VocabularyEntry &entry, const QStringList &names)
{
    QList<PlanTerm::Group> groups;
    for (const QString &name : names) {
        const PlanTerm::Group words = nameTokens(name);
        addGroup(&groups, words);
        // A skill of several words is also its whole-key token: "machine learning" as one skill,
        // not two skills that happen to share a level. One word is its own token already.
        if (entry.kind == VocabularyEntry::Kind::Skill && words.size() > 1)
            addGroup(&groups, {SearchText::skillKeyToken(name)});
    }
    return groups;
}

//! Makes \a term find the people of \a usernames too (as exact words: their username tokens).
void addUsernames(PlanTerm *term, const QStringList &usernames)
{
    for (const QString &username : usernames) {
        const QList<SearchText::Word> usernameWords = SearchText::words(username);
        if (usernameWords.size() == 1)
            addGroup(&term->alternatives, {usernameWords.constFirst().token});
    }
}

//! Adds \a key to \a term's whole-skill tokens unless it is there already.
void addSkillKey(PlanTerm *term, const QString &key)
{
    if (!term->skillKeys.contains(key))
        term->skillKeys.append(key);
}

//! Adds the whole-skill tokens of \a entry's names to \a term when it is a skill ("Go",
//! "Golang", "Design systems"), and notes when all the words of one are in someone's skills of
//! several words (\a looseSkillWords): "go" in "Go-to-market", or "design" and "systems" in
//! "Workshop design" and "Recommender systems" — in one column, but not the skill.
void addSkillKeys(PlanTerm *term, const VocabularyEntry &entry, const QSet<QByteArray> &looseSkillWords)
{
    if (entry.kind != VocabularyEntry::Kind::Skill)
        return;
    for (const QString &name : QStringList {entry.canonical} + entry.aliases) {
        const PlanTerm::Group words = nameTokens(name);
        term->looseSkill = term->looseSkill
            || (!words.isEmpty() && std::all_of(words.cbegin(), words.cend(), [&](const QString &word) {
                               return looseSkillWords.contains(word.toUtf8());
                           }));
        addSkillKey(term, SearchText::skillKeyToken(name));
    }
}

//! The entries other than term.entry that the term's words name (as matched: the last word
//! maybe in the singular), places left out.
QList<const VocabularyEntry *> otherEntries(const Vocabulary &vocabulary, const QueryUnderstanding::Term &term)
{
    QList<const VocabularyEntry *> entries = vocabulary.lookup(term.words);
    entries.removeIf([&term](const VocabularyEntry *entry) {
        return entry == term.entry || entry->kind == VocabularyEntry::Kind::Place;
    });
    return entries;
}

//! How departments are told apart: by their folded words ("Finance", "finance" are one).
QString departmentKey(const QString &department)
{
    return SearchText::foldedWords(department).join(u' ');
}

//! The words of each of \a departments, as a group to match in one field.
QList<PlanTerm::Group> departmentGroups(const QStringList &departments)
{
    QList<PlanTerm::Group> groups;
    for (const QString &name : departments)
        addGroup(&groups, nameTokens(name));
    return groups;
}

//! Adds \a term's typed word, corrections and other names to \a into's exact alternatives.
void addAsExact(PlanTerm *into, const PlanTerm &term)
{
    if (!term.token.isEmpty())
        addGroup(&into->alternatives, {term.token});
    for (const QString &correction : term.corrections)
        addGroup(&into->alternatives, {correction});
    for (const PlanTerm::Group &group : term.alternatives)
        addGroup(&into->alternatives, group);
    for (const PlanTerm::Group &group : term.departments)
        addGroup(&into->departments, group);
}

//! \a term as one that only breaks ties: optional, its typed word and corrections matched
//! exactly like its other names (a prefix would rank "Gomez" for "go"), nothing related, no
//! whole-skill tokens (what only breaks ties need not tell a skill from a word of one).
PlanTerm tieBreaker(const PlanTerm &term)
{
    PlanTerm out;
    out.folded = term.folded;
    out.name = term.name;
    out.columns = term.columns;
    out.optional = true;
    addAsExact(&out, term);
    return out;
}

//! "python or go": the terms asked for that are no place become one term that any of them
//! satisfies (the first one's typed word stays a prefix; the others' words, corrections and
//! vocabulary names are its exact alternatives). \a understood names it "Python / Go". Each of
//! them also stays, after the others, as a term that only breaks ties: of two people who know
//! Python as well, the one who knows Go too comes first.
void mergeAlternatives(std::vector<PlanTerm> *terms, UnderstoodQuery *understood)
{
    // understood->terms and ->names have an entry for each term that is no place, in order.
    std::vector<PlanTerm> merged;
    QStringList mergedTerms;
    QStringList mergedNames;
    std::optional<size_t> any; // the merged term's place in merged
    qsizetype anyName = -1; // and in mergedTerms / mergedNames
    QStringList readable; // the alternatives' names as people read them
    std::vector<PlanTerm> tieBreakers;
    bool allKeyed = false; // every alternative is a skill of one word: its words in longer skills rank lower
    qsizetype named = 0;
    for (PlanTerm &term : *terms) {
        const bool place = term.columns == Ranking::LocationColumns;
        const QString readableName = place ? QString() : understood->names.value(named++);
        if (place || term.optional) {
            if (!place) {
                mergedTerms.append(term.name);
                mergedNames.append(readableName);
            }
            merged.push_back(std::move(term));
            continue;
        }
        // "kubernetes or k8s": one thing asked for twice is one alternative.
        if (any && readable.contains(readableName)) {
            addAsExact(&merged[*any], term);
            continue;
        }
        readable.append(readableName);
        tieBreakers.push_back(tieBreaker(term));
        if (!any) {
            allKeyed = !term.skillKeys.isEmpty();
            any = merged.size();
            anyName = mergedTerms.size();
            mergedTerms.append(QString()); // named below, once all are in
            mergedNames.append(QString());
            merged.push_back(std::move(term));
            continue;
        }
        PlanTerm &into = merged[*any];
        into.name += QStringLiteral(" / ") + term.name;
        addAsExact(&into, term);
        for (const PlanTerm::Group &group : std::as_const(term.related))
            addGroup(&into.related, group);
        for (const QString &name : std::as_const(term.relatedNames)) {
            if (!into.relatedNames.contains(name))
                into.relatedNames.append(name);
        }
        for (const QString &key : std::as_const(term.skillKeys))
            addSkillKey(&into, key);
        allKeyed = allKeyed && !term.skillKeys.isEmpty();
        into.looseSkill = into.looseSkill || term.looseSkill;
    }
    if (!any)
        return;
    PlanTerm &into = merged[*any];
    into.complete = false; // several words: none ranks above the others' longer words
    if (!allKeyed)
        into.skillKeys.clear(); // a word of another alternative in a skill is no loose word
    mergedTerms[anyName] = into.name;
    mergedNames[anyName] = readable.join(QStringLiteral(" / "));
    // After every named term, so understood's entries stay theirs; one alone breaks no tie.
    for (PlanTerm &term : tieBreakers) {
        if (tieBreakers.size() < 2 || merged.size() >= size_t(MaxTerms))
            break;
        merged.push_back(std::move(term));
    }
    *terms = std::move(merged);
    understood->terms = mergedTerms;
    understood->names = mergedNames;
    understood->anyOf = true;
}

} // namespace

std::vector<PlanTerm> SearchEngine::Private::planTerms(const SearchQuery &query, bool literal,
                                                       UnderstoodQuery *understood, Options *options,
                                                       QList<Correction> *corrections, Where *where,
                                                       std::vector<TitleBonus> *titleBonuses,
                                                       std::vector<PlanTerm> *excluded)
{
    QStringList words;
    QList<qsizetype> possessives;
    for (const SearchQuery::Term &term : query.terms) {
        if (term.possessive)
            possessives.append(words.size());
        words.append(term.folded);
    }
    excluded->clear();
    // A phone number, as people copy it from a call ("+49 30 7792 0664", "(415) 555-0100"): one
    // term, the people whose number it is, by their usernames. Else its digits are words like any other.
    std::vector<PlanTerm> terms;
    if (const QStringList owners = literal ? QStringList() : usernamesByPhone(query); !owners.isEmpty()) {
        PlanTerm number;
        number.folded = number.name = words.join(QLatin1Char(' '));
        number.byField = QStringLiteral("phone");
        addUsernames(&number, owners);
        understood->terms.append(number.name);
        understood->names.append(number.name);
        terms.push_back(std::move(number));
        words.clear();
    }
    // A slip in a word that asks ("who knws terraform", "anyome in berlin"): the word it meant,
    // when no one has the word as typed, it is no name or term of the vocabulary, and something
    // that is no such word is asked for too.
    QStringList meant; // per word, the word of a question it may be a slip of
    bool somethingAsked = false;
    for (const QString &word : std::as_const(words)) {
        meant.append(QueryUnderstanding::fillerTypo(word));
        somethingAsked = somethingAsked || (meant.constLast().isEmpty() && !QueryUnderstanding::isFillerWord(word));
    }
    for (qsizetype i = 0; !literal && somethingAsked && i < words.size(); ++i) {
        const QString &filler = meant.at(i);
        const VocabularyEntry *entry = nullptr;
        if (filler.isEmpty() || SearchText::hasSymbols(words[i]) || isNameWord(words[i])
            || (!vocabulary.isEmpty() && vocabulary.longestMatch(words, i, &entry) > 0))
            continue;
        if (!dictionaryLoaded)
            loadDictionary();
        countPendingWords(QDeadlineTimer(QDeadlineTimer::Forever));
        if (dictionary.prefixDocs(SearchText::encode(words[i]), 1) > 0)
            continue;
        corrections->append(Correction {words[i], filler, false});
        words[i] = filler;
    }
    const QueryUnderstanding understanding(
        vocabulary.isEmpty() ? nullptr : &vocabulary, [this](const QString &word) { return isNameWord(word); },
        [this](const QString &word) { return isPlaceWord(word); });
    QueryUnderstanding::Result read;
    if (literal) {
        for (const QString &word : std::as_const(words))
            read.terms.append(QueryUnderstanding::Term {{word}});
    } else if (!words.isEmpty()) {
        read = understanding.understand(words, query.hasFilters(), possessives);
    }
    // "-java", "-\"machine learning\"": left out as typed, and as the vocabulary knows them.
    for (const QStringList &excludedWords : query.excluded.words) {
        QueryUnderstanding::Term term {excludedWords};
        const VocabularyEntry *entry = nullptr;
        if (!vocabulary.isEmpty() && vocabulary.longestMatch(excludedWords, 0, &entry) == excludedWords.size())
            term.entry = entry;
        term.excluded = true;
        read.terms.append(term);
    }
    if (!literal)
        askRoleBesideDepartments(&read.terms);
    understood->dropped = read.dropped;
    understood->onlyAsking = read.onlyAsking;
    understood->expertsFirst = read.expertsFirst;
    understood->beginnersFirst = read.beginnersFirst && !read.expertsFirst;
    understood->minLevel = read.minLevel;
    understood->availableFirst = read.availableFirst;
    understood->leadersFirst = read.leadersFirst;
    understood->outOfOffice = read.outOfOffice;
    where->outOfOffice = read.outOfOffice;
    where->mine = read.mine;
    where->someone = read.someone;
    where->someoneTitle = read.someoneTitle;
    where->theirs = read.theirs;
    options->expertsFirst = read.expertsFirst;
    options->beginnersFirst = understood->beginnersFirst;

    //! Names the place asked for; an alternative to the one before joins it ("London / Berlin").
    auto namePlace = [understood](const QueryUnderstanding::Term &term, const QString &name) {
        understood->place =
            term.orPrevious && !understood->place.isEmpty() ? understood->place + QStringLiteral(" / ") + name : name;
    };
    // Places asked for as alternatives with a region ("in lagos or europe") are where a location
    // says them, as the region is (placeSelection()); without one, words of the location column.
    std::vector<char> besideRegion(size_t(read.terms.size()), 0);
    for (qsizetype first = 0; first < read.terms.size();) {
        qsizetype end = first + 1;
        while (end < read.terms.size() && read.terms[end].orPrevious)
            ++end;
        auto asked = [&](auto test) {
            return std::any_of(read.terms.cbegin() + first, read.terms.cbegin() + end,
                               [&](const auto &term) { return term.place && !term.excluded && test(term); });
        };
        if (asked([](const auto &term) { return term.region != nullptr; })
            && asked([](const auto &term) { return term.region == nullptr; }))
            std::fill(besideRegion.begin() + first, besideRegion.begin() + end, 1);
        first = end;
    }
    // The word being typed (the query's last, with nothing after it) may be the start of a longer
    // word, and so may its correction; a word typed before it is whole ("on leave requests": not
    // the "leade" of "leadership").
    qsizetype typedOn = -1;
    if (query.typing && !words.isEmpty()) {
        for (qsizetype i = read.terms.size() - 1; i >= 0; --i) {
            if (read.terms[i].excluded)
                continue;
            if (!read.terms[i].words.isEmpty() && read.terms[i].words.constLast() == words.constLast())
                typedOn = i;
            break;
        }
    }
    for (qsizetype i = 0; i < read.terms.size(); ++i) {
        const QueryUnderstanding::Term &term = read.terms[i];
        if (term.region && term.excluded) {
            where->excludedRegions.append(term.region);
            understood->excludedPlaces.append(term.region->name());
            continue;
        }
        if (term.region || besideRegion[size_t(i)]) {
            // Not a word to match: the people in it (placeSelection()).
            if (!term.orPrevious || where->regions.isEmpty())
                where->regions.append(PlaceGroup {});
            if (term.region) {
                namePlace(term, term.region->name());
                where->regions.last().regions.append(term.region);
            } else {
                namePlace(term, term.entry ? term.entry->canonical : term.text());
                QList<QStringList> &places = where->regions.last().places;
                places.append(term.words);
                if (term.isAlias())
                    understood->aliases.append(AliasApplied {term.text(), term.entry->canonical});
                if (term.entry) {
                    for (const QString &name : QStringList {term.entry->canonical} + term.entry->aliases) {
                        const QStringList named = SearchText::foldedWords(name);
                        if (!named.isEmpty() && !places.contains(named))
                            places.append(named);
                    }
                }
            }
            continue;
        }
        if (int(term.excluded ? excluded->size() : terms.size()) >= MaxTerms)
            continue;
        PlanTerm plan;
        plan.optional = term.optional;
        plan.preferred = term.preferred;
        if (term.nameOnly)
            plan.columns = 1u << NameColumn;
        plan.folded = term.text();
        plan.name = term.longForms.isEmpty() ? term.name() : term.longForms.constFirst();
        if (term.words.size() == 1) {
            plan.token = SearchText::encode(term.words.constFirst());
            // Until the prefix table is loaded, FTS5 answers short words too.
            if (prefixReady)
                plan.shortTerm = PrefixTable::term(plan.token);
        }
        if (term.excluded) {
            (term.place ? understood->excludedPlaces : understood->excluded)
                .append(term.entry ? term.entry->canonical : plan.name);
            if (term.place)
                plan.columns = LocationColumns;
            if (!term.entry && term.words.size() > 1) { // a quoted phrase: its words, in one field
                PlanTerm::Group tokens;
                for (const QString &word : term.words)
                    tokens.append(SearchText::encode(word));
                addGroup(&plan.alternatives, tokens);
            }
        } else if (term.place) {
            plan.columns = LocationColumns;
            namePlace(term, term.entry ? term.entry->canonical : term.text());
        } else {
            understood->terms.append(plan.name);
            understood->names.append(term.entry ? term.entry->canonical : plan.name);
            if (term.preferred)
                understood->rankedFirst.append(understood->names.size() - 1);
        }
        if (term.entry) {
            const VocabularyEntry &entry = *term.entry;
            plan.alternatives = entryGroups(entry, QStringList {entry.canonical} + entry.aliases);
            addSkillKeys(&plan, entry, looseSkillWords);
            // The same words may name a skill and a title ("SRE"): people with either match.
            if (!term.place) {
                for (const VocabularyEntry *other : otherEntries(vocabulary, term)) {
                    for (const PlanTerm::Group &group :
                         entryGroups(*other, QStringList {other->canonical} + other->aliases))
                        addGroup(&plan.alternatives, group);
                    addSkillKeys(&plan, *other, looseSkillWords);
                }
            }
            if (term.words.size() == 1)
                plan.alternatives.removeAll(PlanTerm::Group {plan.token}); // the typed word is searched anyway
            plan.related = entryGroups(entry, entry.related);
            plan.relatedNames = entry.related;
            plan.complete = true;
            if (term.isAlias())
                understood->aliases.append(AliasApplied {term.text(), entry.canonical});
        }
        // A word for what people do: any form of it, as a whole word; the typed word only when
        // it is what is asked for (it may be the start of another: "dev", "devops").
        if (term.isRole()) {
            // Beside what they know it says what they do: their title ("c++ developers": not the
            // Developer Experience department, nor a bio that works with developers).
            if (term.optional) {
                plan.token.clear();
                plan.shortTerm = {};
                plan.columns = 1u << TitleColumn;
            }
            for (const QString &form : term.roleForms)
                addGroup(&plan.alternatives, nameTokens(form)); // "software engineer": its words, in one field
            if (!plan.token.isEmpty())
                plan.alternatives.removeAll(PlanTerm::Group {plan.token}); // searched anyway
        }
        // A short form ("ops") or a German department ("Vertrieb"): the words it stands for too, as
        // whole words, said as an alias is.
        if (!term.longForms.isEmpty()) {
            for (const QString &form : term.longForms)
                addGroup(&plan.alternatives, nameTokens(form));
            understood->aliases.append(AliasApplied {term.text(), term.longForms.constFirst()});
        }
        // An English plural also finds the singular, as the typed word ranks: "engineers" the
        // Platform Engineer. (The vocabulary's phrases did so already: "data scientists".)
        QString singularToken;
        if (!term.entry && !term.isRole() && term.longForms.isEmpty() && term.words.size() == 1 && !literal) {
            if (const QString singular = englishSingular(plan.folded); !singular.isEmpty()) {
                singularToken = SearchText::encode(singular);
                plan.alternatives.append(PlanTerm::Group {singularToken});
            }
        }
        // Words joined by hyphens that the vocabulary does not know ("site-reliability",
        // "real-time"): the words apart too, in one field, and written as one ("frontend").
        if (!term.entry && !term.isRole() && term.words.size() == 1 && !literal && plan.folded.contains(u'-')) {
            const QStringList pieces = plan.folded.split(u'-');
            if (std::none_of(pieces.cbegin(), pieces.cend(), [](const QString &piece) { return piece.isEmpty(); })) {
                PlanTerm::Group apart;
                for (const QString &piece : pieces)
                    apart.append(SearchText::encode(piece));
                addGroup(&plan.alternatives, apart);
                addGroup(&plan.alternatives, {SearchText::encode(QString(plan.folded).remove(u'-'))});
            }
        }
        // An email address, or its start ("priya.pillai@north", "priya.pillai" — a word with a dot,
        // as addresses have before their "@" — a typed "@" at the end is no part of the word): the
        // people whose address it is, by their usernames (the index holds no addresses).
        if (term.words.size() == 1 && (plan.folded.indexOf(u'@') > 0 || plan.folded.indexOf(u'.') > 0)) {
            if (const QStringList owners = usernamesByEmail(plan.folded); !owners.isEmpty()) {
                plan.byField = QStringLiteral("email");
                addUsernames(&plan, owners);
            }
        }
        // A department whose people lead others ("finance", where the heads of Accounting and
        // Treasury report): theirs too, by their department. As typed, as the vocabulary names it,
        // or as the words a German department stands for ("Finanzabteilung").
        if (!term.place && !term.excluded && !term.optional && !term.isRole()) {
            QStringList names {plan.folded};
            if (term.entry)
                names.append(term.entry->canonical);
            names += term.longForms;
            QString department;
            QStringList under;
            for (qsizetype n = 0; n < names.size() && under.isEmpty(); ++n)
                under = departmentsUnder(departmentKey(names[n]), &department);
            plan.departments = departmentGroups(under);
            if (!under.isEmpty())
                plan.family = DepartmentsUnder {department, under};
        }
        // A typo is corrected only when the word is not known: not in the vocabulary, not a word
        // of anyone's name, and in fewer than RareTermDocs people. A place is corrected to a place.
        // Nor is a word for what people do, or one that only ranks (a name among fillers).
        // What is left out is left out as typed.
        const bool known = term.entry || term.isRole() || !term.longForms.isEmpty() || term.words.size() != 1
            || term.optional || term.excluded || isNameWord(plan.folded) || !plan.departments.isEmpty();
        if (!known && TermDictionary::maxEdits(plan.token) > 0 && !SearchText::hasSymbols(plan.token)) {
            // The term dictionary answers "how many people does this prefix match" without FTS5,
            // which would merge the doclists of every term with that prefix first.
            if (!dictionaryLoaded)
                loadDictionary();
            countPendingWords(QDeadlineTimer(QDeadlineTimer::Forever));
            const int exactDocs = dictionary.prefixDocs(plan.token, RareTermDocs);
            // A plural whose singular people have is no typo ("designers").
            const bool singularKnown = !singularToken.isEmpty() && dictionary.docs(singularToken) > 0;
            // Someone who does what is asked, when few are called so ("photographers",
            // "cyclists"): what they do, where people have it ("photography", "cycling").
            if (exactDocs < RareTermDocs && !singularKnown) {
                const QString doer = singularToken.isEmpty() ? plan.folded : englishSingular(plan.folded);
                for (const QString &activity : englishActivities(doer)) {
                    const QString token = SearchText::encode(activity);
                    if (plan.corrections.size() < 3 && !plan.corrections.contains(token)
                        && dictionary.docs(token) >= std::max(1, 3 * exactDocs))
                        plan.corrections.append(token);
                }
            }
            if (exactDocs < RareTermDocs && !singularKnown && plan.corrections.isEmpty()) {
                const auto candidates = dictionary.corrections(
                    plan.token, 8, i == typedOn ? TermDictionary::Match::WholeOrStart : TermDictionary::Match::Whole);
                for (const TermDictionary::Candidate &candidate : candidates) {
                    // Only the nearest (whole words before starts of longer words), and only words
                    // clearly more common than what was typed.
                    if (candidate.distance != candidates.first().distance || candidate.whole != candidates.first().whole
                        || plan.corrections.size() >= 3)
                        break;
                    if (term.place && !placeWords.contains(candidate.term.toUtf8()))
                        continue;
                    // Two slips rarely include the first letter: a word that differs there and
                    // in another is more likely a real word no one has ("landing" is no
                    // "planning") than a typo; so is one that differs there from the start of a
                    // longer word ("draw" is no "Krawczyk").
                    if ((candidate.distance >= 2 || !candidate.whole) && candidate.term.front() != plan.token.front())
                        continue;
                    // Nor is a word two slips from the start of a longer one: it is more likely
                    // typed in full ("yoga teacher" is no "Tkachenko").
                    if (!candidate.whole && candidate.distance >= 2)
                        continue;
                    // A plural is no misspelling of a longer word its singular starts ("interns"
                    // is not "internal", "accounts" not "accountant"), but may be of the other
                    // plural ("kubernets": "kubernetes").
                    if (!singularToken.isEmpty() && candidate.term.startsWith(singularToken)
                        && candidate.term != singularToken + QStringLiteral("es"))
                        continue;
                    if (candidate.docs >= 3 * exactDocs)
                        plan.corrections.append(candidate.term);
                }
                // A plural it is corrected to also finds its singular, as a typed plural does
                // ("enginers": "engineers", and the Platform Engineer).
                for (qsizetype c = 0, found = plan.corrections.size(); c < found; ++c) {
                    const QString singular = SearchText::encode(englishSingular(plan.corrections[c]));
                    if (!singular.isEmpty() && !plan.corrections.contains(singular) && dictionary.docs(singular) > 0)
                        plan.corrections.append(singular);
                }
            }
            if (!plan.corrections.isEmpty())
                corrections->append(Correction {plan.folded, plan.corrections.first(), exactDocs > 0});
        }
        // A prefix of no longer word ("kubernetes"): FTS5 would merge a prefix doclist to find
        // the people the word finds. Known only once the dictionary is (words of people changed
        // since are pending).
        plan.wholeWord = !plan.token.isEmpty() && prefixReady && dictionaryLoaded && !hasLongerWord(plan.token);
        // A word typed in full (a word or a space follows it) is that word, not the start of a
        // longer one, when the vocabulary knows it ("java developer": not the JavaScript people,
        // "director of sales": not Active Directory) or it has two letters ("li wei": not Lisa,
        // nor Linux). One letter the vocabulary does not know is an initial: the start of a name.
        if (i != typedOn && !term.nameOnly && !plan.token.isEmpty() && !term.isRole()) {
            if (term.entry || plan.token.size() == 2)
                plan.wholeWord = true;
            else if (plan.token.size() == 1 && !term.place)
                plan.columns = 1u << NameColumn;
        }
        if (term.excluded) {
            // Only the word itself: "not java" keeps the JavaScript people.
            plan.wholeWord = true;
            plan.related.clear();
            plan.relatedNames.clear();
            excluded->push_back(std::move(plan));
            continue;
        }
        // "in london or berlin": one place term that any of them satisfies.
        if (term.orPrevious && !terms.empty() && terms.back().columns == LocationColumns) {
            PlanTerm &into = terms.back();
            into.name += QStringLiteral(" / ") + plan.name;
            addAsExact(&into, plan);
            into.complete = false;
            continue;
        }
        terms.push_back(std::move(plan));
    }
    // A department of several words the vocabulary does not know, typed in a row: the
    // department, not each word's ("people operations" is no People and Operations, with the
    // departments under each); with the departments under it for each of its words ("field
    // services": Repairs).
    constexpr size_t MaxDepartmentWords = 4;
    for (size_t first = 0; !read.anyOf && first + 1 < terms.size(); ++first) {
        for (size_t last = std::min(terms.size(), first + MaxDepartmentWords) - 1; last > first; --last) {
            QStringList typed;
            for (size_t t = first; t <= last; ++t) {
                const PlanTerm &term = terms[t];
                if (term.optional || term.columns != Ranking::AllColumns || !term.byField.isEmpty())
                    break;
                typed.append(term.folded);
            }
            const QString key = departmentKey(typed.join(u' '));
            if (typed.size() != qsizetype(last - first + 1) || !isDepartment(key))
                continue;
            QString department;
            const QStringList under = departmentsUnder(key, &department);
            for (size_t t = first; t <= last; ++t) {
                terms[t].departments = departmentGroups(under);
                terms[t].family = {};
            }
            if (!under.isEmpty())
                terms[first].family = DepartmentsUnder {department, under};
            first = last;
            break;
        }
    }
    for (const PlanTerm &term : terms) {
        if (!term.family.under.isEmpty() && !understood->departmentsUnder.contains(term.family))
            understood->departmentsUnder.append(term.family);
    }
    if (read.anyOf)
        mergeAlternatives(&terms, understood);
    // Names of several words ("product manager"): a title that says one as written ranks above a
    // title with other words between ("Product Marketing Manager"). Expert words may be words of
    // the title asked for ("senior product manager", "lead engineer"): a title that has one ranks
    // first among the rest.
    titleBonuses->clear();
    for (size_t t = 0; t < terms.size(); ++t) {
        for (const PlanTerm::Group &group : terms[t].alternatives) {
            if (TitleWords::Phrase phrase = TitleWords::phrase(group); !phrase.empty())
                titleBonuses->push_back({t, std::move(phrase), TitlePhraseBonus});
        }
    }
    // Words typed together ("security operations", "data platform", "platform eng mgr"): for each
    // two terms next to each other, the people whose title or department says them together, as
    // typed, rank first — the query names what they do or where they work, where others only have
    // each word somewhere ("platform eng mgr": the Engineering Manager of Platform Engineering
    // says both pairs). Not for alternatives ("python or go").
    if (!read.anyOf) {
        auto together = [&](size_t t) {
            return !terms[t].optional && terms[t].columns == Ranking::AllColumns && !terms[t].folded.isEmpty();
        };
        // Each term's words as typed, and as the first few words meaning the same say them
        // ("ops": operations, "managers": manager).
        constexpr qsizetype MaxForms = 3;
        auto forms = [&](size_t t) {
            QList<PlanTerm::Group> out {PlanTerm::Group {}};
            for (const QString &word : terms[t].folded.split(QLatin1Char(' ')))
                out.first().append(SearchText::encode(word));
            for (const PlanTerm::Group &group : terms[t].alternatives) {
                if (out.size() < MaxForms && !out.contains(group))
                    out.append(group);
            }
            return out;
        };
        for (size_t first = 0; first + 1 < terms.size(); ++first) {
            if (!together(first) || !together(first + 1))
                continue;
            for (const PlanTerm::Group &start : forms(first)) {
                for (const PlanTerm::Group &next : forms(first + 1)) {
                    if (TitleWords::Phrase phrase = TitleWords::phrase(start + next); !phrase.empty())
                        titleBonuses->push_back(
                            {first, std::move(phrase), Ranking::togetherBonus(1, *options), first + 1});
                }
            }
        }
    }
    const bool anyAsked = std::any_of(terms.cbegin(), terms.cend(), [](const PlanTerm &t) { return !t.optional; });
    for (const QString &word : std::as_const(read.qualifiers)) {
        if (anyAsked)
            titleBonuses->push_back({terms.size(), TitleWords::word(SearchText::encode(word)), TitleQualifierBonus});
    }
    for (size_t t = 0; t < terms.size(); ++t) {
        // Nothing to tell apart when no one has its words in a longer skill: no tokens to search.
        if (!terms[t].looseSkill)
            terms[t].skillKeys.clear();
        if (terms[t].complete)
            options->complete |= 1u << t;
        if (terms[t].optional)
            options->optional |= 1u << t;
        if (terms[t].preferred)
            options->preferred |= 1u << t;
        // One or two letters are the start of a word being typed: evidence would rank noise.
        if (terms[t].token.size() > 2 || terms[t].token.isEmpty() || !terms[t].alternatives.isEmpty()
            || !terms[t].departments.isEmpty())
            options->evidence |= 1u << t;
    }
    return terms;
}

QString SearchEngine::Private::termClause(const PlanTerm &term, int index, bool typed, bool withRelated,
                                          CollectPlan *plan) const
{
    QStringList parts;
    auto add = [&](const QString &token, PhraseKind kind, bool prefix = false) {
        parts.append(quoted(token) + (prefix ? QStringLiteral("*") : QString()));
        plan->phrases.push_back({index, kind, false});
    };
    //! Each group's words in one field; \a column (an FTS5 column filter, "{department}") limits
    //! where.
    auto addGroups = [&](const QList<PlanTerm::Group> &groups, PhraseKind kind, QLatin1String column = {}) {
        for (const PlanTerm::Group &group : groups) {
            QStringList words;
            for (qsizetype i = 0; i < group.size(); ++i) {
                words.append(quoted(group[i]));
                plan->phrases.push_back({index, kind, i > 0});
            }
            const QString clause = group.size() == 1 && column.isEmpty()
                ? words.constFirst()
                : QLatin1Char('(') + words.join(QStringLiteral(" AND ")) + QLatin1Char(')');
            parts.append(column.isEmpty() ? clause : column + QStringLiteral(" : ") + clause);
        }
    };
    if (typed && !term.token.isEmpty()) {
        add(term.token, ExactPhrase);
        if (!term.wholeWord)
            add(term.token, PrefixPhrase, true);
        for (const QString &correction : term.corrections)
            add(correction, CorrectedPhrase);
    }
    addGroups(term.alternatives, ExactPhrase);
    // The departments under the one asked for rank as a corrected word does: just below its own
    // people ("finance": the CFO of the Finance department before the accountants under her).
    addGroups(term.departments, CorrectedPhrase, QLatin1String("{department}"));
    for (const QString &key : term.skillKeys)
        add(key, KeyPhrase);
    if (withRelated)
        addGroups(term.related, RelatedPhrase);
    if (parts.isEmpty())
        return QString();
    const QString clause = QLatin1Char('(') + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    return term.columns == LocationColumns ? QStringLiteral("{location} : ") + clause : clause;
}

QString SearchEngine::Private::filterClauses(const SearchQuery &query, bool anyTerms, CollectPlan *plan) const
{
    QStringList clauses;
    for (const SearchQuery::SkillFilter &skill : query.skills) {
        clauses.append(skillColumns(query.minLevel) + QStringLiteral(" : ") + quoted(skill.keyToken));
        plan->phrases.push_back({0, FilterPhrase});
    }
    // level>=N with terms is checked on the terms' hits; alone, it asks for any skill.
    if (query.minLevel > 0 && query.skills.isEmpty() && !anyTerms) {
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

bool SearchEngine::Private::runFts(const QString &expression, CollectPlan *plan, QString *error)
{
    plan->rowids.reserve(4096);
    plan->hits.reserve(4096 * size_t(plan->termCount));
    matchStatement.bindPointer(1, plan, CollectPlanType);
    matchStatement.bind(2, expression);
    while (matchStatement.next()) { }
    const bool ok = matchStatement.ok();
    if (!ok)
        *error = SearchEngine::tr("the search failed: %1").arg(matchStatement.errorMessage());
    matchStatement.reset();
    if (!ok)
        qCWarning(lcSearch) << *error << expression;
    return ok;
}

bool SearchEngine::Private::collect(const SearchQuery &query, const std::vector<PlanTerm> &terms,
                                    const Options &options, const std::vector<TitleBonus> &titleBonuses,
                                    bool withRelated, std::vector<Match> *matches, QString *error,
                                    const std::vector<qint64> *within)
{
    matches->clear();
    if (terms.empty() && !query.hasIndexFilters()) {
        matches->reserve(byName.size());
        for (size_t rank = 0; rank < byName.size(); ++rank)
            matches->push_back(Match {byName[rank], 0.0, qint32(rank), 0, 0});
        return true;
    }
    // The typed words of short terms (1 to 4 characters, the expensive ones for FTS5: they match
    // most people) are looked up in the in-memory prefix table; everything else in FTS5. When
    // every term must match, the terms that are all FTS5 are one expression with the filters;
    // the other words of a short term (an alias's canonical name) are a query of their own.
    // When some may be missing (partial), every term's FTS5 part is a query of its own.
    const bool partial = options.partial;
    std::vector<int> tableTerms;
    std::vector<int> mainTerms;
    std::vector<int> sideTerms;
    for (int i = 0; i < int(terms.size()); ++i) {
        const PlanTerm &term = terms[size_t(i)];
        if (term.typedInTable())
            tableTerms.push_back(i);
        // Optional terms are never part of the expression every result must match.
        const bool apart = partial || term.optional;
        if (apart ? term.hasFtsPart(withRelated) : !term.typedInTable())
            (apart ? sideTerms : mainTerms).push_back(i);
        else if (term.hasFtsPart(withRelated))
            sideTerms.push_back(i);
    }
    // The longest short term first: it rejects most people soonest.
    std::stable_sort(tableTerms.begin(), tableTerms.end(), [&](int l, int r) {
        return terms[size_t(l)].shortTerm.length > terms[size_t(r)].shortTerm.length;
    });

    CollectPlan main;
    // "skill:python expert": the skill filter's level ranks.
    // (and for the skill map: the level of the skill: filter's skill)
    main.recordFilters = !query.skills.isEmpty();
    QStringList clauses;
    main.termCount = int(mainTerms.size());
    for (size_t i = 0; i < mainTerms.size(); ++i)
        clauses.append(termClause(terms[size_t(mainTerms[i])], int(i), true, withRelated, &main));
    const QString filters = filterClauses(query, !terms.empty(), &main);
    if (!filters.isEmpty())
        clauses.append(filters);
    const bool needsMain = !clauses.isEmpty();
    if (needsMain && !runFts(clauses.join(QStringLiteral(" AND ")), &main, error))
        return false;

    std::vector<CollectPlan> sides(sideTerms.size());
    for (size_t i = 0; i < sideTerms.size(); ++i) {
        const PlanTerm &term = terms[size_t(sideTerms[i])];
        sides[i].termCount = 1;
        const QString clause = termClause(term, 0, !term.typedInTable(), withRelated, &sides[i]);
        if (!clause.isEmpty() && !runFts(clause, &sides[i], error))
            return false;
    }

    const quint16 levelMask = query.minLevel > 0 && query.skills.isEmpty() ? skillColumnMask(query.minLevel) : 0;
    Options scoring = options;
    scoring.levelMask = levelMask;
    std::vector<TermHit> hits(terms.size());
    // Every term answered by the prefix table alone (typing a word): the hot loop of short queries.
    const bool tableOnly = !needsMain && sides.empty() && tableTerms.size() == terms.size();
    size_t mainCursor = 0;
    std::vector<size_t> sideCursors(sides.size(), 0);

    // A term of two or more letters that every result must match: only the people of its first
    // two letters' postings in the prefix table can match it, and those its FTS5 part found (an
    // alias's other names). The term with the fewest is read instead of the whole directory.
    int driver = -1;
    int driverSide = -1; //!< the driver's FTS5 part, an index into sides
    size_t driverSize = 0;
    std::span<const PrefixTable::Posting> driverPostings;
    for (int t : tableTerms) {
        const PlanTerm &term = terms[size_t(t)];
        if (partial || term.optional || term.shortTerm.length < 2 || !prefixTable.hasPostings())
            continue;
        const auto postings = prefixTable.pairPostings(term.shortTerm);
        size_t size = postings.size();
        int side = -1;
        if (term.hasFtsPart(withRelated)) {
            const auto it = std::find(sideTerms.begin(), sideTerms.end(), t);
            if (it == sideTerms.end())
                continue;
            side = int(it - sideTerms.begin());
            size += sides[size_t(side)].rowids.size();
        }
        if (driver < 0 || size < driverSize) {
            driver = t;
            driverSide = side;
            driverSize = size;
            driverPostings = postings;
        }
    }
    // Every person is considered in local_id order, whichever list they come from: a term of
    // two or more letters walks its postings beside them rather than asking the person's run,
    // and asks the run only for a term of three or four letters whose first two it has.
    std::vector<std::span<const PrefixTable::Posting>> tablePostings(tableTerms.size());
    std::vector<size_t> tableCursors(tableTerms.size(), 0);
    for (size_t k = 0; k < tableTerms.size(); ++k)
        tablePostings[k] = prefixTable.pairPostings(terms[size_t(tableTerms[k])].shortTerm);

    const quint16 anySkill = skillColumnMask(1);
    std::vector<size_t> keyedTerms; // the terms that name a skill
    for (size_t t = 0; t < terms.size(); ++t) {
        if (!terms[t].skillKeys.isEmpty())
            keyedTerms.push_back(t);
    }
    auto consider = [&](qint64 id) {
        const Doc &doc = docs[size_t(id)];
        if (!tableOnly)
            std::fill(hits.begin(), hits.end(), TermHit {});
        quint16 filterColumns = 0;
        if (needsMain) {
            const TermHit *found = nullptr;
            if (!main.find(id, &mainCursor, &found) && !partial)
                return;
            if (main.recordFilters && mainCursor < main.filterColumns.size())
                filterColumns = main.filterColumns[mainCursor];
            for (size_t i = 0; found && i < mainTerms.size(); ++i)
                hits[size_t(mainTerms[i])] = found[i].masked(terms[size_t(mainTerms[i])].columns);
        }
        for (size_t i = 0; i < sides.size(); ++i) {
            const TermHit *found = nullptr;
            if (sides[i].find(id, &sideCursors[i], &found))
                hits[size_t(sideTerms[i])] |= found->masked(terms[size_t(sideTerms[i])].columns);
        }
        for (size_t k = 0; k < tableTerms.size(); ++k) {
            const int t = tableTerms[k];
            const PlanTerm &term = terms[size_t(t)];
            PrefixTable::Hit hit;
            if (term.shortTerm.length >= 2 && prefixTable.hasPostings()) {
                const std::span<const PrefixTable::Posting> &postings = tablePostings[k];
                size_t &cursor = tableCursors[k];
                constexpr size_t Ahead = 12; // people whose prefixes are fetched ahead of need
                while (cursor < postings.size() && postings[cursor].id < quint64(id)) {
                    ++cursor;
                    if (cursor + Ahead < postings.size())
                        prefixTable.prefetch(postings[cursor + Ahead]);
                }
                if (cursor < postings.size() && postings[cursor].id == quint64(id))
                    hit = prefixTable.lookup(postings[cursor], term.shortTerm);
            } else {
                hit = prefixTable.lookup(size_t(id), term.shortTerm);
            }
            if (term.wholeWord)
                hit.prefix = hit.exact;
            TermHit &termHit = hits[size_t(t)];
            if (tableOnly)
                termHit = TermHit {quint16(hit.exact & term.columns), quint16(hit.prefix & term.columns), 0, 0, 0};
            else
                termHit |= TermHit {hit.exact, hit.prefix, 0, 0, 0}.masked(term.columns);
            if (!termHit.any() && !partial && !term.optional)
                return;
        }
        for (size_t t : keyedTerms)
            hits[t].demoteLooseSkillWords(anySkill);
        double value = 0;
        quint32 missing = 0;
        if (scoreDocument(hits.data(), int(hits.size()), scoring, &value, &missing) || terms.empty()) {
            if (filterColumns && (options.expertsFirst || options.beginnersFirst))
                value += skillLevelBonus(filterColumns, options.beginnersFirst);
            size_t saidTerm = terms.size(); // the last term whose name the title says
            size_t saidPair = terms.size(); // the last two terms a title or department says together
            for (const TitleBonus &said : titleBonuses) {
                if (said.together()) {
                    constexpr quint16 Fields = (1u << TitleColumn) | (1u << DepartmentColumn);
                    if (said.term != saidPair && (hits[said.term].exact & Fields)
                        && (hits[said.lastTerm].exact & Fields) && titleOrDepartmentSays(id, said.words)) {
                        value += said.bonus;
                        saidPair = said.term;
                    }
                    continue;
                }
                const bool ofTerm = said.term < terms.size();
                if (ofTerm && (said.term == saidTerm || !(hits[said.term].exact & (1u << TitleColumn))))
                    continue;
                if (titleSays(id, said.words)) {
                    value += said.bonus;
                    if (ofTerm)
                        saidTerm = said.term;
                }
            }
            quint16 columns = 0;
            for (const TermHit &hit : hits)
                columns |= hit.any();
            const quint16 skillColumns = (columns | filterColumns) & anySkill;
            quint8 level = 0;
            for (int l = 5; l >= 1 && !level; --l) {
                if (skillColumns & (1u << (Skills5Column + 5 - l)))
                    level = quint8(l);
            }
            quint16 preferredFound = 0;
            for (size_t t = 0; options.preferred >> t; ++t) {
                if ((options.preferred & (1u << t)) && hits[t].any())
                    preferredFound |= quint16(1u << t);
            }
            matches->push_back(Match {id, value, doc.nameRank, columns, quint16(missing), level, preferredFound});
        }
    };
    auto present = [&](qint64 id) { return id >= 0 && size_t(id) < docs.size() && docs[size_t(id)].nameRank >= 0; };

    if (needsMain) {
        // Every result is a row of the main expression (all terms and the filters; partial: the
        // filters).
        matches->reserve(main.rowids.size());
        for (qint64 id : main.rowids) {
            if (present(id)) // else changed after the table was loaded; the next search reloads
                consider(id);
        }
        return true;
    }
    if (driver >= 0 && (!within || driverSize < within->size())) {
        // The driver's postings and the people its FTS5 part found, in local_id order.
        matches->reserve(driverSize);
        static const std::vector<qint64> none;
        const std::vector<qint64> &found = driverSide >= 0 ? sides[size_t(driverSide)].rowids : none;
        size_t next = 0;
        auto considerFound = [&](qint64 until) {
            for (; next < found.size() && found[next] < until; ++next) {
                if (present(found[next]))
                    consider(found[next]);
            }
            if (next < found.size() && found[next] == until)
                ++next; // in the postings too
        };
        for (const PrefixTable::Posting &p : driverPostings) {
            considerFound(qint64(p.id));
            if (present(qint64(p.id)))
                consider(qint64(p.id));
        }
        considerFound(std::numeric_limits<qint64>::max());
        return true;
    }
    if (within) {
        // The query types on from the last one: only its matches can match.
        matches->reserve(within->size());
        for (qint64 id : *within) {
            if (present(id))
                consider(id);
        }
        return true;
    }
    if (!tableTerms.empty() || !partial) {
        // By local_id: the prefix table is read front to back. A short term matches much of
        // the directory (one letter: most of it).
        matches->reserve(byName.size());
        for (size_t id = 0; id < docs.size(); ++id) {
            if (docs[id].nameRank >= 0)
                consider(qint64(id));
        }
        return true;
    }
    // Partial, FTS5 only: the people any term's query found, in local_id order.
    std::vector<qint64> ids;
    for (const CollectPlan &side : sides)
        ids.insert(ids.end(), side.rowids.begin(), side.rowids.end());
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (qint64 id : ids) {
        if (present(id))
            consider(id);
    }
    return true;
}

SearchResult SearchEngine::Private::result(const Match &match, const SearchQuery &query,
                                           const std::vector<PlanTerm> &terms, const QString &place)
{
    SearchResult row;
    row.score = match.value;
    for (size_t t = 0; t < terms.size(); ++t) {
        if (match.missing & (1u << t))
            row.unmatchedTerms.append(terms[t].columns == LocationColumns ? place : terms[t].name);
    }
    rowStatement.bind(1, match.localId);
    if (!rowStatement.next()) {
        rowStatement.reset();
        return row;
    }
    row.id = rowStatement.text(0);
    StoreSchema::readPersonCard(rowStatement, 1, &row);
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
    const QDeadlineTimer forever(QDeadlineTimer::Forever);
    if (!d->ensureFresh() || (!d->prefixReady && !d->loadPrefixRows(forever)))
        return false;
    return (d->dictionaryLoaded || d->loadDictionary(forever)) && d->countPendingWords(forever);
}

SearchEngine::Preparation SearchEngine::prepareStep(int budgetMs)
{
    d->loadInSteps = true;
    const QDeadlineTimer deadline(budgetMs);
    if (!d->ensureFresh())
        return Preparation::Failed;
    if (!d->prefixReady) {
        if (!d->loadPrefixRows(deadline))
            return Preparation::Failed;
        if (!d->prefixReady || deadline.hasExpired())
            return Preparation::More;
    }
    if (!d->dictionaryLoaded) {
        if (!d->loadDictionary(deadline))
            return Preparation::Failed;
        if (!d->dictionaryLoaded || deadline.hasExpired())
            return Preparation::More;
    }
    if (!d->countPendingWords(deadline))
        return Preparation::Failed;
    return d->pendingWords.isEmpty() ? Preparation::Done : Preparation::More;
}

void SearchEngine::saveTables()
{
    if (d->docsLoaded && (d->savedChange < 0 || d->loadedChange - d->savedChange >= SaveAfterChanges))
        d->saveDocs();
}

void SearchEngine::setVocabulary(const Vocabulary &vocabulary)
{
    d->vocabulary = vocabulary;
    d->cache = {};
}

void SearchEngine::invalidate()
{
    d->docsLoaded = false;
    d->dictionaryLoaded = false;
    d->prefixRows = {};
    d->dictionaryRows = {};
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

namespace {

//! The query with the hyphens between letters or digits of its free-text words as spaces
//! ("sap-berater" → "sap berater"); filters, quoted phrases and left-out words stay as typed.
//! \a apart gets each word taken apart, folded.
QString hyphensApart(const QString &query, QList<Correction> *apart)
{
    QString out;
    bool inQuotes = false;
    for (qsizetype i = 0; i < query.size();) {
        if (query[i].isSpace()) {
            out.append(query[i++]);
            continue;
        }
        qsizetype end = i;
        while (end < query.size() && !query[end].isSpace())
            ++end;
        QString word = query.mid(i, end - i);
        const bool quoted = inQuotes || word.contains(u'"');
        if (word.count(u'"') % 2)
            inQuotes = !inQuotes;
        if (!quoted && !word.startsWith(u'-') && !word.contains(u':')) { // "-java", "dept:human-resources"
            const QString typed = word;
            for (qsizetype k = 1; k + 1 < word.size(); ++k) {
                if (word[k] == u'-' && word[k - 1].isLetterOrNumber() && word[k + 1].isLetterOrNumber())
                    word[k] = u' ';
            }
            if (word != typed)
                apart->append(Correction {foldText(typed), foldText(word), false});
        }
        out.append(word);
        i = end;
    }
    return out;
}

} // namespace

SearchPage SearchEngine::search(const SearchRequest &request)
{
    SearchPage page = searchWords(request);
    // "sap-berater", "mobile-abteilung": a hyphenated word no one has may be its words ("SAP
    // Berater"), searched so when nothing was found, and said as a correction is.
    if (page.total > 0 || !page.error.isEmpty() || request.literal)
        return page;
    QList<Correction> taken;
    SearchRequest apart = request;
    apart.query = hyphensApart(request.query, &taken);
    if (taken.isEmpty())
        return page;
    SearchPage found = searchWords(apart);
    if (found.total == 0)
        return page;
    found.query = request.query;
    if (found.correctedQuery.isEmpty())
        found.correctedQuery = foldText(apart.query.simplified());
    found.corrections = taken + found.corrections;
    return found;
}

SearchPage SearchEngine::searchWords(const SearchRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    SearchPage page;
    page.query = request.query;
    page.offset = std::max(0, request.offset);
    if (!d->ensureFresh()) {
        page.error = d->store && d->store->isOpen() ? tr("the search index is not available")
                                                    : tr("the local store is not open");
        return page;
    }

    const QString key = request.query + QChar(0x1F) + request.departments.join(QChar(0x1E)) + QChar(0x1F)
        + request.locations.join(QChar(0x1E)) + (request.literal ? QStringLiteral("\x1Fliteral") : QString())
        + (request.preferAvailable ? QStringLiteral("\x1Favailable") : QString());
    Private::Cached &cache = d->cache;
    if (cache.key != key || page.offset == 0) {
        Private::Cached last = std::move(cache);
        cache = {};
        cache.key = key;
        cache.query = SearchQuery::parse(request.query);
        cache.facts.error = cache.query.error;
        Options options;
        cache.terms = d->planTerms(cache.query, request.literal, &cache.facts.understood, &options,
                                   &cache.facts.corrections, &cache.where, &cache.titleBonuses, &cache.excluded);
        // The departments and places chosen beside only the words of a question are what is
        // asked for: everyone there.
        if (!request.departments.isEmpty() || !request.locations.isEmpty())
            cache.facts.understood.onlyAsking = false;
        // "python level 4" asks as "python level>=4" does.
        cache.query.minLevel = std::max(cache.query.minLevel, cache.facts.understood.minLevel);
        if (cache.where.sameTimeZone()) {
            // The asker's offset now; people are in it when theirs is the same now.
            QTimeZone mine(request.timeZone);
            if (request.timeZone.isEmpty() || !mine.isValid())
                mine = QTimeZone::systemTimeZone();
            cache.where.offset = mine.offsetFromUtc(QDateTime::currentDateTimeUtc());
            cache.facts.understood.sameTimeZone = utcOffsetText(cache.where.offset);
        }
        if (cache.where.mine.size() > (cache.where.sameTimeZone() ? 1 : 0))
            d->resolveMine(request.asker, &cache.where, &cache.query, &cache.facts);
        if (!cache.where.someone.isEmpty() && cache.facts.error.isEmpty())
            d->resolveSomeone(&cache.where, &cache.query, &cache.facts);
        // Statuses change without the directory changing: read at every new query (a first page).
        cache.available = d->availableNow();
        cache.preferAvailable =
            request.preferAvailable || cache.query.preferAvailable || cache.facts.understood.availableFirst;
        cache.facts.understood.availableFirst = cache.preferAvailable;
        if (!cache.facts.corrections.isEmpty()) {
            QStringList corrected;
            for (const PlanTerm &term : cache.terms)
                corrected.append(term.corrections.isEmpty() ? term.folded : term.corrections.first());
            cache.facts.correctedQuery = corrected.join(QLatin1Char(' '));
        }
        // Typing on ("d", "da", "dat", "data", "data p") narrows the last query: when both are
        // short terms of the prefix table alone and every earlier term is a prefix of the new
        // one in its place, the new matches are among the last ones.
        const bool shortOnly = !cache.terms.empty() && cache.query.skills.isEmpty() && cache.query.departments.isEmpty()
            && cache.query.locations.isEmpty() && cache.query.orgs.isEmpty() && cache.excluded.empty()
            && cache.query.excluded.isEmpty()
            && std::all_of(cache.terms.cbegin(), cache.terms.cend(),
                           [](const PlanTerm &t) { return !t.hasFtsPart(true) && t.columns == AllColumns; });
        bool narrows = shortOnly && !last.candidates.empty() && last.query.minLevel == cache.query.minLevel
            && last.where == cache.where && last.terms.size() <= cache.terms.size();
        for (size_t i = 0; narrows && i < last.terms.size(); ++i)
            narrows = cache.terms[i].token.startsWith(last.terms[i].token);
        std::vector<Match> all;
        QString error;
        // team: and reports: keep the people the org chart names (every filter must hold).
        std::vector<char> inOrg;
        if (!cache.query.orgs.isEmpty())
            inOrg = d->orgSelection(cache.query, &cache.facts.error);
        // "in europe", "emea", "in my time zone": keep the people there.
        std::vector<char> inPlace;
        if (cache.where.any())
            inPlace = d->placeSelection(cache.where);
        // "-java", "not in london": leave out the people who match them.
        std::vector<char> notLeftOut;
        const bool leavesOut = !cache.excluded.empty() || !cache.query.excluded.isEmpty();
        if (leavesOut)
            notLeftOut = d->exclusionSelection(cache.query, cache.excluded, &cache.facts.error);
        // "who is out of office": keep the people whose status says so now; "not on leave", the others.
        std::vector<char> away;
        if (cache.where.outOfOffice)
            away = d->outOfOfficeNow();
        auto keep = [](const std::vector<char> &selection, std::vector<Match> *matches, bool kept = true) {
            std::erase_if(*matches, [&](const Match &match) {
                const bool in = size_t(match.localId) < selection.size() && selection[size_t(match.localId)];
                return in != kept;
            });
        };
        auto collect = [&](bool withRelated, const std::vector<qint64> *within) {
            const bool collected =
                d->collect(cache.query, cache.terms, options, cache.titleBonuses, withRelated, &all, &error, within);
            if (collected && !cache.query.orgs.isEmpty())
                keep(inOrg, &all);
            if (collected && cache.where.any())
                keep(inPlace, &all);
            if (collected && leavesOut)
                keep(notLeftOut, &all);
            if (collected && cache.where.outOfOffice)
                keep(away, &all, *cache.where.outOfOffice);
            return collected;
        };
        // Only the words of a question: no one yet (QueryUnderstanding::Result::onlyAsking).
        bool ok = cache.facts.understood.onlyAsking || collect(false, narrows ? &last.candidates : nullptr);
        // No one: related skills (Docker for Kubernetes) as a fallback; then the people who match
        // the most of the terms.
        auto hasRelated = [](const PlanTerm &t) { return !t.related.isEmpty(); };
        const auto firstRelated = std::find_if(cache.terms.cbegin(), cache.terms.cend(), hasRelated);
        const bool anyRelated = firstRelated != cache.terms.cend();
        bool withRelated = false;
        if (ok && all.empty() && anyRelated) {
            withRelated = true;
            ok = collect(true, nullptr);
        }
        if (ok && all.empty() && cache.terms.size() > 1) {
            options.partial = true;
            ok = collect(withRelated, nullptr);
            cache.facts.partial = cache.facts.understood.partial = !all.empty();
        }
        // Found by the related skills of the one term that has them: no one found has that term
        // itself (else they would have been found without), and the user is told so.
        if (withRelated && !all.empty() && !cache.facts.partial
            && std::none_of(firstRelated + 1, cache.terms.cend(), hasRelated)) {
            UnderstoodQuery &understood = cache.facts.understood;
            if (const qsizetype i = understood.terms.indexOf(firstRelated->name); i >= 0) {
                understood.noMatch = i;
                understood.relatedSkills = firstRelated->relatedNames;
            }
        }
        if (!withRelated) {
            for (PlanTerm &term : cache.terms)
                term.related.clear(); // not searched: not a reason either
        }
        if (!ok)
            cache.facts.error = error;
        if (shortOnly && !cache.facts.partial && cache.facts.error.isEmpty()) {
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
        // What ranks first where it matches and matches no one found is said so: "engineers for
        // payments" lists the engineers, and no one mentions payments.
        UnderstoodQuery &understood = cache.facts.understood;
        quint16 preferredFound = 0;
        for (const Match &match : cache.matches)
            preferredFound |= match.preferredFound;
        for (size_t t = 0; t < cache.terms.size(); ++t) {
            if (!cache.terms[t].preferred || (preferredFound & (1u << t)) || cache.matches.empty())
                continue;
            for (const qsizetype i : std::as_const(understood.rankedFirst)) {
                if (i < understood.terms.size() && understood.terms[i] == cache.terms[t].name)
                    understood.unmentioned.append(i);
            }
        }
        if (cache.facts.understood.leadersFirst)
            d->countLeads();
    }

    const size_t end = std::min(cache.matches.size(), size_t(page.offset) + size_t(std::max(0, request.limit)));
    if (end > cache.sorted) {
        const std::vector<char> &available = cache.available;
        auto isAvailable = [&available](const Match &m) {
            return size_t(m.localId) < available.size() && available[size_t(m.localId)];
        };
        const std::vector<float> &leadership = cache.leadership;
        auto leads = [&leadership](const Match &m) {
            return size_t(m.localId) < leadership.size() ? leadership[size_t(m.localId)] : 0.0f;
        };
        // Leaders first within the results that match as many words: the tiers still come first.
        auto tier = [](const Match &m) { return std::floor(m.value / Ranking::TierStep); };
        if (cache.preferAvailable || !leadership.empty()) {
            const bool byAvailability = cache.preferAvailable;
            std::partial_sort(cache.matches.begin(), cache.matches.begin() + qsizetype(end), cache.matches.end(),
                              [&](const Match &l, const Match &r) {
                                  if (const bool la = isAvailable(l), ra = isAvailable(r); byAvailability && la != ra)
                                      return la;
                                  if (const float ll = leads(l), rl = leads(r); ll != rl && tier(l) == tier(r))
                                      return ll > rl;
                                  return before(l, r);
                              });
        } else {
            std::partial_sort(cache.matches.begin(), cache.matches.begin() + qsizetype(end), cache.matches.end(),
                              before);
        }
        cache.sorted = end;
    }
    page.total = cache.facts.total;
    page.departments = cache.facts.departments;
    page.locations = cache.facts.locations;
    page.corrections = cache.facts.corrections;
    page.correctedQuery = cache.facts.correctedQuery;
    page.error = cache.facts.error;
    page.partial = cache.facts.partial;
    page.understood = cache.facts.understood;
    for (size_t i = size_t(page.offset); i < end; ++i) {
        SearchResult row = d->result(cache.matches[i], cache.query, cache.terms, cache.facts.understood.place);
        const size_t id = size_t(cache.matches[i].localId);
        row.availableNow = id < cache.available.size() && cache.available[id];
        row.leads = id < cache.leads.size() ? cache.leads[id] : 0;
        page.results.append(std::move(row));
    }
    if (request.skillMapRows > 0 && page.offset == 0)
        page.skillMap = d->skillMapOfCache(request.skillMapRows);
    page.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return page;
}

SkillMap SearchEngine::skillMap(const SearchRequest &request, int rows)
{
    SearchRequest first = request;
    first.offset = 0;
    first.limit = 0;
    first.skillMapRows = rows;
    return search(first).skillMap;
}

void SearchEngine::Private::resolveMine(const QString &asker, Where *where, SearchQuery *query, SearchPage *page)
{
    using Mine = QueryUnderstanding::Mine;
    using Team = UnderstoodQuery::Team;
    const QString username =
        asker.isEmpty() ? store->syncValue(QString::fromLatin1(SyncSchema::Keys::Username)) : asker.toLower();
    const std::optional<Profile> me = username.isEmpty() ? std::nullopt : store->profileByUsername(username);
    if (!me) {
        page->error = username.isEmpty()
            ? SearchEngine::tr("\"my team\", \"my manager\", \"near me\" and the like need to know who you are: "
                               "sign in first")
            : SearchEngine::tr("your profile (%1) is not in the directory yet").arg(username);
        where->department = QStringLiteral("\x1f"); // no one
        return;
    }
    UnderstoodQuery &understood = page->understood;
    if (where->asks(Mine::Department)) {
        if (me->department.isEmpty()) {
            page->error = SearchEngine::tr("your profile names no department");
            where->department = QStringLiteral("\x1f"); // no one
        } else {
            where->department = me->department;
            understood.department = me->department;
        }
    }
    if (where->asks(Mine::Location)) {
        if (me->location.trimmed().isEmpty()) {
            page->error = SearchEngine::tr("your profile names no location");
            where->department = QStringLiteral("\x1f"); // no one
        } else {
            // The others there: the asker knows where they sit.
            where->location = me->location.trimmed();
            understood.location = where->location;
            if (const OrgChart *chart = freshOrgChart())
                where->asker = chart->idOf(me->username);
        }
    }
    //! \a person's manager; else says why not (\a namesNone: their profile names none; \a missing:
    //! the manager, %1, is not in the directory), and no one is found.
    auto managerOf = [&](const Profile &person, const QString &namesNone,
                         const QString &missing) -> std::optional<Profile> {
        std::optional<Profile> manager =
            person.manager.isEmpty() ? std::nullopt : store->profileByUsername(person.manager);
        if (!manager) {
            page->error = person.manager.isEmpty() ? namesNone : missing.arg(person.manager);
            where->department = QStringLiteral("\x1f"); // no one
        }
        return manager;
    };
    const bool aboutManager =
        where->asks(Mine::Manager) || where->asks(Mine::ManagersManager) || where->asks(Mine::Peers);
    std::optional<Profile> manager;
    if (aboutManager) {
        manager = managerOf(*me, SearchEngine::tr("your profile names no manager"),
                            SearchEngine::tr("your manager (%1) is not in the directory yet"));
        if (!manager)
            return;
    } else if (!me->manager.isEmpty()) {
        manager = store->profileByUsername(me->manager);
    }
    //! Whom the query is about: \a filter, under (or being) \a person.
    auto about = [&](Team team, const Profile &person, SearchQuery::OrgFilter filter) {
        filter.username = person.username;
        query->orgs.append(filter);
        understood.team = team;
        understood.manager = shownName(person);
    };
    if (where->asks(Mine::ManagersManager)) {
        const std::optional<Profile> managers =
            managerOf(*manager, SearchEngine::tr("your manager (%1) names no manager").arg(shownName(*manager)),
                      SearchEngine::tr("your manager's manager (%1) is not in the directory yet"));
        if (managers)
            about(Team::YourManagersManager, *managers, {{}, false, true});
    } else if (where->asks(Mine::Manager)) {
        about(Team::YourManager, *manager, {{}, false, true});
    } else if (where->asks(Mine::Peers)) {
        // The people beside the asker: not the asker.
        about(Team::YourPeers, *manager, {{}, false, false, me->username});
    } else if (where->asks(Mine::Reports)) {
        about(Team::YourReports, *me, {{}, false});
        understood.manager.clear();
    } else if (where->asks(Mine::Team)) {
        // A manager's team is everyone under them; anyone else's, the people beside them.
        // The org chart says whether anyone reports to them (reading their reports' profiles would not).
        const OrgChart *chart = freshOrgChart();
        const bool manages = chart && !chart->directReports(chart->idOf(me->username)).isEmpty();
        if (!manager || manages) {
            about(Team::Yours, *me, {{}, true});
            understood.manager.clear();
        } else {
            about(Team::YourManagers, *manager, {{}, false});
        }
    }
}

void SearchEngine::Private::resolveSomeone(Where *where, SearchQuery *query, SearchPage *page)
{
    using Theirs = QueryUnderstanding::Theirs;
    using Team = UnderstoodQuery::Team;
    const QString name = where->someone.join(QLatin1Char(' '));
    auto noOne = [&](const QString &error) {
        page->error = error;
        where->department = QStringLiteral("\x1f"); // no one
    };
    OrgChart *chart = freshOrgChart();
    if (!chart)
        return noOne(SearchEngine::tr("the org chart is not available"));
    // Who is called so: every word is a word of their name (or username). Or whose title it is:
    // the words of one of its names, in a row.
    CollectPlan plan;
    QString match;
    QStringList titles;
    if (const VocabularyEntry *title = where->someoneTitle) {
        const QStringList names = QStringList {title->canonical} + title->aliases;
        QStringList groups;
        for (const PlanTerm::Group &group : entryGroups(*title, names)) {
            QStringList words;
            for (const QString &token : group)
                words.append(quoted(token));
            groups.append(QLatin1Char('(') + words.join(QStringLiteral(" AND ")) + QLatin1Char(')'));
            plan.phrases.push_back({0, FilterPhrase});
        }
        match = QStringLiteral("{title} : (%1)").arg(groups.join(QStringLiteral(" OR ")));
        for (const QString &titleName : names)
            titles.append(QLatin1Char(' ') + foldText(titleName) + QLatin1Char(' '));
    } else {
        QStringList words;
        for (const QString &word : std::as_const(where->someone)) {
            words.append(quoted(SearchText::encode(word)));
            plan.phrases.push_back({0, FilterPhrase});
        }
        match = QStringLiteral("{name} : (%1)").arg(words.join(QStringLiteral(" AND ")));
    }
    QString error;
    if (!runFts(match, &plan, &error))
        return noOne(error);
    auto hasTitle = [&titles](const OrgPerson &person) {
        const QString said = QLatin1Char(' ') + foldText(person.title) + QLatin1Char(' ');
        return titles.isEmpty()
            || std::any_of(titles.cbegin(), titles.cend(), [&said](const QString &t) { return said.contains(t); });
    };
    // A name that is several people's means, when their reports or team are asked for, the one of
    // them people report to, if only one is.
    const bool aboutReports = where->theirs == Theirs::Reports || where->theirs == Theirs::Team;
    QList<const OrgPerson *> called;
    QList<const OrgPerson *> managers;
    for (const qint64 id : plan.rowids) {
        if (const OrgPerson *person = chart->person(id); person && hasTitle(*person)) {
            called.append(person);
            if (aboutReports && !chart->directReports(id).isEmpty())
                managers.append(person);
        }
    }
    QList<const OrgPerson *> &candidates = managers.isEmpty() ? called : managers;
    std::sort(candidates.begin(), candidates.end(), [](const OrgPerson *l, const OrgPerson *r) {
        return std::tie(l->displayName, l->username) < std::tie(r->displayName, r->username);
    });
    const VocabularyEntry *title = where->someoneTitle;
    if (candidates.isEmpty() && title)
        return noOne(SearchEngine::tr("no one in the directory has the title \"%1\"").arg(title->canonical));
    if (candidates.isEmpty())
        return noOne(SearchEngine::tr("no one called \"%1\" is in the directory").arg(name));
    if (candidates.size() > 1) {
        constexpr qsizetype Named = 3;
        QStringList named;
        for (qsizetype i = 0; i < std::min(Named, candidates.size()); ++i) {
            const OrgPerson &person = *candidates[i];
            const QString about = person.department.isEmpty()
                ? person.username
                : person.username + QStringLiteral(", ") + person.department;
            named.append(QStringLiteral("%1 (%2)").arg(shownName(person), about));
        }
        QString list = named.join(QStringLiteral(", "));
        if (candidates.size() > Named)
            list = SearchEngine::tr("%1 and %n more", nullptr, int(candidates.size() - Named)).arg(list);
        const int count = int(candidates.size());
        // How to say which: the filter that asks for the same (its placeholder translated), else
        // their username.
        const QString hint = where->theirs == Theirs::Reports      ? SearchEngine::tr("reports:USERNAME")
            : where->theirs == Theirs::Team && !managers.isEmpty() ? SearchEngine::tr("team:USERNAME")
                                                                   : SearchEngine::tr("their username");
        if (title) {
            return noOne(SearchEngine::tr("%n people have the title \"%1\": %2; use %3", nullptr, count)
                             .arg(title->canonical, list, hint));
        }
        return noOne(
            managers.isEmpty()
                ? SearchEngine::tr("%n people called \"%1\": %2; say more of the name, or use %3", nullptr, count)
                      .arg(name, list, hint)
                : SearchEngine::tr("%n people called \"%1\" have reports: %2; say more of the name, or use %3", nullptr,
                                   count)
                      .arg(name, list, hint));
    }
    const OrgPerson &person = *candidates.constFirst();
    UnderstoodQuery &understood = page->understood;
    const bool manages = !chart->directReports(person.id).isEmpty();
    if (where->theirs == Theirs::Reports || (where->theirs == Theirs::Team && manages)) {
        query->orgs.append(SearchQuery::OrgFilter {person.username, where->theirs == Theirs::Team});
        understood.team = where->theirs == Theirs::Team ? Team::TeamOf : Team::ReportsOf;
        understood.manager = shownName(person);
        if (title)
            understood.managerTitle = title->canonical;
        return;
    }
    // Their manager's people: the manager alone, their reports, or those but them.
    const OrgPerson *manager = chart->person(chart->managerOf(person.id));
    if (!manager) {
        if (person.manager.isEmpty()) {
            return noOne(
                where->theirs == Theirs::Team
                    ? SearchEngine::tr("no one reports to %1, whose profile names no manager").arg(shownName(person))
                    : SearchEngine::tr("the profile of %1 names no manager").arg(shownName(person)));
        }
        return noOne(SearchEngine::tr("the manager of %1 (%2) is not in the directory yet")
                         .arg(shownName(person), person.manager));
    }
    if (where->theirs == Theirs::Team) {
        // Someone no one reports to: their team is the people beside them.
        query->orgs.append(SearchQuery::OrgFilter {manager->username, false});
        understood.team = Team::ReportsOf;
    } else if (where->theirs == Theirs::Manager) {
        query->orgs.append(SearchQuery::OrgFilter {manager->username, false, true});
        understood.team = Team::ManagerOf;
        understood.person = shownName(person);
    } else if (where->theirs == Theirs::ManagersReports) {
        query->orgs.append(SearchQuery::OrgFilter {manager->username, false});
        understood.team = Team::ReportsOf;
        understood.person = shownName(person);
    } else {
        query->orgs.append(SearchQuery::OrgFilter {manager->username, false, false, person.username});
        understood.team = Team::PeersOf;
        understood.person = shownName(person);
    }
    understood.manager = shownName(*manager);
}

std::vector<char> SearchEngine::Private::exclusionSelection(const SearchQuery &query,
                                                            const std::vector<PlanTerm> &excluded, QString *error)
{
    std::vector<char> kept(docs.size(), 1);
    //! Leaves out the people \a expression finds; with \a term, only where its words are in one
    //! of its fields ("machine learning" in a bio, not "machine" in a title and "learning" in a bio).
    auto leaveOut = [&](const QString &expression, CollectPlan *plan, const PlanTerm *term) {
        if (expression.isEmpty())
            return true;
        if (!runFts(expression, plan, error))
            return false;
        for (size_t row = 0; row < plan->rowids.size(); ++row) {
            const qint64 id = plan->rowids[row];
            if (id >= 0 && size_t(id) < kept.size() && (!term || plan->hits[row].masked(term->columns).any()))
                kept[size_t(id)] = 0;
        }
        return true;
    };
    for (const PlanTerm &term : excluded) {
        CollectPlan plan;
        plan.termCount = 1;
        if (!leaveOut(termClause(term, 0, true, false, &plan), &plan, &term))
            return {};
    }
    // -skill:, -dept:, -location:, each as its filter would keep people.
    QList<SearchQuery> filters;
    auto addFilter = [&filters](auto member, const auto &value) {
        SearchQuery filter;
        (filter.*member).append(value);
        filters.append(filter);
    };
    for (const SearchQuery::SkillFilter &skill : query.excluded.skills)
        addFilter(&SearchQuery::skills, skill);
    for (const SearchQuery::PhraseFilter &department : query.excluded.departments)
        addFilter(&SearchQuery::departments, department);
    for (const SearchQuery::PhraseFilter &location : query.excluded.locations)
        addFilter(&SearchQuery::locations, location);
    for (const SearchQuery &filter : std::as_const(filters)) {
        CollectPlan plan;
        if (!leaveOut(filterClauses(filter, true, &plan), &plan, nullptr))
            return {};
    }
    return kept;
}

std::vector<char> SearchEngine::Private::placeSelection(const Where &where)
{
    // Each time zone as the database knows it, read once.
    for (size_t i = zones.size(); i < size_t(timeZoneNames.size()); ++i) {
        const QString &name = timeZoneNames[qsizetype(i)];
        Zone zone;
        if (QTimeZone::isTimeZoneIdAvailable(name.toUtf8())) {
            zone.zone = QTimeZone(name.toUtf8());
            zone.territory = zone.zone.territory();
            zone.known = name.contains(QLatin1Char('/')) && !name.startsWith(QLatin1String("Etc/"));
        }
        zones.push_back(zone);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::vector<char> zoneInOffset(zones.size(), 0);
    for (size_t i = 0; i < zones.size(); ++i)
        zoneInOffset[i] = zones[i].zone.isValid() && zones[i].zone.offsetFromUtc(now) == where.offset;
    // Each location's folded words, read when a place is asked for.
    QList<QStringList> locationWords;
    if (!where.regions.isEmpty() || !where.excludedRegions.isEmpty()) {
        for (const QString &location : std::as_const(locationNames))
            locationWords.append(SearchText::foldedWords(location));
    }
    //! Where people are in a place of \a group: in a region by time zone, by a location that
    //! names the region ("Remote (EMEA)") or by a country in it ("Remote, Poland"); at a place by
    //! a location that says it ("Lagos, Nigeria").
    struct InGroup
    {
        std::vector<char> zone; //!< by time zone
        std::vector<char> named; //!< by location
        std::vector<char> implied; //!< by location
    };
    auto inGroup = [&](const PlaceGroup &group) {
        InGroup in {std::vector<char>(zones.size(), 0), std::vector<char>(size_t(locationNames.size()), 0),
                    std::vector<char>(size_t(locationNames.size()), 0)};
        auto anyRegion = [&group](auto test) {
            return std::any_of(group.regions.cbegin(), group.regions.cend(), test);
        };
        for (size_t i = 0; i < zones.size(); ++i) {
            const QString &name = timeZoneNames[qsizetype(i)];
            in.zone[i] = zones[i].known
                && anyRegion([&](const Region *r) { return r->containsTimeZone(name, zones[i].territory); });
        }
        for (size_t i = 0; i < in.named.size(); ++i) {
            const QStringList &words = locationWords[qsizetype(i)];
            if (words.isEmpty())
                continue;
            const bool saysPlace =
                std::any_of(group.places.cbegin(), group.places.cend(), [&](const QStringList &place) {
                    return std::search(words.cbegin(), words.cend(), place.cbegin(), place.cend()) != words.cend();
                });
            in.named[i] = saysPlace || anyRegion([&](const Region *r) { return r->isNamedBy(words); });
            in.implied[i] = in.named[i] || anyRegion([&](const Region *r) { return r->isImpliedBy(words); });
        }
        return in;
    };
    std::vector<InGroup> asked;
    for (const PlaceGroup &group : where.regions)
        asked.push_back(inGroup(group));
    // "not in europe or japan": one group, any of which leaves people out.
    std::vector<InGroup> leftOut;
    if (!where.excludedRegions.isEmpty())
        leftOut.push_back(inGroup(PlaceGroup {where.excludedRegions, {}}));
    // Someone whose time zone does not say where is where most people of their location are.
    std::vector<std::unordered_map<qint32, int>> zonesAt(size_t(locationNames.size()));
    if (std::any_of(zones.cbegin(), zones.cend(), [](const Zone &zone) { return !zone.known; })) {
        for (const Doc &doc : docs) {
            if (doc.nameRank >= 0 && zones[size_t(doc.timeZone)].known)
                ++zonesAt[size_t(doc.location)][doc.timeZone];
        }
    }
    std::vector<qint32> locationZone(zonesAt.size(), -1);
    for (size_t i = 0; i < zonesAt.size(); ++i) {
        int most = 0;
        for (const auto &[zone, count] : zonesAt[i]) {
            if (count > most || (count == most && zone < locationZone[i])) {
                most = count;
                locationZone[i] = zone;
            }
        }
    }
    // The asker's department by its index (-1: any; past the end: none has it).
    const qint32 department = where.department.isEmpty()
        ? -1
        : qint32(departmentNames.contains(where.department) ? departmentNames.indexOf(where.department)
                                                            : departmentNames.size());
    // The asker's location: where the location reads the same, case and accents aside.
    std::vector<char> atLocation;
    if (!where.location.isEmpty()) {
        const QString folded = foldText(where.location);
        for (const QString &location : std::as_const(locationNames))
            atLocation.push_back(foldText(location) == folded);
    }
    const bool sameTimeZone = where.sameTimeZone();
    std::vector<char> in(docs.size(), 0);
    for (size_t id = 0; id < docs.size(); ++id) {
        const Doc &doc = docs[id];
        if (doc.nameRank < 0 || (department >= 0 && doc.department != department))
            continue;
        const size_t location = size_t(doc.location);
        if (!atLocation.empty() && (!atLocation[location] || qint64(id) == where.asker))
            continue;
        const bool own = zones[size_t(doc.timeZone)].known || locationZone[location] < 0;
        const size_t zone = size_t(own ? doc.timeZone : locationZone[location]);
        if (sameTimeZone && !zoneInOffset[zone])
            continue;
        //! In every one of \a groups.
        auto isIn = [&](const std::vector<InGroup> &groups) {
            for (const InGroup &group : groups) {
                if (!group.named[location] && !(zones[zone].known ? group.zone[zone] : group.implied[location]))
                    return false;
            }
            return true;
        };
        in[id] = isIn(asked) && (leftOut.empty() || !isIn(leftOut));
    }
    return in;
}

SkillMap SearchEngine::Private::skillMapOfCache(int rows) const
{
    SkillMap map;
    std::vector<std::array<int, 6>> byDepartment(size_t(departmentNames.size()), std::array<int, 6> {});
    std::vector<std::array<int, 6>> byLocation(size_t(locationNames.size()), std::array<int, 6> {});
    for (const Match &match : cache.matches) {
        const Doc &doc = docs[size_t(match.localId)];
        ++byDepartment[size_t(doc.department)][match.skillLevel];
        ++byLocation[size_t(doc.location)][match.skillLevel];
    }
    auto top = [rows](const std::vector<std::array<int, 6>> &counts, const QStringList &names) {
        std::vector<SkillMap::Row> all;
        for (size_t i = 0; i < counts.size(); ++i) {
            SkillMap::Row row;
            row.people = counts[i];
            for (int n : row.people)
                row.total += n;
            if (row.total > 0 && !names[qsizetype(i)].isEmpty()) {
                row.value = names[qsizetype(i)];
                all.push_back(row);
            }
        }
        const size_t n = std::min(all.size(), size_t(std::max(0, rows)));
        std::partial_sort(all.begin(), all.begin() + qsizetype(n), all.end(),
                          [](const SkillMap::Row &l, const SkillMap::Row &r) {
                              return l.total != r.total ? l.total > r.total : l.value < r.value;
                          });
        return QList<SkillMap::Row>(all.begin(), all.begin() + qsizetype(n));
    };
    map.departments = top(byDepartment, departmentNames);
    map.locations = top(byLocation, locationNames);
    map.total = int(cache.matches.size());
    return map;
}

void SearchEngine::setOrgChart(OrgChart *chart)
{
    d->orgChart = chart;
    d->ownOrgChart.reset();
    d->cache = {};
}

std::vector<char> SearchEngine::Private::availableNow()
{
    return peopleByStatus("SELECT p.local_id FROM statuses s JOIN profiles p ON p.username = s.username "
                          "WHERE s.presence = 'online' AND s.availability = 'available'");
}

std::vector<char> SearchEngine::Private::outOfOfficeNow()
{
    // The server updates a status when an out-of-office window starts or ends.
    return peopleByStatus("SELECT p.local_id FROM statuses s JOIN profiles p ON p.username = s.username "
                          "WHERE s.availability = 'out_of_office'");
}

std::vector<char> SearchEngine::Private::peopleByStatus(const char *sql)
{
    std::vector<char> people;
    // Without the statuses table (a store of an older build open read-only), no one is.
    Sql::Statement s(db, sql);
    while (s.next()) {
        const qint64 id = s.int64(0);
        if (id < 0)
            continue;
        if (size_t(id) >= people.size())
            people.resize(std::max(size_t(id) + 1, docs.size()), 0);
        people[size_t(id)] = 1;
    }
    return people;
}

void SearchEngine::Private::countLeads()
{
    cache.leads.clear();
    cache.leadership.clear();
    const OrgChart *chart = freshOrgChart();
    if (!chart)
        return; // no one is known to lead anyone: the order is the score's
    // Everyone above a match leads one more of them (only the matches' counts are read). The group
    // asked about is those whose title or department says it, where anyone's does ("head of
    // design": the designers, not the salespeople with a skill in presentation design); else
    // everyone found ("who leads kotlin").
    constexpr quint16 Work = (1u << TitleColumn) | (1u << DepartmentColumn);
    const bool anyAtWork = std::any_of(cache.matches.cbegin(), cache.matches.cend(),
                                       [](const Match &match) { return match.columns & Work; });
    const size_t size = std::max(chart->idLimit(), docs.size());
    cache.leads.assign(size, 0);
    for (const Match &match : cache.matches) {
        if (anyAtWork && !(match.columns & Work))
            continue;
        for (const qint64 above : chart->chain(match.localId))
            ++cache.leads[size_t(above)];
    }
    // How much of the group found someone leads, and how little else: the head of Mobile
    // Engineering (2,499 found, 2,499 under her) before the VP above her (2,499 of 30,000) and a
    // team lead (8 of 8). Under 1: they lead none of it to speak of (one of their 5,000 people).
    cache.leadership.assign(size, 0.0f);
    for (const Match &match : cache.matches) {
        const size_t id = size_t(match.localId);
        const double under = cache.leads[id];
        const double share = under * under / std::max(1, chart->headcount(match.localId));
        cache.leadership[id] = share >= 1 ? float(share) : 0.0f;
    }
}

bool SearchEngine::Private::isDepartment(const QString &folded)
{
    freshDepartmentTree();
    return departmentTree.names.contains(folded);
}

void SearchEngine::Private::askRoleBesideDepartments(QList<QueryUnderstanding::Term> *terms)
{
    if (std::none_of(terms->cbegin(), terms->cend(), [](const QueryUnderstanding::Term &term) {
            return term.isRole() && term.optional && !term.excluded;
        }))
        return;
    auto namesDepartment = [this](const QueryUnderstanding::Term &term) {
        QStringList names {term.text()};
        if (term.entry)
            names.append(term.entry->canonical);
        names += term.longForms;
        return std::any_of(names.cbegin(), names.cend(),
                           [this](const QString &name) { return isDepartment(departmentKey(name)); });
    };
    bool eachDepartment = true;
    QStringList asked; // the words of what else is asked for, in order ("field services")
    for (const QueryUnderstanding::Term &term : std::as_const(*terms)) {
        if (term.excluded || term.place || term.region)
            continue;
        if (!term.isRole() && !term.optional) {
            eachDepartment = eachDepartment && namesDepartment(term);
            asked += term.words;
        }
    }
    if (asked.isEmpty() || !(eachDepartment || isDepartment(departmentKey(asked.join(u' ')))))
        return;
    for (QueryUnderstanding::Term &term : *terms) {
        if (term.isRole() && !term.excluded)
            term.optional = false;
    }
}

void SearchEngine::Private::freshDepartmentTree()
{
    if (departmentTree.change != loadedChange) {
        departmentTree = {};
        departmentTree.change = loadedChange;
        // For each department, the departments its people's managers work in, when elsewhere.
        QHash<QString, QHash<QString, int>> above;
        Sql::Statement edges(db,
                             "SELECT m.department, p.department, count(*) FROM profiles p "
                             "JOIN profiles m ON m.username = p.manager "
                             "WHERE p.department <> m.department AND p.department <> '' AND m.department <> '' "
                             "GROUP BY m.department, p.department");
        while (edges.next()) {
            const QString parent = edges.text(0);
            const QString child = edges.text(1);
            const QString parentKey = departmentKey(parent);
            const QString childKey = departmentKey(child);
            if (parentKey.isEmpty() || childKey.isEmpty() || parentKey == childKey)
                continue;
            // The first spelling read stays ("Finance" sorts before "finance").
            if (!departmentTree.names.contains(parentKey))
                departmentTree.names.insert(parentKey, parent);
            if (!departmentTree.names.contains(childKey))
                departmentTree.names.insert(childKey, child);
            above[childKey][parentKey] += edges.integer(2);
        }
        for (auto child = above.cbegin(); child != above.cend(); ++child) {
            int across = 0;
            for (const int count : child.value())
                across += count;
            for (auto parent = child.value().cbegin(); parent != child.value().cend(); ++parent) {
                if (2 * parent.value() > across)
                    departmentTree.children[parent.key()].append(child.key());
            }
        }
        Sql::Statement tops(db,
                            "SELECT DISTINCT t.department FROM profiles t WHERE t.manager = '' "
                            "AND EXISTS (SELECT 1 FROM profiles r WHERE r.manager = t.username)");
        while (tops.next())
            departmentTree.tops.insert(departmentKey(tops.text(0)));
    }
}

QStringList SearchEngine::Private::departmentsUnder(const QString &folded, QString *name)
{
    freshDepartmentTree();
    if (departmentTree.tops.contains(folded) || !departmentTree.children.contains(folded))
        return {};
    *name = departmentTree.names.value(folded);
    // Every level; a cycle (A under B under A) is walked once.
    QSet<QString> seen {folded};
    QStringList next {folded};
    QStringList under;
    while (!next.isEmpty()) {
        const QString department = next.takeLast();
        for (const QString &child : departmentTree.children.value(department)) {
            if (seen.contains(child))
                continue;
            seen.insert(child);
            next.append(child);
            under.append(departmentTree.names.value(child));
        }
    }
    std::sort(under.begin(), under.end(),
              [](const QString &a, const QString &b) { return QString::localeAwareCompare(a, b) < 0; });
    return under;
}

OrgChart *SearchEngine::Private::freshOrgChart()
{
    OrgChart *chart = orgChart;
    if (!chart) {
        if (!ownOrgChart)
            ownOrgChart = std::make_unique<OrgChart>(store);
        chart = ownOrgChart.get();
    }
    return chart->refresh() ? chart : nullptr;
}

std::vector<char> SearchEngine::Private::orgSelection(const SearchQuery &query, QString *error)
{
    OrgChart *chart = freshOrgChart();
    if (!chart) {
        *error = SearchEngine::tr("the org chart is not available");
        return {};
    }
    std::vector<char> selected;
    bool first = true;
    for (const SearchQuery::OrgFilter &filter : query.orgs) {
        const qint64 id = chart->idOf(filter.username);
        if (id < 0) {
            *error = SearchEngine::tr("no one with the username %1 is in the directory").arg(filter.username);
            return {};
        }
        std::vector<char> these(std::max(docs.size(), chart->idLimit()), 0);
        if (filter.self) {
            these[size_t(id)] = 1;
        } else if (filter.allLevels) {
            for (qint64 member : chart->team(id))
                these[size_t(member)] = 1;
        } else {
            for (qint64 member : chart->directReports(id))
                these[size_t(member)] = 1;
        }
        if (const qint64 except = filter.except.isEmpty() ? -1 : chart->idOf(filter.except); except >= 0)
            these[size_t(except)] = 0;
        if (first) {
            selected = std::move(these);
            first = false;
        } else {
            for (size_t i = 0; i < selected.size() && i < these.size(); ++i)
                selected[i] = char(selected[i] && these[i]);
        }
    }
    return selected;
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
                          "Everyday words work: \"who can help with terraform\", \"python expert in london\",\n"
                          "\"wer kennt sich mit k8s aus\"; aliases (\"tf\", \"js\", \"bangalore\") mean what profiles\n"
                          "say. When no one matches every word, the closest matches are shown.\n"
                          "Filters:\n"
                          "  skill:NAME        has the skill NAME (skill:rust, skill:\"machine learning\", skill:c++)\n"
                          "  dept:NAME         department contains NAME (dept:\"Data Platform\"); also department:\n"
                          "  location:NAME     location contains NAME (location:berlin); also loc:\n"
                          "  level>=N          a matching skill at level N (1-5) or above; also level:N\n"
                          "  team:USERNAME     everyone under that person, every level (team:grace)\n"
                          "  reports:USERNAME  that person's direct reports (reports:grace)\n"
                          "  available:yes     people available now (online, not on do-not-disturb or out of\n"
                          "                    office) first; everyone else still follows\n"
                          "  -WORD             leaves out the people WORD finds as a whole word (python -java);\n"
                          "                    also -\"A PHRASE\", -skill:, -dept:, -location:. In words: \"python\n"
                          "                    but not java\", \"without sap\", \"not in london\", \"ohne java\"\n"
                          "Results rank skills (by level) above titles, titles above interests, interests above\n"
                          "the bio; a query that is someone's name puts them first.");
}

} // namespace Colleagues
