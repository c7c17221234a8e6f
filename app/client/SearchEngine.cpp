#include "SearchEngine.h"

#include "ClientStore.h"
#include "SearchQuery.h"
#include "SearchText.h"
#include "Sqlite_p.h"
#include "StoreSchema_p.h"
#include "TextFold.h"
#include "Vocabulary.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>

#include <algorithm>
#include <vector>

Q_LOGGING_CATEGORY(lcSearch, "colleagues.search")

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

enum PhraseKind : quint8 { ExactPhrase, PrefixPhrase, CorrectedPhrase, FilterPhrase };

struct RankPlan
{
    int termCount = 0;
    struct Phrase
    {
        int term;
        PhraseKind kind;
    };
    std::vector<Phrase> phrases;
};

constexpr const char *RankPlanType = "colleagues_rank_plan";

//! colleagues_rank(profile_fts, plan): the tiered score of the current row (see RankPlan).
void rankFunction(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int argc,
                  sqlite3_value **argv)
{
    const auto *plan = argc > 0 ? static_cast<const RankPlan *>(sqlite3_value_pointer(argv[0], RankPlanType)) : nullptr;
    if (!plan) {
        sqlite3_result_error(context, "colleagues_rank needs its plan", -1);
        return;
    }
    double best[MaxTerms] = {};
    double bestCorrected[MaxTerms] = {};
    quint32 nameHit = 0;
    quint32 nameExact = 0;
    const int phraseCount = std::min<int>(api->xPhraseCount(fts), int(plan->phrases.size()));
    for (int p = 0; p < phraseCount; ++p) {
        const RankPlan::Phrase &phrase = plan->phrases[size_t(p)];
        if (phrase.kind == FilterPhrase)
            continue;
        Fts5PhraseIter iter;
        int column = -1;
        for (api->xPhraseFirstColumn(fts, p, &iter, &column); column >= 0;
             api->xPhraseNextColumn(fts, &iter, &column)) {
            if (column >= ColumnCount)
                continue;
            const quint32 bit = 1u << phrase.term;
            switch (phrase.kind) {
            case ExactPhrase:
                best[phrase.term] = std::max(best[phrase.term], ColumnWeight[column] * ExactFactor);
                if (column == NameColumn)
                    nameHit |= bit, nameExact |= bit;
                break;
            case PrefixPhrase:
                best[phrase.term] = std::max(best[phrase.term], ColumnWeight[column] * PrefixFactor);
                if (column == NameColumn)
                    nameHit |= bit;
                break;
            case CorrectedPhrase:
                bestCorrected[phrase.term] =
                    std::max(bestCorrected[phrase.term], ColumnWeight[column] * CorrectedFactor);
                if (column == NameColumn)
                    nameHit |= bit;
                break;
            case FilterPhrase: break;
            }
        }
    }
    double score = 0;
    int exactTerms = 0;
    for (int t = 0; t < plan->termCount; ++t) {
        if (best[t] > 0) {
            score += best[t];
            ++exactTerms;
        } else {
            score += bestCorrected[t];
        }
    }
    const quint32 all = plan->termCount >= 32 ? ~0u : (1u << plan->termCount) - 1;
    if (plan->termCount > 0 && nameHit == all && (plan->termCount > 1 || nameExact == all))
        score += NameBonus + (nameExact == all ? ExactNameBonus : 0);
    sqlite3_result_double(context, exactTerms * TierStep + score);
}

bool registerRankFunction(sqlite3 *db)
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
    return api->xCreateFunction(api, "colleagues_rank", nullptr, rankFunction, nullptr) == SQLITE_OK;
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
};

struct Match
{
    qint64 localId;
    double value;
    qint32 nameRank;
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
    bool rankRegistered = false;

    // The per-person table, indexed by local_id, and the name order.
    std::vector<Doc> docs;
    std::vector<qint64> byName;
    QStringList departmentNames;
    QStringList locationNames;
    bool docsLoaded = false;
    quint64 loadedGeneration = 0;
    qint64 loadedDataVersion = -1;

    Vocabulary vocabulary;
    bool vocabularyLoaded = false;

    Sql::Statement matchStatement;
    Sql::Statement rowStatement;
    Sql::Statement skillsStatement;
    Sql::Statement interestsStatement;
    Sql::Statement dataVersionStatement;

    // The last query's results, reused when the UI fetches the next page.
    struct Cached
    {
        QString key;
        std::vector<Match> matches;
        size_t sorted = 0;
        SearchPage facts; //!< facets, corrections, total, error
        std::vector<PlanTerm> terms;
        SearchQuery query;
    } cache;

    bool ensureOpen();
    bool ensureFresh();
    bool loadDocs();
    bool loadVocabulary();
    qint64 dataVersion();

    std::vector<PlanTerm> planTerms(const SearchQuery &query, QList<Correction> *corrections);
    QString matchExpression(const SearchQuery &query, const std::vector<PlanTerm> &terms, RankPlan *plan) const;
    bool collect(const SearchQuery &query, const std::vector<PlanTerm> &terms, std::vector<Match> *matches,
                 QString *error);
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
        rankRegistered = registerRankFunction(db);
        if (!rankRegistered)
            qCWarning(lcSearch) << "cannot register the ranking function:" << Sql::errorMessage(db);
        matchStatement.prepare(
            db, "SELECT rowid, colleagues_rank(profile_fts, ?1) FROM profile_fts WHERE profile_fts MATCH ?2");
        rowStatement.prepare(db,
                             "SELECT id, username, display_name, title, department, location, time_zone, bio "
                             "FROM profiles WHERE local_id = ?1");
        skillsStatement.prepare(db, "SELECT name, level FROM skills WHERE local_id = ?1 ORDER BY position");
        interestsStatement.prepare(db, "SELECT text FROM interests WHERE local_id = ?1 ORDER BY position");
        dataVersionStatement.prepare(db, "PRAGMA data_version");
        docsLoaded = false;
        vocabularyLoaded = false;
        cache = {};
    }
    return rankRegistered;
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
    if (docsLoaded && (version != loadedDataVersion || store->directoryGeneration() != loadedGeneration)) {
        docsLoaded = false;
        vocabularyLoaded = false;
        cache = {};
    }
    if (!docsLoaded) {
        loadedDataVersion = version;
        loadedGeneration = store->directoryGeneration();
        if (!loadDocs())
            return false;
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
    docsLoaded = true;
    return true;
}

bool SearchEngine::Private::loadVocabulary()
{
    vocabulary.clear();
    Sql::Statement rows(db, "SELECT term, doc FROM profile_vocab");
    while (rows.next())
        vocabulary.add(rows.text(0), rows.integer(1));
    vocabulary.finish();
    vocabularyLoaded = rows.ok();
    return vocabularyLoaded;
}

std::vector<PlanTerm> SearchEngine::Private::planTerms(const SearchQuery &query, QList<Correction> *corrections)
{
    std::vector<PlanTerm> terms;
    for (const SearchQuery::Term &term : query.terms) {
        if (int(terms.size()) >= MaxTerms)
            break;
        PlanTerm plan {term.folded, term.token, {}};
        if (Vocabulary::maxEdits(term.token) > 0 && !SearchText::hasSymbols(term.token)) {
            if (!vocabularyLoaded)
                loadVocabulary();
            const int exactDocs = vocabulary.prefixDocs(term.token, RareTermDocs);
            if (exactDocs < RareTermDocs) {
                const auto candidates = vocabulary.corrections(term.token, 8);
                for (const Vocabulary::Candidate &candidate : candidates) {
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
                                               RankPlan *plan) const
{
    QStringList clauses;
    plan->termCount = int(terms.size());
    plan->phrases.clear();
    auto alternatives = [&](int index, PhraseKind exactKind, PhraseKind prefixKind, PhraseKind correctedKind) {
        const PlanTerm &term = terms[size_t(index)];
        QString out =
            QStringLiteral("(") + quoted(term.token) + QStringLiteral(" OR ") + quoted(term.token) + QLatin1Char('*');
        plan->phrases.push_back({index, exactKind});
        plan->phrases.push_back({index, prefixKind});
        for (const QString &correction : term.corrections) {
            out += QStringLiteral(" OR ") + quoted(correction);
            plan->phrases.push_back({index, correctedKind});
        }
        return out + QLatin1Char(')');
    };
    for (int i = 0; i < int(terms.size()); ++i)
        clauses.append(alternatives(i, ExactPhrase, PrefixPhrase, CorrectedPhrase));

    for (const SearchQuery::SkillFilter &skill : query.skills) {
        clauses.append(skillColumns(query.minLevel) + QStringLiteral(" : ") + quoted(skill.keyToken));
        plan->phrases.push_back({0, FilterPhrase});
    }
    if (query.minLevel > 0 && query.skills.isEmpty()) {
        if (terms.empty()) {
            clauses.append(skillColumns(query.minLevel) + QStringLiteral(" : \"_k\"*"));
            plan->phrases.push_back({0, FilterPhrase});
        } else {
            QStringList any;
            for (int i = 0; i < int(terms.size()); ++i)
                any.append(alternatives(i, FilterPhrase, FilterPhrase, FilterPhrase));
            clauses.append(skillColumns(query.minLevel) + QStringLiteral(" : (") + any.join(QStringLiteral(" OR "))
                           + QLatin1Char(')'));
        }
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
                                    std::vector<Match> *matches, QString *error)
{
    matches->clear();
    if (query.isEmpty()) {
        matches->reserve(byName.size());
        for (size_t rank = 0; rank < byName.size(); ++rank)
            matches->push_back(Match {byName[rank], 0.0, qint32(rank)});
        return true;
    }
    RankPlan plan;
    const QString expression = matchExpression(query, terms, &plan);
    matchStatement.bindPointer(1, &plan, RankPlanType);
    matchStatement.bind(2, expression);
    while (matchStatement.next()) {
        const qint64 id = matchStatement.int64(0);
        if (id < 0 || size_t(id) >= docs.size() || docs[size_t(id)].nameRank < 0)
            continue; // changed after the table was loaded; the next search reloads
        matches->push_back(Match {id, matchStatement.real(1), docs[size_t(id)].nameRank});
    }
    const bool ok = matchStatement.ok();
    if (!ok) {
        *error = QStringLiteral("search failed: %1").arg(matchStatement.errorMessage());
        qCWarning(lcSearch) << *error << expression;
    }
    matchStatement.reset();
    return ok;
}

namespace {

//! How \a word matches \a term, or -1.
int wordMatch(const SearchText::Word &word, const PlanTerm &term)
{
    int best = -1;
    auto consider = [&](const QString &token, bool whole) {
        int kind = -1;
        if (token == term.token)
            kind = int(MatchReason::Kind::Exact);
        else if (token.startsWith(term.token))
            kind = int(MatchReason::Kind::Prefix);
        else if (term.corrections.contains(token))
            kind = int(MatchReason::Kind::Corrected);
        Q_UNUSED(whole)
        if (kind >= 0 && (best < 0 || kind < best))
            best = kind;
    };
    consider(word.token, true);
    for (const QString &part : word.parts)
        consider(part, false);
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

    addField("name", row.displayName);
    addField("username", row.username);
    addField("title", row.title);
    const FieldMatch department = addField("department", row.department);
    const FieldMatch location = addField("location", row.location);

    skillsStatement.bind(1, match.localId);
    while (skillsStatement.next()) {
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
    while (interestsStatement.next()) {
        const QString interest = interestsStatement.text(0);
        addField("interest", interest, interest);
    }
    interestsStatement.reset();
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
    return d->vocabularyLoaded || d->loadVocabulary();
}

void SearchEngine::invalidate()
{
    d->docsLoaded = false;
    d->vocabularyLoaded = false;
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
        std::vector<Match> all;
        QString error;
        if (!d->collect(cache.query, cache.terms, &all, &error))
            cache.facts.error = error;

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
        cache.matches.reserve(all.size());
        for (const Match &match : all) {
            const Private::Doc &doc = d->docs[size_t(match.localId)];
            const bool dOk = departmentOk.empty() || departmentOk[size_t(doc.department)];
            const bool lOk = locationOk.empty() || locationOk[size_t(doc.location)];
            if (lOk)
                ++departmentCounts[size_t(doc.department)];
            if (dOk)
                ++locationCounts[size_t(doc.location)];
            if (dOk && lOk)
                cache.matches.push_back(match);
        }
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
