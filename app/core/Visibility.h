// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace Colleagues {

//! The profile fields whose audience a member chooses. Everything else in a profile (name,
//! title, department, time zone, manager, skills) is seen by every member.
enum class PrivateField : quint8 { Email, Phone, Location, Bio, Interests, Photo };
inline constexpr int PrivateFieldCount = 6;
inline constexpr std::array<PrivateField, PrivateFieldCount> AllPrivateFields {
    PrivateField::Email, PrivateField::Phone,     PrivateField::Location,
    PrivateField::Bio,   PrivateField::Interests, PrivateField::Photo,
};

//! Who sees a private field.
enum class Visibility : quint8 {
    Everyone, //!< every member
    Team, //!< the person's manager, the people who share that manager, and everyone under the person
    Me, //!< the person alone (and administrators)
};

//! "email", "phone", ...: the field's name in the profile JSON and in the text form.
QString fieldName(PrivateField field);
std::optional<PrivateField> privateFieldFromName(QStringView name);
//! "everyone", "team" or "me".
QString visibilityName(Visibility visibility);
std::optional<Visibility> visibilityFromName(QStringView name);

//! A set of private fields (a bit each).
class PrivateFields
{
public:
    constexpr PrivateFields() = default;
    bool contains(PrivateField field) const { return m_bits & bit(field); }
    void insert(PrivateField field) { m_bits |= bit(field); }
    void remove(PrivateField field) { m_bits &= ~bit(field); }
    bool isEmpty() const { return m_bits == 0; }
    quint8 bits() const { return m_bits; }
    static PrivateFields fromBits(quint8 bits)
    {
        PrivateFields fields;
        fields.m_bits = bits & ((1u << PrivateFieldCount) - 1);
        return fields;
    }
    //! Names in field order, as JSON.
    QJsonArray toJson() const;
    //! A list of field names; an unknown name is an error naming \a field.
    static Expected<PrivateFields> fromNames(const QStringList &names, const QString &field);

    friend bool operator==(PrivateFields, PrivateFields) = default;

private:
    static quint8 bit(PrivateField field) { return quint8(1u << quint8(field)); }
    quint8 m_bits = 0;
};

/*!
 * A member's choice of audience for each private field. A field without a choice follows the
 * server's default (see VisibilityPolicy on the server). The same text form serves the
 * server's `--default-visibility` option and its database column: "phone=team,email=everyone".
 */
class FieldVisibility
{
public:
    std::optional<Visibility> choice(PrivateField field) const { return m_levels.at(index(field)); }
    void set(PrivateField field, Visibility visibility) { m_levels[index(field)] = visibility; }
    void clear(PrivateField field) { m_levels[index(field)].reset(); }
    bool isEmpty() const;
    //! The choice for \a field, or \a fallback's, or Everyone.
    Visibility effective(PrivateField field, const FieldVisibility &fallback) const;
    //! The choice for \a field, or Everyone.
    Visibility effective(PrivateField field) const { return choice(field).value_or(Visibility::Everyone); }
    //! Every choice of \a other replaces this one's.
    void merge(const FieldVisibility &other);

    //! "email=everyone,phone=team" in field order; only fields with a choice.
    QString toText() const;
    //! Parses the text form; an empty text is an empty choice. The error names the entry.
    static Expected<FieldVisibility> fromText(QStringView text);
    //! {"email": "everyone", ...}: only fields with a choice.
    QJsonObject toJson() const;
    //! Errors name "\a path.FIELD".
    static Expected<FieldVisibility> fromJson(const QJsonObject &object, const QString &path);

    friend bool operator==(const FieldVisibility &, const FieldVisibility &) = default;

private:
    static std::size_t index(PrivateField field) { return static_cast<std::size_t>(field); }
    std::array<std::optional<Visibility>, PrivateFieldCount> m_levels {};
};

} // namespace Colleagues
