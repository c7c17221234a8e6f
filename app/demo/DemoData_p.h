// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The tables the demo company is drawn from: name cultures, offices, departments and their
// teams, the skill taxonomy, interests and the pieces bios are written from.
namespace Colleagues::Demo {

//! One given or family name, in its own script and in Latin letters.
struct NamePart
{
    QString display; //!< as the person writes it: "Müller", "美咲", "Иванова"
    QString latin; //!< Latin spelling; equals display for Latin-script names
    QString slug; //!< folded, a-z and 0-9 only: what usernames are built from
};

struct Culture
{
    QString id;
    QList<NamePart> female;
    QList<NamePart> male;
    QList<NamePart> family; //!< male (or neutral) forms
    QList<NamePart> familyFemale; //!< parallel to family
    bool nativeScript = false; //!< names have a non-Latin native form
    bool familyFirst = false; //!< native order is family name first (Japanese, Chinese, Korean)
    bool joined = false; //!< native form has no space between the names (Chinese, Korean)
    QStringList languages; //!< spoken languages (taxonomy names) a native speaker may list
};

struct Office
{
    QString city;
    QString timeZone; //!< IANA id
    QString phonePattern; //!< '#' is a random digit
    QString region; //!< "EMEA", "Americas", "APAC"
    int weight = 1; //!< relative head count
    QList<int> cultures; //!< indexes into cultures(), parallel to cultureWeights
    QList<int> cultureWeights;
};

struct Team
{
    QString name; //!< shown as the department of its members: "Data Platform"
    QStringList icRoles; //!< "Software Engineer"; seniority prefixes are added
    QString managerTitle; //!< "Engineering Manager"
    QStringList coreSkills; //!< taxonomy names, most likely for members
    QStringList focus; //!< what the team works on, for bios: "our Kubernetes clusters"
};

struct Department
{
    QString name; //!< "Engineering"
    QString headTitle; //!< "VP of Engineering"
    int weight = 1; //!< share of the company, in per cent
    bool technical = false; //!< seniority says "Staff" rather than "Lead"
    QList<Team> teams;
    QStringList secondarySkills; //!< taxonomy names shared across the department's teams
};

const QList<Culture> &cultures();
const QList<Office> &offices();
const QList<Department> &departments();
//! Every skill, each with a distinct canonical key.
const QStringList &skillTaxonomy();
//! The spoken languages in the taxonomy.
const QStringList &spokenLanguages();
//! Skills anyone may have, whatever their department.
const QStringList &generalSkills();
const QStringList &interestNames();

//! Sentence templates for bios; placeholders are filled by the generator.
const QStringList &bioOpeners();
const QStringList &bioLeaderOpeners();
const QStringList &bioFocusSentences();
const QStringList &bioSkillSentences();
const QStringList &bioPersonalSentences();
const QStringList &funFacts();
const QStringList &pastEmployers();

//! Problems in the tables (a team skill missing from the taxonomy, an empty name list...);
//! empty when they are consistent. Checked by the tests.
QStringList dataProblems();

} // namespace Colleagues::Demo
