// SPDX-License-Identifier: MIT
#include "core/VCard.h"

namespace Colleagues {

namespace {

constexpr qsizetype MaxLineOctets = 75;

//! A text value with RFC 6350's escapes (section 3.4).
QString escaped(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\': out += QLatin1String("\\\\"); break;
        case ',': out += QLatin1String("\\,"); break;
        case ';': out += QLatin1String("\\;"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\r': break;
        default: out += c;
        }
    }
    return out;
}

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

//! Appends "NAME[;PARAMS]:VALUE" folded to lines of at most 75 octets, each ended by CRLF.
void appendLine(QByteArray &card, const QByteArray &nameAndParams, const QString &value)
{
    const QByteArray line = nameAndParams + ':' + value.toUtf8();
    qsizetype start = 0;
    qsizetype room = MaxLineOctets;
    while (line.size() - start > room) {
        qsizetype end = start + room;
        // Never cut a UTF-8 sequence: back up to the byte that starts the character.
        while (end > start + 1 && isContinuationByte(line.at(end)))
            --end;
        card += line.mid(start, end - start);
        card += "\r\n ";
        start = end;
        room = MaxLineOctets - 1; // the leading space counts
    }
    card += line.mid(start);
    card += "\r\n";
}

void appendText(QByteArray &card, const QByteArray &nameAndParams, const QString &text)
{
    if (!text.isEmpty())
        appendLine(card, nameAndParams, escaped(text));
}

} // namespace

QByteArray imageMimeType(const QByteArray &data)
{
    if (data.startsWith("\xFF\xD8\xFF"))
        return QByteArrayLiteral("image/jpeg");
    if (data.startsWith("\x89PNG\r\n\x1A\n"))
        return QByteArrayLiteral("image/png");
    return {};
}

QString expertiseLevel(int level)
{
    if (level >= 4)
        return QStringLiteral("expert");
    if (level == 3)
        return QStringLiteral("average");
    return QStringLiteral("beginner");
}

QString vCardFileName(const Profile &profile)
{
    QString name = profile.displayName.isEmpty() ? profile.username : profile.displayName;
    for (QChar &c : name) {
        if (c.isNull() || c.category() == QChar::Other_Control || QStringView(u"/\\:*?\"<>|").contains(c))
            c = QLatin1Char('_');
    }
    name = name.trimmed();
    while (name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    if (name.isEmpty())
        name = QStringLiteral("contact");
    return name + QStringLiteral(".vcf");
}

QByteArray toVCard(const Profile &profile, const VCardPhoto &photo)
{
    QByteArray card;
    card.reserve(1024 + photo.data.size() * 4 / 3);
    appendLine(card, "BEGIN", QStringLiteral("VCARD"));
    appendLine(card, "VERSION", QStringLiteral("4.0"));
    appendLine(card, "PRODID", QStringLiteral("-//Colleagues//Colleagues//EN"));
    appendLine(card, "KIND", QStringLiteral("individual"));
    if (!profile.id.isEmpty())
        appendLine(card, "UID", QStringLiteral("urn:uuid:") + profile.id);
    appendText(card, "FN", profile.displayName.isEmpty() ? profile.username : profile.displayName);
    appendText(card, "TITLE", profile.title);
    if (!profile.department.isEmpty())
        appendLine(card, "ORG", QLatin1Char(';') + escaped(profile.department));
    appendText(card, "EMAIL;TYPE=work", profile.email);
    appendText(card, "TEL;TYPE=work,voice", profile.phone);
    if (!profile.location.isEmpty())
        appendLine(card, "ADR;TYPE=work", QStringLiteral(";;;%1;;;").arg(escaped(profile.location)));
    appendText(card, "TZ", profile.timeZone);
    int index = 0;
    for (const Skill &skill : profile.skills) {
        appendText(card,
                   QByteArrayLiteral("EXPERTISE;LEVEL=") + expertiseLevel(skill.level).toLatin1()
                       + ";INDEX=" + QByteArray::number(++index),
                   skill.name);
    }
    index = 0;
    for (const QString &interest : profile.interests)
        appendText(card, QByteArrayLiteral("INTEREST;INDEX=") + QByteArray::number(++index), interest);
    appendText(card, "NOTE", profile.bio);
    if (!photo.data.isEmpty()) {
        const QByteArray type = photo.mimeType.isEmpty() ? imageMimeType(photo.data) : photo.mimeType;
        if (!type.isEmpty()) {
            appendLine(card, "PHOTO",
                       QStringLiteral("data:%1;base64,%2")
                           .arg(QString::fromLatin1(type), QString::fromLatin1(photo.data.toBase64())));
        }
    }
    if (profile.updatedAt.isValid())
        appendLine(card, "REV", profile.updatedAt.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")));
    appendLine(card, "END", QStringLiteral("VCARD"));
    return card;
}

} // namespace Colleagues
