// SPDX-License-Identifier: MIT
#include "client/search/SearchQuery.h"

#include "client/search/SearchText.h"

#include <QChar>

namespace Colleagues {

namespace {

//! Reads a filter value at \a i: a double-quoted string or everything up to white space.
QString readValue(QStringView text, qsizetype &i)
{
    if (i < text.size() && (text[i] == u'"' || text[i] == u'\u201C')) {
        ++i;
        const qsizetype start = i;
        while (i < text.size() && text[i] != u'"' && text[i] != u'\u201D')
            ++i;
        const QString value = text.mid(start, i - start).toString();
        if (i < text.size())
            ++i; // closing quote
        return value;
    }
    const qsizetype start = i;
    while (i < text.size() && !text[i].isSpace())
        ++i;
    return text.mid(start, i - start).toString();
}

bool startsWithKeyword(QStringView text, qsizetype i, QLatin1String keyword)
{
    return text.mid(i).startsWith(keyword, Qt::CaseInsensitive);
}

} // namespace

SearchQuery SearchQuery::parse(QStringView text)
{
    SearchQuery query;
    query.plusFirst = text.trimmed().startsWith(u'+');
    QString freeText;
    QList<qsizetype> possessiveEnds; // where a word typed as a possessive ends in freeText
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i].isSpace())
            ++i;
        if (i >= text.size())
            break;
        // "-java", "-skill:java": leave out who matches it. A "-" alone is no word.
        const bool negated = text[i] == u'-' && i + 1 < text.size() && !text[i + 1].isSpace() && text[i + 1] != u'-';
        if (negated)
            ++i;
        auto notExcludable = [&] {
            query.error = tr("only words, skill:, dept: and location: can be left out with a \"-\" (as in python "
                             "-java)");
        };

        static const QLatin1String skillKeys[] = {QLatin1String("skill:")};
        static const QLatin1String deptKeys[] = {QLatin1String("dept:"), QLatin1String("department:")};
        static const QLatin1String locationKeys[] = {QLatin1String("location:"), QLatin1String("loc:")};
        auto matchKey = [&](const auto &keys) -> qsizetype {
            for (const QLatin1String &key : keys) {
                if (startsWithKeyword(text, i, key))
                    return key.size();
            }
            return 0;
        };

        if (qsizetype n = matchKey(skillKeys)) {
            i += n;
            const QString value = readValue(text, i).trimmed();
            if (!value.isEmpty())
                (negated ? query.excluded.skills : query.skills)
                    .append(SkillFilter {value, SearchText::skillKeyToken(value)});
            continue;
        }
        static const QLatin1String teamKeys[] = {QLatin1String("team:")};
        static const QLatin1String reportsKeys[] = {QLatin1String("reports:")};
        const qsizetype teamLength = matchKey(teamKeys);
        const qsizetype reportsLength = teamLength ? 0 : matchKey(reportsKeys);
        if (teamLength || reportsLength) {
            i += teamLength + reportsLength;
            const QString value = readValue(text, i).trimmed().toLower();
            if (negated)
                notExcludable();
            else if (!value.isEmpty())
                query.orgs.append(OrgFilter {value, teamLength > 0});
            continue;
        }
        const qsizetype deptLength = matchKey(deptKeys);
        const qsizetype locationLength = deptLength ? 0 : matchKey(locationKeys);
        if (deptLength || locationLength) {
            i += deptLength + locationLength;
            PhraseFilter filter;
            filter.value = readValue(text, i).trimmed();
            for (const SearchText::Word &word : SearchText::words(filter.value))
                filter.tokens.append(word.token);
            Exclusions &out = query.excluded;
            if (!filter.tokens.isEmpty())
                (deptLength ? (negated ? out.departments : query.departments)
                            : (negated ? out.locations : query.locations))
                    .append(filter);
            continue;
        }
        if (startsWithKeyword(text, i, QLatin1String("available:"))) {
            qsizetype j = i + 10;
            const QString value = readValue(text, j).trimmed().toLower();
            if (negated)
                notExcludable();
            else if (value == QLatin1String("yes") || value == QLatin1String("true") || value == QLatin1String("ja"))
                query.preferAvailable = true;
            else if (value != QLatin1String("no") && value != QLatin1String("false") && value != QLatin1String("nein"))
                query.error = tr("available: takes yes or no, as in available:yes");
            i = j;
            continue;
        }
        if (startsWithKeyword(text, i, QLatin1String("level"))) {
            qsizetype j = i + 5;
            QStringView op;
            for (QLatin1String candidate : {QLatin1String(">="), QLatin1String(":"), QLatin1String("=")}) {
                if (text.mid(j).startsWith(candidate)) {
                    op = text.mid(j, candidate.size());
                    break;
                }
            }
            if (!op.isEmpty()) {
                j += op.size();
                const QString value = readValue(text, j);
                bool ok = false;
                const int level = value.toInt(&ok);
                if (negated)
                    notExcludable();
                else if (ok && level >= 1 && level <= 5)
                    query.minLevel = level;
                else
                    query.error = tr("level must be a number from 1 to 5, as in level>=4");
                i = j;
                continue;
            }
        }
        if (negated) {
            QStringList words;
            for (const SearchText::Word &word : SearchText::words(readValue(text, i)))
                words.append(word.folded);
            if (!words.isEmpty())
                query.excluded.words.append(words);
            continue;
        }
        // Free text, quotes dropped.
        const qsizetype start = i;
        while (i < text.size() && !text[i].isSpace())
            ++i;
        QStringView word = text.mid(start, i - start);
        // A possessive asks about the person or thing: "misaki's manager" is about Misaki, and
        // so is "james' team" about James.
        for (QStringView possessive :
             {QStringView(u"'s"), QStringView(u"\u2019s"), QStringView(u"s'"), QStringView(u"s\u2019")}) {
            if (word.size() > possessive.size() && word.endsWith(possessive, Qt::CaseInsensitive)) {
                word.chop(possessive.front() == u's' ? 1 : possessive.size());
                possessiveEnds.append(freeText.size() + word.size());
                break;
            }
        }
        freeText += word;
        freeText += QLatin1Char(' ');
        query.typing = i == text.size();
    }
    for (const SearchText::Word &word : SearchText::words(freeText))
        query.terms.append(Term {word.folded, word.token, possessiveEnds.contains(word.start + word.length)});
    return query;
}

} // namespace Colleagues
