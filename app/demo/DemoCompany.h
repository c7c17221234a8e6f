// SPDX-License-Identifier: MIT
#pragma once

#include "core/Profile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Colleagues {

//! A sign-in of the demo company with a known password, for trying the app out.
struct DemoAccount
{
    QString username;
    QString password;
    bool admin = false;
};

//! A generated company: its people (ids left empty; the server assigns them) and the demo
//! accounts among them.
struct DemoCompanyData
{
    QList<Profile> profiles;
    QList<DemoAccount> accounts; //!< each one's profile is in profiles
    QString companyName;
    QString emailDomain;
};

//! Generates a realistic, deterministic company of \a people people for \a seed: one CEO,
//! departments with VPs, directors, managers and individual contributors in about twenty
//! offices, with international names, titles, skills, interests, bios and phones. Every
//! profile passes Validation::validate(); the same arguments always give the same company.
//! The demo accounts (ada, grace, admin, zoe, misaki) are placed in the tree in that order
//! while there are people left to be them, so small companies have fewer of them.
DemoCompanyData generateDemoCompany(int people = 400, quint64 seed = 1);

//! Every skill the generator knows, each with a distinct canonicalSkillKey().
QStringList demoSkillTaxonomy();

} // namespace Colleagues
