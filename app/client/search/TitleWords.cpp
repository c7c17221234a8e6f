// SPDX-License-Identifier: MIT
#include "client/search/TitleWords.h"

#include "client/search/SearchText.h"

#include <QHashFunctions>

#include <algorithm>

namespace Colleagues {

namespace {

quint32 hashOf(QByteArrayView token)
{
    return quint32(qHash(token, 0));
}

} // namespace

TitleWords::Phrase TitleWords::phrase(const QStringList &tokens)
{
    Phrase words;
    if (tokens.size() < 2 || tokens.size() > MaxWords)
        return words;
    for (const QString &token : tokens)
        words.push_back(hashOf(token.toUtf8()));
    return words;
}

TitleWords::Phrase TitleWords::word(const QString &token)
{
    return token.isEmpty() ? Phrase() : Phrase {hashOf(token.toUtf8())};
}

void TitleWords::reset(size_t size)
{
    m_titles.assign(size, Title {});
}

void TitleWords::setPerson(size_t id, QByteArrayView titleColumn)
{
    if (id >= m_titles.size())
        m_titles.resize(id + 1);
    Title &title = m_titles[id];
    title = Title {};
    title.known = true;
    SearchText::forEachIndexToken(titleColumn, [&title](QByteArrayView token) {
        if (title.count < MaxWords)
            title.words[title.count++] = hashOf(token);
    });
}

void TitleWords::removePerson(size_t id)
{
    if (id < m_titles.size())
        m_titles[id] = Title {};
}

bool TitleWords::says(size_t id, const Phrase &phrase) const
{
    if (id >= m_titles.size() || phrase.empty())
        return false;
    const Title &title = m_titles[id];
    const auto begin = title.words.begin();
    const auto end = begin + title.count;
    return std::search(begin, end, phrase.begin(), phrase.end()) != end;
}

} // namespace Colleagues
