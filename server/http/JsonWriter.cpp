// SPDX-License-Identifier: MIT
#include "server/http/JsonWriter.h"

#include <QChar>

#include <cstdio>

namespace Colleagues::Server {

void JsonWriter::string(const QString &value)
{
    // UTF-16 to UTF-8 straight into the buffer, escaping as JSON requires; no temporary.
    const qsizetype start = m_out.size();
    m_out.resize(start + value.size() * 3 + 2);
    char *out = m_out.data() + start;
    *out++ = '"';
    const auto *p = reinterpret_cast<const char16_t *>(value.constData());
    const char16_t *const end = p + value.size();
    for (; p != end; ++p) {
        const char16_t c = *p;
        if (c < 0x80) {
            if (c >= 0x20 && c != '"' && c != '\\') {
                *out++ = char(c);
                continue;
            }
            // Escapes take up to 6 bytes for 1 unit: make room (rare).
            const qsizetype used = out - m_out.data();
            m_out.resize(m_out.size() + 6);
            out = m_out.data() + used;
            *out++ = '\\';
            switch (c) {
            case '"': *out++ = '"'; break;
            case '\\': *out++ = '\\'; break;
            case '\b': *out++ = 'b'; break;
            case '\f': *out++ = 'f'; break;
            case '\n': *out++ = 'n'; break;
            case '\r': *out++ = 'r'; break;
            case '\t': *out++ = 't'; break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                *out++ = 'u';
                *out++ = '0';
                *out++ = '0';
                *out++ = hex[(c >> 4) & 0xf];
                *out++ = hex[c & 0xf];
            }
            }
        } else if (c < 0x800) {
            *out++ = char(0xC0 | (c >> 6));
            *out++ = char(0x80 | (c & 0x3F));
        } else if (QChar::isHighSurrogate(c) && p + 1 != end && QChar::isLowSurrogate(p[1])) {
            const char32_t u = QChar::surrogateToUcs4(c, p[1]);
            ++p;
            // 4 bytes for 2 units: within the 3-per-unit room.
            *out++ = char(0xF0 | (u >> 18));
            *out++ = char(0x80 | ((u >> 12) & 0x3F));
            *out++ = char(0x80 | ((u >> 6) & 0x3F));
            *out++ = char(0x80 | (u & 0x3F));
        } else if (QChar::isSurrogate(c)) {
            // A lone surrogate has no UTF-8 form: escape it, as QJsonDocument does.
            static constexpr char hex[] = "0123456789abcdef";
            const qsizetype used = out - m_out.data();
            m_out.resize(m_out.size() + 6);
            out = m_out.data() + used;
            *out++ = '\\';
            *out++ = 'u';
            for (int shift = 12; shift >= 0; shift -= 4)
                *out++ = hex[(c >> shift) & 0xf];
        } else {
            *out++ = char(0xE0 | (c >> 12));
            *out++ = char(0x80 | ((c >> 6) & 0x3F));
            *out++ = char(0x80 | (c & 0x3F));
        }
    }
    *out++ = '"';
    m_out.resize(out - m_out.data());
}

void JsonWriter::dateTime(const QDateTime &value)
{
    if (!value.isValid()) {
        m_out.append("\"\"");
        return;
    }
    const QDateTime utc = value.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    if (d.year() < 0 || d.year() > 9999) {
        string(utc.toString(Qt::ISODateWithMs));
        return;
    }
    char text[32];
    const int n = std::snprintf(text, sizeof text, "\"%04d-%02d-%02dT%02d:%02d:%02d.%03dZ\"", d.year(), d.month(),
                                d.day(), t.hour(), t.minute(), t.second(), t.msec());
    m_out.append(text, n);
}

// Members in the order QJsonDocument writes them (sorted), so both writers agree byte for byte.
void JsonWriter::profile(const Profile &p)
{
    // Members in sorted order, as QJsonDocument writes them; fields withheld from this
    // reader are left out, not sent empty.
    bool first = true;
    auto key = [this, &first](const char *name) {
        raw(first ? "{\"" : ",\"");
        raw(name);
        raw("\":");
        first = false;
    };
    auto text = [this, &key, &p](const char *name, const QString &value, std::optional<PrivateField> field = {}) {
        if (field && p.withheld.contains(*field))
            return;
        key(name);
        string(value);
    };
    text("bio", p.bio, PrivateField::Bio);
    text("department", p.department);
    text("display_name", p.displayName);
    text("email", p.email, PrivateField::Email);
    text("id", p.id);
    if (!p.withheld.contains(PrivateField::Interests)) {
        key("interests");
        array(p.interests, [this](const QString &interest) { string(interest); });
    }
    text("location", p.location, PrivateField::Location);
    text("manager", p.manager);
    text("phone", p.phone, PrivateField::Phone);
    text("photo_tag", p.photoTag, PrivateField::Photo);
    key("revision");
    number(p.revision);
    key("skills");
    array(p.skills, [this](const Skill &skill) {
        raw("{\"level\":");
        number(skill.level);
        raw(",\"name\":");
        string(skill.name);
        raw('}');
    });
    text("time_zone", p.timeZone);
    text("title", p.title);
    key("updated_at");
    dateTime(p.updatedAt);
    text("username", p.username);
    if (!p.visibility.isEmpty()) {
        key("visibility");
        raw('{');
        bool firstChoice = true;
        // Sorted by name, as QJsonDocument writes an object.
        constexpr std::array ByName {PrivateField::Bio,      PrivateField::Email, PrivateField::Interests,
                                     PrivateField::Location, PrivateField::Phone, PrivateField::Photo};
        for (PrivateField field : ByName) {
            if (const auto level = p.visibility.choice(field)) {
                if (!firstChoice)
                    raw(',');
                string(fieldName(field));
                raw(':');
                string(visibilityName(*level));
                firstChoice = false;
            }
        }
        raw('}');
    }
    if (!p.visibilityLocked.isEmpty()) {
        key("visibility_locked");
        raw('[');
        bool firstLocked = true;
        for (PrivateField field : AllPrivateFields) {
            if (p.visibilityLocked.contains(field)) {
                if (!firstLocked)
                    raw(',');
                string(fieldName(field));
                firstLocked = false;
            }
        }
        raw(']');
    }
    raw('}');
}

void JsonWriter::message(const Message &m)
{
    // A conversation's message has "conversation" and neither "read_at" nor "to" (toJson()).
    const bool inConversation = m.isInConversation();
    raw("{\"body\":");
    string(m.body);
    raw(",\"client_id\":");
    string(m.clientId);
    if (inConversation) {
        raw(",\"conversation\":");
        string(m.conversation);
    }
    raw(",\"from\":");
    string(m.sender);
    raw(",\"id\":");
    number(m.id);
    if (!inConversation) {
        raw(",\"read_at\":");
        if (m.readAt.isValid())
            dateTime(m.readAt);
        else
            raw("null");
    }
    raw(",\"sent_at\":");
    dateTime(m.sentAt);
    raw(",\"seq\":");
    number(m.sequence);
    if (!inConversation) {
        raw(",\"to\":");
        string(m.recipient);
    }
    raw('}');
}

void JsonWriter::status(const Status &s)
{
    const auto timeOrNull = [this](const QDateTime &time) {
        if (time.isValid())
            dateTime(time);
        else
            raw("null");
    };
    const auto day = [this](const QDate &date) { string(date.toString(Qt::ISODate)); };
    raw("{\"availability\":");
    string(availabilityName(s.availability));
    raw(",\"out_of_office\":");
    if (const std::optional<OutOfOffice> &w = s.outOfOffice) {
        raw("{\"from\":");
        day(w->from);
        raw(",\"note\":");
        string(w->note);
        raw(",\"stand_in\":");
        if (w->standIn.isEmpty())
            raw("null");
        else
            string(w->standIn);
        raw(",\"to\":");
        day(w->to);
        raw('}');
    } else {
        raw("null");
    }
    raw(",\"presence\":");
    string(presenceName(s.presence));
    raw(",\"text\":");
    string(s.text);
    raw(",\"until\":");
    timeOrNull(s.until);
    raw(",\"updated_at\":");
    timeOrNull(s.updatedAt);
    raw(",\"username\":");
    string(s.username);
    raw('}');
}

QByteArray JsonWriter::toJson(const Profile &profile)
{
    JsonWriter w(1024);
    w.profile(profile);
    return w.take();
}

} // namespace Colleagues::Server
