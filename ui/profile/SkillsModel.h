// SPDX-License-Identifier: MIT
#pragma once

#include "core/Skill.h"

#include <QAbstractTableModel>

namespace Colleagues {

//! The skills being edited, as a table of name and level (1–5). Refuses what Core's rules
//! refuse: empty or over-long names, a skill listed twice (by canonical key), levels outside
//! 1–5, more than Limits::SkillsMax skills.
class SkillsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, LevelColumn, ColumnCount };

    explicit SkillsModel(QObject *parent = nullptr);

    void setSkills(const SkillList &skills);
    const SkillList &skills() const { return m_skills; }
    //! Adds a skill; returns an empty string, or why it cannot be added.
    QString addSkill(const QString &name, int level);
    void removeSkill(int row);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void skillsEdited();

private:
    int rowOfKey(const QString &key) const;

    SkillList m_skills;
};

} // namespace Colleagues
