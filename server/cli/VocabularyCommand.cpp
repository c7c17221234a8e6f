// SPDX-License-Identifier: MIT
#include "server/cli/VocabularyCommand.h"

#include "core/Vocabulary.h"
#include "server/cli/CliSupport.h"
#include "server/http/VocabularyService.h"

#include <QFile>
#include <QSaveFile>
#include <QStringDecoder>

namespace Colleagues::Server::Cli {

namespace {

//! A vocabulary file larger than this is not one (20,000 full entries are far smaller).
constexpr qint64 MaxFileBytes = 64 * 1024 * 1024;

const QString VocabularyHelp =
    QStringLiteral("Usage: colleagues-server vocabulary COMMAND [options]\n"
                   "Manages the vocabulary of skills, places and job titles that search understands.\n"
                   "\n"
                   "Commands:\n"
                   "  import FILE [--merge]  Replaces the vocabulary with FILE, or with --merge adds its entries\n"
                   "                         (an entry of the same kind and name is replaced).\n"
                   "  export [FILE]          Writes the vocabulary the server serves to FILE or standard output.\n"
                   "\n"
                   "Until a vocabulary is imported the server serves the default shipped with Colleagues. The file\n"
                   "format is one entry a line, e.g. \u201cskill Kubernetes | k8s, kube ~ Docker, Helm\u201d; see the\n"
                   "administrator's guide. Each command takes --data-dir DIR or --database URL.\n");

int import(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Imports the vocabulary in FILE (UTF-8, one entry a line). Without --merge it replaces the current\n"
        "vocabulary; with --merge its entries replace those of the same kind and name and the others are\n"
        "added. A file with errors changes nothing: every bad line is reported with its number.\n"
        "\n"
        "Exit status: 0 when imported, 1 when the file has errors, 2 for usage errors, an unreadable\n"
        "file or a database that cannot be opened."));
    const QCommandLineOption merge(QStringLiteral("merge"),
                                   QStringLiteral("Add FILE's entries to the current vocabulary instead of "
                                                  "replacing it."));
    parser.addOption(merge);
    const StorageOptions storageOptions;
    storageOptions.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The vocabulary file."));
    if (const auto done =
            parseCommand(parser, arguments, QStringLiteral("colleagues-server vocabulary import [options] FILE"), 1))
        return *done;
    const QString path = parser.positionalArguments().constFirst();

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        printError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        return UsageError;
    }
    if (file.size() > MaxFileBytes) {
        printError(QStringLiteral("%1 is larger than %2 MB; it is not a vocabulary file.")
                       .arg(path)
                       .arg(MaxFileBytes / (1024 * 1024)));
        return UsageError;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(file.readAll());
    if (decoder.hasError()) {
        printError(QStringLiteral("%1 is not UTF-8 text.").arg(path));
        return UsageError;
    }
    // Every problem first, so that one run shows the administrator all there is to fix.
    const QList<Error> problems = Vocabulary::problems(text);
    if (!problems.isEmpty()) {
        for (const Error &problem : problems)
            printError(QStringLiteral("%1: %2").arg(path, problem.message));
        printError(QStringLiteral("nothing was imported."));
        return Failed;
    }
    const Expected<Vocabulary> parsed = Vocabulary::parse(text);
    if (!parsed) { // problems() found nothing, so this cannot happen; never import half a file
        printError(QStringLiteral("%1: %2").arg(path, parsed.error().message));
        return Failed;
    }

    const auto storage = storageOptions.open(parser);
    if (!storage)
        return UsageError;
    VocabularyService service(storage.get());
    const bool merging = parser.isSet(merge);
    const Expected<Vocabulary> served = service.import(
        parsed.value(), merging ? VocabularyService::ImportMode::Merge : VocabularyService::ImportMode::Replace);
    if (!served) {
        printError(served.error().message);
        printError(QStringLiteral("nothing was imported."));
        return Failed;
    }
    printOut(QStringLiteral("%1 %2 entries from %3; the vocabulary has %4 entries now (version %5).\n")
                 .arg(merging ? QStringLiteral("Merged") : QStringLiteral("Imported"))
                 .arg(parsed->size())
                 .arg(path)
                 .arg(served->size())
                 .arg(served->version()));
    return Success;
}

int exportVocabulary(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes the vocabulary the server serves (the imported one, or the default) to FILE, or to\n"
                       "standard output without FILE, in the format import reads."));
    const StorageOptions storageOptions;
    storageOptions.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Where to write (optional)."),
                                 QStringLiteral("[FILE]"));
    // FILE is optional: count what was given before checking, so that a second one is refused.
    QCommandLineParser probe;
    storageOptions.addTo(probe);
    probe.addHelpOption();
    probe.parse(arguments);
    const int given = std::min<int>(1, static_cast<int>(probe.positionalArguments().size()));
    if (const auto done = parseCommand(parser, arguments,
                                       QStringLiteral("colleagues-server vocabulary export [options] [FILE]"), given))
        return *done;

    const auto storage = storageOptions.open(parser);
    if (!storage)
        return UsageError;
    VocabularyService service(storage.get());
    const Expected<Vocabulary> current = service.current();
    if (!current) {
        printError(current.error().message);
        return Failed;
    }
    const QByteArray text = current->toText().toUtf8();
    if (given == 0) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(text) != text.size()) {
            printError(QStringLiteral("cannot write to standard output."));
            return Failed;
        }
        return Success;
    }
    const QString path = parser.positionalArguments().constFirst();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        printError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
        return Failed;
    }
    printOut(
        QStringLiteral("Wrote %1 entries (version %2) to %3.\n").arg(current->size()).arg(current->version(), path));
    return Success;
}

} // namespace

int runVocabularyCommand(const QStringList &arguments)
{
    return runSubcommand(arguments, QStringLiteral("vocabulary"), VocabularyHelp,
                         {{"import", import}, {"export", exportVocabulary}});
}

} // namespace Colleagues::Server::Cli
