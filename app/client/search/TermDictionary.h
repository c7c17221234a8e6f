// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <vector>

namespace Colleagues {

//! Optimal-string-alignment (Damerau-Levenshtein with adjacent transpositions) distance
//! between \a a and \a b, or \a max + 1 when it is larger than \a max.
int editDistance(QStringView a, QStringView b, int max);

//! The smallest editDistance() between \a a and a prefix of \a b: how far a partly typed
//! word is from being the start of \a b.
int prefixEditDistance(QStringView a, QStringView b, int max);

//! The indexed terms of the directory with their document counts, for prefix checks and
//! typo correction (candidates by length and letter set, then edit distance).
class TermDictionary
{
public:
    struct Candidate
    {
        QString term;
        int distance = 0;
        int docs = 0;
        //! The distance is the whole word's ("managrs": "manager"), not only its start's
        //! ("managrs": the "manage" of "management").
        bool whole = false;
    };
    //! Which corrections() may offer: whole words only (for a word typed in full, with more after
    //! it), or also the starts of longer words (for the word being typed).
    enum class Match { Whole, WholeOrStart };

    void clear();
    void reserve(qsizetype size);
    void add(const QString &term, int docs);
    //! Sorts the terms; call after the last add().
    void finish();
    //! Sets the document count of \a term (after finish()), adding the term when it is new;
    //! 0 keeps it out of corrections.
    void setDocs(const QString &term, int docs);
    qsizetype size() const { return qsizetype(m_entries.size()); }

    //! Documents of the terms starting with \a prefix, counting up to \a cap.
    int prefixDocs(QStringView prefix, int cap) const;
    //! Documents of exactly \a term; 0 when it is not indexed.
    int docs(QStringView term) const;
    //! True when some indexed term is \a prefix followed by more ("englishman" for "english").
    bool hasLongerTerm(QStringView prefix) const;

    //! Terms within maxEdits(term) edits of \a term (whole, or, as \a match allows, of a prefix
    //! of the term), nearest first, then most frequent; at most \a limit.
    QList<Candidate> corrections(QStringView term, int limit, Match match = Match::WholeOrStart) const;

    //! How many edits a term of this length may be corrected by: none under 4 characters,
    //! one up to 6, two from 7.
    static int maxEdits(QStringView term);

private:
    struct Entry
    {
        QString term;
        int docs = 0;
        quint32 mask = 0;
    };
    std::vector<Entry> m_entries;
};

} // namespace Colleagues
