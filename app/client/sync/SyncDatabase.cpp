#include "SyncDatabase.h"

#include "ClientStore.h"
#include "SyncLogging.h"
#include "SyncSchema_p.h"

#include <QAtomicInt>
#include <QThread>

namespace Colleagues {

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
            QString error;
            sqlite3 *db = SyncSchema::openConnection(m_connectionName, m_filePath, &error);
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
            SyncSchema::closeConnection(m_connectionName);
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
{
    m_thread->setObjectName(QStringLiteral("colleagues-sync-writer"));
    m_worker = new Worker(store->filePath());
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

SyncDatabase::~SyncDatabase()
{
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

} // namespace Colleagues
