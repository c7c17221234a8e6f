// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QList>
#include <QStringView>

namespace Colleagues {

struct Profile;
struct Message;

//! The limits every profile and message must respect, on the client and on the server.
//! Lengths count Unicode code points after NFC normalization.
namespace Limits {
inline constexpr int UsernameMax = 64;
inline constexpr int DisplayNameMax = 100;
inline constexpr int TitleMax = 100;
inline constexpr int DepartmentMax = 100;
inline constexpr int LocationMax = 100;
inline constexpr int TimeZoneMax = 64;
inline constexpr int EmailMax = 254;
inline constexpr int PhoneMax = 40;
inline constexpr int BioMax = 2000;
inline constexpr int SkillsMax = 50;
inline constexpr int SkillNameMax = 64;
inline constexpr int SkillLevelMin = 1;
inline constexpr int SkillLevelMax = 5;
inline constexpr int InterestsMax = 50;
inline constexpr int InterestMax = 64;
inline constexpr int MessageBodyMax = 10000;
inline constexpr int IdMax = 64;
inline constexpr int PhotoTagMax = 128;
inline constexpr int PasswordMin = 8; //!< code points; checked by the server, told early by the clients
inline constexpr int ConversationTitleMax = 200;
inline constexpr int ConversationMembersMax = 50; //!< members at a time, the creator included
} // namespace Limits

//! The single place that decides what a valid profile or message is.
namespace Validation {

//! NFC-normalizes every text, trims single-line fields, lower-cases usernames and
//! turns CR LF into LF in multi-line fields. Validation expects normalized input.
void normalize(Profile &profile);
void normalize(Message &message);
//! One text as normalize() leaves a single-line field (NFC, trimmed) or a multi-line one.
QString normalizeSingleLine(const QString &text);
QString normalizeMultiLine(const QString &text);

//! Every rule a profile breaks, each naming its field; empty when the profile is valid.
QList<Error> validate(const Profile &profile);

//! Every rule a message breaks. Server-assigned fields (id, sequence, sent-at) are not
//! checked; sender, recipient and conversation are checked only when set.
QList<Error> validate(const Message &message);

// Single-field checks, for inline validation in forms. Each returns Code::None when valid.
Error checkUsername(QStringView value, const QString &field = QStringLiteral("username"));
Error checkSingleLine(QStringView value, const QString &field, int maxLength, bool required = false);
Error checkMultiLine(QStringView value, const QString &field, int maxLength, bool required = false);
Error checkEmail(QStringView value, const QString &field = QStringLiteral("email"));
Error checkPhone(QStringView value, const QString &field = QStringLiteral("phone"));
Error checkTimeZone(QStringView value, const QString &field = QStringLiteral("time_zone"));
Error checkSkillLevel(int level, const QString &field = QStringLiteral("level"));
Error checkMessageBody(QStringView value, const QString &field = QStringLiteral("body"));

//! True for a character not allowed in single-line text: C0/C1 controls, DEL, line and
//! paragraph separators, and the bidirectional embedding, override and isolate controls.
bool isForbiddenInSingleLine(char32_t codePoint);
//! True for a character not allowed in multi-line text: controls other than tab and LF, and
//! the bidirectional embedding, override and isolate controls.
bool isForbiddenInMultiLine(char32_t codePoint);

} // namespace Validation
} // namespace Colleagues
