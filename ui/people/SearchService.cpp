// SPDX-License-Identifier: MIT
#include "ui/people/SearchService.h"

#include "client/ClientStore.h"
#include "client/search/SearchEngine.h"

#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

Q_LOGGING_CATEGORY(lcUiSearch, "colleagues.ui.search")

namespace Colleagues {

//! Lives on the search thread: owns the connection and the engine, answers requests.
class SearchWorker : public QObject
{
    Q_OBJECT

public:
    SearchWorker(QString path, std::shared_ptr<std::atomic<int>> latest)
        : m_path(std::move(path))
        , m_latest(std::move(latest))
    { }

    //! Loads the engine's tables in steps between searches: a search waits for one step at most.
    void prepare()
    {
        if (!ensureEngine()) {
            Q_EMIT prepared(false);
            return;
        }
        m_preparing = true;
        scheduleStep();
    }

    void run(int ticket, const Colleagues::SearchRequest &request, bool supersedes)
    {
        // A newer query made this one obsolete before it started: skip the work.
        if (supersedes && ticket < m_latest->load())
            return;
        SearchPage page;
        if (ensureEngine()) {
            page = m_engine->search(request);
        } else {
            page.query = request.query;
            page.error = tr("The local directory cannot be opened.");
        }
        Q_EMIT pageReady(ticket, page);
        // A sync delta the search brought in may have left work that can wait until after it.
        if (m_engine) {
            scheduleStep();
            m_saveTimer->start();
        }
    }

    //! The vocabulary the store holds now (it synced a new one).
    void reloadVocabulary()
    {
        if (m_engine)
            m_engine->setVocabulary(m_store->vocabulary());
    }

    void shutDown()
    {
        if (m_engine)
            m_engine->saveTables();
        m_engine.reset();
        m_store.reset();
    }

Q_SIGNALS:
    void pageReady(int ticket, const Colleagues::SearchPage &page);
    void prepared(bool ok);

private:
    //! Short enough that a keystroke waiting for the step still gets its results in time.
    static constexpr int StepMs = 5;
    static constexpr int SaveAfterIdleMs = 3000;

    void scheduleStep()
    {
        if (m_stepScheduled)
            return;
        m_stepScheduled = true;
        // Queued behind the searches already asked for.
        QMetaObject::invokeMethod(this, &SearchWorker::step, Qt::QueuedConnection);
    }
    void step()
    {
        m_stepScheduled = false;
        if (!m_engine)
            return;
        const SearchEngine::Preparation state = m_engine->prepareStep(StepMs);
        if (state == SearchEngine::Preparation::More) {
            scheduleStep();
        } else if (m_preparing) {
            m_preparing = false;
            m_saveTimer->start();
            Q_EMIT prepared(state == SearchEngine::Preparation::Done);
        }
    }

    bool ensureEngine()
    {
        if (m_engine)
            return true;
        m_store = std::make_unique<ClientStore>();
        if (!m_store->openFile(m_path)) {
            qCWarning(lcUiSearch) << "cannot open the store for searching:" << m_store->errorString();
            m_store.reset();
            return false;
        }
        m_engine = std::make_unique<SearchEngine>(m_store.get());
        m_engine->setVocabulary(m_store->vocabulary());
        // Saved when no one has searched for a while, never between two keystrokes.
        m_saveTimer = new QTimer(this);
        m_saveTimer->setSingleShot(true);
        m_saveTimer->setInterval(SaveAfterIdleMs);
        connect(m_saveTimer, &QTimer::timeout, this, [this] {
            if (m_engine)
                m_engine->saveTables();
        });
        return true;
    }

    QString m_path;
    std::shared_ptr<std::atomic<int>> m_latest;
    std::unique_ptr<ClientStore> m_store;
    std::unique_ptr<SearchEngine> m_engine;
    QTimer *m_saveTimer = nullptr;
    bool m_stepScheduled = false;
    bool m_preparing = false;
};

SearchService::SearchService(const QString &storeFilePath, QObject *parent)
    : QObject(parent)
    , m_thread(std::make_unique<QThread>())
    , m_latest(std::make_shared<std::atomic<int>>(0))
{
    qRegisterMetaType<Colleagues::SearchPage>();
    m_thread->setObjectName(QStringLiteral("search"));
    m_worker = new SearchWorker(storeFilePath, m_latest);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SearchWorker::pageReady, this, &SearchService::pageReady);
    connect(m_worker, &SearchWorker::prepared, this, &SearchService::prepared);
    m_thread->start();
}

SearchService::~SearchService()
{
    QMetaObject::invokeMethod(m_worker, &SearchWorker::shutDown, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

int SearchService::search(const SearchRequest &request, bool supersedes)
{
    const int ticket = m_nextTicket++;
    if (supersedes)
        m_latest->store(ticket);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, ticket, request, supersedes] { worker->run(ticket, request, supersedes); });
    return ticket;
}

void SearchService::prepare()
{
    QMetaObject::invokeMethod(m_worker, &SearchWorker::prepare);
}

void SearchService::reloadVocabulary()
{
    QMetaObject::invokeMethod(m_worker, &SearchWorker::reloadVocabulary);
}

} // namespace Colleagues

#include "SearchService.moc"
