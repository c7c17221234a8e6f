// SPDX-License-Identifier: MIT
#pragma once

#include "core/Skill.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Colleagues {

//! How text becomes search tokens, the same way for the index and for queries.
//!
//! Text is split into words at white space and at punctuation that never belongs to a word
//! ("," ";" "(" ")" quotes, ...). A word keeps the symbols that make technical names what they
//! are — ". / + # - _ & @" inside a word, a leading "." (".NET") and trailing "+" or "#" (C++,
//! C#) — and is folded with foldText() (case, diacritics; apostrophes dropped). FTS5's
//! unicode61 tokenizer would split at those symbols, so each symbol is spelled as "_" and a
//! letter ("c++" -> "c_p_p", "node.js" -> "node_djs", "ci/cd" -> "ci_scd"). The spelling keeps
//! prefixes ("c+" -> "c_p" is a prefix of "c_p_p" but not of "c"), and "_" is declared a token
//! character of the FTS5 table, so the encoded word is one token. Words with symbols are
//! indexed a second time as their alphanumeric parts of two or more characters ("node.js" also
//! as "node" and "js"), so "js" finds Node.js; a lone "c" in "c++" is not a part, so C++ people
//! do not look like C people. A skill is also indexed as one whole-key token "_k" + its
//! encoded canonical key (spaces as "_w"), which the `skill:` filter matches exactly.
namespace SearchText {

//! A word of a text: where it is in the original (UTF-16 offsets) and how it is indexed.
struct Word
{
    qsizetype start = 0;
    qsizetype length = 0;
    QString folded; //!< folded word, symbols kept: "node.js"
    QString token; //!< encoded index token: "node_djs"
    QStringList parts; //!< extra tokens for alphanumeric parts: "node", "js"
};

//! Splits \a text into words with their positions in \a text.
QList<Word> words(QStringView text);
//! The folded words of \a text ("Lagos, Nigeria" -> lagos, nigeria).
QStringList foldedWords(QStringView text);
//! True when \a words has the words of \a phrase, in order, from \a at on.
bool phraseAt(const QStringList &words, qsizetype at, const QStringList &phrase);

//! Encodes a folded word (symbols as "_" + letter; a space as "_w").
QString encode(QStringView foldedWord);

//! canonicalSkillKey(), with a fast path for ASCII names (the same result).
QString skillKey(QStringView skillName);

//! The key people are ordered by: foldText() of the display name (same fast path).
inline QString sortKey(QStringView displayName)
{
    return skillKey(displayName);
}

//! How a phone number is looked up: its digits without leading zeros (a trunk or international
//! prefix: "030 …", "0049 …"), last digit first, so that the end of a number is the start of its
//! key; "+49 30 7792-0664" -> "466029770394". An extension after a letter ("ext. 42") is not
//! part of it. Empty without digits.
QString phoneKey(QStringView phone);
//! The digits of a phone number as written, in order, leading zeros and all, up to an extension
//! ("ext. 42"): how the start of a number is looked up ("+49 30 77…" -> "493077…"). Empty
//! without digits.
QString phoneDigits(QStringView phone);

//! The whole-key token of a skill: "_k" + encode(canonicalSkillKey(name)).
QString skillKeyToken(QStringView skillName);

//! The tokens of \a text as FTS5 indexes them, separated by spaces.
QString indexText(QStringView text);

//! The indexed text of several values (interests, skills of one level), with skill key tokens
//! when \a skills is true.
QString indexTexts(const QStringList &values);
QString indexSkills(const SkillList &skills);

//! The same texts in UTF-8, as the store writes them (no conversion on the write path).
QByteArray indexTextUtf8(QStringView text);
//! Calls \a f with each token of \a text as the index holds it (indexTextUtf8(): tokens separated
//! by spaces), in order.
template<typename F>
void forEachIndexToken(QByteArrayView text, F &&f)
{
    for (qsizetype i = 0, from = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ' ') {
            if (i > from)
                f(text.sliced(from, i - from));
            from = i + 1;
        }
    }
}
QByteArray indexTextsUtf8(const QStringList &values);
QByteArray indexSkillsUtf8(const SkillList &skills);

//! True when \a token is an encoded word with symbols or a whole-key token.
inline bool hasSymbols(QStringView token)
{
    return token.contains(QLatin1Char('_'));
}

} // namespace SearchText
} // namespace Colleagues
