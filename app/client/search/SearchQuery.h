// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Colleagues {

//! A search query split into free-text terms and filters.
//!
//! Syntax: words are terms (each matches as a prefix, all must match); `skill:NAME` keeps
//! people who have that skill (exact skill identity: case and accents do not matter, symbols
//! do); `dept:NAME` (or `department:`) and `location:NAME` (or `loc:`) keep people whose
//! department or location contains those words (the last one as a prefix); `level>=N` (or
//! `level:N`) asks for a skill at level N or above: the `skill:` filters' skills, or else a
//! skill that one of the terms matched. `team:USERNAME` keeps everyone under that person (every
//! level, see OrgChart) and `reports:USERNAME` their direct reports.
//! `available:yes` ranks the people who can be reached now first (SearchRequest::preferAvailable).
//! A leading `-` leaves out the people a word, a quoted phrase or a `skill:`, `dept:` or
//! `location:` filter finds: `python -java`, `-"machine learning"`, `-location:london`.
//! Values with spaces go in double quotes:
//! `dept:"Data Platform"`. Filter names are case-insensitive.
struct SearchQuery
{
    Q_DECLARE_TR_FUNCTIONS(Colleagues::SearchQuery)

public:
    struct Term
    {
        QString folded; //!< as the user typed it, folded: "c++"
        QString token; //!< encoded index token: "c_p_p"
        //! Typed as a possessive, whose "'s" (or "'" after an s) is not in folded: "diego's team"
        bool possessive = false;
    };
    //! A dept: or location: filter: the words' index tokens, in order.
    struct PhraseFilter
    {
        QString value; //!< as typed
        QStringList tokens;
    };
    struct SkillFilter
    {
        QString value; //!< as typed
        QString keyToken; //!< SearchText::skillKeyToken()
    };

    //! A team: or reports: filter.
    struct OrgFilter
    {
        QString username; //!< as typed, lower case
        bool allLevels = true; //!< team: (everyone under) rather than reports: (direct reports)
        bool self = false; //!< the person alone ("my manager"): no filter syntax asks for it
        QString except = {}; //!< a username left out (the asker among their peers): no syntax either
    };

    //! What a leading `-` leaves out: the people who match any of it.
    struct Exclusions
    {
        QList<QStringList> words; //!< the folded words of each excluded word or quoted phrase
        QList<SkillFilter> skills;
        QList<PhraseFilter> departments;
        QList<PhraseFilter> locations;
        bool isEmpty() const
        {
            return words.isEmpty() && skills.isEmpty() && departments.isEmpty() && locations.isEmpty();
        }
    };

    QList<Term> terms;
    QList<SkillFilter> skills;
    QList<PhraseFilter> departments;
    QList<PhraseFilter> locations;
    QList<OrgFilter> orgs;
    int minLevel = 0; //!< 0 when not given
    bool preferAvailable = false; //!< available:yes
    Exclusions excluded;
    QString error; //!< a part of the query that could not be understood, explained
    //! The text ends in its last word, with no space or filter after it: the word being typed,
    //! which may be the start of a longer one. A word before it is typed in full.
    bool typing = false;
    //! The text starts with "+" (after spaces): an international phone number being typed
    //! ("+44 20"), whose "+" is no part of any word.
    bool plusFirst = false;

    //! Filters the full-text index answers (all but team: and reports:).
    bool hasIndexFilters() const
    {
        return !skills.isEmpty() || !departments.isEmpty() || !locations.isEmpty() || minLevel > 0;
    }
    bool hasFilters() const { return hasIndexFilters() || !orgs.isEmpty() || !excluded.isEmpty(); }
    bool isEmpty() const { return terms.isEmpty() && !hasFilters(); }

    static SearchQuery parse(QStringView text);
};

} // namespace Colleagues
