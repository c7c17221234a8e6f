// SPDX-License-Identifier: MIT
#include "bench/search/ProfileGenerator.h"

#include "demo/DemoCompany.h"

#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>

namespace Colleagues::Bench {

namespace {

QStringList split(const char *words)
{
    return QString::fromUtf8(words).split(QLatin1Char('|'));
}

QList<Profile> builtIn(int people, quint64 seed)
{
    const QStringList first = split(
        "Ada|Grace|Alan|Zoë|Misaki|Hans|Carla|Chen|Nadia|Ravi|Tom|Kim|Priya|Sam|Tina|Ian|Bob|Ruby|Marco|Alex|Olga|"
        "José|Łukasz|Søren|Ingrid|Fatima|Omar|Yuki|Hiroshi|Mei|Wei|Aisha|Kwame|Chloé|Björn|Émile|Noor|Lucía|Mateo|"
        "Sofia|Liam|Noah|Emma|Olivia|Ava|Mia|Ethan|Lucas|Amir|Leila|Dmitri|Anya|Pedro|Ana|João|Raj|Anjali|Kofi|Zara|"
        "Jonas|Lena|Felix|Clara|Max|Nina|Oscar|Ida|Arjun|Sakura|Taro|Hana|Jin|Seo-yeon|Minh|Linh|Tariq|Yara|Nils");
    const QStringList last = split(
        "Lovelace|Hopper|Turing|Martin|Tanaka|Müller|Diaz|Wei|Okafor|Patel|Schmidt|Kowalski|Nakamura|Rossi|Ivanova|"
        "García|Fernández|Silva|Santos|Kim|Park|Lee|Nguyen|Tran|Haddad|Mensah|Dubois|Lefèvre|Andersen|Johansson|"
        "O'Brien|Murphy|Smith|Jones|Brown|Taylor|Wilson|Khan|Singh|Sharma|Gupta|Chen|Wang|Li|Zhang|Sato|Suzuki|"
        "Novák|Horváth|Popescu|Yılmaz|Demir|Cohen|Levi|Ahmed|Hassan|Costa|Ferreira|Moreau|Laurent|Weber|Wagner|"
        "Becker|Hoffmann|Schulz|Kovač|Petrović|Nowak|Wiśniewski|Virtanen|Korhonen|Jensen|Hansen|Berg|Lindqvist");
    const QStringList departments =
        split("Data Platform|Platform|Web|Mobile|Devices|Business Apps|Security|Finance|Marketing|Sales|Support|Design|"
              "People|Legal|Research|Infrastructure|Payments|Commerce|Developer Relations|Quality");
    const QStringList locations =
        split("Berlin|London|Paris|São Paulo|Shanghai|Lagos|Bangalore|Madrid|Tokyo|Rome|Dublin|Warsaw|New York|"
              "San Francisco|Toronto|Sydney|Singapore|Zürich|Stockholm|Kraków|Nairobi|Mexico City");
    const QStringList zones =
        split("Europe/Berlin|Europe/London|Europe/Paris|America/Sao_Paulo|Asia/Shanghai|Africa/Lagos|Asia/Kolkata|"
              "Europe/Madrid|Asia/Tokyo|Europe/Rome|Europe/Dublin|Europe/Warsaw|America/New_York|America/Los_Angeles|"
              "America/Toronto|Australia/Sydney|Asia/Singapore|Europe/Zurich|Europe/Stockholm|Europe/Warsaw|"
              "Africa/Nairobi|America/Mexico_City");
    const QStringList seniority = split("Junior|Senior|Staff|Principal|Lead|Associate|Head of|");
    const QStringList roles =
        split("Software Engineer|Backend Engineer|Frontend Engineer|Data Scientist|Data Engineer|Product Manager|"
              "Product Designer|Site Reliability Engineer|DevOps Engineer|Security Engineer|QA Analyst|Accountant|"
              "Recruiter|Counsel|Account Executive|Support Agent|Researcher|Engineering Manager|Technical Writer|"
              ".NET Developer|iOS Developer|Android Developer|Machine Learning Engineer|Solutions Architect");
    const QStringList skills =
        split("C|C++|C#|F#|.NET|Java|JavaScript|TypeScript|Node.js|Python|Go|Rust|Ruby|Rails|Kotlin|Swift|Objective-C|"
              "Scala|Haskell|Elixir|Erlang|PHP|Perl|R|Julia|MATLAB|SQL|PostgreSQL|MySQL|SQLite|MongoDB|Redis|Kafka|"
              "RabbitMQ|Kubernetes|Docker|Terraform|Ansible|AWS|GCP|Azure|Linux|Bash|CI/CD|Git|GraphQL|REST|gRPC|React|"
              "Vue.js|Angular|Svelte|HTML|CSS|UI/UX|Figma|Sketch|Accessibility|Machine Learning|Deep Learning|PyTorch|"
              "TensorFlow|Pandas|NumPy|Spark|Hadoop|Airflow|dbt|Tableau|Power BI|Excel|SAP|Salesforce|Jira|"
              "Scrum|Kanban|Product Strategy|Public Speaking|Negotiation|Recruiting|Payroll|Bookkeeping|Tax|"
              "Contract Law|GDPR|ISO 27001|Penetration Testing|Cryptography|Networking|Embedded Systems|Assembly|"
              "FPGA|Verilog|Qt|OpenGL|Vulkan|Unity|Unreal Engine|Blender|Copywriting|SEO|Japanese|German|Spanish|"
              "French|Mandarin|Portuguese|Statistics|Data Visualization|Technical Writing|Mentoring|Hiring");
    const QStringList interests =
        split("chess|cycling|running|climbing|hiking|photography|cooking|baking|gardening|music|jazz|piano|guitar|"
              "football|basketball|tennis|yoga|reading|poetry|astronomy|board games|video games|travel|languages|"
              "sailing|skiing|painting|pottery|theatre|films|podcasts|open source|mentoring|volunteering|birdwatching|"
              "coffee|tea|wine|history|philosophy|mathematics|robotics|3D printing|knitting|dancing|swimming");
    const QStringList bioWords = split(
        "builds|ships|maintains|designs|leads|mentors|automates|migrates|scales|tests|documents|owns|loves|enjoys|"
        "services|pipelines|dashboards|clusters|payments|search|storage|APIs|models|experiments|reports|"
        "interfaces|devices|contracts|customers|teams|releases|incidents|migrations|prototypes|the|a|our|and|with|"
        "for|in|on|across|every|weekend|morning|data|cloud|mobile|web|backend|frontend|infrastructure|security");

    QRandomGenerator random(quint32(seed ^ (seed >> 32)));
    auto pick = [&](const QStringList &list) -> const QString & { return list[random.bounded(int(list.size()))]; };
    QList<Profile> profiles;
    profiles.reserve(people);
    for (int i = 0; i < people; ++i) {
        Profile p;
        const QString given = pick(first);
        const QString family = pick(last);
        p.displayName = given + QLatin1Char(' ') + family;
        p.username = QStringLiteral("u%1").arg(i);
        p.email = p.username + QStringLiteral("@example.com");
        const QString level = pick(seniority);
        p.title = level.isEmpty() ? pick(roles) : level + QLatin1Char(' ') + pick(roles);
        p.department = pick(departments);
        const int office = random.bounded(int(locations.size()));
        p.location = locations[office];
        p.timeZone = zones[office];
        if (i > 0)
            p.manager = QStringLiteral("u%1").arg(random.bounded(i));
        const int skillCount = 3 + random.bounded(8);
        QStringList chosen;
        while (chosen.size() < skillCount) {
            const QString &skill = pick(skills);
            if (!chosen.contains(skill)) {
                chosen.append(skill);
                p.skills.append(Skill {skill, 1 + random.bounded(5)});
            }
        }
        const int interestCount = 1 + random.bounded(5);
        while (p.interests.size() < interestCount) {
            const QString &interest = pick(interests);
            if (!p.interests.contains(interest))
                p.interests.append(interest);
        }
        QStringList bio {given};
        const int words = 10 + random.bounded(40);
        for (int w = 0; w < words; ++w)
            bio.append(pick(bioWords));
        if (random.bounded(3) == 0)
            bio.append(QStringLiteral("with %1").arg(pick(skills)));
        p.bio = bio.join(QLatin1Char(' ')) + QLatin1Char('.');
        p.phone = QStringLiteral("+49 30 %1").arg(1000000 + i);
        profiles.append(std::move(p));
    }
    return profiles;
}

//! Evenly spread: 60 skills, each held by about a tenth of the people (six each, drawn
//! uniformly), 12 cities, 8 departments, names built from syllables (tens of thousands of
//! distinct ones, none from the demo company's lists), short bios that name their skills.
QList<Profile> even(int people, quint64 seed)
{
    const QStringList skills = split(
        "Python|Java|JavaScript|TypeScript|Go|Rust|Kotlin|Swift|C++|C#|Scala|Ruby|PHP|SQL|PostgreSQL|MySQL|MongoDB|"
        "Redis|Kafka|Kubernetes|Docker|Terraform|Ansible|AWS|Azure|Google Cloud|Linux|Git|GraphQL|React|Angular|"
        "Vue.js|Node.js|Django|Spring Boot|Machine Learning|Deep Learning|Data Analysis|Statistics|Tableau|"
        "Power BI|Excel|SAP|Salesforce|Scrum|Product Management|UX Design|Figma|Accessibility|Technical Writing|"
        "Public Speaking|Negotiation|Recruiting|Accounting|Contract Law|Cryptography|Networking|Spanish|German|"
        "Mandarin");
    const QStringList cities = split("Bengaluru|Köln|München|São Paulo|Toronto|Lyon|Osaka|Kraków|Nairobi|Melbourne|"
                                     "Austin|Göteborg");
    const QStringList zones = split("Asia/Kolkata|Europe/Berlin|Europe/Berlin|America/Sao_Paulo|America/Toronto|"
                                    "Europe/Paris|Asia/Tokyo|Europe/Warsaw|Africa/Nairobi|Australia/Melbourne|"
                                    "America/Chicago|Europe/Stockholm");
    const QStringList departments =
        split("Engineering|Operations|Analytics|Customer Success|Finance|Legal|Growth|Product");
    const QStringList roles = split("Engineer|Analyst|Consultant|Architect|Manager|Specialist|Administrator|"
                                    "Scientist|Designer|Coordinator");
    const QStringList levels = split("|Senior|Principal|Junior|Lead");
    const QStringList syllables = split("ka|lo|mi|ren|ta|vo|sel|dra|no|pe|ri|zan|tho|wyn|el|ar|bo|qui|ste|ya");
    const QStringList verbs = split("works on|cares about|teaches|practises|is learning|writes about|uses daily");
    const QStringList interests = split("rowing|origami|orienteering|fencing|beekeeping|calligraphy|kayaking|"
                                        "bouldering|sourdough|astronomy|crosswords|table tennis|choir|woodwork");

    QRandomGenerator random(quint32(seed * 2654435761u + 99));
    auto pick = [&](const QStringList &list) -> const QString & { return list[random.bounded(int(list.size()))]; };
    auto name = [&](int parts) {
        QString out;
        for (int i = 0; i < parts; ++i)
            out += pick(syllables);
        out[0] = out[0].toUpper();
        return out;
    };
    QList<Profile> profiles;
    profiles.reserve(people);
    for (int i = 0; i < people; ++i) {
        Profile p;
        const QString given = name(2);
        p.displayName = given + QLatin1Char(' ') + name(2 + random.bounded(2));
        p.username = QStringLiteral("e%1").arg(i);
        p.email = p.username + QStringLiteral("@example.org");
        const QString &level = pick(levels);
        const QString role = pick(roles);
        p.department = pick(departments);
        p.title = level.isEmpty() ? role : level + QLatin1Char(' ') + role;
        const int city = random.bounded(int(cities.size()));
        p.location = cities[city];
        p.timeZone = zones[city];
        if (i > 0)
            p.manager = QStringLiteral("e%1").arg(random.bounded(i));
        // Six distinct skills of 60: each skill is held by 10% of the people.
        QStringList bio {given};
        while (p.skills.size() < 6) {
            const QString &skill = pick(skills);
            if (std::none_of(p.skills.cbegin(), p.skills.cend(), [&](const Skill &s) { return s.name == skill; }))
                p.skills.append(Skill {skill, 1 + random.bounded(5)});
        }
        for (int s = 0; s < 2; ++s)
            bio.append(pick(verbs) + QLatin1Char(' ') + p.skills[s].name);
        p.bio = bio.join(QStringLiteral(", ")) + QLatin1Char('.');
        if (random.bounded(2) == 0)
            p.interests.append(pick(interests));
        profiles.append(std::move(p));
    }
    return profiles;
}

} // namespace

QList<Profile> generateProfiles(Generator generator, int people, quint64 seed, QString *source)
{
    if (generator == Generator::Even) {
        *source = QStringLiteral("bench/search even generator");
        return even(people, seed);
    }
    if (generator == Generator::Mixed) {
        *source = QStringLiteral("bench/search mixed generator");
        return builtIn(people, seed);
    }
    *source = QStringLiteral("generateDemoCompany");
    return generateDemoCompany(people, seed).profiles;
}

std::optional<Generator> generatorNamed(const QString &name)
{
    if (name == u"demo")
        return Generator::Demo;
    if (name == u"mixed")
        return Generator::Mixed;
    if (name == u"even")
        return Generator::Even;
    return std::nullopt;
}

} // namespace Colleagues::Bench
