// SPDX-License-Identifier: MIT
#include "client/search/Ranking.h"

#include <algorithm>

namespace Colleagues::Ranking {

namespace {

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

} // namespace

quint16 skillColumnMask(int minLevel)
{
    quint16 mask = 0;
    for (int level = std::max(1, minLevel); level <= 5; ++level)
        mask |= quint16(1u << (Skills5Column + (5 - level)));
    return mask;
}

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
        const double direct = std::max(table.exact[hit.exact & AllColumns], table.prefix[hit.prefix & AllColumns]);
        if (direct > 0) {
            score += direct;
            ++exactTerms;
        } else if (hit.corrected) {
            score += table.corrected[hit.corrected & AllColumns];
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

} // namespace Colleagues::Ranking
