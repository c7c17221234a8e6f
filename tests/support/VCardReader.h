// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Colleagues::Test {

//! One content line of a vCard after unfolding: NAME;PARAM=VALUE,...:VALUE.
struct VCardProperty
{
    QString name; //!< upper case
    QList<QPair<QString, QStringList>> params; //!< parameter names upper case, values as written
    QString rawValue; //!< as written (escapes kept)

    //! The parameter's values, or an empty list.
    QStringList param(const QString &name) const;
    //! The value as one text, escapes resolved.
    QString text() const;
    //! The value's ';'-separated components, each with escapes resolved (ORG, ADR, N).
    QStringList components() const;
};

struct VCardContact
{
    QList<VCardProperty> properties;

    QList<VCardProperty> all(const QString &name) const;
    //! The first property called \a name as text, or an empty string.
    QString text(const QString &name) const;
    bool has(const QString &name) const { return !all(name).isEmpty(); }
};

/*!
 * A strict reader of what Colleagues writes, written from RFC 6350 for the tests: every
 * physical line must end in CRLF, be at most 75 octets and be valid UTF-8 on its own; cards
 * must open with BEGIN:VCARD and VERSION:4.0 and close with END:VCARD. Anything else is
 * listed in problems.
 */
struct VCardFile
{
    QList<VCardContact> cards;
    QStringList problems;

    static VCardFile parse(const QByteArray &data);
};

} // namespace Colleagues::Test
