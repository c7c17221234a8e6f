// SPDX-License-Identifier: MIT
#include "client/search/QueryUnderstanding.h"
#include "client/search/SearchQuery.h"
#include "core/TextFold.h"
#include "core/Vocabulary.h"
#include "tests/support/List.h"

#include <QTest>

using namespace Colleagues;
using Colleagues::Test::list;

namespace {

QStringList words(const char *text)
{
    return foldText(QString::fromUtf8(text)).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

//! Term::name() of each term; a place as "@name", a term left out as "-name".
QStringList termNames(const QueryUnderstanding::Result &read)
{
    QStringList out;
    for (const QueryUnderstanding::Term &term : read.terms)
        out.append((term.excluded ? QStringLiteral("-") : QString()) + (term.place ? QStringLiteral("@") : QString())
                   + term.name());
    return out;
}

} // namespace

class TestQueryUnderstanding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void understand_data();
    void understand();
    void withoutVocabulary();
    void wordLists();
    void anyOf();
    void negations_data();
    void negations();
    void levels_data();
    void levels();
    void roleWords();
    void availableNow();
    void shortForms();
    void offices_data();
    void offices();
    void beginners();
    void reportsTo_data();
    void reportsTo();
    void leaders_data();
    void leaders();
    void possessive_data();
    void possessive();

private:
    Vocabulary m_vocabulary;
};

void TestQueryUnderstanding::initTestCase()
{
    const auto parsed = Vocabulary::parse(QStringLiteral("skill Terraform | tf, HCL ~ Pulumi\n"
                                                         "skill JavaScript | js ~ TypeScript\n"
                                                         "skill Machine learning | ML\n"
                                                         "skill Spanish | Español, Spanisch\n"
                                                         "skill Kubernetes | k8s ~ Docker\n"
                                                         "place Bengaluru | Bangalore\n"
                                                         "place New York | NYC\n"
                                                         "place Cologne | Köln\n"
                                                         "skill Public relations | PR\n"
                                                         "skill Running | marathons\n"
                                                         "skill Workflow automation | no code\n"
                                                         "skill Facilities management | office move\n"
                                                         "skill Code review | code reviews\n"
                                                         "title Chief Technology Officer | CTO\n"
                                                         "title VP of Engineering | VP Engineering\n"));
    QVERIFY2(parsed.hasValue(), parsed ? "" : qPrintable(parsed.error().message));
    m_vocabulary = parsed.value();
}

void TestQueryUnderstanding::understand_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("terms"); // Term::name() of each term, place terms as "@name"
    QTest::addColumn<QStringList>("aliases"); // "from>to" of the alias terms
    QTest::addColumn<QStringList>("dropped");
    QTest::addColumn<bool>("experts");

    const QStringList none;
    QTest::addRow("plain words") << "python berlin" << list({"python", "berlin"}) << none << none << false;
    QTest::addRow("alias") << "tf" << list({"terraform"}) << list({"tf>Terraform"}) << none << false;
    QTest::addRow("canonical is no alias") << "terraform" << list({"terraform"}) << none << none << false;
    QTest::addRow("multi-word skill") << "machine learning" << list({"machine learning"}) << none << none << false;
    QTest::addRow("question") << "who can help with terraform" << list({"terraform"}) << none
                              << list({"who", "can", "help", "with"}) << false;
    QTest::addRow("who knows") << "who knows js" << list({"javascript"}) << list({"js>JavaScript"})
                               << list({"who", "knows"}) << false;
    QTest::addRow("expert in place") << "python expert in london" << list({"python", "@london"}) << none << none
                                     << true;
    QTest::addRow("place alias after in")
        << "anyone in bangalore" << list({"@bengaluru"}) << list({"bangalore>Bengaluru"}) << list({"anyone"}) << false;
    QTest::addRow("multi-word place") << "designers in new york" << list({"designers", "@new york"}) << none << none
                                      << false;
    QTest::addRow("in before no place is dropped")
        << "expert in python" << list({"python"}) << none << list({"in"}) << true;
    QTest::addRow("speaking") << "anyone speaking spanish" << list({"spanish"}) << none << list({"anyone", "speaking"})
                              << false;
    QTest::addRow("german alias") << "jemand der spanisch spricht" << list({"spanish"}) << list({"spanisch>Spanish"})
                                  << list({"jemand", "der", "spricht"}) << false;
    QTest::addRow("german question") << "wer kennt sich mit kubernetes aus" << list({"kubernetes"}) << none
                                     << list({"wer", "kennt", "sich", "mit", "aus"}) << false;
    QTest::addRow("german place") << "python experte aus köln" << list({"python", "@cologne"}) << list({"koln>Cologne"})
                                  << none << true;
    QTest::addRow("hilft bei") << "wer hilft bei terraform" << list({"terraform"}) << none
                               << list({"wer", "hilft", "bei"}) << false;
    QTest::addRow("senior") << "senior k8s" << list({"kubernetes"}) << list({"k8s>Kubernetes"}) << none << true;
    QTest::addRow("lead and guru") << "rust guru" << list({"rust"}) << none << none << true;
    QTest::addRow("wizard") << "terraform wizard" << list({"terraform"}) << none << none << true;
    // "best" was corrected to "test" and had to match.
    QTest::addRow("best") << "the best python person" << list({"python"}) << none << list({"the", "person"}) << true;
    QTest::addRow("top") << "top k8s people" << list({"kubernetes"}) << list({"k8s>Kubernetes"}) << list({"people"})
                         << true;
    QTest::addRow("experienced") << "erfahrene sap leute" << list({"sap"}) << none << list({"leute"}) << true;
    QTest::addRow("who to ask") << "who to ask about k8s" << list({"kubernetes"}) << list({"k8s>Kubernetes"})
                                << list({"who", "to", "ask", "about"}) << false;
    QTest::addRow("the most") << "who knows the most about k8s" << list({"kubernetes"}) << list({"k8s>Kubernetes"})
                              << list({"who", "knows", "the", "about"}) << true;
    QTest::addRow("looking for") << "looking for someone good at ml" << list({"machine learning"})
                                 << list({"ml>Machine learning"}) << list({"looking", "for", "someone", "good", "at"})
                                 << false;
    QTest::addRow("only stop words count") << "the who" << list({"the", "who"}) << none << none << false;
    QTest::addRow("a stop word that is a name")
        << "will terraform" << list({"will", "terraform"}) << none << none << false;
    QTest::addRow("a name after a filler") << "who is will" << list({"will"}) << none << list({"who", "is"}) << false;
    QTest::addRow("symbols kept") << "who knows c++" << list({"c++"}) << none << list({"who", "knows"}) << false;
    QTest::addRow("directory place") << "qa in lagos" << list({"qa", "@lagos"}) << none << none << false;
    // Places that are each other's alternatives need no "in"; a place alone does.
    QTest::addRow("places or places") << "qa london or lagos" << list({"qa", "@london", "@lagos"}) << none << none
                                      << false;
    QTest::addRow("places or in places") << "london or in new york" << list({"@london", "@new york"}) << none << none
                                         << false;
    QTest::addRow("a list of places") << "qa london lagos or new york" << list({"qa", "@london", "@lagos", "@new york"})
                                      << none << none << false;
    QTest::addRow("a place or a skill") << "london or qa" << list({"london", "qa"}) << none << none << false;
    QTest::addRow("people in") << "people in finance" << list({"finance"}) << none << list({"people", "in"}) << false;
    QTest::addRow("people last") << "k8s folks" << list({"kubernetes"}) << list({"k8s>Kubernetes"}) << list({"folks"})
                                 << false;
    QTest::addRow("colleagues who") << "colleagues who speak spanish" << list({"spanish"}) << none
                                    << list({"colleagues", "who", "speak"}) << false;
    QTest::addRow("german colleagues") << "kollegen aus köln" << list({"@cologne"}) << list({"koln>Cologne"})
                                       << list({"kollegen"}) << false;
    QTest::addRow("people names a department")
        << "people operations" << list({"people", "operations"}) << none << none << false;
    QTest::addRow("staff names a title") << "staff engineer in lagos" << list({"staff", "engineer", "@lagos"}) << none
                                         << none << false;
    QTest::addRow("only people") << "people" << list({"people"}) << none << none << false;
    QTest::addRow("the sales team") << "who is on the sales team" << list({"sales"}) << none
                                    << list({"who", "is", "on", "the", "team"}) << false;
    QTest::addRow("team lead") << "team lead" << list({"team"}) << none << none << true;
    QTest::addRow("people lead") << "people lead in lagos" << list({"people", "@lagos"}) << none << none << true;
    // "native" is a level here (everydaysearch's fluency()), the speakers ask for no one else.
    QTest::addRow("speakers") << "native spanish speakers" << list({"spanish"}) << none << list({"speakers"}) << false;
    QTest::addRow("who handles") << "who handles terraform" << list({"terraform"}) << none << list({"who", "handles"})
                                 << false;
    QTest::addRow("contact for") << "contact for gdpr" << list({"gdpr"}) << none << list({"contact", "for"}) << false;
    QTest::addRow("contact names a department")
        << "contact center" << list({"contact", "center"}) << none << none << false;
    QTest::addRow("ansprechpartner") << "ansprechpartner für sap" << list({"sap"}) << none
                                     << list({"ansprechpartner", "fur"}) << false;
    QTest::addRow("ansprechpartnerin topic")
        << "ansprechpartnerin terraform" << list({"terraform"}) << none << list({"ansprechpartnerin"}) << false;
    QTest::addRow("but also") << "python but also sql" << list({"python", "sql"}) << none << list({"but", "also"})
                              << false;
    // Years of experience: the most experienced first (the directory says levels, not years).
    QTest::addRow("for n years") << "who has done kubernetes for 5 years" << list({"kubernetes"}) << none
                                 << list({"who", "has", "done", "for"}) << true;
    QTest::addRow("n+ years of") << "10+ years of java" << list({"java"}) << none << list({"of"}) << true;
    QTest::addRow("seit n jahren") << "seit 3 jahren python" << list({"python"}) << none << list({"seit"}) << true;
    QTest::addRow("a year that is no duration")
        << "year end closing" << list({"year", "end", "closing"}) << none << none << false;
    QTest::addRow("a number that is no duration") << "office 365" << list({"office", "365"}) << none << none << false;
    // What people like: their interests, which the words search anyway.
    QTest::addRow("interested in") << "interested in chess" << list({"chess"}) << none << list({"interested", "in"})
                                   << false;
    QTest::addRow("who likes") << "who likes hiking" << list({"hiking"}) << none << list({"who", "likes"}) << false;
    QTest::addRow("german zuständig") << "wer ist zuständig für terraform" << list({"terraform"}) << none
                                      << list({"wer", "ist", "zustandig", "fur"}) << false;
    // Words for what is known, after it or before a word that asks: nothing more.
    QTest::addRow("skills after") << "terraform skills" << list({"terraform"}) << none << list({"skills"}) << false;
    QTest::addRow("knowledge of") << "knowledge of k8s" << list({"kubernetes"}) << list({"k8s>Kubernetes"})
                                  << list({"knowledge", "of"}) << false;
    QTest::addRow("kenntnisse in place") << "python kenntnisse in köln" << list({"python", "@cologne"})
                                         << list({"koln>Cologne"}) << list({"kenntnisse"}) << false;
    QTest::addRow("proficient") << "proficient in js" << list({"javascript"}) << list({"js>JavaScript"})
                                << list({"proficient", "in"}) << false;
    QTest::addRow("knowledge names something")
        << "knowledge management" << list({"knowledge", "management"}) << none << none << false;
    QTest::addRow("skills alone") << "skills" << list({"skills"}) << none << none << false;
    // What one asks about something is no more than the thing.
    QTest::addRow("a question") << "gdpr question" << list({"gdpr"}) << none << list({"question"}) << false;
    QTest::addRow("our system") << "someone who knows our payroll system" << list({"payroll"}) << none
                                << list({"someone", "who", "knows", "our", "system"}) << false;
    QTest::addRow("system names something") << "system design" << list({"system", "design"}) << none << none << false;
    QTest::addRow("both") << "who speaks both spanish and german" << list({"spanish", "german"}) << none
                          << list({"who", "speaks", "both", "and"}) << false;
    QTest::addRow("talk to about something new")
        << "who do i talk to about a new contract" << list({"contract"}) << none
        << list({"who", "do", "i", "talk", "to", "about", "a", "new"}) << false;
    QTest::addRow("new alone") << "new" << list({"new"}) << none << none << false;
    QTest::addRow("used before") << "anyone used snowflake before" << list({"snowflake"}) << none
                                 << list({"anyone", "used", "before"}) << false;
    QTest::addRow("who built") << "who built our terraform" << list({"terraform"}) << none
                               << list({"who", "built", "our"}) << false;
    QTest::addRow("give a talk") << "someone to give a talk about ml" << list({"machine learning"})
                                 << list({"ml>Machine learning"})
                                 << list({"someone", "to", "give", "a", "talk", "about"}) << false;
    QTest::addRow("players") << "chess players" << list({"chess"}) << none << list({"players"}) << false;
    QTest::addRow("bilingual") << "bilingual spanish" << list({"spanish"}) << none << list({"bilingual"}) << false;
    QTest::addRow("workers") << "remote workers" << list({"remote"}) << none << list({"workers"}) << false;
    QTest::addRow("fix") << "who can fix our wifi" << list({"wifi"}) << none << list({"who", "can", "fix", "our"})
                         << false;
    QTest::addRow("kümmert sich um") << "wer kümmert sich um laptops" << list({"laptops"}) << none
                                     << list({"wer", "kummert", "sich", "um"}) << false;
    QTest::addRow("former") << "former consultants" << list({"consultants"}) << none << list({"former"}) << false;
    QTest::addRow("certified") << "who is certified in terraform" << list({"terraform"}) << none
                               << list({"who", "is", "certified", "in"}) << false;
    QTest::addRow("certification") << "k8s certification" << list({"kubernetes"}) << list({"k8s>Kubernetes"})
                                   << list({"certification"}) << false;
    QTest::addRow("broken") << "wifi broken" << list({"wifi"}) << none << list({"broken"}) << false;
    QTest::addRow("macht") << "wer macht die gehaltsabrechnung" << list({"gehaltsabrechnung"}) << none
                           << list({"wer", "macht", "die"}) << false;
    QTest::addRow("today") << "who is in the london office today" << list({"@london"}) << none
                           << list({"who", "is", "today"}) << false;
    QTest::addRow("how") << "how do i set up terraform" << list({"terraform"}) << none
                         << list({"how", "do", "i", "set", "up"}) << false;
    QTest::addRow("point of contact") << "point of contact for payroll" << list({"payroll"}) << none
                                      << list({"point", "of", "contact", "for"}) << false;
    QTest::addRow("go-to person") << "go-to person for terraform" << list({"terraform"}) << none
                                  << list({"go-to", "person", "for"}) << false;
    QTest::addRow("sme") << "sme for terraform" << list({"terraform"}) << none << list({"for"}) << true;
    QTest::addRow("subject matter expert")
        << "subject matter expert terraform" << list({"terraform"}) << none << list({"subject", "matter"}) << true;
    QTest::addRow("fans") << "chess fans" << list({"chess"}) << none << list({"fans"}) << false;
    QTest::addRow("owners") << "dog owners" << list({"dog"}) << none << list({"owners"}) << false;
    QTest::addRow("an owner of") << "owner of our terraform" << list({"terraform"}) << none
                                 << list({"owner", "of", "our"}) << false;
    QTest::addRow("the guy") << "the terraform guy" << list({"terraform"}) << none << list({"the", "guy"}) << false;
    QTest::addRow("really good") << "someone really good at terraform asap" << list({"terraform"}) << none
                                 << list({"someone", "really", "good", "at", "asap"}) << false;
    QTest::addRow("review") << "who could review our terraform" << list({"terraform"}) << none
                            << list({"who", "could", "review", "our"}) << false;
    // A change to review asks for no more than what it is about; "pr" alone is public relations.
    QTest::addRow("review a pr") << "who could review my terraform PR" << list({"terraform"}) << none
                                 << list({"who", "could", "review", "my", "pr"}) << false;
    QTest::addRow("approve a merge request") << "approve a terraform merge request" << list({"terraform"}) << none
                                             << list({"approve", "a", "merge", "request"}) << false;
    // A change to review and nothing it is about: code review (and "will" opens the question).
    QTest::addRow("review a pr about nothing") << "will someone review my pull request" << list({"code review"}) << none
                                               << list({"will", "someone", "review", "my", "pull", "request"}) << false;
    QTest::addRow("reviewen") << "kann jemand meinen pr reviewen" << list({"code review"}) << none
                              << list({"kann", "jemand", "meinen", "pr", "reviewen"}) << false;
    QTest::addRow("pr alone") << "terraform pr" << list({"terraform", "public relations"})
                              << list({"pr>Public relations"}) << none << false;
    QTest::addRow("sign") << "who can sign an nda" << list({"nda"}) << none << list({"who", "can", "sign", "an"})
                          << false;
    QTest::addRow("expired") << "my password expired" << list({"password"}) << none << list({"my", "expired"}) << false;
    QTest::addRow("one thing twice") << "tf hcl" << list({"terraform"}) << list({"tf>Terraform"}) << none << false;
    QTest::addRow("slow") << "my terraform is slow" << list({"terraform"}) << none << list({"my", "is", "slow"})
                          << false;
    QTest::addRow("orders") << "who orders pizza" << list({"pizza"}) << none << list({"who", "orders"}) << false;
    QTest::addRow("maintains") << "who maintains terraform" << list({"terraform"}) << none << list({"who", "maintains"})
                               << false;
    QTest::addRow("looks after") << "who looks after terraform" << list({"terraform"}) << none
                                 << list({"who", "looks", "after"}) << false;
    QTest::addRow("after alone") << "terraform after hours" << list({"terraform", "after", "hours"}) << none << none
                                 << false;
    QTest::addRow("prepare") << "prepare a terraform demo" << list({"terraform", "demo"}) << none
                             << list({"prepare", "a"}) << false;
    QTest::addRow("setup") << "python setup" << list({"python"}) << none << list({"setup"}) << false;
    QTest::addRow("move") << "who can move my desk" << list({"desk"}) << none << list({"who", "can", "move", "my"})
                          << false;
    QTest::addRow("grab") << "who wants to grab coffee" << list({"coffee"}) << none
                          << list({"who", "wants", "to", "grab"}) << false;
    QTest::addRow("fills out") << "who fills out terraform forms" << list({"terraform", "forms"}) << none
                               << list({"who", "fills", "out"}) << false;
    QTest::addRow("out alone") << "out terraform" << list({"out", "terraform"}) << none << none << false;
    QTest::addRow("pays") << "who pays invoices" << list({"invoices"}) << none << list({"who", "pays"}) << false;
    QTest::addRow("in-house") << "in-house terraform" << list({"terraform"}) << none << list({"in-house"}) << false;
    QTest::addRow("writes") << "who writes terraform" << list({"terraform"}) << none << list({"who", "writes"})
                            << false;
    QTest::addRow("use") << "who knows how to use terraform" << list({"terraform"}) << none
                         << list({"who", "knows", "how", "to", "use"}) << false;
    QTest::addRow("teach") << "who can teach me terraform" << list({"terraform"}) << none
                           << list({"who", "can", "teach", "me"}) << false;
    QTest::addRow("geht nicht") << "wlan geht nicht" << list({"wlan"}) << none << list({"geht", "nicht"}) << false;
    QTest::addRow("sets up") << "who sets up laptops" << list({"laptops"}) << none << list({"who", "sets", "up"})
                             << false;
    QTest::addRow("a service") << "who owns the billing service" << list({"billing"}) << none
                               << list({"who", "owns", "the", "service"}) << false;
    QTest::addRow("service before a word") << "service design" << list({"service", "design"}) << none << none << false;
    QTest::addRow("queries") << "sql queries" << list({"sql"}) << none << list({"queries"}) << false;
    QTest::addRow("champion") << "accessibility champion" << list({"accessibility"}) << none << none << true;
    QTest::addRow("services") << "professional services" << list({"professional", "services"}) << none << none << false;
    QTest::addRow("new starts a place") << "new york designers" << list({"new york", "designers"}) << none << none
                                        << false;
    // Short forms the understanding reads itself.
    QTest::addRow("sr") << "sr python engineer" << list({"python", "engineer"}) << none << none << true;
    QTest::addRow("dept") << "finance dept" << list({"finance"}) << none << list({"department"}) << false;
}

void TestQueryUnderstanding::understand()
{
    QFETCH(QString, query);
    QFETCH(QStringList, terms);
    QFETCH(QStringList, aliases);
    QFETCH(QStringList, dropped);
    QFETCH(bool, experts);

    const QueryUnderstanding understanding(
        &m_vocabulary, [](const QString &word) { return word == QLatin1String("will"); },
        [](const QString &word) { return word == QLatin1String("lagos") || word == QLatin1String("london"); });
    const QueryUnderstanding::Result result = understanding.understand(words(query.toUtf8().constData()));
    QStringList names;
    QStringList applied;
    for (const QueryUnderstanding::Term &term : result.terms) {
        names.append((term.place ? QStringLiteral("@") : QString()) + term.name());
        if (term.isAlias())
            applied.append(term.text() + QLatin1Char('>') + term.entry->canonical);
    }
    QCOMPARE(names, terms);
    QCOMPARE(applied, aliases);
    QCOMPARE(result.dropped, dropped);
    QCOMPARE(result.expertsFirst, experts);
}

void TestQueryUnderstanding::withoutVocabulary()
{
    // No vocabulary and no directory: fillers still go, words stay words.
    const QueryUnderstanding understanding;
    const auto result = understanding.understand(words("who knows tf in bangalore"));
    QCOMPARE(result.terms.size(), 2);
    QCOMPARE(result.terms[0].name(), QStringLiteral("tf"));
    QVERIFY(!result.terms[0].entry);
    QCOMPARE(result.terms[1].name(), QStringLiteral("bangalore"));
    QVERIFY(!result.terms[1].place); // not known as a place
    QCOMPARE(result.dropped, list({"who", "knows", "in"}));

    // A filler that is a name is kept, but need not match unless it is all there is.
    const QueryUnderstanding names(
        nullptr, [](const QString &word) { return word == QLatin1String("can") || word == QLatin1String("will"); });
    const auto can = names.understand(words("can terraform"));
    QCOMPARE(can.terms.size(), 2);
    QVERIFY(can.terms[0].optional);
    QVERIFY(!can.terms[1].optional);
    const auto alone = names.understand(words("who can"));
    QCOMPARE(alone.terms.size(), 1);
    QVERIFY(!alone.terms[0].optional);
    // Before a place too: it may be who is asked for.
    const auto willThere = names.understand(words("who is will in berlin"));
    QCOMPARE(willThere.terms.size(), 2);
    QCOMPARE(willThere.terms[0].name(), QStringLiteral("will"));
    QVERIFY(willThere.terms[0].optional);
    QCOMPARE(willThere.dropped, list({"who", "is", "in"}));
    // Followed by more of the question, it is a question word: "who can help" names no Can.
    const auto question = names.understand(words("who can help with terraform"));
    QCOMPARE(question.terms.size(), 1);
    QCOMPARE(question.terms[0].name(), QStringLiteral("terraform"));
    QCOMPARE(question.dropped, list({"who", "can", "help", "with"}));
    const auto willKnow = names.understand(words("who will know kubernetes"));
    QCOMPARE(willKnow.terms.size(), 1);
    QCOMPARE(willKnow.dropped, list({"who", "will", "know"}));
    // Right after "who", the word after it is what is asked: "who can translate" names no Can.
    const auto canTranslate = names.understand(words("who can translate"));
    QCOMPARE(canTranslate.terms.size(), 1);
    QCOMPARE(canTranslate.terms[0].name(), QStringLiteral("translate"));
    QCOMPARE(canTranslate.dropped, list({"who", "can"}));
    // Elsewhere a name before what is asked is someone it may be ("can terraform" above).
    const auto isCan = names.understand(words("is can terraform"));
    QCOMPARE(isCan.terms.size(), 2);
    QVERIFY(isCan.terms[0].optional);
    // Unless nothing else is asked for: then the name is.
    const auto canHelp = names.understand(words("can help"));
    QCOMPARE(canHelp.terms.size(), 1);
    QCOMPARE(canHelp.terms[0].name(), QStringLiteral("can"));
    QVERIFY(!canHelp.terms[0].optional);
    QCOMPARE(canHelp.dropped, list({"help"}));

    // With filters, a query may keep no words: "expert" only ranks.
    const auto filtered = understanding.understand(words("expert"), true);
    QVERIFY(filtered.terms.isEmpty());
    QVERIFY(filtered.expertsFirst);
    // Beside what is asked for, an expert word may be a word of the title asked for too.
    const auto senior = understanding.understand(words("senior python lead"));
    QCOMPARE(senior.qualifiers, list({"senior", "lead"}));
    QVERIFY(senior.dropped.isEmpty()); // understood: experts first
    QVERIFY(senior.expertsFirst);
    // Without, the word is the query.
    const auto expert = understanding.understand(words("expert"));
    QCOMPARE(expert.terms.size(), 1);
    QVERIFY(!expert.expertsFirst);
    QVERIFY(expert.dropped.isEmpty());
    QVERIFY(expert.qualifiers.isEmpty());
}

void TestQueryUnderstanding::wordLists()
{
    QVERIFY(QueryUnderstanding::isFillerWord(u"who"));
    QVERIFY(QueryUnderstanding::isFillerWord(u"jemand"));
    QVERIFY(!QueryUnderstanding::isFillerWord(u"people")); // a department
    QVERIFY(!QueryUnderstanding::isFillerWord(u"it"));
    QVERIFY(QueryUnderstanding::isExpertWord(u"experte"));
    QVERIFY(!QueryUnderstanding::isExpertWord(u"python"));
    QVERIFY(QueryUnderstanding::isPlacePreposition(u"aus"));
    QVERIFY(!QueryUnderstanding::isPlacePreposition(u"with"));
    QCOMPARE(QueryUnderstanding::fillerTypo(u"knws"), u"knows"_qs);
    QCOMPARE(QueryUnderstanding::fillerTypo(u"anyome"), u"anyone"_qs);
    QCOMPARE(QueryUnderstanding::fillerTypo(u"speeks"), u"speaks"_qs);
    QVERIFY(QueryUnderstanding::fillerTypo(u"knows").isEmpty()); // a filler itself
    QVERIFY(QueryUnderstanding::fillerTypo(u"kotlin").isEmpty()); // no filler near
    QVERIFY(QueryUnderstanding::fillerTypo(u"fho").isEmpty()); // "who": too short to tell
    QVERIFY(QueryUnderstanding::fillerTypo(u"same").isEmpty()); // "some": too short, and in "same time zone"
    QVERIFY(QueryUnderstanding::fillerTypo(u"lease").isEmpty()); // "least": likewise
    QVERIFY(QueryUnderstanding::fillerTypo(u"gnows").isEmpty()); // the first letter differs
}

void TestQueryUnderstanding::anyOf()
{
    const QueryUnderstanding understanding(&m_vocabulary);
    const auto either = understanding.understand(words("python or go"));
    QVERIFY(either.anyOf);
    QCOMPARE(either.terms.size(), 2);
    QVERIFY(either.dropped.isEmpty()); // understood: alternatives
    const auto german = understanding.understand(words("wer kennt tf oder k8s in bangalore"));
    QVERIFY(german.anyOf);
    QCOMPARE(german.terms.size(), 3); // the place is no alternative, and must hold
    QVERIFY(german.terms[2].place);
    // One thing asked for is no choice; neither is a query without "or".
    const auto dangling = understanding.understand(words("python or"));
    QVERIFY(!dangling.anyOf);
    QCOMPARE(dangling.dropped, list({"or"})); // an "or" that makes no choice means nothing
    QVERIFY(!understanding.understand(words("python in new york or")).anyOf);
    QVERIFY(!understanding.understand(words("python go")).anyOf);
}

void TestQueryUnderstanding::negations_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("terms"); // Term::name(), places as "@name", what is left out after a "-"
    QTest::addColumn<QStringList>("dropped");
    QTest::addColumn<bool>("anyOf");

    const QStringList none;
    QTest::addRow("but not") << "python but not java" << list({"python", "-java"}) << none << false;
    QTest::addRow("and not") << "python and not java" << list({"python", "-java"}) << none << false;
    QTest::addRow("without") << "terraform without k8s" << list({"terraform", "-kubernetes"}) << none << false;
    QTest::addRow("a phrase") << "python except machine learning" << list({"python", "-machine learning"}) << none
                              << false;
    QTest::addRow("several") << "python without java or js" << list({"python", "-java", "-javascript"}) << none
                             << false;
    QTest::addRow("neither nor") << "neither java nor go" << list({"-java", "-go"}) << none << false;
    // A phrase of the vocabulary that starts with the word is the phrase.
    QTest::addRow("no code") << "no code" << list({"workflow automation"}) << none << false;
    QTest::addRow("no code and more") << "no code python" << list({"workflow automation", "python"}) << none << false;
    QTest::addRow("and goes on only right after")
        << "python and java without go" << list({"python", "java", "-go"}) << list({"and"}) << false;
    QTest::addRow("after a question") << "who does not know js" << list({"-javascript"})
                                      << list({"who", "does", "know"}) << false;
    QTest::addRow("a place") << "python not in london" << list({"python", "-@london"}) << none << false;
    QTest::addRow("places") << "designers not in london or lagos" << list({"designers", "-@london", "-@lagos"}) << none
                            << false;
    QTest::addRow("a place goes on after and")
        << "python without java and in london" << list({"python", "-java", "@london"}) << list({"and"}) << false;
    QTest::addRow("alternatives") << "python or go without java" << list({"python", "go", "-java"}) << none << true;
    QTest::addRow("german ohne") << "wer kennt python aber nicht java" << list({"python", "-java"})
                                 << list({"wer", "kennt"}) << false;
    QTest::addRow("german weder noch") << "weder java noch go" << list({"-java", "-go"}) << none << false;
    QTest::addRow("german kein") << "sap berater ohne englisch" << list({"sap", "berater", "-englisch"}) << none
                                 << false;
    QTest::addRow("outside") << "spanish speakers outside london" << list({"spanish", "-@london"}) << list({"speakers"})
                             << false;
    QTest::addRow("outside of") << "python outside of london or lagos" << list({"python", "-@london", "-@lagos"})
                                << none << false;
    QTest::addRow("german außerhalb") << "python außerhalb von new york" << list({"python", "-@new york"}) << none
                                      << false;
    QTest::addRow("outside no place") << "outside sales" << list({"outside", "sales"}) << none << false;
    // A negation followed by nothing to leave out asks for nothing.
    QTest::addRow("at the end") << "python not" << list({"python"}) << list({"not"}) << false;
    QTest::addRow("before availability") << "python not available now" << list({"python"}) << list({"not"}) << false;
    QTest::addRow("nothing after availability")
        << "not available now python" << list({"python"}) << list({"not"}) << false;
    QTest::addRow("twice") << "python not without java" << list({"python", "-java"}) << list({"not"}) << false;
    QTest::addRow("alone it is a word") << "not" << list({"not"}) << none << false;
    // A name that is a negation word is someone.
    QTest::addRow("a name") << "kein terraform" << list({"kein", "terraform"}) << none << false;
}

void TestQueryUnderstanding::negations()
{
    QFETCH(QString, query);
    QFETCH(QStringList, terms);
    QFETCH(QStringList, dropped);
    QFETCH(bool, anyOf);
    const QueryUnderstanding understanding(
        &m_vocabulary, [](const QString &word) { return word == QLatin1String("kein"); },
        [](const QString &word) { return word == QLatin1String("lagos") || word == QLatin1String("london"); });
    const QueryUnderstanding::Result result = understanding.understand(words(query.toUtf8().constData()));
    QCOMPARE(termNames(result), terms);
    QCOMPARE(result.dropped, dropped);
    QCOMPARE(result.anyOf, anyOf);
    QCOMPARE(result.availableFirst, query.contains(QLatin1String("available")));
}

void TestQueryUnderstanding::levels_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("level");
    QTest::addColumn<QStringList>("terms");
    QTest::addColumn<QStringList>("dropped");

    const QStringList none;
    QTest::addRow("level n") << "kubernetes level 5" << 5 << list({"kubernetes"}) << none;
    QTest::addRow("n/5") << "python 4/5" << 4 << list({"python"}) << none;
    QTest::addRow("n+") << "terraform lvl 3+" << 3 << list({"terraform"}) << none;
    QTest::addRow("at least") << "who knows go at least level 4" << 4 << list({"go"}) << list({"who", "knows"});
    QTest::addRow("or higher") << "python level 3 or higher" << 3 << list({"python"}) << none;
    QTest::addRow("german") << "sap mindestens stufe 4 oder besser" << 4 << list({"sap"}) << none;
    QTest::addRow("the higher of two") << "level 2 python level 4 go" << 4 << list({"python", "go"}) << none;
    QTest::addRow("alone: any skill at it") << "level 5" << 5 << none << none;
    QTest::addRow("no number") << "level design" << 0 << list({"level", "design"}) << none;
    QTest::addRow("no such level") << "level 6 python" << 0 << list({"level", "6", "python"}) << none;
    QTest::addRow("a number alone is a word") << "python 3" << 0 << list({"python", "3"}) << none;
    QTest::addRow("not out of five") << "python 4/6" << 0 << list({"python", "4/6"}) << none;
}

void TestQueryUnderstanding::levels()
{
    QFETCH(QString, query);
    QFETCH(int, level);
    QFETCH(QStringList, terms);
    QFETCH(QStringList, dropped);
    const QueryUnderstanding understanding(&m_vocabulary);
    const QueryUnderstanding::Result result = understanding.understand(words(query.toUtf8().constData()));
    QCOMPARE(result.minLevel, level);
    QCOMPARE(termNames(result), terms);
    QCOMPARE(result.dropped, dropped);
}

void TestQueryUnderstanding::roleWords()
{
    const QueryUnderstanding understanding(&m_vocabulary, {},
                                           [](const QString &word) { return word == QLatin1String("lagos"); });
    // "name:optional" of each term, places as "@name".
    auto read = [&](const char *query) {
        QStringList out;
        for (const QueryUnderstanding::Term &term : understanding.understand(words(query)).terms) {
            out.append((term.place ? QStringLiteral("@") : QString()) + term.name()
                       + (term.optional ? QStringLiteral(":optional") : QString()));
        }
        return out;
    };
    // Beside what people know, a word for what they do only ranks.
    QCOMPARE(read("c++ developers"), list({"c++", "developers:optional"}));
    QCOMPARE(read("frontend devs in lagos"), list({"frontend", "devs:optional", "@lagos"}));
    QCOMPARE(read("wer kennt rust entwickler"), list({"rust", "entwickler:optional"}));
    // Alone, or with a place, it is what is asked for.
    QCOMPARE(read("developers"), list({"developers"}));
    QCOMPARE(read("engineers in lagos"), list({"engineers", "@lagos"}));
    // Beside "or" it is one of the things asked for.
    const auto either = understanding.understand(words("engineers or designers"));
    QVERIFY(either.anyOf);
    QCOMPARE(read("engineers or designers"), list({"engineers", "designers"}));
    QCOMPARE(read("c++ or rust developers"), list({"c++", "rust", "developers:optional"}));
    // A role's forms are English and German: "Entwickler" finds developers, "engineers" Ingenieure.
    const QStringList developer = understanding.understand(words("entwickler")).terms.value(0).roleForms;
    QVERIFY2(developer.contains(u"developer"_qs) && developer.contains(u"entwicklerinnen"_qs),
             qPrintable(developer.join(u' ')));
    QVERIFY(understanding.understand(words("engineers")).terms.value(0).roleForms.contains(u"ingenieure"_qs));
}

void TestQueryUnderstanding::availableNow()
{
    const QueryUnderstanding understanding(&m_vocabulary);
    // Who can be reached now first; the words are not searched for.
    QueryUnderstanding::Result read = understanding.understand(words("designers available now"));
    QVERIFY(read.availableFirst);
    QCOMPARE(termNames(read), list({"designers"}));
    QVERIFY(read.dropped.isEmpty()); // understood: available first
    read = understanding.understand(words("k8s experts available right now"));
    QVERIFY(read.availableFirst);
    QVERIFY(read.expertsFirst);
    QCOMPARE(termNames(read), list({"kubernetes"}));
    QVERIFY(read.dropped.isEmpty());
    read = understanding.understand(words("who is free now to help with k8s"));
    QVERIFY(read.availableFirst);
    QCOMPARE(read.dropped, list({"who", "is", "to", "help", "with"}));
    read = understanding.understand(words("python folks online right now"));
    QVERIFY(read.availableFirst);
    QCOMPARE(termNames(read), list({"python"}));
    read = understanding.understand(words("wer kennt terraform und ist gerade erreichbar"));
    QVERIFY(read.availableFirst);
    QCOMPARE(termNames(read), list({"terraform"}));
    // The last word of a question says it of whoever it asks for.
    for (const char *query : {"is anyone from legal online", "wer aus dem vertrieb ist frei"}) {
        read = understanding.understand(words(query));
        QVERIFY2(read.availableFirst, query);
        QCOMPARE(read.terms.size(), 1);
    }
    read = understanding.understand(words("who does online marketing"));
    QVERIFY(!read.availableFirst);
    QCOMPARE(termNames(read), list({"online", "marketing"}));
    read = understanding.understand(words("legal online"));
    QVERIFY(!read.availableFirst);
    // What one would do with them names no one; without a word for available it may.
    read = understanding.understand(words("anyone available to pair on terraform"));
    QVERIFY(read.availableFirst);
    QCOMPARE(termNames(read), list({"terraform"}));
    read = understanding.understand(words("who is free for a quick call"));
    QVERIFY(read.availableFirst);
    QVERIFY(read.terms.isEmpty());
    QCOMPARE(termNames(understanding.understand(words("pair programming"))), list({"pair", "programming"}));
    QCOMPARE(termNames(understanding.understand(words("someone to pair with on rust"))), list({"rust"}));
    // Alone it asks for everyone, the available first.
    read = understanding.understand(words("who is free now"));
    QVERIFY(read.availableFirst);
    QVERIFY(read.terms.isEmpty());
    // Said of someone, they ask it too.
    for (const char *query : {"who is online", "who is online in berlin", "kubernetes people online",
                              "anyone online who knows sql", "someone who knows python and is free", "wer ist frei"}) {
        read = understanding.understand(words(query));
        QVERIFY2(read.availableFirst, query);
        QVERIFY2(!termNames(read).contains(u"online"_qs) && !termNames(read).contains(u"free"_qs)
                     && !termNames(read).contains(u"frei"_qs),
                 query);
    }
    // "free" and "online" without a word for now or said of something, and "now" alone, name
    // something.
    for (const char *query : {"online marketing", "free software", "now", "gluten free"}) {
        read = understanding.understand(words(query));
        QVERIFY2(!read.availableFirst, query);
        QCOMPARE(termNames(read).join(QLatin1Char(' ')), QString::fromUtf8(query));
    }
    // Around and awake as online is; working only beside a word for now.
    for (const char *query : {"who is around", "anyone around who knows sql", "someone awake now who knows python",
                              "who is working right now", "wer arbeitet gerade"}) {
        read = understanding.understand(words(query));
        QVERIFY2(read.availableFirst, query);
    }
    // A question that ends with now asks for whoever is there; not one about who is not.
    for (const char *query : {"who can help now", "who can help with k8s right now", "wer kann jetzt"}) {
        read = understanding.understand(words(query));
        QVERIFY2(read.availableFirst, query);
        QVERIFY2(!termNames(read).contains(u"now"_qs) && !termNames(read).contains(u"jetzt"_qs), query);
    }
    for (const char *query : {"who is out now", "who is away now", "kubernetes now"}) {
        read = understanding.understand(words(query));
        QVERIFY2(!read.availableFirst, query);
    }
    for (const char *query : {"who is working on terraform", "around the clock support"}) {
        read = understanding.understand(words(query));
        QVERIFY2(!read.availableFirst, query);
    }
    for (const char *query : {"who does online marketing", "is free software"}) {
        read = understanding.understand(words(query));
        QVERIFY2(!read.availableFirst, query);
        QVERIFY2(termNames(read).contains(u"online"_qs) || termNames(read).contains(u"free"_qs), query);
    }
}

void TestQueryUnderstanding::shortForms()
{
    const QueryUnderstanding understanding(&m_vocabulary,
                                           [](const QString &word) { return word == QLatin1String("dir"); });
    // A short form is searched as typed and as the words it stands for.
    QueryUnderstanding::Result read = understanding.understand(words("sales ops mgr"));
    QCOMPARE(termNames(read), list({"sales", "ops", "mgr"}));
    QCOMPARE(read.terms[0].longForms, QStringList());
    QCOMPARE(read.terms[1].longForms, list({"operations"}));
    QCOMPARE(read.terms[2].longForms, list({"manager"}));
    // A German department: its English words.
    read = understanding.understand(words("wer leitet den kundenservice"));
    QCOMPARE(read.terms.size(), 1);
    QCOMPARE(read.terms[0].longForms, list({"support", "customer service"}));
    // The vocabulary's own word wins.
    const auto parsed = Vocabulary::parse(QStringLiteral("skill DevOps | ops\n"));
    QVERIFY(parsed.hasValue());
    const QueryUnderstanding withOps(&parsed.value());
    read = withOps.understand(words("ops"));
    QCOMPARE(termNames(read), list({"devops"}));
    QVERIFY(read.terms[0].longForms.isEmpty());
    // A name is no short form of "senior"; "sr" is when no one is called so.
    read = understanding.understand(words("sr engineer"));
    QVERIFY(read.expertsFirst);
    QCOMPARE(read.qualifiers, list({"senior"}));
    const QueryUnderstanding srIsAName(&m_vocabulary, [](const QString &word) { return word == QLatin1String("sr"); });
    read = srIsAName.understand(words("sr engineer"));
    QVERIFY(!read.expertsFirst);
    QCOMPARE(termNames(read), list({"sr", "engineer"}));
}

void TestQueryUnderstanding::offices_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("terms"); // termNames()
    QTest::addColumn<QStringList>("dropped");

    const QStringList none;
    // The office of a place is the place, said with or without "in".
    QTest::addRow("in the office") << "japanese speakers in the london office" << list({"japanese", "@london"})
                                   << list({"speakers"});
    QTest::addRow("place before office") << "who manages the lagos office" << list({"@lagos"}) << list({"who", "the"});
    QTest::addRow("vocabulary place") << "our new york site" << list({"@new york"}) << list({"our"});
    QTest::addRow("at the site") << "people at the lagos site and sql" << list({"@lagos", "sql"})
                                 << list({"people", "and"});
    QTest::addRow("office in place") << "the office in lagos" << list({"@lagos"}) << list({"the"});
    QTest::addRow("german office") << "unser büro in london" << list({"@london"}) << list({"unser"});
    QTest::addRow("our office in") << "our office in lagos" << list({"@lagos"}) << list({"our"});
    // Which of one's own offices is no place, though a place's name may start so (New York).
    QTest::addRow("the new office") << "sql people in the new office" << list({"sql"})
                                    << list({"people", "in", "the", "new", "office"});
    QTest::addRow("at the new site") << "python at the new site" << list({"python"})
                                     << list({"at", "the", "new", "site"});
    QTest::addRow("the new office move") << "who knows about the new office move" << list({"facilities management"})
                                         << list({"who", "knows", "about", "the", "new"});
    // Where more follows, the office is part of what is asked for.
    QTest::addRow("office manager") << "london office manager" << list({"london", "office", "manager"}) << none;
    QTest::addRow("office 365") << "office 365 in lagos" << list({"office", "365", "@lagos"}) << none;
    QTest::addRow("office alone") << "knows office in lagos" << list({"office", "@lagos"}) << list({"knows"});
    // German place adjectives, before an office or a group of people.
    QTest::addRow("im berliner büro") << "python im lagoser büro" << list({"python", "@lagos"}) << none;
    QTest::addRow("vocabulary alias") << "kölner kollegen mit sap" << list({"@cologne", "sap"})
                                      << list({"kollegen", "mit"});
    QTest::addRow("ner for en") << "der münchner standort" << list({"@munchen"}) << list({"der"});
    QTest::addRow("er for en") << "bremer kollegen" << list({"@bremen"}) << list({"kollegen"});
    QTest::addRow("article that is a name") << "das lagoser team" << list({"@lagos"}) << list({"das", "team"});
    QTest::addRow("adjective alone") << "londoner" << list({"londoner"}) << none;
    QTest::addRow("too short a place") << "newer team" << list({"newer"}) << list({"team"});
    QTest::addRow("adjective that is a name") << "londoner team" << list({"londoner"}) << list({"team"});
}

void TestQueryUnderstanding::offices()
{
    QFETCH(QString, query);
    QFETCH(QStringList, terms);
    QFETCH(QStringList, dropped);

    static const QSet<QString> names {QStringLiteral("das"), QStringLiteral("londoner")};
    static const QSet<QString> places {QStringLiteral("lagos"), QStringLiteral("london"), QStringLiteral("munchen"),
                                       QStringLiteral("bremen"), QStringLiteral("new")};
    const QueryUnderstanding understanding(
        &m_vocabulary, [](const QString &word) { return names.contains(word); },
        [](const QString &word) { return places.contains(word); });
    const QueryUnderstanding::Result read = understanding.understand(words(query.toUtf8().constData()));
    QCOMPARE(termNames(read), terms);
    QCOMPARE(read.dropped, dropped);
}

void TestQueryUnderstanding::beginners()
{
    const QueryUnderstanding understanding(&m_vocabulary,
                                           [](const QString &word) { return word == QLatin1String("starter"); });
    QueryUnderstanding::Result read = understanding.understand(words("python beginners"));
    QVERIFY(read.beginnersFirst);
    QVERIFY(!read.expertsFirst);
    QCOMPARE(termNames(read), list({"python"}));
    QVERIFY(read.dropped.isEmpty()); // understood: beginners first
    read = understanding.understand(words("who is new to k8s"));
    QVERIFY(read.beginnersFirst);
    QCOMPARE(termNames(read), list({"kubernetes"}));
    read = understanding.understand(words("Anfänger in Go"));
    QVERIFY(read.beginnersFirst);
    QCOMPARE(termNames(read), list({"go"}));
    // Learning what follows.
    for (const char *learning : {"people learning terraform", "who wants to learn terraform", "wer lernt terraform"}) {
        read = understanding.understand(words(learning));
        QVERIFY2(read.beginnersFirst, learning);
        QVERIFY2(termNames(read) == list({"terraform"}), qPrintable(termNames(read).join(u", ")));
    }
    // Machine learning is a skill; "learning" before nothing named is the word.
    read = understanding.understand(words("machine learning"));
    QVERIFY(!read.beginnersFirst);
    QCOMPARE(termNames(read), list({"machine learning"}));
    read = understanding.understand(words("learning and development"));
    QVERIFY(!read.beginnersFirst);
    QCOMPARE(termNames(read), list({"learning", "development"}));
    // "new" alone is a word, and "New York" a place.
    read = understanding.understand(words("new york"));
    QVERIFY(!read.beginnersFirst);
    read = understanding.understand(words("new products"));
    QVERIFY(!read.beginnersFirst);
    QCOMPARE(termNames(read), list({"products"})); // before a word it says nothing of whom to ask
    QCOMPARE(read.dropped, list({"new"}));
    // A word of someone's name is searched.
    read = understanding.understand(words("python starter"));
    QVERIFY(!read.beginnersFirst);
    QCOMPARE(termNames(read), list({"python", "starter"}));
}

void TestQueryUnderstanding::reportsTo_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("name"); // Result::someone
    QTest::addColumn<QStringList>("terms"); // Term::name() of each term, place terms as "@name"
    QTest::addColumn<bool>("myReports");

    QTest::addRow("a full name") << "who reports to diego ramirez" << list({"diego", "ramirez"}) << QStringList()
                                 << false;
    QTest::addRow("what follows") << "python folks working for diego in london" << list({"diego"})
                                  << list({"python", "@london"}) << false;
    QTest::addRow("a name that is a filler word") << "who works for will" << list({"will"}) << QStringList() << false;
    // "And" is someone's name here, as "Will" is: after a name, a filler ends it.
    // "Or" is a name too, and an "or" ends one.
    QTest::addRow("or ends the name") << "who reports to diego or python" << list({"diego"}) << list({"or", "python"})
                                      << false;
    QTest::addRow("a filler ends the name")
        << "managed by diego and who knows k8s" << list({"diego"}) << list({"kubernetes"}) << false;
    QTest::addRow("at most four words") << "reports to diego diego diego diego diego"
                                        << list({"diego", "diego", "diego", "diego"}) << list({"diego"}) << false;
    QTest::addRow("german") << "wer berichtet an ramirez" << list({"ramirez"}) << QStringList() << false;
    QTest::addRow("no one's name") << "who reports to python" << QStringList() << list({"reports", "python"}) << false;
    QTest::addRow("a title") << "who reports to the cto in london" << list({"cto"}) << list({"@london"}) << false;
    QTest::addRow("the asker") << "who reports to me" << QStringList() << QStringList() << true;
    QTest::addRow("no verb") << "diego ramirez reports" << QStringList() << list({"diego", "ramirez", "reports"})
                             << false;
}

void TestQueryUnderstanding::reportsTo()
{
    QFETCH(QString, query);
    QFETCH(QStringList, name);
    QFETCH(QStringList, terms);
    QFETCH(bool, myReports);
    const QueryUnderstanding understanding(
        &m_vocabulary,
        [](const QString &word) {
            return word == u"diego" || word == u"ramirez" || word == u"will" || word == u"and" || word == u"or";
        },
        [](const QString &word) { return word == QLatin1String("london"); });
    const QueryUnderstanding::Result result = understanding.understand(words(query.toUtf8().constData()));
    QCOMPARE(result.someone, name);
    QCOMPARE(termNames(result), terms);
    QCOMPARE(result.asks(QueryUnderstanding::Mine::Reports), myReports);
    QCOMPARE(result.someoneTitle != nullptr, query.contains(u"cto"));
}

void TestQueryUnderstanding::leaders_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("leadersFirst");
    QTest::addColumn<QStringList>("terms"); // Term::name() of each term, place terms as "@name"
    QTest::addColumn<QStringList>("name"); // Result::someone ("who manages diego": their manager)

    const QStringList none;
    // Asked after a word that asks, or first; the group's word ("team", "department") asks for nothing.
    QTest::addRow("who leads") << "who leads the mobile team" << true << list({"mobile"}) << none;
    QTest::addRow("who runs") << "who runs marketing in london" << true << list({"marketing", "@london"}) << none;
    QTest::addRow("first") << "heads payroll" << true << list({"payroll"}) << none;
    QTest::addRow("department") << "who manages the finance department" << true << list({"finance"}) << none;
    QTest::addRow("head of") << "head of sales" << true << list({"sales"}) << none;
    QTest::addRow("who is the manager of")
        << "who is the manager of the platform team" << true << list({"platform"}) << none;
    QTest::addRow("in charge of") << "who is in charge of payroll" << true << list({"payroll"}) << none;
    QTest::addRow("german verb") << "wer leitet den vertrieb" << true << list({"vertrieb"}) << none;
    QTest::addRow("german noun") << "chefin vom vertrieb" << true << list({"vertrieb"}) << none;
    QTest::addRow("german title") << "leiter vertrieb in london" << true << list({"vertrieb", "@london"}) << none;
    QTest::addRow("german team title") << "teamleiterin payroll" << true << list({"payroll"}) << none;
    QTest::addRow("german title alone") << "abteilungsleiter" << false << list({"abteilungsleiter"}) << none;
    // Alone, everyone: who leads the most first.
    QTest::addRow("no group") << "who leads the team" << true << none << none;
    QTest::addRow("head of people") << "head of people" << true << list({"people"}) << none;
    QTest::addRow("director of the people team") << "director of the people team" << true << list({"people"}) << none;
    QTest::addRow("vp people") << "vp people" << true << list({"people"}) << none;
    // The verb's own activity: "runs" is of running.
    QTest::addRow("runs marathons") << "who runs marathons" << false << list({"running"}) << none;
    QTest::addRow("leads a skill") << "who leads terraform" << true << list({"terraform"}) << none;
    QTest::addRow("vp of") << "vp of payroll in london" << true << list({"payroll", "@london"}) << none;
    QTest::addRow("vice president of") << "vice president of marketing" << true << list({"marketing"}) << none;
    // A title of the vocabulary is that title.
    QTest::addRow("vp of a title") << "vp of engineering" << false << list({"vp of engineering"}) << none;
    QTest::addRow("vp title") << "vp engineering" << false << list({"vp of engineering"}) << none;
    // Before a name: that person's manager.
    QTest::addRow("who manages diego") << "who manages diego ramirez" << false << none << list({"diego", "ramirez"});
    QTest::addRow("manager of diego") << "who is the manager of diego" << false << none << list({"diego"});
    QTest::addRow("chef von diego") << "wer ist der chef von diego ramirez" << false << none
                                    << list({"diego", "ramirez"});
    // Not asked: a word of a topic before the verb, nothing after it, a noun without "of".
    QTest::addRow("a topic's word") << "ci runs nightly" << false << list({"ci", "runs", "nightly"}) << none;
    QTest::addRow("nothing after it") << "who manages" << false << list({"manages"}) << none;
    QTest::addRow("no of") << "head chef" << false << list({"head", "chef"}) << none;
    QTest::addRow("of at the end") << "head of" << false << list({"head"}) << none;
    QTest::addRow("sales leads") << "sales leads" << false << list({"sales"}) << none;
}

void TestQueryUnderstanding::leaders()
{
    QFETCH(QString, query);
    QFETCH(bool, leadersFirst);
    QFETCH(QStringList, terms);
    QFETCH(QStringList, name);
    const QueryUnderstanding understanding(
        &m_vocabulary, [](const QString &word) { return word == u"diego" || word == u"ramirez"; },
        [](const QString &word) { return word == QLatin1String("london"); });
    const QueryUnderstanding::Result result = understanding.understand(words(query.toUtf8().constData()));
    QCOMPARE(result.leadersFirst, leadersFirst);
    QCOMPARE(termNames(result), terms);
    QCOMPARE(result.someone, name);
    if (!name.isEmpty())
        QCOMPARE(result.theirs, QueryUnderstanding::Theirs::Manager);
}

void TestQueryUnderstanding::possessive_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("name"); // Result::someone
    QTest::addColumn<int>("theirs"); // Result::theirs
    QTest::addColumn<QStringList>("terms"); // Term::name() of each term, place terms as "@name"
    QTest::addColumn<QStringList>("dropped");

    const int reports = int(QueryUnderstanding::Theirs::Reports);
    const int team = int(QueryUnderstanding::Theirs::Team);
    const int manager = int(QueryUnderstanding::Theirs::Manager);
    const int peers = int(QueryUnderstanding::Theirs::Peers);
    const QStringList none;
    QTest::addRow("a team") << "diego's team" << list({"diego"}) << team << none << none;
    QTest::addRow("a title's team") << "the cto's team" << list({"cto"}) << team << none << list({"the"});
    QTest::addRow("a full name") << "who is diego ramirez's manager" << list({"diego", "ramirez"}) << manager << none
                                 << list({"who", "is"});
    QTest::addRow("in a team, and more") << "python folks in diego's team in london" << list({"diego"}) << team
                                         << list({"python", "@london"}) << list({"folks"});
    QTest::addRow("after an s") << "james' direct reports" << list({"james"}) << reports << none << none;
    QTest::addRow("a curly apostrophe") << "diego\u2019s peers" << list({"diego"}) << peers << none << none;
    QTest::addRow("german") << "Diego's Kollegen" << list({"diego"}) << peers << none << none;
    QTest::addRow("two words of what") << "diego's team mates" << list({"diego"}) << peers << none << none;
    // The name starts after a filler or a preposition (a filler that is a name, "Can", is kept as
    // such fillers are), and has at most four words.
    QTest::addRow("a filler before") << "can will's boss" << list({"will"}) << manager << list({"can"}) << none;
    QTest::addRow("at most four words") << "diego diego diego diego ramirez's team"
                                        << list({"diego", "diego", "diego", "ramirez"}) << team << list({"diego"})
                                        << none;
    // Only a possessive, of someone's name, before what of theirs is asked for.
    QTest::addRow("no possessive") << "diego team" << none << reports << list({"diego"}) << list({"team"});
    QTest::addRow("no one's name") << "python's team" << none << reports << list({"python"}) << list({"team"});
    QTest::addRow("nothing of theirs") << "diego's python" << none << reports << list({"diego", "python"}) << none;
    // Without the apostrophe, as German writes it and people type in a hurry: a word that is a
    // name without its "s" (and is not one with it, nor a word for what people do).
    const int managersReports = int(QueryUnderstanding::Theirs::ManagersReports);
    QTest::addRow("german, no apostrophe") << "Diegos Team" << list({"diego"}) << team << none << none;
    QTest::addRow("in a hurry") << "who is diegos manager" << list({"diego"}) << manager << none << list({"who", "is"});
    QTest::addRow("a full name, no apostrophe")
        << "diego ramirezs reports" << list({"diego", "ramirez"}) << reports << none << none;
    QTest::addRow("under someone's boss")
        << "who reports to diegos boss" << list({"diego"}) << managersReports << none << list({"who"});
    QTest::addRow("a name with an s") << "jens team" << none << reports << list({"jens"}) << list({"team"});
    QTest::addRow("no name without the s") << "sales team" << none << reports << list({"sales"}) << list({"team"});
    QTest::addRow("a word for what people do") << "devs team" << none << reports << list({"devs"}) << list({"team"});
    // "of" before the name asks as the possessive does.
    QTest::addRow("peers of") << "peers of diego" << list({"diego"}) << peers << none << none;
    QTest::addRow("the team of") << "python people in the team of diego ramirez" << list({"diego", "ramirez"}) << team
                                 << list({"python"}) << list({"people", "in", "the"});
    QTest::addRow("kollegen von") << "Kollegen von Diego" << list({"diego"}) << peers << none << none;
    QTest::addRow("colleagues of") << "colleagues of diego" << list({"diego"}) << peers << none << none;
    QTest::addRow("of no one") << "team of python" << none << reports << list({"python"}) << list({"team", "of"});
}

void TestQueryUnderstanding::possessive()
{
    QFETCH(QString, query);
    QFETCH(QStringList, name);
    QFETCH(int, theirs);
    QFETCH(QStringList, terms);
    QFETCH(QStringList, dropped);
    const QueryUnderstanding understanding(
        &m_vocabulary,
        [](const QString &word) {
            return word == u"diego" || word == u"ramirez" || word == u"james" || word == u"will" || word == u"can"
                || word == u"dev" || word == u"jen" || word == u"jens";
        },
        [](const QString &word) { return word == QLatin1String("london"); });
    // As the search engine reads it: the words of SearchQuery, and which of them were possessives.
    QStringList words;
    QList<qsizetype> possessives;
    for (const SearchQuery::Term &term : SearchQuery::parse(query).terms) {
        if (term.possessive)
            possessives.append(words.size());
        words.append(term.folded);
    }
    const QueryUnderstanding::Result result = understanding.understand(words, false, possessives);
    QCOMPARE(result.someone, name);
    if (!name.isEmpty())
        QCOMPARE(int(result.theirs), theirs);
    QCOMPARE(termNames(result), terms);
    QCOMPARE(result.dropped, dropped);
}

QTEST_APPLESS_MAIN(TestQueryUnderstanding)
#include "tst_queryunderstanding.moc"
