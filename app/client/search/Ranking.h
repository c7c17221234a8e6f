// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace Colleagues {

//! How the search engine scores a person from where each query term matched: column weights,
//! exact above prefix above corrected above related, more evidence above less, tiers by terms
//! matched, the name bonus. One function scores matches from FTS5 and from the prefix table
//! alike. See docs/ARCHITECTURE.md, "Ranking".
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
constexpr quint16 LocationColumns = 1u << LocationColumn;

//! Results are ordered by tier first: each term matched without correction adds one tier.
constexpr double TierStep = 1000;
//! A title that says a name of several words as written ("Product Manager" for "product managers",
//! not "Product Marketing Manager"): more than any evidence, less than a skill level.
constexpr double TitlePhraseBonus = 0.95;
//! A title that has an expert word of the query ("Senior …" for "senior product manager"): breaks
//! ties, below a title that says the name.
constexpr double TitleQualifierBonus = 0.3;

//! Where one term matched in one document: a bit per column for each kind of match.
struct TermHit
{
    quint16 exact = 0; //!< the typed word, or a word meaning the same (an alias)
    quint16 prefix = 0; //!< a word starting with the typed word
    quint16 corrected = 0;
    quint16 related = 0; //!< a related skill (a fallback)
    quint16 key = 0; //!< of exact: the skill columns where a whole skill the term names matched
    quint16 any() const { return exact | prefix | corrected | related; }
    TermHit &operator|=(const TermHit &other)
    {
        exact |= other.exact;
        prefix |= other.prefix;
        corrected |= other.corrected;
        related |= other.related;
        key |= other.key;
        return *this;
    }
    TermHit masked(quint16 columns) const
    {
        return TermHit {quint16(exact & columns), quint16(prefix & columns), quint16(corrected & columns),
                        quint16(related & columns), quint16(key & columns)};
    }
    //! A word of the term in a longer skill ("go" in "Go-to-market strategy") where no whole
    //! skill it names matched (Go, Golang): ranked as a longer word it starts, not as the skill.
    void demoteLooseSkillWords(quint16 skillColumns)
    {
        const quint16 loose = quint16(exact & skillColumns & ~key);
        exact &= quint16(~loose);
        prefix |= loose;
    }
};

//! How to score a query's documents.
struct Options
{
    quint16 levelMask = 0; //!< a term must match a skill of these columns (level>=N); 0: none
    quint32 complete = 0; //!< bit per term: a whole known word, its prefix matches rank lower
    quint32 optional = 0; //!< bit per term that need not match
    //! bit per optional term whose match counts as a term asked for ("recruiter for engineering":
    //! the recruiters who say engineering a tier up), not only breaking ties
    quint32 preferred = 0;
    quint32 evidence = 0; //!< bit per term: further fields that say it add up (not while typing 1-2 letters)
    bool expertsFirst = false; //!< skill levels weigh more ("python expert")
    bool beginnersFirst = false; //!< the lower skill levels weigh more ("python beginners")
    bool partial = false; //!< terms may be missing (not all of them)
};

//! The columns of the skills of level \a minLevel and above.
quint16 skillColumnMask(int minLevel);

//! For "skill:NAME expert": a score that puts the highest of the skill columns in \a mask first
//! (5 per level), 0 for none; with \a lowest ("skill:NAME beginner"), the lowest first.
double skillLevelBonus(quint16 mask, bool lowest = false);

//! For words typed together that a title or department says together ("security operations":
//! the Security Operations department), \a joined words after the first: twice the best skill
//! level's weight each, so that they come before people who have each word in a skill of the
//! highest level (also when \a options ask for experts or beginners first).
double togetherBonus(int joined, const Options &options);

//! The tiered score of a document from its \a count term hits; false when a term did not match
//! (unless partial: then when none did) or the level filter is not met. \a missing gets a bit
//! per term that did not match.
bool scoreDocument(const TermHit *hits, int count, const Options &options, double *value, quint32 *missing = nullptr);

} // namespace Ranking
} // namespace Colleagues
