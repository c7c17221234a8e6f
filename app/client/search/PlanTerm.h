// SPDX-License-Identifier: MIT
#pragma once

#include "client/search/PrefixTable.h"
#include "client/search/Ranking.h"
#include "client/search/SearchTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Colleagues {

//! A term of the query as the search engine searches it: the typed word (a prefix), its
//! corrections, and the words the vocabulary says mean the same (an alias's canonical name,
//! the other aliases) or something near (related skills, a fallback). The typed word is looked
//! up in the prefix table when short, the rest in FTS5.
struct PlanTerm
{
    //! Tokens that must all be in one column of a person (a multi-word name: "machine learning").
    using Group = QStringList;

    QString folded; //!< as typed, folded; words of a phrase separated by spaces
    QString name; //!< what the term is called in UnderstoodQuery::terms and unmatched terms
    QString token; //!< encoded index token of the typed word, matched as a prefix; empty for a phrase
    QStringList corrections; //!< encoded tokens searched instead when the term is a likely typo
    PrefixTable::Term shortTerm; //!< valid when the prefix table answers the typed word
    QList<Group> alternatives; //!< same meaning: matched exactly, ranked as the typed word
    QList<Group> related; //!< related skills: matched exactly, ranked below everything else
    QStringList relatedNames; //!< those skills as the vocabulary names them (UnderstoodQuery::relatedSkills)
    //! The departments under the one the term names ("finance": Accounting, Treasury): matched
    //! exactly in the department, ranked as a correction of the typed word.
    QList<Group> departments;
    //! The department the term names (alone or with the terms beside it) and those under it.
    DepartmentsUnder family;
    //! The whole-skill tokens of the skills the term names (SearchText::skillKeyToken()): where
    //! none matched, its words in a longer skill rank lower (TermHit::demoteLooseSkillWords()).
    QStringList skillKeys;
    bool looseSkill = false; //!< someone has a word of those skills in a longer one
    quint16 columns = Ranking::AllColumns; //!< where the term may match (a place: the location)
    bool complete = false; //!< a whole known word: longer words it is a prefix of rank lower
    bool optional = false; //!< ranks the people it matches first, but need not match (QueryUnderstanding)
    bool preferred = false; //!< optional, and a match counts as a term asked for (Ranking::Options::preferred)
    //! "phone", "email": the people it finds by their usernames (alternatives) were found by that
    //! field, which the index does not hold; a match there is that field's (MatchReason::field).
    QString byField;
    //! No indexed word is longer than the typed one: as a prefix it finds what it finds as a word,
    //! so FTS5 is asked for the word alone.
    bool wholeWord = false;

    //! True when the typed word needs no FTS5 (short, not corrected).
    bool typedInTable() const { return shortTerm.isValid() && corrections.isEmpty(); }
    //! True when the term needs FTS5 beyond the typed word in the prefix table.
    bool hasFtsPart(bool withRelated) const
    {
        return !typedInTable() || !alternatives.isEmpty() || !departments.isEmpty() || !skillKeys.isEmpty()
            || (withRelated && !related.isEmpty());
    }
};

} // namespace Colleagues
