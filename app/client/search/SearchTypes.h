// SPDX-License-Identifier: MIT
#pragma once

#include "client/PersonCard.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace Colleagues {

//! What to search for and which page of results to return.
struct SearchRequest
{
    QString query; //!< free text and filters, see SearchEngine::syntaxHelp()
    int offset = 0;
    int limit = 50;
    //! Exact facet values chosen in the UI (OR within a list, AND between lists).
    //! Facet counts of one dimension ignore that dimension's own selection.
    QStringList departments;
    QStringList locations;
    //! Every word as typed: no filler words dropped, no aliases, places or "experts first"
    //! (the "search literally" of the understood-query line).
    bool literal = false;
    //! Also count the results by location and department per skill level (SearchPage::skillMap),
    //! with this many values of each; 0: none.
    int skillMapRows = 0;
    //! People available now (online, neither on do-not-disturb nor out of office) rank first;
    //! the others follow. The query's available:yes does the same.
    bool preferAvailable = false;
    //! The asker's time zone (IANA id) for "in my time zone"; empty: this computer's.
    QByteArray timeZone;
    //! The asker's username for "my team", "my department"; empty: the store's signed-in account.
    QString asker;
};

//! A part of a text that matched, in UTF-16 code units of that text (QString indexes).
struct MatchSpan
{
    int start = 0;
    int length = 0;
    friend bool operator==(const MatchSpan &, const MatchSpan &) = default;
};

//! Why a result matched: one field (or one skill or interest) and where.
struct MatchReason
{
    enum class Kind {
        Exact, //!< a word equal to a query term
        Prefix, //!< a word starting with a query term
        Corrected, //!< a word a misspelled term was corrected to
        Filter, //!< the field satisfied a filter (skill:, dept:, location:)
        Related, //!< a word of a skill related to the one asked for (Docker for Kubernetes)
    };
    //! "name", "username", "title", "department", "location", "skill", "interest", "bio"; "phone",
    //! "email" for a phone number or an email address typed (PlanTerm::byField)
    QString field;
    QString value; //!< the matched skill or interest; empty for the other fields
    int level = 0; //!< the skill's level, for field "skill"
    Kind kind = Kind::Exact; //!< the best kind among the spans
    QList<MatchSpan> spans; //!< in value (skill, interest) or in the field's text; empty for a filter
    QStringList terms; //!< the query terms (as typed, folded) that matched here
};

//! A skill of a result that matched the query, with its level.
struct MatchedSkill
{
    QString name;
    int level = 0;
    QList<MatchSpan> spans;
};

//! One result: enough to draw a row; the full profile comes from SearchEngine::profile().
struct SearchResult : PersonCard
{
    QString id;
    QString photoTag; //!< the photo's version; empty when the person has no photo
    QList<MatchedSkill> matchedSkills; //!< best level first
    double score = 0; //!< higher is better; comparable within one query only
    QList<MatchReason> reasons;
    //! In a partial result (SearchPage::partial), the query terms this person does not match,
    //! as UnderstoodQuery::terms names them (and the place).
    QStringList unmatchedTerms;
    bool availableNow = false; //!< online and neither on do-not-disturb nor out of office
    //! When leaders come first (UnderstoodQuery::leadersFirst): how many of the query's other
    //! results are under this person, at any level; else 0.
    int leads = 0;
};

//! A word or phrase of the query that the engine read as another: an alias ("tf" -> "Terraform").
struct AliasApplied
{
    QString from; //!< as typed, folded
    QString to; //!< the vocabulary's canonical name
    friend bool operator==(const AliasApplied &, const AliasApplied &) = default;
};

//! A department asked for together with the departments under it: "finance" where the heads of
//! Accounting, Treasury and Tax report to the Finance department.
struct DepartmentsUnder
{
    QString department; //!< as the profiles write it
    QStringList under; //!< the departments under it, every level, by name
    friend bool operator==(const DepartmentsUnder &, const DepartmentsUnder &) = default;
};

//! How the engine read the free text of a query (see QueryUnderstanding).
struct UnderstoodQuery
{
    Q_DECLARE_TR_FUNCTIONS(Colleagues::UnderstoodQuery)

public:
    QStringList terms; //!< what was searched for, folded: canonical names for aliases
    //! The terms as people read them: the vocabulary's canonical spelling ("Kubernetes", "C++")
    //! where it knows the term, else as in terms.
    QStringList names;
    //! Which of terms and names need not match but rank first where they do (after "for":
    //! "recruiter for engineering"), by index; said as "engineering first".
    QList<qsizetype> rankedFirst;
    //! Which of rankedFirst no one found mentions ("engineers for payments", and no engineer
    //! says payments); said as "no one mentions payments".
    QList<qsizetype> unmentioned;
    //! Which of terms and names no one found has, by index (-1: none): the people found have its
    //! related skills, relatedSkills, instead ("vba": Excel); said as "no match for VBA, so related
    //! skills: Excel".
    qsizetype noMatch = -1;
    QStringList relatedSkills;
    QList<AliasApplied> aliases;
    QString place; //!< the place asked for with "in"/"at"/"aus", canonical when known; else empty
    //! "in my time zone", "gleiche Zeitzone": the asker's offset from UTC now ("UTC+01:00"), which
    //! every result shares; else empty.
    QString sameTimeZone;
    //! "in my team", "my reports": whose people every result is.
    enum class Team {
        None,
        Yours, //!< everyone under the asker
        YourReports, //!< the asker's direct reports
        YourManagers, //!< the asker has no reports: their manager's direct reports (the asker's peers)
        YourManager, //!< "my manager": the asker's manager alone
        YourPeers, //!< "my peers": the asker's manager's other direct reports
        YourManagersManager, //!< "my manager's manager", "my skip level": that person alone
        ReportsOf, //!< "who reports to diego", "diego's reports": that person's direct reports
        TeamOf, //!< "diego's team", someone people report to: everyone under them
        ManagerOf, //!< "diego's manager": their manager alone
        PeersOf, //!< "diego's peers": the others under their manager
    };
    Team team = Team::None;
    //! For Team::YourManagers, YourManager, YourPeers, YourManagersManager, ManagerOf, PeersOf:
    //! the manager's name; for ReportsOf and TeamOf, the name of the person whose people they are.
    QString manager;
    //! For Team::ManagerOf and PeersOf, and ReportsOf when asked as "who reports to diego's
    //! manager": the name of the person asked about.
    QString person;
    //! "who reports to the ceo", "the cto's team": the title (as the vocabulary writes it) by which
    //! `manager` was found; else empty.
    QString managerTitle;
    QString department; //!< "in my department": the asker's, which every result is in; else empty
    QString location; //!< "near me", "in my office": the asker's location, which every result is at; else empty
    //! The words that asked for nothing (question and filler words), folded; words understood as
    //! a place, "in my time zone", "available now", "senior" or "or" are not among them.
    QStringList dropped;
    //! Only the words of a question ("who is", "can anyone help"): nothing is asked for yet and no
    //! one is found; the People page shows its tips, as before typing.
    bool onlyAsking = false;
    bool anyOf = false; //!< "python or go": the terms are alternatives (terms has "python / go")
    bool expertsFirst = false; //!< "expert", "senior", ...: higher skill levels first
    bool beginnersFirst = false; //!< "beginner", "new to", "Anfänger": lower skill levels first
    //! "level 4", "4/5": a skill at this level or above, as level>=4 asks (0: not asked in words)
    int minLevel = 0;
    bool availableFirst = false; //!< available:yes, SearchRequest::preferAvailable or "available now"
    //! "who leads the mobile team", "head of sales": the people under whom the most of the others
    //! found are (of their own team) come first (SearchResult::leads).
    bool leadersFirst = false;
    //! "who is out of office", "on leave": only the people out of office now (true); "not on
    //! leave": only the others (false); unset: not asked.
    std::optional<bool> outOfOffice;
    bool partial = false; //!< no one matched every term; the results match the most of them
    //! What was left out ("not java", "-java", "without sap"), as people read it: "Java", "SAP".
    //! The excluded filters (-skill:, -dept:, -location:) are not here.
    QStringList excluded;
    //! The places left out ("not in london or berlin", "not in emea"): "London", "Berlin", "EMEA".
    QStringList excludedPlaces;
    //! The departments asked for whose people lead other departments, which were searched too.
    QList<DepartmentsUnder> departmentsUnder;

    //! True when the query was read as more than its words (an alias, a place, a word ignored…):
    //! worth saying how.
    bool saysMore() const
    {
        return !aliases.isEmpty() || !place.isEmpty() || !dropped.isEmpty() || !sameTimeZone.isEmpty()
            || team != Team::None || !department.isEmpty() || !location.isEmpty() || expertsFirst || beginnersFirst
            || availableFirst || leadersFirst || anyOf || outOfOffice || minLevel > 0 || !excluded.isEmpty()
            || !excludedPlaces.isEmpty() || !departmentsUnder.isEmpty() || onlyAsking || !rankedFirst.isEmpty()
            || noMatch >= 0;
    }

    //! How much describe() says of the words.
    enum class Detail {
        Names, //!< the words as people read them (names), the place as found
        Aliases, //!< the folded terms and the place with the aliases that led to them ("tf → Terraform"), and the words
                 //!< ignored
    };
    //! How the query was read, a part each, in the user's language: the words, "in Munich", "not
    //! Java", "in your team", "experts first", "out of office now", …; empty when it is no more
    //! than its words (saysMore()). The People page and `colleagues search` both say it so.
    QStringList describe(Detail detail) const;
    //! The sentence above the closest matches when no one matches every word (SearchPage::partial):
    //! "No one matches all of: terraform, astronomy, Munich; closest matches", with the words as
    //! \a detail says (names, or the folded terms).
    QString partialText(Detail detail) const;
};

//! A facet value and how many current results have it.
struct FacetCount
{
    QString value;
    int count = 0;
    friend bool operator==(const FacetCount &, const FacetCount &) = default;
};

//! A query term the engine corrected, e.g. "kubernets" -> "kubernetes".
struct Correction
{
    QString term; //!< the term as folded from the query
    QString correction; //!< the word it searched for instead (the most frequent, when several)
    bool exactAlsoFound = false; //!< results matching the term itself exist too (ranked first)
};

//! Where the people a query found are: by location and by department, each split by the level of
//! their best matching skill (the skill map beside the results).
struct SkillMap
{
    struct Row
    {
        QString value;
        //! People by level: [0] no skill matched (a name, a title), [1]..[5] the skill's level.
        std::array<int, 6> people {};
        int total = 0;
    };
    QList<Row> locations; //!< most people first
    QList<Row> departments;
    int total = 0; //!< every result
};

//! A page of results with the facts about all of them.
struct SearchPage
{
    QString query;
    int offset = 0;
    int total = 0; //!< number of results over all pages
    QList<SearchResult> results;
    QList<FacetCount> departments; //!< counts over all results, most first
    QList<FacetCount> locations;
    QList<Correction> corrections;
    QString correctedQuery; //!< the query with corrections applied; empty when none
    QString error; //!< a problem with the query (e.g. "level must be 1 to 5"); results may still be given
    //! No one matches every term: the results are the people who match the most of them, each
    //! with its SearchResult::unmatchedTerms. Empty only when nothing matches at all.
    bool partial = false;
    UnderstoodQuery understood;
    SkillMap skillMap; //!< on the first page, when SearchRequest::skillMapRows asked for it
    double elapsedMs = 0;

    bool hasMore() const { return offset + results.size() < total; }
};

//! The stable JSON form documented in docs/cli.md.
QJsonObject toJson(const SearchPage &page);
QJsonObject toJson(const SearchResult &result);
QJsonObject toJson(const UnderstoodQuery &understood);
QString kindName(MatchReason::Kind kind);

} // namespace Colleagues

Q_DECLARE_METATYPE(Colleagues::SearchPage)
