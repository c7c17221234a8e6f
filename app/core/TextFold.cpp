// SPDX-License-Identifier: MIT
#include "core/TextFold.h"

#include <QChar>

#include <algorithm>

namespace Colleagues {

namespace {

//! foldText() of ASCII text: lower case, white space runs as one space, trimmed (NFKD and case
//! folding change nothing else in ASCII, and no ASCII character is a mark).
QString foldAscii(QStringView text)
{
    QString out(text.size(), Qt::Uninitialized);
    char16_t *const begin = reinterpret_cast<char16_t *>(out.data());
    char16_t *p = begin;
    bool pendingSpace = false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u' ' || (u >= u'\t' && u <= u'\r')) {
            pendingSpace = p != begin;
            continue;
        }
        if (pendingSpace) {
            *p++ = u' ';
            pendingSpace = false;
        }
        *p++ = u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u;
    }
    out.truncate(p - begin);
    return out;
}

} // namespace

QString foldText(QStringView text)
{
    if (std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; }))
        return foldAscii(text);
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool pendingSpace = false;
    for (auto it = decomposed.cbegin(); it != decomposed.cend(); ++it) {
        char32_t cp = it->unicode();
        if (it->isHighSurrogate() && it + 1 != decomposed.cend() && (it + 1)->isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(*it, *(it + 1));
            ++it;
        }
        const auto category = QChar::category(cp);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing
            || category == QChar::Mark_SpacingCombining) {
            continue;
        }
        if (QChar::isSpace(cp)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace) {
            out.append(QLatin1Char(' '));
            pendingSpace = false;
        }
        // Special letters that do not decompose but are commonly typed without the mark.
        switch (cp) {
        case U'ß': out.append(QLatin1String("ss")); continue;
        case U'ẞ': out.append(QLatin1String("ss")); continue;
        case U'æ':
        case U'Æ': out.append(QLatin1String("ae")); continue;
        case U'œ':
        case U'Œ': out.append(QLatin1String("oe")); continue;
        case U'ø':
        case U'Ø': out.append(QLatin1Char('o')); continue;
        case U'đ':
        case U'Đ': out.append(QLatin1Char('d')); continue;
        case U'ł':
        case U'Ł': out.append(QLatin1Char('l')); continue;
        case U'ı': out.append(QLatin1Char('i')); continue;
        case U'þ':
        case U'Þ': out.append(QLatin1String("th")); continue;
        default: break;
        }
        const char32_t folded = QChar::toCaseFolded(cp);
        if (QChar::requiresSurrogates(folded)) {
            out.append(QChar(QChar::highSurrogate(folded)));
            out.append(QChar(QChar::lowSurrogate(folded)));
        } else {
            out.append(QChar(static_cast<char16_t>(folded)));
        }
    }
    return out;
}

QString canonicalSkillKey(QStringView skillName)
{
    return foldText(skillName);
}

qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

QString englishSingular(QStringView foldedWord)
{
    const qsizetype n = foldedWord.size();
    if (n < 4 || !foldedWord.endsWith(u's'))
        return {};
    for (const QChar c : foldedWord) {
        if (c < u'a' || c > u'z')
            return {};
    }
    for (const char16_t *ending : {u"ss", u"us", u"is"}) {
        if (foldedWord.endsWith(QStringView(ending)))
            return {};
    }
    if (foldedWord.endsWith(u"ies") && n > 4)
        return foldedWord.chopped(3).toString() + QLatin1Char('y');
    for (const char16_t *ending : {u"sses", u"xes", u"zes", u"ches", u"shes"}) {
        if (foldedWord.endsWith(QStringView(ending)))
            return foldedWord.chopped(2).toString();
    }
    return foldedWord.chopped(1).toString();
}

QStringList englishActivities(QStringView foldedWord)
{
    if (!std::all_of(foldedWord.cbegin(), foldedWord.cend(), [](QChar c) { return c >= u'a' && c <= u'z'; }))
        return {};
    struct Ending
    {
        QStringView suffix;
        std::initializer_list<QStringView> endings; //!< put after the stem, in this order
    };
    // "painter": painting; "photographer": photography; "golfer": golf; "dancer": dance.
    // "guitarist": guitar; "cyclist": cycling, cycle; "psychologist": psychology; "economist":
    // economics; "journalist": journalism; "pianist": piano; "chemist": chemistry.
    // "musician": music; "historian": history; "mathematician": mathematics.
    static const Ending Endings[] = {
        {u"er", {u"ing", u"y", u"", u"e"}},
        {u"ist", {u"", u"ing", u"e", u"y", u"ics", u"ism", u"o", u"istry"}},
        {u"ian", {u"", u"y", u"s"}},
    };
    QStringList activities;
    for (const Ending &ending : Endings) {
        if (!foldedWord.endsWith(ending.suffix))
            continue;
        const QStringView stem = foldedWord.chopped(ending.suffix.size());
        if (stem.size() < 3)
            return {};
        for (const QStringView end : ending.endings)
            activities.append(stem.toString().append(end));
        // "runner", "swimmer": running, and run.
        if (stem.size() >= 4 && stem.back() == stem[stem.size() - 2] && !QStringView(u"aeiou").contains(stem.back()))
            activities.append(stem.chopped(1).toString());
        return activities;
    }
    return {};
}

} // namespace Colleagues
