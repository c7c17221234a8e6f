// SPDX-License-Identifier: MIT
#include "server/directory/DirectoryMap.h"

#include <QFile>
#include <QRegularExpression>

namespace Colleagues::Server::Directory {

const QStringList &DirectoryMap::knownFields()
{
    static const QStringList fields {
        QStringLiteral("username"),  QStringLiteral("display_name"), QStringLiteral("email"),
        QStringLiteral("title"),     QStringLiteral("department"),   QStringLiteral("location"),
        QStringLiteral("time_zone"), QStringLiteral("manager"),      QStringLiteral("phone"),
        QStringLiteral("bio"),       QStringLiteral("skills"),       QStringLiteral("interests"),
    };
    return fields;
}

DirectoryMap DirectoryMap::inetOrgPerson()
{
    DirectoryMap map;
    map.fields = {
        {QStringLiteral("username"), {QStringLiteral("uid")}},
        {QStringLiteral("display_name"), {QStringLiteral("displayName"), QStringLiteral("cn")}},
        {QStringLiteral("email"), {QStringLiteral("mail")}},
        {QStringLiteral("title"), {QStringLiteral("title")}},
        {QStringLiteral("department"), {QStringLiteral("ou"), QStringLiteral("departmentNumber")}},
        {QStringLiteral("location"), {QStringLiteral("l")}},
        {QStringLiteral("phone"), {QStringLiteral("telephoneNumber")}},
        {QStringLiteral("manager"), {QStringLiteral("manager")}},
    };
    return map;
}

Expected<DirectoryMap> DirectoryMap::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error {Error::Code::Malformed, QStringLiteral("map"),
                      QStringLiteral("cannot read the map file %1: %2").arg(path, file.errorString())};
    }
    return fromText(QString::fromUtf8(file.readAll()), path);
}

Expected<DirectoryMap> DirectoryMap::fromText(const QString &text, const QString &fileName)
{
    DirectoryMap map;
    QString section;
    int lineNumber = 0;
    const auto fail = [&fileName, &lineNumber](const QString &message) {
        return Error {Error::Code::Malformed, QStringLiteral("map"),
                      QStringLiteral("%1:%2: %3").arg(fileName).arg(lineNumber).arg(message)};
    };
    static const QRegularExpression attributeName(QStringLiteral("^[A-Za-z][A-Za-z0-9-]*$"));
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        ++lineNumber;
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            if (!line.endsWith(QLatin1Char(']')))
                return fail(QStringLiteral("a section header is [name]."));
            section = line.mid(1, line.size() - 2).trimmed().toLower();
            if (section != u"fields" && section != u"search" && section != u"disabled")
                return fail(QStringLiteral("unknown section [%1]; use [fields], [search] or [disabled].").arg(section));
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return fail(QStringLiteral("expected \u201cname = value\u201d."));
        const QString key = line.left(equals).trimmed().toLower();
        const QString value = line.mid(equals + 1).trimmed();
        if (section.isEmpty())
            return fail(
                QStringLiteral("\u201c%1\u201d comes before any section ([fields], [search], [disabled]).").arg(key));
        if (section == u"search") {
            if (key != u"filter")
                return fail(QStringLiteral("[search] knows only \u201cfilter\u201d, not \u201c%1\u201d.").arg(key));
            if (!value.startsWith(QLatin1Char('(')) || !value.endsWith(QLatin1Char(')')))
                return fail(QStringLiteral("a filter is in parentheses, e.g. (objectClass=person)."));
            map.filter = value;
        } else if (section == u"disabled") {
            if (key == u"attribute") {
                if (!attributeName.match(value).hasMatch())
                    return fail(QStringLiteral("\u201c%1\u201d is not an attribute name.").arg(value));
                map.disabledAttribute = value;
            } else if (key == u"bit") {
                bool ok = false;
                const qint64 bit =
                    value.startsWith(QLatin1String("0x")) ? value.mid(2).toLongLong(&ok, 16) : value.toLongLong(&ok);
                if (!ok || bit <= 0)
                    return fail(QStringLiteral("bit is a positive number, e.g. 2 (ACCOUNTDISABLE)."));
                map.disabledBit = bit;
            } else if (key == u"value") {
                map.disabledValue = value;
            } else {
                return fail(QStringLiteral("[disabled] knows attribute, bit and value, not \u201c%1\u201d.").arg(key));
            }
        } else {
            if (!knownFields().contains(key)) {
                return fail(QStringLiteral("unknown field \u201c%1\u201d; the fields are %2.")
                                .arg(key, knownFields().join(QStringLiteral(", "))));
            }
            QStringList attributes = value.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
            for (const QString &attribute : attributes) {
                if (!attributeName.match(attribute).hasMatch())
                    return fail(QStringLiteral("\u201c%1\u201d is not an attribute name.").arg(attribute));
            }
            if (attributes.isEmpty())
                return fail(QStringLiteral("%1 names no attribute.").arg(key));
            for (auto &field : map.fields) {
                if (field.first == key)
                    return fail(QStringLiteral("%1 is mapped twice.").arg(key));
            }
            map.fields.append({key, attributes});
        }
    }
    lineNumber = 0;
    if (map.attributesOf(QStringLiteral("username")).isEmpty())
        return fail(QStringLiteral("[fields] must map username (e.g. username = uid)."));
    if (map.attributesOf(QStringLiteral("display_name")).isEmpty())
        return fail(QStringLiteral("[fields] must map display_name (e.g. display_name = displayName cn)."));
    if (!map.disabledAttribute.isEmpty() && map.disabledBit == 0 && map.disabledValue.isEmpty())
        return fail(QStringLiteral("[disabled] needs a bit or a value besides its attribute."));
    if (map.disabledAttribute.isEmpty() && (map.disabledBit != 0 || !map.disabledValue.isEmpty()))
        return fail(QStringLiteral("[disabled] needs the attribute its bit or value is read from."));
    return map;
}

QStringList DirectoryMap::attributesOf(const QString &field) const
{
    for (const auto &[name, attributes] : fields) {
        if (name == field)
            return attributes;
    }
    return {};
}

QSet<QString> DirectoryMap::ownedFields() const
{
    QSet<QString> owned;
    for (const auto &field : fields) {
        if (field.first != u"username")
            owned.insert(field.first);
    }
    return owned;
}

QStringList DirectoryMap::attributes() const
{
    QStringList all;
    for (const auto &field : fields) {
        for (const QString &attribute : field.second) {
            if (!all.contains(attribute, Qt::CaseInsensitive))
                all.append(attribute);
        }
    }
    if (!disabledAttribute.isEmpty() && !all.contains(disabledAttribute, Qt::CaseInsensitive))
        all.append(disabledAttribute);
    return all;
}

} // namespace Colleagues::Server::Directory
