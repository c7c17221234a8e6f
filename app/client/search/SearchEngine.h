// SPDX-License-Identifier: MIT
#pragma once

#include "client/search/SearchTypes.h"
#include "core/Profile.h"

#include <QObject>

#include <memory>
#include <optional>

namespace Colleagues {

class ClientStore;
class OrgChart;
class Vocabulary;

//! Searches the directory in a ClientStore: prefix terms over every field, symbols kept
//! ("c++", "node.js"), case and accents folded, everyday words understood (filler and question
//! words, places, aliases; see QueryUnderstanding), typos corrected, filters, ranking with match
//! reasons, partial matches when no one matches every word, and department and location facets. Queries run on the
//! store's thread (its connection) and take a few milliseconds on 100,000 people; see docs/ARCHITECTURE.md.
class SearchEngine : public QObject
{
    Q_OBJECT

public:
    explicit SearchEngine(ClientStore *store, QObject *parent = nullptr);
    ~SearchEngine() override;

    //! One page of results for \a request, with facets and corrections over all results.
    SearchPage search(const SearchRequest &request);
    SearchPage search(const QString &query, int offset = 0, int limit = 50);

    //! The skills, places and titles (with their aliases and related names) that queries are read
    //! with; none until set. The UI and the command line set Vocabulary::defaults() until a
    //! synced one is stored.
    void setVocabulary(const Vocabulary &vocabulary);

    //! The org chart that team: and reports: filters use (over the same store, not owned);
    //! without one, the engine makes its own when a query first needs it.
    void setOrgChart(OrgChart *chart);

    //! Where the results of \a request are, by location and department and skill level (the
    //! first \a rows values of each, most people first). Runs the search when it is not the last one.
    SkillMap skillMap(const SearchRequest &request, int rows = 10);

    //! The full profile of a result, by id.
    std::optional<Profile> profile(const QString &id) const;

    //! Loads what searching needs (the per-person table, the prefix table and the term
    //! dictionary) now rather than at the first query. Returns false when the store is not usable.
    bool prepare();

    enum class Preparation { More, Done, Failed };
    //! Loads part of what prepare() loads, for about \a budgetMs, and says whether more remains
    //! (call again, from the event loop, until Done). From the first call on, searches do not wait
    //! for the prefix table: they are answered from what is ready (short words through FTS5 until
    //! it is loaded). After a sync delta, what a search did not need (the term dictionary's counts
    //! of the changed words) is brought up to date here too.
    Preparation prepareStep(int budgetMs);

    //! Saves in the store what the next start reads instead of building it (the per-person
    //! table), when none is saved or the saved one is well behind: a few ms at 100,000 people.
    //! Best called when no one is typing, and before closing.
    void saveTables();

    //! Forgets everything loaded; the next search loads it again (benchmarks, tests).
    void invalidate();

    //! The query syntax, for --help and the UI.
    static QString syntaxHelp();

private:
    //! search() with the words as typed (no hyphenated word taken apart).
    SearchPage searchWords(const SearchRequest &request);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Colleagues
