// SPDX-License-Identifier: MIT
#include "client/search/TitleWords.h"

#include "client/search/SearchText.h"

#include <QHashFunctions>

#include <algorithm>
#include <limits>

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

void TitleWords::setPerson(size_t id, QByteArrayView titleColumn, QByteArrayView departmentColumn)
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
    if (departmentColumn.isEmpty())
        return;
    const QByteArray department = departmentColumn.toByteArray();
    quint16 &known = m_departmentIds[department];
    if (!known && m_departments.size() < std::numeric_limits<quint16>::max()) {
        Phrase words;
        SearchText::forEachIndexToken(departmentColumn, [&words](QByteArrayView token) {
            if (words.size() < size_t(MaxWords))
                words.push_back(hashOf(token));
        });
        m_departments.push_back(std::move(words));
        known = quint16(m_departments.size());
    }
    title.department = known;
}

void TitleWords::removePerson(size_t id)
{
    if (id < m_titles.size())
        m_titles[id] = Title {};
}

bool TitleWords::contains(const quint32 *begin, const quint32 *end, const Phrase &phrase)
{
    return !phrase.empty() && std::search(begin, end, phrase.begin(), phrase.end()) != end;
}

bool TitleWords::says(size_t id, const Phrase &phrase) const
{
    if (id >= m_titles.size())
        return false;
    const Title &title = m_titles[id];
    return contains(title.words.data(), title.words.data() + title.count, phrase);
}

bool TitleWords::departmentSays(size_t id, const Phrase &phrase) const
{
    if (id >= m_titles.size() || m_titles[id].department == 0)
        return false;
    const Phrase &department = m_departments[m_titles[id].department - 1];
    return contains(department.data(), department.data() + department.size(), phrase);
}

} // namespace Colleagues
