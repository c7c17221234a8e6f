// SPDX-License-Identifier: MIT
#pragma once

// Internal helper for the JSON codecs: typed, field-naming access to a QJsonObject
// that remembers which fields were read so unknown ones can be rejected.

#include "core/Error.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace Colleagues::Internal {

class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &object, QString prefix = {})
        : m_object(object)
        , m_prefix(std::move(prefix))
    { }

    bool failed() const { return m_error.isError(); }
    const Error &error() const { return m_error; }

    QString path(const QString &key) const { return m_prefix.isEmpty() ? key : m_prefix + QLatin1Char('.') + key; }

    //! Reads an optional string (null or absent gives an empty string).
    QString string(const QString &key, bool required = false, int maxChars = 100000)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(Error::Code::Required, key, QStringLiteral("%1 is required.").arg(path(key)));
            return {};
        }
        if (!v.isString()) {
            fail(Error::Code::InvalidType, key, QStringLiteral("%1 must be a string.").arg(path(key)));
            return {};
        }
        QString s = v.toString();
        // Reject absurd sizes before any normalization work.
        if (s.size() > 2 * maxChars + 16) {
            fail(Error::Code::TooLong, key,
                 QStringLiteral("%1 must be at most %2 characters.").arg(path(key)).arg(maxChars));
            return {};
        }
        return s;
    }

    qint64 integer(const QString &key, bool required = false, qint64 defaultValue = 0)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(Error::Code::Required, key, QStringLiteral("%1 is required.").arg(path(key)));
            return defaultValue;
        }
        const double d = v.toDouble();
        // Range first: converting an out-of-range double to an integer is undefined.
        constexpr double maxExact = 9007199254740991.0; // 2^53 - 1
        if (!v.isDouble() || !(d >= -maxExact && d <= maxExact) || d != static_cast<double>(static_cast<qint64>(d))) {
            fail(Error::Code::InvalidType, key, QStringLiteral("%1 must be a whole number.").arg(path(key)));
            return defaultValue;
        }
        return static_cast<qint64>(d);
    }

    QDateTime dateTime(const QString &key)
    {
        const QString s = string(key, false, 64);
        if (s.isEmpty() || failed())
            return {};
        QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
        if (!dt.isValid()) {
            fail(Error::Code::InvalidFormat, key,
                 QStringLiteral("%1 must be an ISO 8601 date and time such as 2026-01-31T09:30:00Z.").arg(path(key)));
            return {};
        }
        return dt.toUTC();
    }

    QJsonArray array(const QString &key, qsizetype maxItems)
    {
        const QJsonArray a = take(key, QJsonValue::Array, u"an array").toArray();
        if (a.size() > maxItems) {
            fail(
                Error::Code::TooMany, key,
                QStringLiteral("%1 may have at most %2 items (it has %3).").arg(path(key)).arg(maxItems).arg(a.size()));
            return {};
        }
        return a;
    }

    QJsonObject object(const QString &key) { return take(key, QJsonValue::Object, u"an object").toObject(); }

    //! Fails on the first field that was never read.
    void rejectUnknown()
    {
        if (failed())
            return;
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (!m_read.contains(it.key())) {
                fail(Error::Code::UnknownField, it.key(),
                     QStringLiteral("%1 is not a known field.").arg(path(it.key())));
                return;
            }
        }
    }

    void fail(Error::Code code, const QString &key, const QString &message)
    {
        if (!failed())
            m_error = Error {code, path(key), message};
    }

    void setError(const Error &error)
    {
        if (!failed())
            m_error = error;
    }

private:
    //! \a key's value when it is of \a type; undefined when it is missing or null, or (failing,
    //! "KEY must be \a what") of another type.
    QJsonValue take(const QString &key, QJsonValue::Type type, QStringView what)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (v.type() != type) {
            fail(Error::Code::InvalidType, key, QStringLiteral("%1 must be %2.").arg(path(key), what));
            return {};
        }
        return v;
    }
    QJsonValue take(const QString &key)
    {
        m_read.insert(key);
        return m_object.value(key);
    }

    QJsonObject m_object;
    QString m_prefix;
    QSet<QString> m_read;
    Error m_error;
};

inline QString toIsoString(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace Colleagues::Internal
