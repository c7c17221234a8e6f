// SPDX-License-Identifier: MIT
// `colleagues org` and the team filters of `colleagues search` as a user runs them: the real
// executable, no display, a directory with a cycle and a missing manager.

#include "tests/support/Binaries.h"
#include "tests/support/CliRun.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Colleagues::Test;

namespace {

// grace leads; ada and linus report to her; two report to ada; a cycle (cy1 <-> cy2) under
// linus's report; lost's manager is not in the directory.
const char *Directory = "username,display_name,title,manager,skills\n"
                        "grace,Grace Hopper,CTO,,COBOL:5\n"
                        "ada,Ada Lovelace,Principal Engineer,grace,Kubernetes:5\n"
                        "linus,Linus Torvalds,Kernel Lead,grace,C:5\n"
                        "alan,Alan Turing,Engineer,ada,Kubernetes:3\n"
                        "joan,Joan Clarke,Engineer,ada,Python:4\n"
                        "cy1,Cy One,Engineer,cy2,\n"
                        "cy2,Cy Two,Engineer,cy1,\n"
                        "lost,Lost Person,Engineer,nobody,\n";

QStringList usernames(const QJsonArray &list)
{
    QStringList out;
    for (const QJsonValue &v : list)
        out.append(v.toObject().value(QStringLiteral("username")).toString());
    return out;
}

} // namespace

class TestOrgCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void json();
    void text();
    void problems();
    void pictures();
    void teamSearch();
    void usageErrors();

private:
    CliRun run(QStringList arguments) const
    {
        arguments << QStringLiteral("--data-dir") << m_dir.filePath(QStringLiteral("data"));
        return runCli(clientBinary(), arguments, {}, 60000);
    }
    QTemporaryDir m_dir;
};

void TestOrgCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char *variable : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        qunsetenv(variable);
    QFile csv(m_dir.filePath(QStringLiteral("people.csv")));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write(Directory);
    csv.close();
    const CliRun imported = run({QStringLiteral("import-csv"), csv.fileName()});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.describe()));
}

void TestOrgCli::json()
{
    const CliRun r = run({QStringLiteral("org"), QStringLiteral("alan"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("username")).toString(), QStringLiteral("alan"));
    QCOMPARE(o.value(QStringLiteral("display_name")).toString(), QStringLiteral("Alan Turing"));
    QCOMPARE(usernames(o.value(QStringLiteral("chain")).toArray()), (QStringList {u"ada"_qs, u"grace"_qs}));
    QCOMPARE(o.value(QStringLiteral("chain")).toArray().first().toObject().value(QStringLiteral("title")).toString(),
             QStringLiteral("Principal Engineer"));
    QCOMPARE(o.value(QStringLiteral("headcount")).toInt(), 0);
    QVERIFY(o.value(QStringLiteral("problems")).toArray().isEmpty());

    const CliRun top = run({QStringLiteral("org"), QStringLiteral("grace"), QStringLiteral("--json")});
    QVERIFY2(top.exitCode == 0, qPrintable(top.describe()));
    const QJsonObject t = QJsonDocument::fromJson(top.out.toUtf8()).object();
    QVERIFY(t.value(QStringLiteral("chain")).toArray().isEmpty());
    QCOMPARE(usernames(t.value(QStringLiteral("reports")).toArray()), (QStringList {u"ada"_qs, u"linus"_qs}));
    QCOMPARE(t.value(QStringLiteral("headcount")).toInt(), 4);
    // --depth 2: the reports' reports inside each report.
    const CliRun deep = run({QStringLiteral("org"), QStringLiteral("grace"), QStringLiteral("--json"),
                             QStringLiteral("--depth"), QStringLiteral("2")});
    const QJsonObject ada = QJsonDocument::fromJson(deep.out.toUtf8())
                                .object()
                                .value(QStringLiteral("reports"))
                                .toArray()
                                .first()
                                .toObject();
    QCOMPARE(usernames(ada.value(QStringLiteral("reports")).toArray()), (QStringList {u"alan"_qs, u"joan"_qs}));
    QCOMPARE(ada.value(QStringLiteral("headcount")).toInt(), 2);
}

void TestOrgCli::text()
{
    // The chain up, then the reports, each level under whom they report to.
    const CliRun alan = run({QStringLiteral("org"), QStringLiteral("alan")});
    QVERIFY2(alan.exitCode == 0, qPrintable(alan.describe()));
    QCOMPARE(alan.out,
             u"Alan Turing (alan) — Engineer\n"
             "  reports to Ada Lovelace (ada)\n"
             "  who reports to Grace Hopper (grace)\n"
             "No direct reports\n"_qs);
    const CliRun grace =
        run({QStringLiteral("org"), QStringLiteral("grace"), QStringLiteral("--depth"), QStringLiteral("2")});
    QVERIFY2(grace.exitCode == 0, qPrintable(grace.describe()));
    QCOMPARE(grace.out,
             u"Grace Hopper (grace) — CTO\n"
             "2 direct reports, 4 people in all\n"
             "  Ada Lovelace (ada) — Principal Engineer · 2 people under them\n"
             "    Alan Turing (alan) — Engineer\n"
             "    Joan Clarke (joan) — Engineer\n"
             "  Linus Torvalds (linus) — Kernel Lead\n"_qs);
    // One level unless asked for more.
    const CliRun shallow = run({QStringLiteral("org"), QStringLiteral("grace")});
    QVERIFY(shallow.out.contains(u"  Linus Torvalds (linus)"_qs));
    QVERIFY(!shallow.out.contains(u"Alan Turing"_qs));
}

void TestOrgCli::problems()
{
    const CliRun cycle = run({QStringLiteral("org"), QStringLiteral("cy1"), QStringLiteral("--json")});
    QVERIFY2(cycle.exitCode == 0, qPrintable(cycle.describe()));
    const QJsonObject c = QJsonDocument::fromJson(cycle.out.toUtf8()).object();
    QCOMPARE(usernames(c.value(QStringLiteral("chain")).toArray()), QStringList {u"cy2"_qs});
    QCOMPARE(c.value(QStringLiteral("headcount")).toInt(), 1);
    const QJsonArray problems = c.value(QStringLiteral("problems")).toArray();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("cycle"));

    const CliRun lost = run({QStringLiteral("org"), QStringLiteral("lost"), QStringLiteral("--json")});
    const QJsonObject l = QJsonDocument::fromJson(lost.out.toUtf8()).object();
    const QJsonObject problem = l.value(QStringLiteral("problems")).toArray().first().toObject();
    QCOMPARE(problem.value(QStringLiteral("kind")).toString(), QStringLiteral("missing_manager"));
    QCOMPARE(problem.value(QStringLiteral("manager")).toString(), QStringLiteral("nobody"));
}

void TestOrgCli::pictures()
{
    const QString svg = m_dir.filePath(QStringLiteral("ada.svg"));
    const QString png = m_dir.filePath(QStringLiteral("ada.png"));
    const CliRun r =
        run({QStringLiteral("org"), QStringLiteral("ada"), QStringLiteral("--svg"), svg, QStringLiteral("--png"), png});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    // The SVG is well-formed and holds the names drawn: the chain, ada, her peer and reports.
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString text;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::Characters)
            text += xml.text();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    for (const char *name : {"Grace Hopper", "Ada Lovelace", "Linus Torvalds", "Alan Turing", "Joan Clarke"})
        QVERIFY2(text.contains(QLatin1String(name)), name);
    QVERIFY(!text.contains(QLatin1String("Cy One")));
    // The PNG: a picture of the same chart, not empty.
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 300 && image.height() > 300);
    QVERIFY(image.pixel(10, 10) != image.pixel(image.width() / 3, 60)); // a card on the background
}

void TestOrgCli::teamSearch()
{
    auto found = [this](const QString &query) {
        const CliRun r = run({QStringLiteral("search"), query, QStringLiteral("--json")});
        QStringList names;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("results")).toArray())
            names.append(v.toObject().value(QStringLiteral("username")).toString());
        names.sort();
        return names;
    };
    QCOMPARE(found(QStringLiteral("team:grace")), (QStringList {u"ada"_qs, u"alan"_qs, u"joan"_qs, u"linus"_qs}));
    QCOMPARE(found(QStringLiteral("reports:grace")), (QStringList {u"ada"_qs, u"linus"_qs}));
    QCOMPARE(found(QStringLiteral("team:grace kubernetes")), (QStringList {u"ada"_qs, u"alan"_qs}));
    QCOMPARE(found(QStringLiteral("reports:ada skill:python")), QStringList {u"joan"_qs});
    QCOMPARE(found(QStringLiteral("team:cy1")), QStringList {u"cy2"_qs});
}

void TestOrgCli::usageErrors()
{
    QCOMPARE(run({QStringLiteral("org")}).exitCode, 2);
    QCOMPARE(
        run({QStringLiteral("org"), QStringLiteral("ada"), QStringLiteral("--depth"), QStringLiteral("0")}).exitCode,
        2);
    const CliRun unknown = run({QStringLiteral("org"), QStringLiteral("nobody"), QStringLiteral("--json")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.err.contains(QLatin1String("nobody")));
    const CliRun help = run({QStringLiteral("org"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QLatin1String("--svg")));
}

QTEST_GUILESS_MAIN(TestOrgCli)
#include "tst_orgcli.moc"
