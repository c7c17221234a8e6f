// SPDX-License-Identifier: MIT
#include "client/search/SearchText.h"

#include "core/TextFold.h"

#include <QChar>

#include <algorithm>
#include <array>

namespace Colleagues::SearchText {

namespace {

char32_t codePointAt(QStringView text, qsizetype i, int *units)
{
    const QChar c = text[i];
    if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
        *units = 2;
        return QChar::surrogateToUcs4(c, text[i + 1]);
    }
    *units = 1;
    return c.unicode();
}

bool isLetterOrNumber(char32_t cp)
{
    return QChar::isLetterOrNumber(cp);
}

bool isMark(char32_t cp)
{
    const auto category = QChar::category(cp);
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
        || category == QChar::Mark_Enclosing;
}

bool isApostrophe(char32_t cp)
{
    return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC';
}

//! Symbols that may stay inside a word: they make "node.js", "ci/cd", "c++" and "c#".
bool isWordSymbol(char32_t cp)
{
    switch (cp) {
    case U'.':
    case U'/':
    case U'+':
    case U'#':
    case U'-':
    case U'_':
    case U'&':
    case U'@': return true;
    default: return isApostrophe(cp);
    }
}

bool isWordChar(char32_t cp)
{
    if (cp < 0x80)
        return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') || (cp >= U'0' && cp <= U'9');
    return isLetterOrNumber(cp) || isMark(cp);
}

bool isSeparator(char32_t cp)
{
    return !isWordChar(cp) && !isWordSymbol(cp);
}

//! isSeparator() of the ASCII characters, looked up: the word splitter asks for every character.
const std::array<bool, 128> AsciiSeparator = [] {
    std::array<bool, 128> table {};
    for (char32_t c = 0; c < 128; ++c)
        table[c] = isSeparator(c);
    return table;
}();

//! isSeparator() of the code point at \a i, with its length in \a units.
inline bool isSeparatorAt(QStringView text, qsizetype i, int *units)
{
    const char16_t u = text[i].unicode();
    if (u < 0x80) {
        *units = 1;
        return AsciiSeparator[u];
    }
    return isSeparator(codePointAt(text, i, units));
}

char symbolLetter(char32_t cp)
{
    switch (cp) {
    case U'+': return 'p';
    case U'#': return 'h';
    case U'.': return 'd';
    case U'/': return 's';
    case U'-': return 'm';
    case U'_': return 'u';
    case U'&': return 'a';
    case U'@': return 't';
    case U' ': return 'w';
    default: return 0;
    }
}

//! foldText() of one word without apostrophes; ASCII words (most of them) skip the Unicode
//! normalization.
QString foldWord(QStringView word)
{
    const bool ascii = std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (!ascii) {
        QString folded = foldText(word);
        folded.removeIf([](QChar c) { return isApostrophe(c.unicode()); });
        return folded;
    }
    QString folded;
    folded.reserve(word.size());
    for (QChar c : word) {
        const char16_t u = c.unicode();
        if (u == u'\'')
            continue;
        folded.append(QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u));
    }
    return folded;
}

} // namespace

QString encode(QStringView foldedWord)
{
    QString out;
    out.reserve(foldedWord.size() + 4);
    for (qsizetype i = 0; i < foldedWord.size();) {
        int units = 1;
        const char32_t cp = codePointAt(foldedWord, i, &units);
        if (isLetterOrNumber(cp)) {
            out.append(foldedWord.mid(i, units));
        } else if (const char letter = symbolLetter(cp)) {
            out.append(QLatin1Char('_'));
            out.append(QLatin1Char(letter));
        } else {
            out.append(QLatin1String("_x"));
            out.append(QString::number(uint(cp), 16));
            out.append(QLatin1Char('_'));
        }
        i += units;
    }
    return out;
}

namespace {

//! Calls \a f(start, end) for each word of \a text: the boundaries words() documents.
template<typename F>
void forEachWord(QStringView text, F &&f)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        int units = 1;
        // Skip separators.
        while (i < n && isSeparatorAt(text, i, &units))
            i += units;
        if (i >= n)
            break;
        qsizetype start = i;
        while (i < n && !isSeparatorAt(text, i, &units))
            i += units;
        qsizetype end = i;

        // Leading symbols go, except the dot of ".net".
        while (start < end) {
            const char32_t cp = codePointAt(text, start, &units);
            if (isWordChar(cp))
                break;
            if (cp == U'.' && start + 1 < end && isLetterOrNumber(text[start + 1].unicode()))
                break;
            start += units;
        }
        // Trailing symbols go, except "+" and "#" (C++, C#, F#).
        while (end > start) {
            const char16_t last = text[end - 1].unicode();
            if (QChar::isLowSurrogate(last) || isWordChar(last) || last == u'+' || last == u'#')
                break;
            --end;
        }
        if (end > start)
            f(start, end);
    }
}

//! The word of text[start, end): folded, encoded, with its parts. False when it has no letter
//! or digit.
bool makeWord(QStringView text, qsizetype start, qsizetype end, Word *word)
{
    QString folded = foldWord(text.mid(start, end - start));
    bool anyAlnum = false;
    bool anySymbol = false;
    int units = 1;
    for (qsizetype k = 0; k < folded.size(); k += units) {
        if (isLetterOrNumber(codePointAt(folded, k, &units)))
            anyAlnum = true;
        else
            anySymbol = true;
    }
    if (!anyAlnum)
        return false;
    word->start = start;
    word->length = end - start;
    word->token = anySymbol ? encode(folded) : folded;
    word->parts.clear();
    if (anySymbol) {
        qsizetype runStart = -1;
        for (qsizetype k = 0;; k += units) {
            units = 1;
            const bool alnum = k < folded.size() && isLetterOrNumber(codePointAt(folded, k, &units));
            if (alnum && runStart < 0) {
                runStart = k;
            } else if (!alnum && runStart >= 0) {
                if (k - runStart >= 2)
                    word->parts.append(folded.mid(runStart, k - runStart));
                runStart = -1;
            }
            if (k >= folded.size())
                break;
        }
    }
    word->folded = std::move(folded);
    return true;
}

bool isAsciiAlnum(char16_t u)
{
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
}

} // namespace

QList<Word> words(QStringView text)
{
    QList<Word> result;
    forEachWord(text, [&](qsizetype start, qsizetype end) {
        Word word;
        if (makeWord(text, start, end, &word))
            result.append(std::move(word));
    });
    return result;
}

QStringList foldedWords(QStringView text)
{
    QStringList out;
    for (const Word &word : words(text))
        out.append(word.folded);
    return out;
}

bool phraseAt(const QStringList &words, qsizetype at, const QStringList &phrase)
{
    return at >= 0 && at + phrase.size() <= words.size()
        && std::equal(phrase.cbegin(), phrase.cend(), words.cbegin() + at);
}

QString skillKey(QStringView skillName)
{
    const bool ascii = std::all_of(skillName.cbegin(), skillName.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (!ascii)
        return canonicalSkillKey(skillName);
    // foldText() of ASCII: lower case, white space runs as one space, trimmed.
    QString key;
    key.reserve(skillName.size());
    bool pendingSpace = false;
    for (QChar c : skillName) {
        const char16_t u = c.unicode();
        if (u == u' ' || (u >= u'\t' && u <= u'\r')) {
            pendingSpace = !key.isEmpty();
            continue;
        }
        if (pendingSpace) {
            key.append(QLatin1Char(' '));
            pendingSpace = false;
        }
        key.append(QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u));
    }
    return key;
}

QString phoneDigits(QStringView phone)
{
    QString digits;
    for (const QChar c : phone) {
        if (c.isLetter())
            break; // an extension ("ext. 42", "x42") is no part of the number dialled
        if (c >= u'0' && c <= u'9')
            digits.append(c);
    }
    return digits;
}

QString phoneKey(QStringView phone)
{
    QString digits = phoneDigits(phone);
    qsizetype zeros = 0;
    while (zeros < digits.size() && digits[zeros] == u'0')
        ++zeros;
    digits.remove(0, zeros);
    std::reverse(digits.begin(), digits.end());
    return digits;
}

QString skillKeyToken(QStringView skillName)
{
    return QLatin1String("_k") + encode(skillKey(skillName));
}

namespace {

bool isAscii(QStringView text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

void appendUtf8(QByteArray &out, const QString &text)
{
    if (isAscii(text)) {
        const qsizetype at = out.size();
        out.resize(at + text.size());
        char *p = out.data() + at;
        for (QChar c : text)
            *p++ = char(c.unicode());
    } else {
        out.append(text.toUtf8());
    }
}

char asciiLower(char16_t u)
{
    return char(u >= u'A' && u <= u'Z' ? u + 32 : u);
}

void appendIndexText(QByteArray &out, QStringView text)
{
    Word word;
    forEachWord(text, [&](qsizetype start, qsizetype end) {
        // Most words are plain ASCII letters and digits: their token is the word in lower case
        // (apostrophes dropped), written straight out without building a Word.
        const QStringView chunk = text.mid(start, end - start);
        const qsizetype at = out.size();
        out.resize(at + 1 + chunk.size());
        char *const begin = out.data() + at;
        char *p = begin;
        if (at > 0)
            *p++ = ' ';
        bool plain = chunk.front() != u'\'';
        bool anyAlnum = false;
        for (QChar c : chunk) {
            const char16_t u = c.unicode();
            if (isAsciiAlnum(u)) {
                *p++ = asciiLower(u);
                anyAlnum = true;
            } else if (u != u'\'') {
                plain = false;
                break;
            }
        }
        if (plain && anyAlnum) {
            out.truncate(at + (p - begin));
            return;
        }
        out.truncate(at);
        if (!makeWord(text, start, end, &word))
            return;
        if (!out.isEmpty())
            out.append(' ');
        appendUtf8(out, word.token);
        for (const QString &part : std::as_const(word.parts)) {
            out.append(' ');
            appendUtf8(out, part);
        }
    });
}

//! skillKeyToken() in UTF-8; ASCII names are folded and encoded in one pass.
void appendSkillKeyToken(QByteArray &out, QStringView name)
{
    if (!isAscii(name)) {
        appendUtf8(out, skillKeyToken(name));
        return;
    }
    out.append("_k", 2);
    // skillKey(): lower case, white space runs as one space (encoded "_w"), trimmed; then encode().
    bool any = false;
    bool pendingSpace = false;
    for (QChar c : name) {
        const char16_t u = c.unicode();
        if (u == u' ' || (u >= u'\t' && u <= u'\r')) {
            pendingSpace = any;
            continue;
        }
        if (pendingSpace) {
            out.append("_w", 2);
            pendingSpace = false;
        }
        any = true;
        if (isAsciiAlnum(u)) {
            out.append(asciiLower(u));
        } else if (const char letter = symbolLetter(u)) {
            out.append('_');
            out.append(letter);
        } else {
            out.append("_x", 2);
            out.append(QByteArray::number(uint(u), 16));
            out.append('_');
        }
    }
}

} // namespace

QByteArray indexTextUtf8(QStringView text)
{
    QByteArray out;
    out.reserve(text.size() + 16);
    appendIndexText(out, text);
    return out;
}

QByteArray indexTextsUtf8(const QStringList &values)
{
    QByteArray out;
    for (const QString &value : values)
        appendIndexText(out, value);
    return out;
}

QByteArray indexSkillsUtf8(const SkillList &skills)
{
    QByteArray out;
    for (const Skill &skill : skills) {
        if (!out.isEmpty())
            out.append(' ');
        appendSkillKeyToken(out, skill.name);
        appendIndexText(out, skill.name);
    }
    return out;
}

QString indexText(QStringView text)
{
    return QString::fromUtf8(indexTextUtf8(text));
}

QString indexTexts(const QStringList &values)
{
    return QString::fromUtf8(indexTextsUtf8(values));
}

QString indexSkills(const SkillList &skills)
{
    return QString::fromUtf8(indexSkillsUtf8(skills));
}

} // namespace Colleagues::SearchText
