// SPDX-License-Identifier: MIT
#include "client/search/PrefixTable.h"

#include <algorithm>

namespace Colleagues {

namespace {

constexpr int OtherChar = 63; //!< a character outside the table's alphabet, after the first

int prefixChar(char16_t c)
{
    if (c >= u'a' && c <= u'z')
        return 1 + (c - u'a');
    if (c >= u'0' && c <= u'9')
        return 27 + (c - u'0');
    if (c == u'_')
        return 37;
    return -1;
}

} // namespace

PrefixTable::Term PrefixTable::term(QStringView token)
{
    Term out;
    if (token.isEmpty() || token.size() > MaxLength)
        return out;
    quint32 id = 0;
    for (int i = 0; i < MaxLength; ++i) {
        int c = 0;
        if (i < token.size()) {
            c = prefixChar(token[i].unicode());
            if (c < 0)
                return out;
        }
        id = (id << 6) | quint32(c);
    }
    out.id = id;
    out.length = int(token.size());
    return out;
}

void PrefixTable::reset(size_t people, size_t expected)
{
    m_offsets.assign(people, 0);
    m_ends.assign(people, 0);
    m_unused = 0;
    m_filters.assign(people, Filter {});
    m_entries.clear();
    m_entries.reserve(expected * 48);
    m_firstOffsets.assign(people, 0);
    m_firstEnds.assign(people, 0);
    m_firstEntries.clear();
    m_firstEntries.reserve(expected * 20);
    for (std::vector<Posting> &postings : m_pairs)
        postings = {};
    m_pairsPending = true;
}

template<typename F>
void PrefixTable::forEachPair(size_t begin, size_t end, F &&f) const
{
    // A run is sorted by prefix id, so the prefixes of one pair are adjacent.
    for (size_t i = begin; i < end;) {
        const size_t first = i;
        const quint32 pair = pairOf(quint32(m_entries[i] >> EntryShift));
        while (i < end && pairOf(quint32(m_entries[i] >> EntryShift)) == pair)
            ++i;
        const quint32 second = pair & 63;
        if (second != 0 && second != quint32(OtherChar)) // not one character, nor a second no term has
            f(pair, first);
    }
}

void PrefixTable::buildPairs()
{
    // Two passes over the runs: the size of each list, then the postings in id order.
    std::vector<quint32> counts(m_pairs.size(), 0);
    for (size_t id = 0; id < m_ends.size(); ++id)
        forEachPair(m_offsets[id], m_ends[id], [&](quint32 pair, size_t) { ++counts[pair]; });
    for (size_t pair = 0; pair < m_pairs.size(); ++pair) {
        m_pairs[pair] = {};
        m_pairs[pair].reserve(counts[pair] + counts[pair] / 50 + (counts[pair] ? 4 : 0));
    }
    for (size_t id = 0; id < m_ends.size(); ++id) {
        forEachPair(m_offsets[id], m_ends[id], [&](quint32 pair, size_t first) {
            m_pairs[pair].push_back(Posting {quint32(id), quint32(first)});
        });
    }
    m_pairsPending = false;
}

void PrefixTable::updatePairs(quint32 id, size_t begin, size_t end, bool remove)
{
    if (m_pairsPending)
        return; // squeeze() makes them all at once
    forEachPair(begin, end, [&](quint32 pair, size_t first) {
        if (remove) {
            removePosting(id, pair);
            return;
        }
        std::vector<Posting> &postings = m_pairs[pair];
        auto it = std::lower_bound(postings.begin(), postings.end(), id,
                                   [](const Posting &p, quint32 value) { return p.id < value; });
        if (it != postings.end() && it->id == id)
            it->entry = quint32(first);
        else
            postings.insert(it, Posting {id, quint32(first)});
    });
}

void PrefixTable::removePosting(quint32 id, quint32 pair)
{
    std::vector<Posting> &postings = m_pairs[pair];
    auto it = std::lower_bound(postings.begin(), postings.end(), id,
                               [](const Posting &p, quint32 value) { return p.id < value; });
    if (it != postings.end() && it->id == id)
        postings.erase(it);
}

void PrefixTable::resize(size_t people)
{
    const size_t from = m_ends.size();
    if (people <= from)
        return;
    m_offsets.resize(people, 0);
    m_ends.resize(people, 0);
    m_filters.resize(people, Filter {});
    m_firstOffsets.resize(people, 0);
    m_firstEnds.resize(people, 0);
    for (size_t id = from; id < people; ++id)
        endRun(id);
}

void PrefixTable::endRun(size_t id)
{
    m_offsets[id] = m_ends[id] = quint32(m_entries.size());
    m_firstOffsets[id] = m_firstEnds[id] = quint32(m_firstEntries.size());
    m_filters[id] = Filter {};
}

void PrefixTable::removePerson(size_t id)
{
    if (id >= m_ends.size())
        return;
    updatePairs(quint32(id), m_offsets[id], m_ends[id], true);
    m_unused += m_ends[id] - m_offsets[id];
    endRun(id);
}

void PrefixTable::setPerson(size_t id, std::span<const QByteArrayView> columns)
{
    if (id >= m_ends.size())
        resize(id + 1);
    const size_t oldBegin = m_offsets[id];
    const size_t oldEnd = m_ends[id];
    m_unused += m_ends[id] - m_offsets[id];
    // One raw entry per token, then sorted and merged by prefix id.
    m_offsets[id] = quint32(m_entries.size());
    m_firstOffsets[id] = quint32(m_firstEntries.size());
    m_filters[id] = Filter {};
    m_scratch.clear();
    const int columnCount = std::min<int>(int(columns.size()), MaxColumns);
    for (int column = 0; column < columnCount; ++column) {
        const auto *text = reinterpret_cast<const unsigned char *>(columns[size_t(column)].data());
        const qsizetype bytes = columns[size_t(column)].size();
        for (qsizetype i = 0; i < bytes;) {
            while (i < bytes && text[i] == ' ')
                ++i;
            const qsizetype start = i;
            while (i < bytes && text[i] != ' ')
                ++i;
            const qsizetype length = i - start;
            if (length == 0)
                continue;
            const int c0 = prefixChar(text[start]);
            if (c0 < 0)
                continue; // no query of table characters is a prefix of it
            bool exact = length <= MaxLength;
            quint64 prefixId = quint64(c0);
            for (int k = 1; k < MaxLength; ++k) {
                int c = 0;
                if (k < length) {
                    c = prefixChar(text[start + k]);
                    if (c < 0) {
                        c = OtherChar;
                        exact = false;
                    }
                }
                prefixId = (prefixId << 6) | quint64(c);
            }
            m_scratch.push_back((prefixId << EntryShift) | (quint64(1u << column) << 11)
                                | (exact ? quint64(1u << column) : 0));
        }
    }
    std::sort(m_scratch.begin(), m_scratch.end());
    Filter &filter = m_filters[id];
    int lastFirstChar = -1;
    for (quint64 entry : m_scratch) {
        const quint32 prefixId = quint32(entry >> EntryShift);
        filter.firstChars |= quint64(1) << firstCharOf(prefixId);
        const quint32 bit = pairBit(prefixId);
        filter.pairs[bit >> 6] |= quint64(1) << (bit & 63);
        if (m_entries.size() > m_offsets[id] && (m_entries.back() >> EntryShift) == (entry >> EntryShift))
            m_entries.back() |= entry;
        else
            m_entries.push_back(entry);
        // Entries are sorted by prefix, so those of one first character are adjacent.
        const quint32 columnMask = quint32((entry >> 11) & ColumnBits);
        const quint32 exact =
            prefixId == (quint32(firstCharOf(prefixId)) << (6 * (MaxLength - 1))) ? quint32(entry & ColumnBits) : 0;
        if (m_firstEntries.size() > m_firstOffsets[id] && firstCharOf(prefixId) == lastFirstChar) {
            m_firstEntries.back() |= columnMask | (exact << 11);
        } else {
            // Where this character's run of prefixes starts in the person's entries.
            const quint32 start = std::min<quint32>(FirstStartUnknown, quint32(m_entries.size() - 1 - m_offsets[id]));
            m_firstEntries.push_back(columnMask | (exact << 11) | (start << FirstStartShift));
        }
        lastFirstChar = firstCharOf(prefixId);
    }
    m_ends[id] = quint32(m_entries.size());
    m_firstEnds[id] = quint32(m_firstEntries.size());
    // Postings of the pairs the person keeps are updated in place; only the pairs they gained
    // or lost move a list's tail (the old run stays in m_entries, unused, until a full build).
    updatePairs(quint32(id), m_offsets[id], m_ends[id], false);
    if (oldEnd > oldBegin && !m_pairsPending) {
        std::vector<bool> kept(m_pairs.size(), false);
        forEachPair(m_offsets[id], m_ends[id], [&](quint32 pair, size_t) { kept[pair] = true; });
        forEachPair(oldBegin, oldEnd, [&](quint32 pair, size_t) {
            if (!kept[pair])
                removePosting(quint32(id), pair);
        });
    }
}

void PrefixTable::squeeze()
{
    // Room for the runs of people who change later, without moving the table.
    auto fit = [](auto &entries) {
        std::remove_reference_t<decltype(entries)> fitted;
        fitted.reserve(entries.size() + entries.size() / 50 + 1024);
        fitted.assign(entries.begin(), entries.end());
        entries.swap(fitted);
    };
    fit(m_entries);
    fit(m_firstEntries);
    if (m_pairsPending)
        buildPairs();
    m_scratch = {};
}

} // namespace Colleagues
