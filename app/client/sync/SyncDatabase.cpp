// SPDX-License-Identifier: MIT
#include "client/sync/SyncDatabase.h"

#include "client/sync/SyncBatch.h"

#include "client/ClientStore.h"
#include "client/StoreSchema_p.h"
#include "client/sync/SyncLogging.h"
#include "client/sync/SyncSchema_p.h"

#include <QAtomicInt>
#include <QThread>
#include <QThreadPool>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace Colleagues {

namespace {
//! Background work yields the CPU to the thread the UI runs on: the event loop stays
//! responsive while a large first sync parses and writes (QThread priorities do nothing
//! for normal threads on Linux; a thread's nice value does).
void lowerCurrentThreadPriority()
{
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 5);
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}
} // namespace

class SyncDatabase::Worker : public QObject
{
public:
    explicit Worker(QString filePath)
        : m_filePath(std::move(filePath))
    {
        static QAtomicInt counter;
        m_connectionName = QStringLiteral("colleagues-sync-%1").arg(counter.fetchAndAddRelaxed(1));
    }

    SyncSchema::SyncWriter &writer()
    {
        if (!m_writer) {
            lowerCurrentThreadPriority();
            QString error;
            sqlite3 *db = StoreSchema::openConnection(m_connectionName, m_filePath, &error);
            if (!db)
                qCWarning(lcSync) << "sync worker:" << error;
            m_writer = std::make_unique<SyncSchema::SyncWriter>(db);
            if (!m_writer->isValid())
                qCWarning(lcSync) << "sync worker:" << m_writer->errorString();
        }
        return *m_writer;
    }

    void close()
    {
        if (m_writer) {
            m_writer.reset();
            StoreSchema::closeConnection(m_connectionName);
        }
    }

private:
    QString m_filePath;
    QString m_connectionName;
    std::unique_ptr<SyncSchema::SyncWriter> m_writer;
};

SyncDatabase::SyncDatabase(ClientStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_thread(std::make_unique<QThread>())
    , m_parser(std::make_unique<QThreadPool>())
{
    m_parser->setMaxThreadCount(1);
    m_thread->setObjectName(QStringLiteral("colleagues-sync-writer"));
    m_worker = new Worker(store->filePath());
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

SyncDatabase::~SyncDatabase()
{
    // Parsed answers queue their writes: let them, then close the writer behind them.
    m_parser->waitForDone();
    // Queued after every write already asked for: they all finish (and commit) first.
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker] {
            worker->close();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
}

sqlite3 *SyncDatabase::readHandle() const
{
    return m_store->handle();
}

void SyncDatabase::post(std::function<void()> function)
{
    QMetaObject::invokeMethod(this, std::move(function), Qt::QueuedConnection);
}

void SyncDatabase::enqueue(Job job)
{
    QMetaObject::invokeMethod(
        m_worker,
        [this, worker = m_worker, job = std::move(job)] {
            std::function<void()> then = job(worker->writer());
            post(std::move(then));
        },
        Qt::QueuedConnection);
}

void SyncDatabase::applySyncAnswer(const QByteArray &body, qint64 since, const QString &me, QObject *context,
                                   std::function<void(const AnswerHead &)> parsed,
                                   std::function<void(const SyncSchema::PageResult &)> done)
{
    QPointer<QObject> guard(context);
    m_parser->start([this, body, since, me, guard, parsed = std::move(parsed), done = std::move(done)] {
        lowerCurrentThreadPriority();
        Expected<SyncBatch> decoded = SyncBatch::fromJson(body);
        if (!decoded) {
            SyncSchema::PageResult r;
            r.error = SyncSchema::parseError(decoded.error());
            post([guard, done, r] {
                if (guard)
                    done(r);
            });
            return;
        }
        const AnswerHead head {decoded->next, decoded->hasMore, decoded->startOver, decoded->vocabularyVersion};
        post([guard, parsed, head] {
            if (guard)
                parsed(head);
        });
        auto batch = std::make_shared<const SyncBatch>(std::move(decoded).value());
        enqueue([batch, since, me, guard, done](SyncSchema::SyncWriter &writer) {
            SyncSchema::PageResult r = writer.applyPage(*batch, since, me);
            return std::function<void()>([r = std::move(r), guard, done] {
                if (guard)
                    done(r);
            });
        });
    });
}

} // namespace Colleagues
