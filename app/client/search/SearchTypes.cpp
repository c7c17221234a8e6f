// SPDX-License-Identifier: MIT
#include "client/search/SearchTypes.h"

#include "core/EnumNames.h"
#include "core/TextFold.h"

#include <QJsonArray>

namespace Colleagues {

namespace {

QJsonArray spansToJson(const QList<MatchSpan> &spans)
{
    QJsonArray out;
    for (const MatchSpan &span : spans)
        out.append(QJsonObject {{QStringLiteral("start"), span.start}, {QStringLiteral("length"), span.length}});
    return out;
}

QJsonArray facetsToJson(const QList<FacetCount> &facets)
{
    QJsonArray out;
    for (const FacetCount &facet : facets)
        out.append(QJsonObject {{QStringLiteral("value"), facet.value}, {QStringLiteral("count"), facet.count}});
    return out;
}

// UnderstoodQuery::Team in JSON; Team::None is null.
constexpr Named<UnderstoodQuery::Team> TeamNames[] = {
    {UnderstoodQuery::Team::Yours, "yours"},
    {UnderstoodQuery::Team::YourReports, "your_reports"},
    {UnderstoodQuery::Team::YourManagers, "your_managers"},
    {UnderstoodQuery::Team::YourManager, "your_manager"},
    {UnderstoodQuery::Team::YourPeers, "your_peers"},
    {UnderstoodQuery::Team::YourManagersManager, "your_managers_manager"},
    {UnderstoodQuery::Team::ReportsOf, "reports_of"},
    {UnderstoodQuery::Team::TeamOf, "team_of"},
    {UnderstoodQuery::Team::ManagerOf, "manager_of"},
    {UnderstoodQuery::Team::PeersOf, "peers_of"},
};

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QStringList UnderstoodQuery::describe(Detail detail) const
{
    if (!saysMore())
        return {};
    const bool withAliases = detail == Detail::Aliases;
    QStringList parts;
    QStringList first; // rankedFirst, said after the others
    QStringList unsaid; // of those, the ones no one mentions
    QStringList unmatched; // the term found by its related skills (noMatch)
    auto listFor = [&](qsizetype i, QStringList *others) {
        return i == noMatch           ? &unmatched
            : unmentioned.contains(i) ? &unsaid
            : rankedFirst.contains(i) ? &first
                                      : others;
    };
    if (!withAliases) {
        for (qsizetype i = 0; i < names.size(); ++i)
            listFor(i, &parts)->append(names[i]);
    } else {
        QStringList words;
        for (qsizetype i = 0; i < terms.size(); ++i) {
            const QString &term = terms[i];
            // Alternatives ("python / go") are one term; each may be an alias.
            QStringList alternatives = term.split(QStringLiteral(" / "));
            for (QString &text : alternatives) {
                for (const AliasApplied &alias : aliases) {
                    if (foldText(alias.to) == text)
                        text += QStringLiteral(" (%1 \u2192 %2)").arg(alias.from, alias.to);
                }
            }
            listFor(i, &words)->append(alternatives.join(QStringLiteral(" / ")));
        }
        if (!words.isEmpty())
            parts.append(words.join(QStringLiteral(", ")));
    }
    if (!first.isEmpty())
        parts.append(tr("%1 first").arg(first.join(QStringLiteral(", "))));
    if (!unsaid.isEmpty())
        parts.append(tr("no one mentions %1").arg(unsaid.join(QStringLiteral(", "))));
    if (!unmatched.isEmpty())
        parts.append(tr("no match for %1, so related skills: %2")
                         .arg(unmatched.join(QStringLiteral(", ")), relatedSkills.join(QStringLiteral(", "))));
    if (!place.isEmpty()) {
        QString where = tr("in %1").arg(place);
        for (const AliasApplied &alias : aliases) {
            if (alias.to == place && withAliases)
                where += QStringLiteral(" (%1 \u2192 %2)").arg(alias.from, alias.to);
        }
        parts.append(where);
    }
    for (const QString &left : excluded)
        parts.append(tr("not %1").arg(left));
    if (!excludedPlaces.isEmpty())
        parts.append(tr("not in %1").arg(excludedPlaces.join(QStringLiteral(" / "))));
    for (const DepartmentsUnder &family : departmentsUnder) {
        // The first few by name; all of them are in the JSON of `colleagues search --json`.
        constexpr qsizetype Shown = 3;
        QString names = family.under.mid(0, Shown).join(QStringLiteral(", "));
        if (family.under.size() > Shown)
            names = tr("%1 and %n more", nullptr, int(family.under.size() - Shown)).arg(names);
        parts.append(tr("with the departments under %1: %2").arg(family.department, names));
    }
    if (!sameTimeZone.isEmpty())
        parts.append(tr("in your time zone (%1)").arg(sameTimeZone));
    switch (team) {
    case Team::None: break;
    case Team::Yours: parts.append(tr("in your team")); break;
    case Team::YourReports: parts.append(tr("your direct reports")); break;
    case Team::YourManagers: parts.append(tr("in your team (%1's reports)").arg(manager)); break;
    case Team::YourManager: parts.append(tr("your manager (%1)").arg(manager)); break;
    case Team::YourPeers: parts.append(tr("your peers (%1's reports)").arg(manager)); break;
    case Team::YourManagersManager: parts.append(tr("your manager's manager (%1)").arg(manager)); break;
    case Team::ReportsOf:
        // "who reports to diego's manager": their manager named, and whose manager they are; "who
        // reports to the ceo": and by which title.
        parts.append(!person.isEmpty()             ? tr("reporting to %1 (%2's manager)").arg(manager, person)
                         : !managerTitle.isEmpty() ? tr("reporting to %1 (%2)").arg(manager, managerTitle)
                                                   : tr("reporting to %1").arg(manager));
        break;
    case Team::TeamOf:
        parts.append(managerTitle.isEmpty() ? tr("in %1's team").arg(manager)
                                            : tr("in %1's team (%2)").arg(manager, managerTitle));
        break;
    case Team::ManagerOf: parts.append(tr("%1's manager (%2)").arg(person, manager)); break;
    case Team::PeersOf: parts.append(tr("%1's peers (%2's reports)").arg(person, manager)); break;
    }
    if (!department.isEmpty())
        parts.append(tr("in your department (%1)").arg(department));
    if (!location.isEmpty())
        parts.append(tr("at your location (%1)").arg(location));
    if (minLevel == 5)
        parts.append(tr("at level 5"));
    else if (minLevel > 0)
        parts.append(tr("at level %1 or above").arg(minLevel));
    if (expertsFirst)
        parts.append(tr("experts first"));
    if (beginnersFirst)
        parts.append(tr("beginners first"));
    if (availableFirst)
        parts.append(tr("available now first"));
    if (leadersFirst)
        parts.append(tr("leaders first"));
    if (outOfOffice)
        parts.append(*outOfOffice ? tr("out of office now") : tr("not out of office"));
    if (onlyAsking)
        parts.append(tr("nothing asked for yet: add a skill, a name, a team or a place"));
    if (withAliases && !dropped.isEmpty())
        parts.append(tr("ignored: %1").arg(dropped.join(QStringLiteral(", "))));
    return parts;
}

QString UnderstoodQuery::partialText(Detail detail) const
{
    QStringList wanted = detail == Detail::Names ? names : terms;
    if (!place.isEmpty())
        wanted.append(place);
    return tr("No one matches all of: %1; closest matches").arg(wanted.join(QStringLiteral(", ")));
}

QString kindName(MatchReason::Kind kind)
{
    switch (kind) {
    case MatchReason::Kind::Exact: return QStringLiteral("exact");
    case MatchReason::Kind::Prefix: return QStringLiteral("prefix");
    case MatchReason::Kind::Corrected: return QStringLiteral("corrected");
    case MatchReason::Kind::Filter: return QStringLiteral("filter");
    case MatchReason::Kind::Related: return QStringLiteral("related");
    }
    return QString();
}

QJsonObject toJson(const SearchResult &result)
{
    QJsonArray skills;
    for (const MatchedSkill &skill : result.matchedSkills) {
        skills.append(QJsonObject {{QStringLiteral("name"), skill.name},
                                   {QStringLiteral("level"), skill.level},
                                   {QStringLiteral("spans"), spansToJson(skill.spans)}});
    }
    QJsonArray reasons;
    for (const MatchReason &reason : result.reasons) {
        QJsonObject object {{QStringLiteral("field"), reason.field},
                            {QStringLiteral("kind"), kindName(reason.kind)},
                            {QStringLiteral("spans"), spansToJson(reason.spans)},
                            {QStringLiteral("terms"), QJsonArray::fromStringList(reason.terms)}};
        if (!reason.value.isEmpty())
            object.insert(QStringLiteral("value"), reason.value);
        if (reason.field == QLatin1String("skill"))
            object.insert(QStringLiteral("level"), reason.level);
        reasons.append(object);
    }
    QJsonObject object {
        {QStringLiteral("id"), result.id},
        {QStringLiteral("username"), result.username},
        {QStringLiteral("display_name"), result.displayName},
        {QStringLiteral("title"), result.title},
        {QStringLiteral("department"), result.department},
        {QStringLiteral("location"), result.location},
        {QStringLiteral("time_zone"), result.timeZone},
        {QStringLiteral("score"), result.score},
        {QStringLiteral("matched_skills"), skills},
        {QStringLiteral("reasons"), reasons},
    };
    object.insert(QStringLiteral("available_now"), result.availableNow);
    if (result.leads > 0)
        object.insert(QStringLiteral("leads"), result.leads);
    if (!result.unmatchedTerms.isEmpty())
        object.insert(QStringLiteral("missing"), QJsonArray::fromStringList(result.unmatchedTerms));
    return object;
}

QJsonObject toJson(const UnderstoodQuery &understood)
{
    QJsonArray aliases;
    for (const AliasApplied &alias : understood.aliases)
        aliases.append(QJsonObject {{QStringLiteral("from"), alias.from}, {QStringLiteral("to"), alias.to}});
    auto termsAt = [&understood](const QList<qsizetype> &indexes) { // the terms, folded, as in "terms"
        QJsonArray terms;
        for (const qsizetype i : indexes) {
            if (i < understood.terms.size())
                terms.append(understood.terms[i]);
        }
        return terms;
    };
    QJsonArray departmentsUnder;
    for (const DepartmentsUnder &family : understood.departmentsUnder)
        departmentsUnder.append(QJsonObject {{QStringLiteral("department"), family.department},
                                             {QStringLiteral("under"), QJsonArray::fromStringList(family.under)}});
    return QJsonObject {
        {QStringLiteral("terms"), QJsonArray::fromStringList(understood.terms)},
        {QStringLiteral("aliases"), aliases},
        {QStringLiteral("place"), textOrNull(understood.place)},
        {QStringLiteral("same_time_zone"), textOrNull(understood.sameTimeZone)},
        {QStringLiteral("team"), textOrNull(nameIn(TeamNames, understood.team))},
        {QStringLiteral("manager"), textOrNull(understood.manager)},
        {QStringLiteral("person"), textOrNull(understood.person)},
        {QStringLiteral("manager_title"), textOrNull(understood.managerTitle)},
        {QStringLiteral("department"), textOrNull(understood.department)},
        {QStringLiteral("location"), textOrNull(understood.location)},
        {QStringLiteral("dropped"), QJsonArray::fromStringList(understood.dropped)},
        {QStringLiteral("only_asking"), understood.onlyAsking},
        {QStringLiteral("ranked_first"), termsAt(understood.rankedFirst)},
        {QStringLiteral("unmentioned"), termsAt(understood.unmentioned)},
        {QStringLiteral("no_match"),
         understood.noMatch >= 0 && understood.noMatch < understood.terms.size()
             ? QJsonValue(understood.terms[understood.noMatch])
             : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("related_skills"), QJsonArray::fromStringList(understood.relatedSkills)},
        {QStringLiteral("experts_first"), understood.expertsFirst},
        {QStringLiteral("beginners_first"), understood.beginnersFirst},
        {QStringLiteral("min_level"), understood.minLevel > 0 ? QJsonValue(understood.minLevel) : QJsonValue()},
        {QStringLiteral("available_first"), understood.availableFirst},
        {QStringLiteral("leaders_first"), understood.leadersFirst},
        {QStringLiteral("out_of_office"), understood.outOfOffice ? QJsonValue(*understood.outOfOffice) : QJsonValue()},
        {QStringLiteral("partial"), understood.partial},
        {QStringLiteral("excluded"), QJsonArray::fromStringList(understood.excluded)},
        {QStringLiteral("excluded_places"), QJsonArray::fromStringList(understood.excludedPlaces)},
        {QStringLiteral("departments_under"), departmentsUnder},
    };
}

QJsonObject toJson(const SearchPage &page)
{
    QJsonArray results;
    for (const SearchResult &result : page.results)
        results.append(toJson(result));
    QJsonArray corrections;
    for (const Correction &correction : page.corrections) {
        corrections.append(QJsonObject {{QStringLiteral("term"), correction.term},
                                        {QStringLiteral("correction"), correction.correction},
                                        {QStringLiteral("exact_also_found"), correction.exactAlsoFound}});
    }
    return QJsonObject {
        {QStringLiteral("query"), page.query},
        {QStringLiteral("offset"), page.offset},
        {QStringLiteral("total"), page.total},
        {QStringLiteral("has_more"), page.hasMore()},
        {QStringLiteral("corrected_query"), textOrNull(page.correctedQuery)},
        {QStringLiteral("corrections"), corrections},
        {QStringLiteral("error"), textOrNull(page.error)},
        {QStringLiteral("partial"), page.partial},
        {QStringLiteral("understood"), toJson(page.understood)},
        {QStringLiteral("facets"),
         QJsonObject {{QStringLiteral("departments"), facetsToJson(page.departments)},
                      {QStringLiteral("locations"), facetsToJson(page.locations)}}},
        {QStringLiteral("results"), results},
    };
}

} // namespace Colleagues
