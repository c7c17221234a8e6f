// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/SyncTypes.h"

#include <QDialog>
#include <QHash>

class QRadioButton;

namespace Colleagues {

/*!
 * Your profile was changed elsewhere while you edited it: shows each field that differs with
 * your version and the server's, and lets you keep yours, take theirs, or choose per field.
 */
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Resolution { KeepMine, TakeTheirs, Merge };

    explicit ConflictDialog(const ProfileConflict &conflict, QWidget *parent = nullptr);

    Resolution resolution() const { return m_resolution; }
    //! Fields (JSON names) to take from the server's version, for Resolution::Merge.
    QStringList takeTheirs() const;
    //! Chooses the server's value for \a field (as clicking its radio button does).
    void chooseTheirs(const QString &field, bool theirs);

    //! A field's name for people: "display_name" -> "Name".
    static QString fieldLabel(const QString &field);
    //! A field's value as one readable text.
    static QString fieldValue(const Profile &profile, const QString &field);

private:
    void finish(Resolution resolution);

    ProfileConflict m_conflict;
    Resolution m_resolution = Resolution::KeepMine;
    QHash<QString, QRadioButton *> m_theirs;
};

} // namespace Colleagues
