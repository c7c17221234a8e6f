// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace Colleagues {

namespace Limits {
inline constexpr int StatusTextMax = 100;
inline constexpr int OutOfOfficeNoteMax = 500;
inline constexpr int OutOfOfficeDaysMax = 366; //!< days of a window, first and last included
inline constexpr int StatusUntilMaxDays = 366; //!< an until at most a year ahead
inline constexpr int WatchMax = 200; //!< usernames a sync may watch
} // namespace Limits

//! Whether one of a person's clients is connected, and its user there (set by the server).
enum class Presence { Offline, Away, Online };
//! What a person chose about being reached.
enum class Availability { Available, Dnd, OutOfOffice };

QString presenceName(Presence presence);
std::optional<Presence> presenceFromName(QStringView name);
QString availabilityName(Availability availability);
std::optional<Availability> availabilityFromName(QStringView name);

//! An out-of-office window: whole days in the person's time zone, first and last included.
struct OutOfOffice
{
    QDate from;
    QDate to;
    QString note;
    QString standIn; //!< a username to write to instead; empty when none

    friend bool operator==(const OutOfOffice &, const OutOfOffice &) = default;
};

//! What a person chose (the body of PUT /api/v1/me/status).
struct StatusChoice
{
    Availability availability = Availability::Available;
    QString text; //!< the status line
    QDateTime until; //!< UTC; when dnd and text end; invalid: never
    std::optional<OutOfOffice> outOfOffice;

    friend bool operator==(const StatusChoice &, const StatusChoice &) = default;
};

//! A person's status as it applies now (docs/api.md, "Status").
struct Status
{
    QString username;
    Presence presence = Presence::Offline;
    Availability availability = Availability::Available;
    QDateTime until; //!< UTC; invalid: none
    QString text;
    std::optional<OutOfOffice> outOfOffice; //!< current or coming window
    QDateTime updatedAt; //!< UTC

    //! The status of someone who never had one: offline, available, no text, no window.
    bool isDefault() const
    {
        return presence == Presence::Offline && availability == Availability::Available && !until.isValid()
            && text.isEmpty() && !outOfOffice;
    }

    friend bool operator==(const Status &, const Status &) = default;
};

QJsonObject toJson(const OutOfOffice &window);
QJsonObject toJson(const Status &status);
//! The body of PUT /api/v1/me/status for \a choice.
QJsonObject toJson(const StatusChoice &choice);

//! Decodes a status as the server sends it (a sync page's statuses, GET /api/v1/me/status).
Expected<Status> statusFromJson(const QJsonObject &object);

/*!
 * Reads and checks a PUT /api/v1/me/status body as of \a now for a person in \a zone (whose
 * days the window counts): every rule of docs/api.md but whether the stand-in is an active
 * member, which only the server knows. Texts come back normalized (NFC, trimmed); the
 * stand-in lower-cased. The error names its field ("out_of_office.to").
 */
Expected<StatusChoice> statusChoiceFromJson(const QJsonObject &object, const QDateTime &now,
                                            const QTimeZone &zone = QTimeZone::utc());

//! The pure time rules of a status: what a choice means at a given moment.
namespace StatusRules {

//! The zone of an IANA id (a profile's time_zone); UTC when empty or unknown.
QTimeZone zone(const QString &ianaId);

//! What \a choice gives at \a now for a person in \a zone: dnd and text end at until, the
//! window applies from its first to its last day (inclusive, in \a zone) and is gone after it.
//! username, presence and updatedAt are left default.
Status apply(const StatusChoice &choice, const QDateTime &now, const QTimeZone &zone);

//! The first moment after \a now at which apply() answers differently (until passes, the
//! window starts or ends); invalid when nothing will change by itself.
QDateTime nextChange(const StatusChoice &choice, const QDateTime &now, const QTimeZone &zone);

} // namespace StatusRules

} // namespace Colleagues

Q_DECLARE_METATYPE(Colleagues::Status)
