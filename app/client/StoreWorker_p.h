// SPDX-License-Identifier: MIT
#pragma once

// Internal: the store's writer on its own thread and its own connection.

#include "client/ClientStore.h"

#include <QObject>
#include <QString>

#include <memory>

namespace Colleagues {

namespace StoreSchema {
class DirectoryWriter;
}

//! Lives on the store's worker thread. Opens its own connection to the store's file on first
//! use and applies batches there, one transaction each.
class StoreWorker : public QObject
{
    Q_OBJECT

public:
    explicit StoreWorker(const QString &filePath);
    ~StoreWorker() override;

    //! Runs on the worker thread.
    void apply(int requestId, const DirectoryBatch &batch);

Q_SIGNALS:
    //! A batch was applied (or failed); emitted by apply() only.
    void finished(int requestId, int upserted, int removed, const QString &errorString, QPrivateSignal);

private:
    bool ensureOpen(QString *error);

    QString m_filePath;
    QString m_connectionName;
    sqlite3 *m_db = nullptr;
    std::unique_ptr<StoreSchema::DirectoryWriter> m_writer;
};

} // namespace Colleagues
