// SPDX-License-Identifier: MIT
#include "core/ProfileCsv.h"
#include "core/TextFold.h"
#include "core/Validation.h"
#include "demo/DemoCompany.h"
#include "demo/DemoData_p.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTest>

using namespace Colleagues;

namespace {

bool hasNonLatinLetter(const QString &text)
{
    for (const QChar c : text) {
        if (c.isLetter() && c.script() != QChar::Script_Latin && c.script() != QChar::Script_Common)
            return true;
    }
    return false;
}

bool hasDiacritic(const QString &text)
{
    return foldText(text) != text.toCaseFolded() && !hasNonLatinLetter(text);
}

// Every generated field, in order, hashed: the CSV export writes each one.
QByteArray fingerprint(const QList<Profile> &profiles)
{
    return QCryptographicHash::hash(profilesToCsv(profiles), QCryptographicHash::Sha256).toHex();
}

constexpr char PinnedFingerprint[] = "a471e98e5342931c93b0444103fed680422609f7be0ad9eef14e9ced9ced94c8";

} // namespace

class TestDemoCompany : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dataTablesAreConsistent();
    void taxonomy();
    void invariants_data();
    void invariants();
    void spanOfControl();
    void variety();
    void deterministic();
    void demoAccounts();
    void csvRoundTrip();
    void scales();
};

void TestDemoCompany::dataTablesAreConsistent()
{
    const QStringList problems = Demo::dataProblems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestDemoCompany::taxonomy()
{
    const QStringList skills = demoSkillTaxonomy();
    QSet<QString> keys;
    for (const QString &skill : skills) {
        QVERIFY2(!Validation::checkSingleLine(skill, u"skill"_qs, Limits::SkillNameMax, true), qPrintable(skill));
        QVERIFY2(!skill.contains(QLatin1Char(';')), qPrintable(skill)); // would not survive the CSV format
        keys.insert(canonicalSkillKey(skill));
    }
    QCOMPARE(keys.size(), skills.size());
    QVERIFY2(keys.size() >= 300, qPrintable(QString::number(keys.size())));
    for (const char *expected :
         {"C++",  "C",          "C#",     "F#",         ".NET",      "Node.js",     "CI/CD",    "UI/UX",
          "Rust", "Go",         "Python", "Kubernetes", "Terraform", "SAP payroll", "IFRS",     "Contract law",
          "GDPR", "Salesforce", "Figma",  "Japanese",   "German",    "Spanish",     "Mandarin", "Portuguese"}) {
        QVERIFY2(keys.contains(canonicalSkillKey(QString::fromUtf8(expected))), expected);
    }
}

void TestDemoCompany::invariants_data()
{
    QTest::addColumn<int>("people");
    QTest::addColumn<quint64>("seed");
    for (const int people : {1, 2, 3, 5, 13, 60, 400, 5000}) {
        for (const quint64 seed : {quint64(1), quint64(20240607)})
            QTest::addRow("%d people, seed %llu", people, static_cast<unsigned long long>(seed)) << people << seed;
    }
}

void TestDemoCompany::invariants()
{
    QFETCH(int, people);
    QFETCH(quint64, seed);

    const DemoCompanyData company = generateDemoCompany(people, seed);
    QCOMPARE(company.profiles.size(), people);
    QVERIFY(!company.companyName.isEmpty());

    QSet<QString> taxonomy;
    for (const QString &skill : demoSkillTaxonomy())
        taxonomy.insert(canonicalSkillKey(skill));

    QHash<QString, const Profile *> byUsername;
    for (const Profile &p : company.profiles) {
        QVERIFY2(!byUsername.contains(p.username), qPrintable(u"duplicate username "_qs + p.username));
        byUsername.insert(p.username, &p);
    }

    int roots = 0;
    for (const Profile &p : company.profiles) {
        const QList<Error> errors = Validation::validate(p);
        QVERIFY2(errors.isEmpty(), qPrintable(p.username + u": "_qs + errors.value(0).message));
        Profile normalized = p;
        Validation::normalize(normalized);
        QCOMPARE(normalized, p);
        QVERIFY(p.id.isEmpty());
        QCOMPARE(p.email, p.username + u'@' + company.emailDomain);
        QVERIFY2(!p.timeZone.isEmpty() && !Validation::checkTimeZone(p.timeZone), qPrintable(p.timeZone));
        QVERIFY(!p.title.isEmpty() && !p.department.isEmpty() && !p.location.isEmpty());
        for (const Skill &skill : p.skills) {
            QVERIFY(skill.level >= 1 && skill.level <= 5);
            QVERIFY2(taxonomy.contains(canonicalSkillKey(skill.name)), qPrintable(skill.name));
        }
        if (p.manager.isEmpty()) {
            ++roots;
            continue;
        }
        QVERIFY2(byUsername.contains(p.manager), qPrintable(p.username + u" has unknown manager "_qs + p.manager));
        // Walking up from anyone reaches the root in fewer steps than there are people.
        const Profile *at = &p;
        int steps = 0;
        while (!at->manager.isEmpty() && steps <= people) {
            at = byUsername.value(at->manager);
            ++steps;
        }
        QVERIFY2(steps <= people, qPrintable(u"cycle above "_qs + p.username));
    }
    QCOMPARE(roots, 1);

    for (const DemoAccount &account : company.accounts) {
        QVERIFY2(byUsername.contains(account.username), qPrintable(account.username));
        QVERIFY(!account.password.isEmpty());
    }
    QCOMPARE(company.accounts.size(), std::min(people, 5));
}

void TestDemoCompany::spanOfControl()
{
    const DemoCompanyData company = generateDemoCompany(5000, 3);
    QHash<QString, int> reports;
    QHash<QString, QString> managerOf;
    QString root;
    for (const Profile &p : company.profiles) {
        managerOf.insert(p.username, p.manager);
        if (p.manager.isEmpty())
            root = p.username;
        else
            ++reports[p.manager];
    }
    int managers = 0;
    for (auto it = reports.cbegin(); it != reports.cend(); ++it) {
        ++managers;
        const int depth = [&] {
            int d = 0;
            for (QString at = it.key(); !managerOf.value(at).isEmpty(); at = managerOf.value(at))
                ++d;
            return d;
        }();
        QVERIFY2(it.value() <= 14,
                 qPrintable(u"%1 (depth %2) has %3 reports"_qs.arg(it.key()).arg(depth).arg(it.value())));
    }
    QCOMPARE(reports.value(root), 11); // one head per department
    const double managerShare = double(managers) / company.profiles.size();
    QVERIFY2(managerShare > 0.08 && managerShare < 0.25, qPrintable(QString::number(managerShare)));
}

void TestDemoCompany::variety()
{
    const DemoCompanyData company = generateDemoCompany(5000, 1);
    QSet<QString> locations, zones, departments, titles;
    int nonLatin = 0, diacritics = 0, withPhone = 0, withBio = 0, experts = 0, skills = 0;
    QSet<QString> bios;
    for (const Profile &p : company.profiles) {
        locations.insert(p.location);
        zones.insert(p.timeZone);
        departments.insert(p.department);
        titles.insert(p.title);
        nonLatin += hasNonLatinLetter(p.displayName);
        diacritics += hasDiacritic(p.displayName);
        withPhone += !p.phone.isEmpty();
        withBio += !p.bio.isEmpty();
        bios.insert(p.bio);
        for (const Skill &s : p.skills) {
            ++skills;
            experts += s.level == 5;
        }
    }
    QVERIFY2(locations.size() >= 20, qPrintable(QString::number(locations.size())));
    QVERIFY(zones.size() >= 18);
    for (const char *city : {"Berlin", "São Paulo", "Tokyo", "Bengaluru", "Zürich", "Nairobi", "Lagos"})
        QVERIFY2(locations.contains(QString::fromUtf8(city)), city);
    for (const char *department : {"Engineering", "Data", "Data Platform", "Design", "Product", "Sales", "Marketing",
                                   "Finance", "Legal", "People", "Customer Support", "Operations"}) {
        QVERIFY2(departments.contains(QString::fromUtf8(department)), department);
    }
    QVERIFY(titles.size() > 150);
    QVERIFY2(nonLatin > 100, qPrintable(QString::number(nonLatin)));
    QVERIFY2(diacritics > 300, qPrintable(QString::number(diacritics)));
    QVERIFY(withPhone > 3500 && withPhone < 5000);
    QVERIFY(withBio > 4000);
    QVERIFY2(bios.size() > 4000, "bios should rarely repeat");
    // Experts are rare: native speakers and seniors bring some, but far from most.
    QVERIFY2(experts * 100 / skills < 20, qPrintable(u"%1 of %2 skills at level 5"_qs.arg(experts).arg(skills)));
}

void TestDemoCompany::deterministic()
{
    const DemoCompanyData a = generateDemoCompany(1500, 42);
    const DemoCompanyData b = generateDemoCompany(1500, 42);
    QCOMPARE(a.profiles, b.profiles);
    const DemoCompanyData c = generateDemoCompany(1500, 43);
    QVERIFY(a.profiles != c.profiles);

    // Pinned: the generator uses its own PRNG, no hash-ordered containers and no draws whose
    // order the compiler picks, so a seed gives the same company with GCC and Clang, on every
    // platform. When the data tables or the generator change on purpose, update
    // PinnedFingerprint from this test's failure message.
    QCOMPARE(fingerprint(generateDemoCompany(300, 42).profiles), QByteArray(PinnedFingerprint));
}

void TestDemoCompany::demoAccounts()
{
    const DemoCompanyData company = generateDemoCompany(400, 1);
    QStringList usernames;
    for (const DemoAccount &account : company.accounts)
        usernames.append(account.username);
    QCOMPARE(usernames, (QStringList {u"ada"_qs, u"grace"_qs, u"admin"_qs, u"zoe"_qs, u"misaki"_qs}));
    QCOMPARE(company.accounts.at(0).password, u"ada-demo-password"_qs);
    for (const DemoAccount &account : company.accounts)
        QCOMPARE(account.admin, account.username == u"admin");

    auto find = [&](const QString &username) {
        for (const Profile &p : company.profiles) {
            if (p.username == username)
                return p;
        }
        return Profile();
    };
    const Profile ada = find(u"ada"_qs);
    QCOMPARE(ada.displayName, u"Ada Lovelace"_qs);
    QCOMPARE(ada.department, u"Platform Engineering"_qs);
    QStringList adaSkills;
    for (const Skill &s : ada.skills)
        adaSkills.append(s.name);
    QVERIFY(adaSkills.contains(u"C++"_qs));
    QVERIFY(adaSkills.contains(u"Kubernetes"_qs));
    QVERIFY(!ada.manager.isEmpty());
    QVERIFY(!ada.bio.isEmpty() && !ada.phone.isEmpty() && !ada.interests.isEmpty());

    int graceReports = 0;
    for (const Profile &p : company.profiles)
        graceReports += p.manager == u"grace";
    QVERIFY2(graceReports > 0, "grace should lead a team");
    QCOMPARE(find(u"misaki"_qs).displayName, u"田中 美咲"_qs);
    QCOMPARE(find(u"zoe"_qs).displayName, u"Zoë Müller"_qs);
}

void TestDemoCompany::csvRoundTrip()
{
    const DemoCompanyData company = generateDemoCompany(400, 5);
    const ProfileCsvResult result = readProfileCsv(profilesToCsv(company.profiles));
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).message));
    QCOMPARE(result.profiles, company.profiles);
}

void TestDemoCompany::scales()
{
    // The figure that matters (100,000 people in a few seconds) is for optimized builds;
    // debug and sanitizer builds check the same thing at a smaller size.
#if defined(__OPTIMIZE__) && !defined(__SANITIZE_ADDRESS__)
    constexpr int People = 100'000;
    constexpr qint64 LimitMs = 15'000;
#else
    constexpr int People = 20'000;
    constexpr qint64 LimitMs = 60'000;
#endif
    QElapsedTimer timer;
    timer.start();
    const DemoCompanyData company = generateDemoCompany(People, 9);
    const qint64 ms = timer.elapsed();
    qInfo("generated %d people in %lld ms", People, static_cast<long long>(ms));
    QCOMPARE(company.profiles.size(), People);
    QSet<QString> usernames;
    for (const Profile &p : company.profiles)
        usernames.insert(p.username);
    QCOMPARE(usernames.size(), People);
    QVERIFY2(ms < LimitMs, qPrintable(QString::number(ms)));
}

QTEST_GUILESS_MAIN(TestDemoCompany)
#include "tst_democompany.moc"
