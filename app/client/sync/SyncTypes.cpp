// SPDX-License-Identifier: MIT
#include "client/sync/SyncTypes.h"

#include "core/EnumNames.h"

#include <QJsonValue>

#include <cstddef>

namespace Colleagues {

namespace {

constexpr Named<SyncState> SyncStates[] = {{SyncState::SignedOut, "signed_out"},
                                           {SyncState::Offline, "offline"},
                                           {SyncState::Syncing, "syncing"},
                                           {SyncState::Online, "online"},
                                           {SyncState::Error, "error"}};
constexpr Named<MessageRecord::State> MessageStates[] = {{MessageRecord::State::Pending, "pending"},
                                                         {MessageRecord::State::Sent, "sent"},
                                                         {MessageRecord::State::Failed, "failed"}};
constexpr Named<OutboxItem::Kind> OutboxKinds[] = {
    {OutboxItem::Kind::Message, "message"}, {OutboxItem::Kind::Profile, "profile"},
    {OutboxItem::Kind::Photo, "photo"},     {OutboxItem::Kind::Conversation, "conversation"},
    {OutboxItem::Kind::Leave, "leave"},     {OutboxItem::Kind::Resolve, "resolve"},
    {OutboxItem::Kind::Read, "read"}};
constexpr Named<OutboxItem::State> OutboxStates[] = {{OutboxItem::State::Pending, "pending"},
                                                     {OutboxItem::State::Sending, "sending"},
                                                     {OutboxItem::State::Sent, "sent"},
                                                     {OutboxItem::State::Failed, "failed"}};

} // namespace

QString syncStateName(SyncState state)
{
    return nameIn(SyncStates, state);
}

QString messageStateName(MessageRecord::State state)
{
    return nameIn(MessageStates, state);
}

MessageRecord::State messageStateFromName(QStringView name)
{
    return valueIn(MessageStates, name).value_or(MessageRecord::State::Sent);
}

QString outboxKindName(OutboxItem::Kind kind)
{
    return nameIn(OutboxKinds, kind);
}

OutboxItem::Kind outboxKindFromName(QStringView name)
{
    return valueIn(OutboxKinds, name).value_or(OutboxItem::Kind::Message);
}

QString outboxStateName(OutboxItem::State state)
{
    return nameIn(OutboxStates, state);
}

OutboxItem::State outboxStateFromName(QStringView name)
{
    return valueIn(OutboxStates, name).value_or(OutboxItem::State::Pending);
}

bool GroupChat::hasLeft(const QString &username) const
{
    const ConversationMember *m = conversation.member(username);
    return m && !m->isCurrent();
}

namespace {
// The fields a user edits; the rest (id, username, photo tag, revision, updated-at) are the server's.
const char *const EditableFields[] = {"display_name", "email", "title", "department", "location", "time_zone",
                                      "manager",      "phone", "bio",   "skills",     "interests"};
} // namespace

QStringList ProfileConflict::differingFields() const
{
    const QJsonObject a = toJson(mine);
    const QJsonObject b = toJson(theirs);
    QStringList fields;
    for (const char *field : EditableFields) {
        const QString key = QLatin1String(field);
        if (a.value(key) != b.value(key))
            fields.append(key);
    }
    return fields;
}

Profile ProfileConflict::merged(const QStringList &takeTheirs) const
{
    Profile p = mine;
    for (const QString &f : takeTheirs) {
        if (f == QLatin1String("display_name"))
            p.displayName = theirs.displayName;
        else if (f == QLatin1String("email"))
            p.email = theirs.email;
        else if (f == QLatin1String("title"))
            p.title = theirs.title;
        else if (f == QLatin1String("department"))
            p.department = theirs.department;
        else if (f == QLatin1String("location"))
            p.location = theirs.location;
        else if (f == QLatin1String("time_zone"))
            p.timeZone = theirs.timeZone;
        else if (f == QLatin1String("manager"))
            p.manager = theirs.manager;
        else if (f == QLatin1String("phone"))
            p.phone = theirs.phone;
        else if (f == QLatin1String("bio"))
            p.bio = theirs.bio;
        else if (f == QLatin1String("skills"))
            p.skills = theirs.skills;
        else if (f == QLatin1String("interests"))
            p.interests = theirs.interests;
    }
    p.revision = theirs.revision;
    return p;
}

} // namespace Colleagues
