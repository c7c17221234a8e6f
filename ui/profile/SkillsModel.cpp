// SPDX-License-Identifier: MIT
#include "ui/profile/SkillsModel.h"

#include "core/TextFold.h"
#include "core/Validation.h"
#include "ui/widgets/Chip.h"

namespace Colleagues {

SkillsModel::SkillsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void SkillsModel::setSkills(const SkillList &skills)
{
    beginResetModel();
    m_skills = skills;
    endResetModel();
}

int SkillsModel::rowOfKey(const QString &key) const
{
    for (qsizetype i = 0; i < m_skills.size(); ++i) {
        if (canonicalSkillKey(m_skills.at(i).name) == key)
            return int(i);
    }
    return -1;
}

QString SkillsModel::addSkill(const QString &name, int level)
{
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty())
        return tr("Type a skill name first.");
    const Error nameError = Validation::checkSingleLine(trimmed, QStringLiteral("skill"), Limits::SkillNameMax, true);
    if (nameError)
        return nameError.message;
    if (level < Limits::SkillLevelMin || level > Limits::SkillLevelMax)
        return tr("A level is from %1 to %2.").arg(Limits::SkillLevelMin).arg(Limits::SkillLevelMax);
    const int existing = rowOfKey(canonicalSkillKey(trimmed));
    if (existing >= 0)
        return tr("%1 is already in your skills.").arg(m_skills.at(existing).name);
    if (m_skills.size() >= Limits::SkillsMax)
        return tr("You can list at most %1 skills.").arg(Limits::SkillsMax);
    beginInsertRows({}, int(m_skills.size()), int(m_skills.size()));
    m_skills.append({trimmed, level});
    endInsertRows();
    Q_EMIT skillsEdited();
    return {};
}

void SkillsModel::removeSkill(int row)
{
    if (row < 0 || row >= m_skills.size())
        return;
    beginRemoveRows({}, row, row);
    m_skills.removeAt(row);
    endRemoveRows();
    Q_EMIT skillsEdited();
}

int SkillsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_skills.size());
}

int SkillsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SkillsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Skill &skill = m_skills.at(index.row());
    if (role == Qt::AccessibleTextRole)
        return Chip::accessibleText(skill.name, skill.level);
    if (index.column() == NameColumn && (role == Qt::DisplayRole || role == Qt::EditRole))
        return skill.name;
    if (index.column() == LevelColumn && (role == Qt::DisplayRole || role == Qt::EditRole))
        return skill.level;
    if (index.column() == LevelColumn && role == Qt::ToolTipRole) {
        static const char *const names[] = {QT_TR_NOOP("Beginner"), QT_TR_NOOP("Some experience"),
                                            QT_TR_NOOP("Competent"), QT_TR_NOOP("Advanced"), QT_TR_NOOP("Expert")};
        return tr(names[std::clamp(skill.level, 1, 5) - 1]);
    }
    return {};
}

QVariant SkillsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == NameColumn ? tr("Skill") : tr("Level");
}

Qt::ItemFlags SkillsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

bool SkillsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Skill &skill = m_skills[index.row()];
    if (index.column() == NameColumn) {
        const QString name = value.toString().simplified();
        if (Validation::checkSingleLine(name, QStringLiteral("skill"), Limits::SkillNameMax, true))
            return false;
        const int other = rowOfKey(canonicalSkillKey(name));
        if (other >= 0 && other != index.row())
            return false;
        if (name == skill.name)
            return true;
        skill.name = name;
    } else {
        bool ok = false;
        const int level = value.toInt(&ok);
        if (!ok || level < Limits::SkillLevelMin || level > Limits::SkillLevelMax)
            return false;
        if (level == skill.level)
            return true;
        skill.level = level;
    }
    Q_EMIT dataChanged(index, index);
    Q_EMIT skillsEdited();
    return true;
}

} // namespace Colleagues
