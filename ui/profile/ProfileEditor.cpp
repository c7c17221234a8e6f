// SPDX-License-Identifier: MIT
#include "ui/profile/ProfileEditor.h"

#include "client/ClientStore.h"
#include "client/sync/Outbox.h"
#include "client/sync/SyncClient.h"
#include "core/TextFold.h"
#include "core/Validation.h"
#include "ui/ClientBackend.h"
#include "ui/profile/ConflictDialog.h"
#include "ui/profile/PhotoCropDialog.h"
#include "ui/profile/SkillsEditor.h"
#include "ui/profile/ValidatedField.h"
#include "ui/profile/VisibilityPicker.h"
#include "ui/widgets/AvatarWidget.h"
#include "ui/widgets/ImageCache.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/Theme.h"

#include <QBuffer>
#include <QComboBox>
#include <QCompleter>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QStringListModel>
#include <QTimeZone>
#include <QVBoxLayout>

#include <utility>

namespace Colleagues {

namespace {

//! A section's title, with a little more room above it than between the rows of a section.
QLabel *sectionTitle(QLabel *label)
{
    label->setFont(Theme::scaledFont(label->font(), 1.05, QFont::DemiBold));
    label->setContentsMargins(0, Theme::SpaceM, 0, 0);
    return label;
}

QComboBox *timeZoneComboBox(QWidget *parent)
{
    auto *timeZones = new QComboBox(parent);
    timeZones->setObjectName(QStringLiteral("timeZoneComboBox"));
    timeZones->setAccessibleName(ProfileEditor::tr("Time zone"));
    timeZones->setEditable(true);
    timeZones->setInsertPolicy(QComboBox::NoInsert);
    timeZones->addItem(QString());
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        timeZones->addItem(QString::fromUtf8(id));
    timeZones->completer()->setFilterMode(Qt::MatchContains);
    timeZones->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    timeZones->completer()->setCompletionMode(QCompleter::PopupCompletion);
    return timeZones;
}

} // namespace

ProfileEditor::ProfileEditor(ClientBackend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
{
    setObjectName(QStringLiteral("profileEditor"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(buildHeader()); // with the actions, always visible
    outer->addWidget(Theme::hairline(this));

    outer->addWidget(buildContent(), 1);

    Outbox *outbox = m_backend->sync()->outbox();
    connect(outbox, &Outbox::itemQueued, this, &ProfileEditor::onOutboxItem);
    connect(outbox, &Outbox::itemChanged, this, &ProfileEditor::onOutboxItem);
    connect(outbox, &Outbox::profileSaved, this, &ProfileEditor::onProfileSaved);
    connect(outbox, &Outbox::conflictDetected, this, &ProfileEditor::resolveConflict);
    validate();
}

QWidget *ProfileEditor::buildContent()
{
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
    column->addWidget(buildPhotoRow(content));
    column->addLayout(buildForm(content));
    column->addWidget(sectionTitle(plainLabel(tr("Skills"), content)));
    m_skillsEditor = new SkillsEditor(content);
    connect(m_skillsEditor, &SkillsEditor::edited, this, [this] { setModified(); });
    // Suggestions come from the synced vocabulary, also while a profile is being edited.
    m_skillsEditor->setVocabulary(m_backend->store()->vocabulary());
    connect(m_backend->store(), &ClientStore::vocabularyChanged, this,
            [this] { m_skillsEditor->setVocabulary(m_backend->store()->vocabulary()); });
    column->addWidget(m_skillsEditor);
    column->addWidget(
        sectionWithPicker(sectionTitle(plainLabel(tr("Interests"), content)), PrivateField::Interests, content));
    column->addWidget(buildInterests(content));
    ValidatedField *bio = buildBio(content);
    column->addWidget(sectionWithPicker(sectionTitle(bio->label()), PrivateField::Bio, content));
    column->addWidget(bio);
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
    return scroll;
}

VisibilityPicker *ProfileEditor::visibilityPicker(PrivateField field, QWidget *parent)
{
    auto *picker = new VisibilityPicker(field, parent);
    connect(picker, &VisibilityPicker::edited, this, [this] { setModified(); });
    m_visibility.append(picker);
    return picker;
}

QWidget *ProfileEditor::sectionWithPicker(QWidget *title, PrivateField field, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title, 1);
    layout->addWidget(plainLabel(tr("Visible to:"), row));
    layout->addWidget(visibilityPicker(field, row));
    return row;
}

QWidget *ProfileEditor::buildHeader()
{
    auto *header = new QWidget(this);
    header->setBackgroundRole(QPalette::Base);
    header->setAutoFillBackground(true);
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(Theme::SpaceXXL, Theme::SpaceL, Theme::SpaceXXL, Theme::SpaceL);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(headingLabel(tr("Edit my profile"), header, 1.3, QStringLiteral("editorTitleLabel")));
    m_statusLabel = plainLabel(header, QStringLiteral("editorStatusLabel"));
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
    return header;
}

QWidget *ProfileEditor::buildPhotoRow(QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *photoRow = new QHBoxLayout(row);
    photoRow->setContentsMargins(0, 0, 0, 0);
    photoRow->setSpacing(Theme::SpaceXL);
    m_avatar = new AvatarWidget(88, row);
    m_avatar->setObjectName(QStringLiteral("editorAvatarWidget"));
    photoRow->addWidget(m_avatar);
    auto *photoSide = new QVBoxLayout;
    m_nameLabel = headingLabel(QString(), row, 1.1);
    photoSide->addWidget(m_nameLabel);
    auto *choosePhoto = new QPushButton(tr("Choose Photo…"), row);
    choosePhoto->setObjectName(QStringLiteral("choosePhotoButton"));
    connect(choosePhoto, &QPushButton::clicked, this, &ProfileEditor::choosePhoto);
    auto *photoButtons = new QHBoxLayout;
    photoButtons->addWidget(choosePhoto);
    photoButtons->addSpacing(Theme::SpaceL);
    photoButtons->addWidget(plainLabel(tr("Visible to:"), row));
    photoButtons->addWidget(visibilityPicker(PrivateField::Photo, row));
    photoButtons->addStretch(1);
    photoSide->addLayout(photoButtons);
    QLabel *photoHint = plainLabel(tr("JPEG or PNG; you can crop it to a square."), row);
    photoHint->setForegroundRole(QPalette::PlaceholderText);
    photoSide->addWidget(photoHint);
    photoRow->addLayout(photoSide, 1);
    return row;
}

QLayout *ProfileEditor::buildForm(QWidget *parent)
{
    auto *form = new QFormLayout;
    form->setHorizontalSpacing(Theme::SpaceXL);
    form->setVerticalSpacing(Theme::SpaceM);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    // In the order of the form, which is the order Tab goes through.
    auto add = [&](ValidatedField *field, std::optional<PrivateField> privateField = std::nullopt) {
        m_fields.insert(field->name(), field);
        connect(field, &ValidatedField::edited, this, [this] { setModified(); });
        if (!privateField) {
            form->addRow(field->label(), field);
            return;
        }
        // The picker sits beside the field, aligned with its input, not with its error line.
        auto *row = new QWidget(parent);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(field, 1);
        layout->addWidget(visibilityPicker(*privateField, row), 0, Qt::AlignTop);
        form->addRow(field->label(), row);
    };
    add(ValidatedField::lineEdit(QStringLiteral("display_name"), tr("&Name:"), Limits::DisplayNameMax,
                                 tr("Your full name"), parent));
    add(ValidatedField::lineEdit(QStringLiteral("title"), tr("&Title:"), Limits::TitleMax,
                                 tr("e.g. Site Reliability Engineer"), parent));
    add(ValidatedField::lineEdit(QStringLiteral("department"), tr("&Department:"), Limits::DepartmentMax,
                                 tr("e.g. Data Platform"), parent));
    add(ValidatedField::lineEdit(QStringLiteral("location"), tr("&Location:"), Limits::LocationMax, tr("e.g. Berlin"),
                                 parent),
        PrivateField::Location);
    // Time zones are picked from the list: no counter.
    add(new ValidatedField(QStringLiteral("time_zone"), tr("Time &zone:"), timeZoneComboBox(parent), 0, parent));
    add(ValidatedField::lineEdit(QStringLiteral("email"), tr("&Email:"), Limits::EmailMax, tr("name@example.com"),
                                 parent),
        PrivateField::Email);
    add(ValidatedField::lineEdit(QStringLiteral("phone"), tr("&Phone:"), Limits::PhoneMax, tr("+49 30 1234567"),
                                 parent),
        PrivateField::Phone);
    return form;
}

QWidget *ProfileEditor::buildInterests(QWidget *parent)
{
    auto *box = new QWidget(parent);
    box->setObjectName(QStringLiteral("interestsEditorWidget"));
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(Theme::SpaceL);
    m_interestsModel = new QStringListModel(this);
    m_interestsModel->setObjectName(QStringLiteral("interestsModel"));
    auto *addRow = new QHBoxLayout;
    m_interestLineEdit = new QLineEdit(box);
    m_interestLineEdit->setObjectName(QStringLiteral("interestLineEdit"));
    m_interestLineEdit->setAccessibleName(tr("New interest"));
    m_interestLineEdit->setPlaceholderText(tr("Add an interest, e.g. climbing"));
    m_interestLineEdit->setMaxLength(Limits::InterestMax);
    connect(m_interestLineEdit, &QLineEdit::returnPressed, this, &ProfileEditor::addInterest);
    addRow->addWidget(m_interestLineEdit, 1);
    auto *addButton = new QPushButton(tr("Add"), box);
    addButton->setObjectName(QStringLiteral("addInterestButton"));
    addButton->setAccessibleName(tr("Add interest"));
    connect(addButton, &QPushButton::clicked, this, &ProfileEditor::addInterest);
    addRow->addWidget(addButton);
    column->addLayout(addRow);
    m_interestsView = new QListView(box);
    m_interestsView->setObjectName(QStringLiteral("interestsListView"));
    m_interestsView->setAccessibleName(tr("Your interests"));
    m_interestsView->setModel(m_interestsModel);
    m_interestsView->setMinimumHeight(96);
    m_interestsView->setMaximumHeight(150);
    column->addWidget(m_interestsView);
    auto *belowRow = new QHBoxLayout;
    auto *removeButton = new QPushButton(tr("Remove Interest"), box);
    removeButton->setObjectName(QStringLiteral("removeInterestButton"));
    connect(removeButton, &QPushButton::clicked, this, [this] {
        const int row = m_interestsView->currentIndex().row();
        if (row >= 0) {
            m_interestsModel->removeRows(row, 1);
            setModified();
        }
    });
    belowRow->addWidget(removeButton);
    m_interestsErrorLabel = plainLabel(box, QStringLiteral("interestsErrorLabel"));
    Theme::tint(m_interestsErrorLabel, Theme::Tint::Negative);
    m_interestsErrorLabel->hide();
    belowRow->addWidget(m_interestsErrorLabel, 1);
    column->addLayout(belowRow);
    connect(m_interestsModel, &QStringListModel::dataChanged, this, [this] { setModified(); });
    return box;
}

ValidatedField *ProfileEditor::buildBio(QWidget *parent)
{
    auto *bio = new QPlainTextEdit(parent);
    bio->setObjectName(QStringLiteral("bioTextEdit"));
    bio->setAccessibleName(tr("About you"));
    bio->setPlaceholderText(tr("What you work on, what you can help with, how to reach you best."));
    bio->setTabChangesFocus(true);
    bio->setMinimumHeight(120);
    // Its label is the section's title.
    auto *field = new ValidatedField(QStringLiteral("bio"), tr("About you"), bio, Limits::BioMax, parent);
    m_fields.insert(field->name(), field);
    connect(field, &ValidatedField::edited, this, [this] { setModified(); });
    return field;
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
    field(QStringLiteral("display_name"))->setText(m_base.displayName);
    field(QStringLiteral("title"))->setText(m_base.title);
    field(QStringLiteral("department"))->setText(m_base.department);
    field(QStringLiteral("location"))->setText(m_base.location);
    field(QStringLiteral("time_zone"))->setText(m_base.timeZone);
    field(QStringLiteral("email"))->setText(m_base.email);
    field(QStringLiteral("phone"))->setText(m_base.phone);
    m_skillsEditor->setSkills(m_base.skills);
    m_interestsModel->setStringList(m_base.interests);
    field(QStringLiteral("bio"))->setText(m_base.bio);
    for (VisibilityPicker *picker : std::as_const(m_visibility)) {
        picker->setVisibility(m_base.visibility.effective(picker->field()));
        picker->setLocked(m_base.visibilityLocked.contains(picker->field()));
    }
    m_skillsEditor->setCompletions(m_backend->skillNames());
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
    p.displayName = field(QStringLiteral("display_name"))->text();
    p.title = field(QStringLiteral("title"))->text();
    p.department = field(QStringLiteral("department"))->text();
    p.location = field(QStringLiteral("location"))->text();
    p.email = field(QStringLiteral("email"))->text();
    p.phone = field(QStringLiteral("phone"))->text();
    p.timeZone = field(QStringLiteral("time_zone"))->text();
    p.skills = m_skillsEditor->skills();
    p.interests = m_interestsModel->stringList();
    p.bio = field(QStringLiteral("bio"))->text();
    // Only the audiences changed here are sent: a field never chosen keeps following the
    // company's default.
    p.visibility = {};
    for (const VisibilityPicker *picker : m_visibility) {
        if (picker->visibility() != m_base.visibility.effective(picker->field()))
            p.visibility.set(picker->field(), picker->visibility());
    }
    Validation::normalize(p);
    return p;
}

QString ProfileEditor::errorText(const QString &name) const
{
    if (const ValidatedField *f = field(name))
        return f->errorText();
    if (name == QLatin1String("skills"))
        return m_skillsEditor->errorText();
    if (name == QLatin1String("interests") && !m_interestsErrorLabel->isHidden())
        return m_interestsErrorLabel->text();
    return {};
}

void ProfileEditor::setError(const QString &name, const QString &message)
{
    if (ValidatedField *f = field(name)) {
        f->setError(message);
    } else if (name == QLatin1String("skills")) {
        m_skillsEditor->setError(message);
    } else if (name == QLatin1String("interests")) {
        m_interestsErrorLabel->setText(message);
        m_interestsErrorLabel->setVisible(!message.isEmpty());
    }
}

bool ProfileEditor::isValid() const
{
    return Validation::validate(editedProfile()).isEmpty();
}

void ProfileEditor::validate()
{
    // Core decides; the editor puts each message next to its field.
    const QHash<QString, QString> messages = ValidatedField::messagesByField(Validation::validate(editedProfile()));
    for (ValidatedField *f : std::as_const(m_fields))
        f->setError(messages.value(f->name()));
    for (const QString &name : {QStringLiteral("skills"), QStringLiteral("interests")})
        setError(name, messages.value(name));
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
        setError(QStringLiteral("interests"), error);
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

void ProfileEditor::onProfileSaved(const Profile &profile)
{
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
