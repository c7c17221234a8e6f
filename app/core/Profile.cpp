// SPDX-License-Identifier: MIT
#include "core/Profile.h"

#include "core/JsonReader_p.h"
#include "core/Validation.h"

#include <QJsonArray>

#include <algorithm>

namespace Colleagues {

using Internal::JsonReader;

QJsonObject toJson(const Profile &p)
{
    QJsonArray skills;
    for (const Skill &skill : p.skills)
        skills.append(QJsonObject {{QStringLiteral("name"), skill.name}, {QStringLiteral("level"), skill.level}});
    QJsonObject o {
        {QStringLiteral("id"), p.id},
        {QStringLiteral("username"), p.username},
        {QStringLiteral("display_name"), p.displayName},
        {QStringLiteral("email"), p.email},
        {QStringLiteral("title"), p.title},
        {QStringLiteral("department"), p.department},
        {QStringLiteral("location"), p.location},
        {QStringLiteral("time_zone"), p.timeZone},
        {QStringLiteral("manager"), p.manager},
        {QStringLiteral("phone"), p.phone},
        {QStringLiteral("bio"), p.bio},
        {QStringLiteral("skills"), skills},
        {QStringLiteral("interests"), QJsonArray::fromStringList(p.interests)},
        {QStringLiteral("photo_tag"), p.photoTag},
        {QStringLiteral("revision"), p.revision},
        {QStringLiteral("updated_at"), Internal::toIsoString(p.updatedAt)},
    };
    if (!p.visibility.isEmpty())
        o.insert(QStringLiteral("visibility"), p.visibility.toJson());
    if (!p.visibilityLocked.isEmpty())
        o.insert(QStringLiteral("visibility_locked"), p.visibilityLocked.toJson());
    for (PrivateField field : AllPrivateFields) {
        if (p.withheld.contains(field))
            o.remove(field == PrivateField::Photo ? QStringLiteral("photo_tag") : fieldName(field));
    }
    return o;
}

Expected<Profile> profileFromJson(const QJsonObject &object, ProfileJsonMode mode)
{
    const bool full = mode == ProfileJsonMode::Full;
    JsonReader r(object);
    Profile p;
    if (full) {
        // What the server left out for this reader.
        for (PrivateField field : AllPrivateFields) {
            if (!object.contains(field == PrivateField::Photo ? QStringLiteral("photo_tag") : fieldName(field)))
                p.withheld.insert(field);
        }
    }
    p.id = r.string(QStringLiteral("id"), false, Limits::IdMax);
    p.username = r.string(QStringLiteral("username"), full, Limits::UsernameMax);
    p.displayName = r.string(QStringLiteral("display_name"), true, Limits::DisplayNameMax);
    p.email = r.string(QStringLiteral("email"), false, Limits::EmailMax);
    p.title = r.string(QStringLiteral("title"), false, Limits::TitleMax);
    p.department = r.string(QStringLiteral("department"), false, Limits::DepartmentMax);
    p.location = r.string(QStringLiteral("location"), false, Limits::LocationMax);
    p.timeZone = r.string(QStringLiteral("time_zone"), false, Limits::TimeZoneMax);
    p.manager = r.string(QStringLiteral("manager"), false, Limits::UsernameMax);
    p.phone = r.string(QStringLiteral("phone"), false, Limits::PhoneMax);
    p.bio = r.string(QStringLiteral("bio"), false, Limits::BioMax);
    p.photoTag = r.string(QStringLiteral("photo_tag"), false, Limits::PhotoTagMax);
    p.revision = r.integer(QStringLiteral("revision"), false, 0);
    p.updatedAt = r.dateTime(QStringLiteral("updated_at"));

    const QJsonArray skills = r.array(QStringLiteral("skills"), Limits::SkillsMax);
    for (qsizetype i = 0; i < skills.size() && !r.failed(); ++i) {
        const QString base = QStringLiteral("skills[%1]").arg(i);
        if (!skills.at(i).isObject()) {
            r.fail(Error::Code::InvalidType, base,
                   QStringLiteral("%1 must be an object with name and level.").arg(base));
            break;
        }
        JsonReader sr(skills.at(i).toObject(), base);
        Skill skill;
        skill.name = sr.string(QStringLiteral("name"), true, Limits::SkillNameMax);
        const qint64 level = sr.integer(QStringLiteral("level"), false, 3);
        // Keep out-of-range values out of range when narrowing, so validation reports them.
        skill.level = static_cast<int>(std::clamp<qint64>(level, Limits::SkillLevelMin - 1, Limits::SkillLevelMax + 1));
        sr.rejectUnknown();
        if (sr.failed()) {
            r.setError(sr.error());
            break;
        }
        p.skills.append(skill);
    }

    const QJsonArray interests = r.array(QStringLiteral("interests"), Limits::InterestsMax);
    for (qsizetype i = 0; i < interests.size() && !r.failed(); ++i) {
        const QString field = QStringLiteral("interests[%1]").arg(i);
        if (!interests.at(i).isString()) {
            r.fail(Error::Code::InvalidType, field, QStringLiteral("%1 must be a string.").arg(field));
            break;
        }
        p.interests.append(interests.at(i).toString());
    }

    if (const QJsonObject visibility = r.object(QStringLiteral("visibility")); !visibility.isEmpty() && !r.failed()) {
        Expected<FieldVisibility> decoded = FieldVisibility::fromJson(visibility, QStringLiteral("visibility"));
        if (!decoded)
            return decoded.error();
        p.visibility = decoded.value();
    }
    // Server policy: read from the server, ignored in an update (the server decides).
    const QJsonArray locked = r.array(QStringLiteral("visibility_locked"), PrivateFieldCount);
    if (full && !r.failed()) {
        QStringList names;
        for (const QJsonValue &name : locked)
            names.append(name.toString());
        Expected<PrivateFields> fields = PrivateFields::fromNames(names, QStringLiteral("visibility_locked"));
        if (!fields)
            return fields.error();
        p.visibilityLocked = fields.value();
    }

    r.rejectUnknown();
    if (r.failed())
        return r.error();

    Validation::normalize(p);
    QList<Error> errors = Validation::validate(p);
    if (!full) {
        // In an update the identity comes from the session, not from the body.
        errors.removeIf([&p](const Error &e) { return e.field == QLatin1String("username") && p.username.isEmpty(); });
    }
    if (!errors.isEmpty())
        return errors.first();
    return p;
}

} // namespace Colleagues
