// SPDX-License-Identifier: MIT
#include "server/storage/SqlHelpers_p.h"

#include "server/storage/Query_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Colleagues::Server::Internal {

const QString NotifyChannel = QStringLiteral("colleagues_changes");
const QString SessionsChannel = QStringLiteral("colleagues_sessions");
const QString ProfileColumns = QStringLiteral(
    "id, username, deleted, display_name, email, title, department, location, time_zone, manager, phone, bio, "
    "skills, interests, photo_tag, revision, updated_at, change_seq, visibility");
const QString MessageColumns =
    QStringLiteral("id, client_id, sender, recipient, body, sent_at, seq, change_seq, read_at, conversation_id");

namespace {

// The JSON arrays below are what skillsToJson()/interestsToJson() write; a full sync reads
// 100,000 of them, so the common case (no escapes) is scanned directly and anything else goes
// through QJsonDocument.

//! Reads a JSON string without escapes starting at \a i (at its opening quote).
bool scanPlainString(QStringView text, qsizetype &i, QString *out)
{
    if (i >= text.size() || text[i] != u'"')
        return false;
    const qsizetype end = text.indexOf(u'"', i + 1);
    if (end < 0)
        return false;
    *out = text.sliced(i + 1, end - i - 1).toString();
    i = end + 1;
    return true;
}

bool scanLiteral(QStringView text, qsizetype &i, QStringView literal)
{
    if (!text.sliced(i).startsWith(literal))
        return false;
    i += literal.size();
    return true;
}

//! Reads a JSON array without escapes, each item by \a scanItem (which appends it to \a items).
template<typename List, typename ScanItem>
bool scanArray(QStringView text, List *items, ScanItem scanItem)
{
    qsizetype i = 0;
    if (text.contains(u'\\') || !scanLiteral(text, i, u"["))
        return false;
    while (i < text.size() && text[i] != u']') {
        if (!items->isEmpty() && !scanLiteral(text, i, u","))
            return false;
        if (!scanItem(i))
            return false;
    }
    return i == text.size() - 1;
}

bool scanSkills(QStringView text, SkillList *skills)
{
    return scanArray(text, skills, [text, skills](qsizetype &i) {
        if (!scanLiteral(text, i, u"{\"level\":"))
            return false;
        const qsizetype digits = i;
        while (i < text.size() && text[i].isDigit())
            ++i;
        bool ok = false;
        const int level = text.sliced(digits, i - digits).toInt(&ok);
        Skill skill;
        if (!ok || !scanLiteral(text, i, u",\"name\":") || !scanPlainString(text, i, &skill.name)
            || !scanLiteral(text, i, u"}"))
            return false;
        skill.level = level;
        skills->append(std::move(skill));
        return true;
    });
}

bool scanInterests(QStringView text, QStringList *interests)
{
    return scanArray(text, interests, [text, interests](qsizetype &i) {
        QString interest;
        if (!scanPlainString(text, i, &interest))
            return false;
        interests->append(std::move(interest));
        return true;
    });
}

//! Reads a JSON array of ours: directly by \a scan, or else through QJsonDocument, each item by
//! \a fromValue.
template<typename List, typename FromValue>
List listFromJson(const QString &text, bool (*scan)(QStringView, List *), FromValue fromValue)
{
    List items;
    if (scan(text, &items))
        return items;
    items.clear();
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array)
        items.append(fromValue(value));
    return items;
}

} // namespace

QString qualified(const QString &columns, QStringView table)
{
    QStringList names = columns.split(QStringLiteral(", "));
    for (QString &name : names)
        name.prepend(table.toString() + QLatin1Char('.'));
    return names.join(QStringLiteral(", "));
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QDateTime fromMs(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString skillsToJson(const SkillList &skills)
{
    QJsonArray array;
    for (const Skill &skill : skills)
        array.append(QJsonObject {{QStringLiteral("name"), skill.name}, {QStringLiteral("level"), skill.level}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

SkillList skillsFromJson(const QString &text)
{
    return listFromJson<SkillList>(text, scanSkills, [](const QJsonValue &value) {
        const QJsonObject object = value.toObject();
        return Skill {object.value(QLatin1String("name")).toString(), object.value(QLatin1String("level")).toInt(3)};
    });
}

QString interestsToJson(const QStringList &interests)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(interests)).toJson(QJsonDocument::Compact));
}

QStringList interestsFromJson(const QString &text)
{
    return listFromJson<QStringList>(text, scanInterests, [](const QJsonValue &value) { return value.toString(); });
}

Profile profileFromRow(const Query &q, bool *deleted, qint64 *changeSeq)
{
    Profile p;
    p.id = q.text(0);
    p.username = q.text(1);
    if (deleted)
        *deleted = q.value(2).toBool();
    p.displayName = q.text(3);
    p.email = q.text(4);
    p.title = q.text(5);
    p.department = q.text(6);
    p.location = q.text(7);
    p.timeZone = q.text(8);
    p.manager = q.text(9);
    p.phone = q.text(10);
    p.bio = q.text(11);
    p.skills = skillsFromJson(q.text(12));
    p.interests = interestsFromJson(q.text(13));
    p.photoTag = q.text(14);
    p.revision = q.int64(15);
    p.updatedAt = fromMs(q.value(16));
    if (changeSeq)
        *changeSeq = q.int64(17);
    // Written by the server from checked choices; anything else reads as no choice.
    p.visibility = FieldVisibility::fromText(q.text(18)).valueOr({});
    return p;
}

Message messageFromRow(const Query &q, qint64 *changeSeq)
{
    Message m;
    m.id = q.int64(0);
    m.clientId = q.text(1);
    m.sender = q.text(2);
    m.recipient = q.text(3);
    m.body = q.text(4);
    m.sentAt = fromMs(q.value(5));
    m.sequence = q.int64(6);
    if (changeSeq)
        *changeSeq = q.int64(7);
    m.readAt = fromMs(q.value(8));
    m.conversation = q.text(9);
    return m;
}

QString placeholders(qsizetype count)
{
    QString text;
    for (qsizetype i = 0; i < count; ++i)
        text += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return text;
}

QString nullColumns(int count)
{
    QStringList list;
    for (int i = 0; i < count; ++i)
        list.append(QStringLiteral("NULL"));
    return list.join(QStringLiteral(", "));
}

int columnCount(const QString &columns)
{
    return static_cast<int>(columns.count(QLatin1Char(','))) + 1;
}

QVariantList variants(const QStringList &values)
{
    QVariantList list;
    list.reserve(values.size());
    for (const QString &value : values)
        list.append(value);
    return list;
}

Error noSuchAccount(const QString &username, const QString &field)
{
    return Error {Error::Code::OutOfRange, field,
                  QStringLiteral("There is no account named \u201c%1\u201d.").arg(username)};
}

} // namespace Colleagues::Server::Internal
