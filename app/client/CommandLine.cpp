// SPDX-License-Identifier: MIT
#include "client/CommandLine.h"

#include "client/ClientStore.h"
#include "client/search/SearchEngine.h"
#include "client/sync/PhotoCache.h"
#include "client/sync/SyncCommands.h"
#include "core/ProfileCsv.h"
#include "core/TextFold.h"
#include "core/VCard.h"
#include "core/Vocabulary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
#include <limits>

namespace Colleagues::CommandLine {

namespace {

//! The lines `colleagues search` prints for people, in their language (its --json is the same in
//! every language, as docs/cli.md describes it).
class SearchLines
{
    Q_DECLARE_TR_FUNCTIONS(Colleagues::CommandLine)
};

QString describe(const SearchResult &result)
{
    QStringList place;
    for (const QString &part : {result.title, result.department, result.location}) {
        if (!part.isEmpty())
            place.append(part);
    }
    QString line = QStringLiteral("%1 (%2)").arg(result.displayName, result.username);
    if (!place.isEmpty())
        line += QStringLiteral(" — ") + place.join(QStringLiteral(" · "));
    return line;
}

//! A field a result matched in (MatchReason::field), as the lines name it.
QString fieldName(const QString &field)
{
    static const std::pair<const char *, const char *> names[] = {
        {"name", QT_TRANSLATE_NOOP("Colleagues::CommandLine", "name")},
        {"username", QT_TRANSLATE_NOOP("Colleagues::CommandLine", "username")},
        {"title", QT_TRANSLATE_NOOP("Colleagues::CommandLine", "title")},
        {"department", QT_TRANSLATE_NOOP("Colleagues::CommandLine", "department")},
        {"location", QT_TRANSLATE_NOOP("Colleagues::CommandLine", "location")},
        {"interest", QT_TRANSLATE_NOOP("Colleagues::CommandLine", "interest")},
        {"bio", QT_TRANSLATE_NOOP("Colleagues::CommandLine", "bio")},
    };
    for (const auto &[key, name] : names) {
        if (field == QLatin1String(key))
            return SearchLines::tr(name);
    }
    return field;
}

QString describeReasons(const SearchResult &result)
{
    QStringList skills;
    for (const MatchedSkill &skill : result.matchedSkills)
        skills.append(QStringLiteral("%1 %2/5").arg(skill.name).arg(skill.level));
    QStringList fields;
    for (const MatchReason &reason : result.reasons) {
        if (reason.field == QLatin1String("skill"))
            continue;
        const QString what = reason.value.isEmpty()
            ? fieldName(reason.field)
            : fieldName(reason.field) + QStringLiteral(" \"") + reason.value + QLatin1Char('"');
        if (!fields.contains(what))
            fields.append(what);
    }
    QStringList parts;
    if (result.leads > 0)
        parts.append(SearchLines::tr("leads %n of these", nullptr, result.leads));
    if (!skills.isEmpty())
        parts.append(SearchLines::tr("skills: %1").arg(skills.join(QStringLiteral(", "))));
    if (!fields.isEmpty())
        parts.append(SearchLines::tr("matched: %1").arg(fields.join(QStringLiteral(", "))));
    return parts.join(QStringLiteral("; "));
}

QString facetLine(const QList<FacetCount> &facets, int max)
{
    QStringList parts;
    for (qsizetype i = 0; i < facets.size() && i < max; ++i)
        parts.append(QStringLiteral("%1 %2").arg(facets[i].value).arg(facets[i].count));
    if (facets.size() > max)
        parts.append(SearchLines::tr("… %1 more").arg(facets.size() - max));
    return parts.join(QStringLiteral(", "));
}

int runSearch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Search the local directory.\n\n") + SearchEngine::syntaxHelp());
    const QCommandLineOption limit(QStringList {QStringLiteral("limit"), QStringLiteral("n")},
                                   QStringLiteral("Show at most N results (default 20)."), QStringLiteral("N"),
                                   QStringLiteral("20"));
    const QCommandLineOption offset(QStringList {QStringLiteral("offset")},
                                    QStringLiteral("Skip the first N results (default 0)."), QStringLiteral("N"),
                                    QStringLiteral("0"));
    const QCommandLineOption json(QStringList {QStringLiteral("json")},
                                  QStringLiteral("Print the results as JSON (format in docs/cli.md)."));
    parser.addOption(limit);
    parser.addOption(offset);
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("QUERY"), QStringLiteral("Words and filters to search for."));
    // A query that starts with "-" ("-java") goes after "--", as options end there.
    const QString usage =
        QStringLiteral("colleagues search [--limit N] [--offset N] [--json] [--data-dir DIR] [--] QUERY");
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (const int code = parseCommand(parser, arguments, usage); code >= 0)
        return code;

    const std::optional<int> limitValue = numberValue(parser, limit, 0, 10000);
    const std::optional<int> offsetValue = numberValue(parser, offset, 0, std::numeric_limits<int>::max());
    if (!limitValue || !offsetValue) {
        err() << "colleagues search: --limit must be 0 to 10000 and --offset 0 or more\n" << usage << "\n";
        err().flush();
        return 2;
    }
    const QString query = parser.positionalArguments().join(QLatin1Char(' '));

    ClientStore store;
    if (!openStore(store, parser))
        return 1;
    SearchEngine engine(&store);
    engine.setVocabulary(Vocabulary::defaults());
    SearchRequest request;
    request.query = query;
    request.limit = *limitValue;
    request.offset = *offsetValue;
    const SearchPage page = engine.search(request);

    if (parser.isSet(json)) {
        out() << QJsonDocument(toJson(page)).toJson(QJsonDocument::Indented);
        out().flush();
        return page.error.isEmpty() || page.total > 0 ? 0 : 1;
    }
    if (!page.error.isEmpty())
        err() << "colleagues search: " << page.error << "\n";
    if (!page.correctedQuery.isEmpty()) {
        const bool also = std::all_of(page.corrections.cbegin(), page.corrections.cend(),
                                      [](const Correction &c) { return c.exactAlsoFound; });
        out() << (also ? SearchLines::tr("also showing results for %1") : SearchLines::tr("showing results for %1"))
                     .arg(page.correctedQuery)
              << "\n";
    }
    // "terraform (tf → Terraform) · in Bengaluru · experts first · ignored: who, can, help"
    const QStringList understood = page.understood.describe(UnderstoodQuery::Detail::Aliases);
    if (!understood.isEmpty())
        out() << SearchLines::tr("understood: %1").arg(understood.join(QStringLiteral(" · "))) << "\n";
    if (page.partial)
        out() << page.understood.partialText(UnderstoodQuery::Detail::Aliases) << "\n";
    QString count = SearchLines::tr("%n people", nullptr, page.total);
    if (page.total > 0 && !page.results.isEmpty()) {
        count =
            SearchLines::tr("%1, %2–%3 shown").arg(count).arg(page.offset + 1).arg(page.offset + page.results.size());
    }
    out() << count << "\n";
    if (!page.departments.isEmpty())
        out() << SearchLines::tr("departments: %1").arg(facetLine(page.departments, 8)) << "\n";
    if (!page.locations.isEmpty())
        out() << SearchLines::tr("locations: %1").arg(facetLine(page.locations, 8)) << "\n";
    int number = page.offset;
    for (const SearchResult &result : page.results) {
        out() << QStringLiteral("%1. ").arg(++number, 3) << describe(result) << "\n";
        const QString reasons = describeReasons(result);
        if (!reasons.isEmpty())
            out() << "     " << reasons << "\n";
        if (!result.unmatchedTerms.isEmpty())
            out() << "     " << SearchLines::tr("missing: %1").arg(result.unmatchedTerms.join(QStringLiteral(", ")))
                  << "\n";
    }
    out().flush();
    err().flush();
    return page.error.isEmpty() || page.total > 0 ? 0 : 1;
}

int runExportVCard(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write the people a search finds as vCard 4.0 contacts (RFC 6350, with RFC 6715 "
                       "EXPERTISE and INTEREST), for an address book. Only the fields you received are "
                       "written; photos are included when the app has them cached.\n\n")
        + SearchEngine::syntaxHelp());
    const QCommandLineOption output(QStringList {QStringLiteral("output"), QStringLiteral("o")},
                                    QStringLiteral("Write to FILE instead of standard output."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption limit(QStringList {QStringLiteral("limit"), QStringLiteral("n")},
                                   QStringLiteral("Write at most N people, best matches first (default 1000)."),
                                   QStringLiteral("N"), QStringLiteral("1000"));
    parser.addOption(output);
    parser.addOption(limit);
    parser.addPositionalArgument(QStringLiteral("QUERY"),
                                 QStringLiteral("Words and filters to search for, or a username."));
    const QString usage = QStringLiteral("colleagues export-vcard QUERY [--output FILE] [--limit N] [--data-dir DIR]");
    if (const int code = parseCommand(parser, arguments, usage); code >= 0)
        return code;
    const std::optional<int> limitValue = numberValue(parser, limit, 1, 10000);
    if (!limitValue) {
        err() << "colleagues export-vcard: --limit must be 1 to 10000\n" << usage << "\n";
        err().flush();
        return 2;
    }
    const QString query = parser.positionalArguments().join(QLatin1Char(' ')).trimmed();
    if (query.isEmpty()) {
        err() << "colleagues export-vcard: give a search (e.g. \"skill:kubernetes\") or a username\n" << usage << "\n";
        err().flush();
        return 2;
    }

    ClientStore store;
    if (!openStore(store, parser))
        return 1;
    // A username on its own means that person, even where a search would rank others first.
    QList<Profile> people;
    if (const std::optional<Profile> one = store.profileByUsername(query.toLower())) {
        people.append(*one);
    } else {
        SearchEngine engine(&store);
        engine.setVocabulary(Vocabulary::defaults());
        SearchRequest request;
        request.query = query;
        request.limit = *limitValue;
        const SearchPage page = engine.search(request);
        if (!page.error.isEmpty()) {
            err() << "colleagues export-vcard: " << page.error << "\n";
            err().flush();
            return 2;
        }
        for (const SearchResult &result : page.results) {
            if (std::optional<Profile> profile = store.profileByUsername(result.username))
                people.append(std::move(*profile));
        }
    }
    if (people.isEmpty()) {
        err() << "colleagues export-vcard: no one matches " << query << "\n";
        err().flush();
        return 1;
    }

    const QString photos = PhotoCache::defaultDirectory(store.filePath());
    QByteArray cards;
    for (const Profile &person : std::as_const(people)) {
        VCardPhoto photo;
        const QString cached = PhotoCache::cachedFile(photos, person.photoTag);
        if (QFile file(cached); !cached.isEmpty() && file.open(QIODevice::ReadOnly))
            photo.data = file.readAll();
        cards += toVCard(person, photo);
    }

    if (!parser.isSet(output)) {
        std::fwrite(cards.constData(), 1, size_t(cards.size()), stdout);
        std::fflush(stdout);
        return 0;
    }
    const QString fileName = parser.value(output);
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(cards) != cards.size() || !file.commit()) {
        err() << "colleagues export-vcard: cannot write " << fileName << ": " << file.errorString() << "\n";
        err().flush();
        return 1;
    }
    err() << "wrote " << people.size() << (people.size() == 1 ? " contact" : " contacts") << " to " << fileName << "\n";
    err().flush();
    return 0;
}

int runImportCsv(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Import people from a CSV file into the local store (upsert by username).\n"
                       "Columns: %1.\nskills as Name:level;Name:level (level 1-5, default 3), interests as "
                       "a;b;c. Every valid row is imported; each bad row is reported with its line.")
            .arg(profileCsvColumns().join(QStringLiteral(","))));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The CSV file (UTF-8, header row)."));
    const QString usage = QStringLiteral("colleagues import-csv FILE [--data-dir DIR]");
    if (const int code = parseCommand(parser, arguments, usage); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        err() << "colleagues import-csv: give exactly one FILE\n" << usage << "\n";
        err().flush();
        return 2;
    }
    const QString fileName = parser.positionalArguments().constFirst();
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        err() << "colleagues import-csv: cannot read " << fileName << ": " << file.errorString() << "\n";
        err().flush();
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    const ProfileCsvResult csv = readProfileCsv(&file);
    for (const CsvRowError &error : csv.errors) {
        err() << fileName << ":" << error.line << ": ";
        if (!error.field.isEmpty())
            err() << error.field << ": ";
        err() << error.message << "\n";
    }
    if (!csv.fileOk) {
        err() << "colleagues import-csv: " << fileName << " cannot be imported\n";
        err().flush();
        return 1;
    }
    ClientStore store;
    if (!openStore(store, parser))
        return 1;
    BatchResult result;
    DirectoryBatch batch;
    batch.upserts = csv.profiles;
    if (!store.applyBatch(batch, &result)) {
        err() << "colleagues import-csv: cannot write the local store: " << store.errorString() << "\n";
        err().flush();
        return 1;
    }
    out() << "imported " << result.upserted << (result.upserted == 1 ? " profile" : " profiles") << " from "
          << fileName;
    if (!csv.errors.isEmpty())
        out() << ", " << csv.errors.size() << (csv.errors.size() == 1 ? " row" : " rows") << " rejected";
    out() << " in " << timer.elapsed() << " ms\n";
    out().flush();
    err().flush();
    return csv.errors.isEmpty() ? 0 : 3;
}

//! The commands run here, each with what runs it (org runs in the desktop program).
constexpr Command Commands[] = {{"search", runSearch}, {"export-vcard", runExportVCard}, {"import-csv", runImportCsv}};

const QStringList &commands()
{
    static const QStringList names = [] {
        QStringList list;
        for (const auto &command : Commands)
            list.append(QLatin1String(command.name));
        return list + QStringList {QStringLiteral("org")} + SyncCommands::names();
    }();
    return names;
}

} // namespace

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int parseCommand(QCommandLineParser &parser, const QStringList &arguments, const QString &usage)
{
    parser.addOption(QCommandLineOption(
        QStringList {QStringLiteral("data-dir")},
        QStringLiteral("Keep the local store in DIR (default: %1).").arg(ClientStore::defaultDataDirectory()),
        QStringLiteral("DIR")));
    const QCommandLineOption help(QStringList {QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << "\n" << usage << "\n";
        err().flush();
        return 2;
    }
    if (parser.isSet(help)) {
        // Qt's first line is "Usage: PROGRAM [options]"; ours names the command and its arguments.
        QString text = parser.helpText();
        text.replace(0, text.indexOf(QLatin1Char('\n')), QStringLiteral("Usage: ") + usage);
        out() << text;
        out().flush();
        return 0;
    }
    return -1;
}

std::optional<int> numberValue(const QCommandLineParser &parser, const QCommandLineOption &option, int min, int max)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

bool openStore(ClientStore &store, const QCommandLineParser &parser)
{
    if (store.open(parser.value(QStringLiteral("data-dir"))))
        return true;
    err() << "colleagues: " << store.errorString() << "\n";
    err().flush();
    return false;
}

QString commandName(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == QLatin1String("--data-dir")) {
            ++i;
            continue;
        }
        if (argument.startsWith(QLatin1Char('-')))
            continue;
        return commands().contains(argument) ? argument : QString();
    }
    return QString();
}

int run(const QStringList &arguments)
{
    const QString command = commandName(arguments);
    QStringList rest = arguments;
    rest.removeAt(rest.indexOf(command, 1));
    for (const auto &c : Commands) {
        if (command == QLatin1String(c.name))
            return c.run(rest);
    }
    if (SyncCommands::names().contains(command))
        return SyncCommands::run(command, rest);
    if (command == QLatin1String("org")) {
        // Drawn with Qt Gui: the desktop program runs it (ui/org/OrgCommand).
        err() << "colleagues org: run it with the colleagues program\n";
        err().flush();
        return 1;
    }
    err() << "colleagues: unknown command\n";
    err().flush();
    return 2;
}

QString commandsHelp()
{
    return QStringLiteral("Commands (no window needed; each has --help):\n"
                          "  search QUERY [--limit N] [--offset N] [--json]   search the local directory\n"
                          "  export-vcard QUERY [--output FILE]               save the people found as contacts\n"
                          "  import-csv FILE                                  import people from a CSV file\n"
                          "  org USERNAME [--depth N] [--json] [--svg FILE] [--png FILE]\n"
                          "                                                   a person's managers, reports, headcount\n"
                          "%2"
                          "Global option: --data-dir DIR (default: %1)\n")
        .arg(ClientStore::defaultDataDirectory(), SyncCommands::help());
}

} // namespace Colleagues::CommandLine
