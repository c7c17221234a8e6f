// SPDX-License-Identifier: MIT
#include "client/search/QueryUnderstanding.h"

#include "client/search/Regions.h"
#include "client/search/SearchText.h"
#include "client/search/TermDictionary.h"
#include "core/TextFold.h"
#include "core/Vocabulary.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace Colleagues {

namespace {

QSet<QString> wordSet(const char *words)
{
    QSet<QString> set;
    for (const QString &word : QString::fromUtf8(words).split(QLatin1Char(' '), Qt::SkipEmptyParts))
        set.insert(word);
    return set;
}

// Words that ask rather than name: questions, helpers, articles, "knows", "speaking". Words that
// are also departments or fields ("people", "it", "support", "design") are not here. Folded.
const QSet<QString> &fillerWords()
{
    static const QSet<QString> words = wordSet(
        // English
        "who whom whose what which where is are am was were be been can could would will shall should "
        "do does did has have had i me my we us our you your someone somebody anyone anybody anything "
        "something any some there here please the a an and or nor to of for with about on by as that this "
        "these those knows know knowing known familiar help helps helping helpful looking look find "
        "finding need needs want wants good great strong skilled experienced experience proficient speaking speaks "
        "speak spoken works working worked does work whos who's hows get got someone's handles handle "
        "handling owns responsible speaker speakers native fluent fluently but also too done doing least above "
        "interested interest likes like loves enjoys enjoy into hobby hobbies passionate among amongst sits sitting "
        "located lives living ask asks asking asked approves approve approving talk talking both either used using "
        "before ever already previously built give gives giving organise organises organising organize organizes "
        "organizing play plays playing player players fix fixes fixing repair repairs repairing set sets setting up "
        "broken lived former formerly studied certified bilingual trilingual multilingual conversational "
        "intermediate today how why really very quite super extremely urgent urgently asap point poc go-to goto "
        "subject matter review reviews reviewing teach teaches explain explains use uses write writes wrote "
        "sign signs signing in-house inhouse expired expires pays paying grab grabbing fill fills filling takes taking "
        "move slow orders ordering maintains maintain maintaining maintained setup looks prepare prepares preparing "
        "forgot forgotten forget lost locked reviewed approved signed "
        // German
        "wer wen wem wessen was welche welcher welches wo ist sind bin war kann konnen koennen konnte "
        "jemand jemanden jemandem irgendwer irgendjemand der die das den dem des ein eine einen einem "
        "einer und oder noch aber unter mit fur fuer uber ueber bei von zu zum zur sich kennt kennen auskennt "
        "weiss hilft helfen hilfe suche suchen gesucht brauche brauchen gut gute guter spricht "
        "sprechen arbeitet erfahrung erfahren mich mir uns ich wir bitte da hier zustandig zustaendig "
        "muttersprachler muttersprachlerin fliessend mindestens seit interessiert interessieren mag hobbys "
        "begeistert sitzt wohnt fragen frage genehmigt unser unsere unserem unseren unserer beide beides kummert "
        "kuemmert kummern kuemmern um geht funktioniert kaputt zertifiziert macht machen heute wie warum "
        "wirklich sehr dringend reviewen genehmigen freigeben mein meine meinen meinem meiner meines "
        "habe hab hast hat haben vergessen verloren verlegt gesperrt");
    return words;
}

//! How many words at \a at say a number of years ("5 years", "10+ years", "drei jahre" is not
//! read: digits only); 0: none.
int yearsWords(const QStringList &words, qsizetype at)
{
    static const QSet<QString> years = wordSet("year years yrs jahr jahre jahren");
    if (at + 1 >= words.size() || !years.contains(words[at + 1]))
        return 0;
    QStringView number = words[at];
    if (number.endsWith(u'+'))
        number.chop(1);
    const bool digits = !number.isEmpty() && number.size() <= 2
        && std::all_of(number.cbegin(), number.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    return digits ? 2 : 0;
}

//! The level 1 to 5 that \a word says ("4", "4+"), else 0.
int levelNumber(QStringView word)
{
    if (word.endsWith(u'+'))
        word.chop(1);
    return word.size() == 1 && word[0] >= u'1' && word[0] <= u'5' ? word[0].unicode() - u'0' : 0;
}

//! How many words at \a at ask for a skill level ("level 4", "level 4+", "lvl 3", "4/5", "Stufe
//! 4", with "at least" / "mindestens" before and "or above" / "oder höher" after), and which
//! (\a level); 0: none.
int levelWords(const QStringList &words, qsizetype at, int *level)
{
    static const QSet<QString> levelNames = wordSet("level levels lvl stufe niveau");
    static const QSet<QString> above = wordSet("above higher more better hoher hoeher mehr besser");
    qsizetype i = at;
    if (i + 1 < words.size() && words[i] == u"at" && words[i + 1] == u"least")
        i += 2;
    else if (i < words.size() && words[i] == u"mindestens")
        ++i;
    if (i + 1 < words.size() && levelNames.contains(words[i]) && levelNumber(words[i + 1])) {
        *level = levelNumber(words[i + 1]);
        i += 2;
    } else if (i < words.size() && words[i].size() == 3 && words[i].endsWith(QLatin1String("/5"))
               && levelNumber(QStringView(words[i]).first(1))) {
        *level = levelNumber(QStringView(words[i]).first(1));
        ++i;
    } else {
        return 0;
    }
    if (i + 1 < words.size() && (words[i] == u"or" || words[i] == u"oder") && above.contains(words[i + 1]))
        i += 2;
    return int(i - at);
}

//! How many words at \a at say how well someone speaks or knows something ("fluent", "fließend";
//! "native speakers", "Muttersprachler"), with the \a level they ask for; 0: none. "native" alone
//! says no level ("native apps", "native ios developer").
int fluencyWords(const QStringList &words, qsizetype at, int *level)
{
    static const QSet<QString> fluent = wordSet("fluent fluently fliessend verhandlungssicher");
    static const QSet<QString> native =
        wordSet("natively muttersprache muttersprachler muttersprachlerin muttersprachlerinnen muttersprachlich");
    static const QSet<QString> nativeWhat = wordSet("speaker speakers language languages tongue level");
    if (at >= words.size())
        return 0;
    if (fluent.contains(words[at])) {
        *level = 4;
        return 1;
    }
    if (native.contains(words[at])) {
        *level = 5;
        return 1;
    }
    // "native speakers of japanese", "japanese native tongue", "native french speakers": what
    // is native right after it (and part of the phrase), or after the language.
    if (words[at] == u"native") {
        for (qsizetype k = at + 1; k < std::min(words.size(), at + 3); ++k) {
            if (nativeWhat.contains(words[k])) {
                *level = 5;
                return k == at + 1 ? 2 : 1;
            }
        }
    }
    return 0;
}

//! How many words at \a at name a change to review ("pr", "prs", "pull request", "merge
//! requests"); 0: none.
int codeChangeAt(const QStringList &words, qsizetype at)
{
    static const QSet<QString> changes = wordSet("pr prs");
    static const QSet<QString> requested = wordSet("pull merge");
    static const QSet<QString> requests = wordSet("request requests");
    if (changes.contains(words[at]))
        return 1;
    return at + 1 < words.size() && requested.contains(words[at]) && requests.contains(words[at + 1]) ? 2 : 0;
}

// Words that ask for the people who know a skill best, ranked by level (no filter).
const QSet<QString> &expertWords()
{
    static const QSet<QString> words = wordSet(
        "expert experts expertise senior seniors lead leads guru gurus specialist specialists master masters ninja "
        "ninjas wizard wizards whiz rockstar rockstars champion champions sme smes pro pros advanced best top "
        "strongest most experienced "
        // German
        "experte experten expertin expertinnen spezialist spezialistin spezialisten profi profis fortgeschritten "
        "beste besten bester bestes meisten erfahren erfahrene erfahrenen erfahrener");
    return words;
}

// Words for people who are starting out at what is asked ("python beginners", "anfänger"): the
// lowest skill levels first. Folded. "junior" is a word of titles; "learning" asks so only before
// what is learnt (learningWords()).
const QSet<QString> &beginnerWords()
{
    static const QSet<QString> words =
        wordSet("beginner beginners novice novices newbie newbies starter starters anfanger anfangerin "
                "anfangerinnen einsteiger einsteigerin einsteigerinnen neuling neulinge");
    return words;
}

// Words for learning, before what is learnt ("learning rust", "lernt Japanisch"). Folded.
const QSet<QString> &learningWords()
{
    static const QSet<QString> words = wordSet("learning learn learns lernt lernen lerne");
    return words;
}

// Words that say whom or what something is for ("recruiter for engineering"). Folded.
const QSet<QString> &forWords()
{
    static const QSet<QString> words = wordSet("for fur fuer");
    return words;
}

// Words for people in general and their groups ("people in finance", "kubernetes folks", "kollegen
// aus köln", "the sales team", "the finance department"): they ask for people, as every search
// does, unless a word that names something follows ("people operations", "staff engineer", "team
// lead"). Folded.
const QSet<QString> &peopleWords()
{
    static const QSet<QString> words = wordSet(
        // English
        "people person persons folks colleague colleagues coworker coworkers employee employees staff "
        "member members teammates contact contacts team teams squad squads crew department departments worker workers "
        "guy guys gal gals girl girls dude dudes owner owners fan fans lover lovers enthusiast enthusiasts nerd "
        "nerds geek geeks buff buffs "
        "division divisions "
        // German
        "leute personen kollege kollegen kollegin kolleginnen mitarbeiter mitarbeiterin mitarbeiterinnen "
        "mitarbeitende ansprechpartner ansprechpartnerin ansprechperson abteilung abteilungen");
    return words;
}

// Words for what someone does in general ("c++ developers", "frontend devs", "go engineers"):
// beside something that names what they know, they rank those whose profile says it first
// rather than leave out everyone else (a C++ expert may be a "Software Engineer"). Each word
// maps to the forms of its role, in English and German (a German "Entwickler" finds the
// "Developer" titles of an English directory, and the other way round); folded. After a "|", what
// the role is also called, not a word of it: whoever writes software is a developer, programmer
// or coder, and most are "Software Engineers" by title.
const QHash<QString, QStringList> &roleWords()
{
    static const QHash<QString, QStringList> words = [] {
        QHash<QString, QStringList> out;
        const QLatin1String software("|software engineer|software engineers|softwareentwickler|softwareentwicklerin");
        for (const QString &line :
             {QStringLiteral("developer developers dev devs entwickler entwicklerin entwicklerinnen") + software,
              QStringLiteral("engineer engineers ingenieur ingenieure ingenieurin ingenieurinnen"),
              QStringLiteral("programmer programmers programmierer programmiererin programmiererinnen") + software,
              QStringLiteral("coder coders") + software}) {
            QStringList also = line.split(QLatin1Char('|'));
            const QStringList list = also.takeFirst().split(QLatin1Char(' '));
            for (const QString &word : list)
                out.insert(word, list + also);
        }
        return out;
    }();
    return words;
}

//! A table from the first word of each of \a lines ("ops|operations") to the others; folded.
QHash<QString, QStringList> firstToOthers(std::initializer_list<const char *> lines)
{
    QHash<QString, QStringList> out;
    for (const char *line : lines) {
        QStringList words = QString::fromUtf8(line).split(QLatin1Char('|'));
        const QString first = words.takeFirst();
        out.insert(first, words);
    }
    return out;
}

// Short forms of the words titles and departments are written with ("sales ops", "engineering
// mgr", "infra", "exec assistant"): each searches its long forms too, as whole words. Only words
// that mean one thing at work; "dev" is a word for what people do (roleWords()). Folded.
const QHash<QString, QStringList> &shortForms()
{
    static const QHash<QString, QStringList> words =
        firstToOthers({"ops|operations",       "eng|engineering|engineer",
                       "mgr|manager",          "mgrs|managers|manager",
                       "mgmt|management",      "mgt|management",
                       "infra|infrastructure", "biz|business",
                       "exec|executive",       "execs|executives|executive",
                       "intl|international",   "acct|account|accounting",
                       "accts|accounts",       "asst|assistant",
                       "coord|coordinator",    "dir|director",
                       "govt|government",      "gov|government",
                       "cust|customer",        "svc|service",
                       "svcs|services|service"});
    return words;
}

// German names of departments and functions ("wer leitet den Vertrieb", "jemand aus der
// Personalabteilung"): a directory in English writes them in English, so each searches its English
// words too (a directory in German still finds the German word as typed). Folded.
const QHash<QString, QStringList> &germanDepartmentWords()
{
    static const QHash<QString, QStringList> words = firstToOthers({"vertrieb|sales",
                                                                    "verkauf|sales",
                                                                    "finanzen|finance",
                                                                    "finanzabteilung|finance",
                                                                    "buchhaltung|accounting",
                                                                    "rechnungswesen|accounting",
                                                                    "personalabteilung|people|hr",
                                                                    "personalwesen|people|hr",
                                                                    "rechtsabteilung|legal",
                                                                    "recht|legal",
                                                                    "einkauf|procurement|purchasing",
                                                                    "beschaffung|procurement",
                                                                    "steuerabteilung|tax",
                                                                    "entwicklung|engineering|development",
                                                                    "forschung|research",
                                                                    "sicherheit|security",
                                                                    "kundenservice|support|customer service",
                                                                    "kundendienst|support|customer service",
                                                                    "logistik|logistics|supply chain",
                                                                    "lieferkette|supply chain",
                                                                    "geschaftsfuhrung|executive",
                                                                    "geschaeftsfuehrung|executive",
                                                                    "vorstand|executive|board",
                                                                    "qualitat|quality",
                                                                    "qualitaet|quality",
                                                                    "produktion|manufacturing",
                                                                    "betrieb|operations",
                                                                    "personalentwicklung|learning development",
                                                                    "unternehmenskommunikation|communications",
                                                                    "kommunikation|communications",
                                                                    "datenschutz|privacy",
                                                                    "gehaltsabrechnung|payroll"});
    return words;
}

//! \a words with the short forms of words the understanding reads itself spelled out ("sr
//! engineer": "senior", experts first; "finance dept": a word for a group), unless they are
//! words of someone's name.
QStringList spelledOut(QStringList words, const std::function<bool(const QString &)> &isName)
{
    static const QHash<QString, QString> forms {
        {QStringLiteral("sr"), QStringLiteral("senior")},
        {QStringLiteral("snr"), QStringLiteral("senior")},
        {QStringLiteral("dept"), QStringLiteral("department")},
        {QStringLiteral("depts"), QStringLiteral("departments")},
        {QStringLiteral("abt"), QStringLiteral("abteilung")},
    };
    for (QString &word : words) {
        if (const auto form = forms.constFind(word); form != forms.cend() && !isName(word))
            word = *form;
    }
    return words;
}

// Words for what is known, and for what one asks about it, said after it or before a word that
// asks ("sap skills", "kubernetes knowledge", "knowledge of sap", "Python-Kenntnisse" typed apart,
// "a gdpr question", "our payroll system", "the billing service", "sap issues", "aws
// certification", "Probleme mit SAP"): they name nothing more. Before a word that names something
// they may ("knowledge management", "skills matrix", "system design", "problem management",
// "service design"). "Services" is often a department ("professional services"). Folded.
const QSet<QString> &knowingNouns()
{
    static const QSet<QString> words = wordSet(
        "skill skills skillset skillsets knowledge background know-how knowhow proficiency kenntnis kenntnisse "
        "kenntnissen wissen fahigkeit fahigkeiten faehigkeit faehigkeiten kompetenz kompetenzen "
        "question questions issue issues problem problems topic topics stuff thing things system systems tool "
        "tools service query queries certification certifications certificate certificates thema themen probleme "
        "problemen systeme zertifikat zertifikate zertifizierung");
    return words;
}

// Words that ask for people who can be reached now ("designers available now", "wer ist gerade
// erreichbar"): the available come first, as with available:yes. Folded.
const QSet<QString> &availableWords()
{
    static const QSet<QString> words = wordSet("available reachable verfugbar verfuegbar erreichbar");
    return words;
}

// Words that mean "available" only beside a word for now ("free now", "online right now") or said
// of someone ("who is online"): alone they may name something ("online marketing"). Folded.
const QSet<QString> &availableBesideNowWords()
{
    static const QSet<QString> words = wordSet("free online frei around awake wach");
    return words;
}

// Words that mean "available" only beside a word for now ("who is working right now", "wer
// arbeitet gerade"): "working on kubernetes" asks about kubernetes. Folded.
const QSet<QString> &availableOnlyBesideNowWords()
{
    static const QSet<QString> words = wordSet("working arbeitet arbeiten");
    return words;
}

// Words for now, dropped beside a word that asks for who is available. Folded.
const QSet<QString> &nowWords()
{
    static const QSet<QString> words = wordSet("now currently today jetzt gerade heute sofort aktuell");
    return words;
}

const QSet<QString> &placePrepositions()
{
    static const QSet<QString> words = wordSet("in at from near based aus im am bei nahe");
    return words;
}

//! Whether the word at \a at names nothing: the query ends before it, or it is a filler word or a
//! place preposition ("who is online", "online in berlin", "folks who know").
bool namesNothingAt(const QStringList &words, qsizetype at)
{
    return at >= words.size() || fillerWords().contains(words[at]) || placePrepositions().contains(words[at]);
}

// Verbs that ask who leads what follows, said after a word that asks ("who leads the mobile
// team", "who runs marketing", "wer leitet den Vertrieb"); before a name, whom someone
// manages ("who manages diego"). Folded.
const QSet<QString> &leadVerbs()
{
    static const QSet<QString> words =
        wordSet("leads heads runs manages oversees leitet leiten fuhrt fuehrt verantwortet");
    return words;
}

//! Folded phrases as lists of words, the longest first (so "out of the office" is tried before
//! "out of office"); each with \a Kind, what it asks for.
template<typename Kind>
using KindedPhrases = QList<std::pair<QStringList, Kind>>;

template<typename Kind>
void sortLongestFirst(KindedPhrases<Kind> *phrases)
{
    std::stable_sort(phrases->begin(), phrases->end(),
                     [](const auto &l, const auto &r) { return l.first.size() > r.first.size(); });
}

//! \a phrases ("reports to", "works for") as KindedPhrases of one kind, \a kind.
template<typename Kind>
KindedPhrases<Kind> phrasesOf(Kind kind, std::initializer_list<const char *> phrases)
{
    KindedPhrases<Kind> out;
    for (const char *phrase : phrases)
        out.append({QString::fromLatin1(phrase).split(QLatin1Char(' ')), kind});
    sortLongestFirst(&out);
    return out;
}

//! How many words at \a at are one of \a phrases, and what it asks for (\a kind, if given); 0: none.
template<typename Kind>
int phraseLength(const QStringList &words, qsizetype at, const KindedPhrases<Kind> &phrases, Kind *kind = nullptr)
{
    for (const auto &[phrase, phraseKind] : phrases) {
        if (SearchText::phraseAt(words, at, phrase)) {
            if (kind)
                *kind = phraseKind;
            return int(phrase.size());
        }
    }
    return 0;
}

// Phrases about the asker: their time zone, team, direct reports, department, manager, peers. Folded.
const QList<std::pair<QStringList, QueryUnderstanding::Mine>> &minePhrases()
{
    using Mine = QueryUnderstanding::Mine;
    static const QList<std::pair<QStringList, Mine>> phrases = [] {
        QList<std::pair<QStringList, Mine>> out;
        auto add = [&](Mine kind, std::initializer_list<const char *> owners,
                       std::initializer_list<const char *> things) {
            for (const char *thing : things) {
                for (const char *owner : owners) {
                    out.append({QString::fromLatin1(owner).split(QLatin1Char(' '))
                                    + QString::fromLatin1(thing).split(QLatin1Char(' ')),
                                kind});
                }
            }
        };
        add(Mine::TimeZone,
            {"my", "our", "the same", "same", "meiner", "meine", "unserer", "unsere", "der gleichen", "gleichen",
             "gleiche", "der selben", "derselben", "selben"},
            {"time zone", "timezone", "tz", "zeitzone"});
        add(Mine::TimeZone,
            {"the same", "same", "der gleichen", "gleichen", "gleiche", "der selben", "derselben", "selben"},
            {"time zone as me", "timezone as me", "tz as me", "time zone as mine", "timezone as mine",
             "zeitzone wie ich"});
        add(Mine::Team, {"my", "our", "mein", "meinem", "meinen", "unser", "unserem", "unseren"}, {"team"});
        add(Mine::Reports, {"my"}, {"reports", "direct reports", "directs"});
        add(Mine::Reports, {"reports", "report", "reporting"}, {"to me"});
        add(Mine::Reports, {"works", "work", "working"}, {"for me", "under me"});
        add(Mine::Reports, {"meine", "meinen"}, {"mitarbeiter", "mitarbeitern", "mitarbeitenden", "direct reports"});
        add(Mine::Department, {"my", "our"}, {"department", "dept"});
        add(Mine::Department, {"meiner", "meine", "unserer", "unsere"}, {"abteilung"});
        add(Mine::Manager, {"my"}, {"manager", "boss", "line manager", "supervisor"});
        add(Mine::Manager, {"i"}, {"report to"});
        add(Mine::Manager, {"mein", "meinen", "meinem"}, {"chef", "vorgesetzter", "vorgesetzten", "manager"});
        add(Mine::Manager, {"meine", "meiner"}, {"chefin", "vorgesetzte", "managerin"});
        // Who approves the asker's own requests is their manager: "who can approve my vacation",
        // "who signs off my expenses", "wer genehmigt meinen Urlaub".
        add(Mine::Manager,
            {"approve my", "approves my", "approving my", "sign off my", "signs off my", "sign off on my",
             "signs off on my"},
            {"vacation", "vacations", "holiday", "holidays", "leave", "time off", "pto", "expenses", "expense report",
             "expense reports", "expense claim", "timesheet", "timesheets", "overtime", "absence", "sick leave",
             "travel", "business trip", "training"});
        add(Mine::Manager, {"genehmigt meinen", "genehmigt meine", "genehmigt mir"},
            {"urlaub", "urlaubsantrag", "spesen", "reisekosten", "abwesenheit", "uberstunden", "ueberstunden",
             "dienstreise", "reise", "fortbildung"});
        // "my manager's manager" (the apostrophe folds away), "my skip-level".
        add(Mine::ManagersManager, {"my"},
            {"manager manager", "managers manager", "boss boss", "bosses boss", "skip level", "skip level manager",
             "skip-level", "skip-level manager", "skiplevel", "skiplevel manager"});
        add(Mine::ManagersManager, {"chef", "chefin", "vorgesetzter", "vorgesetzte"},
            {"meines chefs", "meiner chefin", "meines vorgesetzten", "meiner vorgesetzten"});
        add(Mine::Peers, {"my", "our"}, {"peers", "teammates", "team mates", "colleagues", "coworkers"});
        add(Mine::Peers, {"meine", "meinen", "unsere", "unseren"}, {"kollegen", "kolleginnen", "teamkollegen"});
        // Where the asker works: "who sits near me", "python people in my office", "same city as me".
        add(Mine::Location, {"near", "close to", "around"}, {"me"});
        out.append({{QStringLiteral("nearby")}, Mine::Location});
        add(Mine::Location, {"my", "our", "the same", "same"}, {"office", "location", "city", "campus", "building"});
        add(Mine::Location, {"the same", "same"},
            {"office as me", "location as me", "city as me", "campus as me", "building as me", "office as mine",
             "location as mine"});
        add(Mine::Location, {"meiner", "in meiner"}, {"nahe", "naehe", "stadt"});
        add(Mine::Location, {"mein", "meinem", "unser", "unserem"}, {"buro", "buero", "standort"});
        add(Mine::Location, {"am selben", "am gleichen", "im selben", "im gleichen", "selben", "gleichen"},
            {"standort", "buro", "buero", "standort wie ich", "buro wie ich", "buero wie ich"});
        add(Mine::Location, {"in der selben", "in der gleichen", "der selben", "der gleichen"},
            {"stadt", "stadt wie ich"});
        // The longest first: "the same time zone" before "same time zone".
        sortLongestFirst(&out);
        return out;
    }();
    return phrases;
}

// The verbs before the name of someone whose direct reports are asked for: "who reports to
// diego", "works for", "berichtet an". Folded.
const KindedPhrases<bool> &reportsToPhrases()
{
    static const KindedPhrases<bool> phrases = phrasesOf(
        true,
        {"reports to", "report to", "reporting to", "works for", "work for", "working for", "works under", "work under",
         "working under", "managed by", "berichtet an", "berichten an", "arbeitet fur", "arbeiten fur"});
    return phrases;
}

// Words for who leads what follows ("head of sales", "manager of the platform team", "Leiter
// der IT"): the people who lead the others that match come first. Folded.
const KindedPhrases<bool> &leaderOfPhrases()
{
    static const KindedPhrases<bool> phrases = [] {
        QStringList list {QStringLiteral("in charge of"), QStringLiteral("lead for"),
                          QStringLiteral("vice president of"), QStringLiteral("vice presidents of")};
        for (const char *noun : {"head", "heads", "lead", "leader", "leaders", "manager", "managers", "director",
                                 "directors", "boss", "vp", "vps", "svp", "evp"})
            list.append(QString::fromLatin1(noun) + QStringLiteral(" of"));
        // A vice president names what they lead right after too ("vp sales", "svp people").
        list << QStringLiteral("vp") << QStringLiteral("svp") << QStringLiteral("evp");
        for (const char *noun : {"leiter", "leiterin", "leitung", "chef", "chefin"}) {
            for (const char *of : {"der", "des", "von", "vom"})
                list.append(QString::fromLatin1(noun) + QLatin1Char(' ') + QString::fromLatin1(of));
        }
        // German titles name what is led right after ("Leiter Vertrieb", "Teamleiterin IT").
        for (const char *level : {"", "team", "abteilungs", "bereichs"}) {
            for (const char *noun : {"leiter", "leiterin", "leitung"})
                list.append(QString::fromLatin1(level) + QString::fromLatin1(noun));
        }
        KindedPhrases<bool> out;
        for (const QString &phrase : std::as_const(list))
            out.append({phrase.split(QLatin1Char(' ')), true});
        sortLongestFirst(&out);
        return out;
    }();
    return phrases;
}

// What says that someone is out of office now: "who is out of office", "on leave", "im Urlaub".
// Folded.
const KindedPhrases<bool> &outOfOfficePhrases()
{
    static const KindedPhrases<bool> phrases = [] {
        KindedPhrases<bool> out = phrasesOf(true, {"out of the office",  "out of office",     "ooo",
                                                   "on leave",           "on vacation",       "on holiday",
                                                   "on holidays",        "out sick",          "off sick",
                                                   "on sick leave",      "on parental leave", "on maternity leave",
                                                   "on paternity leave", "abwesend",          "im urlaub",
                                                   "in urlaub",          "ausser haus",       "krank",
                                                   "krankgeschrieben",   "in elternzeit",     "on pto",
                                                   "on annual leave",    "heute abwesend"});
        // A word for being away with a time that says it is now ("off today", "out right now",
        // "away at the moment"); alone, each word means other things too ("out" of a team).
        for (const char *absent : {"out", "off", "away"}) {
            for (const char *when : {"today", "this week", "now", "right now", "at the moment", "currently"})
                out.append({QStringList {QString::fromLatin1(absent)} + QString::fromLatin1(when).split(u' '), true});
        }
        sortLongestFirst(&out);
        return out;
    }();
    return phrases;
}

//! The most words of a name after "reports to" or before a possessive ("diego de la cruz").
constexpr qsizetype MaxNameWords = 4;

// What of someone's the words after their name as a possessive ask for: "diego's team",
// "diego's manager", "Diego's Kollegen". Folded.
const KindedPhrases<QueryUnderstanding::Theirs> &theirsPhrases()
{
    using Theirs = QueryUnderstanding::Theirs;
    static const KindedPhrases<Theirs> phrases = [] {
        KindedPhrases<Theirs> out =
            phrasesOf(Theirs::Reports,
                      {"reports", "direct reports", "directs", "mitarbeiter", "mitarbeitende", "mitarbeitenden"});
        out += phrasesOf(Theirs::Team, {"team", "org", "organization", "organisation"});
        out += phrasesOf(Theirs::Manager,
                         {"manager", "line manager", "boss", "supervisor", "managerin", "chef", "chefin",
                          "vorgesetzter", "vorgesetzte", "fuhrungskraft"});
        out += phrasesOf(
            Theirs::Peers,
            {"peers", "teammates", "team mates", "colleagues", "coworkers", "kollegen", "kolleginnen", "teamkollegen"});
        sortLongestFirst(&out);
        return out;
    }();
    return phrases;
}

// Articles between a preposition and its place: "in the uk", "in der schweiz". Folded.
const QSet<QString> &placeArticles()
{
    static const QSet<QString> words = wordSet("the der die das den dem");
    return words;
}

// Words for where people work, said of a place ("the london office", "at the munich site", "im
// Berliner Büro"): they name nothing the place does not. Folded.
const QSet<QString> &officeNouns()
{
    static const QSet<QString> words =
        wordSet("office offices site sites campus hq headquarters branch hub buro standort niederlassung filiale "
                "zentrale");
    return words;
}

// Words that say which office of one's own is meant ("the new office", "head office"): no place,
// though one may start a place's name (New York). Folded.
const QSet<QString> &officeAdjectives()
{
    static const QSet<QString> words =
        wordSet("new old main head home current temporary other big small satellite regional local neue neuen neuem "
                "neues alte alten altem altes");
    return words;
}

// Words that say which office follows ("the office in paris", "unser Büro in Berlin"). Folded.
const QSet<QString> &officeDeterminers()
{
    static const QSet<QString> words = wordSet("the our my your this that das unser unserem unseren im dem");
    return words;
}

} // namespace

QString QueryUnderstanding::Term::name() const
{
    if (entry && isAlias())
        return foldText(entry->canonical);
    return text();
}

bool QueryUnderstanding::Term::isAlias() const
{
    return entry && foldText(entry->canonical) != text();
}

QueryUnderstanding::QueryUnderstanding(const Vocabulary *vocabulary, WordTest isNameWord, WordTest isPlaceWord)
    : m_vocabulary(vocabulary)
    , m_isNameWord(std::move(isNameWord))
    , m_isPlaceWord(std::move(isPlaceWord))
{ }

bool QueryUnderstanding::isFillerWord(QStringView foldedWord)
{
    return fillerWords().contains(foldedWord.toString());
}

QString QueryUnderstanding::fillerTypo(QStringView foldedWord)
{
    if (foldedWord.size() < 4 || isFillerWord(foldedWord))
        return {};
    // The long words of a question, where a slip is likely; not the short ones that also go into
    // phrases ("same time zone" is no "some").
    static const QSet<QString> asking =
        wordSet("knows anyone anybody someone somebody speaks speaking looking familiar experienced experience "
                "proficient please jemand jemanden irgendwer kennt kennen spricht sprechen erfahrung");
    QString meant; // of several as near, the first in alphabetical order: the same every time
    for (const QString &word : asking) {
        if (word.front() == foldedWord.front() && editDistance(foldedWord, word, 1) <= 1
            && (meant.isEmpty() || word < meant))
            meant = word;
    }
    return meant;
}

bool QueryUnderstanding::isExpertWord(QStringView foldedWord)
{
    return expertWords().contains(foldedWord.toString());
}

bool QueryUnderstanding::isPlacePreposition(QStringView foldedWord)
{
    return placePrepositions().contains(foldedWord.toString());
}

QList<bool> QueryUnderstanding::availabilityWords(const QStringList &words)
{
    const auto isNow = [&words](qsizetype at) {
        if (at < 0 || at >= words.size())
            return false;
        // "right" only in "right now".
        return nowWords().contains(words[at])
            || (words[at] == u"right" && at + 1 < words.size() && words[at + 1] == u"now");
    };
    // "who is online", "anyone free to help", "kubernetes people online", "wer ist frei": said of
    // someone (after a word that asks or one for people) and naming nothing after it ("is online
    // marketing", "free software").
    const auto saidOfSomeone = [&words](qsizetype at) {
        if (at == 0 || (!isFillerWord(words[at - 1]) && !peopleWords().contains(words[at - 1])))
            return false;
        return namesNothingAt(words, at + 1);
    };
    // "is anyone from legal online", "wer aus dem Vertrieb ist frei": the last word of a question.
    static const QSet<QString> openers = wordSet("who is are anyone anybody someone somebody wer ist jemand");
    const auto endsQuestion = [&words](qsizetype at) {
        return at > 0 && at + 1 == words.size() && openers.contains(words.constFirst());
    };
    QList<bool> asks(words.size(), false);
    for (qsizetype i = 0; i < words.size(); ++i) {
        const bool besideNow = isNow(i - 1) || isNow(i + 1);
        if (!availableWords().contains(words[i])
            && !(availableBesideNowWords().contains(words[i]) && (besideNow || saidOfSomeone(i) || endsQuestion(i)))
            && !(availableOnlyBesideNowWords().contains(words[i]) && besideNow))
            continue;
        asks[i] = true;
        // The words for now around it ask the same: "available right now", "jetzt erreichbar".
        for (qsizetype j = i - 1; isNow(j); --j)
            asks[j] = true;
        for (qsizetype j = i + 1; isNow(j); ++j)
            asks[j] = true;
    }
    // "who can help now", "anyone around to review this right now", "wer kann jetzt": a question
    // that ends with now asks for whoever is there.
    static const QSet<QString> endingNow = wordSet("now jetzt sofort");
    // Not of those who are not there: "who is out now", "who is away now".
    static const QSet<QString> absentWords = wordSet("out off away offline busy abwesend weg");
    if (words.size() >= 2 && openers.contains(words.constFirst()) && endingNow.contains(words.constLast())
        && std::none_of(words.cbegin(), words.cend(), [](const QString &w) { return absentWords.contains(w); })) {
        asks.last() = true;
        if (words.size() >= 3 && words[words.size() - 2] == u"right")
            asks[words.size() - 2] = true;
    }
    return asks;
}

int QueryUnderstanding::mineWords(const QStringList &words, qsizetype at, Mine *kind)
{
    return phraseLength(words, at, minePhrases(), kind);
}

QueryUnderstanding::Result QueryUnderstanding::understand(const QStringList &typedWords, bool hasFilters,
                                                          const QList<qsizetype> &possessives) const
{
    Result result;
    auto isName = [&](const QString &word) { return m_isNameWord && m_isNameWord(word); };
    const QStringList words = spelledOut(typedWords, isName);
    auto vocabularyMatch = [&](qsizetype at, const VocabularyEntry **entry) {
        return m_vocabulary ? m_vocabulary->longestMatch(words, at, entry) : 0;
    };
    //! Whether an office noun at \a at names nothing more ("the london office", "the paris office
    //! and knows sql"; not "berlin office manager").
    auto officeAt = [&](qsizetype at) {
        return at < words.size() && officeNouns().contains(words[at]) && !isName(words[at])
            && namesNothingAt(words, at + 1);
    };
    //! A place starting at \a at: a place of the vocabulary, a continent, region or country, or
    //! a word of the directory's locations — not one that says which office of one's own before
    //! an office noun, though it may start a place's name ("the new office": no New York).
    auto placeHere = [&](qsizetype at, Term *place) {
        if (at >= words.size())
            return 0;
        const VocabularyEntry *entry = nullptr;
        const int n = vocabularyMatch(at, &entry);
        if (n > 0 && entry->kind == VocabularyEntry::Kind::Place) {
            *place = Term {words.mid(at, n), entry, true};
            return n;
        }
        int length = 0;
        if (const Region *region = Region::find(words, at, &length); region && length >= n) {
            *place = Term {words.mid(at, length), nullptr, true};
            place->region = region;
            return length;
        }
        if (n == 0 && m_isPlaceWord && m_isPlaceWord(words[at]) && !isFillerWord(words[at])
            && !(officeAdjectives().contains(words[at]) && officeAt(at + 1))) {
            *place = Term {{words[at]}, nullptr, true};
            return 1;
        }
        return 0;
    };
    //! A German place adjective at \a at before an office or a group of people ("im Berliner Büro",
    //! "das Münchner Team", "Kölner Kollegen"): the place whose name it is made of.
    auto placeAdjectiveAt = [&](qsizetype at, Term *place) {
        if (at + 1 >= words.size() || !(officeAt(at + 1) || peopleWords().contains(words[at + 1])))
            return 0;
        const QString &word = words[at];
        if (word.size() < 5 || !word.endsWith(u"er") || isName(word))
            return 0;
        // Berliner, Kölner: Berlin, Köln; Münchner, Dresdner: München, Dresden; Bremer: Bremen.
        const QString stems[] = {word.chopped(2), word.chopped(3) + QStringLiteral("en"),
                                 word.chopped(2) + QStringLiteral("en")};
        for (const QString &stem : stems) {
            if (stem.size() < 4) // "newer": no New York
                continue;
            const QStringList one {stem};
            const VocabularyEntry *entry = nullptr;
            const int n = m_vocabulary ? m_vocabulary->longestMatch(one, 0, &entry) : 0;
            if (n == 1 && entry->kind == VocabularyEntry::Kind::Place) {
                *place = Term {one, entry, true};
                return 1;
            }
            if (n == 0 && m_isPlaceWord && m_isPlaceWord(stem) && !isFillerWord(stem)) {
                *place = Term {one, nullptr, true};
                return 1;
            }
        }
        return 0;
    };
    //! A place starting at \a at, or after an article there ("in the uk", "in der schweiz").
    auto placeAt = [&](qsizetype at, Term *place) {
        if (const int length = placeHere(at, place))
            return length;
        if (const int length = placeAdjectiveAt(at, place))
            return length;
        if (at >= words.size() || !placeArticles().contains(words[at]))
            return 0;
        int length = placeHere(at + 1, place);
        if (!length)
            length = placeAdjectiveAt(at + 1, place);
        return length > 0 ? 1 + length : 0;
    };

    const QList<bool> askAvailable = availabilityWords(words);
    const bool anyAvailable = askAvailable.contains(true);
    // Without an office noun no place needs looking up before one (most queries).
    const bool anyOfficeNoun =
        std::any_of(words.cbegin(), words.cend(), [](const QString &word) { return officeNouns().contains(word); });
    //! Whether nothing that names something follows the word at \a at: the query ends, or a
    //! filler, a preposition or another such word comes next ("people in ...", "folks who ...").
    auto isLastOfPhrase = [&](qsizetype at) {
        return namesNothingAt(words, at + 1) || peopleWords().contains(words[at + 1]) || askAvailable[at + 1]
            || learningWords().contains(words[at + 1]) || phraseLength(words, at + 1, outOfOfficePhrases()) > 0;
    };

    auto isOr = [&](qsizetype at) {
        return at >= 0 && at < words.size() && (words[at] == u"or" || words[at] == u"oder");
    };
    const bool anyOr = words.contains(u"or"_qs) || words.contains(u"oder"_qs);
    //! Whether the word at \a at may go on a name begun before it ("diego de la cruz"): a word of
    //! a name that is no filler ("or" is one) or place preposition.
    auto nameGoesOn = [&](qsizetype at) {
        return isName(words[at]) && !isFillerWord(words[at]) && !isPlacePreposition(words[at]);
    };
    //! From \a at, the words of a name (at most MaxNameWords) into \a name; returns where the words
    //! after it start.
    auto readName = [&](qsizetype at, QStringList *name) {
        name->append(words[at++]);
        while (at < words.size() && name->size() < MaxNameWords && nameGoesOn(at))
            name->append(words[at++]);
        return at;
    };

    // "diego's team", "who is diego hernandez's manager": the name ending in a possessive (the
    // words before it that are name words too, up to a filler, a preposition or "or"), and what
    // of theirs the words after it ask for. The first such name counts. German writes the
    // possessive without an apostrophe ("Diegos Team"), and people in a hurry do ("diegos
    // team"): a word that is no name, nor a word for what people do, but is one without its "s".
    struct Possessive
    {
        qsizetype start = -1; //!< the name's first word
        qsizetype end = -1; //!< after the possessive
        qsizetype next = -1; //!< after what is asked for
        Theirs theirs = Theirs::Reports;
        bool bare = false; //!< the name's last word is typed with an "s" and no apostrophe
        const VocabularyEntry *title = nullptr; //!< a title, not a name: "the ceo's team"
    } named;
    QList<qsizetype> bare;
    for (qsizetype at = 0; at + 1 < words.size(); ++at) {
        const QString &word = words[at];
        if (word.size() >= 4 && word.endsWith(u's') && !possessives.contains(at) && !isName(word) && !isFillerWord(word)
            && !roleWords().contains(word) && isName(word.chopped(1)))
            bare.append(at);
    }
    QList<qsizetype> candidates = possessives + bare;
    std::sort(candidates.begin(), candidates.end());
    for (const qsizetype at : std::as_const(candidates)) {
        named.bare = bare.contains(at);
        if (at < 0 || at >= words.size())
            continue;
        // "the ceo's team": whoever has the title (a name wins: "Ceo" may be someone).
        named.title = nullptr;
        if (!named.bare && !isName(words[at])) {
            const VocabularyEntry *title = nullptr;
            if (vocabularyMatch(at, &title) == 1 && title->kind == VocabularyEntry::Kind::Title)
                named.title = title;
        }
        if (!(named.bare || isName(words[at]) || named.title))
            continue;
        const int length = phraseLength(words, at + 1, theirsPhrases(), &named.theirs);
        if (!length)
            continue;
        named.start = at;
        while (named.start > 0 && at - named.start + 1 < MaxNameWords && nameGoesOn(named.start - 1)
               && !candidates.contains(named.start - 1))
            --named.start;
        named.end = at + 1;
        named.next = at + 1 + length;
        break;
    }

    //! The words of the name before the possessive, as a name has them ("diegos": "diego").
    auto namedSomeone = [&] {
        QStringList name = words.mid(named.start, named.end - named.start);
        if (named.bare)
            name.last().chop(1);
        return name;
    };

    //! Whether the question goes on after the word at \a at: with another word that only asks
    //! ("who will know"), or, right after "who", with what is asked ("who can translate").
    auto isQuestionOn = [&](qsizetype at) {
        // Words a question starts with.
        static const QSet<QString> openers = wordSet("who whom anyone anybody someone somebody wer jemand");
        if (at + 1 >= words.size())
            return false;
        const QString &next = words[at + 1];
        if (isPlacePreposition(next) || isName(next))
            return false;
        return isFillerWord(next) || (at > 0 && openers.contains(words[at - 1]));
    };

    //! Appends \a place, whose words end before \a at, and the places after it that are its
    //! alternatives: "in london or berlin", "in paris or in madrid", "london, berlin or paris",
    //! "emea or apac", "in lagos or europe". Returns where the words after them start.
    QList<qsizetype> ignored; // where the words are that ask for nothing
    auto appendPlaces = [&](const Term &place, qsizetype at) {
        result.terms.append(place);
        QList<Term> pending; // places after it, which an "or" to come makes alternatives
        qsizetype end = at;
        for (qsizetype j = at; j < words.size();) {
            qsizetype k = j;
            const bool orHere = isOr(k) && !isName(words[k]);
            if (orHere) {
                ++k;
                if (k < words.size() && isPlacePreposition(words[k]) && !isName(words[k]))
                    ++k;
            }
            Term next;
            const int length = placeAt(k, &next);
            if (!length)
                break;
            next.orPrevious = true;
            pending.append(next);
            j = k + length;
            if (orHere) {
                result.terms.append(pending);
                pending.clear();
                end = j;
            }
        }
        // "in the london office": the office is where the place is.
        return officeAt(end) ? end + 1 : end;
    };

    // Words that leave out what follows them, and the words that go on leaving out after it
    // ("without java or go", "weder java noch go").
    static const QSet<QString> negations =
        wordSet("not no without except excluding exclude neither nicht ohne ausser ausgenommen kein keine keinen "
                "keiner keinem weder");
    static const QSet<QString> negationGoesOn = wordSet("or nor and oder noch und");
    qsizetype negation = -1; // where the word is that leaves out the next thing asked for
    qsizetype leaderOfEnd = -1; // where the words after "head of", "who leads" begin
    static const QSet<QString> reviewWords =
        wordSet("review reviews reviewing reviewed approve approves approving approved reviewen genehmigt genehmigen "
                "freigeben");
    const bool reviewAsked =
        std::any_of(words.cbegin(), words.cend(), [](const QString &w) { return reviewWords.contains(w); });
    qsizetype excludedEnd = -1; // where the words after the last thing left out start
    bool codeChangeDropped = false; // a PR to review was asked about
    qsizetype termsBefore = 0;
    qsizetype ignoredBefore = 0;
    //! Leaves out the terms appended since the last word (\a at: the word after them); a
    //! negation followed by something other than a thing asked for ("not available now")
    //! asked for nothing.
    auto applyNegation = [&](qsizetype at) {
        if (negation >= 0 && result.terms.size() > termsBefore) {
            for (qsizetype k = termsBefore; k < result.terms.size(); ++k)
                result.terms[k].excluded = true;
            // "but not", "and not", "aber nicht": one way of saying it.
            static const QSet<QString> joining = wordSet("but and aber und");
            if (negation > 0 && joining.contains(words[negation - 1]))
                ignored.removeOne(negation - 1);
            // "not in london or asia": both are left out, the place and the region.
            ignored.removeIf([&](qsizetype word) { return word > negation && word < at && isOr(word); });
            negation = -1;
            excludedEnd = at;
        } else if (negation >= 0 && negation + 1 < at && ignored.size() == ignoredBefore) {
            ignored.append(negation);
            negation = -1;
        }
        termsBefore = result.terms.size();
        ignoredBefore = ignored.size();
    };

    // "on leave" says a status where no word of a topic follows ("who is on leave", "on leave
    // in berlin", "on vacation now"); "help on leave requests" asks about leave requests.
    const auto topicFollows = [&](qsizetype after) {
        if (namesNothingAt(words, after))
            return false;
        const QString &next = words[after];
        return !nowWords().contains(next) && next != u"right" && !negations.contains(next) && !askAvailable[after];
    };

    bool orSeen = false;
    QList<qsizetype> ors; // where "or" is: ignored unless it makes alternatives
    // Names read as question words (and where), which count when nothing else does.
    QList<std::pair<Term, qsizetype>> askingNames;
    struct
    {
        int level = 0;
        QList<qsizetype> at;
    } fluency; // "fluent", "native speaker": the level they ask for, and their words
    qsizetype termsBeforeFor = -1; // how many terms came before the first "for" that follows one
    // Initials beside names ("j smith", "a. banerjee", "chatterjee s"): the whole query is a name,
    // and a letter alone is the start of one of its words, not a word to find anywhere (nor the
    // article "a").
    const auto isInitial = [](const QString &word) { return word.size() == 1 && word[0].isLetter(); };
    const bool initialsBesideNames = std::any_of(words.cbegin(), words.cend(), isInitial)
        && std::all_of(words.cbegin(), words.cend(),
                       [&](const QString &word) {
                           return isInitial(word) || (word.size() > 1 && isName(word) && !isFillerWord(word));
                       })
        && !std::all_of(words.cbegin(), words.cend(), isInitial) && [&] {
               // A phrase of the vocabulary is what it names ("c sharp": C#, whoever is named Sharp).
               for (qsizetype at = 0; at < words.size(); ++at) {
                   const VocabularyEntry *phrase = nullptr;
                   if (vocabularyMatch(at, &phrase) > 1)
                       return false;
               }
               return true;
           }();
    for (qsizetype i = 0; i < words.size();) {
        applyNegation(i);
        const QString &word = words[i];
        if (initialsBesideNames) {
            Term name {{word}, nullptr, false};
            name.nameOnly = true;
            result.terms.append(name);
            ++i;
            continue;
        }
        if (termsBeforeFor < 0 && !result.terms.isEmpty() && forWords().contains(word) && !isName(word))
            termsBeforeFor = result.terms.size();
        const bool negationHere = negations.contains(word)
            || (i == excludedEnd && negationGoesOn.contains(word) && i + 1 < words.size()
                && !isPlacePreposition(words[i + 1]));
        // A phrase of the vocabulary that starts so is the phrase ("no code", "non-disclosure").
        const VocabularyEntry *phrase = nullptr;
        if (negationHere && !isName(word) && vocabularyMatch(i, &phrase) < 2) {
            if (negation >= 0)
                ignored.append(negation);
            negation = i;
            ++i;
            continue;
        }
        if (askAvailable[i] && !isName(word)) {
            result.availableFirst = true;
            ++i;
            continue;
        }
        // "free for a quick call", "available to pair on rust": what one would do with whoever is
        // available names no one.
        static const QSet<QString> meetingWords =
            wordSet("quick short brief call chat coffee meeting sync pair pairing catchup");
        if (anyAvailable && meetingWords.contains(word) && !isName(word)) {
            ignored.append(i);
            ++i;
            continue;
        }
        // "someone to pair with on rust", "pair on terraform": to pair asks for no more ("pair
        // programming" may be a skill).
        static const QSet<QString> pairWords = wordSet("pair pairing");
        static const QSet<QString> pairedHow = wordSet("with on up mit");
        if (pairWords.contains(word) && i + 1 < words.size() && pairedHow.contains(words[i + 1]) && !isName(word)) {
            ignored.append(i);
            ++i;
            continue;
        }
        // "who is out", "who's off", "who is away": the question's last word, after words that
        // only ask.
        static const QSet<QString> outWords = wordSet("out off away");
        const bool outEndsQuestion = outWords.contains(word) && i > 0 && i + 1 == words.size()
            && std::all_of(words.cbegin(), words.cbegin() + i, [](const QString &w) { return isFillerWord(w); });
        if (const int n = outEndsQuestion ? 1 : phraseLength(words, i, outOfOfficePhrases());
            n > 0 && !isName(word) && (n == 1 || !topicFollows(i + n))) {
            // "not on leave", "nicht im Urlaub": the people who are not.
            const bool negated = negation >= 0 && negation == i - 1;
            result.outOfOffice = !negated;
            if (negated)
                negation = -1;
            i += n;
            continue;
        }
        Mine mine = Mine::TimeZone;
        // "our office in london", "unser Büro in London": that office, not the asker's.
        auto placeFollows = [&](qsizetype at) {
            Term place;
            return at + 1 < words.size() && isPlacePreposition(words[at]) && placeAt(at + 1, &place) > 0;
        };
        if (const int n = mineWords(words, i, &mine); n > 0 && !(mine == Mine::Location && placeFollows(i + n))) {
            if (!result.asks(mine))
                result.mine.append(mine);
            i += n;
            continue;
        }
        // "who reports to diego ramirez": the words of a name after the verb; "who reports to
        // diego's manager": the people under diego's manager.
        if (const int verb = phraseLength(words, i, reportsToPhrases()); verb > 0 && result.someone.isEmpty()) {
            if (i + verb == named.start && named.theirs == Theirs::Manager) {
                result.someone = namedSomeone();
                result.someoneTitle = named.title;
                result.theirs = Theirs::ManagersReports;
                i = named.next;
                continue;
            }
            if (i + verb < words.size() && isName(words[i + verb])) {
                i = readName(i + verb, &result.someone);
                result.theirs = Theirs::Reports;
                continue;
            }
            // "who reports to the ceo", "works for our cto", "berichtet an den CFO": whoever has
            // the title.
            static const QSet<QString> articles = wordSet("the our my unser unseren unserem den dem die der");
            qsizetype at = i + verb;
            if (at < words.size() && articles.contains(words[at]))
                ++at;
            const VocabularyEntry *title = nullptr;
            if (const int length = at < words.size() ? vocabularyMatch(at, &title) : 0;
                length > 0 && title->kind == VocabularyEntry::Kind::Title) {
                result.someone = words.mid(at, length);
                result.someoneTitle = title;
                result.theirs = Theirs::Reports;
                i = at + length;
                continue;
            }
        }
        // "peers of grace", "the team of diego", "Kollegen von Diego": as "grace's peers" asks (a
        // name is rarely followed by "of" and another name: "colleagues" may be someone's).
        if (Theirs theirs = Theirs::Reports; result.someone.isEmpty()) {
            const int n = phraseLength(words, i, theirsPhrases(), &theirs);
            if (n > 0 && i + n + 1 < words.size() && (words[i + n] == u"of" || words[i + n] == u"von")
                && isName(words[i + n + 1])) {
                i = readName(i + n + 1, &result.someone);
                result.theirs = theirs;
                continue;
            }
        }
        // A lead verb's own activity is no leading, and the verb asks for no more: "who runs
        // marathons" (Running).
        auto ownActivity = [&] {
            const VocabularyEntry *next = nullptr;
            QString stem = word;
            if (stem.endsWith(u's'))
                stem.chop(1);
            return i + 1 < words.size() && stem.size() >= 3 && vocabularyMatch(i + 1, &next) > 0
                && foldText(next->canonical).startsWith(stem);
        };
        if (leadVerbs().contains(word) && !isName(word) && ownActivity()) {
            ignored.append(i);
            ++i;
            continue;
        }
        // "who leads the mobile team", "head of sales", "wer leitet den Vertrieb": who leads the
        // others that match first; "who manages diego", "manager of diego", "Chef von Diego":
        // diego's manager. A verb asks after a word that asks, or first.
        const bool verbAsks = leadVerbs().contains(word)
            && (i == 0 || isFillerWord(words[i - 1]) || peopleWords().contains(words[i - 1]));
        // A title of the vocabulary is the title ("vp of engineering", "head of design").
        auto titleAt = [&](qsizetype at) {
            const VocabularyEntry *title = nullptr;
            return vocabularyMatch(at, &title) >= 2 && title->kind == VocabularyEntry::Kind::Title;
        };
        if (const int n = verbAsks ? 1 : phraseLength(words, i, leaderOfPhrases());
            n > 0 && !isName(word) && i + n < words.size() && !titleAt(i)) {
            if (isName(words[i + n]) && result.someone.isEmpty()) {
                i = readName(i + n, &result.someone);
                result.theirs = Theirs::Manager;
                continue;
            }
            result.leadersFirst = true;
            i += n;
            leaderOfEnd = i;
            continue;
        }
        // "in diego's team": the "in" is of the team, not of a place.
        if (i + 1 == named.start && isPlacePreposition(word) && !isName(word) && result.someone.isEmpty()) {
            ++i;
            continue;
        }
        if (i == named.start && result.someone.isEmpty()) {
            result.someone = namedSomeone();
            result.someoneTitle = named.title;
            result.theirs = named.theirs;
            i = named.next;
            continue;
        }
        int level = 0;
        if (const int levelLength = levelWords(words, i, &level)) {
            result.minLevel = std::max(result.minLevel, level);
            i += levelLength;
            continue;
        }
        // "fluent japanese", "fließend Englisch", "native french speakers": how well, as a level
        // of what is asked beside it (4 or above; a native speaker 5). Alone it asks for nothing.
        const VocabularyEntry *fluencyPhrase = nullptr;
        if (const int fluencyLength = fluencyWords(words, i, &level);
            fluencyLength > 0 && !isName(word) && vocabularyMatch(i, &fluencyPhrase) == 0) {
            fluency.level = std::max(fluency.level, level);
            for (qsizetype k = i; k < i + fluencyLength; ++k)
                fluency.at.append(k);
            i += fluencyLength;
            continue;
        }
        // "in the new office", "the main office": which of one's own offices is unknown; they ask for
        // nothing ("the new office move" is Facilities management).
        if (const VocabularyEntry *officePhrase = nullptr; officeAdjectives().contains(word) && officeAt(i + 1)
            && !isName(word) && vocabularyMatch(i + 1, &officePhrase) < 2) {
            ignored.append(i);
            ignored.append(i + 1);
            i += 2;
            continue;
        }
        // "the berlin office", "our new york site", "das Kölner Team": a place, said without "in".
        if (Term place; !isFillerWord(word)) {
            int length = anyOfficeNoun ? placeHere(i, &place) : 0;
            if (length && !officeAt(i + length))
                length = 0;
            if (!length)
                length = placeAdjectiveAt(i, &place);
            if (length) {
                i = appendPlaces(place, i + length);
                continue;
            }
        }
        // "the office in paris", "unser Büro in Berlin": the office is where the place is.
        if (Term place; i > 0 && officeDeterminers().contains(words[i - 1]) && officeNouns().contains(word)
            && !isName(word) && i + 2 < words.size() && isPlacePreposition(words[i + 1]) && placeAt(i + 2, &place)) {
            ++i;
            continue;
        }
        // "who could review my terraform PR", "approve a merge request": the change to review asks
        // for no more than what it is about ("PR" alone is public relations).
        if (const int change = reviewAsked ? codeChangeAt(words, i) : 0; change > 0 && !isName(word)) {
            codeChangeDropped = true;
            for (qsizetype k = i; k < i + change; ++k)
                ignored.append(k);
            i += change;
            continue;
        }
        // "who looks after our servers": "after" is the verb's.
        static const QSet<QString> lookWords = wordSet("look looks looking looked");
        if (word == u"after" && i > 0 && lookWords.contains(words[i - 1]) && !isName(word)) {
            ignored.append(i);
            ++i;
            continue;
        }
        // "who fills out", "help out": a particle of the verb before it ("out of office" is read above).
        if (word == u"out" && i > 0 && isFillerWord(words[i - 1]) && !isName(word)) {
            ignored.append(i);
            ++i;
            continue;
        }
        // Places that are each other's alternatives need no "in": "product managers berlin or
        // london", "london, paris or berlin" ask for people there, not for the words anywhere.
        if (Term place; anyOr && !isFillerWord(word)) {
            const int length = placeHere(i, &place);
            Term other;
            qsizetype next = i + length;
            for (int more = length ? placeHere(next, &other) : 0; more > 0; more = placeHere(next, &other))
                next += more;
            if (length && isOr(next) && !isName(words[next])) {
                ++next;
                if (next < words.size() && isPlacePreposition(words[next]) && !isName(words[next]))
                    ++next;
                if (placeAt(next, &other)) {
                    i = appendPlaces(place, i + length);
                    continue;
                }
            }
        }
        const VocabularyEntry *entry = nullptr;
        const int n = vocabularyMatch(i, &entry);
        // A phrase of the vocabulary first: "machine learning", "new york", "help desk".
        if (n >= 2) {
            result.terms.append(Term {words.mid(i, n), entry, false});
            i += n;
            continue;
        }
        // A region that needs no "in": "emea", "apac sales", "north america"; a country or continent
        // when the word is no one's name, nor the vocabulary's ("tax germany", "japan": people there,
        // not a bio that mentions it; a location that names it is there).
        int regionLength = 0;
        const Region *region = Region::find(words, i, &regionLength, true);
        if (!region && n == 0) {
            region = Region::find(words, i, &regionLength);
            if (region && (regionLength > 1 || !region->isNamedAlone()))
                region = nullptr;
        }
        if (region && regionLength > n && (regionLength > 1 || !isName(word))) {
            Term place {words.mid(i, regionLength), nullptr, true};
            place.region = region;
            i = appendPlaces(place, i + regionLength);
            continue;
        }
        // "outside germany", "outside of the uk", "außerhalb von Berlin": not in the place.
        static const QSet<QString> outside = wordSet("outside ausserhalb");
        if (outside.contains(word) && !isName(word)) {
            qsizetype at = i + 1;
            if (at < words.size() && (words[at] == u"of" || words[at] == u"von"))
                ++at;
            Term place;
            if (const int length = placeAt(at, &place); length && negation < 0) {
                negation = i;
                i = appendPlaces(place, at + length);
                continue;
            }
        }
        if (isPlacePreposition(word) && !isName(word)) {
            Term place;
            if (const int length = placeAt(i + 1, &place)) {
                i = appendPlaces(place, i + 1 + length);
                continue;
            }
            // "in my time zone", "in meinem Team": the preposition is a word of what follows.
            if (!mineWords(words, i + 1, &mine))
                ignored.append(i);
            ++i;
            continue;
        }
        if (isExpertWord(word) && !isName(word)) {
            result.expertsFirst = true;
            result.qualifiers.append(word);
            ++i;
            continue;
        }
        // "python beginners", "new to go", "Anfänger": the lowest levels first.
        const int newTo = word == u"new" && i + 1 < words.size() && words[i + 1] == u"to" ? 2 : 0;
        if ((beginnerWords().contains(word) || newTo) && !isName(word)) {
            result.beginnersFirst = true;
            i += std::max(newTo, 1);
            continue;
        }
        // "learning rust", "want to learn go", "lernt Japanisch": who is starting out at what
        // follows ("machine learning" is a phrase of the vocabulary; "learning and development"
        // names nothing after "learning").
        if (learningWords().contains(word) && n == 0 && !isName(word) && !namesNothingAt(words, i + 1)) {
            result.beginnersFirst = true;
            ++i;
            continue;
        }
        // "a new contract", "help with my new laptop", "neue Kollegen": new says nothing of whom to
        // ask (nor does it start a place here: "new york" is a phrase of the vocabulary).
        static const QSet<QString> newWords = wordSet("new neu neue neuen neuer neues neuem");
        if (newWords.contains(word) && n == 0 && !isName(word)) {
            ignored.append(i);
            ++i;
            continue;
        }
        // Years of experience ("kubernetes for 5 years", "10+ years of java", "seit 3 jahren"): the
        // directory says levels, not years; the most experienced first.
        if (const int years = yearsWords(words, i)) {
            result.expertsFirst = true;
            i += years;
            continue;
        }
        if (isOr(i) && !isName(word)) {
            orSeen = true;
            ors.append(i);
            ++i;
            continue;
        }
        if (isFillerWord(word) && !isName(word)) {
            ignored.append(i);
            ++i;
            continue;
        }
        if (knowingNouns().contains(word) && n == 0 && words.size() > 1 && namesNothingAt(words, i + 1)
            && !isName(word)) {
            ignored.append(i);
            ++i;
            continue;
        }
        // A name that is also a question word asks when more of the question follows: "who can
        // help with english" names no Can. Before a place, a name or at the end it may be someone:
        // "who is will", "will in berlin", "can aslan".
        // An article before a place adjective is one: "das Münchner Team" names no Das.
        if (Term place; isFillerWord(word) && (isQuestionOn(i) || placeAdjectiveAt(i + 1, &place))) {
            askingNames.append({Term {{word}, n == 1 ? entry : nullptr, false}, i});
            ignored.append(i);
            ++i;
            continue;
        }
        // "Ansprechpartner Datenschutz": the contact for what follows, which names it.
        static const QSet<QString> contactWords =
            wordSet("ansprechpartner ansprechpartnerin ansprechpartnerinnen ansprechperson ansprechpersonen "
                    "kontaktperson kontaktpersonen");
        // "head of people", "director of the people team": the department (many companies call
        // HR so) the leader leads; "who leads the team" asks for no team.
        const bool ledPeople = word == u"people" && leaderOfEnd >= 0 && leaderOfEnd <= i
            && std::all_of(words.cbegin() + leaderOfEnd, words.cbegin() + i,
                           [](const QString &between) { return fillerWords().contains(between); });
        const bool peopleWord =
            peopleWords().contains(word) && n == 0 && !ledPeople && (isLastOfPhrase(i) || contactWords.contains(word));
        if (peopleWord && !isName(word)) {
            ignored.append(i);
            ++i;
            continue;
        }
        const bool kept = isFillerWord(word) || isExpertWord(word) || isPlacePreposition(word) || peopleWord;
        Term term {{word}, n == 1 ? entry : nullptr, false, kept};
        // A title's alias too ("programmer": Software Engineer) is a word for what people do;
        // beside "or" it is one of the things asked for ("engineers or designers").
        const bool roleOrTitle = n == 0 || entry->kind == VocabularyEntry::Kind::Title;
        if (roleOrTitle && roleWords().contains(word) && !isName(word) && !isOr(i - 1) && !isOr(i + 1))
            term.roleForms = roleWords().value(word);
        if (n == 0)
            term.longForms = shortForms().value(word, germanDepartmentWords().value(word));
        result.terms.append(term);
        ++i;
    }
    applyNegation(words.size());
    if (negation >= 0)
        ignored.append(negation); // nothing after it
    for (qsizetype t = std::max<qsizetype>(termsBeforeFor, 0); termsBeforeFor >= 0 && t < result.terms.size(); ++t)
        result.terms[t].afterFor = true;
    // Two words for one thing ("wifi password": IT support) ask for it once ("kubernetes or
    // k8s" is searched as one by the engine, which says the alias).
    for (qsizetype k = orSeen ? 0 : result.terms.size() - 1; k > 0; --k) {
        const Term &later = result.terms[k];
        const bool again =
            later.entry && !later.place
            && std::any_of(result.terms.cbegin(), result.terms.cbegin() + k, [&later](const Term &earlier) {
                   return earlier.entry == later.entry && !earlier.place && earlier.excluded == later.excluded;
               });
        if (again)
            result.terms.removeAt(k);
    }
    // After "for" beside something asked, whom or what it is for ("recruiter for engineering",
    // "mentor for new managers"): those whose profile says it come first; the others still match.
    const bool askedBeforeFor = std::any_of(result.terms.cbegin(), result.terms.cend(), [](const Term &term) {
        return !term.afterFor && !term.optional && !term.place && !term.excluded;
    });
    for (Term &term : result.terms) {
        if (askedBeforeFor && term.afterFor && !term.place && !term.excluded && !term.optional)
            term.optional = term.preferred = true;
    }
    // A word for what people do only ranks when something they know is asked for ("c++
    // developers"); alone, or with a place ("engineers in berlin"), it is what is asked for.
    const bool anyAsked = std::any_of(result.terms.cbegin(), result.terms.cend(), [](const Term &term) {
        return !term.optional && !term.place && !term.isRole() && !term.excluded;
    });
    for (Term &term : result.terms)
        term.optional = term.optional || (term.isRole() && anyAsked && !term.excluded);
    bool anyRequired = std::any_of(result.terms.cbegin(), result.terms.cend(),
                                   [](const Term &term) { return !term.optional && !term.excluded; });
    if (std::any_of(result.terms.cbegin(), result.terms.cend(),
                    [](const Term &term) { return !term.optional && !term.excluded && !term.place; }))
        result.minLevel = std::max(result.minLevel, fluency.level);
    else
        ignored.append(fluency.at);
    // "can someone review my pull request": a change to review and nothing it is about asks for
    // code review, as the vocabulary names it.
    if (const VocabularyEntry *review = nullptr; !anyRequired && codeChangeDropped && m_vocabulary
        && m_vocabulary->longestMatch({QStringLiteral("code"), QStringLiteral("review")}, 0, &review) == 2) {
        result.terms.append(Term {{QStringLiteral("code"), QStringLiteral("review")}, review, false});
        anyRequired = true;
    }
    // Nothing else asked for ("can help"): the name is what is asked for after all. Not when the
    // question asks about someone ("who can approve my vacation", "who is diego's manager") or
    // for who is there ("who can help now").
    const bool asksAboutSomeone =
        !result.mine.isEmpty() || !result.someone.isEmpty() || result.availableFirst || result.outOfOffice;
    // Only the words of a question ("who is", "who can help", "can you help", "is there anyone"):
    // what it asks for is still to be typed. A name that opens it is a name unless someone is
    // addressed next ("can help": Can; "can you help": a question).
    static const QSet<QString> openers =
        wordSet("who whom whose what which where how is are am can could will would shall should do does did "
                "i we need looking please any anyone anybody someone somebody "
                "wer wen wem was welche welcher welches wo wie ist sind kann konnen koennen konnte jemand "
                "irgendwer irgendjemand ich wir suche brauche");
    static const QSet<QString> addressed =
        wordSet("you u anyone anybody someone somebody any i we there jemand irgendwer irgendjemand ihr du sie");
    // With a filter, the filter is what is asked for ("who can help" in Reykjavik: everyone there).
    if (result.terms.isEmpty() && !asksAboutSomeone && !result.leadersFirst && result.minLevel == 0 && !words.isEmpty()
        && openers.contains(words.constFirst())
        && (!isName(words.constFirst()) || (words.size() > 1 && addressed.contains(words[1])))) {
        Result asking;
        asking.onlyAsking = !hasFilters;
        asking.dropped = words;
        return asking;
    }
    if (!anyRequired && !asksAboutSomeone) {
        for (const auto &[name, at] : std::as_const(askingNames)) {
            ignored.removeOne(at);
            result.terms.append(name);
            result.terms.last().nameOnly = true;
            anyRequired = true;
        }
    }
    // Names among the fillers only rank when something else is asked for ("who is will": Will,
    // by name: not every bio that says "will").
    if (!anyRequired) {
        for (Term &term : result.terms) {
            term.nameOnly =
                term.nameOnly || (term.optional && term.words.size() == 1 && isName(term.words.constFirst()));
            term.optional = false;
        }
    }
    // "or" between two things asked for makes them alternatives.
    result.anyOf = orSeen
        && std::count_if(result.terms.cbegin(), result.terms.cend(),
                         [](const Term &term) { return !term.place && !term.optional && !term.excluded; })
            >= 2;
    if (!result.anyOf)
        ignored.append(ors);
    std::sort(ignored.begin(), ignored.end());
    for (const qsizetype at : std::as_const(ignored))
        result.dropped.append(words[at]);
    // Nothing but stop words ("the who", "will"): every word counts, as typed. "Who is available
    // now" asks for everyone, the available first.
    if (result.terms.isEmpty() && !hasFilters && !result.availableFirst && !result.leadersFirst && !result.outOfOffice
        && result.mine.isEmpty() && result.someone.isEmpty() && result.minLevel == 0 && !words.isEmpty()) {
        result = Result {};
        for (const QString &word : words) {
            const VocabularyEntry *entry = nullptr;
            const int n = m_vocabulary ? m_vocabulary->longestMatch({word}, 0, &entry) : 0;
            result.terms.append(Term {{word}, n == 1 ? entry : nullptr, false});
        }
    }
    return result;
}

} // namespace Colleagues
