// SPDX-License-Identifier: MIT
#pragma once

#include "core/Profile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace Colleagues {

//! One problem found while importing a profile CSV.
struct CsvRowError
{
    int line = 0; //!< physical line of the row; 0 or the header line for file-level errors
    QString field; //!< the column (or profile field) concerned; empty when the whole row is at fault
    QString message; //!< one human sentence that includes the reason
};

//! What readProfileCsv() found: the rows it could import and every reason it could not.
struct ProfileCsvResult
{
    QList<Profile> profiles; //!< valid rows, normalized and validated
    QList<int> lines; //!< line number of each valid profile, parallel to profiles
    QList<CsvRowError> errors; //!< every bad row with its line and reason
    bool fileOk = true; //!< false if the file itself is unusable (no header, bad columns, unreadable)
};

//! The columns of the profile import format, in the order profilesToCsv() writes them.
//! A file may order them differently and leave out all but username and display_name.
//! skills is "Name:level;Name:level" (level 1-5, 3 when left out; only a trailing
//! ":<digits>" is a level, so "ISO:27001:4" is the skill "ISO:27001" at level 4),
//! interests is "a;b;c", manager a username and timezone an IANA id.
QStringList profileCsvColumns();

//! Reads the profile import format shared by the server's and the client's import-csv.
//! Imports every valid row; a bad row never stops the others. A username that appears
//! again is reported and the first row wins.
ProfileCsvResult readProfileCsv(QIODevice *device);
ProfileCsvResult readProfileCsv(const QByteArray &data);

//! Writes \a profiles in the same format, with a header; round-trips through readProfileCsv().
//! Skill and interest names cannot contain ';', which separates them.
QByteArray profilesToCsv(const QList<Profile> &profiles);

} // namespace Colleagues
