// SPDX-License-Identifier: MIT
#include "client/sync/SyncTypes.h"

#include <QJsonValue>

namespace Colleagues {

QString syncStateName(SyncState state)
{
    switch (state) {
    case SyncState::SignedOut: return QStringLiteral("signed_out");
    case SyncState::Offline: return QStringLiteral("offline");
    case SyncState::Syncing: return QStringLiteral("syncing");
    case SyncState::Online: return QStringLiteral("online");
    case SyncState::Error: return QStringLiteral("error");
    }
    return {};
}

QString messageStateName(MessageRecord::State state)
{
    switch (state) {
    case MessageRecord::State::Pending: return QStringLiteral("pending");
    case MessageRecord::State::Sent: return QStringLiteral("sent");
    case MessageRecord::State::Failed: return QStringLiteral("failed");
    }
    return {};
}

QString outboxKindName(OutboxItem::Kind kind)
{
    switch (kind) {
    case OutboxItem::Kind::Message: return QStringLiteral("message");
    case OutboxItem::Kind::Profile: return QStringLiteral("profile");
    case OutboxItem::Kind::Photo: return QStringLiteral("photo");
    }
    return {};
}

QString outboxStateName(OutboxItem::State state)
{
    switch (state) {
    case OutboxItem::State::Pending: return QStringLiteral("pending");
    case OutboxItem::State::Sending: return QStringLiteral("sending");
    case OutboxItem::State::Sent: return QStringLiteral("sent");
    case OutboxItem::State::Failed: return QStringLiteral("failed");
    }
    return {};
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
