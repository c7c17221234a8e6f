// SPDX-License-Identifier: MIT
#pragma once

#include "core/Profile.h"
#include "core/Status.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QScrollArea;
class QToolButton;
class QVBoxLayout;

namespace Colleagues {

class AvatarWidget;
class FlowLayout;
class ImageCache;
class LinkButton;
class PresenceDot;

/*!
 * One person's profile: photo, name, title, department, manager and direct reports (links
 * to their profiles), location with local time and time zone, email and phone (selectable
 * and copyable), skills with levels, interests, bio, and a prominent Message button.
 */
class ProfilePane : public QWidget
{
    Q_OBJECT

public:
    explicit ProfilePane(ImageCache *photos, QWidget *parent = nullptr);

    //! Shows \a profile; \a manager and \a reports for the team section. \a me hides "Message".
    void setProfile(const Profile &profile, const std::optional<Profile> &manager, const QList<Profile> &reports,
                    bool isMe);
    void clear();
    //! The shown person's status: the dot and line under the name, the out-of-office note.
    //! \a standInName: the stand-in's display name, when there is one.
    void setPersonStatus(const Status &status, const QString &standInName = {});
    const Profile &profile() const { return m_profile; }
    bool hasProfile() const { return !m_profile.username.isEmpty(); }
    //! Moves the focus to "Message", so Enter writes to the person just opened.
    void focusMessageButton();

Q_SIGNALS:
    void profileRequested(const QString &username);
    void messageRequested(const QString &username);
    void editRequested();
    //! "Save Contact…": the person shown, as a contact file.
    void saveContactRequested();
    void orgChartRequested(const QString &username);
    //! "Change status…" on one's own profile: the status menu, at \a globalPos.
    void statusMenuRequested(const QPoint &globalPos);

private:
    void updateLocalTime();
    void copy(const QString &text, const QString &what);
    QWidget *linkTo(const Profile &person, QWidget *parent);
    QPushButton *m_orgChartButton = nullptr;

    ImageCache *m_photos;
    Profile m_profile;
    QScrollArea *m_scrollArea;
    AvatarWidget *m_avatar;
    QLabel *m_nameLabel;
    QLabel *m_titleLabel;
    QLabel *m_orgLabel;
    PresenceDot *m_presenceDot;
    QLabel *m_presenceLabel; //!< the state and the status line, plain text
    LinkButton *m_changeStatusButton; //!< on one's own profile
    QLabel *m_outOfOfficeLabel; //!< the out-of-office note and stand-in, plain text
    QPushButton *m_messageButton;
    QPushButton *m_editButton;
    QPushButton *m_saveContactButton;
    QLabel *m_emailLabel;
    QToolButton *m_copyEmailButton;
    QLabel *m_phoneLabel;
    QToolButton *m_copyPhoneButton;
    QLabel *m_locationLabel;
    QLabel *m_localTimeLabel;
    QLabel *m_managerCaption;
    QWidget *m_managerBox;
    QLabel *m_reportsCaption;
    QWidget *m_reportsBox;
    FlowLayout *m_reportsLayout;
    QLabel *m_skillsCaption;
    QWidget *m_skillsBox;
    FlowLayout *m_skillsLayout;
    QLabel *m_interestsCaption;
    QWidget *m_interestsBox;
    FlowLayout *m_interestsLayout;
    QLabel *m_bioCaption;
    QLabel *m_bioLabel;
    QLabel *m_statusLabel;
};

} // namespace Colleagues
