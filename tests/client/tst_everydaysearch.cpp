// SPDX-License-Identifier: MIT
// Search that understands everyday words: questions and filler words in English and German,
// aliases and other names of places, partial matches, exact skills above longer ones, stop words
// that are names. The directory is generated here (deterministic, a few hundred people with
// varied skills, levels, titles, bios and cities), plus the people each row needs; the engine
// reads queries with the default vocabulary, as the app does.

#include "client/search/Ranking.h"
#include "client/search/SearchEngine.h"
#include "core/TextFold.h"
#include "core/Vocabulary.h"
#include "tests/support/List.h"
#include "tests/support/SearchDirectory.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Colleagues;
using Colleagues::Test::list;

namespace {

QStringList split(const char *words)
{
    return QString::fromUtf8(words).split(QLatin1Char('|'));
}

Profile person(const char *username, const char *name, const char *title, const char *location,
               std::initializer_list<std::pair<const char *, int>> skills, const char *bio = "",
               const char *department = "Engineering")
{
    Profile p;
    p.username = QString::fromUtf8(username);
    p.displayName = QString::fromUtf8(name);
    p.email = p.username + QStringLiteral("@example.com");
    p.title = QString::fromUtf8(title);
    p.location = QString::fromUtf8(location);
    p.department = QString::fromUtf8(department);
    p.timeZone = QStringLiteral("Europe/Berlin");
    for (const auto &[skill, level] : skills)
        p.skills.append(Skill {QString::fromUtf8(skill), level});
    p.bio = QString::fromUtf8(bio);
    return p;
}

//! The crowd: people with everyday profiles, none of whom the rows below are about. Their
//! skills, cities and words leave out what the rows test for (no one else in Reykjavik, no
//! DevOps anywhere, no Terraform, no Spanish).
QList<Profile> crowd(int count)
{
    const QStringList first = split("Ada|Ben|Cleo|Dev|Elif|Finn|Gia|Hugo|Ines|Jon|Kaia|Lars|Mira|Nico|Oona|Paul|Quinn|"
                                    "Rosa|Sven|Tara|Uma|Vik|Wren|Xena|Yusuf|Zora");
    const QStringList last = split("Abbott|Bauer|Costa|Dahl|Eze|Fischer|Gomez|Haas|Ito|Jovic|Kern|Lund|Moss|Novak|"
                                   "Orr|Pike|Quist|Roth|Sato|Toth|Ueda|Voss|Wolff|Yilmaz|Zeller");
    const QStringList cities = split("Berlin|London|Paris|Lagos|Madrid|Hamburg|München|Bengaluru");
    const QStringList departments = split("Engineering|Data|Design|Finance|Sales|People|Support");
    const QStringList titles = split("Software Engineer|Backend Engineer|Frontend Engineer|Data Analyst|"
                                     "Product Designer|Accountant|Account Executive|Recruiter|Support Agent|"
                                     "Engineering Manager|QA Analyst|Technical Writer");
    const QStringList skills = split("Python|Java|JavaScript|TypeScript|Node.js|Go|Rust|C++|SQL|Kubernetes|Docker|"
                                     "CI/CD|React|Figma|Excel|Machine learning|Statistics|Linux|German|French|"
                                     "Public speaking|Negotiation|Kotlin|Scala");
    const QStringList bioWords = split("builds|ships|maintains|designs|leads|services|pipelines|dashboards|reports|"
                                       "customers|teams|releases|loves|cycling|coffee|chess|the|a|and|with|for");
    QRandomGenerator random(4242);
    auto pick = [&](const QStringList &from) -> const QString & { return from[random.bounded(int(from.size()))]; };
    QList<Profile> people;
    for (int i = 0; i < count; ++i) {
        Profile p;
        p.username = QStringLiteral("c%1").arg(i);
        p.displayName = pick(first) + QLatin1Char(' ') + pick(last);
        p.email = p.username + QStringLiteral("@example.com");
        p.title = pick(titles);
        p.department = pick(departments);
        p.location = pick(cities);
        p.timeZone = QStringLiteral("Europe/Berlin");
        const int skillCount = 1 + random.bounded(5);
        while (p.skills.size() < skillCount) {
            const QString &skill = pick(skills);
            if (std::none_of(p.skills.cbegin(), p.skills.cend(), [&](const Skill &s) { return s.name == skill; }))
                p.skills.append(Skill {skill, 1 + random.bounded(5)});
        }
        QStringList bio;
        for (int w = 5 + random.bounded(10); w > 0; --w)
            bio.append(pick(bioWords));
        p.bio = bio.join(QLatin1Char(' ')) + QLatin1Char('.');
        people.append(p);
    }
    return people;
}

//! The people the rows are about.
QList<Profile> cast()
{
    return {
        person("terra", "Tomasz Wrona", "Platform Engineer", "Berlin", {{"Terraform", 5}, {"Kubernetes", 3}}),
        person("terra2", "Petra Lind", "Cloud Engineer", "London", {{"Terraform", 2}}),
        person("canaksoy", "Can Aksoy", "Cloud Engineer", "Berlin", {{"Terraform", 1}}),
        person("canfigma", "Can Demir", "Designer", "Berlin", {{"Figma", 3}}),
        person("jsonly", "Jana Sykes", "Web Developer", "Hamburg", {{"JavaScript", 4}}),
        person("javaarch", "Jorge Alves", "Java Architect", "Paris", {{"Java", 5}},
               "Designs Java services and mentors Java teams."),
        person("javaplain", "Aaron Berg", "Backend Developer", "Paris", {{"Java", 5}}),
        person("jswiz", "Kim Script", "Frontend Developer", "Paris", {{"JavaScript", 5}}),
        person("blrpy", "Ananya Rao", "Data Scientist", "Bengaluru", {{"Python", 5}, {"Statistics", 4}}),
        person("blrgo", "Vikram Iyer", "Backend Developer", "Bengaluru", {{"Go", 3}}),
        person("koeln", "Lena Brandt", "Backend Developer", "Köln", {{"Go", 3}, {"Rust", 2}}),
        person("will", "Will Turner", "Sailor", "Reykjavik", {{"Navigation", 4}}),
        person("keith", "Keith Moon", "Drummer", "London", {{"Percussion", 5}}, "Plays in The Who tribute band."),
        person("lonpy5", "Priya Shah", "Data Scientist", "London", {{"Python", 5}, {"SQL", 3}}),
        person("lonpy1", "Aaron Abel", "Intern", "London", {{"Python", 1}}),
        person("ml", "Noor Haddad", "Research Scientist", "Berlin", {{"Machine learning", 4}, {"PyTorch", 3}}),
        person("achieng", "Achieng Otieno", "Site Reliability Engineer", "Lagos", {{"Go", 4}, {"Linux", 4}}),
        person("spanish", "Lucía Fernández", "Account Executive", "Madrid", {{"Spanish", 5}, {"English", 4}}, "",
               "Sales"),
        person("spanish2", "Marco Rossi", "Support Agent", "Paris", {{"Spanish", 2}}, "", "Support"),
        // Her bio says "will" and "can": no part of the names Will and Can.
        person("reyk", "Sigrun Olafs", "Designer", "Reykjavik", {{"Figma", 5}}, "Will help where she can."),
        person("k8s", "Kai Hoffmann", "Site Reliability Engineer", "München", {{"Kubernetes", 5}, {"Helm", 4}}),
        person("nycpm", "Dana Levy", "Product Manager", "New York", {{"Roadmapping", 4}}),
        person("cgn2", "Jonas Weber", "Product Manager", "Köln", {{"Roadmapping", 3}}),
        person("react", "Rhea Kapoor", "Frontend Developer", "Berlin", {{"React", 5}, {"TypeScript", 4}}),
        // "go" is a word of her skill, not the language; "kubernetes" one of his, and is.
        person("gtm", "Gwen Tam", "Marketing Lead", "Lagos", {{"Go-to-market strategy", 5}}),
        person("k8sops", "Ola Berg", "Cloud Engineer", "Lagos", {{"Kubernetes operators", 4}}),
        person("counsel", "Marta Ruiz", "Corporate Counsel", "Madrid", {{"Contract law", 5}, {"German", 4}}),
        // The words of "Design systems" in two other skills, and the skill itself at a low level.
        person("splitds", "Sam Okafor", "Facilitator", "Lagos", {{"Workshop design", 5}, {"Recommender systems", 5}}),
        person("designsys", "Dina Hale", "Facilitator", "Lagos", {{"Design systems", 2}}),
        // A designer whose bio says whom she designs for.
        person("designonb", "Ola Nordmann", "Designer", "Oslo", {{"Sketch", 3}},
               "Designs the onboarding of new hires."),
        // A surname that is a skill of the vocabulary too.
        person("seoname", "Minji Seo", "Data Analyst", "Busan", {{"SQL", 2}}),
        person("seopro", "Tariq Noor", "Growth Marketer", "Dubai", {{"SEO", 5}}),
        // "coders" is one letter from "codes": no reason to read it as a typo of it.
        person("conduct", "Ines Marr", "Community Manager", "Chennai", {{"Moderation", 4}}, "Writes codes of conduct."),
        // "c sharp" is C#, though it reads as an initial and her name too.
        person("csharp", "Rui Lopes", "Backend Engineer", "Lisbon", {{"C#", 4}}),
        person("sharp", "Cleo Sharp", "Data Analyst", "Porto", {{"Excel", 2}}),
        // C, a letter many words start with; "Li", two letters that start Lisa and Linux.
        person("cdev", "Hana Novak", "Firmware Engineer", "Brno", {{"C", 4}, {"Linux", 3}}),
        person("weili", "Wei Li", "Product Manager", "Singapore", {{"Roadmapping", 2}}),
        person("lisaweiss", "Lisa Weiss", "Data Analyst", "Zürich", {{"SQL", 3}}),
        person("ninabauer", "Nina Bauer", "Recruiter", "Berlin", {{"Interviewing", 3}}),
        person("itdesk", "Sami Laine", "IT Support Engineer", "Helsinki", {{"IT support", 4}}, "", "IT"),
        person("benefits", "Rana Aziz", "Benefits Partner", "Dubai", {{"Compensation and benefits", 4}}, "", "People"),
    };
}

//! The crowd and the cast by username.
QHash<QString, Profile> everyone()
{
    QHash<QString, Profile> people;
    for (const Profile &p : crowd(400) + cast())
        people.insert(p.username, p);
    return people;
}

} // namespace

class TestEverydaySearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyday_data();
    void everyday();
    void understood_data();
    void understood();
    void orRanksWhoKnowsBothFirst_data();
    void orRanksWhoKnowsBothFirst();
    void roleWordsAreNoTypos();
    void wholeSkillsFirst_data();
    void wholeSkillsFirst();
    void partial();
    void longerWordsAreNoEvidence();
    void titlesThatSayItFirst();
    void aliasesRankByLevel_data();
    void aliasesRankByLevel();
    void forWhomRanksAsAsked();
    void onlyAsking_data();
    void onlyAsking();
    void questionWordsNameNoOne_data();
    void questionWordsNameNoOne();
    void initialsBesideNames_data();
    void initialsBesideNames();
    void fluency_data();
    void fluency();
    void wordsTypedInFull_data();
    void wordsTypedInFull();
    void leavingOut_data();
    void leavingOut();
    void withoutVocabulary();
    void hyphenatedWords();
    void shortForms();
    void wordsTypedTogether();
    void offices();
    void rolesAreTitles();
    void realWordsAreNoTypos();
    void softSkills();
    void doersFindWhatTheyDo_data();
    void doersFindWhatTheyDo();
    void slipsInWordsThatAsk();
    void relatedSkillsSayRelated();

private:
    SearchPage search(const QString &query) { return m_directory.engine->search(query, 0, 500); }

    Test::SearchDirectory m_directory;
};

void TestEverydaySearch::initTestCase()
{
    QVERIFY(m_directory.open(crowd(400) + cast()));
}

void TestEverydaySearch::everyday_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("first"); // usernames expected first, in this order
    QTest::addColumn<QStringList>("top"); // usernames expected among the first `n` (any order)
    QTest::addColumn<int>("n");
    QTest::addColumn<QStringList>("absent"); // usernames that must not be found at all

    const QStringList none;
    // Aliases: the words people type for what profiles say.
    QTest::addRow("tf") << "tf" << list({"terra", "terra2"}) << none << 0 << none;
    QTest::addRow("TF upper case") << "TF" << list({"terra", "terra2"}) << none << 0 << none;
    QTest::addRow("hcl") << "hcl" << list({"terra"}) << none << 0 << none;
    QTest::addRow("js finds JavaScript") << "js" << none << list({"jsonly", "jswiz"}) << 60 << none;
    QTest::addRow("k8s") << "k8s" << list({"k8s"}) << none << 0 << none;
    QTest::addRow("golang") << "golang" << none << list({"achieng", "blrgo", "koeln"}) << 80 << none;
    QTest::addRow("ml") << "ml" << list({"ml"}) << none << 0 << none;
    QTest::addRow("machine learning") << "machine learning" << list({"ml"}) << none << 0 << list({"achieng"});
    // Words joined by hyphens: as the vocabulary's phrase, else the words apart or as one.
    QTest::addRow("machine-learning") << "machine-learning" << list({"ml"}) << none << 0 << list({"achieng"});
    QTest::addRow("site-reliability") << "site-reliability" << list({"achieng"}) << none << 0 << list({"ml"});
    QTest::addRow("front-end") << "front-end" << none << list({"jswiz"}) << 400 << list({"jsonly"});
    QTest::addRow("español") << "español" << list({"spanish", "spanish2"}) << none << 0 << none;
    QTest::addRow("spanisch") << "spanisch" << list({"spanish", "spanish2"}) << none << 0 << none;
    QTest::addRow("reactjs") << "reactjs" << list({"react"}) << none << 0 << none;
    QTest::addRow("devops: related skills as a fallback") << "devops" << none << list({"terra", "k8s"}) << 40 << none;
    // Places by other names.
    QTest::addRow("bangalore") << "bangalore" << none << list({"blrpy", "blrgo"}) << 60 << none;
    QTest::addRow("python in bangalore") << "python in bangalore" << list({"blrpy"}) << none << 0 << list({"lonpy5"});
    // A level in words asks as level>=N does.
    QTest::addRow("python level 5") << "python level 5" << none << list({"blrpy", "lonpy5"}) << 100 << list({"lonpy1"});
    QTest::addRow("python 1/5 or higher")
        << "python in london 1/5 or higher" << none << list({"lonpy5", "lonpy1"}) << 12 << list({"blrpy"});
    QTest::addRow("python in london or bangalore")
        << "python in london or bangalore" << none << list({"blrpy", "lonpy5", "lonpy1"}) << 12
        << list({"ml", "koeln"});
    // Places that are each other's alternatives need no "in": not Keith, who is in London.
    QTest::addRow("python london or bangalore")
        << "python london or bangalore" << none << list({"blrpy", "lonpy5", "lonpy1"}) << 12
        << list({"ml", "koeln", "keith"});
    QTest::addRow("go in bengaluru") << "go in bengaluru" << none << list({"blrgo"}) << 30
                                     << list({"koeln", "achieng"});
    QTest::addRow("köln") << "köln" << none << list({"koeln", "cgn2"}) << 2 << none;
    QTest::addRow("koln") << "koln" << none << list({"koeln", "cgn2"}) << 2 << none;
    QTest::addRow("cologne") << "cologne" << none << list({"koeln", "cgn2"}) << 2 << none;
    QTest::addRow("product manager in cologne")
        << "product manager in cologne" << list({"cgn2"}) << none << 0 << list({"nycpm"});
    QTest::addRow("produktmanager in köln")
        << "wer ist produktmanager in köln" << list({"cgn2"}) << none << 0 << list({"nycpm"});
    QTest::addRow("munich") << "kubernetes in munich" << list({"k8s"}) << none << 0 << list({"terra"});
    QTest::addRow("new york") << "product manager in new york" << list({"nycpm"}) << none << 0 << list({"cgn2"});
    // Questions and filler words, English.
    QTest::addRow("who can help with terraform")
        << "who can help with terraform" << list({"terra", "terra2"}) << none << 0 << none;
    QTest::addRow("a filler that is a name only ranks")
        << "who is can in berlin" << none << list({"canaksoy", "canfigma"}) << 2 << none;
    QTest::addRow("who knows tf") << "who knows tf" << list({"terra", "terra2"}) << none << 0 << none;
    QTest::addRow("anyone speaking spanish")
        << "anyone speaking spanish" << list({"spanish", "spanish2"}) << none << 0 << none;
    QTest::addRow("someone who knows rust") << "someone who knows rust" << none << list({"koeln"}) << 80 << none;
    QTest::addRow("python expert in london")
        << "python expert in london" << list({"lonpy5"}) << list({"lonpy1"}) << 40 << list({"blrpy"});
    QTest::addRow("looking for a react developer")
        << "looking for a react person" << list({"react"}) << none << 0 << none;
    QTest::addRow("is there anyone good at figma in reykjavik")
        << "is there anyone good at figma in reykjavik" << list({"reyk"}) << none << 0 << list({"will"});
    QTest::addRow("senior k8s") << "senior k8s" << list({"k8s"}) << none << 0 << none;
    QTest::addRow("who is good at machine learning")
        << "who is good at machine learning" << list({"ml"}) << none << 0 << none;
    QTest::addRow("question mark") << "who knows terraform?" << list({"terra", "terra2"}) << none << 0 << none;
    // Questions, German.
    QTest::addRow("wer kennt sich mit terraform aus")
        << "wer kennt sich mit terraform aus" << list({"terra", "terra2"}) << none << 0 << none;
    QTest::addRow("wer hilft bei kubernetes") << "wer hilft bei kubernetes" << list({"k8s"}) << none << 0 << none;
    QTest::addRow("jemand der spanisch spricht")
        << "jemand der spanisch spricht" << list({"spanish", "spanish2"}) << none << 0 << none;
    QTest::addRow("python experte aus london")
        << "python experte aus london" << list({"lonpy5"}) << none << 0 << list({"blrpy"});
    // Beginners: the lowest levels first, everyone else still there.
    QTest::addRow("python beginner in london")
        << "python beginner in london" << list({"lonpy1"}) << list({"lonpy5"}) << 40 << list({"blrpy"});
    QTest::addRow("anfänger python aus london")
        << "anfänger python aus london" << list({"lonpy1"}) << list({"lonpy5"}) << 40 << list({"blrpy"});
    QTest::addRow("new to python, in london")
        << "who is new to python in london" << list({"lonpy1"}) << list({"lonpy5"}) << 40 << none;
    QTest::addRow("jemand aus köln") << "jemand aus köln" << none << list({"koeln", "cgn2"}) << 2 << none;
    QTest::addRow("wer kann go in münchen") << "wer kann kubernetes in münchen" << list({"k8s"}) << none << 0 << none;
    // Exact above prefix, more evidence above less.
    QTest::addRow("java: title and bio add up") << "java" << list({"javaarch", "javaplain"}) << none << 0 << none;
    QTest::addRow("java is not javascript") << "java" << none << list({"javaarch", "javaplain"}) << 2 << none;
    QTest::addRow("go: exact skill above longer words")
        << "go" << none << list({"achieng", "blrgo", "koeln"}) << 80 << none;
    QTest::addRow("python in london above python") << "python london" << list({"lonpy5"}) << none << 0 << none;
    // Stop words that are names, and whole queries of stop words.
    QTest::addRow("will") << "will" << list({"will"}) << none << 0 << list({"reyk"});
    QTest::addRow("will turner") << "will turner" << list({"will"}) << none << 0 << none;
    QTest::addRow("who is will") << "who is will" << list({"will"}) << none << 0 << list({"reyk"});
    QTest::addRow("can help") << "can help" << none << list({"canaksoy", "canfigma"}) << 2 << list({"reyk"});
    QTest::addRow("the who") << "the who" << list({"keith"}) << none << 0 << none;
    // A word that is a surname and a skill: alone, the person of that name first; asked with a
    // level, the skill ("seo experts" are no family).
    // After "for" beside what is asked, whom or what it is for ranks first but need not match;
    // with nothing asked before it, it is what is asked.
    QTest::addRow("c sharp: the phrase, not an initial")
        << "c sharp" << list({"csharp"}) << none << 0 << list({"sharp"});
    QTest::addRow("designer for onboarding")
        << "designer for onboarding" << list({"designonb"}) << list({"canfigma", "reyk"}) << 100 << none;
    QTest::addRow("looking for onboarding")
        << "looking for onboarding" << list({"designonb"}) << none << 0 << list({"canfigma", "reyk"});
    QTest::addRow("seo") << "seo" << list({"seoname", "seopro"}) << none << 0 << none;
    QTest::addRow("seo experts") << "seo experts" << list({"seopro", "seoname"}) << none << 0 << none;
    QTest::addRow("seo level 4") << "seo level 4" << list({"seopro"}) << none << 0 << list({"seoname"});
    QTest::addRow("achieng is no typo") << "achieng" << list({"achieng"}) << none << 0 << none;
    // Typos: only words that are not known.
    QTest::addRow("terrafrom") << "terrafrom" << list({"terra", "terra2"}) << none << 0 << none;
    QTest::addRow("kubernets") << "kubernets" << none << list({"k8s"}) << 30 << none;
    QTest::addRow("pythn in london") << "pythn in london" << list({"lonpy5"}) << none << 0 << none;
    // Partial matches: closest first.
    QTest::addRow("rust in reykjavik: partial")
        << "rust in reykjavik" << none << list({"koeln", "will", "reyk"}) << 500 << none;
    QTest::addRow("terraform spanish: partial")
        << "terraform spanish" << none << list({"terra", "terra2", "spanish", "spanish2"}) << 4 << none;
    QTest::addRow("who knows terraform in madrid")
        << "who knows terraform in madrid" << list({"terra"}) << none << 0 << none;
    // Plurals find the singular, in phrases of the vocabulary and in single words.
    QTest::addRow("data scientists") << "data scientists" << none << list({"blrpy", "lonpy5"}) << 2 << none;
    QTest::addRow("platform engineers in berlin")
        << "platform engineers in berlin" << list({"terra"}) << none << 0 << list({"terra2"});
    QTest::addRow("designers in reykjavik")
        << "designers in reykjavik" << list({"reyk"}) << none << 0 << list({"will"});
    QTest::addRow("sre: the skill and the title") << "sre" << none << list({"k8s", "achieng"}) << 2 << none;
    QTest::addRow("sres") << "sres" << none << list({"k8s", "achieng"}) << 2 << none;
    // A possessive is the person ("tomasz's manager", "…'s team" ask for their people: tst_mine).
    QTest::addRow("possessive") << "tomasz's skills" << list({"terra"}) << none << 0 << none;
    // "or": any of the things asked for; a place still must hold.
    QTest::addRow("terraform or spanish") << "who knows terraform or spanish" << none
                                          << list({"terra", "terra2", "canaksoy", "spanish", "spanish2"}) << 5 << none;
    QTest::addRow("roadmapping or helm") << "roadmapping or helm" << none << list({"nycpm", "cgn2", "k8s"}) << 3
                                         << list({"terra"});
    QTest::addRow("german oder, and a place") << "wer kennt terraform oder spanisch in berlin" << none
                                              << list({"terra", "canaksoy"}) << 2 << list({"terra2", "spanish"});
    // A word for what people do ranks those whose title says it first, but leaves no one out
    // who knows the thing asked for; alone with a place, it must hold.
    QTest::addRow("figma developers") << "figma developers" << none << list({"reyk", "canfigma"}) << 500 << none;
    QTest::addRow("rust devs") << "rust devs" << none << list({"koeln"}) << 500 << none;
    QTest::addRow("javascript developers")
        << "javascript developers" << none << list({"jswiz", "jsonly"}) << 500 << none;
    // A phrase of the vocabulary stays one: "frontend developers" is the title Frontend Engineer.
    QTest::addRow("frontend developers") << "frontend developers" << none << list({"jswiz", "react"}) << 500 << none;
    // "programmer" is an alias of the title Software Engineer, and still only ranks.
    QTest::addRow("python programmers") << "python programmers" << none << list({"blrpy", "lonpy5", "lonpy1"}) << 500
                                        << none;
    // Titles people do not write the way others ask: a lawyer is a Counsel of some kind.
    QTest::addRow("german speaking lawyers")
        << "german speaking lawyers" << list({"counsel"}) << none << 0 << list({"spanish"});
    QTest::addRow("spanish speakers") << "spanish speakers" << list({"spanish", "spanish2"}) << none << 0 << none;
    QTest::addRow("native spanish speakers")
        << "native spanish speakers" << list({"spanish"}) << none << 0 << list({"spanish2"});
    // Typed alone it may be the start of a longer word: "engineer", on the way to "engineering".
    QTest::addRow("engineer, typing") << "engineer" << none << list({"canfigma", "terra"}) << 500 << none;
    QTest::addRow("engineers in berlin") << "engineers in berlin" << none << list({"terra", "canaksoy"}) << 500
                                         << list({"canfigma", "ml"});
    // A German word for what people do finds the English titles that say it.
    QTest::addRow("Architektin") << "Architektin" << list({"javaarch"}) << none << 0 << none;
    QTest::addRow("Wissenschaftlerin in london")
        << "Wissenschaftlerin in london" << list({"lonpy5"}) << none << 0 << list({"blrpy", "ml"});
    QTest::addRow("people who know kubernetes") << "people who know kubernetes" << list({"k8s"}) << none << 0 << none;
    // Typing on still works.
    QTest::addRow("te") << "te" << none << list({"terra", "terra2"}) << 500 << none;
    QTest::addRow("terr") << "terr" << list({"terra", "terra2"}) << none << 0 << none;
    // Filters keep working with everyday words.
    QTest::addRow("skill filter and expert")
        << "skill:python expert" << list({"blrpy"}) << none << 0 << list({"terra"});
    QTest::addRow("skill filter and beginners")
        << "skill:python location:london beginners" << list({"lonpy1"}) << list({"lonpy5"}) << 40 << none;
    QTest::addRow("location filter and question")
        << "who knows python location:london" << list({"lonpy5"}) << list({"lonpy1"}) << 40 << list({"blrpy"});
    QTest::addRow("dept filter") << "anyone speaking spanish dept:sales" << list({"spanish"}) << none << 0
                                 << list({"spanish2"});
}

void TestEverydaySearch::everyday()
{
    QFETCH(QString, query);
    QFETCH(QStringList, first);
    QFETCH(QStringList, top);
    QFETCH(int, n);
    QFETCH(QStringList, absent);

    const SearchPage page = search(query);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    const QStringList found = Test::usernames(page);
    const QString context = QStringLiteral("query \"%1\" found %2").arg(query, found.mid(0, 12).join(QLatin1Char(' ')));
    QVERIFY2(found.mid(0, first.size()) == first, qPrintable(context));
    for (const QString &username : top)
        QVERIFY2(found.mid(0, n).contains(username), qPrintable(context + QStringLiteral(": ") + username));
    for (const QString &username : absent)
        QVERIFY2(!found.contains(username), qPrintable(context + QStringLiteral(": ") + username));
    for (qsizetype i = 1; i < page.results.size(); ++i)
        QVERIFY2(page.results[i - 1].score >= page.results[i].score, qPrintable(context));
}

void TestEverydaySearch::understood_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("terms");
    QTest::addColumn<QStringList>("aliases"); // "from>to"
    QTest::addColumn<QString>("place");
    QTest::addColumn<QStringList>("dropped");
    QTest::addColumn<bool>("experts");
    QTest::addColumn<bool>("partial");

    const QStringList none;
    QTest::addRow("alias") << "tf" << list({"terraform"}) << list({"tf>Terraform"}) << "" << none << false << false;
    QTest::addRow("question") << "who can help with terraform" << list({"terraform"}) << none << ""
                              << list({"who", "can", "help", "with"}) << false << false;
    QTest::addRow("question, no name") << "who knows terraform" << list({"terraform"}) << none << ""
                                       << list({"who", "knows"}) << false << false;
    QTest::addRow("expert in london") << "python expert in london" << list({"python"}) << none << "London" << none
                                      << true << false;
    QTest::addRow("place alias") << "python in bangalore" << list({"python"}) << list({"bangalore>Bengaluru"})
                                 << "Bengaluru" << none << false << false;
    QTest::addRow("german") << "wer kennt sich mit kubernetes aus" << list({"kubernetes"}) << none << ""
                            << list({"wer", "kennt", "sich", "mit", "aus"}) << false << false;
    QTest::addRow("german place, partial")
        << "python experte aus köln" << list({"python"}) << none << QString::fromUtf8("Köln") << none << true << true;
    QTest::addRow("multi-word alias") << "ml" << list({"machine learning"}) << list({"ml>Machine learning"}) << ""
                                      << none << false << false;
    QTest::addRow("name kept") << "who is will" << list({"will"}) << none << "" << list({"who", "is"}) << false
                               << false;
    QTest::addRow("stop words only") << "the who" << list({"the", "who"}) << none << "" << none << false << false;
    QTest::addRow("partial") << "rust in reykjavik" << list({"rust"}) << none << "reykjavik" << none << false << true;
    QTest::addRow("plural of a title") << "data scientists" << list({"data scientist"})
                                       << list({"data scientists>Data Scientist"}) << "" << none << false << false;
    QTest::addRow("plural of an abbreviation")
        << "sres" << list({"site reliability engineering"}) << list({"sres>Site reliability engineering"}) << "" << none
        << false << false;
    QTest::addRow("possessive") << "keith's band" << list({"keith", "band"}) << none << "" << none << false << false;
    QTest::addRow("possessive, typographic apostrophe")
        << QString::fromUtf8("who plays in keith\u2019s band") << list({"keith", "band"}) << none << ""
        << list({"who", "plays", "in"}) << false << false;
    QTest::addRow("plural, people word") << "folks in köln" << QStringList() << none << QString::fromUtf8("Köln")
                                         << list({"folks"}) << false << false;
    QTest::addRow("where someone sits") << "who sits in munich" << QStringList() << list({"munich>München"})
                                        << QString::fromUtf8("München") << list({"who", "sits"}) << false << false;
    QTest::addRow("or") << "python or go" << list({"python / go"}) << none << "" << none << false << false;
    QTest::addRow("or with an alias and a place") << "tf or k8s in munich" << list({"terraform / kubernetes"})
                                                  << list({"tf>Terraform", "k8s>Kubernetes", "munich>München"})
                                                  << QString::fromUtf8("München") << none << false << false;
    QTest::addRow("or, one thing twice") << "kubernetes or k8s" << list({"kubernetes"}) << list({"k8s>Kubernetes"})
                                         << "" << none << false << false;
    QTest::addRow("plain") << "python berlin" << list({"python", "berlin"}) << none << "" << none << false << false;
    // What went wrong asks for no more than what it went wrong with.
    QTest::addRow("forgot") << "forgot my password" << list({"it support"}) << list({"password>IT support"}) << ""
                            << list({"forgot", "my"}) << false << false;
    QTest::addRow("reviewed") << "need my contract reviewed" << list({"contract"}) << none << ""
                              << list({"need", "my", "reviewed"}) << false << false;
    QTest::addRow("a policy") << "vacation policy" << list({"compensation and benefits"})
                              << list({"vacation policy>Compensation and benefits"}) << "" << none << false << false;
    QTest::addRow("can't, as search reads it")
        << QString::fromUtf8("i can\u2019t log in") << list({"it support"}) << list({"cant log in>IT support"}) << ""
        << list({"i"}) << false << false;
    QTest::addRow("forgot, in German") << "ich habe mein passwort vergessen" << list({"it support"})
                                       << list({"passwort>IT support"}) << ""
                                       << list({"ich", "habe", "mein", "vergessen"}) << false << false;
    QTest::addRow("locked out of an account")
        << "locked out of my account" << list({"it support"}) << list({"locked out of my account>IT support"}) << ""
        << none << false << false;
}

void TestEverydaySearch::understood()
{
    QFETCH(QString, query);
    QFETCH(QStringList, terms);
    QFETCH(QStringList, aliases);
    QFETCH(QString, place);
    QFETCH(QStringList, dropped);
    QFETCH(bool, experts);
    QFETCH(bool, partial);

    const SearchPage page = search(query);
    QCOMPARE(page.understood.terms, terms);
    QStringList applied;
    for (const AliasApplied &alias : page.understood.aliases)
        applied.append(alias.from + QLatin1Char('>') + alias.to);
    QCOMPARE(applied, aliases);
    QCOMPARE(page.understood.place, place);
    QCOMPARE(page.understood.dropped, dropped);
    QCOMPARE(page.understood.expertsFirst, experts);
    QCOMPARE(page.understood.partial, partial);
    QCOMPARE(page.partial, partial);
    QVERIFY(page.total > 0);
}

void TestEverydaySearch::orRanksWhoKnowsBothFirst_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("skills");
    QTest::addRow("rust or go") << "rust or go" << list({"Rust", "Go"});
    QTest::addRow("go or rust") << "go or rust" << list({"Go", "Rust"});
    QTest::addRow("three, one an alias") << "java or k8s or docker" << list({"Java", "Kubernetes", "Docker"});
}

void TestEverydaySearch::orRanksWhoKnowsBothFirst()
{
    // Either is enough; of two people whose best of them is as good, the one who knows more of
    // them comes first.
    QFETCH(QString, query);
    QFETCH(QStringList, skills);
    const QHash<QString, Profile> people = everyone();
    struct Seen
    {
        QString username;
        int best = 0;
        int known = 0;
    };
    QList<Seen> seen;
    for (const SearchResult &result : search(query).results) {
        Seen s {result.username};
        for (const Skill &skill : people.value(result.username).skills) {
            if (skills.contains(skill.name)) {
                s.best = std::max(s.best, skill.level);
                ++s.known;
            }
        }
        // Only the people found by their skills alone: a title or a name saying it ranks too.
        const bool skillsOnly = std::all_of(result.reasons.cbegin(), result.reasons.cend(),
                                            [](const MatchReason &r) { return r.field == u"skill"; });
        if (s.known > 0 && skillsOnly)
            seen.append(s);
    }
    QVERIFY(seen.size() > 20);
    int bothBehindOne = 0;
    for (qsizetype i = 0; i < seen.size(); ++i) {
        for (qsizetype j = i + 1; j < seen.size(); ++j) {
            if (seen[i].best == seen[j].best && seen[j].known > seen[i].known) {
                qWarning() << seen[j].username << "knows" << seen[j].known << "of them, ranks behind"
                           << seen[i].username << "who knows" << seen[i].known;
                ++bothBehindOne;
            }
        }
    }
    QCOMPARE(bothBehindOne, 0);
}

void TestEverydaySearch::roleWordsAreNoTypos()
{
    // "coders" is no misspelling of "codes": a word for what people do is never corrected.
    for (const char *query : {"go coders", "rust devs", "figma developers"}) {
        const SearchPage page = search(QString::fromLatin1(query));
        QVERIFY2(page.corrections.isEmpty(),
                 qPrintable(QString::fromLatin1(query) + QStringLiteral(" read as ")
                            + page.corrections.value(0).correction));
        QVERIFY2(!page.results.isEmpty(), query);
    }
}

void TestEverydaySearch::wholeSkillsFirst_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("skill"); // the skill the query names
    QTest::addColumn<QString>("loose"); // a username whose skill only holds the word
    const auto row = [](const char *query, const char *skill, const char *loose) {
        QTest::addRow("%s", query) << QString::fromUtf8(query) << QString::fromUtf8(skill) << QString::fromUtf8(loose);
    };
    row("go", "Go", "gtm");
    row("go developers", "Go", "gtm");
    row("golang or rust", "Go", "gtm"); // an alias, and "or"
    row("kubernetes", "Kubernetes", "k8sops");
    row("design systems", "Design systems", "splitds"); // a skill of two words
}

void TestEverydaySearch::wholeSkillsFirst()
{
    // A word of the query in a longer skill ("go" in "Go-to-market strategy"), or the words of a
    // skill in others ("Workshop design", "Recommender systems"), rank below the people who have
    // the skill it names, whatever their level; they are still found.
    QFETCH(QString, query);
    QFETCH(QString, skill);
    QFETCH(QString, loose);
    const QHash<QString, Profile> people = everyone();
    const QStringList found = Test::usernames(search(query));
    const qsizetype at = found.indexOf(loose);
    QVERIFY2(at >= 0, qPrintable(loose + QStringLiteral(" not found")));
    for (qsizetype i = at + 1; i < found.size(); ++i) {
        const QList<Skill> &skills = people.value(found[i]).skills;
        const bool hasSkill =
            std::any_of(skills.cbegin(), skills.cend(), [&](const Skill &s) { return s.name == skill; });
        QVERIFY2(!hasSkill,
                 qPrintable(found[i] + QStringLiteral(" with ") + skill + QStringLiteral(" ranks below ") + loose));
    }
}

void TestEverydaySearch::longerWordsAreNoEvidence()
{
    // Go 4 each: a title that says Go ranks first; a name or a title that only starts with "go"
    // says nothing of Go, so name order decides among the rest.
    Test::SearchDirectory directory;
    QVERIFY(directory.open({
        person("amy", "Amy Zeller", "Engineer", "Berlin", {{"Go", 4}}),
        person("gordon", "Gordon Abbott", "Engineer", "Berlin", {{"Go", 4}}),
        person("ben", "Ben Young", "Google Ads Engineer", "Berlin", {{"Go", 4}}),
        person("zed", "Zed Young", "Go Developer", "Berlin", {{"Go", 4}}),
    }));
    auto found = [&](const QString &query) { return Test::usernames(directory.engine->search(query, 0, 10)); };
    QCOMPARE(found(u"go"_qs), list({"zed", "amy", "ben", "gordon"}));
    // Typing a name, its start is what is asked for.
    QCOMPARE(found(u"gor"_qs), list({"gordon"}));
}

void TestEverydaySearch::titlesThatSayItFirst()
{
    // A title of several words ranks the titles that say it as written first; the others follow,
    // by name. Among a crowd, so that a change is applied to the tables in place.
    const QList<Profile> cast {
        person("amm", "Amy Adams", "Product Marketing Manager", "Berlin", {}),
        person("bob", "Bob Baker", "Product Operations Manager", "Berlin", {}),
        person("zoe", "Zoe Zander", "Senior Product Manager", "Berlin", {}),
        person("yan", "Yan Young", "Product Manager", "Berlin", {}),
        person("mia", "Mia Lee", "Engineer, Machine Learning", "Berlin", {}),
        person("xi", "Xi Ma", "Machine Learning Engineer", "Berlin", {}),
    };
    Test::SearchDirectory directory;
    QVERIFY(directory.open(crowd(300) + cast));
    QVERIFY(directory.engine->prepare());
    auto order = [&](const QString &query) { // of the cast
        QStringList found = Test::usernames(directory.engine->search(query, 0, 500));
        found.removeIf([&](const QString &username) {
            return std::none_of(cast.cbegin(), cast.cend(), [&](const Profile &p) { return p.username == username; });
        });
        return found;
    };
    const QStringList productManagers = list({"yan", "zoe", "amm", "bob"});
    QCOMPARE(order(u"product managers"_qs), productManagers);
    QCOMPARE(order(u"product manager in berlin"_qs), productManagers);
    QCOMPARE(order(u"pm"_qs), productManagers); // the alias names it too
    QCOMPARE(order(u"machine learning engineer"_qs), list({"xi", "mia"}));
    // An expert word may be a word of the title asked for: it ranks those who have it first.
    QCOMPARE(order(u"senior product manager"_qs), list({"zoe", "yan", "amm", "bob"}));

    // Loaded in steps (as the app does), an engine answers as a loaded one in between.
    SearchEngine stepped(&directory.store);
    stepped.setVocabulary(Vocabulary::defaults());
    SearchEngine::Preparation state = SearchEngine::Preparation::More;
    int steps = 0;
    while (state == SearchEngine::Preparation::More) {
        state = stepped.prepareStep(0);
        if (++steps == 3) { // a title changes while the titles are read
            Profile bob = *directory.store.profileByUsername(u"bob"_qs);
            bob.title = u"Product Manager"_qs;
            QVERIFY(directory.store.upsertProfiles({bob}));
        }
        QCOMPARE(Test::usernames(stepped.search(u"product managers"_qs, 0, 500)),
                 Test::usernames(directory.engine->search(u"product managers"_qs, 0, 500)));
    }
    QCOMPARE(state, SearchEngine::Preparation::Done);
    QVERIFY(steps > 100); // a step with no time left reads a person or so
    QCOMPARE(order(u"product managers"_qs), list({"bob", "yan", "zoe", "amm"}));

    // The titles follow their people.
    Profile amy = *directory.store.profileByUsername(u"amm"_qs);
    amy.title = u"Product Manager"_qs;
    QVERIFY(directory.store.upsertProfiles({amy}));
    QCOMPARE(order(u"product managers"_qs), list({"amm", "bob", "yan", "zoe"}));
}

void TestEverydaySearch::aliasesRankByLevel_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("skill");
    QTest::addRow("js") << "js"
                        << "JavaScript";
    QTest::addRow("k8s") << "k8s"
                         << "Kubernetes";
    QTest::addRow("golang") << "golang"
                            << "Go";
}

void TestEverydaySearch::aliasesRankByLevel()
{
    // The skill an alias names ranks by its level: the best first, no one above a higher level.
    QFETCH(QString, query);
    QFETCH(QString, skill);
    const QHash<QString, Profile> people = everyone();
    auto level = [&](const QString &username) {
        for (const Skill &s : people.value(username).skills) {
            if (s.name == skill)
                return s.level;
        }
        return 0;
    };
    int best = 0;
    for (const Profile &p : people)
        best = std::max(best, level(p.username));
    const SearchPage page = search(query);
    QVERIFY(!page.results.isEmpty());
    QCOMPARE(level(page.results.first().username), best);
    for (qsizetype i = 1; i < page.results.size(); ++i) {
        QVERIFY2(level(page.results[i - 1].username) >= level(page.results[i].username),
                 qPrintable(page.results[i].username + QStringLiteral(" ranks below a lower level")));
    }
}

void TestEverydaySearch::forWhomRanksAsAsked()
{
    // Whom it is for counts as a word asked for where it matches: a tier above the designers
    // whose profiles do not say it, not a tie-break among them.
    const SearchPage page = search(u"designer for onboarding"_qs);
    QVERIFY(page.results.size() > 2);
    QCOMPARE(page.results[0].username, u"designonb"_qs);
    QVERIFY2(page.results[0].score >= page.results[1].score + Ranking::TierStep / 2,
             qPrintable(u"%1 %2"_qs.arg(page.results[0].score).arg(page.results[1].score)));
    QCOMPARE(page.understood.terms, list({"designer", "onboarding"}));
    // Said as ranking, not as asked for.
    QCOMPARE(page.understood.describe(UnderstoodQuery::Detail::Names), list({"Designer", "Onboarding first"}));
    QCOMPARE(page.understood.describe(UnderstoodQuery::Detail::Aliases),
             list({"designer", "onboarding first", "ignored: for"}));
    const QJsonObject understood = toJson(page).value(u"understood"_qs).toObject();
    QCOMPARE(understood.value(u"ranked_first"_qs).toArray(), QJsonArray {u"onboarding"_qs});
    QCOMPARE(understood.value(u"unmentioned"_qs).toArray(), QJsonArray {});

    // No one found mentions it: said so, rather than "first" over a list that does not rank by it.
    for (const QString &query : {u"designer for quokkas"_qs, u"designer for onboarding in reykjavik"_qs}) {
        const SearchPage unsaid = search(query);
        QVERIFY2(!unsaid.results.isEmpty(), qPrintable(query));
        QCOMPARE(unsaid.understood.describe(UnderstoodQuery::Detail::Names).value(1),
                 u"no one mentions %1"_qs.arg(unsaid.understood.names.value(1)));
        QCOMPARE(toJson(unsaid).value(u"understood"_qs).toObject().value(u"unmentioned"_qs).toArray(),
                 QJsonArray {unsaid.understood.terms.value(1)});
    }
}

void TestEverydaySearch::onlyAsking_data()
{
    QTest::addColumn<QString>("query");
    // Only the words of a question, as typed on the way to what it asks; "can" is a name here,
    // but not when someone is addressed after it.
    for (const char *query : {"who is", "who can help", "can you help", "can anyone help", "is there anyone", "anyone",
                              "someone who", "wer kann helfen"})
        QTest::addRow("%s", query) << QString::fromUtf8(query);
}

void TestEverydaySearch::onlyAsking()
{
    QFETCH(QString, query);
    const SearchPage page = search(query);
    QCOMPARE(page.error, QString());
    QCOMPARE(page.total, 0);
    QVERIFY(page.results.isEmpty());
    QVERIFY(page.understood.onlyAsking);
    QVERIFY(page.understood.terms.isEmpty());
    QCOMPARE(page.understood.dropped, query.split(u' '));
    QVERIFY(page.understood.describe(UnderstoodQuery::Detail::Names)
                .contains(u"nothing asked for yet: add a skill, a name, a team or a place"_qs));
    QCOMPARE(toJson(page).value(u"understood"_qs).toObject().value(u"only_asking"_qs), QJsonValue(true));
    // With a filter, the filter is what is asked for: everyone it keeps.
    SearchRequest filtered;
    filtered.query = query;
    filtered.locations = list({"Reykjavik"});
    const SearchPage inReykjavik = m_directory.engine->search(filtered);
    QVERIFY(!inReykjavik.understood.onlyAsking);
    QStringList found = Test::usernames(inReykjavik);
    found.sort();
    QCOMPARE(found, list({"reyk", "will"}));
}

void TestEverydaySearch::questionWordsNameNoOne_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("plain");
    // "can" and "will" are names here (Can Aksoy, Can Demir, Will Turner); in a question they ask.
    QTest::addRow("who can help with") << "who can help with terraform"
                                       << "terraform";
    QTest::addRow("who can help with, a designer") << "who can help with figma"
                                                   << "figma";
    QTest::addRow("who will know") << "who will know python"
                                   << "python";
}

void TestEverydaySearch::questionWordsNameNoOne()
{
    QFETCH(QString, question);
    QFETCH(QString, plain);
    const QStringList asked = Test::usernames(search(question));
    QVERIFY(!asked.isEmpty());
    QCOMPARE(asked, Test::usernames(search(plain)));
}

void TestEverydaySearch::initialsBesideNames_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("initial");
    QTest::addColumn<QString>("surname");
    // The titles say Accountant, Account Executive, Software, Support, Sales: a letter searched
    // anywhere finds most of a family; "a" is an article too.
    QTest::addRow("a haas") << u"a haas"_qs << u"a"_qs << u"haas"_qs;
    QTest::addRow("A. Haas") << u"A. Haas"_qs << u"a"_qs << u"haas"_qs;
    QTest::addRow("haas a") << u"haas a"_qs << u"a"_qs << u"haas"_qs;
    QTest::addRow("s bauer") << u"s bauer"_qs << u"s"_qs << u"bauer"_qs;
    QTest::addRow("s. dahl") << u"s. dahl"_qs << u"s"_qs << u"dahl"_qs;
}

void TestEverydaySearch::initialsBesideNames()
{
    QFETCH(QString, query);
    QFETCH(QString, initial);
    QFETCH(QString, surname);
    // Everyone whose name has a word that starts with the letter and one that starts with the
    // surname; no one else.
    QStringList named;
    for (const Profile &profile : crowd(400) + cast()) {
        const QStringList words = foldText(profile.displayName).split(u' ');
        auto starts = [&words](const QString &start) {
            return std::any_of(words.cbegin(), words.cend(), [&](const QString &w) { return w.startsWith(start); });
        };
        if (starts(initial) && starts(surname))
            named.append(profile.username);
    }
    QVERIFY(!named.isEmpty());
    QStringList found = Test::usernames(search(query));
    found.sort();
    named.sort();
    QCOMPARE(found, named);
}

void TestEverydaySearch::fluency_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("skill"); // as the profiles write it; empty: no level asked
    QTest::addColumn<int>("level");
    QTest::addRow("fluent german") << u"fluent german"_qs << u"German"_qs << 4;
    QTest::addRow("fließend französisch") << u"fließend französisch"_qs << u"French"_qs << 4;
    QTest::addRow("native french speakers") << u"native french speakers"_qs << u"French"_qs << 5;
    QTest::addRow("native speakers of german") << u"native speakers of german"_qs << u"German"_qs << 5;
    QTest::addRow("german native tongue") << u"german native tongue"_qs << u"German"_qs << 5;
    QTest::addRow("native language: french") << u"native language: french"_qs << u"French"_qs << 5;
    QTest::addRow("speaks german natively") << u"speaks german natively"_qs << u"German"_qs << 5;
    QTest::addRow("german muttersprachler") << u"german muttersprachler"_qs << u"German"_qs << 5;
    // "native" alone says how software is built, not how well someone speaks.
    QTest::addRow("native kotlin developers") << u"native kotlin developers"_qs << QString() << 0;
}

void TestEverydaySearch::fluency()
{
    QFETCH(QString, query);
    QFETCH(QString, skill);
    QFETCH(int, level);
    const SearchPage page = search(query);
    QCOMPARE(page.understood.minLevel, level);
    if (skill.isEmpty()) {
        QVERIFY(!page.results.isEmpty());
        return;
    }
    QStringList speakers;
    for (const Profile &profile : crowd(400) + cast()) {
        if (std::any_of(profile.skills.cbegin(), profile.skills.cend(),
                        [&](const Skill &s) { return s.name == skill && s.level >= level; }))
            speakers.append(profile.username);
    }
    QVERIFY(!speakers.isEmpty());
    QVERIFY(!page.partial);
    QCOMPARE(page.understood.terms.size(), 1); // the language, not "tongue" or "level"
    QStringList found = Test::usernames(page);
    found.sort();
    speakers.sort();
    QCOMPARE(found, speakers);
    QVERIFY(page.understood.describe(UnderstoodQuery::Detail::Names)
                .contains(level == 5 ? u"at level 5"_qs : u"at level %1 or above"_qs.arg(level)));
}

void TestEverydaySearch::wordsTypedInFull_data()
{
    QTest::addColumn<QString>("query");
    // What each person found has: for each of these words, a word of their profile that is it
    // (or one of its "|" alternatives), or starts with it ("java*"); a word of their name that
    // starts with "name".
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("name");
    // A word typed in full is that word: a skill of the vocabulary, not the start of a longer one.
    QTest::addRow("java developers") << u"java developers"_qs << QStringList {u"java"_qs} << QString();
    QTest::addRow("java, then a space") << u"java "_qs << QStringList {u"java"_qs} << QString();
    // C's other names in the vocabulary, C99 and C11, are the usernames of two of the crowd.
    QTest::addRow("c developers") << u"c developers"_qs << QStringList {u"c|c99|c11"_qs} << QString();
    // The word being typed may be the start of a longer one.
    QTest::addRow("java, being typed") << u"java"_qs << QStringList {u"java*"_qs} << QString();
    // Two letters typed in full are a word ("li": not Lisa, nor Linux).
    QTest::addRow("li wei") << u"li wei"_qs << QStringList {u"li"_qs, u"wei*"_qs} << QString();
    // One letter the vocabulary does not know, typed in full, starts a name: an initial.
    QTest::addRow("n bauer in berlin") << u"n bauer in berlin"_qs << QStringList {u"bauer"_qs, u"berlin"_qs} << u"n"_qs;
}

void TestEverydaySearch::wordsTypedInFull()
{
    QFETCH(QString, query);
    QFETCH(QStringList, words);
    QFETCH(QString, name);
    static const QRegularExpression between(u"[^\\p{L}\\p{N}+#]+"_qs);
    auto wordsOf = [](const QString &text) { return foldText(text).split(between, Qt::SkipEmptyParts); };
    QStringList expected;
    for (const Profile &profile : crowd(400) + cast()) {
        QStringList texts {profile.displayName,         profile.username, profile.title,
                           profile.department,          profile.location, profile.bio,
                           profile.interests.join(u' ')};
        for (const Skill &skill : profile.skills)
            texts.append(skill.name);
        const QStringList has = wordsOf(texts.join(u' '));
        const QStringList named = wordsOf(profile.displayName);
        auto hasWord = [&has](const QString &word) {
            if (word.endsWith(u'*'))
                return std::any_of(has.cbegin(), has.cend(),
                                   [&](const QString &w) { return w.startsWith(word.chopped(1)); });
            const QStringList alternatives = word.split(u'|');
            return std::any_of(alternatives.cbegin(), alternatives.cend(),
                               [&has](const QString &w) { return has.contains(w); });
        };
        if (std::all_of(words.cbegin(), words.cend(), hasWord)
            && (name.isEmpty()
                || std::any_of(named.cbegin(), named.cend(), [&](const QString &w) { return w.startsWith(name); })))
            expected.append(profile.username);
    }
    QVERIFY(!expected.isEmpty());
    const SearchPage page = search(query);
    QVERIFY(!page.partial);
    QStringList found = Test::usernames(page);
    found.sort();
    expected.sort();
    QCOMPARE(found, expected);
    // Nor is a longer word said to match ("C++" is no skill a "c developer" was found for).
    if (name.isEmpty()
        && std::none_of(words.cbegin(), words.cend(), [](const QString &w) { return w.endsWith(u'*'); })) {
        for (const SearchResult &result : page.results) {
            for (const MatchReason &reason : result.reasons)
                QVERIFY2(reason.kind != MatchReason::Kind::Prefix, qPrintable(result.username + u' ' + reason.value));
        }
    }
}

void TestEverydaySearch::partial()
{
    // No one knows Rust in Reykjavik: Rust people and Reykjavik people, each saying what it lacks.
    const SearchPage page = search(QStringLiteral("rust in reykjavik"));
    QVERIFY(page.partial);
    QVERIFY(page.total >= 3);
    bool sawPlace = false;
    bool sawSkill = false;
    for (const SearchResult &result : page.results) {
        QCOMPARE(result.unmatchedTerms.size(), 1);
        sawPlace = sawPlace || result.unmatchedTerms.first() == QLatin1String("rust");
        sawSkill = sawSkill || result.unmatchedTerms.first() == QLatin1String("reykjavik");
    }
    QVERIFY(sawPlace && sawSkill);
    // Someone matches every word: not partial, nothing missing.
    const SearchPage full = search(QStringLiteral("figma in reykjavik"));
    QVERIFY(!full.partial);
    QCOMPARE(full.total, 1);
    QVERIFY(full.results.first().unmatchedTerms.isEmpty());
    // Nothing matches at all: an empty page, not partial.
    const SearchPage nothing = search(QStringLiteral("xylophone zeppelin"));
    QCOMPARE(nothing.total, 0);
    QVERIFY(!nothing.partial);
    // Partial results with more matched words come first.
    const SearchPage three = search(QStringLiteral("python statistics zeppelin"));
    QVERIFY(three.partial);
    QCOMPARE(three.results.first().username, QStringLiteral("blrpy"));
    QCOMPARE(three.results.first().unmatchedTerms, QStringList {QStringLiteral("zeppelin")});
}

void TestEverydaySearch::leavingOut_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("without"); // the same query without what is left out
    QTest::addColumn<QStringList>("left"); // usernames the query without it finds and this one must not
    QTest::addColumn<QStringList>("kept"); // usernames it must still find
    QTest::addColumn<QStringList>("excluded"); // UnderstoodQuery::excluded, then "in " + excludedPlaces

    const QStringList none;
    QTest::addRow("-word") << "java -javascript"
                           << "java" << list({"jsonly", "jswiz"}) << list({"javaarch", "javaplain"})
                           << list({"JavaScript"});
    QTest::addRow("not java keeps javascript") << "javascript but not java"
                                               << "javascript" << none << list({"jsonly", "jswiz"}) << list({"Java"});
    QTest::addRow("an alias") << "terraform without k8s"
                              << "terraform" << list({"terra"}) << list({"terra2", "canaksoy"}) << list({"Kubernetes"});
    QTest::addRow("-alias") << "terraform -k8s"
                            << "terraform" << list({"terra"}) << list({"terra2", "canaksoy"}) << list({"Kubernetes"});
    QTest::addRow("a plural") << "python not data scientists"
                              << "python" << list({"blrpy", "lonpy5"}) << list({"lonpy1"}) << list({"Data Scientist"});
    QTest::addRow("a quoted phrase") << "pytorch -\"machine learning\""
                                     << "pytorch" << list({"ml"}) << none << list({"Machine learning"});
    QTest::addRow("a place") << "python but not in london"
                             << "python" << list({"lonpy5", "lonpy1"}) << list({"blrpy"}) << list({"in London"});
    QTest::addRow("places") << "go developers not in bangalore or cologne"
                            << "go developers" << list({"blrgo", "koeln"}) << list({"achieng"})
                            << list({"in Bengaluru / Köln"});
    QTest::addRow("-location:") << "python -location:london"
                                << "python" << list({"lonpy5", "lonpy1"}) << list({"blrpy"}) << none;
    QTest::addRow("-skill:") << "spanish -skill:english"
                             << "spanish" << list({"spanish"}) << list({"spanish2"}) << none;
    QTest::addRow("-dept:") << "spanish -dept:sales"
                            << "spanish" << list({"spanish"}) << list({"spanish2"}) << none;
    QTest::addRow("several") << "backend developers without java or rust"
                             << "backend developers" << list({"javaplain", "koeln"}) << list({"blrgo"})
                             << list({"Java", "Rust"});
    QTest::addRow("german") << "wer kennt terraform, aber nicht kubernetes"
                            << "terraform" << list({"terra"}) << list({"terra2", "canaksoy"}) << list({"Kubernetes"});
    QTest::addRow("a question") << "who speaks spanish and does not work in sales"
                                << "spanish" << list({"spanish"}) << list({"spanish2"}) << list({"sales"});
    QTest::addRow("with a place asked for")
        << "python in london without sql"
        << "python in london" << list({"lonpy5"}) << list({"lonpy1"}) << list({"SQL"});
    QTest::addRow("partial results leave it out too")
        << "terraform spanish without kubernetes"
        << "terraform spanish" << list({"terra"}) << list({"terra2", "spanish"}) << list({"Kubernetes"});
}

void TestEverydaySearch::leavingOut()
{
    QFETCH(QString, query);
    QFETCH(QString, without);
    QFETCH(QStringList, left);
    QFETCH(QStringList, kept);
    QFETCH(QStringList, excluded);

    const SearchPage page = search(query);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    const SearchPage all = search(without);
    const QStringList found = Test::usernames(page);
    const QStringList before = Test::usernames(all);
    const QString context = QStringLiteral("query \"%1\" found %2").arg(query, found.mid(0, 12).join(QLatin1Char(' ')));
    for (const QString &username : left) {
        QVERIFY2(before.contains(username), qPrintable(QStringLiteral("%1 is not found without: ").arg(username)));
        QVERIFY2(!found.contains(username), qPrintable(context + QStringLiteral(": ") + username));
    }
    for (const QString &username : kept)
        QVERIFY2(found.contains(username), qPrintable(context + QStringLiteral(": no ") + username));
    // No one comes who was not found without it, and the order stays.
    QCOMPARE(page.total, found.size());
    QCOMPARE(all.total, before.size());
    QStringList stayed = before;
    stayed.removeIf([&](const QString &username) { return !found.contains(username); });
    QCOMPARE(found, stayed);
    QStringList said = page.understood.excluded;
    if (!page.understood.excludedPlaces.isEmpty())
        said.append(QStringLiteral("in ") + page.understood.excludedPlaces.join(QStringLiteral(" / ")));
    QCOMPARE(said, excluded);
    QCOMPARE(page.understood.partial, all.understood.partial);
}

void TestEverydaySearch::withoutVocabulary()
{
    // Without a vocabulary, aliases are plain words (nobody writes "tf"), fillers still go.
    SearchEngine engine(&m_directory.store);
    QCOMPARE(engine.search(QStringLiteral("tf")).total, 0);
    const SearchPage page = engine.search(QStringLiteral("who knows terraform"));
    QCOMPARE(page.total, 3);
    QCOMPARE(page.understood.dropped, list({"who", "knows"}));
}

void TestEverydaySearch::hyphenatedWords()
{
    // "sap-berater": no one writes it so; it is searched as "sap berater", and said so.
    Test::SearchDirectory directory;
    QVERIFY(directory.open({person("sapc", "Sina Pohl", "Senior Consultant", "Köln", {{"SAP", 4}}, "", "Finance-Ops"),
                            person("ecom", "Eda Kaya", "Engineer", "Berlin", {{"Go", 3}}, "Runs our e-commerce shop."),
                            person("frank", "Frank Ernst", "Engineer", "Berlin", {{"SAP", 2}})}));
    const SearchPage apart = directory.engine->search(u"sap-berater"_qs);
    QCOMPARE(Test::usernames(apart), list({"sapc"}));
    QCOMPARE(apart.query, u"sap-berater"_qs);
    QCOMPARE(apart.correctedQuery, u"sap berater"_qs);
    QCOMPARE(apart.corrections.size(), 1);
    QCOMPARE(apart.corrections.first().term, u"sap-berater"_qs);
    QCOMPARE(apart.corrections.first().correction, u"sap berater"_qs);
    // A hyphenated word someone has stays whole; typed literally, nothing is taken apart.
    const SearchPage whole = directory.engine->search(u"e-commerce"_qs);
    QCOMPARE(Test::usernames(whole), list({"ecom"}));
    QVERIFY(whole.correctedQuery.isEmpty());
    SearchRequest literal;
    literal.query = u"sap-berater"_qs;
    literal.literal = true;
    QCOMPARE(directory.engine->search(literal).total, 0);
    // A left-out word and a filter keep their hyphens ("-sap-berater" leaves out that word).
    const SearchPage leftOut = directory.engine->search(u"sap-berater -sap-berater"_qs);
    QCOMPARE(Test::usernames(leftOut), list({"sapc"}));
    QCOMPARE(leftOut.correctedQuery, u"sap berater -sap-berater"_qs);
    const SearchPage filtered = directory.engine->search(u"sap-berater dept:Finance-Ops"_qs);
    QCOMPARE(Test::usernames(filtered), list({"sapc"}));
    QCOMPARE(filtered.correctedQuery, u"sap berater dept:finance-ops"_qs);
}

void TestEverydaySearch::shortForms()
{
    // "ops", "mgr": what titles write in full, and what some write short.
    Test::SearchDirectory directory;
    QVERIFY(directory.open(
        {person("salop", "Sal Oppen", "Sales Operations Manager", "Berlin", {}, "", "Infrastructure"),
         person("opsy", "Ola Svensson", "Ops Lead", "Berlin", {}, "Runs Intra."),
         person("sandy", "Sandy Ray", "Sales Representative", "Berlin", {}, "Sells Intra, our intranet."),
         person("maxg", "Max Grau", "Engineering Manager", "Berlin", {}),
         person("engy", "Eng Yu", "Software Engineer", "Berlin", {}, "Writes Intra."),
         person("vert", "Vera Brandt", "Leiterin", "Berlin", {}, "", "Vertrieb")}));
    const SearchPage ops = directory.engine->search(u"ops"_qs);
    QCOMPARE(Test::usernames(ops), list({"opsy", "salop"}));
    QCOMPARE(ops.understood.terms, list({"operations"}));
    QCOMPARE(ops.understood.aliases, QList<AliasApplied>({AliasApplied {u"ops"_qs, u"operations"_qs}}));
    QCOMPARE(Test::usernames(directory.engine->search(u"sales ops"_qs)), list({"salop"}));
    const SearchPage manager = directory.engine->search(u"engineering mgr"_qs);
    QCOMPARE(Test::usernames(manager), list({"maxg"}));
    // Known, it is no typo of a more common word ("intra").
    const SearchPage infra = directory.engine->search(u"infra"_qs);
    QCOMPARE(Test::usernames(infra), list({"salop"}));
    QVERIFY(infra.corrections.isEmpty());
    // A German department finds its English name too, and itself as written.
    QStringList sales = Test::usernames(directory.engine->search(u"wer ist im Vertrieb"_qs));
    sales.sort();
    QCOMPARE(sales, list({"salop", "sandy", "vert"}));
    // Left out in words, it leaves out the long form too.
    QCOMPARE(Test::usernames(directory.engine->search(u"berlin not ops"_qs)), list({"engy", "maxg", "sandy", "vert"}));
}

void TestEverydaySearch::wordsTypedTogether()
{
    // "security operations" names a department; others have each word in a strong skill, or both
    // words apart.
    Test::SearchDirectory directory;
    QVERIFY(directory.open(
        {person("secdept", "Sam Dee", "Analyst", "Berlin", {}, "", "Security Operations"),
         person("sectitle", "Tia Tee", "Security Operations Lead", "Berlin", {}, "", "IT"),
         person("skills", "Kai Ess", "Engineer", "Berlin", {{"Cloud security", 5}, {"Business operations", 5}}, "",
                "Platform"),
         person("apart", "Ada Part", "Operations Manager", "Berlin", {}, "", "Security"),
         person("peopleops", "Pia Lund", "Partner", "Berlin", {}, "", "People Operations"),
         person("opsmgr", "Sue Port", "Operations Manager", "Berlin", {}, "", "People"),
         person("platmgr", "Lou Kas", "Engineering Manager", "Berlin", {}, "", "Platform Engineering"),
         person("datamgr", "Dee Mann", "Data Engineering Manager", "Berlin", {{"English", 5}}, "", "Data Platform")}));
    QStringList found = Test::usernames(directory.engine->search(u"security operations"_qs));
    QCOMPARE(found.size(), 4);
    QCOMPARE(QSet<QString>(found.cbegin(), found.cbegin() + 2), QSet<QString>({u"secdept"_qs, u"sectitle"_qs}));
    QCOMPARE(found.at(2), u"skills"_qs);
    // In another order the words say nothing together: the skills decide.
    QCOMPARE(Test::usernames(directory.engine->search(u"operations security"_qs)).first(), u"skills"_qs);
    // A short form as its long form says it (the other one's title says "operations" too).
    QCOMPARE(Test::usernames(directory.engine->search(u"people ops"_qs)), list({"peopleops", "opsmgr"}));
    QCOMPARE(Test::usernames(directory.engine->search(u"security operations leads"_qs)).first(), u"sectitle"_qs);
    // Each two next to each other count: the department says "platform eng", the title "eng mgr".
    QCOMPARE(Test::usernames(directory.engine->search(u"platform eng mgr"_qs)), list({"platmgr", "datamgr"}));
}

void TestEverydaySearch::offices()
{
    // Only the office manager's profile says "office".
    Test::SearchDirectory directory;
    QVERIFY(directory.open({person("jalon", "Aiko Mori", "Account Executive", "London", {{"Japanese", 5}}),
                            person("jaoffice", "Ren Sato", "Office Manager", "London", {{"Japanese", 3}}),
                            person("japaris", "Yui Abe", "Designer", "Paris", {{"Japanese", 5}}),
                            person("pylon", "Tom Hill", "Engineer", "London", {{"Python", 4}}),
                            person("pyber", "Jan Kurz", "Engineer", "Berlin", {{"Python", 4}})}));
    QCOMPARE(Test::usernames(directory.engine->search(u"who speaks japanese in the london office"_qs)),
             list({"jalon", "jaoffice"}));
    const SearchPage london = directory.engine->search(u"our London office"_qs);
    QCOMPARE(london.total, 3);
    QCOMPARE(london.understood.place, u"London"_qs);
    QCOMPARE(Test::usernames(directory.engine->search(u"jemand im Berliner Büro, der Python kann"_qs)),
             list({"pyber"}));
    // Who manages an office, not who works in one.
    QCOMPARE(Test::usernames(directory.engine->search(u"london office manager"_qs)), list({"jaoffice"}));
}

void TestEverydaySearch::rolesAreTitles()
{
    // "developers" beside what they know says what they do: a title, not a department or a bio.
    Test::SearchDirectory directory;
    QVERIFY(directory.open(
        {person("dept", "Ann Berg", "Engineering Manager", "Oslo", {{"C++", 5}}, "", "Developer Experience"),
         person("titled", "Ben Cole", "C++ Developer", "Oslo", {{"C++", 5}}, "", "Desktop"),
         person("plain", "Cai Dunn", "Engineer", "Oslo", {{"C++", 5}}, "", "Desktop"),
         person("bio", "Dee Ekin", "Engineer", "Oslo", {{"C++", 5}}, "Works with developers.", "Desktop")}));
    const SearchPage page = directory.engine->search(u"c++ developers"_qs);
    QCOMPARE(Test::usernames(page).first(), u"titled"_qs);
    QCOMPARE(page.results.size(), 4);
    for (qsizetype i = 2; i < page.results.size(); ++i)
        QCOMPARE(page.results[i].score, page.results[1].score);
}

void TestEverydaySearch::realWordsAreNoTypos()
{
    QList<Profile> people;
    for (int i = 0; i < 30; ++i)
        people.append(person(qPrintable(u"p%1"_qs.arg(i)), qPrintable(u"Pat Number%1"_qs.arg(i)), "Analyst", "Oslo",
                             {{"Strategic planning", 3}}));
    Test::SearchDirectory directory;
    QVERIFY(directory.open(people));
    // Two slips, one of them the first letter: a word no one has, not a typo.
    const SearchPage landing = directory.engine->search(u"landing"_qs);
    QVERIFY(landing.corrections.isEmpty());
    QCOMPARE(landing.total, 0);
    // So is one that differs there from the start of a longer word.
    QVERIFY(directory.engine->search(u"alan"_qs).corrections.isEmpty());
    // And one two slips from the start of a longer word, whatever its first letter: "teacher" is
    // no "Tkachenko".
    people.append(person("oleh", "Oleh Tkachenko", "Analyst", "Oslo", {}));
    Test::SearchDirectory withName;
    QVERIFY(withName.open(people));
    const SearchPage teacher = withName.engine->search(u"teacher"_qs);
    QVERIFY2(teacher.corrections.isEmpty(), qPrintable(teacher.correctedQuery));
    QCOMPARE(withName.engine->search(u"tkahc"_qs).correctedQuery, u"tkachenko"_qs); // one slip: a typo
    // Two slips after it, or one anywhere in a whole word, or one after it in a start: a typo.
    for (const QString &typo : {u"pllanniing"_qs, u"ylanning"_qs, u"plsn"_qs}) {
        const SearchPage page = directory.engine->search(typo);
        QCOMPARE(page.corrections.size(), 1);
        QCOMPARE(page.corrections.first().correction, u"planning"_qs);
        QCOMPARE(page.total, 30);
    }
}

void TestEverydaySearch::softSkills()
{
    // "soft skills" is no skill anyone writes, nor software ("soft") or people operations ("people").
    Test::SearchDirectory directory;
    QVERIFY(directory.open({person("mentor", "Ida Lind", "Engineer", "Oslo", {{"Mentoring", 5}}),
                            person("talker", "Bo Dahl", "Account Executive", "Oslo", {{"Negotiation", 4}}),
                            person("coder", "Eli Ross", "Software Engineer", "Oslo", {{"Software architecture", 5}}),
                            person("hr", "Ana Pol", "Partner", "Oslo", {}, "", "People Operations")}));
    for (const QString &query : {u"soft skills"_qs, u"people skills"_qs, u"someone with soft skills in oslo"_qs}) {
        const QStringList found = Test::usernames(directory.engine->search(query));
        QCOMPARE(found, list({"mentor", "talker"}));
    }
}

void TestEverydaySearch::doersFindWhatTheyDo_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("correction"); // empty: none
    QTest::addColumn<QStringList>("found");
    QTest::addRow("photographers") << u"photographers"_qs << u"photography"_qs << list({"shutter"});
    QTest::addRow("a photographer in oslo") << u"a photographer in oslo"_qs << u"photography"_qs << list({"shutter"});
    QTest::addRow("cyclists") << u"cyclists"_qs << u"cycling"_qs << list({"rider"});
    QTest::addRow("guitarist") << u"guitarist"_qs << u"guitar"_qs << list({"strummer"});
    QTest::addRow("runners") << u"runners"_qs << u"running"_qs << list({"jogger"});
    QTest::addRow("musicians") << u"musicians"_qs << u"music"_qs << list({"jogger"});
    // Someone called so is what is asked: the painter, not who paints as a hobby.
    QTest::addRow("painters") << u"painters"_qs << QString() << list({"artisan"});
    // No one does it: nothing to say instead.
    QTest::addRow("climbers") << u"climbers"_qs << QString() << QStringList();
}

void TestEverydaySearch::doersFindWhatTheyDo()
{
    QFETCH(QString, query);
    QFETCH(QString, correction);
    QFETCH(QStringList, found);
    auto hobbyist = [](const char *username, const char *name, QStringList interests) {
        Profile p = person(username, name, "Engineer", "Oslo", {});
        p.interests = std::move(interests);
        return p;
    };
    QList<Profile> people {hobbyist("shutter", "Ida Lind", {u"Photography"_qs}),
                           hobbyist("rider", "Bo Dahl", {u"Cycling"_qs}),
                           hobbyist("strummer", "Eli Ross", {u"Guitar"_qs}),
                           hobbyist("jogger", "Ana Pol", {u"Running"_qs, u"Music"_qs}),
                           hobbyist("dauber", "Kim Berg", {u"Painting"_qs}),
                           person("artisan", "Ola Nord", "Painter", "Oslo", {})};
    for (int i = 0; i < 20; ++i)
        people.append(hobbyist(qPrintable(u"p%1"_qs.arg(i)), qPrintable(u"Pat Number%1"_qs.arg(i)), {u"Chess"_qs}));
    Test::SearchDirectory directory;
    QVERIFY(directory.open(people));
    const SearchPage page = directory.engine->search(query);
    QCOMPARE(Test::usernames(page), found);
    QCOMPARE(page.corrections.isEmpty(), correction.isEmpty());
    if (!correction.isEmpty())
        QCOMPARE(page.corrections.first().correction, correction);
}

void TestEverydaySearch::slipsInWordsThatAsk()
{
    Test::SearchDirectory directory;
    QVERIFY(directory.open({person("tf", "Ida Lind", "Engineer", "Oslo", {{"Terraform", 4}}),
                            person("bo", "Bo Dahl", "Data Engineer", "Oslo", {}, "Expert in database locking.")}));
    // One slip from "knows", "anyone", "speaks": asked, not searched for.
    for (const QString &query : {u"who knws terraform"_qs, u"anyome who knows terraform"_qs}) {
        const SearchPage page = directory.engine->search(query);
        QCOMPARE(Test::usernames(page), list({"tf"}));
        QCOMPARE(page.corrections.size(), 1);
        QCOMPARE(page.understood.terms, list({"terraform"}));
    }
    // A word someone has is that word: "locking" is no "looking".
    const SearchPage locking = directory.engine->search(u"locking in oslo"_qs);
    QCOMPARE(Test::usernames(locking), list({"bo"}));
    QVERIFY(locking.corrections.isEmpty());
    // Alone, or among words that ask, the word is the query: nothing else would be.
    for (const QString &query : {u"knws"_qs, u"who is knws"_qs}) {
        const SearchPage page = directory.engine->search(query);
        QVERIFY(page.corrections.isEmpty() || page.corrections.first().correction != u"knows"_qs);
        QVERIFY(page.understood.terms.contains(u"knws"_qs));
    }
}

void TestEverydaySearch::relatedSkillsSayRelated()
{
    // The kind of match each skill is, by the reasons (skill name, kind), for people found.
    auto skillKinds = [this](const QString &query, const QString &skill) {
        QSet<int> kinds;
        for (const SearchResult &result : search(query).results) {
            for (const MatchReason &reason : result.reasons) {
                if (reason.field == QLatin1String("skill") && reason.value == skill)
                    kinds.insert(int(reason.kind));
            }
        }
        return kinds;
    };
    // Machine learning is what "ml" stands for: both its words are there.
    QCOMPARE(skillKinds(u"ml"_qs, u"Machine learning"_qs), QSet<int> {int(MatchReason::Kind::Exact)});
    // The vocabulary calls VBA "Excel macros" too, and relates Excel to it; Excel alone is no
    // "Excel macros". Who knows Excel is found as a related match, and says so.
    QCOMPARE(skillKinds(u"vba"_qs, u"Excel"_qs), QSet<int> {int(MatchReason::Kind::Related)});
    // The page says so: no match for VBA, so its related skills.
    const SearchPage vba = search(u"need help with excel macros"_qs);
    QVERIFY(vba.total > 0);
    QCOMPARE(vba.understood.noMatch, vba.understood.terms.indexOf(u"vba"_qs));
    QVERIFY(vba.understood.noMatch >= 0);
    QCOMPARE(vba.understood.relatedSkills, QStringList {u"Excel"_qs});
    const QJsonObject json = toJson(vba).value(u"understood"_qs).toObject();
    QCOMPARE(json.value(u"no_match"_qs), QJsonValue(u"vba"_qs));
    QCOMPARE(json.value(u"related_skills"_qs).toArray(), QJsonArray {u"Excel"_qs});
    QCOMPARE(vba.understood.describe(UnderstoodQuery::Detail::Names),
             QStringList {u"no match for VBA, so related skills: Excel"_qs});
    // Found without them: nothing to say.
    const SearchPage excel = search(u"excel"_qs);
    QCOMPARE(excel.understood.noMatch, -1);
    QVERIFY(toJson(excel).value(u"understood"_qs).toObject().value(u"no_match"_qs).isNull());
    QVERIFY(excel.understood.relatedSkills.isEmpty());
    // The words of a several-word name may be parts of one hyphenated word.
    Test::SearchDirectory hyphens;
    QVERIFY(hyphens.open(
        {person("mlbio", "Mira Lund", "Engineer", "Oslo", {{"Go", 3}}, "Builds machine-learning pipelines.")}));
    const SearchPage ml = hyphens.engine->search(u"ml"_qs);
    QCOMPARE(Test::usernames(ml), list({"mlbio"}));
    const auto bio = std::find_if(ml.results[0].reasons.cbegin(), ml.results[0].reasons.cend(),
                                  [](const MatchReason &r) { return r.field == QLatin1String("bio"); });
    QVERIFY(bio != ml.results[0].reasons.cend());
    QCOMPARE(bio->kind, MatchReason::Kind::Exact);
    // The closest matches (no one is both): some have Kubernetes itself.
    const SearchPage closest = search(u"kubernetes laine"_qs);
    QVERIFY(closest.partial);
    QCOMPARE(closest.understood.noMatch, -1);
    // Two terms found by their related skills: which one a person lacks is no one sentence.
    const SearchPage both = search(u"vba kubernetes"_qs);
    QVERIFY(both.total > 0);
    QVERIFY(!both.partial);
    QCOMPARE(both.understood.noMatch, -1);
}

QTEST_GUILESS_MAIN(TestEverydaySearch)
#include "tst_everydaysearch.moc"
