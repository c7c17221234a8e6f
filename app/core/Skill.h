// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace Colleagues {

//! A skill a person has, with a self-assessed level from 1 (beginner) to 5 (expert).
struct Skill
{
    QString name;
    int level = 3;

    friend bool operator==(const Skill &, const Skill &) = default;
};

using SkillList = QList<Skill>;

} // namespace Colleagues
