// SPDX-License-Identifier: MIT
#include "tests/support/SearchDirectory.h"

#include "core/Vocabulary.h"

#include <QDebug>

namespace Colleagues::Test {

bool SearchDirectory::open(const QList<Profile> &people)
{
    if (!dir.isValid() || !store.open(dir.path()) || !store.upsertProfiles(people)) {
        qWarning() << "cannot make the search directory in" << dir.path();
        return false;
    }
    engine = std::make_unique<SearchEngine>(&store);
    engine->setVocabulary(Vocabulary::defaults());
    return true;
}

QStringList usernames(const SearchPage &page)
{
    QStringList out;
    for (const SearchResult &result : page.results)
        out.append(result.username);
    return out;
}

} // namespace Colleagues::Test
