// SPDX-License-Identifier: MIT
#pragma once

#include "client/search/PlanTerm.h"
#include "client/search/SearchQuery.h"
#include "client/search/SearchTypes.h"
#include "core/Skill.h"

#include <QStringList>

#include <vector>

namespace Colleagues {

//! Why a result matched: which fields, which words in them (spans in the text the UI shows) and
//! which query terms, computed for the rows of a page by splitting the original texts again.
namespace MatchReasons {

//! The texts of a result that the reasons point into. Skills and interests need only be filled
//! when their columns matched (or a skill: filter was given).
struct Texts
{
    QString bio;
    SkillList skills;
    QStringList interests;
};

//! Adds to \a row (whose name, username, title, department and location are set) the reasons
//! and matched skills for a match in \a columns (Ranking::Column bits).
void explain(SearchResult *row, const Texts &texts, quint16 columns, const SearchQuery &query,
             const std::vector<PlanTerm> &terms);

} // namespace MatchReasons
} // namespace Colleagues
