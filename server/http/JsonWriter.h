// SPDX-License-Identifier: MIT
#pragma once

#include "core/Message.h"
#include "core/Profile.h"
#include "core/Status.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Colleagues::Server {

/*!
 * Writes the wire JSON of profiles, messages and statuses straight into a byte buffer: the same
 * document as Colleagues::toJson() through QJsonDocument (members in the same, sorted order),
 * about ten times faster, which is what a first sync of 100,000 profiles needs. Compact
 * output, UTF-8, with the escapes JSON requires.
 */
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 0) { m_out.reserve(reserve); }

    void raw(const char *text) { m_out.append(text); }
    void raw(char c) { m_out.append(c); }
    void raw(const QByteArray &bytes) { m_out.append(bytes); }
    void string(const QString &value);
    void number(qint64 value) { m_out.append(QByteArray::number(value)); }
    void boolean(bool value) { m_out.append(value ? "true" : "false"); }
    //! ISO 8601 in UTC with milliseconds, or an empty string for an invalid time (as toJson()).
    void dateTime(const QDateTime &value);
    void profile(const Profile &profile);
    void message(const Message &message);
    void status(const Status &status);
    //! "[...]" with \a writeItem(item) for each of \a items, comma-separated.
    template<typename List, typename WriteItem>
    void array(const List &items, WriteItem writeItem)
    {
        raw('[');
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i)
                raw(',');
            writeItem(items.at(i));
        }
        raw(']');
    }

    const QByteArray &data() const { return m_out; }
    QByteArray take() { return std::move(m_out); }

    static QByteArray toJson(const Profile &profile);

private:
    QByteArray m_out;
};

} // namespace Colleagues::Server
