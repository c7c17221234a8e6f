// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QStringView>
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

    //! Where \a term matches person \a id.
    Hit lookup(size_t id, const Term &term) const;

    //! Entries in use and entries of runs replaced since the last reset(): when these are more
    //! than a tenth of the table, a reset() and a full build compact it.
    size_t entryCount() const { return m_entries.size(); }
    size_t unusedEntries() const { return m_unused; }
    bool needsCompaction() const { return m_unused > m_entries.size() / 10; }

    //! Frees what the build reserved beyond its use, keeping room for people who change later.
    void squeeze();

private:
    void endRun(size_t id);

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
};

} // namespace Colleagues
