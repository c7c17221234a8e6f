// SPDX-License-Identifier: MIT
#include "bench/load/SyncPageScan.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstring>

namespace Colleagues::Load {

namespace {

class Scanner
{
public:
    Scanner(const char *begin, const char *end)
        : m_p(begin)
        , m_end(end)
    { }

    bool atEnd() const { return m_p >= m_end; }
    char peek() const { return m_p < m_end ? *m_p : '\0'; }

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool take(char c)
    {
        skipSpace();
        if (peek() != c)
            return false;
        ++m_p;
        return true;
    }

    //! Reads a string; \a out (if given) gets its decoded UTF-8: without escapes, bytes of the
    //! scanned text itself (QByteArray::fromRawData, no copy), valid while that text is.
    bool string(QByteArray *out)
    {
        skipSpace();
        if (peek() != '"')
            return false;
        const char *start = ++m_p;
        // Most strings have no escape: the first quote ends them.
        const auto *quote = static_cast<const char *>(std::memchr(m_p, '"', size_t(m_end - m_p)));
        if (!quote)
            return false;
        const bool escaped = std::memchr(start, '\\', size_t(quote - start)) != nullptr;
        m_p = quote;
        if (escaped) {
            m_p = start;
            while (m_p < m_end && *m_p != '"') {
                if (*m_p == '\\')
                    ++m_p;
                ++m_p;
            }
            if (m_p >= m_end)
                return false;
        }
        if (out) {
            if (!escaped) {
                *out = QByteArray::fromRawData(start, m_p - start);
            } else {
                const QByteArray quoted = '[' + QByteArray(start - 1, m_p - start + 2) + ']';
                *out = QJsonDocument::fromJson(quoted).array().at(0).toString().toUtf8();
            }
        }
        ++m_p;
        return true;
    }

    bool number(qint64 *out)
    {
        skipSpace();
        const char *start = m_p;
        while (m_p < m_end && (std::strchr("+-0123456789.eE", *m_p) != nullptr))
            ++m_p;
        if (m_p == start)
            return false;
        if (out)
            *out = QByteArray::fromRawData(start, m_p - start).toLongLong();
        return true;
    }

    bool literal(bool *out)
    {
        skipSpace();
        const QByteArrayView word = peek() == 't' ? QByteArrayView("true")
            : peek() == 'f'                       ? QByteArrayView("false")
                                                  : QByteArrayView("null");
        if (m_end - m_p < word.size() || std::memcmp(m_p, word.data(), size_t(word.size())) != 0)
            return false;
        if (out)
            *out = word.front() == 't';
        m_p += word.size();
        return true;
    }

    bool skipValue()
    {
        skipSpace();
        switch (peek()) {
        case '"': return string(nullptr);
        case '{': return members([this](const QByteArray &) { return skipValue(); });
        case '[': return elements([this] { return skipValue(); });
        case 't':
        case 'f':
        case 'n': return literal(nullptr);
        default: return number(nullptr);
        }
    }

    //! An object: \a member is called with each key, positioned at its value, and must read it.
    template<typename F>
    bool members(F &&member)
    {
        if (!take('{'))
            return false;
        if (take('}'))
            return true;
        for (;;) {
            QByteArray key;
            if (!string(&key) || !take(':') || !member(key))
                return false;
            if (take(','))
                continue;
            return take('}');
        }
    }

    //! An array: \a element is called positioned at each element, and must read it.
    template<typename F>
    bool elements(F &&element)
    {
        if (!take('['))
            return false;
        if (take(']'))
            return true;
        for (;;) {
            if (!element())
                return false;
            if (take(','))
                continue;
            return take(']');
        }
    }

    //! Reads a string member's value into \a out, or skips any other value (\a out unchanged).
    bool stringOrSkip(QByteArray *out)
    {
        skipSpace();
        return peek() == '"' ? string(out) : skipValue();
    }

private:
    const char *m_p;
    const char *m_end;
};

//! Whether a member's \a key is \a name (a million statuses a second: lengths first).
bool is(const QByteArray &key, QByteArrayView name)
{
    return key.size() == name.size() && std::memcmp(key.constData(), name.data(), size_t(name.size())) == 0;
}

} // namespace

bool SyncPageScan::scan(const QByteArray &body, const std::function<void(const MessageSeen &)> &onMessage,
                        const std::function<void(const StatusSeen &)> &onStatus)
{
    Scanner s(body.constData(), body.constData() + body.size());
    const bool ok = s.members([&](const QByteArray &key) {
        if (is(key, "next"))
            return s.number(&next);
        if (is(key, "has_more"))
            return s.literal(&hasMore);
        if (is(key, "start_over"))
            return s.literal(&startOver);
        if (is(key, "profiles")) {
            return s.elements([&] {
                ++profileCount;
                return s.skipValue();
            });
        }
        if (is(key, "messages")) {
            return s.elements([&] {
                MessageSeen m;
                const bool read = s.members([&](const QByteArray &field) {
                    if (is(field, "client_id"))
                        return s.stringOrSkip(&m.clientId);
                    if (is(field, "to"))
                        return s.stringOrSkip(&m.to);
                    if (is(field, "conversation"))
                        return s.stringOrSkip(&m.conversation);
                    return s.skipValue();
                });
                if (read && onMessage)
                    onMessage(m);
                return read;
            });
        }
        if (is(key, "statuses")) {
            hasStatuses = true;
            return s.elements([&] {
                StatusSeen st;
                const bool read = s.members([&](const QByteArray &field) {
                    if (is(field, "username"))
                        return s.stringOrSkip(&st.username);
                    if (is(field, "presence"))
                        return s.stringOrSkip(&st.presence);
                    if (is(field, "text"))
                        return s.stringOrSkip(&st.text);
                    return s.skipValue();
                });
                ++statusCount;
                if (read && onStatus)
                    onStatus(st);
                return read;
            });
        }
        return s.skipValue();
    });
    return ok && next >= 0;
}

} // namespace Colleagues::Load
