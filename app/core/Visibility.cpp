// SPDX-License-Identifier: MIT
#include "core/Visibility.h"

#include <algorithm>

namespace Colleagues {

namespace {

constexpr std::array<const char16_t *, PrivateFieldCount> FieldNames {
    u"email", u"phone", u"location", u"bio", u"interests", u"photo",
};
constexpr std::array<const char16_t *, 3> VisibilityNames {u"everyone", u"team", u"me"};

QString choices()
{
    return QStringLiteral("everyone, team or me");
}

QString fieldNames()
{
    QStringList names;
    for (PrivateField field : AllPrivateFields)
        names.append(fieldName(field));
    return names.join(QStringLiteral(", "));
}

} // namespace

QString fieldName(PrivateField field)
{
    return QString::fromUtf16(FieldNames.at(static_cast<std::size_t>(field)));
}

std::optional<PrivateField> privateFieldFromName(QStringView name)
{
    for (PrivateField field : AllPrivateFields) {
        if (name == QStringView(FieldNames.at(static_cast<std::size_t>(field))))
            return field;
    }
    return std::nullopt;
}

QString visibilityName(Visibility visibility)
{
    return QString::fromUtf16(VisibilityNames.at(static_cast<std::size_t>(visibility)));
}

std::optional<Visibility> visibilityFromName(QStringView name)
{
    for (std::size_t i = 0; i < VisibilityNames.size(); ++i) {
        if (name == QStringView(VisibilityNames.at(i)))
            return static_cast<Visibility>(i);
    }
    return std::nullopt;
}

QJsonArray PrivateFields::toJson() const
{
    QJsonArray names;
    for (PrivateField field : AllPrivateFields) {
        if (contains(field))
            names.append(fieldName(field));
    }
    return names;
}

Expected<PrivateFields> PrivateFields::fromNames(const QStringList &names, const QString &field)
{
    PrivateFields fields;
    for (const QString &name : names) {
        const auto known = privateFieldFromName(name.trimmed());
        if (!known) {
            return Error {Error::Code::InvalidFormat, field,
                          QStringLiteral("%1: \"%2\" is not a field whose visibility can be chosen (%3).")
                              .arg(field, name.left(40), fieldNames())};
        }
        fields.insert(*known);
    }
    return fields;
}

bool FieldVisibility::isEmpty() const
{
    return std::all_of(m_levels.begin(), m_levels.end(), [](const auto &level) { return !level; });
}

Visibility FieldVisibility::effective(PrivateField field, const FieldVisibility &fallback) const
{
    return choice(field).value_or(fallback.choice(field).value_or(Visibility::Everyone));
}

void FieldVisibility::merge(const FieldVisibility &other)
{
    for (PrivateField field : AllPrivateFields) {
        if (const auto level = other.choice(field))
            set(field, *level);
    }
}

QString FieldVisibility::toText() const
{
    QStringList parts;
    for (PrivateField field : AllPrivateFields) {
        if (const auto level = choice(field))
            parts.append(fieldName(field) + QLatin1Char('=') + visibilityName(*level));
    }
    return parts.join(QLatin1Char(','));
}

Expected<FieldVisibility> FieldVisibility::fromText(QStringView text)
{
    FieldVisibility result;
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return result;
    for (QStringView part : trimmed.split(QLatin1Char(','))) {
        part = part.trimmed();
        const qsizetype equals = part.indexOf(QLatin1Char('='));
        if (equals < 0) {
            return Error {
                Error::Code::InvalidFormat, QStringLiteral("visibility"),
                QStringLiteral("\"%1\" is not FIELD=WHO (for example phone=team).").arg(part.left(40).toString())};
        }
        const QStringView name = part.left(equals).trimmed();
        const QStringView value = part.mid(equals + 1).trimmed();
        const auto field = privateFieldFromName(name);
        if (!field) {
            return Error {Error::Code::InvalidFormat, QStringLiteral("visibility"),
                          QStringLiteral("\"%1\" is not a field whose visibility can be chosen (%2).")
                              .arg(name.left(40).toString(), fieldNames())};
        }
        const auto level = visibilityFromName(value);
        if (!level) {
            return Error {Error::Code::InvalidFormat, QStringLiteral("visibility"),
                          QStringLiteral("The visibility of %1 must be %2, not \"%3\".")
                              .arg(name.toString(), choices(), value.left(40).toString())};
        }
        result.set(*field, *level);
    }
    return result;
}

QJsonObject FieldVisibility::toJson() const
{
    QJsonObject o;
    for (PrivateField field : AllPrivateFields) {
        if (const auto level = choice(field))
            o.insert(fieldName(field), visibilityName(*level));
    }
    return o;
}

Expected<FieldVisibility> FieldVisibility::fromJson(const QJsonObject &object, const QString &path)
{
    FieldVisibility result;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString where = path + QLatin1Char('.') + it.key();
        const auto field = privateFieldFromName(it.key());
        if (!field) {
            return Error {
                Error::Code::UnknownField, where,
                QStringLiteral("%1 is not a field whose visibility can be chosen (%2).").arg(where, fieldNames())};
        }
        const auto level = it->isString() ? visibilityFromName(it->toString()) : std::nullopt;
        if (!level) {
            return Error {Error::Code::InvalidFormat, where, QStringLiteral("%1 must be %2.").arg(where, choices())};
        }
        result.set(*field, *level);
    }
    return result;
}

} // namespace Colleagues
