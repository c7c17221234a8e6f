// SPDX-License-Identifier: MIT
#include "client/search/TermDictionary.h"

#include <algorithm>
#include <bit>

namespace Colleagues {

namespace {

constexpr int MaxLength = 48;

quint32 charBit(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'a' && u <= u'z')
        return 1u << (u - u'a');
    if (u >= u'0' && u <= u'9')
        return 1u << (26 + (u - u'0') % 5);
    return 1u << 31;
}

quint32 letterMask(QStringView text)
{
    quint32 mask = 0;
    for (QChar c : text)
        mask |= charBit(c);
    return mask;
}

//! Fills the OSA table of a against b and returns the last row's values through \a lastRow.
//! Returns false when every cell of a row exceeds max (no need to go on).
bool osaTable(QStringView a, QStringView b, int max, int *lastRow)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    int rows[3][MaxLength + 3];
    int *prev2 = rows[0];
    int *prev = rows[1];
    int *cur = rows[2];
    for (qsizetype j = 0; j <= m; ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        cur[0] = int(i);
        int rowMin = cur[0];
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int value = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                value = std::min(value, prev2[j - 2] + 1);
            cur[j] = value;
            rowMin = std::min(rowMin, value);
        }
        if (rowMin > max)
            return false;
        int *recycled = prev2;
        prev2 = prev;
        prev = cur;
        cur = recycled;
    }
    std::copy(prev, prev + m + 1, lastRow);
    return true;
}

} // namespace

int editDistance(QStringView a, QStringView b, int max)
{
    if (std::abs(a.size() - b.size()) > max || a.size() > MaxLength || b.size() > MaxLength)
        return max + 1;
    int last[MaxLength + 3];
    if (!osaTable(a, b, max, last))
        return max + 1;
    return std::min(last[b.size()], max + 1);
}

int prefixEditDistance(QStringView a, QStringView b, int max)
{
    if (a.size() > MaxLength)
        return max + 1;
    const QStringView window = b.left(std::min<qsizetype>(b.size(), a.size() + max));
    if (window.size() + max < a.size())
        return max + 1;
    int last[MaxLength + 3];
    if (!osaTable(a, window, max, last))
        return max + 1;
    int best = max + 1;
    for (qsizetype j = 0; j <= window.size(); ++j)
        best = std::min(best, last[j]);
    return best;
}

void TermDictionary::clear()
{
    m_entries.clear();
}

void TermDictionary::reserve(qsizetype size)
{
    m_entries.reserve(size_t(size));
}

void TermDictionary::add(const QString &term, int docs)
{
    m_entries.push_back(Entry {term, docs, letterMask(term)});
}

void TermDictionary::finish()
{
    std::sort(m_entries.begin(), m_entries.end(), [](const Entry &l, const Entry &r) { return l.term < r.term; });
    m_entries.shrink_to_fit();
}

void TermDictionary::setDocs(const QString &term, int docs)
{
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), term,
                               [](const Entry &entry, const QString &t) { return entry.term < t; });
    if (it != m_entries.end() && it->term == term)
        it->docs = docs;
    else if (docs > 0)
        m_entries.insert(it, Entry {term, docs, letterMask(term)});
}

int TermDictionary::prefixDocs(QStringView prefix, int cap) const
{
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), prefix,
                               [](const Entry &entry, QStringView p) { return QStringView(entry.term) < p; });
    int docs = 0;
    for (; it != m_entries.end() && docs < cap && it->term.startsWith(prefix); ++it)
        docs += it->docs;
    return std::min(docs, cap);
}

int TermDictionary::docs(QStringView term) const
{
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), term,
                                     [](const Entry &entry, QStringView t) { return QStringView(entry.term) < t; });
    return it != m_entries.end() && it->term == term ? it->docs : 0;
}

bool TermDictionary::hasLongerTerm(QStringView prefix) const
{
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), prefix,
                               [](const Entry &entry, QStringView p) { return QStringView(entry.term) < p; });
    for (; it != m_entries.end() && it->term.startsWith(prefix); ++it) {
        if (it->term.size() > prefix.size() && it->docs > 0)
            return true;
    }
    return false;
}

int TermDictionary::maxEdits(QStringView term)
{
    if (term.size() < 4)
        return 0;
    return term.size() <= 6 ? 1 : 2;
}

QList<TermDictionary::Candidate> TermDictionary::corrections(QStringView term, int limit, Match match) const
{
    QList<Candidate> found;
    const int max = maxEdits(term);
    if (max == 0 || term.size() > MaxLength)
        return found;
    const quint32 termMask = letterMask(term);
    const qsizetype window = term.size() + max;
    for (const Entry &entry : m_entries) {
        if (entry.docs <= 0 || entry.term.size() + max < term.size() || entry.term.contains(QLatin1Char('_')))
            continue;
        // Letter-set filters: an edit removes at most one letter of the term from the set.
        const bool fullPossible =
            std::abs(entry.term.size() - term.size()) <= max && std::popcount(termMask ^ entry.mask) <= 2 * max;
        const quint32 windowMask =
            entry.term.size() <= window ? entry.mask : letterMask(QStringView(entry.term).left(window));
        const bool prefixPossible = match == Match::WholeOrStart && std::popcount(termMask & ~windowMask) <= max;
        if (!fullPossible && !prefixPossible)
            continue;
        int distance = max + 1;
        if (fullPossible)
            distance = editDistance(term, entry.term, max);
        const int wholeDistance = distance;
        if (prefixPossible && distance > 0)
            distance = std::min(distance, prefixEditDistance(term, entry.term, max));
        if (distance <= max && distance > 0)
            found.append(Candidate {entry.term, distance, entry.docs, distance == wholeDistance});
    }
    // The nearest first; of as near, the whole words before the starts of longer words, then the
    // most common.
    std::sort(found.begin(), found.end(), [](const Candidate &l, const Candidate &r) {
        if (l.distance != r.distance)
            return l.distance < r.distance;
        if (l.whole != r.whole)
            return l.whole;
        if (l.docs != r.docs)
            return l.docs > r.docs;
        return l.term < r.term;
    });
    if (found.size() > limit)
        found.resize(limit);
    return found;
}

} // namespace Colleagues
