// SPDX-License-Identifier: MIT
#include "ui/profile/SkillsEditor.h"

#include "core/TextFold.h"
#include "core/Validation.h"
#include "ui/profile/SkillsModel.h"
#include "ui/widgets/LinkButton.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/Theme.h"

#include <QCompleter>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace Colleagues {

namespace {

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
        spin->setAccessibleName(SkillsEditor::tr("Level"));
        return spin;
    }
};

} // namespace

SkillsEditor::SkillsEditor(QWidget *parent)
    : QWidget(parent)
    , m_model(new SkillsModel(this))
{
    setObjectName(QStringLiteral("skillsEditor"));
    m_model->setObjectName(QStringLiteral("skillsModel"));
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(Theme::SpaceL);
    column->addWidget(hintLabel(tr("What people can ask you about, from 1 (beginner) to 5 (expert). Pick an existing "
                                   "spelling from the list so people find you."),
                                this));

    auto *addRow = new QHBoxLayout;
    m_skillLineEdit = new QLineEdit(this);
    m_skillLineEdit->setObjectName(QStringLiteral("skillLineEdit"));
    m_skillLineEdit->setAccessibleName(tr("New skill"));
    m_skillLineEdit->setPlaceholderText(tr("Add a skill, e.g. Kubernetes"));
    m_skillLineEdit->setMaxLength(Limits::SkillNameMax);
    // Enter takes a suggested name first, then adds.
    connect(m_skillLineEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_suggestion.isEmpty())
            addSkill();
        else
            acceptSuggestion();
    });
    connect(m_skillLineEdit, &QLineEdit::textChanged, this, &SkillsEditor::updateSuggestion);
    addRow->addWidget(m_skillLineEdit, 1);
    m_levelSpinBox = new QSpinBox(this);
    m_levelSpinBox->setObjectName(QStringLiteral("levelSpinBox"));
    m_levelSpinBox->setAccessibleName(tr("Level of the new skill"));
    m_levelSpinBox->setRange(Limits::SkillLevelMin, Limits::SkillLevelMax);
    m_levelSpinBox->setValue(3);
    m_levelSpinBox->setPrefix(tr("Level "));
    addRow->addWidget(m_levelSpinBox);
    auto *addButton = new QPushButton(tr("Add"), this);
    addButton->setObjectName(QStringLiteral("addSkillButton"));
    addButton->setAccessibleName(tr("Add skill"));
    connect(addButton, &QPushButton::clicked, this, &SkillsEditor::addSkill);
    addRow->addWidget(addButton);
    column->addLayout(addRow);
    m_suggestionButton = new LinkButton(QString(), this);
    m_suggestionButton->setObjectName(QStringLiteral("skillSuggestionButton"));
    m_suggestionButton->hide();
    connect(m_suggestionButton, &LinkButton::clicked, this, &SkillsEditor::acceptSuggestion);
    column->addWidget(m_suggestionButton, 0, Qt::AlignLeft);

    m_skillsView = new QTableView(this);
    m_skillsView->setObjectName(QStringLiteral("skillsTableView"));
    m_skillsView->setAccessibleName(tr("Your skills"));
    m_skillsView->setModel(m_model);
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

    auto *belowRow = new QHBoxLayout;
    auto *removeButton = new QPushButton(tr("Remove Skill"), this);
    removeButton->setObjectName(QStringLiteral("removeSkillButton"));
    connect(removeButton, &QPushButton::clicked, this,
            [this] { m_model->removeSkill(m_skillsView->currentIndex().row()); });
    belowRow->addWidget(removeButton);
    m_errorLabel = errorLabel(this, QStringLiteral("skillsErrorLabel"));
    belowRow->addWidget(m_errorLabel, 1);
    m_countLabel = plainLabel(this, QStringLiteral("skillsCountLabel"));
    m_countLabel->setForegroundRole(QPalette::PlaceholderText);
    belowRow->addWidget(m_countLabel);
    column->addLayout(belowRow);

    connect(m_model, &SkillsModel::skillsEdited, this, &SkillsEditor::edited);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SkillsEditor::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &SkillsEditor::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &SkillsEditor::updateCount);
    updateCount();
}

void SkillsEditor::setSkills(const SkillList &skills)
{
    m_model->setSkills(skills);
}

const SkillList &SkillsEditor::skills() const
{
    return m_model->skills();
}

void SkillsEditor::setCompletions(const QStringList &skillNames)
{
    // Completion from the directory, so people converge on one spelling.
    auto *completer = new QCompleter(skillNames, m_skillLineEdit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchStartsWith);
    delete m_skillLineEdit->completer();
    m_skillLineEdit->setCompleter(completer);
}

void SkillsEditor::setVocabulary(const Vocabulary &vocabulary)
{
    m_vocabulary = vocabulary;
    updateSuggestion();
}

void SkillsEditor::updateSuggestion()
{
    // A skill the vocabulary knows by what was typed, spelled otherwise: an alias ("tf"), or
    // its name in other letter case ("terraform").
    const QString typed = m_skillLineEdit->text().trimmed();
    m_suggestion.clear();
    if (!typed.isEmpty()) {
        for (const VocabularyEntry *entry : m_vocabulary.lookup(foldText(typed))) {
            if (entry->kind == VocabularyEntry::Kind::Skill) {
                if (entry->canonical != typed)
                    m_suggestion = entry->canonical;
                break;
            }
        }
    }
    m_suggestionButton->setText(tr("Profiles call it \u201c%1\u201d \u2014 use that name (Enter)").arg(m_suggestion));
    m_suggestionButton->setAccessibleName(tr("Use the name %1").arg(m_suggestion));
    m_suggestionButton->setVisible(!m_suggestion.isEmpty());
}

void SkillsEditor::acceptSuggestion()
{
    if (m_suggestion.isEmpty())
        return;
    m_skillLineEdit->setText(m_suggestion); // updates the suggestion: none now
    m_skillLineEdit->setFocus();
}

void SkillsEditor::setError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

QString SkillsEditor::errorText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void SkillsEditor::addSkill()
{
    const QString error = m_model->addSkill(m_skillLineEdit->text(), m_levelSpinBox->value());
    setError(error);
    if (error.isEmpty()) {
        m_skillLineEdit->clear();
        m_skillsView->scrollToBottom();
    }
}

void SkillsEditor::updateCount()
{
    m_countLabel->setText(tr("%1 of %2 skills").arg(m_model->rowCount()).arg(Limits::SkillsMax));
}

} // namespace Colleagues
