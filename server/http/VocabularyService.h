// SPDX-License-Identifier: MIT
#pragma once

#include "core/Expected.h"
#include "core/Vocabulary.h"
#include "server/http/ApiError.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QMutex>
#include <QString>

namespace Colleagues::Server {

class Storage;

/*!
 * The vocabulary the server serves: the one an administrator imported, or the default shipped
 * with Colleagues until then. Reads the version from storage each time (an import may come
 * from another process) and keeps the served JSON of the last version it built. Thread-safe.
 */
class VocabularyService
{
public:
    explicit VocabularyService(Storage *storage);

    //! The served vocabulary as a GET /vocabulary body, and its version.
    struct Document
    {
        QString version;
        QByteArray json;
    };

    //! The version clients should have (blocking: one small read).
    Expected<QString> version();
    //! version(), read again only when the last read is over RecentMs old: for the pages of
    //! held syncs, thousands a second, which learn of an imported vocabulary a moment later.
    Expected<QString> recentVersion();
    static constexpr int RecentMs = 1000;
    //! The last version version() or document() saw, without reading storage; the default's
    //! before the first read. For answers made where storage must not be read.
    QString lastKnownVersion() const;
    //! The served vocabulary's JSON (built once per version).
    ApiResult<Document> document();

    //! The served vocabulary, decoded.
    Expected<Vocabulary> current();
    //! How import() combines an imported vocabulary with the current one.
    enum class ImportMode {
        Replace, //!< the imported vocabulary is the whole new one
        Merge, //!< its entries replace entries of the same kind and name, and add the others
    };
    //! Stores \a imported (merged with the current one for Merge); returns what is served now.
    Expected<Vocabulary> import(const Vocabulary &imported, ImportMode mode);

private:
    static QByteArray jsonOf(const Vocabulary &vocabulary);

    Storage *m_storage;
    mutable QMutex m_mutex;
    QString m_lastVersion;
    QDeadlineTimer m_lastVersionFresh; //!< until when m_lastVersion needs no read (recentVersion())
    Document m_document; //!< of m_document.version; empty until first built
};

} // namespace Colleagues::Server
