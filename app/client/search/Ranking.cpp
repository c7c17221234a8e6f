// SPDX-License-Identifier: MIT
#include "client/search/Ranking.h"

#include <algorithm>

namespace Colleagues::Ranking {

namespace {

// Field weights: skills above title, title above interests, interests above the bio; a skill
// counts more the higher its level. Department and location sit between title and interests.
constexpr double ColumnWeight[ColumnCount] = {10, 6, 4, 4, 13, 12, 11, 10, 9, 3, 1};
// "python expert": the skill's level counts more than the field it is in.
constexpr double ExpertWeight[ColumnCount] = {10, 6, 4, 4, 26, 21, 16, 11, 6, 3, 1};
// "python beginners": the same, the other way round.
constexpr double BeginnerWeight[ColumnCount] = {10, 6, 4, 4, 6, 11, 16, 21, 26, 3, 1};
// A word equal to the term counts fully; a word that only starts with it (the user is still
// typing, or it is a longer word) less: an exact skill at level 1 still beats a prefix at 5.
// When the term is a whole known word ("java"), a longer word it starts ("javascript") is
// another word: it counts less than an exact title.
constexpr double ExactFactor = 1.0;
constexpr double PrefixFactor = 0.6;
constexpr double CompletePrefixFactor = 0.3;
constexpr double CorrectedFactor = 0.9;
constexpr double RelatedFactor = 0.4;
constexpr double OptionalFactor = 0.05;
// More evidence: each further field that says it adds a tenth of its weight, at most 0.9 — less
// than a skill level, so the level still decides first.
constexpr double EvidenceFactor = 0.1;
constexpr double EvidenceMax = 0.9;
// A query whose every term is in someone's name puts that person first.
constexpr double NameBonus = 100;
constexpr double ExactNameBonus = 50;

constexpr quint16 SkillColumns = 0x1F << Skills5Column;

//! The six other columns as a 6-bit index: name, title, department, location, interests, bio.
int otherIndex(quint16 mask)
{
    return (mask & 0xF) | ((mask >> 5) & 0x30);
}

//! The best column weight in each 11-bit column mask, for each kind of match; the sum of the
//! weights of the columns that are not skills.
struct WeightTable
{
    float exact[1 << ColumnCount];
    float prefix[1 << ColumnCount];
    float completePrefix[1 << ColumnCount];
    float corrected[1 << ColumnCount];
    float related[1 << ColumnCount];
    float otherSum[64];

    explicit WeightTable(const double (&weight)[ColumnCount])
    {
        for (int mask = 0; mask < (1 << ColumnCount); ++mask) {
            double best = 0;
            for (int column = 0; column < ColumnCount; ++column) {
                if (mask & (1 << column))
                    best = std::max(best, weight[column]);
            }
            exact[mask] = float(best * ExactFactor);
            prefix[mask] = float(best * PrefixFactor);
            completePrefix[mask] = float(best * CompletePrefixFactor);
            corrected[mask] = float(best * CorrectedFactor);
            related[mask] = float(best * RelatedFactor);
        }
        for (int index = 0; index < 64; ++index) {
            double sum = 0;
            for (int column = 0; column < ColumnCount; ++column) {
                if (!(SkillColumns & (1u << column)) && (otherIndex(quint16(1u << column)) & index))
                    sum += weight[column];
            }
            otherSum[index] = float(sum);
        }
    }
};

const WeightTable &weights(const Options &options)
{
    static const WeightTable normal(ColumnWeight);
    static const WeightTable expert(ExpertWeight);
    static const WeightTable beginner(BeginnerWeight);
    return options.expertsFirst ? expert : options.beginnersFirst ? beginner : normal;
}

} // namespace

quint16 skillColumnMask(int minLevel)
{
    quint16 mask = 0;
    for (int level = std::max(1, minLevel); level <= 5; ++level)
        mask |= quint16(1u << (Skills5Column + (5 - level)));
    return mask;
}

double skillLevelBonus(quint16 mask, bool lowest)
{
    for (int i = 0; i < 5; ++i) {
        const int level = lowest ? 1 + i : 5 - i;
        if (mask & (1u << (Skills5Column + (5 - level))))
            return 5.0 * (lowest ? 6 - level : level);
    }
    return 0;
}

double togetherBonus(int joined, const Options &options)
{
    return 2.0 * weights(options).exact[SkillColumns] * joined;
}

bool scoreDocument(const TermHit *hits, int count, const Options &options, double *value, quint32 *missing)
{
    const WeightTable &table = weights(options);
    double score = 0;
    int exactTerms = 0;
    int matchedTerms = 0;
    quint32 missed = 0;
    bool allName = count > 0;
    bool allNameExact = count > 0;
    bool levelOk = options.levelMask == 0;
    for (int t = 0; t < count; ++t) {
        const TermHit &hit = hits[t];
        const bool complete = options.complete & (1u << t);
        const float *prefixWeight = complete ? table.completePrefix : table.prefix;
        const quint16 prefixOnly = hit.prefix & ~hit.exact;
        const double direct = std::max(table.exact[hit.exact & AllColumns], prefixWeight[prefixOnly & AllColumns]);
        if ((options.optional & (1u << t)) && !((options.preferred & (1u << t)) && direct > 0)) {
            // A filler that is also a name ("can terraform", "who is will in berlin") only breaks ties.
            score += OptionalFactor * direct;
            allName = allName && (hit.any() & (1u << NameColumn));
            allNameExact = allNameExact && (hit.exact & (1u << NameColumn));
            continue;
        }
        if (direct > 0) {
            score += direct;
            ++exactTerms;
            // A longer word that a whole known word starts says nothing of it: "González" and
            // "good" are no evidence of Go.
            const quint16 saying = complete ? 0 : prefixOnly;
            const quint16 sayingColumns = hit.exact | saying;
            if ((options.evidence & (1u << t)) && (sayingColumns & (sayingColumns - 1))) {
                // More than one field says it: the others add (the fields that are not skills,
                // and the best skill).
                const double skill =
                    std::max(table.exact[hit.exact & SkillColumns], table.prefix[saying & SkillColumns]);
                const double others =
                    table.otherSum[otherIndex(hit.exact)] + table.otherSum[otherIndex(saying)] * PrefixFactor;
                const double best = std::max(table.exact[hit.exact & AllColumns], table.prefix[saying & AllColumns]);
                score += std::min(EvidenceMax, EvidenceFactor * (others + skill - best));
            }
        } else if (hit.corrected) {
            score += table.corrected[hit.corrected & AllColumns];
        } else if (hit.related) {
            score += table.related[hit.related & AllColumns];
        } else if (options.partial) {
            missed |= 1u << t;
            allName = allNameExact = false;
            continue;
        } else {
            return false;
        }
        ++matchedTerms;
        allName = allName && (hit.any() & (1u << NameColumn));
        allNameExact = allNameExact && (hit.exact & (1u << NameColumn));
        levelOk = levelOk || (hit.any() & options.levelMask);
    }
    if (!levelOk || (options.partial && count > 0 && matchedTerms == 0))
        return false;
    // Not when skill levels are asked for: "seo experts" asks for SEO, not for the Seo family.
    const bool levelsAsked = options.expertsFirst || options.beginnersFirst || options.levelMask != 0;
    if (allName && (count > 1 || allNameExact) && !levelsAsked)
        score += NameBonus + (allNameExact ? ExactNameBonus : 0);
    *value = exactTerms * TierStep + score;
    if (missing)
        *missing = missed;
    return true;
}

} // namespace Colleagues::Ranking
