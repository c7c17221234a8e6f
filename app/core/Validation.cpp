// SPDX-License-Identifier: MIT
#include "core/Validation.h"

#include "core/Conversation.h"
#include "core/Message.h"
#include "core/Profile.h"
#include "core/TextFold.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

namespace Colleagues::Validation {

namespace {

QString nfc(const QString &text)
{
    return text.normalized(QString::NormalizationForm_C);
}

QString singleLine(const QString &text)
{
    return nfc(text).trimmed();
}

QString multiLine(const QString &text)
{
    QString out = nfc(text);
    out.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    out.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    // Keep inner line breaks, drop trailing blank space people paste by accident.
    while (!out.isEmpty() && out.back().isSpace())
        out.chop(1);
    return out;
}

Error makeError(Error::Code code, const QString &field, const QString &message)
{
    return Error {code, field, message};
}

template<typename Predicate>
std::optional<char32_t> firstForbidden(QStringView text, Predicate forbidden)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t cp = text[i].unicode();
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        } else if (text[i].isSurrogate()) {
            return cp; // a lone surrogate is never valid text
        }
        if (forbidden(cp))
            return cp;
    }
    return std::nullopt;
}

QString codePointName(char32_t cp)
{
    return QStringLiteral("U+%1")
        .arg(static_cast<uint>(cp), 4, 16, QLatin1Char('0'))
        .toUpper()
        .replace(QLatin1String("0X"), QString());
}

const QSet<QByteArray> &knownTimeZones()
{
    static const QSet<QByteArray> zones = [] {
        const QList<QByteArray> ids = QTimeZone::availableTimeZoneIds();
        return QSet<QByteArray>(ids.cbegin(), ids.cend());
    }();
    return zones;
}

} // namespace

bool isForbiddenInSingleLine(char32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069) || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF;
}

bool isForbiddenInMultiLine(char32_t cp)
{
    if (cp == U'\n' || cp == U'\t')
        return false;
    // Text-direction embeddings, overrides and isolates can make a bio or a message display
    // other than it reads (a link or a name reversed), so they are refused here too.
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
        || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF;
}

void normalize(Profile &p)
{
    p.id = singleLine(p.id);
    p.username = singleLine(p.username).toLower();
    p.displayName = singleLine(p.displayName);
    p.email = singleLine(p.email);
    p.title = singleLine(p.title);
    p.department = singleLine(p.department);
    p.location = singleLine(p.location);
    p.timeZone = singleLine(p.timeZone);
    p.manager = singleLine(p.manager).toLower();
    p.phone = singleLine(p.phone);
    p.bio = multiLine(p.bio);
    for (Skill &skill : p.skills)
        skill.name = singleLine(skill.name);
    for (QString &interest : p.interests)
        interest = singleLine(interest);
    p.photoTag = singleLine(p.photoTag);
}

void normalize(Message &m)
{
    m.clientId = singleLine(m.clientId);
    m.sender = singleLine(m.sender).toLower();
    m.recipient = singleLine(m.recipient).toLower();
    m.conversation = singleLine(m.conversation).toLower();
    m.body = multiLine(m.body);
}

namespace {

//! What every text field checks first: given when \a required (else \a emptyRule, "%1" the
//! field, is the error) and at most \a maxLength characters.
Error checkGivenAndLength(QStringView value, const QString &field, int maxLength, bool required,
                          const QString &emptyRule)
{
    if (required && value.trimmed().isEmpty())
        return makeError(Error::Code::Required, field, emptyRule.arg(field));
    const qsizetype length = codePointCount(value);
    if (length > maxLength) {
        return makeError(
            Error::Code::TooLong, field,
            QStringLiteral("%1 must be at most %2 characters (it has %3).").arg(field).arg(maxLength).arg(length));
    }
    return {};
}

} // namespace

QString normalizeSingleLine(const QString &text)
{
    return singleLine(text);
}

QString normalizeMultiLine(const QString &text)
{
    return multiLine(text);
}

Error checkSingleLine(QStringView value, const QString &field, int maxLength, bool required)
{
    if (Error error = checkGivenAndLength(value, field, maxLength, required, QStringLiteral("%1 is required.")))
        return error;
    if (const auto bad = firstForbidden(value, isForbiddenInSingleLine)) {
        return makeError(Error::Code::ForbiddenCharacter, field,
                         QStringLiteral("%1 must be a single line without control or text-direction "
                                        "override characters (found %2).")
                             .arg(field, codePointName(*bad)));
    }
    return {};
}

Error checkMultiLine(QStringView value, const QString &field, int maxLength, bool required)
{
    if (Error error = checkGivenAndLength(value, field, maxLength, required, QStringLiteral("%1 must not be empty.")))
        return error;
    if (const auto bad = firstForbidden(value, isForbiddenInMultiLine)) {
        return makeError(Error::Code::ForbiddenCharacter, field,
                         QStringLiteral("%1 must not contain control or text-direction override characters (found %2).")
                             .arg(field, codePointName(*bad)));
    }
    return {};
}

namespace {

//! A value of at most \a maxLength characters that must match \a pattern; \a rule says what the
//! pattern asks for ("%1" is the field).
Error checkFormatted(QStringView value, const QString &field, int maxLength, const QRegularExpression &pattern,
                     const QString &rule)
{
    if (value.size() > maxLength) {
        return makeError(Error::Code::TooLong, field,
                         QStringLiteral("%1 must be at most %2 characters.").arg(field).arg(maxLength));
    }
    if (!pattern.match(value).hasMatch())
        return makeError(Error::Code::InvalidFormat, field, rule.arg(field));
    return {};
}

} // namespace

Error checkUsername(QStringView value, const QString &field)
{
    if (value.isEmpty())
        return makeError(Error::Code::Required, field, QStringLiteral("%1 is required.").arg(field));
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9._-]*$"));
    return checkFormatted(value, field, Limits::UsernameMax, pattern,
                          QStringLiteral("%1 may contain only lower-case letters a-z, digits, '.', '_' "
                                         "and '-', and must start with a letter or digit."));
}

Error checkEmail(QStringView value, const QString &field)
{
    if (value.isEmpty())
        return {};
    static const QRegularExpression pattern(QStringLiteral(
        "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
        "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"));
    return checkFormatted(value, field, Limits::EmailMax, pattern,
                          QStringLiteral("%1 is not a valid email address (expected name@example.com)."));
}

Error checkPhone(QStringView value, const QString &field)
{
    if (value.isEmpty())
        return {};
    static const QRegularExpression pattern(
        QStringLiteral("^\\+?[0-9(][0-9 ()./-]*[0-9]( ?(x|ext\\.?) ?[0-9]{1,6})?$"));
    return checkFormatted(value, field, Limits::PhoneMax, pattern,
                          QStringLiteral("%1 may contain only digits, spaces, '+', '(', ')', '.', '/', '-' "
                                         "and an extension such as \"ext 12\"."));
}

Error checkTimeZone(QStringView value, const QString &field)
{
    if (value.isEmpty())
        return {};
    if (value.size() > Limits::TimeZoneMax || !knownTimeZones().contains(value.toUtf8())) {
        return makeError(Error::Code::InvalidFormat, field,
                         QStringLiteral("%1 must be a known IANA time zone such as \"Europe/Berlin\".").arg(field));
    }
    return {};
}

Error checkSkillLevel(int level, const QString &field)
{
    if (level < Limits::SkillLevelMin || level > Limits::SkillLevelMax) {
        return makeError(Error::Code::OutOfRange, field,
                         QStringLiteral("%1 must be between %2 and %3 (it is %4).")
                             .arg(field)
                             .arg(Limits::SkillLevelMin)
                             .arg(Limits::SkillLevelMax)
                             .arg(level));
    }
    return {};
}

Error checkMessageBody(QStringView value, const QString &field)
{
    return checkMultiLine(value, field, Limits::MessageBodyMax, true);
}

QList<Error> validate(const Profile &p)
{
    QList<Error> errors;
    auto add = [&errors](Error error) {
        if (error)
            errors.append(std::move(error));
    };
    add(checkSingleLine(p.id, QStringLiteral("id"), Limits::IdMax));
    add(checkUsername(p.username));
    add(checkSingleLine(p.displayName, QStringLiteral("display_name"), Limits::DisplayNameMax, true));
    add(checkEmail(p.email));
    add(checkSingleLine(p.title, QStringLiteral("title"), Limits::TitleMax));
    add(checkSingleLine(p.department, QStringLiteral("department"), Limits::DepartmentMax));
    add(checkSingleLine(p.location, QStringLiteral("location"), Limits::LocationMax));
    add(checkTimeZone(p.timeZone));
    if (!p.manager.isEmpty()) {
        add(checkUsername(p.manager, QStringLiteral("manager")));
        if (p.manager == p.username) {
            add(makeError(Error::Code::InvalidFormat, QStringLiteral("manager"),
                          QStringLiteral("manager must be someone else, not the person themselves.")));
        }
    }
    add(checkPhone(p.phone));
    add(checkMultiLine(p.bio, QStringLiteral("bio"), Limits::BioMax));
    add(checkSingleLine(p.photoTag, QStringLiteral("photo_tag"), Limits::PhotoTagMax));
    if (p.revision < 0) {
        add(makeError(Error::Code::OutOfRange, QStringLiteral("revision"),
                      QStringLiteral("revision must not be negative.")));
    }

    if (p.skills.size() > Limits::SkillsMax) {
        add(makeError(Error::Code::TooMany, QStringLiteral("skills"),
                      QStringLiteral("skills may list at most %1 skills (it has %2).")
                          .arg(Limits::SkillsMax)
                          .arg(p.skills.size())));
    }
    QSet<QString> skillKeys;
    for (qsizetype i = 0; i < p.skills.size(); ++i) {
        const Skill &skill = p.skills.at(i);
        const QString base = QStringLiteral("skills[%1]").arg(i);
        add(checkSingleLine(skill.name, base + QStringLiteral(".name"), Limits::SkillNameMax, true));
        add(checkSkillLevel(skill.level, base + QStringLiteral(".level")));
        const QString key = canonicalSkillKey(skill.name);
        if (!key.isEmpty() && skillKeys.contains(key)) {
            add(makeError(Error::Code::Duplicate, base + QStringLiteral(".name"),
                          QStringLiteral("%1.name \"%2\" is listed twice.").arg(base, skill.name)));
        }
        skillKeys.insert(key);
    }

    if (p.interests.size() > Limits::InterestsMax) {
        add(makeError(Error::Code::TooMany, QStringLiteral("interests"),
                      QStringLiteral("interests may list at most %1 items (it has %2).")
                          .arg(Limits::InterestsMax)
                          .arg(p.interests.size())));
    }
    QSet<QString> interestKeys;
    for (qsizetype i = 0; i < p.interests.size(); ++i) {
        const QString field = QStringLiteral("interests[%1]").arg(i);
        add(checkSingleLine(p.interests.at(i), field, Limits::InterestMax, true));
        const QString key = foldText(p.interests.at(i));
        if (!key.isEmpty() && interestKeys.contains(key)) {
            add(makeError(Error::Code::Duplicate, field,
                          QStringLiteral("%1 \"%2\" is listed twice.").arg(field, p.interests.at(i))));
        }
        interestKeys.insert(key);
    }
    return errors;
}

QList<Error> validate(const Message &m)
{
    QList<Error> errors;
    auto add = [&errors](Error error) {
        if (error)
            errors.append(std::move(error));
    };
    add(checkSingleLine(m.clientId, QStringLiteral("client_id"), Limits::IdMax));
    if (!m.sender.isEmpty())
        add(checkUsername(m.sender, QStringLiteral("from")));
    if (!m.recipient.isEmpty())
        add(checkUsername(m.recipient, QStringLiteral("to")));
    if (!m.conversation.isEmpty()) {
        if (!m.recipient.isEmpty()) {
            add(makeError(Error::Code::UnknownField, QStringLiteral("to"),
                          QStringLiteral("A message goes to a person (to) or to a conversation, not both.")));
        }
        if (ConversationRules::normalizedId(m.conversation) != m.conversation) {
            add(makeError(Error::Code::InvalidFormat, QStringLiteral("conversation"),
                          QStringLiteral("conversation must be a conversation's id (a UUID).")));
        }
    }
    add(checkMessageBody(m.body));
    return errors;
}

} // namespace Colleagues::Validation
