// SPDX-License-Identifier: MIT
#include "demo/DemoCompany.h"

#include "core/Validation.h"
#include "demo/DemoData_p.h"
#include "demo/DemoRandom_p.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>
#include <functional>

namespace Colleagues {

using namespace Demo;

namespace {

const QString CompanyName = u"Northwind Robotics"_qs;
const QString EmailDomain = u"northwind.example"_qs;

enum class Role { Ceo, Head, Director, Manager, Individual };

enum Seniority { Junior, Mid, Senior, Staff, Principal, SeniorityCount };

// One position in the org tree, before anyone is put in it.
struct Slot
{
    int parent = -1;
    int department = -1; // -1 for the CEO
    int team = -1; // -1 for the CEO and department heads
    Role role = Role::Individual;
    int depth = 0;
    int seniority = Mid;
    int office = 0;
    bool managesManagers = false;
};

// A demo account's fixed profile and where in the tree it would like to sit.
struct AccountSpec
{
    DemoAccount account;
    Profile profile;
    QString department; // preferred department and team for its slot
    QString team;
    bool wantsManager = false;
};

SkillList skills(std::initializer_list<std::pair<const char *, int>> list)
{
    SkillList out;
    for (const auto &[name, level] : list)
        out.append({QString::fromUtf8(name), level});
    return out;
}

QStringList texts(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *item : list)
        out.append(QString::fromUtf8(item));
    return out;
}

QList<AccountSpec> accountSpecs()
{
    QList<AccountSpec> specs;
    auto add = [&specs](const char *username, const char *password, bool admin, const char *department,
                        const char *team, bool wantsManager, Profile p) {
        p.username = QString::fromUtf8(username);
        p.email = p.username + u'@' + EmailDomain;
        specs.append({{p.username, QString::fromUtf8(password), admin},
                      p,
                      QString::fromUtf8(department),
                      QString::fromUtf8(team),
                      wantsManager});
    };

    Profile ada;
    ada.displayName = u"Ada Lovelace"_qs;
    ada.title = u"Principal Software Engineer"_qs;
    ada.department = u"Platform Engineering"_qs;
    ada.location = u"London"_qs;
    ada.timeZone = u"Europe/London"_qs;
    ada.phone = u"+44 20 7946 0815"_qs;
    ada.skills = skills({{"C++", 5},
                         {"Kubernetes", 4},
                         {"Rust", 3},
                         {"Go", 3},
                         {"Linux", 4},
                         {"CMake", 4},
                         {"Qt", 4},
                         {"Compilers", 4},
                         {"Distributed systems", 4},
                         {"Python", 3},
                         {"Terraform", 2},
                         {"English", 5},
                         {"French", 2}});
    ada.interests = texts({"Mathematics", "Poetry", "Analog synthesizers", "Horse riding"});
    ada.bio = u"Principal engineer in Platform Engineering, London. I look after our Kubernetes platform and the "
              "C++ toolchain behind the robot software, and I'm the one to ask when a template error is three "
              "screens long.\nAsk me about C++, Kubernetes or Rust. Outside work: mathematics, poetry and old "
              "synthesizers."_qs;
    add("ada", "ada-demo-password", false, "Engineering", "Platform Engineering", false, ada);

    Profile grace;
    grace.displayName = u"Grace Hopper"_qs;
    grace.title = u"Director of Data Platform"_qs;
    grace.department = u"Data Platform"_qs;
    grace.location = u"New York"_qs;
    grace.timeZone = u"America/New_York"_qs;
    grace.phone = u"+1 212 555 0142"_qs;
    grace.skills = skills({{"COBOL", 5},
                           {"Compilers", 5},
                           {"SQL", 5},
                           {"Data modeling", 5},
                           {"Python", 4},
                           {"Apache Spark", 3},
                           {"Apache Kafka", 3},
                           {"People management", 4},
                           {"Public speaking", 5},
                           {"English", 5}});
    grace.interests = texts({"Sailing", "History", "Crosswords"});
    grace.bio = u"I run Data Platform from New York: the warehouse, the streaming pipelines and the people who keep "
                "them honest.\nAsk me about data modeling, SQL or why COBOL still matters. I hand out "
                "nanosecond wires to anyone who asks."_qs;
    add("grace", "grace-demo-password", false, "Data", "Data Platform", true, grace);

    Profile admin;
    admin.displayName = u"Colleagues Admin"_qs;
    admin.title = u"IT Systems Administrator"_qs;
    admin.department = u"IT"_qs;
    admin.location = u"Dublin"_qs;
    admin.timeZone = u"Europe/Dublin"_qs;
    admin.phone = u"+353 1 555 0100"_qs;
    admin.skills = skills({{"Okta", 4},
                           {"Identity and access management", 4},
                           {"Microsoft 365", 4},
                           {"Google Workspace", 4},
                           {"Jamf", 3},
                           {"PowerShell", 3},
                           {"ITIL", 3}});
    admin.interests = texts({"Home automation", "Mechanical keyboards"});
    admin.bio = u"The shared administrator account of the Colleagues directory. Sign in as admin to edit any "
                "profile, import people from a CSV file and look at the server's health.\nIf something in the "
                "directory looks wrong, tell IT."_qs;
    add("admin", "admin-demo-password", true, "Operations", "IT", false, admin);

    Profile zoe;
    zoe.displayName = u"Zoë Müller"_qs;
    zoe.title = u"Senior Product Designer"_qs;
    zoe.department = u"Product Design"_qs;
    zoe.location = u"Berlin"_qs;
    zoe.timeZone = u"Europe/Berlin"_qs;
    zoe.phone = u"+49 30 5550 1234"_qs;
    zoe.skills = skills({{"Figma", 5},
                         {"UI/UX", 4},
                         {"Design systems", 4},
                         {"Prototyping", 4},
                         {"Usability testing", 3},
                         {"Accessibility (WCAG)", 3},
                         {"Typography", 3},
                         {"German", 5},
                         {"English", 4},
                         {"Spanish", 2}});
    zoe.interests = texts({"Ceramics", "Film photography", "Bouldering"});
    zoe.bio = u"Product designer in Berlin, working on the operator app and our design system.\nAsk me about "
              "Figma, prototyping or making forms less painful. Away from my desk: ceramics and bouldering."_qs;
    add("zoe", "zoe-demo-password", false, "Design", "Product Design", false, zoe);

    Profile misaki;
    misaki.displayName = u"田中 美咲"_qs;
    misaki.title = u"Sales Engineer"_qs;
    misaki.department = u"Sales Engineering"_qs;
    misaki.location = u"Tokyo"_qs;
    misaki.timeZone = u"Asia/Tokyo"_qs;
    misaki.phone = u"+81 3-5550-1234"_qs;
    misaki.skills = skills({{"Sales engineering", 4},
                            {"Product demos", 5},
                            {"ROS", 3},
                            {"Python", 3},
                            {"Salesforce", 3},
                            {"Kubernetes", 2},
                            {"Japanese", 5},
                            {"English", 4},
                            {"Korean", 2}});
    misaki.interests = texts({"Karaoke", "Calligraphy", "Trail running"});
    misaki.bio = u"東京オフィスのセールスエンジニアです。I run technical demos and proofs of concept for customers "
                 "in Japan and Korea.\nAsk me about ROS integrations, or how to say \"gripper\" in Japanese."_qs;
    add("misaki", "misaki-demo-password", false, "Sales", "Sales Engineering", false, misaki);
    return specs;
}

// Replaces %1..%9 in one pass (QString::arg() with several arguments fills the lowest
// placeholders present, which is not what a template that skips %1 wants).
QString fill(const QString &pattern, std::initializer_list<QStringView> args)
{
    QString out;
    out.reserve(pattern.size() + 64);
    const QStringView *values = args.begin();
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'%' && i + 1 < pattern.size()) {
            const int n = pattern.at(i + 1).digitValue();
            if (n >= 1 && n <= int(args.size())) {
                out.append(values[n - 1]);
                ++i;
                continue;
            }
        }
        out.append(c);
    }
    return out;
}

// Every draw from m_random is its own statement (or sequenced by ?:, && or a braced list):
// the order in which function arguments or the operands of + are evaluated differs between
// compilers, and with it the company a seed gives.
class Generator
{
public:
    Generator(int people, quint64 seed)
        : m_people(std::max(people, 0))
        , m_random(seed)
        , m_cultures(cultures())
        , m_offices(offices())
        , m_departments(departments())
        , m_taxonomy(skillTaxonomy())
        , m_languages(spokenLanguages())
    {
        for (const Office &office : m_offices)
            m_officeWeights.push_back(office.weight);
        for (int d = 0; d < int(m_departments.size()); ++d) {
            m_titles.append(QList<QStringList>());
            for (const Team &team : m_departments.at(d).teams)
                m_titles.last().append(titlesFor(m_departments.at(d), team));
        }
    }

    DemoCompanyData run()
    {
        DemoCompanyData data;
        data.companyName = CompanyName;
        data.emailDomain = EmailDomain;
        if (m_people == 0)
            return data;

        buildTree();
        const QList<AccountSpec> specs = accountSpecs();
        const QList<int> accountOfSlot = placeAccounts(specs);
        for (const AccountSpec &spec : specs)
            m_taken.insert(spec.account.username); // generated people never take an account's name

        data.profiles.reserve(m_slots.size());
        QList<int> placed;
        for (int i = 0; i < int(m_slots.size()); ++i) {
            const int account = accountOfSlot.at(i);
            if (account >= 0) {
                // In a company too small for the account's own team it joins the one it was
                // placed in, so departments and reporting lines stay consistent.
                data.profiles.append(specs.at(account).profile);
                if (data.profiles.last().department != specs.at(account).team)
                    data.profiles.last().department = departmentName(m_slots.at(i));
                placed.append(account);
            } else {
                data.profiles.append(person(m_slots.at(i)));
            }
        }
        for (int i = 0; i < int(m_slots.size()); ++i) {
            if (m_slots.at(i).parent >= 0)
                data.profiles[i].manager = data.profiles.at(m_slots.at(i).parent).username;
        }
        std::sort(placed.begin(), placed.end());
        for (const int account : placed)
            data.accounts.append(specs.at(account).account);
        return data;
    }

private:
    // Org tree -----------------------------------------------------------------------------

    int addSlot(int parent, int department, int team, Role role, int depth, int office)
    {
        Slot slot;
        slot.parent = parent;
        slot.department = department;
        slot.team = team;
        slot.role = role;
        slot.depth = depth;
        slot.office = office;
        if (role == Role::Individual) {
            static constexpr std::array<int, SeniorityCount> weights {15, 35, 30, 13, 7};
            slot.seniority = m_random.weighted(weights);
        }
        if (parent >= 0 && role == Role::Manager)
            m_slots[parent].managesManagers = true;
        m_slots.append(slot);
        return int(m_slots.size()) - 1;
    }

    int randomOffice() { return m_random.weighted(m_officeWeights); }

    // People mostly sit in their manager's office; some are elsewhere.
    int officeNear(int parent) { return m_random.percent(70) ? m_slots.at(parent).office : randomOffice(); }

    void buildTree()
    {
        m_slots.reserve(m_people);
        addSlot(-1, -1, -1, Role::Ceo, 0, randomOffice());

        // Largest-remainder split of everyone but the CEO across the departments.
        const int rest = m_people - 1;
        QList<int> counts;
        QList<int> remainders;
        int assigned = 0;
        for (const Department &d : m_departments) {
            const qint64 quota = qint64(rest) * d.weight;
            counts.append(int(quota / 100));
            remainders.append(int(quota % 100));
            assigned += counts.last();
        }
        while (assigned < rest) {
            int best = 0;
            for (int d = 1; d < int(remainders.size()); ++d) {
                if (remainders.at(d) > remainders.at(best))
                    best = d;
            }
            ++counts[best];
            remainders[best] = -1;
            ++assigned;
        }

        for (int d = 0; d < int(m_departments.size()); ++d) {
            if (counts.at(d) == 0)
                continue;
            const int head = addSlot(0, d, -1, Role::Head, 1, randomOffice());
            staffDepartment(head, counts.at(d) - 1, d);
        }
    }

    void staffDepartment(int head, int count, int department)
    {
        // A small department is one team; a bigger one has a director per team. The first
        // team of each department always exists (the demo accounts live there); the others
        // come in a random order.
        const int teamCount = int(m_departments.at(department).teams.size());
        const int directors = std::min(count / 25, teamCount);
        if (directors < 2) {
            staff(head, count, 2, department, 0);
            return;
        }
        QList<int> teams;
        for (int t = 0; t < teamCount; ++t)
            teams.append(t);
        for (int t = teamCount - 1; t > 1; --t)
            std::swap(teams[t], teams[1 + int(m_random.below(quint32(t)))]);
        int remaining = count - directors;
        for (int i = 0; i < directors; ++i) {
            const int share = remaining / (directors - i);
            remaining -= share;
            const int team = teams.at(i);
            const int director = addSlot(head, department, team, Role::Director, 2, randomOffice());
            staff(director, share, 3, department, team);
        }
    }

    // Puts \a count people under \a boss: individual contributors when there are few enough
    // for one manager, otherwise managers (each with at least MinTeam people) who take a
    // share of them.
    void staff(int boss, int count, int depth, int department, int team)
    {
        static constexpr int MinTeam = 5;
        const int span = m_random.between(5, 9);
        const int managers = std::min({(count + span) / (span + 1), count / (MinTeam + 1), span});
        if (managers < 2) {
            for (int i = 0; i < count; ++i)
                addSlot(boss, department, team, Role::Individual, depth, officeNear(boss));
            return;
        }
        int remaining = count - managers;
        for (int i = 0; i < managers; ++i) {
            // Uneven teams are more realistic than identical ones.
            const int left = managers - i - 1;
            const int even = remaining / (managers - i);
            const int share = left == 0
                ? remaining
                : std::clamp(even + m_random.between(-even / 4, even / 4), MinTeam, remaining - left * MinTeam);
            remaining -= share;
            const int manager = addSlot(boss, department, team, Role::Manager, depth, officeNear(boss));
            staff(manager, share, depth + 1, department, team);
        }
    }

    QList<int> placeAccounts(const QList<AccountSpec> &specs)
    {
        QList<int> accountOfSlot(m_slots.size(), -1);
        for (int a = 0; a < int(specs.size()); ++a) {
            const AccountSpec &spec = specs.at(a);
            auto inDepartment = [&](const Slot &s) {
                return s.department >= 0 && m_departments.at(s.department).name == spec.department;
            };
            auto inTeam = [&](const Slot &s) {
                return inDepartment(s) && s.team >= 0
                    && m_departments.at(s.department).teams.at(s.team).name == spec.team;
            };
            auto fits = [&](const Slot &s) {
                return spec.wantsManager ? (s.role == Role::Director || s.role == Role::Manager)
                                         : s.role == Role::Individual;
            };
            const std::array<std::function<bool(const Slot &)>, 5> preferences {
                [&](const Slot &s) { return fits(s) && inTeam(s); },
                [&](const Slot &s) { return fits(s) && inDepartment(s); },
                [&](const Slot &s) { return fits(s); },
                [](const Slot &s) { return s.role != Role::Ceo; },
                [](const Slot &) { return true; },
            };
            for (const auto &wanted : preferences) {
                int found = -1;
                for (int i = 0; i < int(m_slots.size()) && found < 0; ++i) {
                    if (accountOfSlot.at(i) < 0 && wanted(m_slots.at(i)))
                        found = i;
                }
                if (found >= 0) {
                    accountOfSlot[found] = a;
                    break;
                }
            }
        }
        return accountOfSlot;
    }

    // People ---------------------------------------------------------------------------------

    // Every title a team's members can have, built once: [seniority * roles + role].
    static QStringList titlesFor(const Department &department, const Team &team)
    {
        const std::array<QString, SeniorityCount> prefixes {u"Junior "_qs, QString(), u"Senior "_qs,
                                                            department.technical ? u"Staff "_qs : u"Lead "_qs,
                                                            u"Principal "_qs};
        QStringList titles;
        for (const QString &prefix : prefixes) {
            for (const QString &role : team.icRoles)
                titles.append(prefix + role);
        }
        return titles;
    }

    QString title(const Slot &slot)
    {
        switch (slot.role) {
        case Role::Ceo: return u"Chief Executive Officer"_qs;
        case Role::Head: return m_departments.at(slot.department).headTitle;
        case Role::Director: {
            const QString &team = m_departments.at(slot.department).teams.at(slot.team).name;
            return (slot.team % 2 ? u"Head of "_qs : u"Director of "_qs) + team;
        }
        case Role::Manager: {
            const QString &manager = m_departments.at(slot.department).teams.at(slot.team).managerTitle;
            return slot.managesManagers ? u"Senior "_qs + manager : manager;
        }
        case Role::Individual: {
            const Team &team = m_departments.at(slot.department).teams.at(slot.team);
            const int role = int(m_random.below(quint32(team.icRoles.size())));
            return m_titles.at(slot.department).at(slot.team).at(slot.seniority * team.icRoles.size() + role);
        }
        }
        return QString();
    }

    QString departmentName(const Slot &slot) const
    {
        if (slot.role == Role::Ceo)
            return u"Executive Office"_qs;
        const Department &department = m_departments.at(slot.department);
        return slot.team < 0 ? department.name : department.teams.at(slot.team).name;
    }

    QString uniqueUsername(const QString &base)
    {
        if (!m_taken.contains(base)) {
            m_taken.insert(base);
            return base;
        }
        int n = m_nextSuffix.value(base, 2);
        QString candidate = base + QString::number(n);
        while (m_taken.contains(candidate))
            candidate = base + QString::number(++n);
        m_nextSuffix.insert(base, n + 1);
        m_taken.insert(candidate);
        return candidate;
    }

    QString phone(const Office &office)
    {
        QString out = office.phonePattern;
        for (QChar &c : out) {
            if (c == u'#')
                c = QChar(u'0' + m_random.below(10));
        }
        return out;
    }

    int skillLevel(int seniority)
    {
        static constexpr std::array<int, 5> weights {16, 28, 32, 18, 6};
        int level = 1 + m_random.weighted(weights);
        if (seniority >= Senior && level < 5 && m_random.percent(25))
            ++level;
        return level;
    }

    void addSkill(Profile &p, const QString &name, int level)
    {
        if (p.skills.size() >= Limits::SkillsMax)
            return;
        for (const Skill &s : std::as_const(p.skills)) {
            if (s.name == name) // taxonomy names have distinct keys, so equal names are the only clash
                return;
        }
        p.skills.append({name, level});
    }

    void addSkills(Profile &p, const Slot &slot, const Culture &culture)
    {
        const bool leads = slot.role != Role::Individual;
        const int seniority = leads ? Senior : slot.seniority;
        const int wanted = m_random.between(3, 8) + (leads ? 1 : seniority / 2);
        const Department *department = slot.department >= 0 ? &m_departments.at(slot.department) : nullptr;
        const Team *team = department && slot.team >= 0 ? &department->teams.at(slot.team) : nullptr;

        for (int attempt = 0; attempt < wanted * 3 && p.skills.size() < wanted; ++attempt) {
            const int roll = int(m_random.below(100));
            const QStringList *pool = nullptr;
            if (roll < 55 && team)
                pool = &team->coreSkills;
            else if (roll < 85 && department)
                pool = &department->secondarySkills;
            else if (roll < 97)
                pool = &generalSkills();
            else
                pool = &m_taxonomy;
            const QString &name = m_random.pick(*pool);
            addSkill(p, name, skillLevel(seniority));
        }
        if (leads && m_random.percent(70)) {
            const QString name = m_random.percent(50) ? u"People management"_qs : u"Leadership"_qs;
            addSkill(p, name, skillLevel(Senior));
        }

        // Spoken languages: the person's own, English, the office's and now and then another.
        if (m_random.percent(35))
            addSkill(p, m_random.pick(culture.languages), 5);
        if (!culture.languages.contains(u"English"_qs) && m_random.percent(55))
            addSkill(p, u"English"_qs, m_random.between(3, 5));
        const Office &office = m_offices.at(slot.office);
        const QString &local = m_cultures.at(office.cultures.first()).languages.first();
        if (!culture.languages.contains(local) && m_random.percent(30))
            addSkill(p, local, m_random.between(1, 3));
        if (m_random.percent(10)) {
            const QString &language = m_random.pick(m_languages);
            addSkill(p, language, m_random.between(1, 3));
        }
    }

    void addInterests(Profile &p)
    {
        static constexpr std::array<int, 6> counts {10, 15, 30, 25, 15, 5};
        const int wanted = m_random.weighted(counts);
        const QStringList &all = interestNames();
        for (int attempt = 0; attempt < wanted * 3 && p.interests.size() < wanted; ++attempt) {
            const QString &interest = m_random.pick(all);
            if (!p.interests.contains(interest))
                p.interests.append(interest);
        }
    }

    QString bio(const Profile &p, const Slot &slot, const QString &firstName)
    {
        if (m_random.percent(7))
            return QString();
        static const QStringList leaderFocus =
            texts({"our strategy for the next three years", "hiring and growing the team", "time with customers",
                   "the annual planning cycle", "how we work across offices"});
        const Team *team = slot.team >= 0 ? &m_departments.at(slot.department).teams.at(slot.team) : nullptr;
        const QStringList &focus = team ? team->focus : leaderFocus;
        const QString year = QString::number(m_random.between(2012, 2025));

        const QStringList &openers = p.title.contains(p.department) ? bioLeaderOpeners() : bioOpeners();
        QString out = fill(m_random.pick(openers), {p.title, p.department, p.location, CompanyName, year, firstName});
        const QString &focus1 = m_random.pick(focus);
        QString focus2 = m_random.pick(focus);
        if (focus2 == focus1)
            focus2 = focus.at((focus.indexOf(focus1) + 1) % focus.size());
        out += u' ' + fill(m_random.pick(bioFocusSentences()), {focus1, focus2});

        // The two work skills the person knows best (spoken languages read oddly here), and
        // one they do not have yet.
        const Skill *best = nullptr;
        const Skill *second = nullptr;
        for (const Skill &s : p.skills) {
            if (m_languages.contains(s.name))
                continue;
            if (!best || s.level > best->level) {
                second = best;
                best = &s;
            } else if (!second || s.level > second->level) {
                second = &s;
            }
        }
        if (second && m_random.percent(60)) {
            const QString &learning = m_random.pick(team ? team->coreSkills : generalSkills());
            out += u' ' + fill(m_random.pick(bioSkillSentences()), {best->name, second->name, learning});
        }
        if (m_random.percent(55)) {
            const QString &sentence = m_random.pick(bioPersonalSentences());
            const bool needsTwo = sentence.contains(u"%2"_qs);
            const bool needsOne = sentence.contains(u"%1"_qs);
            if ((!needsTwo || p.interests.size() >= 2) && (!needsOne || !p.interests.isEmpty())) {
                const QChar separator = m_random.percent(50) ? u'\n' : u' ';
                const QString &fact = m_random.pick(funFacts());
                const QString &employer = m_random.pick(pastEmployers());
                out += separator + fill(sentence, {p.interests.value(0), p.interests.value(1), fact, employer});
            }
        }
        return out;
    }

    Profile person(const Slot &slot)
    {
        const Office &office = m_offices.at(slot.office);
        const int cultureIndex = m_random.percent(8) ? int(m_random.below(quint32(m_cultures.size())))
                                                     : office.cultures.at(m_random.weighted(office.cultureWeights));
        const Culture &culture = m_cultures.at(cultureIndex);
        const bool female = m_random.percent(50);
        const NamePart &given = m_random.pick(female ? culture.female : culture.male);
        const int familyIndex = int(m_random.below(quint32(culture.family.size())));
        const NamePart &family = (female ? culture.familyFemale : culture.family).at(familyIndex);

        Profile p;
        if (culture.nativeScript && m_random.percent(45)) {
            if (culture.familyFirst)
                p.displayName = culture.joined ? family.display + given.display : family.display + u' ' + given.display;
            else
                p.displayName = given.display + u' ' + family.display;
        } else {
            p.displayName = given.latin + u' ' + family.latin;
        }
        p.username = uniqueUsername(given.slug + u'.' + family.slug);
        p.email = p.username + u'@' + EmailDomain;
        p.title = title(slot);
        p.department = departmentName(slot);
        p.location = office.city;
        p.timeZone = office.timeZone;
        if (m_random.percent(85))
            p.phone = phone(office);
        addSkills(p, slot, culture);
        addInterests(p);
        p.bio = bio(p, slot, culture.nativeScript ? given.display : given.latin);
        return p;
    }

    const int m_people;
    DemoRandom m_random;
    const QList<Culture> &m_cultures;
    const QList<Office> &m_offices;
    const QList<Department> &m_departments;
    const QStringList &m_taxonomy;
    std::vector<int> m_officeWeights;
    const QStringList &m_languages;
    QList<QList<QStringList>> m_titles; // [department][team] -> titlesFor()
    QList<Slot> m_slots;
    QSet<QString> m_taken;
    QHash<QString, int> m_nextSuffix;
};

} // namespace

DemoCompanyData generateDemoCompany(int people, quint64 seed)
{
    return Generator(people, seed).run();
}

QStringList demoSkillTaxonomy()
{
    return skillTaxonomy();
}

} // namespace Colleagues
