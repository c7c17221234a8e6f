// SPDX-License-Identifier: MIT
#pragma once

#include "core/Skill.h"
#include "core/Vocabulary.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;

namespace Colleagues {

class LinkButton;
class SkillsModel;

/*!
 * The skills of one's profile: a field to add a skill at a level (completed from the
 * directory's spellings), the skills as a table whose levels can be edited, Remove, the count
 * against Limits::SkillsMax, and the message when a skill cannot be added. A skill typed by
 * another name the vocabulary knows ("tf") gets its canonical name ("Terraform") suggested:
 * one click, or Enter, puts that in the field.
 */
class SkillsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit SkillsEditor(QWidget *parent = nullptr);

    void setSkills(const SkillList &skills);
    const SkillList &skills() const;
    //! The spellings the add field offers (the skills already in the directory).
    void setCompletions(const QStringList &skillNames);
    //! The skills' canonical names and aliases that suggestions come from.
    void setVocabulary(const Vocabulary &vocabulary);
    //! The canonical name suggested for what is typed now; empty when none.
    QString suggestion() const { return m_suggestion; }
    //! Shows \a message under the table (hides it when empty).
    void setError(const QString &message);
    QString errorText() const;

Q_SIGNALS:
    //! The user added, removed or changed a skill.
    void edited();

private:
    void addSkill();
    void updateCount();
    void updateSuggestion();
    void acceptSuggestion();

    SkillsModel *m_model;
    QLineEdit *m_skillLineEdit;
    LinkButton *m_suggestionButton;
    Vocabulary m_vocabulary;
    QString m_suggestion;
    QSpinBox *m_levelSpinBox;
    QTableView *m_skillsView;
    QLabel *m_errorLabel;
    QLabel *m_countLabel;
};

} // namespace Colleagues
