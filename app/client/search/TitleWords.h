// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QStringList>

#include <array>
#include <vector>

namespace Colleagues {

//! The words of everyone's title in order, by local_id, so that a name of several words
//! ("product manager") can rank the titles that say it as written ("Product Manager") above those
//! with other words between ("Product Marketing Manager"): the index (detail=column) knows only
//! which column has each word. Words are kept as 32-bit hashes, the first MaxWords of a title.
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
    //! The title of \a id, as the index's title column holds it: tokens separated by spaces.
    void setPerson(size_t id, QByteArrayView titleColumn);
    //! Forgets the title of \a id: has() is false until setPerson().
    void removePerson(size_t id);
    //! True when the title of \a id was set (an empty title too).
    bool has(size_t id) const { return id < m_titles.size() && m_titles[id].known; }

    //! True when the title of \a id has the words of \a phrase next to each other, in order.
    bool says(size_t id, const Phrase &phrase) const;

private:
    struct Title
    {
        std::array<quint32, MaxWords> words {};
        quint8 count = 0;
        bool known = false;
    };
    std::vector<Title> m_titles;
};

} // namespace Colleagues
