// SPDX-License-Identifier: MIT
#include "server/scim/ScimUser.h"

#include "core/Validation.h"
#include "server/scim/ScimSchemas.h"

#include <QJsonArray>

namespace Colleagues::Server {

namespace {

//! Reads the string \a name of \a object into \a out; absent and null leave it empty.
std::optional<ScimError> readString(const QJsonObject &object, QStringView name, QString *out, const QString &path = {})
{
    const QJsonValue v = ScimUser::member(object, name);
    if (v.isUndefined() || v.isNull()) {
        out->clear();
        return std::nullopt;
    }
    if (!v.isString())
        return ScimError::invalidValue(
            QStringLiteral("%1 must be a string.").arg(path.isEmpty() ? name.toString() : path));
    *out = v.toString();
    return std::nullopt;
}

//! true/false, and the strings "true"/"false" some providers send (Entra ID, in PATCH).
std::optional<bool> readBoolean(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool();
    if (v.isString()) {
        const QString s = v.toString().trimmed();
        if (s.compare(u"true", Qt::CaseInsensitive) == 0)
            return true;
        if (s.compare(u"false", Qt::CaseInsensitive) == 0)
            return false;
    }
    return std::nullopt;
}

//! The kept element of the multi-valued attribute \a name: the primary, else "work", else the first.
ScimResult<ScimUser::Value> readMultiValued(const QJsonObject &resource, QStringView name, bool isAddress)
{
    const QJsonValue v = ScimUser::member(resource, name);
    if (v.isUndefined() || v.isNull())
        return ScimUser::Value {};
    if (!v.isArray())
        return ScimError::invalidValue(QStringLiteral("%1 must be an array.").arg(name));
    const QJsonArray items = v.toArray();
    qsizetype chosen = -1;
    int rank = 0; // 3: primary, 2: work, 1: first
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isObject())
            return ScimError::invalidValue(QStringLiteral("%1[%2] must be an object.").arg(name).arg(i));
        const QJsonObject item = items.at(i).toObject();
        const QJsonValue primary = ScimUser::member(item, u"primary");
        if (!primary.isUndefined() && !primary.isNull() && !readBoolean(primary))
            return ScimError::invalidValue(QStringLiteral("%1[%2].primary must be a boolean.").arg(name).arg(i));
        const bool isPrimary = readBoolean(primary).value_or(false);
        const bool isWork = ScimUser::member(item, u"type").toString().compare(u"work", Qt::CaseInsensitive) == 0;
        const int r = isPrimary ? 3 : isWork ? 2 : 1;
        if (r > rank) {
            rank = r;
            chosen = i;
        }
    }
    ScimUser::Value kept;
    if (chosen < 0)
        return kept;
    const QJsonObject item = items.at(chosen).toObject();
    const QString path = QStringLiteral("%1[%2].").arg(name).arg(chosen);
    if (auto e = readString(item, u"type", &kept.type, path + QStringLiteral("type")))
        return *e;
    if (isAddress) {
        if (auto e = readString(item, u"locality", &kept.locality, path + QStringLiteral("locality")))
            return *e;
        if (auto e = readString(item, u"formatted", &kept.formatted, path + QStringLiteral("formatted")))
            return *e;
    } else if (auto e = readString(item, u"value", &kept.value, path + QStringLiteral("value"))) {
        return *e;
    }
    return kept;
}

QJsonArray writeMultiValued(const ScimUser::Value &value, bool isAddress)
{
    if (value.isEmpty())
        return {};
    QJsonObject item {{QStringLiteral("type"), value.type.isEmpty() ? QStringLiteral("work") : value.type},
                      {QStringLiteral("primary"), true}};
    if (isAddress) {
        if (!value.locality.isEmpty())
            item.insert(QStringLiteral("locality"), value.locality);
        if (!value.formatted.isEmpty())
            item.insert(QStringLiteral("formatted"), value.formatted);
    } else {
        item.insert(QStringLiteral("value"), value.value);
    }
    return {item};
}

//! The SCIM attribute a profile field comes from, for error details.
QString attributeOf(const QString &profileField)
{
    if (profileField == u"display_name")
        return QStringLiteral("displayName");
    if (profileField == u"email")
        return QStringLiteral("emails");
    if (profileField == u"phone")
        return QStringLiteral("phoneNumbers");
    if (profileField == u"location")
        return QStringLiteral("addresses");
    if (profileField == u"department")
        return ScimSchemas::EnterpriseUser + QStringLiteral(":department");
    if (profileField == u"manager")
        return ScimSchemas::EnterpriseUser + QStringLiteral(":manager");
    if (profileField == u"username")
        return QStringLiteral("userName");
    return profileField;
}

} // namespace

bool ScimUser::isPossibleId(QStringView id)
{
    if (id.size() != 36)
        return false;
    for (const QChar c : id) {
        if (!(c.isDigit() || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F') || c == u'-'))
            return false;
    }
    return true;
}

QJsonValue ScimUser::member(const QJsonObject &object, QStringView name)
{
    const auto exact = object.constFind(name);
    if (exact != object.constEnd())
        return exact.value();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

QString ScimUser::key(const QJsonObject &object, QStringView name)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.key();
    }
    return name.toString();
}

ScimResult<ScimUser> ScimUser::fromJson(const QJsonObject &resource)
{
    const QJsonValue schemas = member(resource, u"schemas");
    bool namesUser = false;
    if (schemas.isArray()) {
        const QJsonArray list = schemas.toArray();
        for (const QJsonValue &s : list)
            namesUser = namesUser || s.toString().compare(ScimSchemas::User, Qt::CaseInsensitive) == 0;
    }
    if (!namesUser) {
        return ScimError::invalidSyntax(
            QStringLiteral("schemas must be an array that names %1.").arg(ScimSchemas::User));
    }

    ScimUser u;
    for (const auto &[name, target] : {std::pair {u"userName", &u.userName},
                                       {u"externalId", &u.externalId},
                                       {u"displayName", &u.displayName},
                                       {u"title", &u.title}}) {
        if (auto e = readString(resource, name, target))
            return *e;
    }
    if (u.userName.trimmed().isEmpty())
        return ScimError::invalidValue(QStringLiteral("userName is required."));

    const QJsonValue name = member(resource, u"name");
    if (!name.isUndefined() && !name.isNull()) {
        if (!name.isObject())
            return ScimError::invalidValue(QStringLiteral("name must be an object."));
        const QJsonObject n = name.toObject();
        for (const auto &[part, target] : {std::pair {u"formatted", &u.formattedName},
                                           {u"givenName", &u.givenName},
                                           {u"familyName", &u.familyName}}) {
            if (auto e = readString(n, part, target, QStringLiteral("name.%1").arg(QStringView(part))))
                return *e;
        }
    }

    const QJsonValue active = member(resource, u"active");
    if (!active.isUndefined() && !active.isNull()) {
        const std::optional<bool> a = readBoolean(active);
        if (!a)
            return ScimError::invalidValue(QStringLiteral("active must be a boolean."));
        u.active = *a;
        u.activeGiven = true;
    }

    for (const auto &[attribute, target, isAddress] : {std::tuple {u"emails", &u.email, false},
                                                       {u"phoneNumbers", &u.phone, false},
                                                       {u"addresses", &u.address, true}}) {
        ScimResult<Value> v = readMultiValued(resource, attribute, isAddress);
        if (!v)
            return v.error();
        *target = v.value();
    }

    const QJsonValue extension = member(resource, ScimSchemas::EnterpriseUser);
    if (!extension.isUndefined() && !extension.isNull()) {
        if (!extension.isObject())
            return ScimError::invalidValue(QStringLiteral("%1 must be an object.").arg(ScimSchemas::EnterpriseUser));
        const QJsonObject ext = extension.toObject();
        if (auto e = readString(ext, u"department", &u.department))
            return *e;
        const QJsonValue manager = member(ext, u"manager");
        if (manager.isString()) {
            u.managerId = manager.toString(); // some providers send the id alone
        } else if (manager.isObject()) {
            if (auto e = readString(manager.toObject(), u"value", &u.managerId, QStringLiteral("manager.value")))
                return *e;
        } else if (!manager.isUndefined() && !manager.isNull()) {
            return ScimError::invalidValue(QStringLiteral("manager must be an object with a value."));
        }
        u.managerId = u.managerId.trimmed();
    }
    // Kept as they are (and looked up by): one line of text, as the database takes it.
    for (const auto &[value, field] : {std::pair {&u.externalId, QStringLiteral("externalId")},
                                       {&u.managerId, QStringLiteral("manager.value")},
                                       {&u.userName, QStringLiteral("userName")}}) {
        if (const Error bad = Validation::checkSingleLine(*value, field, ScimUser::MaxIdLength))
            return ScimError::invalidValue(bad.message);
    }
    return u;
}

QJsonObject ScimUser::toJson() const
{
    QJsonObject o {{QStringLiteral("userName"), userName}, {QStringLiteral("active"), active}};
    const auto put = [](QJsonObject &into, const QString &key, const QString &value) {
        if (!value.isEmpty())
            into.insert(key, value);
    };
    put(o, QStringLiteral("externalId"), externalId);
    put(o, QStringLiteral("displayName"), displayName);
    put(o, QStringLiteral("title"), title);
    QJsonObject name;
    put(name, QStringLiteral("formatted"), formattedName);
    put(name, QStringLiteral("givenName"), givenName);
    put(name, QStringLiteral("familyName"), familyName);
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    for (const auto &[attribute, value, isAddress] : {std::tuple {QStringLiteral("emails"), &email, false},
                                                      {QStringLiteral("phoneNumbers"), &phone, false},
                                                      {QStringLiteral("addresses"), &address, true}}) {
        const QJsonArray items = writeMultiValued(*value, isAddress);
        if (!items.isEmpty())
            o.insert(attribute, items);
    }
    QJsonArray schemas {ScimSchemas::User};
    QJsonObject ext;
    put(ext, QStringLiteral("department"), department);
    if (!managerId.isEmpty())
        ext.insert(QStringLiteral("manager"), QJsonObject {{QStringLiteral("value"), managerId}});
    if (!ext.isEmpty()) {
        schemas.append(ScimSchemas::EnterpriseUser);
        o.insert(ScimSchemas::EnterpriseUser, ext);
    }
    o.insert(QStringLiteral("schemas"), schemas);
    return o;
}

ScimResult<QString> ScimUser::normalizedUsername(const QString &userName)
{
    Profile probe;
    probe.username = userName;
    Validation::normalize(probe); // NFC, trimmed, lower case, as every other way in
    // Identity providers often use the email address (or UPN) as userName: its local part is the
    // username, as the domain is the company's own.
    if (const qsizetype at = probe.username.indexOf(QLatin1Char('@')); at > 0)
        probe.username.truncate(at);
    if (const Error invalid = Validation::checkUsername(probe.username, QStringLiteral("userName")))
        return ScimError::invalidValue(invalid.message);
    return probe.username;
}

ScimResult<Profile> ScimUser::profile(const QString &username, const QString &managerUsername) const
{
    Profile p;
    p.username = username;
    p.displayName = displayName.trimmed();
    if (p.displayName.isEmpty())
        p.displayName = formattedName.trimmed();
    if (p.displayName.isEmpty())
        p.displayName = (givenName.trimmed() + QLatin1Char(' ') + familyName.trimmed()).trimmed();
    if (p.displayName.isEmpty())
        p.displayName = userName.trimmed();
    p.email = email.value;
    p.phone = phone.value;
    p.location = address.locality.trimmed();
    if (p.location.isEmpty()) {
        // A formatted address is several lines; a location is one.
        QString formatted = address.formatted;
        formatted.replace(QLatin1Char('\r'), QLatin1Char('\n'));
        p.location = formatted.split(QLatin1Char('\n'), Qt::SkipEmptyParts).join(QStringLiteral(", "));
    }
    p.title = title;
    p.department = department;
    p.manager = managerUsername;
    Validation::normalize(p);
    const QList<Error> errors = Validation::validate(p);
    if (!errors.isEmpty()) {
        const Error &e = errors.first();
        return ScimError::invalidValue(QStringLiteral("%1: %2").arg(attributeOf(e.field), e.message));
    }
    return p;
}

} // namespace Colleagues::Server
