// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>
#include <optional>

namespace Colleagues {

class Region;
class Vocabulary;
struct VocabularyEntry;

//! Reads a query the way people type it, in English and German: question and filler words
//! ("who can help with", "anyone speaking", "wer kennt sich mit … aus") are dropped, "in PLACE"
//! / "at PLACE" / "aus PLACE" become a place ("in london or berlin": either), continents,
//! regions and countries ("in europe", "emea", "in the uk") a Region, "expert", "senior", "lead",
//! "best", "Experte" and years ("for 5 years") ask for higher skill levels first, "who leads",
//! "head of", "wer leitet" for who leads the most of the others found first, "level 4" / "4/5" for
//! that level or above, "available now" / "gerade erreichbar" the people who can be reached now,
//! short forms stand for their long ones too ("ops": operations, "mgr": manager; "sr": senior), words
//! for knowing after what is known ask for nothing more ("sap skills", "Python Kenntnisse"),
//! "not", "without", "except", "ohne" leave out who matches what follows ("python but not java",
//! "not in london", "without java or go"), and words and phrases the vocabulary knows (aliases too, "k8s", "machine
//! learning", "new york") become its entries. A word is never dropped when it is the whole query or a word of someone's
//! name ("Will"), so stop words that are names still count.
class QueryUnderstanding
{
public:
    //! What words about the asker ask for.
    enum class Mine {
        //! "in my time zone", "same time zone", "in meiner Zeitzone": whose offset from UTC is the
        //! asker's now
        TimeZone,
        Team, //!< "in my team", "in meinem Team": the asker's team
        Reports, //!< "my reports", "who reports to me", "meine Mitarbeiter": the asker's direct reports
        Department, //!< "in my department", "in meiner Abteilung": the asker's department
        Manager, //!< "my manager", "who do i report to", "mein Chef": the asker's manager alone
        ManagersManager, //!< "my manager's manager", "my skip level", "Chef meines Chefs": theirs alone
        Peers, //!< "my peers", "my teammates", "meine Kollegen": the others under the asker's manager
        //! "near me", "in my office", "same city", "in meiner Nähe": at the asker's location
        Location,
    };
    //! What words about someone named ask for: "who reports to diego", "diego's team".
    enum class Theirs {
        Reports, //!< "who reports to diego", "works for diego", "diego's reports": their direct reports
        Team, //!< "diego's team": everyone under them; if no one is, the people beside them
        Manager, //!< "diego's manager", "diego's boss", "who manages diego": their manager alone
        Peers, //!< "diego's peers", "diego's colleagues": the others under their manager
        //! "who reports to diego's manager", "works for diego's boss": their manager's direct
        //! reports, they among them
        ManagersReports,
    };
    //! A meaningful part of the query.
    struct Term
    {
        QStringList words; //!< the folded words as typed ("machine", "learning")
        const VocabularyEntry *entry = nullptr; //!< what the vocabulary says they mean, if anything
        bool place = false; //!< asked for as a place ("in London"): matches the location only
        //! A filler word kept because it is a word of someone's name ("can terraform": Can): it
        //! ranks those people first but does not have to match. Followed by more of a question
        //! ("who can help with"), it is one of the question's words.
        bool optional = false;
        //! A word for what people do ("devs", "engineer"): the forms of its role, searched as
        //! whole words. It is optional when something else that is no place is asked for (then
        //! only the forms count: "engineer" is no start of "engineering"), required otherwise
        //! (then the word as typed too: "dev" may be the start of "devops") and beside nothing
        //! but departments (the engine knows them: "engineers in finance").
        QStringList roleForms {};
        //! A short form ("ops", "mgr", "infra") or the German name of a department ("Vertrieb"):
        //! the words it stands for ("operations", "sales"), searched as whole words besides the
        //! word as typed.
        QStringList longForms {};
        //! A continent, region or country ("in europe", "emea", "in japan"): place is true, and
        //! the people in it match (Region), not the words.
        const Region *region = nullptr;
        //! A place that is an alternative to the place before it ("in london or berlin", "emea
        //! or apac"): people in any of them match.
        bool orPrevious = false;
        //! Left out: "python but not java", "without java or go", "not in london", "ohne SAP":
        //! the people who match it are not among the results.
        bool excluded = false;
        //! A word of the question kept as someone's name because nothing else is asked for ("who
        //! is will", "can help"): it matches names only, not the bios that use the word.
        bool nameOnly = false;
        //! Typed after "for" ("recruiter for engineering"): set by the loop, read once.
        bool afterFor = false;
        //! Whom or what the rest is for, after "for" beside something asked ("recruiter for
        //! engineering", "mentor for new managers"): optional, but those it matches rank as if it
        //! were asked (a tier up), not only breaking ties as a name among fillers does.
        bool preferred = false;
        bool isRole() const { return !roleForms.isEmpty(); }
        //! The words as typed, space-separated.
        QString text() const { return words.join(QLatin1Char(' ')); }
        //! What the term searches for: the entry's canonical name when the words are one of its
        //! aliases, else the words; folded.
        QString name() const;
        //! True when the words are an alias of the entry (not its canonical name).
        bool isAlias() const;
    };
    struct Result
    {
        QList<Term> terms;
        //! The words that ask for nothing, folded, in query order: question and filler words,
        //! "in" before no place, "or" between fewer than two things. Words read as a place, as
        //! "in my time zone", "available now", "senior" or alternatives are understood instead.
        QStringList dropped;
        //! Only the words of a question, as typed on the way to what it asks ("who is", "can
        //! anyone help", "is there anyone"): nothing is asked for yet, and no one is found (not
        //! the people named Can, nor the bios that say "anyone"). The terms are empty.
        bool onlyAsking = false;
        bool expertsFirst = false;
        //! "beginner", "new to", "Anfänger": lower skill levels first (experts first wins over it).
        bool beginnersFirst = false;
        //! "level 4", "level 4+", "4/5", "Stufe 4": a skill at this level or above (0: none asked).
        int minLevel = 0;
        //! The expert words ("senior", "lead"), folded: besides experts first, they may be words
        //! of the title asked for ("senior product manager"), so titles that have them rank first.
        QStringList qualifiers;
        //! "available now", "free right now", "gerade erreichbar": who can be reached now first.
        bool availableFirst = false;
        //! "who leads the mobile team", "head of sales", "wer leitet den Vertrieb": the people who
        //! lead the most of the others found come first.
        bool leadersFirst = false;
        //! "out of office", "on leave", "im Urlaub": only who is out of office now (true); "not on
        //! leave": only who is not (false); unset when not asked.
        std::optional<bool> outOfOffice;
        //! What the query asks of the asker's own, in query order: "in my time zone", "my team",
        //! "my manager"… (see Mine).
        QList<Mine> mine;
        //! "who reports to diego ramirez", "works for diego", "diego's team": the folded words of
        //! the name of someone whose people are asked for (what of theirs: theirs); empty when
        //! no one is named so.
        QStringList someone;
        //! "who reports to the ceo", "works for our cto": the title (of the vocabulary) whose
        //! holder someone is (someone: its words as typed); null when a name says who.
        const VocabularyEntry *someoneTitle = nullptr;
        Theirs theirs = Theirs::Reports;
        //! "python or go", "sales oder marketing in berlin": the terms that are no place are
        //! alternatives, any of which a person may match (a place still must).
        bool anyOf = false;
        bool asks(Mine kind) const { return mine.contains(kind); }
    };
    //! Says whether a folded word is a word of the directory's names (or locations).
    using WordTest = std::function<bool(const QString &foldedWord)>;

    //! \a vocabulary may be null (no vocabulary: fillers and places by the directory only);
    //! it must outlive this object, as must the entries of the results.
    explicit QueryUnderstanding(const Vocabulary *vocabulary = nullptr, WordTest isNameWord = {},
                                WordTest isPlaceWord = {});

    //! Understands the free-text words of a query (SearchQuery::Term::folded, in order).
    //! \a hasFilters: the query has filters, so it may keep no words at all. \a possessives: the
    //! indexes of the words typed as possessives ("diego's", SearchQuery::Term::possessive).
    Result understand(const QStringList &foldedWords, bool hasFilters = false,
                      const QList<qsizetype> &possessives = {}) const;

    static bool isFillerWord(QStringView foldedWord);
    //! The word of a question that \a foldedWord is one slip from, with the same first letter
    //! ("knws": "knows", "anyome": "anyone", "spricth": "spricht"), else empty: only the long
    //! ones, where slips are likely ("same" is no "some"). Only a word no one has is such a typo.
    static QString fillerTypo(QStringView foldedWord);
    static bool isExpertWord(QStringView foldedWord);
    static bool isPlacePreposition(QStringView foldedWord);
    //! For each word, whether it asks for people available now: "available", "reachable",
    //! "erreichbar"…, "free" or "online" beside a word for now, and the words for now beside them.
    static QList<bool> availabilityWords(const QStringList &foldedWords);
    //! How many words at \a at ask for something of the asker's ("my time zone", "same timezone",
    //! "my team", "meine Mitarbeiter", "meiner Abteilung", "my manager", "my peers"), and what
    //! (\a kind); 0: none.
    static int mineWords(const QStringList &foldedWords, qsizetype at, Mine *kind);

private:
    const Vocabulary *m_vocabulary = nullptr;
    WordTest m_isNameWord;
    WordTest m_isPlaceWord;
};

} // namespace Colleagues
