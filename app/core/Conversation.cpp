// SPDX-License-Identifier: MIT
#include "core/Conversation.h"

#include "core/JsonReader_p.h"
#include "core/Validation.h"

#include <QJsonArray>
#include <QSet>
#include <QUuid>

namespace Colleagues {

using Internal::JsonReader;

namespace {

//! A sanity bound on everyone who ever was in one conversation (each member leaves at most once
//! and a leaver names at most one other, so it grows slowly).
constexpr qsizetype MembersEverMax = 10000;

QJsonValue timeValue(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(Internal::toIsoString(time)) : QJsonValue();
}

Error fieldError(Error::Code code, const QString &field, const QString &message)
{
    return Error {code, field, message};
}

//! Reads one member of a conversation's "members" array; \a path is "members[i]".
std::optional<ConversationMember> readMember(const QJsonValue &value, const QString &path, Error *error)
{
    if (!value.isObject()) {
        *error = fieldError(Error::Code::InvalidType, path, QStringLiteral("%1 must be an object.").arg(path));
        return std::nullopt;
    }
    JsonReader r(value.toObject(), path);
    ConversationMember m;
    m.username = r.string(QStringLiteral("username"), true, Limits::UsernameMax);
    const QString role = r.string(QStringLiteral("role"), true, 16);
    m.readUpTo = r.integer(QStringLiteral("read_up_to"));
    m.leftAt = r.dateTime(QStringLiteral("left_at"));
    m.suggested = r.string(QStringLiteral("suggested"), false, Limits::UsernameMax);
    m.addedBy = r.string(QStringLiteral("added_by"), false, Limits::UsernameMax);
    r.rejectUnknown();
    if (!r.failed()) {
        if (const auto parsed = conversationRoleFromName(role))
            m.role = *parsed;
        else
            r.fail(Error::Code::InvalidFormat, QStringLiteral("role"),
                   QStringLiteral("%1 must be asker or member.").arg(r.path(QStringLiteral("role"))));
    }
    if (!r.failed() && m.readUpTo < 0)
        r.fail(Error::Code::OutOfRange, QStringLiteral("read_up_to"),
               QStringLiteral("%1 must not be negative.").arg(r.path(QStringLiteral("read_up_to"))));
    for (const auto &[name, text] :
         {std::pair {QStringLiteral("username"), &m.username}, std::pair {QStringLiteral("suggested"), &m.suggested},
          std::pair {QStringLiteral("added_by"), &m.addedBy}}) {
        if (r.failed())
            break;
        if (!text->isEmpty() || name == u"username")
            r.setError(Validation::checkUsername(*text, r.path(name)));
    }
    if (r.failed()) {
        *error = r.error();
        return std::nullopt;
    }
    return m;
}

std::optional<ConversationResolution> readResolution(JsonReader &outer, const QJsonObject &parent, Error *error)
{
    const QString key = QStringLiteral("resolution");
    const QJsonObject object = outer.object(key);
    if (outer.failed() || !parent.value(key).isObject())
        return std::nullopt;
    JsonReader r(object, key);
    ConversationResolution resolution;
    resolution.message = r.integer(QStringLiteral("message"), true);
    resolution.by = r.string(QStringLiteral("by"), true, Limits::UsernameMax);
    resolution.at = r.dateTime(QStringLiteral("at"));
    r.rejectUnknown();
    if (!r.failed() && resolution.message <= 0)
        r.fail(Error::Code::OutOfRange, QStringLiteral("message"),
               QStringLiteral("resolution.message must be a message id."));
    if (!r.failed())
        r.setError(Validation::checkUsername(resolution.by, QStringLiteral("resolution.by")));
    if (r.failed()) {
        *error = r.error();
        return std::nullopt;
    }
    return resolution;
}

} // namespace

QString conversationKindName(ConversationKind kind)
{
    return kind == ConversationKind::Question ? QStringLiteral("question") : QStringLiteral("group");
}

std::optional<ConversationKind> conversationKindFromName(QStringView name)
{
    for (ConversationKind kind : {ConversationKind::Question, ConversationKind::Group}) {
        if (name == conversationKindName(kind))
            return kind;
    }
    return std::nullopt;
}

QString conversationRoleName(ConversationRole role)
{
    return role == ConversationRole::Asker ? QStringLiteral("asker") : QStringLiteral("member");
}

std::optional<ConversationRole> conversationRoleFromName(QStringView name)
{
    for (ConversationRole role : {ConversationRole::Asker, ConversationRole::Member}) {
        if (name == conversationRoleName(role))
            return role;
    }
    return std::nullopt;
}

const ConversationMember *Conversation::member(const QString &username) const
{
    for (const ConversationMember &m : members) {
        if (m.username == username)
            return &m;
    }
    return nullptr;
}

bool Conversation::isCurrentMember(const QString &username) const
{
    const ConversationMember *m = member(username);
    return m && m->isCurrent();
}

QStringList Conversation::currentMembers() const
{
    QStringList names;
    for (const ConversationMember &m : members) {
        if (m.isCurrent())
            names.append(m.username);
    }
    return names;
}

QJsonObject toJson(const Conversation &c)
{
    QJsonArray members;
    for (const ConversationMember &m : c.members) {
        QJsonObject o {{QStringLiteral("username"), m.username},
                       {QStringLiteral("role"), conversationRoleName(m.role)},
                       {QStringLiteral("read_up_to"), m.readUpTo},
                       {QStringLiteral("left_at"), timeValue(m.leftAt)}};
        if (!m.suggested.isEmpty())
            o.insert(QStringLiteral("suggested"), m.suggested);
        if (!m.addedBy.isEmpty())
            o.insert(QStringLiteral("added_by"), m.addedBy);
        members.append(o);
    }
    QJsonValue resolution;
    if (c.resolution) {
        resolution = QJsonObject {{QStringLiteral("message"), c.resolution->message},
                                  {QStringLiteral("by"), c.resolution->by},
                                  {QStringLiteral("at"), timeValue(c.resolution->at)}};
    }
    return QJsonObject {
        {QStringLiteral("id"), c.id},
        {QStringLiteral("kind"), conversationKindName(c.kind)},
        {QStringLiteral("title"), c.title},
        {QStringLiteral("created_by"), c.createdBy},
        {QStringLiteral("created_at"), timeValue(c.createdAt)},
        {QStringLiteral("state"), c.resolution ? QStringLiteral("resolved") : QStringLiteral("open")},
        {QStringLiteral("members"), members},
        {QStringLiteral("resolution"), resolution},
        {QStringLiteral("seq"), c.sequence},
    };
}

QJsonObject toJson(const ConversationRequest &request)
{
    return QJsonObject {
        {QStringLiteral("id"), request.id},
        {QStringLiteral("kind"), conversationKindName(request.kind)},
        {QStringLiteral("title"), request.title},
        {QStringLiteral("members"), QJsonArray::fromStringList(request.members)},
    };
}

Expected<Conversation> conversationFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Conversation c;
    const QString id = r.string(QStringLiteral("id"), true, Limits::IdMax);
    const QString kind = r.string(QStringLiteral("kind"), true, 16);
    c.title = Validation::normalizeSingleLine(r.string(QStringLiteral("title"), true, Limits::ConversationTitleMax));
    c.createdBy = r.string(QStringLiteral("created_by"), true, Limits::UsernameMax);
    c.createdAt = r.dateTime(QStringLiteral("created_at"));
    const QString state = r.string(QStringLiteral("state"), true, 16);
    const QJsonArray members = r.array(QStringLiteral("members"), MembersEverMax);
    Error nested;
    c.resolution = readResolution(r, object, &nested);
    r.setError(nested);
    c.sequence = r.integer(QStringLiteral("seq"));
    r.rejectUnknown();
    if (r.failed())
        return r.error();

    c.id = ConversationRules::normalizedId(id);
    if (c.id.isEmpty())
        return fieldError(Error::Code::InvalidFormat, QStringLiteral("id"), QStringLiteral("id must be a UUID."));
    const auto k = conversationKindFromName(kind);
    if (!k)
        return fieldError(Error::Code::InvalidFormat, QStringLiteral("kind"),
                          QStringLiteral("kind must be question or group."));
    c.kind = *k;
    if (Error e = ConversationRules::checkTitle(c.title))
        return e;
    if (Error e = Validation::checkUsername(c.createdBy, QStringLiteral("created_by")))
        return e;
    if (state != (c.resolution ? u"resolved" : u"open"))
        return fieldError(Error::Code::InvalidFormat, QStringLiteral("state"),
                          QStringLiteral("state must be resolved with a resolution and open without one."));
    if (c.sequence < 0)
        return fieldError(Error::Code::OutOfRange, QStringLiteral("seq"), QStringLiteral("seq must not be negative."));
    QSet<QString> seen;
    for (qsizetype i = 0; i < members.size(); ++i) {
        const QString path = QStringLiteral("members[%1]").arg(i);
        const std::optional<ConversationMember> m = readMember(members.at(i), path, &nested);
        if (!m)
            return nested;
        if (seen.contains(m->username))
            return fieldError(Error::Code::Duplicate, path,
                              QStringLiteral("%1 names %2 a second time.").arg(path, m->username));
        seen.insert(m->username);
        c.members.append(*m);
    }
    if (c.currentMembers().size() > Limits::ConversationMembersMax)
        return fieldError(
            Error::Code::TooMany, QStringLiteral("members"),
            QStringLiteral("A conversation has at most %1 members at a time.").arg(Limits::ConversationMembersMax));
    return c;
}

Expected<ConversationRequest> conversationRequestFromJson(const QJsonObject &object, const QString &creator)
{
    JsonReader r(object);
    ConversationRequest request;
    const QString id = r.string(QStringLiteral("id"), true, Limits::IdMax);
    const QString kind = r.string(QStringLiteral("kind"), true, 16);
    request.title =
        Validation::normalizeSingleLine(r.string(QStringLiteral("title"), true, Limits::ConversationTitleMax));
    const QJsonValue members = object.value(QStringLiteral("members"));
    const QJsonArray list = r.array(QStringLiteral("members"), Limits::ConversationMembersMax - 1);
    r.rejectUnknown();
    if (r.failed())
        return r.error();

    request.id = ConversationRules::normalizedId(id);
    if (request.id.isEmpty())
        return fieldError(Error::Code::InvalidFormat, QStringLiteral("id"),
                          QStringLiteral("id must be a UUID, made by the client for this conversation."));
    const auto k = conversationKindFromName(kind);
    if (!k)
        return fieldError(Error::Code::InvalidFormat, QStringLiteral("kind"),
                          QStringLiteral("kind must be question or group."));
    request.kind = *k;
    if (Error e = ConversationRules::checkTitle(request.title))
        return e;
    if (list.isEmpty())
        return fieldError(Error::Code::Required, QStringLiteral("members"),
                          members.isArray() ? QStringLiteral("members must name at least one other person.")
                                            : QStringLiteral("members is required."));
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("members[%1]").arg(i);
        if (!list.at(i).isString())
            return fieldError(Error::Code::InvalidType, path, QStringLiteral("%1 must be a username.").arg(path));
        const QString name = list.at(i).toString().trimmed().toLower();
        if (Error e = Validation::checkUsername(name, path))
            return e;
        if (name == creator)
            return fieldError(Error::Code::InvalidFormat, path,
                              QStringLiteral("%1 is you: members names the others.").arg(path));
        if (request.members.contains(name))
            return fieldError(Error::Code::Duplicate, path,
                              QStringLiteral("%1 names %2 a second time.").arg(path, name));
        request.members.append(name);
    }
    return request;
}

namespace ConversationRules {

QString normalizedId(const QString &text)
{
    // Exactly the 36 characters of a UUID: QUuid also reads braces, which an id never has.
    if (text.size() != 36)
        return {};
    const QUuid uuid = QUuid::fromString(text);
    return uuid.isNull() ? QString() : uuid.toString(QUuid::WithoutBraces);
}

Error checkTitle(QStringView title, const QString &field)
{
    return Validation::checkSingleLine(title, field, Limits::ConversationTitleMax, true);
}

} // namespace ConversationRules

} // namespace Colleagues
