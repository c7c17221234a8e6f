// SPDX-License-Identifier: MIT
#include "server/http/StatusService.h"

#include "server/storage/Storage.h"

namespace Colleagues::Server {

namespace {

ApiError unknownStandIn(const QString &message)
{
    return ApiError::make(ApiError::Kind::Invalid, QStringLiteral("unknown_recipient"), message,
                          QStringLiteral("out_of_office.stand_in"));
}

} // namespace

ApiResult<Status> StatusService::set(const QString &username, const QJsonObject &body) const
{
    // Window days count in the person's own time zone ("to not before today" too).
    const Expected<std::optional<Profile>> profile = m_storage->findProfile(username);
    if (!profile)
        return ApiError::fromStorage(profile.error());
    const QTimeZone zone = StatusRules::zone(profile.value() ? profile.value()->timeZone : QString());
    const Expected<StatusChoice> choice = statusChoiceFromJson(body, QDateTime::currentDateTimeUtc(), zone);
    if (!choice)
        return ApiError::fromValidation(choice.error());
    if (choice->outOfOffice && choice->outOfOffice->standIn == username)
        return unknownStandIn(QStringLiteral("The stand-in must be someone else."));
    const Expected<Status> saved = m_storage->setStatus(username, choice.value());
    if (!saved) {
        if (saved.error().field == QLatin1String("out_of_office.stand_in"))
            return unknownStandIn(saved.error().message);
        return ApiError::fromStorage(saved.error());
    }
    return saved.value();
}

} // namespace Colleagues::Server
