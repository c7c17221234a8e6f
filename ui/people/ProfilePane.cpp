// SPDX-License-Identifier: MIT
#include "ui/people/ProfilePane.h"

#include "ui/widgets/AvatarWidget.h"
#include "ui/widgets/ChipWidget.h"
#include "ui/widgets/FlowLayout.h"
#include "ui/widgets/ImageCache.h"
#include "ui/widgets/LinkButton.h"
#include "ui/widgets/LocalTime.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/StatusText.h"
#include "ui/widgets/Theme.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Colleagues {

namespace {

//! A value the reader may select, with the mouse or the keyboard, and copy.
QLabel *selectableLabel(QWidget *parent, const QString &objectName)
{
    QLabel *label = valueLabel(QString(), parent, objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

ProfilePane::ProfilePane(ImageCache *photos, QWidget *parent)
    : QWidget(parent)
    , m_photos(photos)
{
    setObjectName(QStringLiteral("profilePane"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_scrollArea = new QScrollArea(this);
    m_scrollArea->setObjectName(QStringLiteral("profileScrollArea"));
    m_scrollArea->setWidgetResizable(true);
    m_scrollArea->setFrameShape(QFrame::NoFrame);
    m_scrollArea->setBackgroundRole(QPalette::Base);
    outer->addWidget(m_scrollArea);

    auto *content = new QWidget(m_scrollArea);
    content->setBackgroundRole(QPalette::Base);
    content->setAutoFillBackground(true);
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(Theme::SpaceXXL + 4, Theme::SpaceXXL, Theme::SpaceXXL + 4, Theme::SpaceXXL);
    column->setSpacing(Theme::SpaceL);

    // Header: avatar beside name, title, department.
    auto *header = new QHBoxLayout;
    header->setSpacing(Theme::SpaceXL + 4);
    m_avatar = new AvatarWidget(96, content);
    m_avatar->setObjectName(QStringLiteral("profileAvatarWidget"));
    header->addWidget(m_avatar, 0, Qt::AlignTop);
    auto *identity = new QVBoxLayout;
    identity->setSpacing(Theme::SpaceXS);
    m_nameLabel = selectableLabel(content, QStringLiteral("profileNameLabel"));
    m_nameLabel->setFont(Theme::scaledFont(font(), 1.6, QFont::Bold));
    m_nameLabel->setAccessibleName(tr("Name"));
    identity->addWidget(m_nameLabel);
    m_titleLabel = selectableLabel(content, QStringLiteral("profileTitleLabel"));
    m_titleLabel->setFont(Theme::scaledFont(font(), 1.12));
    m_titleLabel->setAccessibleName(tr("Title"));
    identity->addWidget(m_titleLabel);
    m_orgLabel = selectableLabel(content, QStringLiteral("profileDepartmentLabel"));
    m_orgLabel->setForegroundRole(QPalette::PlaceholderText);
    m_orgLabel->setAccessibleName(tr("Department and location"));
    identity->addWidget(m_orgLabel);
    auto *presence = new QHBoxLayout;
    presence->setSpacing(Theme::SpaceS + 2);
    m_presenceDot = new PresenceDot(content);
    m_presenceDot->setObjectName(QStringLiteral("profilePresenceDot"));
    presence->addWidget(m_presenceDot, 0, Qt::AlignVCenter);
    m_presenceLabel = plainLabel(content, QStringLiteral("profileStatusLabel"));
    m_presenceLabel->setWordWrap(true);
    m_presenceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    presence->addWidget(m_presenceLabel, 1);
    m_changeStatusButton = new LinkButton(tr("Change status…"), content);
    m_changeStatusButton->setObjectName(QStringLiteral("changeStatusButton"));
    connect(m_changeStatusButton, &LinkButton::clicked, this, [this] {
        Q_EMIT statusMenuRequested(m_changeStatusButton->mapToGlobal(QPoint(0, m_changeStatusButton->height())));
    });
    presence->addWidget(m_changeStatusButton, 0, Qt::AlignVCenter);
    identity->addLayout(presence);
    m_outOfOfficeLabel = plainLabel(content, QStringLiteral("profileOutOfOfficeLabel"));
    m_outOfOfficeLabel->setWordWrap(true);
    m_outOfOfficeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outOfOfficeLabel->setForegroundRole(QPalette::PlaceholderText);
    m_outOfOfficeLabel->hide();
    identity->addWidget(m_outOfOfficeLabel);
    identity->addSpacing(Theme::SpaceM);
    auto *actions = new QHBoxLayout;
    actions->setSpacing(Theme::SpaceM);
    m_messageButton = new QPushButton(tr("Message"), content);
    m_messageButton->setObjectName(QStringLiteral("messageButton"));
    m_messageButton->setDefault(true);
    m_messageButton->setAutoDefault(false);
    m_messageButton->setMinimumWidth(120);
    m_messageButton->setMinimumHeight(m_messageButton->sizeHint().height() + 6);
    m_messageButton->setFont(Theme::scaledFont(font(), 1.0, QFont::DemiBold));
    // A filled button in the accent colour: the one thing to do on this page.
    Theme::tint(m_messageButton, Theme::Tint::Accent);
    connect(m_messageButton, &QPushButton::clicked, this, [this] { Q_EMIT messageRequested(m_profile.username); });
    actions->addWidget(m_messageButton);
    m_editButton = new QPushButton(tr("Edit my profile"), content);
    m_editButton->setObjectName(QStringLiteral("editProfileButton"));
    connect(m_editButton, &QPushButton::clicked, this, &ProfilePane::editRequested);
    actions->addWidget(m_editButton);
    m_orgChartButton = new QPushButton(tr("Show in org chart"), content);
    m_orgChartButton->setObjectName(QStringLiteral("orgChartButton"));
    m_orgChartButton->setAutoDefault(false);
    connect(m_orgChartButton, &QPushButton::clicked, this, [this] { Q_EMIT orgChartRequested(m_profile.username); });
    actions->addWidget(m_orgChartButton);
    m_saveContactButton = new QPushButton(tr("Save Contact…"), content);
    m_saveContactButton->setObjectName(QStringLiteral("saveContactButton"));
    m_saveContactButton->setToolTip(tr("Save as a contact card (.vcf) for your address book"));
    connect(m_saveContactButton, &QPushButton::clicked, this, &ProfilePane::saveContactRequested);
    actions->addWidget(m_saveContactButton);
    actions->addStretch();
    identity->addLayout(actions);
    header->addLayout(identity, 1);
    column->addLayout(header);

    column->addSpacing(Theme::SpaceS);
    column->addWidget(Theme::hairline(content));
    column->addSpacing(Theme::SpaceS);

    // Contact and place, as a two-column grid of caption and value.
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(Theme::SpaceXL);
    grid->setVerticalSpacing(Theme::SpaceM);
    grid->setColumnStretch(1, 1);
    int row = 0;
    auto addRow = [&](const QString &caption, QWidget *value, QWidget *extra = nullptr) {
        auto *captionLabel_ = captionLabel(caption, content);
        grid->addWidget(captionLabel_, row, 0, Qt::AlignLeft | Qt::AlignTop);
        grid->addWidget(value, row, 1);
        if (extra)
            grid->addWidget(extra, row, 2, Qt::AlignTop);
        ++row;
        return captionLabel_;
    };
    auto copyButton = [&](const QString &objectName, const QString &accessible) {
        auto *button = new QToolButton(content);
        button->setObjectName(objectName);
        button->setText(tr("Copy"));
        button->setAccessibleName(accessible);
        button->setToolTip(accessible);
        button->setAutoRaise(true);
        return button;
    };
    m_emailLabel = selectableLabel(content, QStringLiteral("emailLabel"));
    m_emailLabel->setAccessibleName(tr("Email"));
    m_copyEmailButton = copyButton(QStringLiteral("copyEmailButton"), tr("Copy email address"));
    connect(m_copyEmailButton, &QToolButton::clicked, this, [this] { copy(m_profile.email, tr("Email address")); });
    addRow(tr("Email"), m_emailLabel, m_copyEmailButton);
    m_phoneLabel = selectableLabel(content, QStringLiteral("phoneLabel"));
    m_phoneLabel->setAccessibleName(tr("Phone"));
    m_copyPhoneButton = copyButton(QStringLiteral("copyPhoneButton"), tr("Copy phone number"));
    connect(m_copyPhoneButton, &QToolButton::clicked, this, [this] { copy(m_profile.phone, tr("Phone number")); });
    addRow(tr("Phone"), m_phoneLabel, m_copyPhoneButton);
    m_locationLabel = selectableLabel(content, QStringLiteral("locationLabel"));
    m_locationLabel->setAccessibleName(tr("Location"));
    addRow(tr("Location"), m_locationLabel);
    m_localTimeLabel = selectableLabel(content, QStringLiteral("localTimeLabel"));
    m_localTimeLabel->setAccessibleName(tr("Local time"));
    addRow(tr("Local time"), m_localTimeLabel);

    m_managerBox = new QWidget(content);
    auto *managerLayout = new QHBoxLayout(m_managerBox);
    managerLayout->setContentsMargins(0, 0, 0, 0);
    managerLayout->setAlignment(Qt::AlignLeft);
    m_managerCaption = addRow(tr("Manager"), m_managerBox);
    m_reportsBox = new QWidget(content);
    m_reportsLayout = new FlowLayout(m_reportsBox, Theme::SpaceXS);
    m_reportsCaption = addRow(tr("Direct reports"), m_reportsBox);
    column->addLayout(grid);

    auto section = [&](const QString &title, const QString &objectName, QLabel **caption) {
        column->addSpacing(Theme::SpaceM);
        *caption = captionLabel(title, content, objectName);
        column->addWidget(*caption);
    };
    // A section of chips: skills, interests.
    auto chipSection = [&](const QString &title, const QString &name, QLabel **caption, QWidget **box,
                           FlowLayout **layout) {
        section(title, name + QStringLiteral("CaptionLabel"), caption);
        *box = new QWidget(content);
        (*box)->setObjectName(name + QStringLiteral("Widget"));
        (*box)->setAccessibleName(title);
        *layout = new FlowLayout(*box, Theme::SpaceS + 2);
        column->addWidget(*box);
    };
    chipSection(tr("Skills"), QStringLiteral("skills"), &m_skillsCaption, &m_skillsBox, &m_skillsLayout);
    chipSection(tr("Interests"), QStringLiteral("interests"), &m_interestsCaption, &m_interestsBox, &m_interestsLayout);
    section(tr("About"), QStringLiteral("bioCaptionLabel"), &m_bioCaption);
    m_bioLabel = selectableLabel(content, QStringLiteral("bioLabel"));
    m_bioLabel->setAccessibleName(tr("About"));
    m_bioLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    column->addWidget(m_bioLabel);
    m_statusLabel = selectableLabel(content, QStringLiteral("profileStatusLabel"));
    m_statusLabel->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(m_statusLabel);
    column->addStretch();
    m_scrollArea->setWidget(content);

    auto *clock = new QTimer(this);
    clock->setInterval(30 * 1000);
    connect(clock, &QTimer::timeout, this, &ProfilePane::updateLocalTime);
    clock->start();
    connect(m_photos, &ImageCache::photoChanged, this, [this](const QString &username) {
        if (username == m_profile.username)
            m_avatar->setPhoto(m_photos->photo(username));
    });
    clear();
}

void ProfilePane::focusMessageButton()
{
    m_messageButton->setFocus(Qt::OtherFocusReason);
}

void ProfilePane::setPersonStatus(const Status &status, const QString &standInName)
{
    m_presenceDot->setStatus(status);
    const QString words = StatusText::description(status);
    m_presenceLabel->setText(words);
    m_presenceLabel->setAccessibleName(tr("Status: %1").arg(words));
    QStringList away;
    if (status.outOfOffice) {
        const OutOfOffice &w = *status.outOfOffice;
        const QDate today = QDate::currentDate();
        if (status.availability != Availability::OutOfOffice)
            away.append(tr("Out of office from %1 to %2")
                            .arg(StatusText::dayText(w.from, today), StatusText::dayText(w.to, today)));
        if (!w.note.isEmpty())
            away.append(w.note);
        if (!w.standIn.isEmpty())
            away.append(tr("Stand-in: %1").arg(standInName.isEmpty() ? w.standIn : standInName));
    }
    m_outOfOfficeLabel->setText(away.join(QLatin1Char('\n')));
    m_outOfOfficeLabel->setVisible(!away.isEmpty());
}

void ProfilePane::clear()
{
    m_profile = {};
    m_scrollArea->widget()->setVisible(false);
}

QWidget *ProfilePane::linkTo(const Profile &person, QWidget *parent)
{
    auto *link = new LinkButton(person.displayName.isEmpty() ? person.username : person.displayName, parent);
    link->setObjectName(QStringLiteral("personLinkButton"));
    link->setAccessibleName(tr("Open the profile of %1").arg(link->text()));
    QStringList tip {link->text()};
    if (!person.title.isEmpty())
        tip.append(person.title);
    link->setToolTip(Theme::plainToolTip(tip.join(QLatin1Char('\n'))));
    connect(link, &QPushButton::clicked, this,
            [this, username = person.username] { Q_EMIT profileRequested(username); });
    return link;
}

void ProfilePane::setProfile(const Profile &profile, const std::optional<Profile> &manager,
                             const QList<Profile> &reports, bool isMe)
{
    const bool samePerson = profile.username == m_profile.username;
    m_profile = profile;
    m_scrollArea->widget()->setVisible(true);
    if (!samePerson)
        m_scrollArea->verticalScrollBar()->setValue(0);
    m_avatar->setPerson(profile.username, profile.displayName);
    m_avatar->setPhoto(m_photos->photo(profile.username));
    m_nameLabel->setText(profile.displayName.isEmpty() ? profile.username : profile.displayName);
    m_titleLabel->setText(profile.title);
    m_titleLabel->setVisible(!profile.title.isEmpty());
    QStringList org {profile.department, profile.location};
    org.removeAll(QString());
    m_orgLabel->setText(org.join(QStringLiteral("  ·  ")));
    m_orgLabel->setVisible(!org.isEmpty());
    m_messageButton->setVisible(!isMe);
    m_messageButton->setAccessibleName(tr("Message %1").arg(m_nameLabel->text()));
    m_editButton->setVisible(isMe);
    m_changeStatusButton->setVisible(isMe);
    m_saveContactButton->setAccessibleName(tr("Save %1 as a contact").arg(m_nameLabel->text()));

    auto setValue = [this](QLabel *label, const QString &text) {
        label->setText(text.isEmpty() ? tr("Not given") : text);
        label->setForegroundRole(text.isEmpty() ? QPalette::PlaceholderText : QPalette::WindowText);
    };
    setValue(m_emailLabel, profile.email);
    m_copyEmailButton->setEnabled(!profile.email.isEmpty());
    setValue(m_phoneLabel, profile.phone);
    m_copyPhoneButton->setEnabled(!profile.phone.isEmpty());
    setValue(m_locationLabel, profile.location);
    updateLocalTime();

    delete m_managerBox->layout()->takeAt(0);
    qDeleteAll(m_managerBox->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly));
    if (manager)
        m_managerBox->layout()->addWidget(linkTo(*manager, m_managerBox));
    m_managerCaption->setVisible(manager.has_value());
    m_managerBox->setVisible(manager.has_value());

    m_reportsLayout->clear();
    for (const Profile &report : reports)
        m_reportsLayout->addWidget(linkTo(report, m_reportsBox));
    m_reportsCaption->setVisible(!reports.isEmpty());
    m_reportsBox->setVisible(!reports.isEmpty());

    m_skillsLayout->clear();
    SkillList skills = profile.skills;
    std::stable_sort(skills.begin(), skills.end(), [](const Skill &a, const Skill &b) { return a.level > b.level; });
    for (const Skill &skill : std::as_const(skills))
        m_skillsLayout->addWidget(new ChipWidget(skill.name, skill.level, m_skillsBox));
    m_skillsCaption->setVisible(!skills.isEmpty());
    m_skillsBox->setVisible(!skills.isEmpty());

    m_interestsLayout->clear();
    for (const QString &interest : profile.interests)
        m_interestsLayout->addWidget(new ChipWidget(interest, 0, m_interestsBox));
    m_interestsCaption->setVisible(!profile.interests.isEmpty());
    m_interestsBox->setVisible(!profile.interests.isEmpty());

    m_bioLabel->setText(profile.bio);
    m_bioCaption->setVisible(!profile.bio.isEmpty());
    m_bioLabel->setVisible(!profile.bio.isEmpty());
    m_statusLabel->setText(
        profile.updatedAt.isValid() ? tr("Profile updated %1").arg(Theme::dateTimeText(profile.updatedAt)) : QString());
}

void ProfilePane::updateLocalTime()
{
    if (m_profile.username.isEmpty())
        return;
    const QString description = LocalTime::description(m_profile.timeZone);
    if (description.isEmpty()) {
        m_localTimeLabel->setText(m_profile.timeZone.isEmpty() ? tr("Time zone not given")
                                                               : tr("Unknown time zone %1").arg(m_profile.timeZone));
        m_localTimeLabel->setForegroundRole(QPalette::PlaceholderText);
    } else {
        m_localTimeLabel->setText(description);
        m_localTimeLabel->setForegroundRole(QPalette::WindowText);
    }
}

void ProfilePane::copy(const QString &text, const QString &what)
{
    QApplication::clipboard()->setText(text);
    // Say so where the user looks: the window's status bar.
    if (auto *bar = window()->findChild<QStatusBar *>())
        bar->showMessage(tr("%1 copied").arg(what), 3000);
}

} // namespace Colleagues
