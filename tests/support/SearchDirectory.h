// SPDX-License-Identifier: MIT
#pragma once

#include "client/ClientStore.h"
#include "client/search/SearchEngine.h"

#include <QTemporaryDir>

#include <memory>

namespace Colleagues::Test {

//! A directory to search, made here: a store in a temporary folder holding the given people, and a
//! search engine over it that reads queries with the default vocabulary, as the app does.
struct SearchDirectory
{
    //! Opens the store and imports \a people; false (with a warning) on failure.
    bool open(const QList<Profile> &people);

    QTemporaryDir dir;
    ClientStore store;
    std::unique_ptr<SearchEngine> engine;
};

//! The usernames of \a page's results, in their order.
QStringList usernames(const SearchPage &page);

} // namespace Colleagues::Test
