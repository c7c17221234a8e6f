// SPDX-License-Identifier: MIT
#include "core/Json.h"
#include "core/TextFold.h"
#include "core/Vocabulary.h"
#include "demo/DemoCompany.h"
#include "demo/DemoData_p.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace Colleagues;
using Kind = VocabularyEntry::Kind;

namespace {

const QString sampleText = uR"(# A comment, then a blank line

skill Kubernetes | k8s, kube ~ Docker, Helm
skill Machine learning | ML ~ Deep learning
skill Machine | machinery
title Software Engineer | SWE, software developer
place New York | NYC, New York City, Big Apple
place Köln | Cologne
  # an indented comment
skill C# | csharp, c sharp
place New | Nova
)"_qs;

Vocabulary sample()
{
    auto parsed = Vocabulary::parse(sampleText);
    if (!parsed)
        qFatal("sample does not parse: %s", qPrintable(parsed.error().message));
    return parsed.value();
}

//! The entry lines of \a text, in order: everything but blank lines and comments.
QStringList entryLines(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(QLatin1Char('#')))
            out.append(trimmed);
    }
    return out;
}

QStringList names(int count, const QString &stem)
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out.append(stem + QString::number(i));
    return out;
}

QString defaultText()
{
    QFile file(QStringLiteral(":/vocabulary/default.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

class TestVocabulary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesEntries();
    void toleratesBomAndCrLf();
    void parseErrors_data();
    void parseErrors();
    void entryLimit();
    void problemsListsEveryBadLine();
    void sameAliasInAnotherKindIsFine();
    void roundTrip();
    void versionIsContentHash();
    void longestMatch_data();
    void longestMatch();
    void longestMatchPrefersCanonicalThenKind();
    void apostrophesFoldAway();
    void merged();
    void mergeConflictNamesBoth();
    void jsonRoundTrip();
    void jsonRejects_data();
    void jsonRejects();
    void defaultParsesInCanonicalOrder();
    void defaultCoversDemoSkills();
    void defaultCoversDemoOffices();
    void defaultKnowsCommonWords_data();
    void defaultKnowsCommonWords();
};

void TestVocabulary::parsesEntries()
{
    const Vocabulary v = sample();
    QCOMPARE(v.size(), 8);
    // Canonical order: skills, places, titles; by folded name within a kind.
    QStringList order;
    for (const VocabularyEntry &e : v.entries())
        order.append(VocabularyEntry::kindName(e.kind) + QLatin1Char(':') + e.canonical);
    QCOMPARE(order,
             QStringList({u"skill:C#"_qs, u"skill:Kubernetes"_qs, u"skill:Machine"_qs, u"skill:Machine learning"_qs,
                          u"place:Köln"_qs, u"place:New"_qs, u"place:New York"_qs, u"title:Software Engineer"_qs}));
    const VocabularyEntry &k8s = v.entries().at(1);
    QCOMPARE(k8s.kind, Kind::Skill);
    QCOMPARE(k8s.aliases, QStringList({u"k8s"_qs, u"kube"_qs}));
    QCOMPARE(k8s.related, QStringList({u"Docker"_qs, u"Helm"_qs}));
    QCOMPARE(v.entries().at(0).aliases, QStringList({u"csharp"_qs, u"c sharp"_qs}));
}

void TestVocabulary::toleratesBomAndCrLf()
{
    QString text = sampleText;
    text.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    text.prepend(QChar(0xFEFF));
    const auto parsed = Vocabulary::parse(text);
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed->version(), sample().version());
}

void TestVocabulary::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("expected"); // a regular expression the message must match

    const QString ok = u"skill Go | golang\n# comment\n\n"_qs; // lines 1-3, the bad line is line 4
    const auto row = [&](const char *name, const QString &bad, Error::Code code, const QString &expected) {
        QTest::addRow("%s", name) << ok + bad << static_cast<int>(code) << expected;
    };
    row("unknown kind", u"skil Go"_qs, Error::Code::InvalidFormat, u"^line 4: \"skil\" is not a kind"_qs);
    row("no name", u"place"_qs, Error::Code::InvalidFormat, u"^line 4: place needs a name"_qs);
    row("no name before bar", u"place | x"_qs, Error::Code::Required, u"^line 4: the name is empty"_qs);
    row("two bars", u"skill A | b | c"_qs, Error::Code::InvalidFormat, u"^line 4: more than one '\\|'"_qs);
    row("two tildes", u"skill A ~ b ~ c"_qs, Error::Code::InvalidFormat, u"^line 4: more than one '~'"_qs);
    row("tilde before bar", u"skill A ~ b | c"_qs, Error::Code::InvalidFormat,
        u"^line 4: aliases .* must come before related"_qs);
    row("trailing comma", u"skill A | b,"_qs, Error::Code::Required, u"^line 4: alias 2 is empty"_qs);
    row("empty related", u"skill A ~ ,b"_qs, Error::Code::Required, u"^line 4: related name 1 is empty"_qs);
    row("long name", u"title "_qs + QString(101, QLatin1Char('x')), Error::Code::TooLong,
        u"^line 4: the name must be at most 100 characters \\(it has 101\\)"_qs);
    row("long alias", u"title A | b, "_qs + QString(101, QLatin1Char('x')), Error::Code::TooLong,
        u"^line 4: alias 2 must be at most 100 characters"_qs);
    row("too many aliases", u"skill A | "_qs + names(51, u"a"_qs).join(u", "_qs), Error::Code::TooMany,
        u"^line 4: an entry may have at most 50 aliases \\(it has 51\\)"_qs);
    row("too many related", u"skill A ~ "_qs + names(51, u"r"_qs).join(u", "_qs), Error::Code::TooMany,
        u"^line 4: an entry may have at most 50 related names"_qs);
    row("control character", u"skill A | b\u0007c"_qs, Error::Code::ForbiddenCharacter,
        u"^line 4: alias 1 must be a single line .*U\\+0007"_qs);
    row("bidi override", u"place A\u202Eb"_qs, Error::Code::ForbiddenCharacter,
        u"^line 4: the name must be a single line .*U\\+202E"_qs);
    row("name starts with #", u"skill #hashtag"_qs, Error::Code::InvalidFormat,
        u"^line 4: the name \"#hashtag\" must not start with '#'"_qs);
    row("duplicate entry", u"skill GO ~ Rust"_qs, Error::Code::Duplicate,
        u"^line 4: skill \"GO\" is already defined \\(line 1\\)"_qs);
    row("alias of two names", u"skill Golang tools | golang"_qs, Error::Code::Duplicate,
        u"^line 4: alias 1 \"golang\" of skill \"Golang tools\" already stands for skill \"Go\" \\(line 1\\)"_qs);
    row("alias is another name", u"skill Gopher | go"_qs, Error::Code::Duplicate,
        u"^line 4: alias 1 \"go\" of skill \"Gopher\" is the name of skill \"Go\" \\(line 1\\)"_qs);
    row("name is another alias", u"skill Golang"_qs, Error::Code::Duplicate,
        u"^line 4: skill \"Golang\" is already an alias of skill \"Go\" \\(line 1\\)"_qs);
    row("alias repeats name", u"skill Rust | rust"_qs, Error::Code::Duplicate,
        u"^line 4: alias 1 \"rust\" repeats the name"_qs);
    row("alias twice", u"skill Rust | rs, RS"_qs, Error::Code::Duplicate,
        u"^line 4: alias 2 \"RS\" repeats the name or another alias"_qs);
    row("related twice", u"skill Rust ~ C, c"_qs, Error::Code::Duplicate, u"^line 4: related name 2 \"c\" repeats"_qs);
}

void TestVocabulary::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(int, code);
    QFETCH(QString, expected);
    const auto parsed = Vocabulary::parse(text);
    QVERIFY(!parsed);
    QVERIFY2(QRegularExpression(expected).match(parsed.error().message).hasMatch(), qPrintable(parsed.error().message));
    QCOMPARE(static_cast<int>(parsed.error().code), code);
    QCOMPARE(Vocabulary::problems(text).size(), 1);
}

void TestVocabulary::entryLimit()
{
    QString text;
    for (int i = 0; i < VocabularyLimits::EntriesMax; ++i)
        text += u"skill s%1\n"_qs.arg(i);
    const auto full = Vocabulary::parse(text);
    QVERIFY2(full, full ? "" : qPrintable(full.error().message));
    QCOMPARE(full->size(), VocabularyLimits::EntriesMax);

    text += u"skill one too many\n"_qs;
    const auto over = Vocabulary::parse(text);
    QVERIFY(!over);
    QCOMPARE(over.error().code, Error::Code::TooMany);
    QCOMPARE(over.error().message, u"line 20001: a vocabulary may have at most 20000 entries."_qs);
}

void TestVocabulary::problemsListsEveryBadLine()
{
    const QList<Error> problems = Vocabulary::problems(u"skill A\nfoo B\nskill C\nskill A\nplace\n"_qs);
    QStringList lines;
    for (const Error &e : problems)
        lines.append(e.field);
    QCOMPARE(lines, QStringList({u"line 2"_qs, u"line 4"_qs, u"line 5"_qs}));
    QVERIFY(Vocabulary::problems(sampleText).isEmpty());
}

void TestVocabulary::sameAliasInAnotherKindIsFine()
{
    // "Java" the language and the island; "PM" the title and a skill.
    const auto parsed = Vocabulary::parse(u"skill Java\nplace Java\ntitle Product Manager | PM\nskill PM2 | pm\n"_qs);
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed->lookup(u"pm"_qs).size(), 2);
}

void TestVocabulary::roundTrip()
{
    const Vocabulary v = sample();
    const QString text = v.toText();
    const auto again = Vocabulary::parse(text);
    QVERIFY2(again, again ? "" : qPrintable(again.error().message));
    QCOMPARE(again->entries(), v.entries());
    QCOMPARE(again->toText(), text);
    QCOMPARE(entryLines(text).first(), u"skill C# | csharp, c sharp"_qs);
    QVERIFY(entryLines(text).contains(u"skill Kubernetes | k8s, kube ~ Docker, Helm"_qs));
    QVERIFY(entryLines(text).contains(u"skill Machine learning | ML ~ Deep learning"_qs));
    QVERIFY(entryLines(text).contains(u"place Köln | Cologne"_qs));
    QCOMPARE(entryLines(text).size(), v.size());
}

void TestVocabulary::versionIsContentHash()
{
    const Vocabulary v = sample();
    QCOMPARE(v.version().size(), 32);
    QVERIFY(QRegularExpression(u"^[0-9a-f]{32}$"_qs).match(v.version()).hasMatch());
    QCOMPARE(Vocabulary().version(), QString());

    // Order of lines, comments and spacing do not matter; content does.
    QStringList lines = entryLines(sampleText);
    std::reverse(lines.begin(), lines.end());
    const auto reordered = Vocabulary::parse(u"# other comment\n"_qs + lines.join(u"\n\n"_qs));
    QVERIFY(reordered);
    QCOMPARE(reordered->version(), v.version());

    const auto changed = Vocabulary::parse(sampleText + u"skill Helm\n"_qs);
    QVERIFY(changed);
    QVERIFY(changed->version() != v.version());
    const auto aliasChanged = Vocabulary::parse(QString(sampleText).replace(u"kube ~"_qs, u"kubes ~"_qs));
    QVERIFY(aliasChanged);
    QVERIFY(aliasChanged->version() != v.version());
}

void TestVocabulary::longestMatch_data()
{
    QTest::addColumn<QString>("words");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("canonical");

    QTest::addRow("two words over one") << u"machine learning engineer"_qs << 0 << 2 << u"Machine learning"_qs;
    QTest::addRow("one word") << u"machine shop"_qs << 0 << 1 << u"Machine"_qs;
    QTest::addRow("three-word alias") << u"in new york city"_qs << 1 << 3 << u"New York"_qs;
    QTest::addRow("two of three") << u"new york pizza"_qs << 0 << 2 << u"New York"_qs;
    QTest::addRow("alias") << u"k8s admin"_qs << 0 << 1 << u"Kubernetes"_qs;
    QTest::addRow("folded alias") << u"cologne"_qs << 0 << 1 << u"Köln"_qs;
    QTest::addRow("folded name") << u"koln"_qs << 0 << 1 << u"Köln"_qs;
    QTest::addRow("symbol kept") << u"c#"_qs << 0 << 1 << u"C#"_qs;
    QTest::addRow("two-word alias") << u"c sharp"_qs << 0 << 2 << u"C#"_qs;
    QTest::addRow("none") << u"gardening"_qs << 0 << 0 << QString();
    QTest::addRow("partial phrase only") << u"big"_qs << 0 << 0 << QString();
    QTest::addRow("at the end") << u"learning machine"_qs << 1 << 1 << u"Machine"_qs;
    QTest::addRow("past the end") << u"machine"_qs << 1 << 0 << QString();
    // Hyphens between words: as spaces, or as nothing; a word of its own only as typed.
    QTest::addRow("hyphen as space") << u"machine-learning"_qs << 0 << 1 << u"Machine learning"_qs;
    QTest::addRow("hyphens as spaces") << u"new-york-city office"_qs << 0 << 1 << u"New York"_qs;
    QTest::addRow("hyphen and more words") << u"c-sharp"_qs << 0 << 1 << u"C#"_qs;
    QTest::addRow("hyphen as nothing") << u"cs-harp"_qs << 0 << 1 << u"C#"_qs;
    QTest::addRow("hyphen in a phrase") << u"new york-city"_qs << 0 << 2 << u"New York"_qs;
    QTest::addRow("plural after a hyphen") << u"software-developers"_qs << 0 << 1 << u"Software Engineer"_qs;
    QTest::addRow("hyphen, no such words") << u"machine-gardening"_qs << 0 << 0 << QString();
}

void TestVocabulary::longestMatch()
{
    QFETCH(QString, words);
    QFETCH(int, from);
    QFETCH(int, length);
    QFETCH(QString, canonical);
    const Vocabulary v = sample();
    const VocabularyEntry *entry = &v.entries().first();
    QCOMPARE(v.longestMatch(foldText(words).split(QLatin1Char(' ')), from, &entry), length);
    if (length == 0) {
        QCOMPARE(entry, nullptr);
    } else {
        QVERIFY(entry);
        QCOMPARE(entry->canonical, canonical);
    }
}

void TestVocabulary::longestMatchPrefersCanonicalThenKind()
{
    const auto v = Vocabulary::parse(u"title Product Manager | PM\nskill Project management | pm\nplace Java\n"
                                     "skill Java\nskill Prime Minister Studies | prime minister\n"
                                     "title Prime Minister\n"_qs);
    QVERIFY2(v, v ? "" : qPrintable(v.error().message));
    const VocabularyEntry *entry = nullptr;
    QCOMPARE(v->longestMatch({u"pm"_qs}, 0, &entry), 1);
    QCOMPARE(entry->canonical, u"Project management"_qs); // both aliases: Skill before Title
    QCOMPARE(v->longestMatch({u"java"_qs}, 0, &entry), 1);
    QCOMPARE(entry->kind, Kind::Skill); // both names: Skill before Place
    QCOMPARE(v->longestMatch({u"prime"_qs, u"minister"_qs}, 0, &entry), 2);
    QCOMPARE(entry->kind, Kind::Title); // a name before an alias, whatever the kind
    QCOMPARE(v->lookup(u"prime minister"_qs).size(), 2);
    // Words are read as longestMatch() reads them: the last one maybe in the singular.
    const QList<const VocabularyEntry *> plural = v->lookup(QStringList {u"prime"_qs, u"ministers"_qs});
    QCOMPARE(plural.size(), 2);
    QCOMPARE(plural.first()->kind, Kind::Title);
    QVERIFY(v->lookup(QStringList {u"ministers"_qs}).isEmpty());
    QVERIFY(v->lookup(QStringList {}).isEmpty());
}

void TestVocabulary::apostrophesFoldAway()
{
    // A search word has no apostrophe ("can't" is read as "cant"): a phrase that has one is found
    // without it too, whichever apostrophe it was written with.
    const auto v = Vocabulary::parse(u"skill IT support | can't log in\nskill Women's health | women\u2019s wellbeing\n"
                                     "skill Gynecology | womens health\n"_qs);
    QVERIFY2(v, v ? "" : qPrintable(v.error().message));
    const VocabularyEntry *entry = nullptr;
    QCOMPARE(v->longestMatch({u"cant"_qs, u"log"_qs, u"in"_qs}, 0, &entry), 3);
    QCOMPARE(entry->canonical, u"IT support"_qs);
    QCOMPARE(v->longestMatch({u"can't"_qs, u"log"_qs, u"in"_qs}, 0, &entry), 3); // as written, too
    QCOMPARE(entry->canonical, u"IT support"_qs);
    QCOMPARE(v->longestMatch({u"womens"_qs, u"wellbeing"_qs}, 0, &entry), 2);
    QCOMPARE(entry->canonical, u"Women's health"_qs);
    // The entry it names comes before the one it is an alias of, apostrophe or not.
    const QList<const VocabularyEntry *> both = v->lookup(u"womens health"_qs);
    QCOMPARE(both.size(), 2);
    QCOMPARE(both.first()->canonical, u"Women's health"_qs);
    QVERIFY(v->lookup(u"can t log in"_qs).isEmpty());
    // Written both ways, it is still one entry.
    const auto twice = Vocabulary::parse(u"skill IT support | can't log in, cant log in, can\u2019t log in\n"_qs);
    QVERIFY2(twice, twice ? "" : qPrintable(twice.error().message));
    QCOMPARE(twice->lookup(u"cant log in"_qs).size(), 1);
    const auto shared = Vocabulary::parse(u"skill Access | cant log in\nplace Login | can't log in, cant log in\n"_qs);
    QVERIFY2(shared, shared ? "" : qPrintable(shared.error().message));
    QCOMPARE(shared->lookup(u"cant log in"_qs).size(), 2);
}

void TestVocabulary::merged()
{
    const Vocabulary base = sample();
    const auto overrides = Vocabulary::parse(u"skill kubernetes | k8s, kates ~ Helm\nskill Helm | helm charts\n"_qs);
    QVERIFY(overrides);
    const auto result = base.merged(*overrides);
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    QCOMPARE(result->size(), base.size() + 1);
    const VocabularyEntry *entry = nullptr;
    QCOMPARE(result->longestMatch({u"kates"_qs}, 0, &entry), 1);
    QCOMPARE(entry->canonical, u"kubernetes"_qs); // the override's spelling wins
    QCOMPARE(entry->related, QStringList({u"Helm"_qs}));
    QCOMPARE(result->longestMatch({u"kube"_qs}, 0, &entry), 0); // replaced, not extended
    QCOMPARE(result->longestMatch({u"ml"_qs}, 0, &entry), 1); // untouched entries stay
    QVERIFY(result->version() != base.version());
    QCOMPARE(base.merged(Vocabulary())->version(), base.version());
}

void TestVocabulary::mergeConflictNamesBoth()
{
    const auto overrides = Vocabulary::parse(u"skill Kubectl | kube\n"_qs);
    QVERIFY(overrides);
    const auto result = sample().merged(*overrides);
    QVERIFY(!result);
    QCOMPARE(result.error().code, Error::Code::Duplicate);
    QVERIFY2(result.error().message.contains(u"skill \"Kubectl\""_qs)
                 && result.error().message.contains(u"skill \"Kubernetes\""_qs),
             qPrintable(result.error().message));
}

void TestVocabulary::jsonRoundTrip()
{
    const Vocabulary v = sample();
    const QJsonObject json = toJson(v);
    QCOMPARE(json.value(u"version"_qs).toString(), v.version());
    QCOMPARE(json.value(u"entries"_qs).toArray().size(), v.size());
    const QJsonObject first = json.value(u"entries"_qs).toArray().at(0).toObject();
    QCOMPARE(first.value(u"kind"_qs).toString(), u"skill"_qs);
    QCOMPARE(first.value(u"canonical"_qs).toString(), u"C#"_qs);

    const auto decoded = vocabularyFromJson(parseJsonObject(QJsonDocument(json).toJson()).value());
    QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded->entries(), v.entries());
    QCOMPARE(decoded->version(), v.version());

    const auto empty = vocabularyFromJson(toJson(Vocabulary()));
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());
}

void TestVocabulary::jsonRejects_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("code");

    const QJsonObject good = toJson(sample());
    const auto withEntry = [&good](const std::function<void(QJsonObject &)> &change) {
        QJsonObject json = good;
        QJsonArray entries = json.value(u"entries"_qs).toArray();
        QJsonObject entry = entries.at(1).toObject();
        change(entry);
        entries[1] = entry;
        json[u"entries"_qs] = entries;
        return json;
    };
    const auto addRow = [](const char *name, const QJsonObject &json, const QString &field, Error::Code code) {
        QTest::addRow("%s", name) << json << field << static_cast<int>(code);
    };
    QJsonObject json = good;
    json.remove(u"entries"_qs);
    addRow("missing entries", json, u"entries"_qs, Error::Code::Required);
    json = good;
    json[u"entries"_qs] = u"none"_qs;
    addRow("entries not an array", json, u"entries"_qs, Error::Code::InvalidType);
    json = good;
    json[u"version"_qs] = 12;
    addRow("version not a string", json, u"version"_qs, Error::Code::InvalidType);
    json = good;
    json[u"version"_qs] = u"0123456789abcdef0123456789abcdef"_qs;
    addRow("version mismatch", json, u"version"_qs, Error::Code::InvalidFormat);
    json = good;
    json[u"extra"_qs] = true;
    addRow("unknown field", json, u"extra"_qs, Error::Code::UnknownField);
    json = good;
    QJsonArray entries = json.value(u"entries"_qs).toArray();
    entries[0] = 3;
    json[u"entries"_qs] = entries;
    addRow("entry not an object", json, u"entries[0]"_qs, Error::Code::InvalidType);

    addRow("unknown entry field", withEntry([](QJsonObject &e) { e[u"weight"_qs] = 1; }), u"entries[1].weight"_qs,
           Error::Code::UnknownField);
    addRow("bad kind", withEntry([](QJsonObject &e) { e[u"kind"_qs] = u"planet"_qs; }), u"entries[1].kind"_qs,
           Error::Code::InvalidFormat);
    addRow("kind not a string", withEntry([](QJsonObject &e) { e[u"kind"_qs] = 0; }), u"entries[1].kind"_qs,
           Error::Code::InvalidType);
    addRow("missing canonical", withEntry([](QJsonObject &e) { e.remove(u"canonical"_qs); }),
           u"entries[1].canonical"_qs, Error::Code::Required);
    addRow("aliases not an array", withEntry([](QJsonObject &e) { e[u"aliases"_qs] = u"k8s"_qs; }),
           u"entries[1].aliases"_qs, Error::Code::InvalidType);
    addRow("alias not a string", withEntry([](QJsonObject &e) {
               e[u"aliases"_qs] = QJsonArray {u"k8s"_qs, 8};
           }),
           u"entries[1].aliases[1]"_qs, Error::Code::InvalidType);
    addRow("over-long alias",
           withEntry([](QJsonObject &e) { e[u"aliases"_qs] = QJsonArray {QString(101, QLatin1Char('a'))}; }),
           u"entries[1].aliases[0]"_qs, Error::Code::TooLong);
    addRow("huge alias",
           withEntry([](QJsonObject &e) { e[u"aliases"_qs] = QJsonArray {QString(100000, QLatin1Char('a'))}; }),
           u"entries[1].aliases[0]"_qs, Error::Code::TooLong);
    addRow("over-long related",
           withEntry([](QJsonObject &e) { e[u"related"_qs] = QJsonArray {QString(101, QLatin1Char('a'))}; }),
           u"entries[1].related[0]"_qs, Error::Code::TooLong);
    addRow("too many aliases",
           withEntry([](QJsonObject &e) { e[u"aliases"_qs] = QJsonArray::fromStringList(names(51, u"a"_qs)); }),
           u"entries[1].aliases"_qs, Error::Code::TooMany);
    addRow("control character", withEntry([](QJsonObject &e) { e[u"canonical"_qs] = u"Kube\u0001"_qs; }),
           u"entries[1].canonical"_qs, Error::Code::ForbiddenCharacter);
    addRow("separator in a name", withEntry([](QJsonObject &e) { e[u"related"_qs] = QJsonArray {u"a, b"_qs}; }),
           u"entries[1].related[0]"_qs, Error::Code::ForbiddenCharacter);
    addRow("duplicate entry", withEntry([](QJsonObject &e) { e[u"canonical"_qs] = u"c#"_qs; }), u"entries[1]"_qs,
           Error::Code::Duplicate);
}

void TestVocabulary::jsonRejects()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, field);
    QFETCH(int, code);
    const auto decoded = vocabularyFromJson(json);
    QVERIFY(!decoded);
    QCOMPARE(decoded.error().field, field);
    QCOMPARE(static_cast<int>(decoded.error().code), code);
    QVERIFY2(decoded.error().message.contains(field), qPrintable(decoded.error().message));
}

void TestVocabulary::defaultParsesInCanonicalOrder()
{
    const QString text = defaultText();
    QVERIFY(!text.isEmpty());
    const QList<Error> problems = Vocabulary::problems(text);
    for (const Error &e : problems)
        qWarning() << e.message;
    QVERIFY(problems.isEmpty());
    const Vocabulary v = Vocabulary::defaults();
    QVERIFY(v.size() > 300);
    QCOMPARE(v.version(), Vocabulary::parse(text)->version());
    // The shipped file is kept in the order export writes, so an admin's diff against it is small.
    QCOMPARE(entryLines(text), entryLines(v.toText()));
}

void TestVocabulary::defaultCoversDemoSkills()
{
    const Vocabulary v = Vocabulary::defaults();
    const QStringList taxonomy = demoSkillTaxonomy();
    QVERIFY(taxonomy.size() > 100);
    QStringList missing;
    for (const QString &skill : taxonomy) {
        const auto entries = v.lookup(foldText(skill));
        const bool named = std::any_of(entries.cbegin(), entries.cend(), [&skill](const VocabularyEntry *e) {
            return e->kind == Kind::Skill && e->canonical == skill;
        });
        if (!named)
            missing.append(skill);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(u"no skill entry for: "_qs + missing.join(u", "_qs)));
}

void TestVocabulary::defaultCoversDemoOffices()
{
    const Vocabulary v = Vocabulary::defaults();
    QStringList missing;
    for (const Demo::Office &office : Demo::offices()) {
        const auto entries = v.lookup(foldText(office.city));
        const bool named = std::any_of(entries.cbegin(), entries.cend(), [&office](const VocabularyEntry *e) {
            return e->kind == Kind::Place && e->canonical == office.city;
        });
        if (!named)
            missing.append(office.city);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(u"no place entry for: "_qs + missing.join(u", "_qs)));
}

void TestVocabulary::defaultKnowsCommonWords_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("canonical");
    const auto row = [](const QString &typed, Kind kind, const QString &canonical) {
        QTest::addRow("%s", qPrintable(typed)) << typed << static_cast<int>(kind) << canonical;
    };
    row(u"k8s"_qs, Kind::Skill, u"Kubernetes"_qs);
    row(u"tf"_qs, Kind::Skill, u"Terraform"_qs);
    row(u"js"_qs, Kind::Skill, u"JavaScript"_qs);
    row(u"postgres"_qs, Kind::Skill, u"PostgreSQL"_qs);
    row(u"Deutsch"_qs, Kind::Skill, u"German"_qs);
    row(u"日本語"_qs, Kind::Skill, u"Japanese"_qs);
    row(u"bangalore"_qs, Kind::Place, u"Bengaluru"_qs);
    row(u"cologne"_qs, Kind::Place, u"Köln"_qs);
    row(u"munich"_qs, Kind::Place, u"München"_qs);
    row(u"zurich"_qs, Kind::Place, u"Zürich"_qs);
    row(u"swe"_qs, Kind::Title, u"Software Engineer"_qs);
    row(u"lawyer"_qs, Kind::Title, u"Counsel"_qs); // Legal, Corporate, General Counsel
    row(u"Rechtsanwältin"_qs, Kind::Title, u"Counsel"_qs);
    row(u"Produktmanagerin"_qs, Kind::Title, u"Product Manager"_qs);
    row(u"Softwareentwickler"_qs, Kind::Title, u"Software Engineer"_qs);
    row(u"Backend-Entwicklerin"_qs, Kind::Title, u"Backend Engineer"_qs);
    row(u"Datenwissenschaftler"_qs, Kind::Title, u"Data Scientist"_qs);
    row(u"Berater"_qs, Kind::Title, u"Consultant"_qs);
    row(u"Gestalterin"_qs, Kind::Title, u"Designer"_qs);
    row(u"Buchhalter"_qs, Kind::Title, u"Accountant"_qs);
    row(u"Teamleiterin"_qs, Kind::Title, u"Team Lead"_qs);
    row(u"docker compose"_qs, Kind::Skill, u"Docker"_qs);
    row(u"mssql"_qs, Kind::Skill, u"SQL Server"_qs);
    row(u"sql server"_qs, Kind::Skill, u"SQL Server"_qs); // not SQL and a word "server"
    row(u"pl/sql"_qs, Kind::Skill, u"Oracle Database"_qs);
    row(u"dba"_qs, Kind::Title, u"Database Administrator"_qs);
    row(u"Gehälter"_qs, Kind::Skill, u"Payroll"_qs);
    row(u"biz dev"_qs, Kind::Skill, u"Business development"_qs);
    row(u"on call"_qs, Kind::Skill, u"Incident management"_qs); // "who is on call"
    row(u"Chinese"_qs, Kind::Skill, u"Mandarin"_qs); // was corrected to the name "Chinedu"
    row(u"parental leave"_qs, Kind::Skill, u"Compensation and benefits"_qs); // "leave" was "leadership"
    row(u"pension"_qs, Kind::Skill, u"Compensation and benefits"_qs); // was "person"
    row(u"password reset"_qs, Kind::Skill, u"IT support"_qs); // was "password rest"
    row(u"vpn"_qs, Kind::Skill, u"Network administration"_qs);
    row(u"people skills"_qs, Kind::Skill, u"Soft skills"_qs); // was "People Operations"
    row(u"people partner"_qs, Kind::Title, u"Human Resources Business Partner"_qs);
    row(u"Steuern"_qs, Kind::Skill, u"Corporate tax"_qs); // found no one
    row(u"aws lambda"_qs, Kind::Skill, u"AWS"_qs); // "lambda" had to match
    row(u"ci pipeline"_qs, Kind::Skill, u"CI/CD"_qs); // "pipeline" had to match
    row(u"spreadsheet"_qs, Kind::Skill, u"Excel"_qs); // found no one
    row(u"crm"_qs, Kind::Skill, u"CRM"_qs); // found no one; related: Salesforce, HubSpot
    row(u"translate"_qs, Kind::Skill, u"Translation"_qs); // had to match; related: Localization
    row(u"Übersetzerin"_qs, Kind::Skill, u"Translation"_qs);
    row(u"printer"_qs, Kind::Skill, u"IT support"_qs); // was "prince2"
    row(u"hire"_qs, Kind::Skill, u"Hiring"_qs); // was "here"
    row(u"expense reports"_qs, Kind::Skill, u"Expense management"_qs); // "reports" was "records"
    row(u"Spesenabrechnung"_qs, Kind::Skill, u"Expense management"_qs);
    row(u"excel macros"_qs, Kind::Skill, u"VBA"_qs); // "macros" was "macos"
    row(u"Fotografen"_qs, Kind::Skill, u"Photography"_qs); // found no one
    row(u"Radfahrer"_qs, Kind::Skill, u"Cycling"_qs); // found no one
    row(u"Steuererklärung"_qs, Kind::Skill, u"Personal tax"_qs); // found no one; related: Corporate tax
    row(u"Urlaubsantrag"_qs, Kind::Skill, u"Compensation and benefits"_qs); // found no one
    row(u"stock options"_qs, Kind::Skill, u"Compensation and benefits"_qs); // "options" had to match
    row(u"visa"_qs, Kind::Skill, u"Immigration and relocation"_qs); // was "visualization"
    row(u"keynote"_qs, Kind::Skill, u"Public speaking"_qs); // found no one
    row(u"phishing"_qs, Kind::Skill, u"Security awareness"_qs); // found no one
    row(u"phishing email"_qs, Kind::Skill, u"Security awareness"_qs); // "email" had to match
    row(u"nda"_qs, Kind::Skill, u"Commercial contracts"_qs); // found no one
    row(u"ethical hacker"_qs, Kind::Skill, u"Penetration testing"_qs); // was "ethical packer"
    row(u"incident commander"_qs, Kind::Skill, u"Incident management"_qs); // "commander" had to match
    row(u"chatgpt"_qs, Kind::Skill, u"AI assistants"_qs); // found no one
    row(u"copilot"_qs, Kind::Skill, u"AI assistants"_qs); // found no one
    row(u"pair programming"_qs, Kind::Skill, u"Pair programming"_qs);
    row(u"invoices"_qs, Kind::Skill, u"Accounts payable"_qs); // found no one
    row(u"health insurance"_qs, Kind::Skill, u"Compensation and benefits"_qs); // "health" had to match
    row(u"expense policy"_qs, Kind::Skill, u"Expense management"_qs); // "policy" had to match
    row(u"password"_qs, Kind::Skill, u"IT support"_qs); // found no one
    row(u"Datenbank"_qs, Kind::Skill, u"Databases"_qs); // found no one
    row(u"soccer"_qs, Kind::Skill, u"Football"_qs); // was "soc"
    row(u"parents"_qs, Kind::Skill, u"Parenting"_qs); // was "parts"
    row(u"paid social"_qs, Kind::Skill, u"Social media marketing"_qs); // "paid" had to match
    row(u"relocating"_qs, Kind::Skill, u"Immigration and relocation"_qs);
    row(u"db admin"_qs, Kind::Title, u"Database Administrator"_qs); // 3 people
    row(u"sign language"_qs, Kind::Skill, u"Sign language"_qs); // "sign" asks for no more
    row(u"marathons"_qs, Kind::Skill, u"Running"_qs);
    row(u"give a talk"_qs, Kind::Skill, u"Public speaking"_qs); // was "can" (a name)
    row(u"pitch deck"_qs, Kind::Skill, u"Presentation design"_qs); // "pitch" had to match
    row(u"artist"_qs, Kind::Skill, u"Painting"_qs); // found no one
    row(u"esg"_qs, Kind::Skill, u"Sustainability"_qs); // found no one
    row(u"carbon accounting"_qs, Kind::Skill, u"Sustainability"_qs); // accountants
    row(u"women in tech"_qs, Kind::Skill, u"Employee resource groups"_qs); // "women" had to match
    row(u"mental health"_qs, Kind::Skill, u"Mental health"_qs); // "mental" had to match
    row(u"first aid"_qs, Kind::Skill, u"Workplace safety"_qs); // mechanical engineers
    row(u"fire warden"_qs, Kind::Skill, u"Workplace safety"_qs); // was "wire warden"
    row(u"ergonomics"_qs, Kind::Skill, u"Workplace safety"_qs); // was "economics"
    row(u"new hire buddy"_qs, Kind::Skill, u"Onboarding"_qs); // was "here buddy"
    row(u"refunds"_qs, Kind::Skill, u"Billing"_qs); // was "rounds"
    row(u"discounts"_qs, Kind::Skill, u"Pricing strategy"_qs); // found no one
    row(u"security questionnaires"_qs, Kind::Skill, u"Compliance"_qs); // "questionnaires" had to match
    row(u"data deletion"_qs, Kind::Skill, u"GDPR"_qs); // was "data detection"
    row(u"sanctions"_qs, Kind::Skill, u"Export control"_qs); // found no one
    row(u"whistleblowing"_qs, Kind::Skill, u"Ethics and compliance"_qs); // found no one
    row(u"angry customer"_qs, Kind::Skill, u"Escalation management"_qs); // "angry" had to match
    row(u"work from abroad"_qs, Kind::Skill, u"Immigration and relocation"_qs); // found no one
    row(u"pay raise"_qs, Kind::Skill, u"Compensation and benefits"_qs); // "raise" had to match
    row(u"career advice"_qs, Kind::Skill, u"Career development"_qs); // was "carter advice"
    row(u"shadowing"_qs, Kind::Skill, u"Mentoring"_qs); // found no one
    row(u"open roles"_qs, Kind::Skill, u"Hiring"_qs);
    row(u"technical interviews"_qs, Kind::Skill, u"Interviewing"_qs);
    row(u"graduate program"_qs, Kind::Title, u"Intern"_qs);
    row(u"proofreading"_qs, Kind::Skill, u"Copy editing"_qs); // found no one
    row(u"photos"_qs, Kind::Skill, u"Photography"_qs); // "photos" had to match
    row(u"team building"_qs, Kind::Skill, u"Event management"_qs); // was "team billing"
    row(u"summer party"_qs, Kind::Skill, u"Event management"_qs); // "summer" had to match
    row(u"kaizen"_qs, Kind::Skill, u"Lean Six Sigma"_qs); // found no one
    row(u"zapier"_qs, Kind::Skill, u"Workflow automation"_qs); // found no one
    row(u"no code"_qs, Kind::Skill, u"Workflow automation"_qs); // was "not code"
    row(u"desk booking"_qs, Kind::Skill, u"Facilities management"_qs); // "booking" had to match
    row(u"help desk"_qs, Kind::Skill, u"IT support"_qs); // not a desk
    row(u"wifi"_qs, Kind::Skill, u"IT support"_qs); // "wifi" had to match
    row(u"cloud costs"_qs, Kind::Skill, u"FinOps"_qs); // 2 people
    row(u"Drucker"_qs, Kind::Skill, u"IT support"_qs); // was "docker"
    row(u"six sigma black belt"_qs, Kind::Skill, u"Lean Six Sigma"_qs); // "belt" was "between"
    row(u"purchase order"_qs, Kind::Skill, u"Procurement"_qs); // "order" had to match
    row(u"meeting room"_qs, Kind::Skill, u"Facilities management"_qs); // was "meeting root"
    row(u"parking"_qs, Kind::Skill, u"Facilities management"_qs); // found no one
    row(u"christmas party"_qs, Kind::Skill, u"Event management"_qs); // "party" had to match
    row(u"offsite"_qs, Kind::Skill, u"Event management"_qs); // found no one
    row(u"präsentieren"_qs, Kind::Skill, u"Public speaking"_qs); // found no one
    row(u"sso"_qs, Kind::Skill, u"Identity and access management"_qs); // found no one
    row(u"notion"_qs, Kind::Skill, u"Notion"_qs); // was "motion"; related: Confluence
    row(u"canva"_qs, Kind::Skill, u"Canva"_qs); // was "carvalho"; related: Figma
    row(u"google sheets"_qs, Kind::Skill, u"Google Workspace"_qs); // "sheets" had to match
    row(u"payments"_qs, Kind::Skill, u"Payments"_qs); // found no one
    row(u"stripe"_qs, Kind::Skill, u"Payments"_qs); // found no one
    row(u"aws account"_qs, Kind::Skill, u"AWS"_qs); // "account" had to match
    row(u"website"_qs, Kind::Skill, u"Web development"_qs); // found no one
    row(u"kubernetes cluster"_qs, Kind::Skill, u"Kubernetes"_qs); // "cluster" had to match
    row(u"scrum master"_qs, Kind::Skill, u"Scrum"_qs); // "master" put experts first
    row(u"resume"_qs, Kind::Skill, u"Career development"_qs); // found no one
    row(u"draw"_qs, Kind::Skill, u"Illustration"_qs); // found no one
    row(u"pension plan"_qs, Kind::Skill, u"Compensation and benefits"_qs); // "plan" had to match
    row(u"mobile app"_qs, Kind::Skill, u"Mobile development"_qs); // "app" had to match
    row(u"security policy"_qs, Kind::Skill, u"ISO 27001"_qs); // "policy" had to match
    row(u"salesforce admin"_qs, Kind::Skill, u"Salesforce"_qs); // "admin" had to match
    row(u"office move"_qs, Kind::Skill, u"Facilities management"_qs); // "move" asked for no more
    row(u"linux admin"_qs, Kind::Skill, u"Linux"_qs); // "admin" had to match
    row(u"voiceovers"_qs, Kind::Skill, u"Video production"_qs); // found no one
    row(u"burnout"_qs, Kind::Skill, u"Mental health"_qs); // found no one
    row(u"customer refunds"_qs, Kind::Skill, u"Billing"_qs); // "customer" had to match
    row(u"conference talk"_qs, Kind::Skill, u"Public speaking"_qs); // "conference" had to match
    row(u"competitors"_qs, Kind::Skill, u"Competitive analysis"_qs); // was "competitions"
    row(u"jira admin"_qs, Kind::Skill, u"Jira"_qs); // "admin" had to match
    row(u"fundraising"_qs, Kind::Skill, u"Investor relations"_qs); // found no one
    row(u"business travel"_qs, Kind::Skill, u"Travel management"_qs); // "business" had to match
    row(u"office plants"_qs, Kind::Skill, u"Facilities management"_qs); // "plants" had to match
    row(u"grant proposal"_qs, Kind::Skill, u"Grant writing"_qs); // found no one
    row(u"press inquiries"_qs, Kind::Skill, u"Public relations"_qs); // "inquiries" had to match
    row(u"notary"_qs, Kind::Skill, u"Corporate law"_qs); // found no one
    row(u"coffee machine"_qs, Kind::Skill, u"Facilities management"_qs); // machine learning engineers
    row(u"analytics engineer"_qs, Kind::Title, u"Analytics Engineer"_qs); // "analytics" and "engineer" apart
    row(u"dpo"_qs, Kind::Title, u"Data Protection Officer"_qs); // found no one
    row(u"Datenschutzbeauftragte"_qs, Kind::Title, u"Data Protection Officer"_qs); // found no one
    row(u"security lead"_qs, Kind::Title, u"Head of Security"_qs); // the CISO's neighbour
    row(u"wiki"_qs, Kind::Skill, u"Confluence"_qs); // found no one
    row(u"vlookup"_qs, Kind::Skill, u"Excel"_qs); // found no one
    row(u"sap hana"_qs, Kind::Skill, u"SAP S/4HANA"_qs); // "hana" had to match
    row(u"employee handbook"_qs, Kind::Skill, u"Employee relations"_qs); // "handbook" had to match
    row(u"broken monitor"_qs, Kind::Skill, u"IT support"_qs); // was "motor"
    row(u"ai regulation"_qs, Kind::Skill, u"EU AI Act"_qs); // "regulation" had to match
    row(u"data retention"_qs, Kind::Skill, u"Data protection"_qs); // "retention" had to match
    row(u"payslip"_qs, Kind::Skill, u"Payroll"_qs); // found no one
    row(u"licenses"_qs, Kind::Skill, u"Software licensing"_qs); // "office 365 licenses" had to match it
    row(u"open source licenses"_qs, Kind::Skill, u"Open source licensing"_qs); // not the software licences
    row(u"interns program"_qs, Kind::Title, u"Intern"_qs); // "program" had to match
    row(u"director"_qs, Kind::Title, u"Director"_qs); // the Active Directory experts came first
    row(u"all hands"_qs, Kind::Skill, u"Internal communications"_qs); // "all" and "hands" had to match
    row(u"internal comms"_qs, Kind::Skill, u"Internal communications"_qs); // "comms" had to match
    row(u"press"_qs, Kind::Skill, u"Public relations"_qs); // only the word
    row(u"brand guidelines"_qs, Kind::Skill, u"Brand identity"_qs); // "guidelines" had to match
    row(u"performance review"_qs, Kind::Skill, u"Performance management"_qs); // "review" is a word that asks
    row(u"Werkstudentin"_qs, Kind::Title, u"Intern"_qs); // found no one
    row(u"video editing"_qs, Kind::Skill, u"Video production"_qs); // "editing" had to match
    row(u"locked out of my account"_qs, Kind::Skill, u"IT support"_qs); // "account" had to match
    row(u"cant log in"_qs, Kind::Skill, u"IT support"_qs); // "can't", as search reads it
    row(u"badge"_qs, Kind::Skill, u"Facilities management"_qs); // was corrected to "budget"
}

void TestVocabulary::defaultKnowsCommonWords()
{
    QFETCH(QString, typed);
    QFETCH(int, kind);
    QFETCH(QString, canonical);
    const auto entries = Vocabulary::defaults().lookup(foldText(typed));
    const bool found = std::any_of(entries.cbegin(), entries.cend(), [&](const VocabularyEntry *e) {
        return static_cast<int>(e->kind) == kind && e->canonical == canonical;
    });
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TestVocabulary)
#include "tst_vocabulary.moc"
