// SPDX-License-Identifier: MIT
#include "client/search/Regions.h"

#include "client/search/SearchText.h"

#include <QHash>
#include <QTimeZone>

#include <algorithm>
#include <deque>
#include <initializer_list>

namespace Colleagues {

using T = QLocale::Territory;

namespace {

QList<QStringList> foldedNames(std::initializer_list<const char *> names)
{
    QList<QStringList> out;
    for (const char *name : names)
        out.append(SearchText::foldedWords(QString::fromUtf8(name)));
    return out;
}

// The Middle East as companies divide the world: in EMEA, not in Asia or APAC.
const QList<T> MiddleEast {T::UnitedArabEmirates,
                           T::SaudiArabia,
                           T::Qatar,
                           T::Bahrain,
                           T::Kuwait,
                           T::Oman,
                           T::Yemen,
                           T::Iraq,
                           T::Iran,
                           T::Israel,
                           T::PalestinianTerritories,
                           T::Jordan,
                           T::Lebanon,
                           T::Syria,
                           T::Egypt};

// Other names people type for countries (English short forms, German names). The English names
// come from QLocale.
struct CountryAliases
{
    T territory;
    const char *names; //!< separated by ", "
};
const CountryAliases Aliases[] = {
    {T::UnitedStates, "us, usa, united states of america, vereinigte staaten"},
    {T::UnitedKingdom,
     "uk, gb, britain, great britain, england, scotland, wales, northern ireland, großbritannien, vereinigtes "
     "königreich, vereinigtes koenigreich"},
    {T::Germany, "deutschland"},
    {T::Austria, "österreich, oesterreich"},
    {T::Switzerland, "schweiz, suisse, svizzera"},
    {T::France, "frankreich"},
    {T::Spain, "spanien, españa"},
    {T::Italy, "italien, italia"},
    {T::Netherlands, "niederlande, holland"},
    {T::Belgium, "belgien"},
    {T::Luxembourg, "luxemburg"},
    {T::Poland, "polen, polska"},
    {T::Czechia, "czech republic, tschechien"},
    {T::Sweden, "schweden"},
    {T::Norway, "norwegen"},
    {T::Denmark, "dänemark, daenemark"},
    {T::Finland, "finnland"},
    {T::Ireland, "irland"},
    {T::Greece, "griechenland"},
    {T::Hungary, "ungarn"},
    {T::Romania, "rumänien, rumaenien"},
    {T::Bulgaria, "bulgarien"},
    {T::Croatia, "kroatien"},
    {T::Serbia, "serbien"},
    {T::Slovakia, "slowakei"},
    {T::Slovenia, "slowenien"},
    {T::Estonia, "estland"},
    {T::Latvia, "lettland"},
    {T::Lithuania, "litauen"},
    {T::Turkey, "türkei, tuerkei, türkiye"},
    {T::Russia, "russland"},
    {T::India, "indien"},
    {T::SouthKorea, "korea, südkorea, suedkorea"},
    {T::Singapore, "singapur"},
    {T::Indonesia, "indonesien"},
    {T::Philippines, "philippinen"},
    {T::Australia, "australien"},
    {T::NewZealand, "neuseeland"},
    {T::Canada, "kanada"},
    {T::Mexico, "mexiko"},
    {T::Brazil, "brasilien, brasil"},
    {T::Argentina, "argentinien"},
    {T::Colombia, "kolumbien"},
    {T::SouthAfrica, "südafrika, suedafrika"},
    {T::Egypt, "ägypten, aegypten"},
    {T::Kenya, "kenia"},
    {T::Morocco, "marokko"},
    {T::UnitedArabEmirates, "uae, emirates, vae, vereinigte arabische emirate"},
    {T::SaudiArabia, "saudi arabien"},
};

// QLocale's territories that are no country.
const QList<T> NotCountries {T::AnyTerritory,  T::World,        T::Europe,
                             T::EuropeanUnion, T::LatinAmerica, T::OutlyingOceania};

struct Name
{
    QStringList words;
    const Region *region = nullptr;
    bool standalone = false;
};

} // namespace

struct RegionTable
{
    std::deque<Region> regions;
    QHash<QString, QList<Name>> byFirstWord; //!< longest names first

    Region &add(const char *name, std::initializer_list<const char *> names, bool standalone = false)
    {
        Region &region = regions.emplace_back();
        region.m_name = QString::fromUtf8(name);
        region.m_names = foldedNames(names);
        region.m_standalone = standalone;
        return region;
    }

    RegionTable()
    {
        Region &europe = add("Europe", {"europe", "europa"});
        europe.m_areas = {QStringLiteral("Europe")};
        europe.m_territories = {T::Iceland, T::FaroeIslands, T::Spain, T::Portugal, T::Cyprus};

        Region &africa = add("Africa", {"africa", "afrika"});
        africa.m_areas = {QStringLiteral("Africa")};
        africa.m_territories = {T::Mauritius,  T::Reunion,    T::Mayotte,   T::Comoros,
                                T::Madagascar, T::Seychelles, T::CapeVerde, T::SaintHelena};
        africa.m_excluded = {T::Spain};

        Region &middleEast = add("Middle East", {"middle east", "mideast", "naher osten", "nahen osten", "nahost"});
        middleEast.m_territories = MiddleEast;

        Region &asia = add("Asia", {"asia", "asien"});
        asia.m_areas = {QStringLiteral("Asia")};
        asia.m_territories = {T::Maldives, T::BritishIndianOceanTerritory, T::ChristmasIsland, T::CocosIslands};
        asia.m_excluded = MiddleEast + QList<T> {T::Cyprus};

        Region &oceania = add("Oceania", {"oceania", "ozeanien"});
        oceania.m_areas = {QStringLiteral("Australia"), QStringLiteral("Pacific")};
        oceania.m_excluded = {T::UnitedStates, T::Chile, T::Ecuador};

        Region &americas = add("Americas", {"americas", "amer"}, true);
        americas.m_areas = {QStringLiteral("America")};
        americas.m_territories = {T::UnitedStates, T::Chile,           T::Ecuador,
                                  T::Bermuda,      T::FalklandIslands, T::SouthGeorgiaAndSouthSandwichIslands};

        add("North America", {"north america", "nordamerika", "namer"}, true).m_territories = {
            T::UnitedStates, T::Canada, T::Mexico, T::Greenland, T::Bermuda, T::SaintPierreAndMiquelon};
        add("South America", {"south america", "südamerika", "suedamerika"}).m_territories = {
            T::Argentina, T::Bolivia,  T::Brazil, T::Chile,    T::Colombia, T::Ecuador,   T::FrenchGuiana,
            T::Guyana,    T::Paraguay, T::Peru,   T::Suriname, T::Uruguay,  T::Venezuela, T::FalklandIslands};
        Region &latinAmerica = add("Latin America", {"latin america", "lateinamerika", "latam"}, true);
        latinAmerica.m_areas = {QStringLiteral("America")};
        latinAmerica.m_territories = {T::Chile, T::Ecuador};
        latinAmerica.m_excluded = {T::UnitedStates, T::Canada, T::Greenland, T::Bermuda, T::SaintPierreAndMiquelon};

        add("EMEA", {"emea"}, true).m_parts = {&europe, &middleEast, &africa};
        add("APAC", {"apac", "asia pacific", "asien pazifik"}, true).m_parts = {&asia, &oceania};
        add("DACH", {"dach"}, true).m_territories = {T::Germany, T::Austria, T::Switzerland, T::Liechtenstein};
        add("Nordics", {"nordics", "nordic countries", "scandinavia", "skandinavien"}, true).m_territories = {
            T::Denmark, T::Norway, T::Sweden, T::Finland, T::Iceland, T::FaroeIslands, T::AlandIslands};
        add("Benelux", {"benelux"}, true).m_territories = {T::Belgium, T::Netherlands, T::Luxembourg};
        Region &eu = add("EU", {"eu", "european union", "europäische union", "europaeische union"});
        eu.m_namedAlone = false;
        eu.m_territories = {T::Austria,  T::Belgium, T::Bulgaria,  T::Croatia,    T::Cyprus, T::Czechia,     T::Denmark,
                            T::Estonia,  T::Finland, T::France,    T::Germany,    T::Greece, T::Hungary,     T::Ireland,
                            T::Italy,    T::Latvia,  T::Lithuania, T::Luxembourg, T::Malta,  T::Netherlands, T::Poland,
                            T::Portugal, T::Romania, T::Slovakia,  T::Slovenia,   T::Spain,  T::Sweden};

        // Countries: QLocale's English name and the aliases above.
        QHash<int, QList<QStringList>> aliases;
        for (const CountryAliases &country : Aliases) {
            for (const QString &name : QString::fromUtf8(country.names).split(QStringLiteral(", ")))
                aliases[int(country.territory)].append(SearchText::foldedWords(name));
        }
        for (int t = 1; t <= int(QLocale::LastTerritory); ++t) {
            const T territory = T(t);
            if (NotCountries.contains(territory))
                continue;
            Region &country = regions.emplace_back();
            country.m_name = QLocale::territoryToString(territory);
            country.m_names = QList<QStringList> {SearchText::foldedWords(country.m_name)} + aliases.value(t);
            country.m_territories = {territory};
        }

        for (const Region &region : regions) {
            for (const QStringList &words : region.m_names) {
                // A name of several words means a place wherever it stands ("north america").
                byFirstWord[words.constFirst()].append(Name {words, &region, region.m_standalone || words.size() > 1});
            }
        }
        for (QList<Name> &names : byFirstWord) {
            std::stable_sort(names.begin(), names.end(),
                             [](const Name &l, const Name &r) { return l.words.size() > r.words.size(); });
        }
    }
};

namespace {

const RegionTable &table()
{
    static const RegionTable regions;
    return regions;
}

} // namespace

const Region *Region::find(const QStringList &foldedWords, qsizetype at, int *length, bool standalone)
{
    *length = 0;
    if (at < 0 || at >= foldedWords.size())
        return nullptr;
    const auto it = table().byFirstWord.constFind(foldedWords[at]);
    if (it == table().byFirstWord.cend())
        return nullptr;
    for (const Name &name : *it) {
        if (standalone && !name.standalone)
            continue;
        if (SearchText::phraseAt(foldedWords, at, name.words)) {
            *length = int(name.words.size());
            return name.region;
        }
    }
    return nullptr;
}

bool Region::containsTimeZone(QStringView ianaId, QLocale::Territory territory) const
{
    if (!m_parts.isEmpty()) {
        return std::any_of(m_parts.cbegin(), m_parts.cend(),
                           [&](const Region *part) { return part->containsTimeZone(ianaId, territory); });
    }
    if (territory != T::AnyTerritory && m_territories.contains(territory))
        return true;
    const qsizetype slash = ianaId.indexOf(QLatin1Char('/'));
    if (slash <= 0 || !m_areas.contains(ianaId.left(slash)))
        return false;
    return territory == T::AnyTerritory || !m_excluded.contains(territory);
}

bool Region::isNamedBy(const QStringList &foldedLocationWords) const
{
    if (!m_parts.isEmpty() && std::any_of(m_parts.cbegin(), m_parts.cend(), [&](const Region *part) {
            return part->isNamedBy(foldedLocationWords);
        }))
        return true;
    for (const QStringList &name : m_names) {
        const auto found =
            std::search(foldedLocationWords.cbegin(), foldedLocationWords.cend(), name.cbegin(), name.cend());
        if (found != foldedLocationWords.cend())
            return true;
    }
    return false;
}

bool Region::isImpliedBy(const QStringList &foldedLocationWords) const
{
    for (qsizetype at = 0; at < foldedLocationWords.size(); ++at) {
        int length = 0;
        const Region *named = find(foldedLocationWords, at, &length);
        if (!named)
            continue;
        at += length - 1;
        if (!named->m_areas.isEmpty() || !named->m_parts.isEmpty())
            continue; // a continent: only itself or a region of which it is a part (isNamedBy())
        for (QLocale::Territory territory : named->m_territories) {
            const QList<QByteArray> zones = QTimeZone::availableTimeZoneIds(territory);
            if (std::any_of(zones.cbegin(), zones.cend(), [&](const QByteArray &zone) {
                    return containsTimeZone(QString::fromLatin1(zone), territory);
                }))
                return true;
        }
    }
    return false;
}

QList<const Region *> Region::all()
{
    QList<const Region *> out;
    for (const Region &region : table().regions)
        out.append(&region);
    return out;
}

} // namespace Colleagues
