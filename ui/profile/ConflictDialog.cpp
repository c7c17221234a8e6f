// SPDX-License-Identifier: MIT
#include "ui/profile/ConflictDialog.h"

#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/Theme.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Colleagues {

ConflictDialog::ConflictDialog(const ProfileConflict &conflict, QWidget *parent)
    : QDialog(parent)
    , m_conflict(conflict)
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Your Profile Changed Elsewhere"));
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(Theme::SpaceL);
    QLabel *title = headingLabel(tr("Your profile was changed somewhere else while you were editing it."), this, 1.15);
    title->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(
        hintLabel(tr("Nothing has been overwritten. Choose which version to keep for each field that differs."), this));

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *grid = new QGridLayout(content);
    grid->setHorizontalSpacing(Theme::SpaceXL);
    grid->setVerticalSpacing(Theme::SpaceM);
    grid->addWidget(captionLabel(tr("Field"), content), 0, 0);
    grid->addWidget(captionLabel(tr("Your version"), content), 0, 1);
    grid->addWidget(captionLabel(tr("Version on the server"), content), 0, 2);
    int row = 1;
    for (const QString &field : m_conflict.differingFields()) {
        auto *group = new QButtonGroup(content);
        grid->addWidget(headingLabel(fieldLabel(field), content, 1.0), row, 0, Qt::AlignTop);
        auto *mine = new QRadioButton(tr("Keep mine"), content);
        mine->setObjectName(QStringLiteral("mineRadioButton"));
        mine->setAccessibleName(tr("Keep my %1").arg(fieldLabel(field)));
        mine->setChecked(true);
        auto *theirs = new QRadioButton(tr("Take this"), content);
        theirs->setObjectName(QStringLiteral("theirsRadioButton"));
        theirs->setAccessibleName(tr("Take the server's %1").arg(fieldLabel(field)));
        group->addButton(mine);
        group->addButton(theirs);
        m_theirs.insert(field, theirs);
        auto *mineBox = new QVBoxLayout;
        mineBox->addWidget(mine);
        mineBox->addWidget(valueLabel(fieldValue(m_conflict.mine, field), content));
        auto *theirsBox = new QVBoxLayout;
        theirsBox->addWidget(theirs);
        theirsBox->addWidget(valueLabel(fieldValue(m_conflict.theirs, field), content));
        grid->addLayout(mineBox, row, 1, Qt::AlignTop);
        grid->addLayout(theirsBox, row, 2, Qt::AlignTop);
        ++row;
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    grid->setRowStretch(row, 1);
    scroll->setWidget(content);
    layout->addWidget(scroll, 1);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *keepMine = buttons->addButton(tr("Keep All Mine"), QDialogButtonBox::AcceptRole);
    keepMine->setObjectName(QStringLiteral("keepMineButton"));
    QPushButton *takeTheirs = buttons->addButton(tr("Take All Theirs"), QDialogButtonBox::DestructiveRole);
    takeTheirs->setObjectName(QStringLiteral("takeTheirsButton"));
    QPushButton *merge = buttons->addButton(tr("Use My Choices"), QDialogButtonBox::ApplyRole);
    merge->setObjectName(QStringLiteral("useChoicesButton"));
    merge->setDefault(true);
    connect(keepMine, &QPushButton::clicked, this, [this] { finish(Resolution::KeepMine); });
    connect(takeTheirs, &QPushButton::clicked, this, [this] { finish(Resolution::TakeTheirs); });
    connect(merge, &QPushButton::clicked, this, [this] { finish(Resolution::Merge); });
    layout->addWidget(buttons);
    resize(720, 480);
}

QStringList ConflictDialog::takeTheirs() const
{
    QStringList fields;
    for (auto it = m_theirs.cbegin(); it != m_theirs.cend(); ++it) {
        if (it.value()->isChecked())
            fields.append(it.key());
    }
    fields.sort();
    return fields;
}

void ConflictDialog::chooseTheirs(const QString &field, bool theirs)
{
    if (QRadioButton *button = m_theirs.value(field)) {
        if (theirs)
            button->setChecked(true);
        else
            button->group()->buttons().constFirst()->setChecked(true);
    }
}

void ConflictDialog::finish(Resolution resolution)
{
    m_resolution = resolution;
    accept();
}

QString ConflictDialog::fieldLabel(const QString &field)
{
    static const QHash<QString, const char *> labels {
        {QStringLiteral("display_name"), QT_TR_NOOP("Name")},
        {QStringLiteral("title"), QT_TR_NOOP("Title")},
        {QStringLiteral("department"), QT_TR_NOOP("Department")},
        {QStringLiteral("location"), QT_TR_NOOP("Location")},
        {QStringLiteral("time_zone"), QT_TR_NOOP("Time zone")},
        {QStringLiteral("email"), QT_TR_NOOP("Email")},
        {QStringLiteral("phone"), QT_TR_NOOP("Phone")},
        {QStringLiteral("manager"), QT_TR_NOOP("Manager")},
        {QStringLiteral("bio"), QT_TR_NOOP("About")},
        {QStringLiteral("skills"), QT_TR_NOOP("Skills")},
        {QStringLiteral("interests"), QT_TR_NOOP("Interests")},
        {QStringLiteral("photo_tag"), QT_TR_NOOP("Photo")},
    };
    const char *label = labels.value(field);
    return label ? tr(label) : field;
}

QString ConflictDialog::fieldValue(const Profile &profile, const QString &field)
{
    const QJsonValue value = toJson(profile).value(field);
    QString text;
    if (value.isArray()) {
        QStringList items;
        for (const QJsonValue &item : value.toArray()) {
            if (item.isObject())
                items.append(tr("%1 (level %2)")
                                 .arg(item.toObject().value(QStringLiteral("name")).toString())
                                 .arg(item.toObject().value(QStringLiteral("level")).toInt()));
            else
                items.append(item.toString());
        }
        text = items.join(QStringLiteral(", "));
    } else if (value.isDouble()) {
        text = QString::number(value.toDouble());
    } else {
        text = value.toString();
    }
    return text.isEmpty() ? tr("(empty)") : text;
}

} // namespace Colleagues
