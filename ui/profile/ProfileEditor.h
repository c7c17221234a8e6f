// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/SyncTypes.h"
#include "core/Profile.h"

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStringListModel;
class QTableView;

namespace Colleagues {

class AvatarWidget;
class ClientBackend;
class SkillsModel;

/*!
 * Edits one's own profile with inline validation (Core's rules and limits, the message next to
 * the field, a character counter near each limit), a skills editor with completion from the
 * directory's skills, interests, bio and photo. Saving goes through the outbox; a conflict
 * with a change made elsewhere opens ConflictDialog.
 */
class ProfileEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ProfileEditor(ClientBackend *backend, QWidget *parent = nullptr);

    //! Loads the signed-in user's profile (keeps unsaved edits when there are some).
    void load();
    bool isModified() const { return m_modified; }
    bool isValid() const;
    //! The profile as edited.
    Profile editedProfile() const;
    //! Queues the save (and the new photo, if any). Returns false when invalid.
    bool save();
    //! Uses \a image as the new photo (after cropping), shown at once, sent on save.
    void setPhoto(const QImage &image);
    //! Opens the conflict dialog for \a conflict (it is also opened when the outbox reports one).
    void resolveConflict(const ProfileConflict &conflict);

    QLineEdit *field(const QString &name) const { return m_lineEdits.value(name); }
    QPlainTextEdit *bioEdit() const { return m_bioEdit; }
    SkillsModel *skillsModel() const { return m_skillsModel; }
    QStringListModel *interestsModel() const { return m_interestsModel; }
    QLineEdit *skillLineEdit() const { return m_skillLineEdit; }
    QSpinBox *levelSpinBox() const { return m_levelSpinBox; }
    QPushButton *saveButton() const { return m_saveButton; }
    QLabel *statusLabel() const { return m_statusLabel; }
    //! The inline error shown for \a name ("display_name", "email", ..., "bio", "skills").
    QString errorText(const QString &name) const;

Q_SIGNALS:
    void saved();

private:
    void validate();
    void setModified(bool modified = true);
    void updateCounter(QLabel *counter, int length, int max);
    void setError(const QString &name, const QString &message);
    void addSkill();
    void addInterest();
    void choosePhoto();
    void showStatus(const QString &text, bool problem = false);
    void onOutboxItem(const OutboxItem &item);
    void uploadPhoto(const QByteArray &jpeg);

    ClientBackend *m_backend;
    Profile m_base;
    bool m_modified = false;
    bool m_loading = false;
    QImage m_newPhoto;
    QByteArray m_photoAfterSave; //!< the new photo, waiting for the field save it came with
    QHash<QString, QLineEdit *> m_lineEdits;
    QHash<QString, QLabel *> m_errors;
    QHash<QString, QLabel *> m_counters;
    QHash<QString, int> m_limits;
    AvatarWidget *m_avatar;
    QLabel *m_nameLabel;
    QLabel *m_statusLabel;
    QPushButton *m_saveButton;
    QPushButton *m_revertButton;
    QComboBox *m_timeZoneComboBox;
    SkillsModel *m_skillsModel;
    QTableView *m_skillsView;
    QLineEdit *m_skillLineEdit;
    QSpinBox *m_levelSpinBox;
    QStringListModel *m_interestsModel;
    QListView *m_interestsView;
    QLineEdit *m_interestLineEdit;
    QPlainTextEdit *m_bioEdit;
};

} // namespace Colleagues
