// SPDX-License-Identifier: MIT
// Fuzzes the search path a keystroke takes: SearchQuery::parse, then SearchEngine::search
// against a real SQLite FTS5 store of a small directory. Beyond "no crash": a page never
// holds more than asked, its total covers it, facet counts never exceed the total, and
// every match span lies inside the text it points into.
#include "client/ClientStore.h"
#include "client/search/SearchEngine.h"
#include "client/search/SearchQuery.h"
#include "tests/fuzz/FuzzCheck.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdint>
#include <memory>

using namespace Colleagues;
using Colleagues::Test::check;

namespace {

struct Fixture
{
    std::unique_ptr<QCoreApplication> app;
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<ClientStore> store;
    std::unique_ptr<SearchEngine> engine;
};

Fixture *fixture = nullptr;

Profile person(int i, const QString &name, const QString &title, const QString &dept, const QString &location,
               const SkillList &skills, const QStringList &interests, const QString &bio)
{
    Profile p;
    p.id = QStringLiteral("id-%1").arg(i);
    p.username = QStringLiteral("user%1").arg(i);
    p.displayName = name;
    p.title = title;
    p.department = dept;
    p.location = location;
    p.timeZone = QStringLiteral("Europe/Berlin");
    p.skills = skills;
    p.interests = interests;
    p.bio = bio;
    p.revision = 1;
    return p;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fixture = new Fixture;
    fixture->app = std::make_unique<QCoreApplication>(*argc, *argv);
    fixture->dir = std::make_unique<QTemporaryDir>();
    fixture->store = std::make_unique<ClientStore>();
    check(fixture->store->open(fixture->dir->path()));
    QList<Profile> people {
        person(1, QStringLiteral("Zoë Müller"), QStringLiteral("Staff Engineer"), QStringLiteral("Data Platform"),
               QStringLiteral("São Paulo"), {{QStringLiteral("C++"), 5}, {QStringLiteral("Kubernetes"), 4}},
               {QStringLiteral("Climbing")}, QStringLiteral("Builds \"pipelines\" AND things; NOT OR NEAR(x)")),
        person(2, QStringLiteral("José Ramírez"), QStringLiteral("Payroll Lead"), QStringLiteral("People"),
               QStringLiteral("Madrid"), {{QStringLiteral("SAP payroll"), 5}, {QStringLiteral("C"), 2}},
               {QStringLiteral("Jazz")}, QStringLiteral("Numbers * and ^ symbols")),
        person(3, QStringLiteral("田中 美咲"), QStringLiteral("Designer"), QStringLiteral("Design"),
               QStringLiteral("Tokyo"), {{QStringLiteral("Figma"), 4}, {QStringLiteral("Japanese"), 5}},
               {QStringLiteral("UI/UX")}, QString()),
        person(4, QStringLiteral("Ngozi Okafor"), QStringLiteral("SRE"), QStringLiteral("Engineering"),
               QStringLiteral("Lagos"),
               {{QStringLiteral("Node.js"), 3}, {QStringLiteral("CI/CD"), 4}, {QStringLiteral("C#"), 1}},
               {QStringLiteral(".NET meetups")}, QStringLiteral("On call.")),
    };
    check(fixture->store->upsertProfiles(people));
    fixture->engine = std::make_unique<SearchEngine>(fixture->store.get());
    check(fixture->engine->prepare());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 512)
        return 0; // a search field, not a document
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const SearchQuery query = SearchQuery::parse(text);
    check(query.minLevel >= 0);

    SearchRequest request;
    request.query = text;
    request.limit = 3;
    const SearchPage page = fixture->engine->search(request);
    check(page.results.size() <= request.limit);
    check(page.total >= page.results.size());
    for (const FacetCount &facet : page.departments)
        check(facet.count >= 0 && facet.count <= page.total);
    for (const FacetCount &facet : page.locations)
        check(facet.count >= 0 && facet.count <= page.total);
    for (const SearchResult &result : page.results) {
        for (const MatchedSkill &skill : result.matchedSkills) {
            for (const MatchSpan &span : skill.spans)
                check(span.start >= 0 && span.length >= 0 && span.start + span.length <= skill.name.size());
        }
    }
    return 0;
}
