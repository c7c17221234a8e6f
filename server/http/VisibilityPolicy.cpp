// SPDX-License-Identifier: MIT
#include "server/http/VisibilityPolicy.h"

#include <algorithm>

namespace Colleagues::Server {

namespace {

void clearField(Profile &profile, PrivateField field)
{
    switch (field) {
    case PrivateField::Email: profile.email.clear(); break;
    case PrivateField::Phone: profile.phone.clear(); break;
    case PrivateField::Location: profile.location.clear(); break;
    case PrivateField::Bio: profile.bio.clear(); break;
    case PrivateField::Interests: profile.interests.clear(); break;
    case PrivateField::Photo: profile.photoTag.clear(); break;
    }
    profile.withheld.insert(field);
}

} // namespace

bool Reader::isTeammateOf(const Profile &profile) const
{
    if (profile.manager == username)
        return true;
    if (!manager.isEmpty() && manager == profile.manager)
        return true;
    return above.contains(profile.username);
}

Expected<Reader> Reader::load(Storage &storage, const Session &session)
{
    Reader reader;
    reader.username = session.username;
    reader.admin = session.role == Role::Admin;
    Expected<QStringList> chain = storage.managementChain(session.username);
    if (!chain)
        return chain.error();
    if (!chain->isEmpty())
        reader.manager = chain->first();
    reader.above = QSet<QString>(chain->begin(), chain->end());
    return reader;
}

Expected<VisibilityPolicy> VisibilityPolicy::make(const FieldVisibility &defaults, PrivateFields locked)
{
    for (PrivateField field : AllPrivateFields) {
        if (locked.contains(field) && defaults.effective(field) != Visibility::Everyone) {
            return Error {Error::Code::InvalidFormat, QStringLiteral("visibility"),
                          QStringLiteral("%1 cannot be locked (shown to everyone) and default to %2 at once.")
                              .arg(fieldName(field), visibilityName(defaults.effective(field)))};
        }
    }
    VisibilityPolicy policy;
    policy.m_defaults = defaults;
    policy.m_locked = locked;
    return policy;
}

Visibility VisibilityPolicy::effective(const Profile &profile, PrivateField field) const
{
    if (m_locked.contains(field))
        return Visibility::Everyone;
    return profile.visibility.effective(field, m_defaults);
}

bool VisibilityPolicy::needsTeam(const Profile &profile) const
{
    return std::any_of(AllPrivateFields.begin(), AllPrivateFields.end(),
                       [&](PrivateField field) { return effective(profile, field) == Visibility::Team; });
}

bool VisibilityPolicy::teamByDefault() const
{
    return std::any_of(AllPrivateFields.begin(), AllPrivateFields.end(), [this](PrivateField field) {
        return !m_locked.contains(field) && m_defaults.effective(field) == Visibility::Team;
    });
}

std::optional<Error> VisibilityPolicy::checkChoices(const FieldVisibility &choices) const
{
    for (PrivateField field : AllPrivateFields) {
        const auto choice = choices.choice(field);
        if (m_locked.contains(field) && choice && *choice != Visibility::Everyone) {
            const QString path = QStringLiteral("visibility.") + fieldName(field);
            return Error {
                Error::Code::OutOfRange, path,
                QStringLiteral("%1 is shown to everyone by the company's policy and cannot be limited.").arg(path)};
        }
    }
    return std::nullopt;
}

Profile VisibilityPolicy::forReader(Profile profile, const QString &username, bool admin, const Reader *reader) const
{
    if (admin || username == profile.username) {
        FieldVisibility resolved;
        for (PrivateField field : AllPrivateFields)
            resolved.set(field, effective(profile, field));
        profile.visibility = resolved;
        profile.visibilityLocked = m_locked;
        return profile;
    }
    bool teammate = false;
    bool teammateKnown = false;
    for (PrivateField field : AllPrivateFields) {
        switch (effective(profile, field)) {
        case Visibility::Everyone: break;
        case Visibility::Team:
            if (!teammateKnown) {
                teammate = reader && reader->isTeammateOf(profile);
                teammateKnown = true;
            }
            if (!teammate)
                clearField(profile, field);
            break;
        case Visibility::Me: clearField(profile, field); break;
        }
    }
    profile.visibility = {};
    profile.visibilityLocked = {};
    return profile;
}

} // namespace Colleagues::Server
