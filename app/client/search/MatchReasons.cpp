// SPDX-License-Identifier: MIT
#include "client/search/MatchReasons.h"

#include "client/search/Ranking.h"
#include "client/search/SearchText.h"
#include "core/TextFold.h"

#include <algorithm>

namespace Colleagues::MatchReasons {

namespace {

using namespace Ranking;

MatchReason::Kind better(MatchReason::Kind a, MatchReason::Kind b)
{
    return int(a) <= int(b) ? a : b;
}

//! Whether one of \a groups has \a token among its words and all its words among \a fieldWords
//! (as the search asks for them: "Excel" alone is no "Excel macros").
bool inGroups(const QList<PlanTerm::Group> &groups, const QString &token, const QList<SearchText::Word> &fieldWords)
{
    auto inField = [&fieldWords](const QString &t) {
        return std::any_of(fieldWords.cbegin(), fieldWords.cend(),
                           [&t](const SearchText::Word &w) { return w.token == t || w.parts.contains(t); });
    };
    return std::any_of(groups.cbegin(), groups.cend(), [&](const PlanTerm::Group &g) {
        return g.contains(token) && (g.size() == 1 || std::all_of(g.cbegin(), g.cend(), inField));
    });
}

//! How \a word of a field whose words are \a fieldWords matches \a term, or -1. In the department
//! (\a inDepartment), the departments under the one the term names match as its other names do.
int wordMatch(const SearchText::Word &word, const QList<SearchText::Word> &fieldWords, const PlanTerm &term,
              bool inDepartment)
{
    int best = -1;
    auto consider = [&](const QString &token) {
        int kind = -1;
        if (!term.token.isEmpty() && token == term.token)
            kind = int(MatchReason::Kind::Exact);
        else if (!term.token.isEmpty() && !term.wholeWord && token.startsWith(term.token))
            kind = int(MatchReason::Kind::Prefix);
        else if (term.corrections.contains(token))
            kind = int(MatchReason::Kind::Corrected);
        else if (inGroups(term.alternatives, token, fieldWords)
                 || (inDepartment && inGroups(term.departments, token, fieldWords)))
            kind = int(MatchReason::Kind::Exact);
        else if (inGroups(term.related, token, fieldWords))
            kind = int(MatchReason::Kind::Related);
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
    if (kind != MatchReason::Kind::Prefix || term.token.isEmpty() || !word.token.startsWith(term.token))
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

FieldMatch matchField(QStringView text, const std::vector<PlanTerm> &terms, bool inDepartment = false)
{
    FieldMatch result;
    if (text.isEmpty() || terms.empty())
        return result;
    const auto words = SearchText::words(text);
    for (const SearchText::Word &word : words) {
        for (const PlanTerm &term : terms) {
            const int kind = wordMatch(word, words, term, inDepartment);
            if (kind < 0)
                continue;
            const auto k = MatchReason::Kind(kind);
            result.kind = result.matched ? better(result.kind, k) : k;
            result.matched = true;
            const MatchSpan span = spanOf(text, word, term, k);
            if (!result.spans.contains(span))
                result.spans.append(span);
            if (!result.terms.contains(term.name))
                result.terms.append(term.name);
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

void explain(SearchResult *row, const Texts &texts, quint16 columns, const SearchQuery &query,
             const std::vector<PlanTerm> &terms)
{
    auto addField = [&](const char *field, const QString &text, const QString &value = QString(), int level = 0) {
        FieldMatch found = matchField(text, terms, qstrcmp(field, "department") == 0);
        if (!found.matched)
            return found;
        MatchReason reason;
        reason.field = QLatin1String(field);
        reason.value = value;
        reason.level = level;
        reason.kind = found.kind;
        reason.spans = found.spans;
        reason.terms = found.terms;
        row->reasons.append(reason);
        return found;
    };

    // Only the fields whose columns matched are split into words again.
    auto matched = [&](int column) { return (columns >> column) & 1; };
    if (matched(NameColumn)) {
        addField("name", row->displayName);
        // A username found for a phone number or an address: the match is that field's, unless
        // what was typed is the username or its start ("priya.pillai").
        if (addField("username", row->username).matched) {
            const QString username = foldText(row->username);
            auto byFieldOf = [&](const QString &name) {
                const auto term =
                    std::find_if(terms.cbegin(), terms.cend(), [&](const PlanTerm &t) { return t.name == name; });
                return term == terms.cend() || username.startsWith(term->folded) ? QString() : term->byField;
            };
            MatchReason &reason = row->reasons.last();
            const QString byField = byFieldOf(reason.terms.value(0));
            if (!byField.isEmpty() && std::all_of(reason.terms.cbegin(), reason.terms.cend(), [&](const QString &name) {
                    return byFieldOf(name) == byField;
                }))
                reason.field = byField;
        }
    }
    if (matched(TitleColumn))
        addField("title", row->title);
    const FieldMatch department = matched(DepartmentColumn) ? addField("department", row->department) : FieldMatch {};
    const FieldMatch location = matched(LocationColumn) ? addField("location", row->location) : FieldMatch {};

    for (const Skill &skill : texts.skills) {
        FieldMatch found = matchField(skill.name, terms);
        const bool filtered = std::any_of(query.skills.cbegin(), query.skills.cend(), [&](const auto &filter) {
            return SearchText::skillKeyToken(skill.name) == filter.keyToken;
        });
        if (found.matched && query.minLevel > 0 && query.skills.isEmpty() && skill.level < query.minLevel)
            found.matched = false; // matched, but below the level asked for
        if (!found.matched && !filtered)
            continue;
        MatchReason reason;
        reason.field = QStringLiteral("skill");
        reason.value = skill.name;
        reason.level = skill.level;
        reason.kind = found.matched ? found.kind : MatchReason::Kind::Filter;
        reason.spans = found.spans;
        reason.terms = found.terms;
        row->reasons.append(reason);
        row->matchedSkills.append(MatchedSkill {skill.name, skill.level, found.spans});
    }
    std::stable_sort(row->matchedSkills.begin(), row->matchedSkills.end(),
                     [](const MatchedSkill &l, const MatchedSkill &r) { return l.level > r.level; });

    if (matched(InterestsColumn)) {
        for (const QString &interest : texts.interests)
            addField("interest", interest, interest);
    }
    if (matched(BioColumn))
        addField("bio", texts.bio);

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
                row->reasons.append(reason);
                return;
            }
        }
    };
    addFilter("department", row->department, query.departments, department.matched);
    addFilter("location", row->location, query.locations, location.matched);
}

} // namespace Colleagues::MatchReasons
