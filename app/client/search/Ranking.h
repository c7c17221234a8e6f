// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace Colleagues {

//! How the search engine scores a person from where each query term matched: column weights,
//! exact above prefix above corrected, tiers by terms matched, the name bonus. One function
//! scores matches from FTS5 and from the prefix table alike. See docs/ARCHITECTURE.md, "Ranking".
namespace Ranking {

//! The FTS5 columns of profile_fts, in order.
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
constexpr quint16 AllColumns = (1u << ColumnCount) - 1;

//! Results are ordered by tier first: each term matched without correction adds one tier.
constexpr double TierStep = 1000;

//! Where one term matched in one document: a bit per column for each kind of match.
struct TermHit
{
    quint16 exact = 0;
    quint16 prefix = 0;
    quint16 corrected = 0;
    quint16 any() const { return exact | prefix | corrected; }
};

//! The columns of the skills of level \a minLevel and above.
quint16 skillColumnMask(int minLevel);

//! The tiered score of a document from its term hits; false when a term did not match or the
//! level filter (skills of \a levelMask, 0 for none) is not met.
bool scoreDocument(const TermHit *hits, int count, quint16 levelMask, double *value);

} // namespace Ranking
} // namespace Colleagues
