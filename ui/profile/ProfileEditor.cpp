// SPDX-License-Identifier: MIT
#include "ui/profile/ProfileEditor.h"

#include "client/sync/Outbox.h"
#include "client/sync/SyncClient.h"
#include "core/TextFold.h"
#include "core/Validation.h"
#include "ui/ClientBackend.h"
#include "ui/profile/ConflictDialog.h"
#include "ui/profile/PhotoCropDialog.h"
#include "ui/profile/SkillsModel.h"
#include "ui/widgets/AvatarWidget.h"
#include "ui/widgets/ImageCache.h"
#include "ui/widgets/Theme.h"

#include <QBuffer>
#include <QComboBox>
#include <QCompleter>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStringListModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

#include <utility>

namespace Colleagues {

namespace {

//! Counters appear once a text is this close to its limit.
int counterThreshold(int max)
{
    return std::max(0, max - std::max(10, max / 5));
}

//! Shows a level as five pips and edits it with a spin box (1–5).
class LevelDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget *widget = option.widget;
        widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        const int level = index.data(Qt::EditRole).toInt();
        const bool selected = option.state & QStyle::State_Selected;
        const QColor on =
            selected ? option.palette.color(QPalette::HighlightedText) : option.palette.color(QPalette::Highlight);
        QColor off = on;
        off.setAlphaF(0.25f);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        const int pip = 8;
        int x = option.rect.left() + Theme::SpaceM;
        const int y = option.rect.center().y() - pip / 2;
        for (int i = 1; i <= 5; ++i) {
            painter->setBrush(i <= level ? on : off);
            painter->drawEllipse(QRect(x, y, pip, pip));
            x += pip + 4;
        }
        painter->setPen(selected ? option.palette.color(QPalette::HighlightedText)
                                 : Theme::secondaryText(option.palette));
        painter->drawText(QRect(x + Theme::SpaceS, option.rect.top(), option.rect.right() - x, option.rect.height()),
                          Qt::AlignVCenter | Qt::AlignLeft, index.data(Qt::ToolTipRole).toString());
        painter->restore();
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *spin = new QSpinBox(parent);
        spin->setRange(Limits::SkillLevelMin, Limits::SkillLevelMax);
        spin->setAccessibleName(QCoreApplication::translate("Colleagues::ProfileEditor", "Level"));
        return spin;
    }
};

} // namespace

ProfileEditor::ProfileEditor(ClientBackend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_skillsModel(new SkillsModel(this))
    , m_interestsModel(new QStringListModel(this))
{
    setObjectName(QStringLiteral("profileEditor"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    // Header with the actions, always visible.
    auto *header = new QWidget(this);
    header->setBackgroundRole(QPalette::Base);
    header->setAutoFillBackground(true);
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(Theme::SpaceXXL, Theme::SpaceL, Theme::SpaceXXL, Theme::SpaceL);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    auto *title = new QLabel(tr("Edit my profile"), header);
    title->setObjectName(QStringLiteral("editorTitleLabel"));
    title->setFont(Theme::scaledFont(font(), 1.3, QFont::DemiBold));
    titles->addWidget(title);
    m_statusLabel = new QLabel(header);
    m_statusLabel->setObjectName(QStringLiteral("editorStatusLabel"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setForegroundRole(QPalette::PlaceholderText);
    titles->addWidget(m_statusLabel);
    headerLayout->addLayout(titles, 1);
    m_revertButton = new QPushButton(tr("Revert"), header);
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_revertButton->setToolTip(tr("Forget the changes you have not saved"));
    connect(m_revertButton, &QPushButton::clicked, this, [this] {
        m_modified = false;
        m_newPhoto = {};
        load();
    });
    headerLayout->addWidget(m_revertButton);
    m_saveButton = new QPushButton(tr("Save"), header);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setShortcut(QKeySequence::Save);
    m_saveButton->setToolTip(tr("Save (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_saveButton->setDefault(true);
    connect(m_saveButton, &QPushButton::clicked, this, &ProfileEditor::save);
    headerLayout->addWidget(m_saveButton);
    outer->addWidget(header);
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Plain);
    line->setForegroundRole(QPalette::Midlight);
    outer->addWidget(line);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("editorScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    content->setBackgroundRole(QPalette::Base);
    content->setAutoFillBackground(true);
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(Theme::SpaceXXL, Theme::SpaceXL, Theme::SpaceXXL, Theme::SpaceXXL);
    column->setSpacing(Theme::SpaceL);

    // Photo.
    auto *photoRow = new QHBoxLayout;
    photoRow->setSpacing(Theme::SpaceXL);
    m_avatar = new AvatarWidget(88, content);
    m_avatar->setObjectName(QStringLiteral("editorAvatarWidget"));
    photoRow->addWidget(m_avatar);
    auto *photoSide = new QVBoxLayout;
    m_nameLabel = new QLabel(content);
    m_nameLabel->setTextFormat(Qt::PlainText);
    m_nameLabel->setFont(Theme::scaledFont(font(), 1.1, QFont::DemiBold));
    photoSide->addWidget(m_nameLabel);
    auto *choosePhoto = new QPushButton(tr("Choose Photo…"), content);
    choosePhoto->setObjectName(QStringLiteral("choosePhotoButton"));
    connect(choosePhoto, &QPushButton::clicked, this, &ProfileEditor::choosePhoto);
    photoSide->addWidget(choosePhoto, 0, Qt::AlignLeft);
    auto *photoHint = new QLabel(tr("JPEG or PNG; you can crop it to a square."), content);
    photoHint->setForegroundRole(QPalette::PlaceholderText);
    photoSide->addWidget(photoHint);
    photoRow->addLayout(photoSide, 1);
    column->addLayout(photoRow);

    auto *form = new QFormLayout;
    form->setHorizontalSpacing(Theme::SpaceXL);
    form->setVerticalSpacing(Theme::SpaceM);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    auto addRow = [&](const QString &name, const QString &label, QWidget *widget) {
        auto *box = new QWidget(content);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(widget);
        auto *below = new QHBoxLayout;
        auto *error = new QLabel(box);
        error->setObjectName(name + QStringLiteral("ErrorLabel"));
        error->setTextFormat(Qt::PlainText);
        error->setWordWrap(true);
        error->hide();
        Theme::tint(error, Theme::Tint::Negative);
        below->addWidget(error, 1);
        auto *counter = new QLabel(box);
        counter->setObjectName(name + QStringLiteral("CounterLabel"));
        counter->setTextFormat(Qt::PlainText);
        counter->setForegroundRole(QPalette::PlaceholderText);
        counter->hide();
        below->addWidget(counter, 0, Qt::AlignRight | Qt::AlignTop);
        v->addLayout(below);
        m_errors.insert(name, error);
        m_counters.insert(name, counter);
        auto *labelWidget = new QLabel(label, content);
        labelWidget->setBuddy(widget);
        form->addRow(labelWidget, box);
    };
    auto lineField = [&](const QString &name, const QString &label, int max, const QString &placeholder) {
        auto *edit = new QLineEdit(content);
        edit->setObjectName(name + QStringLiteral("LineEdit"));
        edit->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
        edit->setPlaceholderText(placeholder);
        m_lineEdits.insert(name, edit);
        m_limits.insert(name, max);
        connect(edit, &QLineEdit::textEdited, this, [this] { setModified(); });
        addRow(name, label, edit);
        return edit;
    };
    lineField(QStringLiteral("display_name"), tr("&Name:"), Limits::DisplayNameMax, tr("Your full name"));
    lineField(QStringLiteral("title"), tr("&Title:"), Limits::TitleMax, tr("e.g. Site Reliability Engineer"));
    lineField(QStringLiteral("department"), tr("&Department:"), Limits::DepartmentMax, tr("e.g. Data Platform"));
    lineField(QStringLiteral("location"), tr("&Location:"), Limits::LocationMax, tr("e.g. Berlin"));
    m_timeZoneComboBox = new QComboBox(content);
    m_timeZoneComboBox->setObjectName(QStringLiteral("timeZoneComboBox"));
    m_timeZoneComboBox->setAccessibleName(tr("Time zone"));
    m_timeZoneComboBox->setEditable(true);
    m_timeZoneComboBox->setInsertPolicy(QComboBox::NoInsert);
    QStringList zones;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        zones.append(QString::fromUtf8(id));
    m_timeZoneComboBox->addItem(QString());
    m_timeZoneComboBox->addItems(zones);
    m_timeZoneComboBox->completer()->setFilterMode(Qt::MatchContains);
    m_timeZoneComboBox->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_timeZoneComboBox->completer()->setCompletionMode(QCompleter::PopupCompletion);
    connect(m_timeZoneComboBox, &QComboBox::currentTextChanged, this, [this] { setModified(); });
    m_limits.insert(QStringLiteral("time_zone"), Limits::TimeZoneMax);
    addRow(QStringLiteral("time_zone"), tr("Time &zone:"), m_timeZoneComboBox);
    lineField(QStringLiteral("email"), tr("&Email:"), Limits::EmailMax, tr("name@example.com"));
    lineField(QStringLiteral("phone"), tr("&Phone:"), Limits::PhoneMax, tr("+49 30 1234567"));
    column->addLayout(form);

    auto section = [&](const QString &text) {
        column->addSpacing(Theme::SpaceM);
        auto *label = new QLabel(text, content);
        label->setFont(Theme::scaledFont(font(), 1.05, QFont::DemiBold));
        column->addWidget(label);
        return label;
    };

    // Skills.
    section(tr("Skills"));
    auto *skillsHint = new QLabel(tr("What people can ask you about, from 1 (beginner) to 5 (expert). Pick an existing "
                                     "spelling from the list so people find you."),
                                  content);
    skillsHint->setWordWrap(true);
    skillsHint->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(skillsHint);
    auto *addSkillRow = new QHBoxLayout;
    m_skillLineEdit = new QLineEdit(content);
    m_skillLineEdit->setObjectName(QStringLiteral("skillLineEdit"));
    m_skillLineEdit->setAccessibleName(tr("New skill"));
    m_skillLineEdit->setPlaceholderText(tr("Add a skill, e.g. Kubernetes"));
    m_skillLineEdit->setMaxLength(Limits::SkillNameMax);
    connect(m_skillLineEdit, &QLineEdit::returnPressed, this, &ProfileEditor::addSkill);
    addSkillRow->addWidget(m_skillLineEdit, 1);
    m_levelSpinBox = new QSpinBox(content);
    m_levelSpinBox->setObjectName(QStringLiteral("levelSpinBox"));
    m_levelSpinBox->setAccessibleName(tr("Level of the new skill"));
    m_levelSpinBox->setRange(Limits::SkillLevelMin, Limits::SkillLevelMax);
    m_levelSpinBox->setValue(3);
    m_levelSpinBox->setPrefix(tr("Level "));
    addSkillRow->addWidget(m_levelSpinBox);
    auto *addSkillButton = new QPushButton(tr("Add"), content);
    addSkillButton->setObjectName(QStringLiteral("addSkillButton"));
    addSkillButton->setAccessibleName(tr("Add skill"));
    connect(addSkillButton, &QPushButton::clicked, this, &ProfileEditor::addSkill);
    addSkillRow->addWidget(addSkillButton);
    column->addLayout(addSkillRow);
    m_skillsView = new QTableView(content);
    m_skillsView->setObjectName(QStringLiteral("skillsTableView"));
    m_skillsView->setAccessibleName(tr("Your skills"));
    m_skillsView->setModel(m_skillsModel);
    m_skillsView->setItemDelegateForColumn(SkillsModel::LevelColumn, new LevelDelegate(m_skillsView));
    m_skillsView->horizontalHeader()->setSectionResizeMode(SkillsModel::NameColumn, QHeaderView::Stretch);
    m_skillsView->horizontalHeader()->setSectionResizeMode(SkillsModel::LevelColumn, QHeaderView::Fixed);
    m_skillsView->horizontalHeader()->resizeSection(SkillsModel::LevelColumn, 230);
    m_skillsView->verticalHeader()->hide();
    m_skillsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_skillsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_skillsView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                  | QAbstractItemView::AnyKeyPressed);
    m_skillsView->setShowGrid(false);
    m_skillsView->setAlternatingRowColors(true);
    m_skillsView->setMinimumHeight(160);
    column->addWidget(m_skillsView);
    auto *skillButtons = new QHBoxLayout;
    auto *removeSkill = new QPushButton(tr("Remove Skill"), content);
    removeSkill->setObjectName(QStringLiteral("removeSkillButton"));
    connect(removeSkill, &QPushButton::clicked, this,
            [this] { m_skillsModel->removeSkill(m_skillsView->currentIndex().row()); });
    skillButtons->addWidget(removeSkill);
    auto *skillsError = new QLabel(content);
    skillsError->setObjectName(QStringLiteral("skillsErrorLabel"));
    skillsError->setTextFormat(Qt::PlainText);
    skillsError->setWordWrap(true);
    Theme::tint(skillsError, Theme::Tint::Negative);
    skillsError->hide();
    m_errors.insert(QStringLiteral("skills"), skillsError);
    skillButtons->addWidget(skillsError, 1);
    auto *skillsCounter = new QLabel(content);
    skillsCounter->setForegroundRole(QPalette::PlaceholderText);
    m_counters.insert(QStringLiteral("skills"), skillsCounter);
    skillButtons->addWidget(skillsCounter);
    column->addLayout(skillButtons);
    connect(m_skillsModel, &SkillsModel::skillsEdited, this, [this] { setModified(); });

    // Interests.
    section(tr("Interests"));
    auto *addInterestRow = new QHBoxLayout;
    m_interestLineEdit = new QLineEdit(content);
    m_interestLineEdit->setObjectName(QStringLiteral("interestLineEdit"));
    m_interestLineEdit->setAccessibleName(tr("New interest"));
    m_interestLineEdit->setPlaceholderText(tr("Add an interest, e.g. climbing"));
    m_interestLineEdit->setMaxLength(Limits::InterestMax);
    connect(m_interestLineEdit, &QLineEdit::returnPressed, this, &ProfileEditor::addInterest);
    addInterestRow->addWidget(m_interestLineEdit, 1);
    auto *addInterestButton = new QPushButton(tr("Add"), content);
    addInterestButton->setObjectName(QStringLiteral("addInterestButton"));
    addInterestButton->setAccessibleName(tr("Add interest"));
    connect(addInterestButton, &QPushButton::clicked, this, &ProfileEditor::addInterest);
    addInterestRow->addWidget(addInterestButton);
    column->addLayout(addInterestRow);
    m_interestsView = new QListView(content);
    m_interestsView->setObjectName(QStringLiteral("interestsListView"));
    m_interestsView->setAccessibleName(tr("Your interests"));
    m_interestsView->setModel(m_interestsModel);
    m_interestsView->setMinimumHeight(96);
    m_interestsView->setMaximumHeight(150);
    column->addWidget(m_interestsView);
    auto *interestButtons = new QHBoxLayout;
    auto *removeInterest = new QPushButton(tr("Remove Interest"), content);
    removeInterest->setObjectName(QStringLiteral("removeInterestButton"));
    connect(removeInterest, &QPushButton::clicked, this, [this] {
        const int row = m_interestsView->currentIndex().row();
        if (row >= 0) {
            m_interestsModel->removeRows(row, 1);
            setModified();
        }
    });
    interestButtons->addWidget(removeInterest);
    auto *interestsError = new QLabel(content);
    interestsError->setObjectName(QStringLiteral("interestsErrorLabel"));
    interestsError->setTextFormat(Qt::PlainText);
    Theme::tint(interestsError, Theme::Tint::Negative);
    interestsError->hide();
    m_errors.insert(QStringLiteral("interests"), interestsError);
    interestButtons->addWidget(interestsError, 1);
    column->addLayout(interestButtons);
    connect(m_interestsModel, &QStringListModel::dataChanged, this, [this] { setModified(); });

    // Bio.
    section(tr("About you"));
    m_bioEdit = new QPlainTextEdit(content);
    m_bioEdit->setObjectName(QStringLiteral("bioTextEdit"));
    m_bioEdit->setAccessibleName(tr("About you"));
    m_bioEdit->setPlaceholderText(tr("What you work on, what you can help with, how to reach you best."));
    m_bioEdit->setTabChangesFocus(true);
    m_bioEdit->setMinimumHeight(120);
    connect(m_bioEdit, &QPlainTextEdit::textChanged, this, [this] { setModified(); });
    column->addWidget(m_bioEdit);
    auto *bioBelow = new QHBoxLayout;
    auto *bioError = new QLabel(content);
    bioError->setObjectName(QStringLiteral("bioErrorLabel"));
    bioError->setTextFormat(Qt::PlainText);
    Theme::tint(bioError, Theme::Tint::Negative);
    bioError->hide();
    m_errors.insert(QStringLiteral("bio"), bioError);
    bioBelow->addWidget(bioError, 1);
    auto *bioCounter = new QLabel(content);
    bioCounter->setObjectName(QStringLiteral("bioCounterLabel"));
    bioCounter->setForegroundRole(QPalette::PlaceholderText);
    m_counters.insert(QStringLiteral("bio"), bioCounter);
    m_limits.insert(QStringLiteral("bio"), Limits::BioMax);
    bioBelow->addWidget(bioCounter);
    column->addLayout(bioBelow);
    column->addStretch();
    content->setMaximumWidth(760);
    auto *center = new QWidget(scroll);
    center->setBackgroundRole(QPalette::Base);
    center->setAutoFillBackground(true);
    auto *centerLayout = new QHBoxLayout(center);
    centerLayout->setContentsMargins(0, 0, 0, 0);
    centerLayout->addStretch(1);
    centerLayout->addWidget(content, 12);
    centerLayout->addStretch(1);
    scroll->setWidget(center);
    outer->addWidget(scroll, 1);

    Outbox *outbox = m_backend->sync()->outbox();
    connect(outbox, &Outbox::itemQueued, this, &ProfileEditor::onOutboxItem);
    connect(outbox, &Outbox::itemChanged, this, &ProfileEditor::onOutboxItem);
    connect(outbox, &Outbox::profileSaved, this, [this](const Profile &profile) {
        if (profile.username != m_backend->me())
            return;
        if (!m_modified)
            load();
        else
            m_base.revision = profile.revision;
        if (!m_photoAfterSave.isEmpty()) {
            uploadPhoto(std::exchange(m_photoAfterSave, {}));
            return;
        }
        showStatus(tr("Saved. Everyone sees your changes."));
    });
    connect(outbox, &Outbox::conflictDetected, this, &ProfileEditor::resolveConflict);
    validate();
}

void ProfileEditor::load()
{
    if (m_modified)
        return;
    const std::optional<Profile> mine = m_backend->profileByUsername(m_backend->me());
    m_loading = true;
    m_base = mine.value_or(Profile {});
    if (m_base.username.isEmpty())
        m_base.username = m_backend->me();
    m_nameLabel->setText(m_base.displayName.isEmpty() ? m_base.username : m_base.displayName);
    m_avatar->setPerson(m_base.username, m_base.displayName);
    m_avatar->setPhoto(m_newPhoto.isNull() ? m_backend->images()->photo(m_base.username) : m_newPhoto);
    m_lineEdits.value(QStringLiteral("display_name"))->setText(m_base.displayName);
    m_lineEdits.value(QStringLiteral("title"))->setText(m_base.title);
    m_lineEdits.value(QStringLiteral("department"))->setText(m_base.department);
    m_lineEdits.value(QStringLiteral("location"))->setText(m_base.location);
    m_lineEdits.value(QStringLiteral("email"))->setText(m_base.email);
    m_lineEdits.value(QStringLiteral("phone"))->setText(m_base.phone);
    m_timeZoneComboBox->setCurrentText(m_base.timeZone);
    m_skillsModel->setSkills(m_base.skills);
    m_interestsModel->setStringList(m_base.interests);
    m_bioEdit->setPlainText(m_base.bio);
    // Completion from the directory, so people converge on one spelling.
    auto *completer = new QCompleter(m_backend->skillNames(), m_skillLineEdit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchStartsWith);
    delete m_skillLineEdit->completer();
    m_skillLineEdit->setCompleter(completer);
    m_loading = false;
    m_modified = false;
    validate();
    if (mine)
        showStatus(tr("Last changed %1").arg(Theme::dateTimeText(m_base.updatedAt)));
    else
        showStatus(tr("Your profile has not reached this computer yet; what you save is sent when you are online."));
}

Profile ProfileEditor::editedProfile() const
{
    Profile p = m_base;
    p.displayName = m_lineEdits.value(QStringLiteral("display_name"))->text();
    p.title = m_lineEdits.value(QStringLiteral("title"))->text();
    p.department = m_lineEdits.value(QStringLiteral("department"))->text();
    p.location = m_lineEdits.value(QStringLiteral("location"))->text();
    p.email = m_lineEdits.value(QStringLiteral("email"))->text();
    p.phone = m_lineEdits.value(QStringLiteral("phone"))->text();
    p.timeZone = m_timeZoneComboBox->currentText();
    p.skills = m_skillsModel->skills();
    p.interests = m_interestsModel->stringList();
    p.bio = m_bioEdit->toPlainText();
    Validation::normalize(p);
    return p;
}

QString ProfileEditor::errorText(const QString &name) const
{
    const QLabel *label = m_errors.value(name);
    return label && !label->isHidden() ? label->text() : QString();
}

void ProfileEditor::setError(const QString &name, const QString &message)
{
    QLabel *label = m_errors.value(name);
    if (!label)
        return;
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void ProfileEditor::updateCounter(QLabel *counter, int length, int max)
{
    if (!counter)
        return;
    const bool show = length >= counterThreshold(max);
    counter->setVisible(show);
    if (show)
        counter->setText(tr("%1 / %2").arg(length).arg(max));
    Theme::tint(counter, length > max ? Theme::Tint::Negative : Theme::Tint::None);
}

bool ProfileEditor::isValid() const
{
    return Validation::validate(editedProfile()).isEmpty();
}

void ProfileEditor::validate()
{
    // Core decides; the editor puts each message next to its field.
    const Profile p = editedProfile();
    QHash<QString, QString> messages;
    for (const Error &error : Validation::validate(p)) {
        QString field = error.field.section(QLatin1Char('['), 0, 0).section(QLatin1Char('.'), 0, 0);
        if (!messages.contains(field))
            messages.insert(field, error.message);
    }
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        setError(it.key(), messages.value(it.key()));
    for (auto it = m_lineEdits.cbegin(); it != m_lineEdits.cend(); ++it)
        updateCounter(m_counters.value(it.key()), int(codePointCount(it.value()->text())), m_limits.value(it.key()));
    updateCounter(m_counters.value(QStringLiteral("bio")), int(codePointCount(m_bioEdit->toPlainText())),
                  Limits::BioMax);
    QLabel *skillsCounter = m_counters.value(QStringLiteral("skills"));
    skillsCounter->setText(tr("%1 of %2 skills").arg(m_skillsModel->rowCount()).arg(Limits::SkillsMax));
    for (auto it = m_lineEdits.cbegin(); it != m_lineEdits.cend(); ++it)
        it.value()->setAccessibleDescription(messages.value(it.key()));
    m_saveButton->setEnabled(messages.isEmpty() && m_modified && !m_backend->me().isEmpty());
    m_revertButton->setEnabled(m_modified);
}

void ProfileEditor::setModified(bool modified)
{
    if (m_loading)
        return;
    m_modified = modified;
    validate();
    if (modified)
        showStatus(tr("Unsaved changes"));
}

void ProfileEditor::addSkill()
{
    const QString error = m_skillsModel->addSkill(m_skillLineEdit->text(), m_levelSpinBox->value());
    setError(QStringLiteral("skills"), error);
    if (error.isEmpty()) {
        m_skillLineEdit->clear();
        m_skillsView->scrollToBottom();
    }
}

void ProfileEditor::addInterest()
{
    const QString text = m_interestLineEdit->text().simplified();
    QString error;
    if (text.isEmpty())
        error = tr("Type an interest first.");
    else if (const Error e = Validation::checkSingleLine(text, QStringLiteral("interests"), Limits::InterestMax, true))
        error = e.message;
    else if (m_interestsModel->stringList().size() >= Limits::InterestsMax)
        error = tr("You can list at most %1 interests.").arg(Limits::InterestsMax);
    else {
        for (const QString &existing : m_interestsModel->stringList()) {
            if (foldText(existing) == foldText(text))
                error = tr("%1 is already in your interests.").arg(existing);
        }
    }
    if (!error.isEmpty()) {
        QLabel *label = m_errors.value(QStringLiteral("interests"));
        label->setText(error);
        label->show();
        return;
    }
    const int row = m_interestsModel->rowCount();
    m_interestsModel->insertRows(row, 1);
    m_interestsModel->setData(m_interestsModel->index(row), text);
    m_interestLineEdit->clear();
    setModified();
}

void ProfileEditor::choosePhoto()
{
    QStringList filters;
    filters << tr("Images (*.jpg *.jpeg *.png)");
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a Photo"), QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
        filters.join(QStringLiteral(";;")));
    if (path.isEmpty())
        return;
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        QMessageBox::warning(
            this, tr("Cannot Use This Picture"),
            tr("The picture could not be read (%1). Choose a JPEG or PNG file.").arg(reader.errorString()));
        return;
    }
    PhotoCropDialog dialog(image, this);
    if (dialog.exec() == QDialog::Accepted)
        setPhoto(dialog.croppedImage());
}

void ProfileEditor::setPhoto(const QImage &image)
{
    m_newPhoto = image;
    m_avatar->setPhoto(image);
    setModified();
}

bool ProfileEditor::save()
{
    validate();
    const Profile edit = editedProfile();
    if (!Validation::validate(edit).isEmpty()) {
        showStatus(tr("Some fields need attention before saving."), true);
        return false;
    }
    Outbox *outbox = m_backend->sync()->outbox();
    const bool fieldsChanged = !(edit == m_base);
    if (fieldsChanged) {
        const Expected<QString> queued = outbox->saveProfile(edit, m_base.revision);
        if (!queued) {
            setError(queued.error().field.section(QLatin1Char('['), 0, 0), queued.error().message);
            showStatus(queued.error().message, true);
            return false;
        }
    }
    if (!m_newPhoto.isNull()) {
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        m_newPhoto.convertToFormat(QImage::Format_RGB32).save(&buffer, "JPEG", 90);
        // A new photo changes the profile's revision: sent together with a field save, it
        // would make that save look stale (412). It goes out once the fields are saved.
        if (fieldsChanged)
            m_photoAfterSave = jpeg;
        else
            uploadPhoto(jpeg);
        m_backend->images()->setPhoto(edit.username, m_newPhoto);
        m_newPhoto = {};
    }
    m_base = edit;
    m_modified = false;
    validate();
    showStatus(tr("Saving…"));
    Q_EMIT saved();
    return true;
}

void ProfileEditor::uploadPhoto(const QByteArray &jpeg)
{
    const Expected<QString> queued = m_backend->sync()->outbox()->uploadPhoto(jpeg, QByteArrayLiteral("image/jpeg"));
    if (!queued)
        showStatus(queued.error().message, true);
}

void ProfileEditor::showStatus(const QString &text, bool problem)
{
    m_statusLabel->setText(text);
    Theme::tint(m_statusLabel, problem ? Theme::Tint::Negative : Theme::Tint::None);
}

void ProfileEditor::onOutboxItem(const OutboxItem &item)
{
    if (item.kind != OutboxItem::Kind::Profile && item.kind != OutboxItem::Kind::Photo)
        return;
    switch (item.state) {
    case OutboxItem::State::Pending:
        if (item.attempts > 0)
            showStatus(tr("Waiting to send — will try again by itself (%1)").arg(item.errorMessage));
        else
            showStatus(tr("Waiting to send…"));
        break;
    case OutboxItem::State::Sending: showStatus(tr("Saving…")); break;
    case OutboxItem::State::Sent: break;
    case OutboxItem::State::Failed:
        if (!item.hasConflict())
            showStatus(tr("Not saved: %1").arg(item.errorMessage), true);
        break;
    }
}

void ProfileEditor::resolveConflict(const ProfileConflict &conflict)
{
    if (findChild<ConflictDialog *>())
        return;
    showStatus(tr("Your profile changed elsewhere — choose what to keep."), true);
    auto *dialog = new ConflictDialog(conflict, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id = conflict.outboxId] {
        Outbox *outbox = m_backend->sync()->outbox();
        switch (dialog->resolution()) {
        case ConflictDialog::Resolution::KeepMine: outbox->resolveKeepMine(id); break;
        case ConflictDialog::Resolution::TakeTheirs: outbox->resolveTakeTheirs(id); break;
        case ConflictDialog::Resolution::Merge: outbox->resolveMerge(id, dialog->takeTheirs()); break;
        }
        showStatus(tr("Saving…"));
    });
    dialog->open();
}

} // namespace Colleagues
