// SPDX-License-Identifier: MIT
#pragma once

#include "client/sync/SyncTypes.h"
#include "core/Profile.h"

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QWidget>

class QLabel;
class QLayout;
class QLineEdit;
class QListView;
class QPushButton;
class QStringListModel;

namespace Colleagues {

class AvatarWidget;
class ClientBackend;
class SkillsEditor;
class ValidatedField;
class VisibilityPicker;

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

    //! The inline error shown for \a name ("display_name", "email", ..., "bio", "skills").
    QString errorText(const QString &name) const;

Q_SIGNALS:
    void saved();

private:
    QWidget *buildHeader();
    QWidget *buildContent();
    QWidget *buildPhotoRow(QWidget *parent);
    QLayout *buildForm(QWidget *parent);
    QWidget *buildInterests(QWidget *parent);
    ValidatedField *buildBio(QWidget *parent);
    QLabel *sectionLabel(const QString &text, QWidget *parent);
    //! A picker of who sees \a field, registered for load() and editedProfile().
    VisibilityPicker *visibilityPicker(PrivateField field, QWidget *parent);
    //! \a title with \a field's picker at its right, for the sections below the form.
    QWidget *sectionWithPicker(QWidget *title, PrivateField field, QWidget *parent);
    ValidatedField *field(const QString &name) const { return m_fields.value(name); }
    void validate();
    void setModified(bool modified = true);
    void setError(const QString &name, const QString &message);
    void addInterest();
    void choosePhoto();
    void showStatus(const QString &text, bool problem = false);
    void onOutboxItem(const OutboxItem &item);
    void onProfileSaved(const Profile &profile);
    void uploadPhoto(const QByteArray &jpeg);

    ClientBackend *m_backend;
    Profile m_base;
    bool m_modified = false;
    bool m_loading = false;
    QImage m_newPhoto;
    QByteArray m_photoAfterSave; //!< the new photo, waiting for the field save it came with
    QHash<QString, ValidatedField *> m_fields; //!< by Core's field name: "display_name", ..., "bio"
    QList<VisibilityPicker *> m_visibility; //!< one per private field
    AvatarWidget *m_avatar = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_revertButton = nullptr;
    SkillsEditor *m_skillsEditor = nullptr;
    QStringListModel *m_interestsModel = nullptr;
    QListView *m_interestsView = nullptr;
    QLineEdit *m_interestLineEdit = nullptr;
    QLabel *m_interestsErrorLabel = nullptr;
};

} // namespace Colleagues
