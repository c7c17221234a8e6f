// SPDX-License-Identifier: MIT
#include "ui/org/OrgCommand.h"

#include "client/ClientStore.h"
#include "client/CommandLine.h"
#include "client/org/OrgChart.h"
#include "ui/org/OrgModel.h"
#include "ui/org/OrgPainter.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QSvgGenerator>
#include <QTextStream>

namespace Colleagues::OrgCommand {

namespace {

using CommandLine::err;
using CommandLine::out;

QJsonObject personJson(const OrgPerson &person)
{
    return QJsonObject {{QStringLiteral("username"), person.username},
                        {QStringLiteral("display_name"), person.displayName},
                        {QStringLiteral("title"), person.title}};
}

QJsonArray reportsJson(const OrgChart &chart, qint64 id, int depth, std::vector<qint64> *above)
{
    QJsonArray list;
    for (qint64 report : chart.directReports(id)) {
        QJsonObject entry = personJson(*chart.person(report));
        entry.insert(QStringLiteral("headcount"), chart.headcount(report));
        if (depth > 1 && std::find(above->begin(), above->end(), report) == above->end()) {
            above->push_back(report);
            entry.insert(QStringLiteral("reports"), reportsJson(chart, report, depth - 1, above));
            above->pop_back();
        }
        list.append(entry);
    }
    return list;
}

//! One line a person of \a reports (as reportsJson() gives them), each level of reports indented
//! under whom they report to.
void printReports(const QJsonArray &reports, int indent)
{
    for (const QJsonValue &value : reports) {
        const QJsonObject r = value.toObject();
        out() << QString(indent, u' ') << r.value(u"display_name").toString() << " (" << r.value(u"username").toString()
              << ")";
        if (const QString title = r.value(u"title").toString(); !title.isEmpty())
            out() << " — " << title;
        if (const int headcount = r.value(u"headcount").toInt(); headcount > 0)
            out() << " · " << headcount << (headcount == 1 ? " person" : " people") << " under them";
        out() << "\n";
        printReports(r.value(u"reports").toArray(), indent + 2);
    }
}

QJsonArray problemsJson(const QList<OrgProblem> &problems)
{
    QJsonArray list;
    for (const OrgProblem &problem : problems) {
        QJsonObject entry {
            {QStringLiteral("kind"),
             problem.kind == OrgProblem::Kind::Cycle ? QStringLiteral("cycle") : QStringLiteral("missing_manager")},
            {QStringLiteral("usernames"), QJsonArray::fromStringList(problem.usernames)},
            {QStringLiteral("message"), problem.text()}};
        if (problem.kind == OrgProblem::Kind::MissingManager)
            entry.insert(QStringLiteral("manager"), problem.manager);
        list.append(entry);
    }
    return list;
}

bool draw(OrgChart &chart, const QString &username, int depth, const QString &svg, const QString &png)
{
    OrgModel model(&chart);
    model.setPageSize(50);
    model.setFocusPerson(username);
    model.expandBelowFocus(depth);
    const QList<OrgBox> boxes = OrgPainter::layout(&model);
    const QSizeF size = OrgPainter::size(boxes);
    QPalette palette = QGuiApplication::palette();
    const OrgPainter painter(palette, QGuiApplication::font());
    if (!svg.isEmpty()) {
        QSvgGenerator generator;
        generator.setFileName(svg);
        generator.setSize(size.toSize());
        generator.setViewBox(QRectF(QPointF(0, 0), size));
        generator.setTitle(QStringLiteral("Org chart of %1").arg(username));
        QPainter p;
        if (!p.begin(&generator)) {
            err() << "colleagues org: cannot write " << svg << "\n";
            return false;
        }
        p.fillRect(QRectF(QPointF(0, 0), size), palette.color(QPalette::Window));
        painter.paint(&p, boxes);
        p.end();
    }
    if (!png.isEmpty()) {
        constexpr qreal Scale = 2; // sharp on high-density screens and in documents
        QImage image((size * Scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(Scale);
        image.fill(palette.color(QPalette::Window));
        QPainter p(&image);
        painter.paint(&p, boxes);
        p.end();
        if (!image.save(png, "PNG")) {
            err() << "colleagues org: cannot write " << png << "\n";
            return false;
        }
    }
    return true;
}

} // namespace

bool drawsPicture(const QStringList &arguments)
{
    for (const QString &argument : arguments) {
        if (argument == QLatin1String("--svg") || argument == QLatin1String("--png")
            || argument.startsWith(QLatin1String("--svg=")) || argument.startsWith(QLatin1String("--png=")))
            return true;
    }
    return false;
}

int run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show a person's place in the organisation, from the local store: their chain of managers "
                       "up to the top, their direct reports and how many people work under them."));
    const QCommandLineOption depth(QStringList {QStringLiteral("depth")},
                                   QStringLiteral("Levels of reports to include (1-10, default 1)."),
                                   QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption json(QStringList {QStringLiteral("json")},
                                  QStringLiteral("Print one JSON object (format in docs/cli.md)."));
    const QCommandLineOption svg(QStringList {QStringLiteral("svg")}, QStringLiteral("Draw the chart into FILE (SVG)."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption png(QStringList {QStringLiteral("png")}, QStringLiteral("Draw the chart into FILE (PNG)."),
                                 QStringLiteral("FILE"));
    parser.addOptions({depth, json, svg, png});
    parser.addPositionalArgument(QStringLiteral("USERNAME"), QStringLiteral("The person."));
    const QString usage =
        QStringLiteral("colleagues org USERNAME [--depth N] [--json] [--svg FILE] [--png FILE] [--data-dir DIR]");
    if (const int code = CommandLine::parseCommand(parser, arguments, usage); code >= 0)
        return code;
    const std::optional<int> levels = CommandLine::numberValue(parser, depth, 1, 10);
    if (parser.positionalArguments().size() != 1 || !levels) {
        err() << "colleagues org: give one USERNAME and --depth from 1 to 10\n" << usage << "\n";
        err().flush();
        return 2;
    }
    const QString username = parser.positionalArguments().constFirst().toLower();

    ClientStore store;
    if (!CommandLine::openStore(store, parser))
        return 1;
    OrgChart chart(&store);
    if (!chart.refresh()) {
        err() << "colleagues org: cannot read the local store\n";
        err().flush();
        return 1;
    }
    const qint64 id = chart.idOf(username);
    if (id < 0) {
        err() << "colleagues org: no one with the username " << username << " is in the local directory\n";
        err().flush();
        return 1;
    }
    const OrgPerson &person = *chart.person(id);
    QList<OrgProblem> problems;
    const QList<qint64> chain = chart.chain(id, &problems);
    // Broken links and cycles below the person, as far as the reports go.
    if (parser.isSet(svg) || parser.isSet(png)) {
        if (!draw(chart, username, *levels, parser.value(svg), parser.value(png))) {
            err().flush();
            return 1;
        }
    }
    if (parser.isSet(json)) {
        QJsonArray chainList;
        for (qint64 manager : chain)
            chainList.append(personJson(*chart.person(manager)));
        std::vector<qint64> above {id};
        const QJsonObject object {{QStringLiteral("username"), person.username},
                                  {QStringLiteral("display_name"), person.displayName},
                                  {QStringLiteral("title"), person.title},
                                  {QStringLiteral("chain"), chainList},
                                  {QStringLiteral("reports"), reportsJson(chart, id, *levels, &above)},
                                  {QStringLiteral("headcount"), chart.headcount(id)},
                                  {QStringLiteral("problems"), problemsJson(problems)}};
        out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
    } else if (!parser.isSet(svg) && !parser.isSet(png)) {
        out() << person.displayName << " (" << person.username << ")";
        if (!person.title.isEmpty())
            out() << " — " << person.title;
        out() << "\n";
        // The chain up to the top: their manager, whom that manager reports to, and so on.
        for (qsizetype i = 0; i < chain.size(); ++i) {
            const OrgPerson &m = *chart.person(chain[i]);
            out() << (i == 0 ? "  reports to " : "  who reports to ") << m.displayName << " (" << m.username << ")\n";
        }
        const qsizetype reports = chart.directReports(id).size();
        if (reports == 0)
            out() << "No direct reports\n";
        else
            out() << reports << (reports == 1 ? " direct report, " : " direct reports, ") << chart.headcount(id)
                  << (chart.headcount(id) == 1 ? " person" : " people") << " in all\n";
        std::vector<qint64> above {id};
        printReports(reportsJson(chart, id, *levels, &above), 2);
        for (const OrgProblem &problem : std::as_const(problems))
            out() << "problem: " << problem.text() << "\n";
    }
    out().flush();
    err().flush();
    return 0;
}

} // namespace Colleagues::OrgCommand
