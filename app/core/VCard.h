// SPDX-License-Identifier: MIT
#pragma once

#include "core/Profile.h"

#include <QByteArray>
#include <QString>

namespace Colleagues {

//! A photo to put into a contact card: the image file's bytes as cached.
struct VCardPhoto
{
    QByteArray data;
    //! "image/jpeg" or "image/png"; empty: taken from the bytes (see imageMimeType()).
    QByteArray mimeType;
};

/*!
 * A person as a vCard 4.0 (RFC 6350) contact, for address books: FN, title, department as
 * the organizational unit (ORG with an empty organization name), work e-mail and phone, the
 * location as the work address's locality, time zone, bio as NOTE, skills as RFC 6715
 * EXPERTISE with a LEVEL (levels 1–2 beginner, 3 average, 4–5 expert) and interests as
 * INTEREST, the photo as a data: URI, and the profile's id as UID.
 *
 * Only what \a profile holds is written: fields the reader was not allowed to see are absent
 * from their copy, so they are absent from the card too. Lines end in CRLF and are folded
 * at 75 octets without splitting a UTF-8 sequence; text values are escaped (backslash,
 * comma, semicolon, newline).
 */
QByteArray toVCard(const Profile &profile, const VCardPhoto &photo = {});

//! "image/jpeg", "image/png", or empty when \a data starts like neither.
QByteArray imageMimeType(const QByteArray &data);

//! The RFC 6715 level name for a skill level of 1–5.
QString expertiseLevel(int level);

//! A file name for \a profile's card: the display name (or username) without characters file
//! systems refuse, plus ".vcf".
QString vCardFileName(const Profile &profile);

} // namespace Colleagues
