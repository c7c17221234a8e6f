// SPDX-License-Identifier: MIT
#pragma once

#include "client/search/PrefixTable.h"

#include <QString>
#include <QStringList>

namespace Colleagues {

//! A term of the query as the search engine searches it: the typed word, its corrections, and
//! where it is looked up (the prefix table when short, else FTS5).
struct PlanTerm
{
    QString folded; //!< as typed, folded
    QString token; //!< encoded index token
    QStringList corrections; //!< encoded tokens searched instead when the term is a likely typo
    PrefixTable::Term shortTerm; //!< valid when the prefix table answers the term
};

} // namespace Colleagues
