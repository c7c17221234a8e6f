// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QStringView>
#include <QtAlgorithms>
#include <QtGlobal>

#include <span>
#include <vector>

namespace Colleagues {

//! The search engine's in-memory prefix table: for each person (by local_id), the distinct first
//! four characters of every indexed token with the columns (up to 11) they occur in, so that a
//! term of one to four characters — one that matches much of the directory and is slow in FTS5 —
//! is looked up without FTS5. See docs/ARCHITECTURE.md, "Short terms".
//!
//! Each person has one sorted run of 64-bit entries: prefix id (four characters of a-z 0-9 _,
//! six bits each) << 22 | columns << 11 | exact columns (where the token is exactly those
//! characters). Beside the run, one 32-bit entry per first character the person has answers a
//! one-character term alone, and says where that character's prefixes start in the run. A
//! person who changes gets a new run appended; the old one stays unused until the next build.
class PrefixTable
{
public:
    static constexpr int MaxLength = 4; //!< the longest term the table answers
    static constexpr int MaxColumns = 11;

    //! A query term the table can answer: 1 to MaxLength characters of its alphabet.
    struct Term
    {
        quint32 id = 0;
        int length = 0;
        bool isValid() const { return length > 0; }
    };
    //! The columns where a term matched a token: as a prefix (any token starting with it, the
    //! exact ones included) and exactly.
    struct Hit
    {
        quint16 prefix = 0;
        quint16 exact = 0;
    };

    //! A person with a token that starts with two given characters (pairPostings()).
    struct Posting
    {
        quint32 id = 0;
        quint32 entry = 0; //!< where the person's prefixes with these two characters start
    };

    //! The table's term for an encoded token (SearchText::encode()), invalid when the token is
    //! empty, longer than MaxLength or has a character outside the alphabet.
    static Term term(QStringView token);

    //! Empties the table for people 0 .. \a people - 1, with room for about \a expected runs.
    void reset(size_t people, size_t expected = 0);
    //! Grows the table to \a people, the new ones with empty runs.
    void resize(size_t people);
    size_t people() const { return m_ends.size(); }

    //! Sets the indexed text of person \a id: one space-separated token list per column (the
    //! text FTS5 indexes, UTF-8). A person already in the table gets a new run (the old one is
    //! counted as unused).
    void setPerson(size_t id, std::span<const QByteArrayView> columns);
    //! Gives person \a id an empty run (no such person, or removed).
    void removePerson(size_t id);

    //! Where \a term matches person \a id. Inline: it is the inner loop of short queries.
    inline Hit lookup(size_t id, const Term &term) const;

    //! True when pairPostings() can be asked: after the squeeze() that ends a build from reset().
    bool hasPostings() const { return !m_pairsPending; }
    //! Everyone with a token starting with the first two characters of \a term, in id order: the
    //! only people a term of two to four characters can match (lookup(posting, term) says where).
    //! Empty for a term of one character. A short term matches much of the directory; walking
    //! its postings costs a fraction of asking every person's run.
    std::span<const Posting> pairPostings(const Term &term) const
    {
        if (term.length < 2 || m_pairsPending)
            return {};
        return m_pairs[pairOf(term.id)];
    }

    //! Where \a term (two to four characters) matches the person of \a posting, a posting of
    //! pairPostings(term): the same as lookup(), reading only the person's prefixes of that pair.
    inline Hit lookup(const Posting &posting, const Term &term) const;
    //! Asks the CPU to fetch what lookup(posting, term) will read (a search walks postings in
    //! order, so it knows the next people a few steps ahead).
    void prefetch(const Posting &posting) const
    {
#if defined(__GNUC__)
        __builtin_prefetch(m_entries.data() + posting.entry);
#else
        Q_UNUSED(posting)
#endif
    }

    //! Entries in use and entries of runs replaced since the last reset(): when these are more
    //! than a tenth of the table, a reset() and a full build compact it.
    size_t entryCount() const
    {
        return m_entries.size();
    }
    size_t unusedEntries() const
    {
        return m_unused;
    }
    bool needsCompaction() const
    {
        return m_unused > m_entries.size() / 10;
    }

    //! Frees what the build reserved beyond its use, keeping room for people who change later,
    //! and after a build from reset() makes the postings (sized exactly, in one pass).
    void squeeze();

private:
    static constexpr int EntryShift = 22; //!< where the prefix id starts in an entry
    static constexpr int FirstStartShift = 22;
    static constexpr quint32 FirstStartUnknown = 1023; //!< a run too long to say: search all of it
    static constexpr quint32 ColumnBits = 0x7FF;

    //! The first character of a table id, and a hash (0-255) of its first two.
    static int firstCharOf(quint32 prefixId)
    {
        return int(prefixId >> (6 * (MaxLength - 1)));
    }
    static quint32 pairBit(quint32 prefixId)
    {
        const quint32 pair = prefixId >> (6 * (MaxLength - 2));
        return (pair * 2654435761u) >> 24;
    }

    //! The first two characters of a table id (12 bits), the index of their postings.
    static quint32 pairOf(quint32 prefixId)
    {
        return prefixId >> (6 * (MaxLength - 2));
    }

    void endRun(size_t id);
    //! Adds person \a id to (or, with \a remove, takes them out of) the postings of the first two
    //! characters of each of their prefixes; their run is m_entries[begin .. end).
    void updatePairs(quint32 id, size_t begin, size_t end, bool remove);
    void removePosting(quint32 id, quint32 pair);
    //! Calls \a f(pair, first entry) for each pair of person \a id's run m_entries[begin .. end)
    //! that a term can have.
    template<typename F>
    void forEachPair(size_t begin, size_t end, F &&f) const;
    void buildPairs();

    struct Filter
    {
        quint64 firstChars = 0; //!< bit per first character
        quint64 pairs[4] = {}; //!< 256-bit set of hashed first two characters
    };
    // The entries of person i are m_entries[m_offsets[i] .. m_ends[i]).
    std::vector<quint32> m_offsets;
    std::vector<quint32> m_ends;
    std::vector<quint64> m_entries;
    std::vector<Filter> m_filters;
    // Per person, one entry per first character they have, in character order: columns | exact
    // columns << 11 | where that character's prefixes start in the person's run << 22.
    std::vector<quint32> m_firstOffsets;
    std::vector<quint32> m_firstEnds;
    std::vector<quint32> m_firstEntries;
    size_t m_unused = 0;
    std::vector<quint64> m_scratch;
    // Per two first characters (pairOf()), the people with a token starting with them.
    std::vector<std::vector<Posting>> m_pairs = std::vector<std::vector<Posting>>(size_t(1) << 12);
    bool m_pairsPending = false; //!< a build from reset() is under way: squeeze() makes m_pairs
};

PrefixTable::Hit PrefixTable::lookup(size_t id, const Term &term) const
{
    Hit hit;
    if (id >= m_ends.size() || !term.isValid())
        return hit;
    const Filter &filter = m_filters[id];
    const quint64 firstBit = quint64(1) << firstCharOf(term.id);
    if (!(filter.firstChars & firstBit))
        return hit;
    const quint32 rank = quint32(qPopulationCount(filter.firstChars & (firstBit - 1)));
    const quint32 firstEntry = m_firstOffsets[id] + rank;
    const quint32 entry = m_firstEntries[firstEntry];
    if (term.length == 1) {
        hit.prefix = quint16(entry & ColumnBits);
        hit.exact = quint16((entry >> 11) & ColumnBits);
        return hit;
    }
    const quint32 bit = pairBit(term.id);
    if (!(filter.pairs[bit >> 6] & (quint64(1) << (bit & 63))))
        return hit;
    // Only the person's prefixes with the term's first character need looking at.
    auto begin = m_entries.begin() + m_offsets[id];
    auto end = m_entries.begin() + m_ends[id];
    const quint32 start = entry >> FirstStartShift;
    if (start != FirstStartUnknown) {
        if (firstEntry + 1 < m_firstEnds[id]) {
            const quint32 nextStart = m_firstEntries[firstEntry + 1] >> FirstStartShift;
            if (nextStart != FirstStartUnknown)
                end = begin + nextStart;
        }
        begin += start;
    }
    // The ids starting with the term's characters form one range.
    const int freeBits = 6 * (MaxLength - term.length);
    const quint64 low = quint64(term.id) << EntryShift;
    const quint64 high = quint64(term.id + (1u << freeBits)) << EntryShift;
    auto it = begin;
    while (it != end && *it < low)
        ++it;
    for (; it != end && *it < high; ++it) {
        hit.prefix |= quint16((*it >> 11) & ColumnBits);
        if ((*it >> EntryShift) == quint64(term.id))
            hit.exact |= quint16(*it & ColumnBits);
    }
    return hit;
}

PrefixTable::Hit PrefixTable::lookup(const Posting &posting, const Term &term) const
{
    Hit hit;
    const int freeBits = 6 * (MaxLength - term.length);
    const quint64 low = quint64(term.id) << EntryShift;
    const quint64 high = quint64(term.id + (1u << freeBits)) << EntryShift;
    const quint32 pair = pairOf(term.id);
    for (auto it = m_entries.begin() + posting.entry; it != m_entries.end() && *it < high; ++it) {
        if (*it < low) {
            if (pairOf(quint32(*it >> EntryShift)) != pair)
                break;
            continue;
        }
        hit.prefix |= quint16((*it >> 11) & ColumnBits);
        if ((*it >> EntryShift) == quint64(term.id))
            hit.exact |= quint16(*it & ColumnBits);
    }
    return hit;
}

} // namespace Colleagues
