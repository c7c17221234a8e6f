// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"
#include "core/Profile.h"
#include "core/Visibility.h"
#include "server/storage/Storage.h"

#include <QSet>
#include <QString>

namespace Colleagues::Server {

//! Who is reading, as the directory stands at the time of the request.
struct Reader
{
    QString username;
    bool admin = false;
    QString manager; //!< the reader's manager; empty at the top or without a profile
    QSet<QString> above; //!< every manager above the reader: manager, their manager, ...

    //! True when the reader is in \a profile's team: its manager, someone who shares that
    //! manager, or someone under it (any level).
    bool isTeammateOf(const Profile &profile) const;

    //! \a session's reader, with its management chain read from \a storage.
    static Expected<Reader> load(Storage &storage, const Session &session);
};

/*!
 * The company's rules for private fields (`serve --default-visibility`, `--locked-visibility`)
 * and the one place that decides what a reader receives of a profile. Immutable once built,
 * so HTTP threads share it without locks.
 */
class VisibilityPolicy
{
public:
    VisibilityPolicy() = default;
    //! A field both locked and given a default other than everyone is an error.
    static Expected<VisibilityPolicy> make(const FieldVisibility &defaults, PrivateFields locked);

    const FieldVisibility &defaults() const { return m_defaults; }
    PrivateFields locked() const { return m_locked; }

    //! Who sees \a field of \a profile: locked fields everyone, else the member's choice, else
    //! the default.
    Visibility effective(const Profile &profile, PrivateField field) const;
    //! True when some field of \a profile is seen by the team only, so that a Reader is needed.
    bool needsTeam(const Profile &profile) const;
    //! True when the defaults keep any field to the team (see Storage::setTeamDefaults()).
    bool teamByDefault() const;

    //! A member's new choices, or an error naming a locked field they tried to hide.
    std::optional<Error> checkChoices(const FieldVisibility &choices) const;

    //! \a profile as \a reader may see it: the owner and admins get everything plus each field's
    //! effective audience and the locked fields; anyone else gets no visibility and the fields
    //! they may not see emptied and marked withheld. \a reader may be null when !needsTeam().
    Profile forReader(Profile profile, const QString &username, bool admin, const Reader *reader) const;

private:
    FieldVisibility m_defaults;
    PrivateFields m_locked;
};

} // namespace Colleagues::Server
