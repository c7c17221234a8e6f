// SPDX-License-Identifier: MIT
#include "core/ProfileCsv.h"

#include "core/CsvReader.h"
#include "core/Validation.h"

#include <QHash>
#include <QIODevice>

#include <algorithm>
#include <array>
#include <optional>

namespace Colleagues {

namespace {

enum Column {
    Username,
    DisplayName,
    Email,
    Title,
    Department,
    Location,
    TimeZone,
    Manager,
    Skills,
    Interests,
    Bio,
    Phone,
    ColumnCount
};

constexpr std::array<QLatin1StringView, ColumnCount> ColumnNames = {
    QLatin1StringView("username"),  QLatin1StringView("display_name"), QLatin1StringView("email"),
    QLatin1StringView("title"),     QLatin1StringView("department"),   QLatin1StringView("location"),
    QLatin1StringView("timezone"),  QLatin1StringView("manager"),      QLatin1StringView("skills"),
    QLatin1StringView("interests"), QLatin1StringView("bio"),          QLatin1StringView("phone"),
};

std::optional<Column> columnForName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    for (int c = 0; c < ColumnCount; ++c) {
        if (key == ColumnNames[c])
            return Column(c);
    }
    if (key == QLatin1StringView("time_zone")) // the JSON name, accepted as a courtesy
        return TimeZone;
    return std::nullopt;
}

QString knownColumnList()
{
    return profileCsvColumns().join(QLatin1StringView(", "));
}

// Validation names fields as JSON does; the one CSV column named differently (timezone) is
// checked again under its CSV name so that field and sentence both match the header.
CsvRowError rowError(int line, const Error &error, const Profile &p)
{
    if (error.field == QLatin1StringView("time_zone")) {
        const Error csvError = Validation::checkTimeZone(p.timeZone, ColumnNames[TimeZone]);
        if (csvError)
            return {line, csvError.field, csvError.message};
    }
    return {line, error.field, error.message};
}

// A list cell ("Go:4;Rust", "a;b;c") separates its items with ";". An item's own ";" is written
// "\;" and its own backslash "\\"; any other backslash is itself ("C:\tools" stays as typed).
QStringList splitList(const QString &cell)
{
    // Split as the profile will store the text: NFC makes U+037E GREEK QUESTION MARK a ";", which
    // would otherwise stay inside an item and split it on the next export.
    const QString text = cell.normalized(QString::NormalizationForm_C);
    QStringList items;
    QString item;
    auto endItem = [&] {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty())
            items.append(trimmed);
        item.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\\' && i + 1 < text.size() && (text[i + 1] == u';' || text[i + 1] == u'\\'))
            item.append(text[++i]);
        else if (c == u';')
            endItem();
        else
            item.append(c);
    }
    endItem();
    return items;
}

QString joinList(const QStringList &items)
{
    QStringList escaped;
    escaped.reserve(items.size());
    for (QString item : items) {
        item.replace(QLatin1Char('\\'), QLatin1StringView("\\\\"));
        item.replace(QLatin1Char(';'), QLatin1StringView("\\;"));
        escaped.append(item);
    }
    return escaped.join(QLatin1Char(';'));
}

// "Name:level;Name" -> skills; only a trailing ":<digits>" is a level.
SkillList parseSkills(const QString &cell, int line, QList<CsvRowError> &errors)
{
    SkillList skills;
    const QString field = ColumnNames[Skills];
    for (const QString &item : splitList(cell)) {
        Skill skill {item, 3};
        const qsizetype colon = item.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0) {
            const QStringView levelText = QStringView(item).sliced(colon + 1).trimmed();
            const bool digits = !levelText.isEmpty()
                && std::all_of(levelText.begin(), levelText.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
            if (digits) {
                skill.name = QStringView(item).first(colon).trimmed().toString();
                bool ok = false;
                skill.level = levelText.toInt(&ok);
                if (skill.name.isEmpty()) {
                    errors.append(
                        {line, field, QStringLiteral("skills has \"%1\", a level without a skill name.").arg(item)});
                    continue;
                }
                if (!ok || skill.level < Limits::SkillLevelMin || skill.level > Limits::SkillLevelMax) {
                    errors.append({line, field,
                                   QStringLiteral("skills has \"%1\" with level %2, but levels go from %3 "
                                                  "(beginner) to %4 (expert).")
                                       .arg(item, levelText.toString())
                                       .arg(Limits::SkillLevelMin)
                                       .arg(Limits::SkillLevelMax)});
                    continue;
                }
            }
        }
        skills.append(skill);
    }
    return skills;
}

QString columnList(const QList<qsizetype> &columns)
{
    QStringList numbers;
    for (const qsizetype c : columns)
        numbers.append(QString::number(c + 1));
    return numbers.join(QLatin1StringView(" and "));
}

// Maps header cells to columns; reports every problem with the header as a file-level error.
std::array<qsizetype, ColumnCount> mapHeader(const CsvRecord &header, ProfileCsvResult &result)
{
    std::array<qsizetype, ColumnCount> index;
    index.fill(-1);
    std::array<QList<qsizetype>, ColumnCount> seen;
    auto fileError = [&](const QString &field, const QString &message) {
        result.errors.append({header.line, field, message});
        result.fileOk = false;
    };
    for (qsizetype i = 0; i < header.fields.size(); ++i) {
        const QString &name = header.fields.at(i);
        if (const auto column = columnForName(name)) {
            seen[*column].append(i);
            index[*column] = seen[*column].first();
        } else if (name.trimmed().isEmpty()) {
            fileError(QString(),
                      QStringLiteral("Column %1 of the header has no name; the known columns are %2.")
                          .arg(i + 1)
                          .arg(knownColumnList()));
        } else {
            fileError(name,
                      QStringLiteral("The header has an unknown column \"%1\" (column %2); the known columns "
                                     "are %3.")
                          .arg(name.trimmed())
                          .arg(i + 1)
                          .arg(knownColumnList()));
        }
    }
    for (int c = 0; c < ColumnCount; ++c) {
        if (seen[c].size() > 1) {
            fileError(ColumnNames[c],
                      QStringLiteral("The header names the column \"%1\" more than once (columns %2).")
                          .arg(ColumnNames[c], columnList(seen[c])));
        }
    }
    for (const Column required : {Username, DisplayName}) {
        if (index[required] < 0) {
            fileError(ColumnNames[required],
                      QStringLiteral("The header has no \"%1\" column, which is required; the "
                                     "header must name at least username and display_name.")
                          .arg(ColumnNames[required]));
        }
    }
    return index;
}

void appendCsvField(QByteArray &out, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    const bool needsQuotes = utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r');
    if (!needsQuotes) {
        out.append(utf8);
        return;
    }
    out.append('"');
    for (const char c : utf8) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
}

ProfileCsvResult readProfiles(CsvReader &reader)
{
    ProfileCsvResult result;
    CsvRecord record;
    if (!reader.readHeader(record)) {
        result.fileOk = false;
        result.errors.append({0, QString(),
                              QStringLiteral("The file is empty; its first line must be a header such as "
                                             "\"username,display_name,email\".")});
        return result;
    }
    if (!record.isValid()) {
        result.fileOk = false;
        result.errors.append({record.line, QString(), QStringLiteral("The header is malformed. ") + record.error});
        return result;
    }
    const std::array<qsizetype, ColumnCount> index = mapHeader(record, result);
    if (!result.fileOk)
        return result;

    QHash<QString, int> firstLineOfUsername;
    while (reader.readRecord(record)) {
        const int line = record.line;
        if (!record.isValid()) {
            result.errors.append({line, QString(), record.error});
            if (reader.hasReadError())
                result.fileOk = false;
            continue;
        }
        auto cell = [&](Column c) { return index[c] >= 0 ? record.fields.at(index[c]) : QString(); };

        const qsizetype errorsBefore = result.errors.size();
        Profile p;
        p.username = cell(Username);
        p.displayName = cell(DisplayName);
        p.email = cell(Email);
        p.title = cell(Title);
        p.department = cell(Department);
        p.location = cell(Location);
        p.timeZone = cell(TimeZone);
        p.manager = cell(Manager);
        p.skills = parseSkills(cell(Skills), line, result.errors);
        p.interests = splitList(cell(Interests));
        p.bio = cell(Bio);
        p.phone = cell(Phone);

        Validation::normalize(p);
        for (const Error &error : Validation::validate(p))
            result.errors.append(rowError(line, error, p));

        if (!p.username.isEmpty()) {
            const auto first = firstLineOfUsername.constFind(p.username);
            if (first != firstLineOfUsername.cend()) {
                result.errors.append({line, ColumnNames[Username],
                                      QStringLiteral("username \"%1\" already appears on line %2; a username "
                                                     "may appear only once, so this row is skipped.")
                                          .arg(p.username)
                                          .arg(*first)});
            } else {
                firstLineOfUsername.insert(p.username, line);
            }
        }

        if (result.errors.size() == errorsBefore) {
            result.profiles.append(std::move(p));
            result.lines.append(line);
        }
    }
    return result;
}

} // namespace

QStringList profileCsvColumns()
{
    QStringList names;
    for (const QLatin1StringView name : ColumnNames)
        names.append(name);
    return names;
}

ProfileCsvResult readProfileCsv(QIODevice *device)
{
    if (!device || !device->isOpen() || !device->isReadable()) {
        ProfileCsvResult result;
        result.fileOk = false;
        result.errors.append({0, QString(), QStringLiteral("The file could not be read: it is not open for reading.")});
        return result;
    }
    CsvReader reader(device);
    return readProfiles(reader);
}

ProfileCsvResult readProfileCsv(const QByteArray &data)
{
    CsvReader reader(data);
    return readProfiles(reader);
}

QByteArray profilesToCsv(const QList<Profile> &profiles)
{
    QByteArray out;
    out.reserve(64 + profiles.size() * 256);
    out.append(profileCsvColumns().join(QLatin1Char(',')).toUtf8());
    out.append("\r\n");
    QStringList skills;
    for (const Profile &p : profiles) {
        skills.clear();
        for (const Skill &skill : p.skills)
            skills.append(skill.name + QLatin1Char(':') + QString::number(skill.level));
        const QString cells[ColumnCount] = {
            p.username,       p.displayName,         p.email, p.title, p.department, p.location, p.timeZone, p.manager,
            joinList(skills), joinList(p.interests), p.bio,   p.phone,
        };
        for (int c = 0; c < ColumnCount; ++c) {
            if (c > 0)
                out.append(',');
            appendCsvField(out, cells[c]);
        }
        out.append("\r\n");
    }
    return out;
}

} // namespace Colleagues
