// SPDX-License-Identifier: MIT
#pragma once

#include "client/search/SearchTypes.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace Colleagues {

class SearchWorker;

/*!
 * Runs directory searches off the GUI thread, so typing never waits for a query: a worker
 * thread opens its own connection to the store file (SQLite WAL lets it read while sync
 * writes) and its own SearchEngine. Requests are answered in order through pageReady();
 * a query request makes every older, not yet started request obsolete (latest wins).
 */
class SearchService : public QObject
{
    Q_OBJECT

public:
    //! Searches the store in \a storeFilePath (ClientStore::filePath()).
    explicit SearchService(const QString &storeFilePath, QObject *parent = nullptr);
    ~SearchService() override;

    //! Starts a search and returns its ticket. \a supersedes: older requests that have not
    //! started yet are dropped (a new query); false for the next page of the same query.
    int search(const SearchRequest &request, bool supersedes = true);

    //! Loads the search engine's tables now (at start-up, in the background).
    void prepare();
    //! Searches with the vocabulary the store holds now (after a sync brought a new one).
    void reloadVocabulary();

Q_SIGNALS:
    void pageReady(int ticket, const Colleagues::SearchPage &page);
    //! The worker finished loading; the first search after this is fast.
    void prepared(bool ok);

private:
    std::unique_ptr<QThread> m_thread;
    SearchWorker *m_worker = nullptr;
    std::shared_ptr<std::atomic<int>> m_latest;
    int m_nextTicket = 1;
};

} // namespace Colleagues
