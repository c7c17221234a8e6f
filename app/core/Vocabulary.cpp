// SPDX-License-Identifier: MIT
#include "core/Vocabulary.h"

#include "core/EnumNames.h"
#include "core/JsonReader_p.h"
#include "core/TextFold.h"
#include "core/Validation.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <functional>
#include <numeric>

namespace Colleagues {

Q_LOGGING_CATEGORY(lcVocabulary, "colleagues.core.vocabulary")

//! The checking builder's way in to Vocabulary::adopt().
class VocabularyBuilder
{
public:
    static void adopt(Vocabulary &vocabulary, QList<VocabularyEntry> entries, QList<QStringList> folded)
    {
        vocabulary.adopt(std::move(entries), std::move(folded));
    }
};

namespace {

//! Stop collecting problems after this many: an admin fixes a file a screenful at a time.
constexpr int MaxProblems = 100;

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString describe(const VocabularyEntry &entry)
{
    return VocabularyEntry::kindName(entry.kind) + QLatin1Char(' ') + quoted(entry.canonical);
}

//! Where an entry came from, for error messages: a line of text, an item of a JSON array, or
//! an entry of a vocabulary being merged. The texts are made only when a message needs them.
class Origin
{
public:
    enum class Part { Canonical, Alias, Related };

    static Origin line(qsizetype number) { return Origin(Type::Line, number); }
    static Origin item(qsizetype index) { return Origin(Type::Item, index); }
    //! \a from names the side of the merge ("current vocabulary"), \a entry the entry.
    static Origin merge(const QString &from, const VocabularyEntry &entry)
    {
        Origin origin(Type::Merge, 0);
        origin.m_from = from;
        origin.m_label = from + QLatin1Char(' ') + describe(entry);
        return origin;
    }

    //! Names the entry in another entry's message: "line 12", "entries[3]".
    QString where() const
    {
        switch (m_type) {
        case Type::Line: return QStringLiteral("line %1").arg(m_number);
        case Type::Item: return QStringLiteral("entries[%1]").arg(m_number);
        case Type::Merge: return m_from;
        }
        return {};
    }
    //! Starts a message about the whole entry: "line 12: ", "entries[3]: ".
    QString prefix() const { return (m_type == Type::Merge ? m_label : where()) + QStringLiteral(": "); }
    //! Starts a message about one value; empty when field() says where.
    QString fieldPrefix() const { return m_type == Type::Item ? QString() : prefix(); }
    //! Error::field when the error is about the entry as a whole.
    QString errorField() const { return m_type == Type::Merge ? QStringLiteral("entries") : where(); }
    //! Names one value: "alias 2", "entries[3].aliases[1]".
    QString field(Part part, qsizetype i) const
    {
        if (m_type == Type::Item) {
            switch (part) {
            case Part::Canonical: return where() + QStringLiteral(".canonical");
            case Part::Alias: return where() + QStringLiteral(".aliases[%1]").arg(i);
            case Part::Related: return where() + QStringLiteral(".related[%1]").arg(i);
            }
        }
        switch (part) {
        case Part::Canonical: return QStringLiteral("the name");
        case Part::Alias: return QStringLiteral("alias %1").arg(i + 1);
        case Part::Related: return QStringLiteral("related name %1").arg(i + 1);
        }
        return {};
    }

private:
    enum class Type { Line, Item, Merge };
    Origin(Type type, qsizetype number)
        : m_type(type)
        , m_number(number)
    { }

    Type m_type;
    qsizetype m_number;
    QString m_from;
    QString m_label;
};

QString entryLine(const VocabularyEntry &entry)
{
    qsizetype size = 8 + entry.canonical.size();
    for (const QString &name : entry.aliases)
        size += name.size() + 2;
    for (const QString &name : entry.related)
        size += name.size() + 2;
    QString line;
    line.reserve(size + 6);
    line += VocabularyEntry::kindName(entry.kind) + QLatin1Char(' ') + entry.canonical;
    if (!entry.aliases.isEmpty())
        line += QStringLiteral(" | ") + entry.aliases.join(QStringLiteral(", "));
    if (!entry.related.isEmpty())
        line += QStringLiteral(" ~ ") + entry.related.join(QStringLiteral(", "));
    return line;
}

//! Checks entries one by one against each other and the limits; collects what it accepts.
class Builder
{
public:
    bool full() const { return m_errors.size() >= MaxProblems; }
    const QList<Error> &errors() const { return m_errors; }

    //! Checks \a entry (normalizing its names first) and keeps it when it is valid.
    void add(VocabularyEntry entry, const Origin &origin)
    {
        if (m_entries.size() >= VocabularyLimits::EntriesMax) {
            report(Error::Code::TooMany, origin.errorField(),
                   origin.prefix()
                       + QStringLiteral("a vocabulary may have at most %1 entries.").arg(VocabularyLimits::EntriesMax));
            return;
        }
        const qsizetype errorsBefore = m_errors.size();
        normalize(entry);
        checkName(entry.canonical, origin, Origin::Part::Canonical, 0);
        checkList(entry.aliases, origin, Origin::Part::Alias, VocabularyLimits::AliasesMax, QStringLiteral("aliases"));
        checkList(entry.related, origin, Origin::Part::Related, VocabularyLimits::RelatedMax,
                  QStringLiteral("related names"));
        if (m_errors.size() != errorsBefore)
            return;

        const int kind = static_cast<int>(entry.kind);
        // The folded canonical name, then the folded aliases.
        QStringList folded;
        folded.reserve(1 + entry.aliases.size());
        folded.append(foldText(entry.canonical));
        for (qsizetype i = 0; i < entry.aliases.size(); ++i) {
            QString alias = foldText(entry.aliases.at(i));
            if (folded.contains(alias))
                reportRepeated(entry, origin, Origin::Part::Alias, i, u"alias");
            folded.append(std::move(alias));
        }
        QStringList related;
        related.reserve(entry.related.size());
        for (qsizetype i = 0; i < entry.related.size(); ++i) {
            QString name = foldText(entry.related.at(i));
            if (name == folded.first() || related.contains(name))
                reportRepeated(entry, origin, Origin::Part::Related, i, u"related name");
            related.append(std::move(name));
        }
        if (m_errors.size() != errorsBefore)
            return;

        // Across entries: one name of a kind, and every alias of a kind stands for one name.
        if (const auto it = m_names.constFind({kind, folded.first()}); it != m_names.constEnd()) {
            report(Error::Code::Duplicate, origin.errorField(),
                   origin.prefix()
                       + QStringLiteral("%1 is already defined (%2).").arg(describe(entry), m_origins.at(*it).where()));
            return;
        }
        if (const auto it = m_aliases.constFind({kind, folded.first()}); it != m_aliases.constEnd()) {
            report(Error::Code::Duplicate, origin.errorField(),
                   origin.prefix()
                       + QStringLiteral("%1 is already an alias of %2 (%3).")
                             .arg(describe(entry), describe(m_entries.at(*it)), m_origins.at(*it).where()));
            return;
        }
        for (qsizetype i = 0; i < entry.aliases.size(); ++i) {
            const QString &alias = folded.at(i + 1);
            if (const auto it = m_names.constFind({kind, alias}); it != m_names.constEnd()) {
                const QString field = origin.field(Origin::Part::Alias, i);
                report(Error::Code::Duplicate, fieldOf(origin, field),
                       origin.fieldPrefix()
                           + QStringLiteral("%1 %2 of %3 is the name of %4 (%5).")
                                 .arg(field, quoted(entry.aliases.at(i)), describe(entry), describe(m_entries.at(*it)),
                                      m_origins.at(*it).where()));
            } else if (const auto owner = m_aliases.constFind({kind, alias}); owner != m_aliases.constEnd()) {
                const QString field = origin.field(Origin::Part::Alias, i);
                report(Error::Code::Duplicate, fieldOf(origin, field),
                       origin.fieldPrefix()
                           + QStringLiteral("%1 %2 of %3 already stands for %4 (%5).")
                                 .arg(field, quoted(entry.aliases.at(i)), describe(entry),
                                      describe(m_entries.at(*owner)), m_origins.at(*owner).where()));
            }
        }
        if (m_errors.size() != errorsBefore)
            return;

        const int index = static_cast<int>(m_entries.size());
        m_names.insert({kind, folded.first()}, index);
        for (qsizetype i = 1; i < folded.size(); ++i)
            m_aliases.insert({kind, folded.at(i)}, index);
        m_entries.append(std::move(entry));
        m_folded.append(std::move(folded));
        m_origins.append(origin);
    }

    //! Room for \a entries entries with about four names each.
    void reserve(qsizetype entries)
    {
        entries = std::min<qsizetype>(entries, VocabularyLimits::EntriesMax);
        m_entries.reserve(entries);
        m_folded.reserve(entries);
        m_origins.reserve(entries);
        m_names.reserve(entries);
        m_aliases.reserve(entries * 3);
    }

    //! The Error::field of a problem with one value: the value's path for JSON, the line for text.
    static QString fieldOf(const Origin &origin, const QString &field)
    {
        return origin.fieldPrefix().isEmpty() ? field : origin.errorField();
    }

    void report(Error::Code code, const QString &field, const QString &message)
    {
        if (!full())
            m_errors.append(Error {code, field, message});
    }

    //! Reports that alias or related name \a i of \a entry (\a part) repeats the entry's name or
    //! another \a what of it.
    void reportRepeated(const VocabularyEntry &entry, const Origin &origin, Origin::Part part, qsizetype i,
                        QStringView what)
    {
        const QString field = origin.field(part, i);
        const QString &value = part == Origin::Part::Alias ? entry.aliases.at(i) : entry.related.at(i);
        report(Error::Code::Duplicate, fieldOf(origin, field),
               origin.fieldPrefix()
                   + QStringLiteral("%1 %2 repeats the name or another %3 of %4.")
                         .arg(field, quoted(value), what, describe(entry)));
    }

    //! Moves the accepted entries into \a vocabulary.
    void build(Vocabulary &vocabulary)
    {
        VocabularyBuilder::adopt(vocabulary, std::move(m_entries), std::move(m_folded));
    }

private:
    static QString normalized(const QString &name)
    {
        // Below U+0300 there are no combining marks: such text is NFC already (the common case,
        // and normalized() allocates even then).
        const bool simple = std::all_of(name.cbegin(), name.cend(), [](QChar c) { return c.unicode() < 0x300; });
        const QString nfc = simple ? name : name.normalized(QString::NormalizationForm_C);
        const bool padded = !nfc.isEmpty() && (nfc.front().isSpace() || nfc.back().isSpace());
        return padded ? nfc.trimmed() : nfc;
    }

    static void normalize(VocabularyEntry &entry)
    {
        entry.canonical = normalized(entry.canonical);
        for (QString &alias : entry.aliases)
            alias = normalized(alias);
        for (QString &name : entry.related)
            name = normalized(name);
    }

    void checkList(const QStringList &names, const Origin &origin, Origin::Part part, int max, const QString &what)
    {
        if (names.size() > max) {
            report(Error::Code::TooMany, origin.errorField(),
                   origin.prefix()
                       + QStringLiteral("an entry may have at most %1 %2 (it has %3).")
                             .arg(max)
                             .arg(what)
                             .arg(names.size()));
            return;
        }
        for (qsizetype i = 0; i < names.size(); ++i)
            checkName(names.at(i), origin, part, i);
    }

    void checkName(const QString &name, const Origin &origin, Origin::Part part, qsizetype i)
    {
        // Field names are made only for a message: this runs for every name of every entry.
        const auto fieldName = [&] { return origin.field(part, i); };
        if (name.isEmpty()) {
            const QString field = fieldName();
            report(Error::Code::Required, fieldOf(origin, field),
                   origin.fieldPrefix()
                       + QStringLiteral("%1 is empty (two commas in a row, or a separator with nothing after it?).")
                             .arg(field));
            return;
        }
        if (Validation::checkSingleLine(name, QString(), VocabularyLimits::NameMax, true)) {
            Error error = Validation::checkSingleLine(name, fieldName(), VocabularyLimits::NameMax, true);
            error.message.prepend(origin.fieldPrefix());
            report(error.code, fieldOf(origin, error.field), error.message);
            return;
        }
        // The separators of the text format; a name holding one could not be written back.
        for (const QChar separator : {QLatin1Char('|'), QLatin1Char('~'), QLatin1Char(',')}) {
            if (name.contains(separator)) {
                const QString field = fieldName();
                report(Error::Code::ForbiddenCharacter, fieldOf(origin, field),
                       origin.fieldPrefix()
                           + QStringLiteral("%1 %2 must not contain '|', '~' or ','.").arg(field, quoted(name)));
                return;
            }
        }
        if (part == Origin::Part::Canonical && name.startsWith(QLatin1Char('#'))) {
            const QString field = fieldName();
            report(Error::Code::InvalidFormat, fieldOf(origin, field),
                   origin.fieldPrefix() + QStringLiteral("%1 %2 must not start with '#'.").arg(field, quoted(name)));
        }
    }

    QList<VocabularyEntry> m_entries;
    QList<QStringList> m_folded; //!< parallel to m_entries: the folded name, then the folded aliases
    QList<Origin> m_origins; //!< parallel to m_entries
    QHash<std::pair<int, QString>, int> m_names; //!< (kind, folded canonical) -> entry
    QHash<std::pair<int, QString>, int> m_aliases; //!< (kind, folded alias) -> entry
    QList<Error> m_errors;
};

//! Parses one line of the text format into \a entry; false (with the problem reported) if bad.
bool parseLine(QStringView line, int lineNumber, Builder &builder, VocabularyEntry &entry)
{
    const Origin origin = Origin::line(lineNumber);
    const auto fail = [&](const QString &message) {
        builder.report(Error::Code::InvalidFormat, origin.errorField(), origin.prefix() + message);
        return false;
    };
    qsizetype space = 0;
    while (space < line.size() && !line.at(space).isSpace())
        ++space;
    const QStringView keyword = line.left(space);
    const auto kind = VocabularyEntry::kindFromName(keyword);
    if (!kind) {
        return fail(QStringLiteral("%1 is not a kind; a line starts with skill, place or title.")
                        .arg(quoted(keyword.left(VocabularyLimits::NameMax).toString())));
    }
    const QStringView rest = line.mid(space).trimmed();
    if (rest.isEmpty())
        return fail(QStringLiteral("%1 needs a name.").arg(keyword.toString()));
    const qsizetype bar = rest.indexOf(QLatin1Char('|'));
    const qsizetype tilde = rest.indexOf(QLatin1Char('~'));
    if (bar >= 0 && rest.indexOf(QLatin1Char('|'), bar + 1) >= 0)
        return fail(QStringLiteral("more than one '|'; aliases are separated by commas."));
    if (tilde >= 0 && rest.indexOf(QLatin1Char('~'), tilde + 1) >= 0)
        return fail(QStringLiteral("more than one '~'; related names are separated by commas."));
    if (bar >= 0 && tilde >= 0 && tilde < bar)
        return fail(QStringLiteral("aliases (after '|') must come before related names (after '~')."));

    const qsizetype nameEnd = bar >= 0 ? bar : (tilde >= 0 ? tilde : rest.size());
    entry.kind = *kind;
    entry.canonical = rest.left(nameEnd).trimmed().toString();
    const auto items = [](QStringView part) {
        QStringList out;
        for (QStringView item : part.split(QLatin1Char(',')))
            out.append(item.trimmed().toString());
        return out;
    };
    if (bar >= 0)
        entry.aliases = items(rest.mid(bar + 1, (tilde >= 0 ? tilde : rest.size()) - bar - 1));
    if (tilde >= 0)
        entry.related = items(rest.mid(tilde + 1));
    return true;
}

//! Parses the text format; \a builder collects the entries and every problem.
void parseText(QStringView text, Builder &builder)
{
    if (text.startsWith(QChar(0xFEFF)))
        text = text.mid(1);
    builder.reserve(text.count(QLatin1Char('\n')) + 1);
    int lineNumber = 0;
    for (QStringView line : text.split(QLatin1Char('\n'))) {
        ++lineNumber;
        if (builder.full())
            return;
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        VocabularyEntry entry;
        if (parseLine(line, lineNumber, builder, entry))
            builder.add(std::move(entry), Origin::line(lineNumber));
    }
}

Vocabulary loadDefaults()
{
    QFile file(QStringLiteral(":/vocabulary/default.txt"));
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcVocabulary) << "The default vocabulary resource is missing.";
        return {};
    }
    Expected<Vocabulary> parsed = Vocabulary::parse(QString::fromUtf8(file.readAll()));
    if (!parsed) {
        qCCritical(lcVocabulary) << "The default vocabulary does not parse:" << parsed.error().message;
        return {};
    }
    return std::move(parsed).value();
}

} // namespace

namespace {
//! \a phrase without its apostrophes, as search reads a word ("can't" is "cant"); empty when it
//! has none.
QString withoutApostrophes(const QString &phrase)
{
    if (!phrase.contains(u'\'') && !phrase.contains(u'\u2019') && !phrase.contains(u'\u02BC'))
        return {};
    return QString(phrase).remove(u'\'').remove(u'\u2019').remove(u'\u02BC');
}

constexpr Named<VocabularyEntry::Kind> KindNames[] = {{VocabularyEntry::Kind::Skill, "skill"},
                                                      {VocabularyEntry::Kind::Place, "place"},
                                                      {VocabularyEntry::Kind::Title, "title"}};
} // namespace

QString VocabularyEntry::kindName(Kind kind)
{
    return nameIn(KindNames, kind);
}

std::optional<VocabularyEntry::Kind> VocabularyEntry::kindFromName(QStringView name)
{
    return valueIn(KindNames, name);
}

Expected<Vocabulary> Vocabulary::parse(QStringView text)
{
    Builder builder;
    parseText(text, builder);
    if (!builder.errors().isEmpty())
        return builder.errors().first();
    Vocabulary vocabulary;
    builder.build(vocabulary);
    return vocabulary;
}

QList<Error> Vocabulary::problems(QStringView text)
{
    Builder builder;
    parseText(text, builder);
    return builder.errors();
}

Expected<Vocabulary> Vocabulary::fromEntries(QList<VocabularyEntry> entries)
{
    Builder builder;
    builder.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size() && builder.errors().isEmpty(); ++i)
        builder.add(std::move(entries[i]), Origin::item(i));
    if (!builder.errors().isEmpty())
        return builder.errors().first();
    Vocabulary vocabulary;
    builder.build(vocabulary);
    return vocabulary;
}

void Vocabulary::adopt(QList<VocabularyEntry> entries, QList<QStringList> folded)
{
    // Canonical order: kind, then folded name (unique within a kind).
    QList<int> order(entries.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&entries, &folded](int a, int b) {
        if (entries.at(a).kind != entries.at(b).kind)
            return entries.at(a).kind < entries.at(b).kind;
        return folded.at(a).first() < folded.at(b).first();
    });
    m_entries.clear();
    m_entries.reserve(entries.size());
    m_index.clear();
    m_multi.clear();
    m_longestPhrase = 0;
    qsizetype phrases = 0;
    for (const QStringList &names : std::as_const(folded))
        phrases += names.size();
    m_index.reserve(phrases);
    QList<const QString *> foldedNames; // by new index, for ordering shared phrases
    foldedNames.reserve(entries.size());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const int from : std::as_const(order)) {
        const int index = static_cast<int>(m_entries.size());
        auto addPhrase = [this, index](const QString &phrase) {
            const auto it = m_index.find(phrase);
            if (it == m_index.end()) {
                m_index.insert(phrase, index);
            } else if (*it >= 0) {
                if (*it == index)
                    return;
                m_multi.append(QList<int> {*it, index});
                *it = -static_cast<int>(m_multi.size());
            } else if (!m_multi.at(-*it - 1).contains(index)) {
                m_multi[-*it - 1].append(index);
            }
            m_longestPhrase = std::max(m_longestPhrase, static_cast<int>(phrase.count(QLatin1Char(' '))) + 1);
        };
        for (const QString &phrase : std::as_const(folded.at(from))) {
            addPhrase(phrase);
            // Search words lose their apostrophes ("can't log in" is typed and read as "cant").
            if (const QString bare = withoutApostrophes(phrase); !bare.isEmpty())
                addPhrase(bare);
        }
        foldedNames.append(&folded.at(from).first());
        hash.addData(entryLine(entries.at(from)).toUtf8());
        hash.addData(QByteArrayView("\n"));
        m_entries.append(std::move(entries[from]));
    }
    // Best first: an entry named by the phrase before one it is an alias of, then by kind.
    for (auto it = m_index.cbegin(); it != m_index.cend(); ++it) {
        if (*it >= 0)
            continue;
        const QString &phrase = it.key();
        QList<int> &list = m_multi[-*it - 1];
        std::stable_sort(list.begin(), list.end(), [this, &phrase, &foldedNames](int a, int b) {
            auto named = [&phrase](const QString &name) {
                return name == phrase || withoutApostrophes(name) == phrase;
            };
            const bool aNamed = named(*foldedNames.at(a));
            const bool bNamed = named(*foldedNames.at(b));
            if (aNamed != bNamed)
                return aNamed;
            return m_entries.at(a).kind < m_entries.at(b).kind;
        });
    }
    m_version = m_entries.isEmpty() ? QString() : QString::fromLatin1(hash.result().left(16).toHex());
}

QString Vocabulary::toText() const
{
    QString text = QStringLiteral("# Colleagues vocabulary: one entry a line, sorted by kind and name.\n"
                                  "# KIND NAME | ALIAS, ALIAS ~ RELATED, RELATED   (KIND is skill, place or title)\n");
    std::optional<VocabularyEntry::Kind> kind;
    for (const VocabularyEntry &entry : m_entries) {
        if (kind != entry.kind) {
            text += QLatin1Char('\n');
            kind = entry.kind;
        }
        text += entryLine(entry) + QLatin1Char('\n');
    }
    return text;
}

Vocabulary Vocabulary::defaults()
{
    static const Vocabulary vocabulary = loadDefaults();
    return vocabulary;
}

Expected<Vocabulary> Vocabulary::merged(const Vocabulary &overrides) const
{
    QSet<std::pair<int, QString>> replaced;
    for (const VocabularyEntry &entry : overrides.m_entries)
        replaced.insert({static_cast<int>(entry.kind), foldText(entry.canonical)});
    Builder builder;
    for (const VocabularyEntry &entry : m_entries) {
        if (!replaced.contains({static_cast<int>(entry.kind), foldText(entry.canonical)}))
            builder.add(entry, Origin::merge(QStringLiteral("current vocabulary"), entry));
    }
    for (const VocabularyEntry &entry : overrides.m_entries)
        builder.add(entry, Origin::merge(QStringLiteral("added entry"), entry));
    if (!builder.errors().isEmpty())
        return builder.errors().first();
    Vocabulary vocabulary;
    builder.build(vocabulary);
    return vocabulary;
}

int Vocabulary::longestMatch(const QStringList &foldedWords, qsizetype from, const VocabularyEntry **entry) const
{
    if (entry)
        *entry = nullptr;
    if (from < 0 || from >= foldedWords.size())
        return 0;
    const qsizetype longest = std::min<qsizetype>(m_longestPhrase, foldedWords.size() - from);
    for (qsizetype n = longest; n >= 1; --n) {
        QString leading;
        for (qsizetype i = 0; i < n - 1; ++i)
            leading += foldedWords.at(from + i) + QLatin1Char(' ');
        if (const std::optional<int> slot = find(leading, foldedWords.at(from + n - 1))) {
            if (entry)
                *entry = &m_entries.at(*slot >= 0 ? *slot : m_multi.at(-*slot - 1).first());
            return static_cast<int>(n);
        }
    }
    return 0;
}

QList<const VocabularyEntry *> Vocabulary::lookup(const QString &foldedPhrase) const
{
    const auto it = m_index.constFind(foldedPhrase);
    return it == m_index.constEnd() ? QList<const VocabularyEntry *>() : entriesAt(*it);
}

QList<const VocabularyEntry *> Vocabulary::lookup(const QStringList &foldedWords) const
{
    if (foldedWords.isEmpty())
        return {};
    QString leading;
    for (qsizetype i = 0; i + 1 < foldedWords.size(); ++i)
        leading += foldedWords.at(i) + QLatin1Char(' ');
    const std::optional<int> slot = find(leading, foldedWords.constLast());
    return slot ? entriesAt(*slot) : QList<const VocabularyEntry *>();
}

std::optional<int> Vocabulary::find(const QString &leading, const QString &last) const
{
    // As typed, else with its last word in the singular: "data scientists", "sres".
    auto findAsTyped = [this](const QString &before, const QString &word) -> std::optional<int> {
        auto it = m_index.constFind(before + word);
        if (it == m_index.constEnd()) {
            const QString singular = englishSingular(word);
            if (singular.isEmpty())
                return std::nullopt;
            it = m_index.constFind(before + singular);
            if (it == m_index.constEnd())
                return std::nullopt;
        }
        return *it;
    };
    if (const std::optional<int> slot = findAsTyped(leading, last))
        return slot;
    // Hyphens between words, as spaces or as nothing: "machine-learning", "e-mail".
    const QString phrase = leading + last;
    if (!phrase.contains(u'-'))
        return std::nullopt;
    for (const QString &variant : {QString(phrase).replace(u'-', u' '), QString(phrase).remove(u'-')}) {
        const qsizetype space = variant.lastIndexOf(u' ');
        if (const std::optional<int> slot = findAsTyped(variant.left(space + 1), variant.mid(space + 1)))
            return slot;
    }
    return std::nullopt;
}

QList<const VocabularyEntry *> Vocabulary::entriesAt(int slot) const
{
    QList<const VocabularyEntry *> out;
    if (slot >= 0) {
        out.append(&m_entries.at(slot));
        return out;
    }
    for (const int index : m_multi.at(-slot - 1))
        out.append(&m_entries.at(index));
    return out;
}

QJsonObject toJson(const Vocabulary &vocabulary)
{
    QJsonArray entries;
    for (const VocabularyEntry &entry : vocabulary.entries()) {
        QJsonObject o {
            {QStringLiteral("kind"), VocabularyEntry::kindName(entry.kind)},
            {QStringLiteral("canonical"), entry.canonical},
            {QStringLiteral("aliases"), QJsonArray::fromStringList(entry.aliases)},
            {QStringLiteral("related"), QJsonArray::fromStringList(entry.related)},
        };
        entries.append(o);
    }
    return QJsonObject {{QStringLiteral("version"), vocabulary.version()}, {QStringLiteral("entries"), entries}};
}

Expected<Vocabulary> vocabularyFromJson(const QJsonObject &object)
{
    using Internal::JsonReader;
    JsonReader r(object);
    const QString version = r.string(QStringLiteral("version"), false, 64);
    if (!r.failed() && !object.contains(QStringLiteral("entries")))
        r.fail(Error::Code::Required, QStringLiteral("entries"), QStringLiteral("entries is required."));
    const QJsonArray array = r.array(QStringLiteral("entries"), VocabularyLimits::EntriesMax);
    QList<VocabularyEntry> entries;
    entries.reserve(array.size());
    const auto readNames = [](JsonReader &er, const QString &key, int max) {
        QStringList names;
        const QJsonArray items = er.array(key, max);
        for (qsizetype i = 0; i < items.size() && !er.failed(); ++i) {
            const QString field = er.path(key) + QStringLiteral("[%1]").arg(i);
            if (!items.at(i).isString()) {
                er.setError({Error::Code::InvalidType, field, QStringLiteral("%1 must be a string.").arg(field)});
                break;
            }
            const QString name = items.at(i).toString();
            // Refuse absurd sizes before normalizing; the exact limit is checked afterwards.
            if (name.size() > 2 * VocabularyLimits::NameMax + 16) {
                er.setError(
                    {Error::Code::TooLong, field,
                     QStringLiteral("%1 must be at most %2 characters.").arg(field).arg(VocabularyLimits::NameMax)});
                break;
            }
            names.append(name);
        }
        return names;
    };
    for (qsizetype i = 0; i < array.size() && !r.failed(); ++i) {
        const QString base = QStringLiteral("entries[%1]").arg(i);
        if (!array.at(i).isObject()) {
            r.fail(Error::Code::InvalidType, base, QStringLiteral("%1 must be an object.").arg(base));
            break;
        }
        JsonReader er(array.at(i).toObject(), base);
        VocabularyEntry entry;
        const QString kindName = er.string(QStringLiteral("kind"), true, 16);
        const auto kind = VocabularyEntry::kindFromName(kindName);
        if (!er.failed() && !kind) {
            er.fail(
                Error::Code::InvalidFormat, QStringLiteral("kind"),
                QStringLiteral("%1 must be \"skill\", \"place\" or \"title\".").arg(er.path(QStringLiteral("kind"))));
        }
        entry.kind = kind.value_or(VocabularyEntry::Kind::Skill);
        entry.canonical = er.string(QStringLiteral("canonical"), true, VocabularyLimits::NameMax);
        entry.aliases = readNames(er, QStringLiteral("aliases"), VocabularyLimits::AliasesMax);
        entry.related = readNames(er, QStringLiteral("related"), VocabularyLimits::RelatedMax);
        er.rejectUnknown();
        if (er.failed()) {
            r.setError(er.error());
            break;
        }
        entries.append(std::move(entry));
    }
    r.rejectUnknown();
    if (r.failed())
        return r.error();
    Expected<Vocabulary> vocabulary = Vocabulary::fromEntries(std::move(entries));
    if (!vocabulary)
        return vocabulary;
    if (version != vocabulary->version()) {
        return Error {Error::Code::InvalidFormat, QStringLiteral("version"),
                      QStringLiteral("version %1 does not match the entries (their version is %2).")
                          .arg(quoted(version), vocabulary->version())};
    }
    return vocabulary;
}

} // namespace Colleagues
