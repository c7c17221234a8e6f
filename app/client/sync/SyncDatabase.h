// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

struct sqlite3;

QT_BEGIN_NAMESPACE
class QThread;
class QThreadPool;
QT_END_NAMESPACE

namespace Colleagues {

class ClientStore;
namespace SyncSchema {
class SyncWriter;
struct PageResult;
} // namespace SyncSchema

/*!
 * The sync engine's access to the local store: reads on the store's own connection (this
 * thread), every write on a worker thread with its own connection, one transaction per
 * write, so that large sync pages never block the thread the UI runs on.
 */
class SyncDatabase : public QObject
{
    Q_OBJECT

public:
    //! \a store must be open and outlive this object.
    explicit SyncDatabase(ClientStore *store, QObject *parent = nullptr);
    //! Finishes the writes already queued, then stops the worker.
    ~SyncDatabase() override;

    ClientStore *store() const { return m_store; }
    //! The connection for reads, on this object's thread.
    sqlite3 *readHandle() const;

    //! Runs \a work on the worker (in queue order) and then \a done with its result on this
    //! object's thread, unless \a context was destroyed in the meantime.
    template<typename R>
    void write(std::function<R(SyncSchema::SyncWriter &)> work, QObject *context, std::function<void(R)> done)
    {
        QPointer<QObject> guard(context);
        enqueue([work = std::move(work), done = std::move(done), guard](SyncSchema::SyncWriter &writer) {
            R result = work(writer);
            return std::function<void()>([result = std::move(result), done, guard] {
                if (guard && done)
                    done(result);
            });
        });
    }

    //! Calls \a function on this object's thread (safe from the worker).
    void post(std::function<void()> function);

    //! What a sync answer says about the next request, known as soon as it is parsed.
    struct AnswerHead
    {
        qint64 next = 0;
        bool hasMore = false;
        bool startOver = false;
        QString vocabularyVersion; //!< empty when the server did not say
    };
    /*!
     * Stores a GET /sync answer for cursor \a since: parses it on the parser thread, reports its
     * head through \a parsed (so the next page can be asked for while this one is written),
     * then applies it on the writer and reports through \a done; both on this object's thread
     * and only while \a context lives. Parsing and writing overlap across pages; answers are
     * applied in the order they were given.
     */
    void applySyncAnswer(const QByteArray &body, qint64 since, const QString &me, QObject *context,
                         std::function<void(const AnswerHead &)> parsed,
                         std::function<void(const SyncSchema::PageResult &)> done);

private:
    using Job = std::function<std::function<void()>(SyncSchema::SyncWriter &)>;
    void enqueue(Job job);

    class Worker;
    ClientStore *m_store;
    std::unique_ptr<QThread> m_thread;
    Worker *m_worker = nullptr;
    std::unique_ptr<QThreadPool> m_parser; //!< one thread: answers are parsed in order
};

} // namespace Colleagues
