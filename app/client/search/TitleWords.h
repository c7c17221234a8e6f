// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QStringList>

#include <array>
#include <vector>

namespace Colleagues {

//! The words of everyone's title and department in order, by local_id, so that a name of several
//! words ("product manager") can rank the titles that say it as written ("Product Manager") above
//! those with other words between ("Product Marketing Manager"), and words typed together
//! ("security operations") the people whose title or department says them together: the index
//! (detail=column) knows only which column has each word. Words are kept as 32-bit hashes, the
//! first MaxWords of a title or department; a department, which many share, once.
class TitleWords
{
public:
    static constexpr int MaxWords = 6;

    //! The hashed tokens of a name, in order; empty when it is one word or longer than MaxWords.
    using Phrase = std::vector<quint32>;
    static Phrase phrase(const QStringList &tokens);
    //! One token, to ask whether a title has it.
    static Phrase word(const QString &token);

    //! Forgets everyone and makes room for local_ids below \a size.
    void reset(size_t size);
    //! The title and department of \a id, as the index's columns hold them: tokens separated by
    //! spaces.
    void setPerson(size_t id, QByteArrayView titleColumn, QByteArrayView departmentColumn = {});
    //! Forgets the title of \a id: has() is false until setPerson().
    void removePerson(size_t id);
    //! True when the title of \a id was set (an empty title too).
    bool has(size_t id) const { return id < m_titles.size() && m_titles[id].known; }

    //! True when the title of \a id has the words of \a phrase next to each other, in order.
    bool says(size_t id, const Phrase &phrase) const;
    //! True when the department of \a id has the words of \a phrase next to each other, in order.
    bool departmentSays(size_t id, const Phrase &phrase) const;

private:
    struct Title
    {
        std::array<quint32, MaxWords> words {};
        quint8 count = 0;
        bool known = false;
        quint16 department = 0; //!< 1 + its index in m_departments; 0: none (or too many)
    };
    //! \a phrase is among \a words.
    static bool contains(const quint32 *begin, const quint32 *end, const Phrase &phrase);
    std::vector<Title> m_titles;
    std::vector<Phrase> m_departments; //!< each department's words, once
    QHash<QByteArray, quint16> m_departmentIds; //!< a department column's text: 1 + its index
};

} // namespace Colleagues
