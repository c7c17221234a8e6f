// SPDX-License-Identifier: MIT
#include "tests/support/VCardReader.h"

#include <QStringDecoder>

namespace Colleagues::Test {

namespace {

QString unescape(QStringView value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        if (c != QLatin1Char('\\') || i + 1 == value.size()) {
            out += c;
            continue;
        }
        const QChar next = value[++i];
        out += (next == QLatin1Char('n') || next == QLatin1Char('N')) ? QChar(u'\n') : next;
    }
    return out;
}

//! Splits at \a separator where it is not escaped by a backslash.
QList<QStringView> splitUnescaped(QStringView value, QChar separator)
{
    QList<QStringView> parts;
    qsizetype start = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (value[i] == separator) {
            parts.append(value.mid(start, i - start));
            start = i + 1;
        }
    }
    parts.append(value.mid(start));
    return parts;
}

bool validUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes); // decoding happens in this conversion
    Q_UNUSED(decoded)
    return !decoder.hasError();
}

std::optional<VCardProperty> parseLine(const QString &line)
{
    // The value starts after the first ':' outside a quoted parameter value.
    bool quoted = false;
    qsizetype colon = -1;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == QLatin1Char('"'))
            quoted = !quoted;
        else if (line[i] == QLatin1Char(':') && !quoted) {
            colon = i;
            break;
        }
    }
    if (colon <= 0)
        return std::nullopt;
    VCardProperty property;
    property.rawValue = line.mid(colon + 1);
    const QStringList head = line.left(colon).split(QLatin1Char(';'));
    property.name = head.first().toUpper();
    for (qsizetype i = 1; i < head.size(); ++i) {
        const qsizetype equals = head[i].indexOf(QLatin1Char('='));
        if (equals <= 0)
            return std::nullopt;
        property.params.append({head[i].left(equals).toUpper(), head[i].mid(equals + 1).split(QLatin1Char(','))});
    }
    return property;
}

} // namespace

QStringList VCardProperty::param(const QString &name) const
{
    for (const auto &[key, values] : params) {
        if (key == name)
            return values;
    }
    return {};
}

QString VCardProperty::text() const
{
    return unescape(rawValue);
}

QStringList VCardProperty::components() const
{
    QStringList out;
    for (QStringView part : splitUnescaped(rawValue, QLatin1Char(';')))
        out.append(unescape(part));
    return out;
}

QList<VCardProperty> VCardContact::all(const QString &name) const
{
    QList<VCardProperty> out;
    for (const VCardProperty &p : properties) {
        if (p.name == name)
            out.append(p);
    }
    return out;
}

QString VCardContact::text(const QString &name) const
{
    const QList<VCardProperty> found = all(name);
    return found.isEmpty() ? QString() : found.first().text();
}

VCardFile VCardFile::parse(const QByteArray &data)
{
    VCardFile file;
    if (!data.isEmpty() && !data.endsWith("\r\n"))
        file.problems.append(QStringLiteral("the data does not end with CRLF"));
    // Physical lines, checked one by one, then unfolded into logical lines.
    QList<QByteArray> physical = data.split('\n');
    if (!physical.isEmpty() && physical.last().isEmpty())
        physical.removeLast();
    QStringList logical;
    for (qsizetype n = 0; n < physical.size(); ++n) {
        QByteArray line = physical[n];
        if (!line.endsWith('\r'))
            file.problems.append(QStringLiteral("line %1 does not end with CRLF").arg(n + 1));
        else
            line.chop(1);
        if (line.size() > 75)
            file.problems.append(QStringLiteral("line %1 has %2 octets (more than 75)").arg(n + 1).arg(line.size()));
        if (!validUtf8(line))
            file.problems.append(
                QStringLiteral("line %1 is not valid UTF-8 on its own (a split character)").arg(n + 1));
        const QString text = QString::fromUtf8(line);
        if (text.startsWith(QLatin1Char(' ')) || text.startsWith(QLatin1Char('\t'))) {
            if (logical.isEmpty())
                file.problems.append(QStringLiteral("line %1 continues nothing").arg(n + 1));
            else
                logical.last() += text.mid(1);
        } else {
            logical.append(text);
        }
    }
    // Logical lines into cards.
    VCardContact *open = nullptr;
    for (const QString &line : std::as_const(logical)) {
        const std::optional<VCardProperty> property = parseLine(line);
        if (!property) {
            file.problems.append(QStringLiteral("not a content line: %1").arg(line.left(40)));
            continue;
        }
        if (property->name == QLatin1String("BEGIN")
            && property->rawValue.compare(u"VCARD", Qt::CaseInsensitive) == 0) {
            if (open)
                file.problems.append(QStringLiteral("BEGIN:VCARD inside a card"));
            file.cards.append(VCardContact {});
            open = &file.cards.last();
            continue;
        }
        if (!open) {
            file.problems.append(QStringLiteral("%1 outside a card").arg(property->name));
            continue;
        }
        if (property->name == QLatin1String("END")) {
            if (open->properties.isEmpty() || open->properties.first().name != QLatin1String("VERSION")
                || open->properties.first().rawValue != QLatin1String("4.0"))
                file.problems.append(QStringLiteral("a card without VERSION:4.0 right after BEGIN"));
            if (!open->has(QStringLiteral("FN")))
                file.problems.append(QStringLiteral("a card without FN"));
            open = nullptr;
            continue;
        }
        open->properties.append(*property);
    }
    if (open)
        file.problems.append(QStringLiteral("the last card has no END:VCARD"));
    return file;
}

} // namespace Colleagues::Test
